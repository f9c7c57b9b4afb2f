// Purpose: Disambiguation audit: possibly split authors, i.e. pairs of distinct Author records sharing a
//   blocking key (name_key) or a name variant, with co-authors in common, and no conflicting ORCIDs
//   (two different ORCIDs are two people). Candidates for a merge, most shared co-authors first.
// Parameters:
//   $min_shared_coauthors (int, default 1): leave out pairs with fewer co-authors in common.
//   $max_block (int, default 50): skip a key shared by more records than this (a common name: comparing
//     all its pairs would be quadratic; the ingest blocking stage skips such blocks the same way).
//   $limit (int, default 50): at most this many pairs.
// Returns: uid_a (string), name_a (string), uid_b (string), name_b (string), keys (list<string>): the keys
//   they share, shared_coauthors (int), coauthors (list<string>): names of up to ten shared co-authors
// Mode: read
MATCH (a:Author)
UNWIND [a.name_key] + [v IN coalesce(a.name_variants, []) | 'variant:' + toLower(v)] AS key
WITH key, a WHERE key IS NOT NULL
WITH key, collect(DISTINCT a) AS block
WHERE size(block) > 1 AND size(block) <= $max_block
UNWIND block AS a
UNWIND block AS b
WITH a, b, key WHERE a.uid < b.uid AND (a.orcid IS NULL OR b.orcid IS NULL OR a.orcid = b.orcid)
WITH a, b, collect(DISTINCT key) AS keys
MATCH (a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(c:Author)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b)
WHERE c <> a AND c <> b
WITH a, b, keys, collect(DISTINCT c) AS shared
WHERE size(shared) >= $min_shared_coauthors
RETURN a.uid AS uid_a, a.name AS name_a, b.uid AS uid_b, b.name AS name_b, keys,
       size(shared) AS shared_coauthors, [c IN shared | c.name][0..10] AS coauthors
ORDER BY shared_coauthors DESC, uid_a, uid_b
LIMIT $limit
