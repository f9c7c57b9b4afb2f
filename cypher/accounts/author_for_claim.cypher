// Purpose: An author as claims see it: its ORCID and the claims already made on it.
// Parameters: $uid (string, required): the author's uid.
// Returns: uid (string), name (string), orcid (string), claims (list<map>).
// Mode: read
MATCH (a:Author {uid: $uid})
OPTIONAL MATCH (a)<-[:CLAIMS]-(c:Claim)<-[:MADE_CLAIM]-(acc:Account)
WITH a, collect(CASE WHEN c IS NULL THEN null ELSE {uid: c.uid, status: c.status, method: c.method,
                                                    account: acc.uid} END) AS claims
RETURN a.uid AS uid, a.name AS name, a.orcid AS orcid, claims
