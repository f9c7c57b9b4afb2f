// Purpose: The account holding an unexpired access token, by the token's hash.
// Parameters: $token_hash (string, required), $now (float, required)
// Returns: uid (string), email (string), display_name (string), role (string), disabled (bool).
// Mode: read
MATCH (a:Account)-[:HAS_TOKEN]->(t:AccessToken {token_hash: $token_hash})
WHERE t.expires_at > $now AND NOT coalesce(a.disabled, false)
RETURN a.uid AS uid, a.email AS email, a.display_name AS display_name, a.role AS role,
       coalesce(a.disabled, false) AS disabled
