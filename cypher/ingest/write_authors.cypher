// Purpose: Create or update Authors (names chosen by the matcher: the fullest spelling seen, all variants
//   kept). Their links to the SourceRecords that mention them are create/write_author_sources.
// Parameters:
//   $rows (list<map>): {uid, orcid, openalex_id, props}: props maps Author properties to their new values,
//     every one for a new author (name, given, family, initials, name_key, full_key, name_variants and the
//     matching context: context_coauthors, context_topics, context_venues, context_affiliations,
//     context_listings, context_titles, newest first, capped), only those that changed for a stored one
//     (plan_authors.write_row). orcid and openalex_id only fill in what the node lacks.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (a:Author {uid: r.uid})
SET a += r.props, a.orcid = coalesce(a.orcid, r.orcid),
    a.openalex_id = coalesce(a.openalex_id, r.openalex_id),
    a.verification_level = coalesce(a.verification_level, 'L0'),
    a.open_to_collaborate = coalesce(a.open_to_collaborate, false)
RETURN count(*) AS written
