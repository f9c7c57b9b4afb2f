// Purpose: Reject a pending claim, saying why.
// Parameters: $uid (string, required), $reason (string, required), $decided_by (string, required),
//   $now (float, required)
// Returns: status (string), author_uid (string).
// Mode: write
MATCH (c:Claim {uid: $uid})-[:CLAIMS]->(a:Author)
WHERE c.status = 'pending'
SET c.status = 'rejected', c.reason = $reason, c.decided_by = $decided_by, c.decided_at = $now,
    c.nonce_hash = null
RETURN c.status AS status, a.uid AS author_uid
