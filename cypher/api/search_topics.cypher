// Purpose: Candidate topics for a search: labels containing one of the query's word stems.
// Parameters:
//   $stems (list<string>, required): word stems a label_key must contain.
//   $limit (int, required): at most this many candidates.
// Returns: uid (string), label (string), key (string)
// Mode: read
UNWIND $stems AS stem
MATCH (t:Topic) WHERE t.label_key CONTAINS stem OR toLower(t.code) = stem
WITH DISTINCT t LIMIT $limit
RETURN t.uid AS uid, t.label AS label, t.label_key AS key
