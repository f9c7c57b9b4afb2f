// Purpose: An account stops following an author (idempotent).
// Parameters: $account_uid (string, required), $author_uid (string, required)
// Returns: followers (int).
// Mode: write
MATCH (a:Author {uid: $author_uid})
OPTIONAL MATCH (:Account {uid: $account_uid})-[f:FOLLOWS]->(a)
DELETE f
WITH DISTINCT a
RETURN COUNT { (a)<-[:FOLLOWS]-(:Account) } AS followers
