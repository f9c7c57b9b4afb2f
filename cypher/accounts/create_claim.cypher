// Purpose: A new pending claim of an account on an author.
// Parameters: $account_uid (string, required), $author_uid (string, required), $uid (string, required),
//   $method (string, required), $now (float, required)
// Returns: uid (string).
// Mode: write
MATCH (acc:Account {uid: $account_uid}), (a:Author {uid: $author_uid})
CREATE (acc)-[:MADE_CLAIM]->(c:Claim {uid: $uid, status: 'pending', method: $method, created_at: $now})
       -[:CLAIMS]->(a)
RETURN c.uid AS uid
