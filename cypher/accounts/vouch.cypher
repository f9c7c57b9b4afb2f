// Purpose: A verified account vouches for a co-author of its own claimed author (idempotent).
//   Writes only when the account holds a verified claim on an author who shares a paper with the target.
// Parameters: $account_uid (string, required), $author_uid (string, required), $now (float, required)
// Returns: uid (string), vouches (int).
// Mode: write
MATCH (acc:Account {uid: $account_uid})-[:MADE_CLAIM]->(:Claim {status: 'verified'})-[:CLAIMS]->(mine:Author)
MATCH (a:Author {uid: $author_uid})
WHERE mine <> a AND EXISTS { MATCH (mine)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(a) }
WITH DISTINCT acc, a
MERGE (acc)-[v:VOUCHED_FOR]->(a)
ON CREATE SET v.created_at = $now
WITH a
RETURN a.uid AS uid, COUNT { (a)<-[:VOUCHED_FOR]-(:Account) } AS vouches
