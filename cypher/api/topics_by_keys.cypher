// Purpose: Topics by uid; one row per key, node null when absent.
// Parameters:
//   $keys (list<string>, required): uids.
// Returns: key (string), node (map)
// Mode: read
UNWIND $keys AS k
OPTIONAL MATCH (t:Topic {uid: k})
RETURN k AS key, CASE WHEN t IS NULL THEN null ELSE t {.uid, .label, .scheme, .code} END AS node
