// Purpose: One step of the neighborhood walk from Topic nodes: for each source and relationship type,
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
MATCH (s:Topic {uid: u})
CALL {
  WITH s
  MATCH (m:Paper)-[r:HAS_TOPIC]->(s) WHERE coalesce(m.year, $since) >= $since AND coalesce(m.year, $until) <= $until
  WITH s, r, m LIMIT $scan
  RETURN 'HAS_TOPIC' AS type, false AS out, m.uid AS uid, 'PAPER' AS kind, m.title AS label, m.year AS year,
         coalesce(r.score, 1.0) AS weight, COUNT { (:Paper)-[:HAS_TOPIC]->(s) } AS degree
}
RETURN u AS src, type, out, uid, kind, label, year, weight, degree
