// Purpose: The propagated trust stored on authors by the last computation, and its formula version.
// Parameters: $uids (list<string>, required): author uids.
// Returns: uid (string), t (float), v (string).
// Mode: read
MATCH (a:Author)
WHERE a.uid IN $uids
RETURN a.uid AS uid, a.collab_trust AS t, a.trust_formula_version AS v
