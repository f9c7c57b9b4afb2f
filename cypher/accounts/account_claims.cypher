// Purpose: The claims an account has made, newest first.
// Parameters: $account_uid (string, required)
// Returns: uid (string), status (string), method (string), evidence (string), created_at (float),
//   decided_at (float), reason (string), author_uid (string), author_name (string), author_level (string).
// Mode: read
MATCH (:Account {uid: $account_uid})-[:MADE_CLAIM]->(c:Claim)-[:CLAIMS]->(a:Author)
RETURN c.uid AS uid, c.status AS status, c.method AS method, c.evidence AS evidence,
       c.created_at AS created_at, c.decided_at AS decided_at, c.reason AS reason,
       a.uid AS author_uid, a.name AS author_name, coalesce(a.verification_level, 'L0') AS author_level
ORDER BY created_at DESC, uid
