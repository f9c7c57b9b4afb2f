// Purpose: Restart a pending claim with a method and a fresh single-use nonce (stored hashed).
// Parameters: $uid (string, required), $method (string, required), $nonce_hash (string, required),
//   $evidence (string, required)
// Returns: uid (string).
// Mode: write
MATCH (c:Claim {uid: $uid})
WHERE c.status = 'pending'
SET c.method = $method, c.nonce_hash = $nonce_hash, c.evidence = $evidence
RETURN c.uid AS uid
