// Purpose: The facts the trust score is computed from, for a batch of authors. A verified follower is
//   an account holding a verified claim on another author (following your own record counts as unverified).
// Parameters: $uids (list<string>, required): author uids.
//   $low (float, required): authorships below this confidence count as low-confidence.
// Returns: uid (string), orcid (string), works (int), first_year (int), last_year (int), authorships (int),
//   low_confidence (int), orcid_authorships (int), venues (list<string>), sources (list<string>),
//   claims (list<map>), followers (int), verified_followers (int), vouchers (list<map>),
//   collab_trust (float), formula_version (string): the propagated trust and formula of the last computation.
// Mode: read
UNWIND $uids AS uid
MATCH (a:Author {uid: uid})
CALL {
  WITH a
  OPTIONAL MATCH (a)-[r:AUTHORED]->(p:Paper)
  RETURN count(DISTINCT p) AS works, min(p.year) AS first_year, max(p.year) AS last_year,
         count(r) AS authorships,
         sum(CASE WHEN r IS NOT NULL AND coalesce(r.confidence, 1.0) < $low THEN 1 ELSE 0 END) AS low_confidence,
         sum(CASE WHEN r.method = 'orcid' THEN 1 ELSE 0 END) AS orcid_authorships
}
CALL {
  WITH a
  OPTIONAL MATCH (a)-[:AUTHORED]->(:Paper)-[:PUBLISHED_IN]->(v:Venue)
  RETURN collect(DISTINCT v.name) AS venues
}
CALL {
  WITH a
  OPTIONAL MATCH (a)-[:DERIVED_FROM]->(s:SourceRecord)
  RETURN collect(DISTINCT s.source) AS sources
}
CALL {
  WITH a
  OPTIONAL MATCH (a)<-[:CLAIMS]-(c:Claim)<-[:MADE_CLAIM]-(acc:Account)
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {uid: c.uid, status: c.status, method: c.method,
                                                      account: acc.uid} END) AS claims
}
CALL {
  WITH a
  OPTIONAL MATCH (a)<-[:FOLLOWS]-(f:Account)
  RETURN count(f) AS followers,
         sum(CASE WHEN f IS NOT NULL AND EXISTS {
               MATCH (f)-[:MADE_CLAIM]->(:Claim {status: 'verified'})-[:CLAIMS]->(other:Author) WHERE other <> a
             } THEN 1 ELSE 0 END) AS verified_followers
}
CALL {
  WITH a
  OPTIONAL MATCH (a)<-[:VOUCHED_FOR]-(v:Account)
  WHERE EXISTS {
    MATCH (v)-[:MADE_CLAIM]->(:Claim {status: 'verified'})-[:CLAIMS]->(b:Author)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(a)
    WHERE b <> a
  }
  RETURN collect(DISTINCT CASE WHEN v IS NULL THEN null ELSE {account: v.uid, name: v.display_name} END) AS vouchers
}
RETURN a.uid AS uid, a.orcid AS orcid, works, first_year, last_year, authorships, low_confidence,
       orcid_authorships, venues, sources, claims, followers, verified_followers, vouchers,
       a.collab_trust AS collab_trust, a.trust_formula_version AS formula_version
