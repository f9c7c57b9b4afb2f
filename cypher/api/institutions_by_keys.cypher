// Purpose: Institutions by uid or ROR id; one row per key, node null when absent.
// Parameters:
//   $keys (list<string>, required): normalized ids.
// Returns: key (string), node (map)
// Mode: read
UNWIND $keys AS k
OPTIONAL MATCH (x:Institution {uid: k})
OPTIONAL MATCH (y:Institution {ror: k})
WITH k, coalesce(x, y) AS i
RETURN k AS key, CASE WHEN i IS NULL THEN null ELSE i {.uid, .name, .ror, .country} END AS node
