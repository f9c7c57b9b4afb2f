// Purpose: One claim with its account and author.
// Parameters: $uid (string, required): the claim's uid.
// Returns: uid (string), status (string), method (string), evidence (string), nonce_hash (string),
//   created_at (float), decided_at (float), reason (string), account_uid (string), account_name (string),
//   author_uid (string), author_name (string), author_orcid (string).
// Mode: read
MATCH (acc:Account)-[:MADE_CLAIM]->(c:Claim {uid: $uid})-[:CLAIMS]->(a:Author)
RETURN c.uid AS uid, c.status AS status, c.method AS method, c.evidence AS evidence,
       c.nonce_hash AS nonce_hash, c.created_at AS created_at, c.decided_at AS decided_at, c.reason AS reason,
       acc.uid AS account_uid, acc.display_name AS account_name,
       a.uid AS author_uid, a.name AS author_name, a.orcid AS author_orcid
