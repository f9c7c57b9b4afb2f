// Purpose: An account follows an author (idempotent).
// Parameters: $account_uid (string, required), $author_uid (string, required)
// Returns: followers (int).
// Mode: write
MATCH (acc:Account {uid: $account_uid}), (a:Author {uid: $author_uid})
MERGE (acc)-[:FOLLOWS]->(a)
WITH a
RETURN COUNT { (a)<-[:FOLLOWS]-(:Account) } AS followers
