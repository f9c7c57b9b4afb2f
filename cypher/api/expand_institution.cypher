// Purpose: One step of the neighborhood walk from Institution nodes: for each source and relationship type,
//   at most $scan neighbours (so a supernode costs $scan rows, never its whole degree), with the
//   source's full degree for that type so the caller can count what was left out.
// Parameters:
//   $uids (list<string>, required): the source uids.
//   $scan (int, required): neighbours read per source and relationship type.
//   (No year bounds: affiliations are not papers; the caller's $since/$until are ignored here.)
// Returns: src (string), type (string), out (bool), uid (string), kind (string), label (string),
//   year (int), weight (float), degree (int)
// Mode: read
UNWIND $uids AS u
MATCH (s:Institution {uid: u})
CALL {
  WITH s
  MATCH (m:Author)-[r:AFFILIATED_WITH]->(s)
  WITH s, r, m LIMIT $scan
  RETURN 'AFFILIATED_WITH' AS type, false AS out, m.uid AS uid, 'AUTHOR' AS kind, m.name AS label, r.year AS year,
         1.0 AS weight, COUNT { (:Author)-[:AFFILIATED_WITH]->(s) } AS degree
}
RETURN u AS src, type, out, uid, kind, label, year, weight, degree
