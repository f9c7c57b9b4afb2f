// Purpose: Store a new access token (only its SHA-256 hash) for an account.
// Parameters: $account_uid (string, required), $uid (string, required), $token_hash (string, required),
//   $now (float, required), $expires_at (float, required)
// Returns: uid (string).
// Mode: write
MATCH (a:Account {uid: $account_uid})
CREATE (a)-[:HAS_TOKEN]->(t:AccessToken {uid: $uid, token_hash: $token_hash, created_at: $now,
                                          expires_at: $expires_at})
RETURN t.uid AS uid
