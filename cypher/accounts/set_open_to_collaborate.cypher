// Purpose: Set an author's open-to-collaborate flag, only when the account holds its verified claim.
// Parameters: $account_uid (string, required), $author_uid (string, required), $open (bool, required)
// Returns: uid (string), open (bool).
// Mode: write
MATCH (:Account {uid: $account_uid})-[:MADE_CLAIM]->(:Claim {status: 'verified'})-[:CLAIMS]->(a:Author {uid: $author_uid})
SET a.open_to_collaborate = $open
RETURN a.uid AS uid, a.open_to_collaborate AS open
