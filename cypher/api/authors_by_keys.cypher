// Purpose: Authors by id in any accepted form (uid, ORCID, OpenAlex id); one row per key, node null when absent.
// Parameters:
//   $keys (list<string>, required): normalized ids.
// Returns: key (string), node (map)
// Mode: read
UNWIND $keys AS k
OPTIONAL MATCH (x:Author {uid: k})
OPTIONAL MATCH (y:Author {orcid: k})
OPTIONAL MATCH (z:Author {openalex_id: k})
WITH k, coalesce(x, y, z) AS a
RETURN k AS key, CASE WHEN a IS NULL THEN null ELSE a {.uid, .name, .given, .family, .orcid, .openalex_id, .name_variants, .headline, .open_to_collaborate} END AS node
