// Purpose: The authors an account holds verified claims on, with their levels (an account's level is the best).
// Parameters: $account_uid (string, required)
// Returns: author_uid (string), author_name (string), level (string).
// Mode: read
MATCH (:Account {uid: $account_uid})-[:MADE_CLAIM]->(:Claim {status: 'verified'})-[:CLAIMS]->(a:Author)
RETURN a.uid AS author_uid, a.name AS author_name, coalesce(a.verification_level, 'L2') AS level
ORDER BY author_uid
