// Purpose: Authors holding a verified claim: the seeds of trust propagation.
// Parameters: none
// Returns: uid (string).
// Mode: read
MATCH (:Claim {status: 'verified'})-[:CLAIMS]->(a:Author)
RETURN DISTINCT a.uid AS uid
