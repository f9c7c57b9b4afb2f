// Purpose: One step of the neighborhood walk from Paper nodes: for each source and relationship type,
//   at most $scan neighbours (so a supernode costs $scan rows, never its whole degree), with the
//   source's full degree for that type so the caller can count what was left out.
// Parameters:
//   $uids (list<string>, required): the source uids.
//   $scan (int, required): neighbours read per source and relationship type.
//   $since (int, required), $until (int, required): papers outside these years are skipped (pass the
//   extreme years for no bound).
// Returns: src (string), type (string), out (bool), uid (string), kind (string), label (string),
//   year (int), weight (float), degree (int)
// Mode: read
UNWIND $uids AS u
MATCH (s:Paper {uid: u})
CALL {
  WITH s
  MATCH (m:Author)-[r:AUTHORED]->(s)
  WITH s, r, m LIMIT $scan
  RETURN 'AUTHORED' AS type, false AS out, m.uid AS uid, 'AUTHOR' AS kind, m.name AS label, null AS year,
         coalesce(r.confidence, 1.0) AS weight, COUNT { (:Author)-[:AUTHORED]->(s) } AS degree
  UNION
  WITH s
  MATCH (s)-[r:HAS_TOPIC]->(m:Topic)
  WITH s, r, m LIMIT $scan
  RETURN 'HAS_TOPIC' AS type, true AS out, m.uid AS uid, 'TOPIC' AS kind, m.label AS label, null AS year,
         coalesce(r.score, 1.0) AS weight, COUNT { (s)-[:HAS_TOPIC]->(:Topic) } AS degree
  UNION
  WITH s
  MATCH (s)-[:PUBLISHED_IN]->(m:Venue)
  WITH s, m LIMIT $scan
  RETURN 'PUBLISHED_IN' AS type, true AS out, m.uid AS uid, 'VENUE' AS kind, m.name AS label, null AS year,
         1.0 AS weight, COUNT { (s)-[:PUBLISHED_IN]->(:Venue) } AS degree
  UNION
  WITH s
  MATCH (s)-[:CITES]->(m:Paper) WHERE coalesce(m.year, $since) >= $since AND coalesce(m.year, $until) <= $until
  WITH s, m LIMIT $scan
  RETURN 'CITES' AS type, true AS out, m.uid AS uid, 'PAPER' AS kind, m.title AS label, m.year AS year,
         0.5 AS weight, COUNT { (s)-[:CITES]->(:Paper) } AS degree
  UNION
  WITH s
  MATCH (m:Paper)-[:CITES]->(s) WHERE coalesce(m.year, $since) >= $since AND coalesce(m.year, $until) <= $until
  WITH s, m LIMIT $scan
  RETURN 'CITES' AS type, false AS out, m.uid AS uid, 'PAPER' AS kind, m.title AS label, m.year AS year,
         0.5 AS weight, COUNT { (:Paper)-[:CITES]->(s) } AS degree
  UNION
  WITH s
  MATCH (s)-[:VERSION_OF]-(m:Paper)
  WITH s, m LIMIT $scan
  RETURN 'VERSION_OF' AS type, EXISTS { (s)-[:VERSION_OF]->(m) } AS out, m.uid AS uid, 'PAPER' AS kind,
         m.title AS label, m.year AS year, 1.0 AS weight, COUNT { (s)-[:VERSION_OF]-(:Paper) } AS degree
}
RETURN u AS src, type, out, uid, kind, label, year, weight, degree
