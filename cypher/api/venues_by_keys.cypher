// Purpose: Venues by uid; one row per key, node null when absent.
// Parameters:
//   $keys (list<string>, required): uids.
// Returns: key (string), node (map)
// Mode: read
UNWIND $keys AS k
OPTIONAL MATCH (v:Venue {uid: k})
RETURN k AS key, CASE WHEN v IS NULL THEN null ELSE v {.uid, .name, .kind} END AS node
