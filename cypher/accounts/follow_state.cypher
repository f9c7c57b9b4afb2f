// Purpose: An author's follower count and whether an account follows it.
// Parameters: $author_uid (string, required), $account_uid (string, required): "" for anonymous.
// Returns: followers (int), following (bool).
// Mode: read
MATCH (a:Author {uid: $author_uid})
RETURN COUNT { (a)<-[:FOLLOWS]-(:Account) } AS followers,
       EXISTS { MATCH (:Account {uid: $account_uid})-[:FOLLOWS]->(a) } AS following
