// Purpose: Create or update Authors (names chosen by the matcher: the fullest spelling seen, all variants
//   kept). Their links to the SourceRecords that mention them are create/write_author_sources.
// Parameters:
//   $rows (list<map>): {uid, name, given, family, initials, name_key, full_key, variants, orcid, openalex_id,
//     coauthors, topics, venues, affiliations, listings, titles (the matching context, newest first, capped)}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (a:Author {uid: r.uid})
SET a.name = r.name, a.given = r.given, a.family = r.family, a.initials = r.initials, a.name_key = r.name_key,
    a.full_key = r.full_key, a.name_variants = r.variants,
    a.context_coauthors = r.coauthors, a.context_topics = r.topics, a.context_venues = r.venues,
    a.context_affiliations = r.affiliations, a.context_listings = r.listings,
    a.context_titles = r.titles, a.orcid = coalesce(a.orcid, r.orcid),
    a.openalex_id = coalesce(a.openalex_id, r.openalex_id),
    a.verification_level = coalesce(a.verification_level, 'L0'),
    a.open_to_collaborate = coalesce(a.open_to_collaborate, false)
RETURN count(*) AS written
