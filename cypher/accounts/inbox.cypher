// Purpose: Invitations to the authors an account holds verified claims on, newest first.
// Parameters: $account_uid (string, required), $limit (int, required)
// Returns: uid (string), message (string), created_at (float), to_author_uid (string), to_author_name (string),
//   sender_name (string), sender_author_uid (string), sender_author_name (string).
// Mode: read
MATCH (:Account {uid: $account_uid})-[:MADE_CLAIM]->(:Claim {status: 'verified'})-[:CLAIMS]->(to:Author)
MATCH (i:Invitation)-[:INVITES]->(to)
MATCH (i)-[:SENT_BY]->(sender:Account)
OPTIONAL MATCH (sender)-[:MADE_CLAIM]->(:Claim {status: 'verified'})-[:CLAIMS]->(sa:Author)
WITH i, to, sender, collect(sa)[0] AS sa
RETURN i.uid AS uid, i.message AS message, i.created_at AS created_at, to.uid AS to_author_uid,
       to.name AS to_author_name, sender.display_name AS sender_name, sa.uid AS sender_author_uid,
       sa.name AS sender_author_name
ORDER BY created_at DESC, uid
LIMIT $limit
