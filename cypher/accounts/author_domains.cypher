// Purpose: The e-mail domains of an author's institutions (to verify a claim by e-mail).
// Parameters: $uid (string, required): the author's uid.
// Returns: institution (string), domains (list<string>).
// Mode: read
MATCH (:Author {uid: $uid})-[:AFFILIATED_WITH]->(i:Institution)
RETURN i.name AS institution, coalesce(i.domains, []) AS domains
ORDER BY institution
