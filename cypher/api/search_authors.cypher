// Purpose: Candidate authors for a search: exact blocking keys ("family|initial") first, then key
//   prefixes (typo-tolerant past the first letters); ranked afterwards in Python with rapidfuzz.
// Parameters:
//   $keys (list<string>, required): exact name_key values to try.
//   $prefixes (list<string>, required): name_key prefixes to try.
//   $limit (int, required): at most this many candidates per branch.
// Returns: uid (string), name (string), given (string), family (string), variants (list<string>), works (int)
// Mode: read
CALL {
  UNWIND $keys AS key
  MATCH (a:Author {name_key: key})
  WITH a LIMIT $limit
  RETURN a
  UNION
  UNWIND $prefixes AS pre
  MATCH (a:Author) WHERE a.name_key STARTS WITH pre
  WITH a LIMIT $limit
  RETURN a
}
RETURN DISTINCT a.uid AS uid, a.name AS name, a.given AS given, a.family AS family, a.name_variants AS variants,
  COUNT { (a)-[:AUTHORED]->(:Paper) } AS works
