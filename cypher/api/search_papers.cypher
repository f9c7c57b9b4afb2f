// Purpose: Candidate papers for a search: titles starting with the query, then titles containing
//   the query's most distinctive word stems; ranked afterwards in Python with rapidfuzz.
// Parameters:
//   $prefix (string, required): the normalized query (a title_key prefix).
//   $stems (list<string>, required): word stems a title_key must contain.
//   $limit (int, required): at most this many candidates per branch.
// Returns: uid (string), title (string), key (string), year (int)
// Mode: read
CALL {
  MATCH (p:Paper) WHERE p.title_key STARTS WITH $prefix
  WITH p LIMIT $limit
  RETURN p
  UNION
  UNWIND $stems AS stem
  MATCH (p:Paper) WHERE p.title_key CONTAINS stem
  WITH p LIMIT $limit
  RETURN p
}
RETURN DISTINCT p.uid AS uid, p.title AS title, p.title_key AS key, p.year AS year
