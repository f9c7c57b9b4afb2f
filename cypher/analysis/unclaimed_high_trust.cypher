// Purpose: Authors with a high trust score whom no account has a verified claim on: people worth
//   inviting, and scores worth a second look since nobody vouches for the record as its owner.
// Parameters:
//   $min_score (int, default 50): the lowest trust score listed.
//   $limit (int, default 50): at most this many authors.
// Returns: uid (string), name (string), trust_score (int), trust_band (string), verification_level (string),
//   pending_claims (int), papers (int)
// Mode: read
MATCH (a:Author)
WHERE a.trust_score >= $min_score AND NOT EXISTS { (:Claim {status: 'verified'})-[:CLAIMS]->(a) }
RETURN a.uid AS uid, a.name AS name, a.trust_score AS trust_score, a.trust_band AS trust_band,
       a.verification_level AS verification_level,
       COUNT { (c:Claim {status: 'pending'})-[:CLAIMS]->(a) } AS pending_claims,
       COUNT { (a)-[:AUTHORED]->(:Paper) } AS papers
ORDER BY trust_score DESC, uid
LIMIT $limit
