// Purpose: Undo an author bridge, first step: the joined author exists again with its own properties, and the
//   kept author gives back the identifiers and spellings it took from it. Each records the other in
//   split_from, so that ingest never bridges the two again. Both authors' stored matching
//   context is dropped (the next ingest batch that looks them up recomputes it from the graph).
// Parameters:
//   $kept (string): the author the joined one was merged into.
//   $joined (string): the joined author's uid.
//   $props (map): the joined author's properties as they were.
//   $orcid_back (boolean), $openalex_back (boolean): the kept author had the joined one's id only from it.
//   $variants_back (list<string>): spellings the kept author had only from the joined one.
//   $kept_name (map or null): {name, given, family, initials, name_key, full_key} of the kept author before
//     the bridge, when the bridge gave it the joined author's fuller name (restored while it still has it).
//   $joined_name (string): the joined author's display name.
// Returns: uid (string)
// Mode: write
MATCH (k:Author {uid: $kept})
SET k.orcid = CASE WHEN $orcid_back THEN null ELSE k.orcid END,
    k.openalex_id = CASE WHEN $openalex_back THEN null ELSE k.openalex_id END,
    k.name_variants = [v IN coalesce(k.name_variants, []) WHERE NOT v IN $variants_back]
SET k += CASE WHEN $kept_name IS NOT NULL AND k.name = $joined_name THEN $kept_name ELSE {} END
REMOVE k.context_coauthors, k.context_topics, k.context_venues, k.context_affiliations, k.context_listings, k.context_titles
WITH k
MERGE (x:Author {uid: $joined})
SET x += $props
SET x.split_from = apoc.coll.toSet(coalesce(x.split_from, []) + [$kept]),
    k.split_from = apoc.coll.toSet(coalesce(k.split_from, []) + [$joined])
REMOVE x.context_coauthors, x.context_topics, x.context_venues, x.context_affiliations, x.context_listings, x.context_titles
RETURN x.uid AS uid
