// Purpose: Claims waiting for a decision, oldest first, with who claims which author.
// Parameters: $limit (int, required)
// Returns: uid (string), method (string), evidence (string), created_at (float), account_uid (string),
//   account_name (string), author_uid (string), author_name (string), author_orcid (string).
// Mode: read
MATCH (acc:Account)-[:MADE_CLAIM]->(c:Claim {status: 'pending'})-[:CLAIMS]->(a:Author)
RETURN c.uid AS uid, c.method AS method, c.evidence AS evidence, c.created_at AS created_at,
       acc.uid AS account_uid, acc.display_name AS account_name,
       a.uid AS author_uid, a.name AS author_name, a.orcid AS author_orcid
ORDER BY created_at, uid
LIMIT $limit
