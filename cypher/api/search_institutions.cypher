// Purpose: Candidate institutions for a search: names containing one of the query's word stems.
// Parameters:
//   $stems (list<string>, required): word stems a name_key must contain.
//   $limit (int, required): at most this many candidates.
// Returns: uid (string), name (string), key (string)
// Mode: read
UNWIND $stems AS stem
MATCH (i:Institution) WHERE i.name_key CONTAINS stem
WITH DISTINCT i LIMIT $limit
RETURN i.uid AS uid, i.name AS name, i.name_key AS key
