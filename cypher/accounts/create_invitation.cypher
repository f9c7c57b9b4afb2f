// Purpose: Store an invitation from an account to an author.
// Parameters: $uid (string, required), $account_uid (string, required), $author_uid (string, required),
//   $message (string, required), $now (float, required)
// Returns: uid (string).
// Mode: write
MATCH (acc:Account {uid: $account_uid}), (a:Author {uid: $author_uid})
CREATE (i:Invitation {uid: $uid, message: $message, created_at: $now})
CREATE (i)-[:SENT_BY]->(acc)
CREATE (i)-[:INVITES]->(a)
RETURN i.uid AS uid
