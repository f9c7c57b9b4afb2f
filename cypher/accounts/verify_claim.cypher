// Purpose: Verify a pending claim unless another claim on the same author is already verified.
//   The single-use nonce is cleared in the same statement.
// Parameters: $uid (string, required), $method (string, required), $evidence (string, required),
//   $decided_by (string, required), $now (float, required)
// Returns: status (string), conflicts (int), author_uid (string).
// Mode: write
MATCH (c:Claim {uid: $uid})-[:CLAIMS]->(a:Author)
WHERE c.status = 'pending'
// Writing the author first takes its write lock (Neo4j) or makes concurrent verifications of the
// same author conflict and retry (ArcadeDB's optimistic transactions), so two claims can never
// both see "no other verified claim".
SET a.verification_level = coalesce(a.verification_level, 'L0')
WITH c, a
OPTIONAL MATCH (other:Claim {status: 'verified'})-[:CLAIMS]->(a)
WHERE other.uid <> c.uid
WITH c, a, count(other) AS conflicts
FOREACH (_ IN CASE WHEN conflicts = 0 THEN [1] ELSE [] END |
  SET c.status = 'verified', c.method = $method, c.evidence = $evidence, c.decided_by = $decided_by,
      c.decided_at = $now, c.nonce_hash = null)
RETURN c.status AS status, conflicts, a.uid AS author_uid
