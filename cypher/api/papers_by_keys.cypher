// Purpose: Papers by id in any accepted form (uid, DOI, arXiv id, OpenAlex id); one row per key, node null when absent.
// Parameters:
//   $keys (list<string>, required): normalized ids (see peergraph.graphql.ids.lookup_key).
// Returns: key (string), node (map)
// Mode: read
UNWIND $keys AS k
OPTIONAL MATCH (a:Paper {uid: k})
OPTIONAL MATCH (b:Paper {doi: k})
OPTIONAL MATCH (c:Paper {arxiv_id: k})
OPTIONAL MATCH (d:Paper {openalex_id: k})
WITH k, coalesce(a, b, c, d) AS p
RETURN k AS key, CASE WHEN p IS NULL THEN null ELSE p {.uid, .title, .year, .date, .type, .abstract, .doi, .arxiv_id, .arxiv_version, .openalex_id} END AS node
