// Purpose: When an account sent its invitations since a moment (for the per-sender rate limit).
// Parameters: $account_uid (string, required), $since (float, required)
// Returns: created_at (float).
// Mode: read
MATCH (i:Invitation)-[:SENT_BY]->(:Account {uid: $account_uid})
WHERE i.created_at >= $since
RETURN i.created_at AS created_at
ORDER BY created_at
