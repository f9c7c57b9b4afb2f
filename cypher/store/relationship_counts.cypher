// Relationship counts per type.
// Returns: type (string), count (int). Read.
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
