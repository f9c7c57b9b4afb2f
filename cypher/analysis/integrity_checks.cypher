// Purpose: Integrity audit of edges and values: self-citations, papers that are versions of themselves
//   or both ways, two authors at the same position on one paper, attribution confidence outside 0..1,
//   publication years outside 1600..2100, and nodes without a uid. Every check is listed, 0 when clean.
// Parameters:
//   $examples (int, default 5): how many examples to show per check.
// Returns: check (string), count (int), examples (list<string>): uids, or "uid@position" for positions
// Mode: read
CALL {
  MATCH (p:Paper)-[:CITES]->(p) RETURN 'paper cites itself' AS check, p.uid AS example
  UNION ALL MATCH (p:Paper)-[:VERSION_OF]->(q:Paper) WHERE p = q OR EXISTS { (q)-[:VERSION_OF]->(p) }
    RETURN 'version cycle' AS check, p.uid AS example
  UNION ALL MATCH (:Author)-[r:AUTHORED]->(p:Paper)
    WITH p, r.position AS position, count(*) AS n WHERE n > 1
    RETURN 'shared author position' AS check, p.uid + '@' + toString(position) AS example
  UNION ALL MATCH (a:Author)-[r:AUTHORED]->(:Paper) WHERE r.confidence < 0 OR r.confidence > 1
    RETURN 'confidence outside 0..1' AS check, a.uid AS example
  UNION ALL MATCH (p:Paper) WHERE p.year < 1600 OR p.year > 2100 RETURN 'implausible year' AS check, p.uid AS example
  UNION ALL MATCH (n) WHERE n.uid IS NULL RETURN 'node without uid' AS check, head(labels(n)) AS example
}
WITH check, collect(example) AS found
WITH collect({check: check, found: found}) AS checks
UNWIND ['paper cites itself', 'version cycle', 'shared author position', 'confidence outside 0..1',
        'implausible year', 'node without uid'] AS check
WITH check, coalesce(head([f IN checks WHERE f.check = check | f.found]), []) AS found
RETURN check, size(found) AS count, found[0..$examples] AS examples
