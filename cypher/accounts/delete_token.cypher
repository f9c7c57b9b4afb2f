// Purpose: Log out: delete one access token by its hash.
// Parameters: $token_hash (string, required)
// Returns: deleted (int).
// Mode: write
MATCH (t:AccessToken {token_hash: $token_hash})
DETACH DELETE t
RETURN count(*) AS deleted
