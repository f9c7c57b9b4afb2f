// Purpose: An author's co-authors, strongest collaboration first, with the weight of
//   peergraph.network.collaboration (fractional 1/(n-1) per shared paper, hyper-authored papers damped,
//   recency relative to the author's latest year; preprints superseded by a VERSION_OF are skipped).
// Parameters:
//   $id (string, required): the author's uid, ORCID or OpenAlex id (normalized).
//   $skip (int, required), $limit (int, required): the page.
//   $close_only (bool, required): only close collaborators.
//   $hyper_authors (int, required), $half_life (float, required), $unknown_recency (float, required),
//   $close_min_shared (int, required), $close_min_weight (float, required): the constants of
//   peergraph.network.collaboration (pass collaboration.cypher_params()).
// Returns: uid (string), total (int), close_total (int), page (list<map>): each {node, weight, shared, first,
//   last, close}. No row when no author has that id.
// Mode: read
OPTIONAL MATCH (x:Author {uid: $id})
OPTIONAL MATCH (y:Author {orcid: $id})
OPTIONAL MATCH (z:Author {openalex_id: $id})
WITH coalesce(x, y, z) AS a
WHERE a IS NOT NULL
CALL {
  WITH a
  CALL { WITH a MATCH (a)-[:AUTHORED]->(q:Paper) RETURN max(q.year) AS ref }
  MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
  WHERE c <> a AND NOT EXISTS { (p)-[:VERSION_OF]->(:Paper) }
  WITH c, p, ref, COUNT { (p)<-[:AUTHORED]-(:Author) } AS n
  WITH c, count(p) AS shared, min(p.year) AS first, max(p.year) AS last,
       sum(CASE WHEN n < 2 THEN 0.0 ELSE (1.0 / (n - 1))
           * (CASE WHEN n > $hyper_authors THEN toFloat($hyper_authors) / n ELSE 1.0 END)
           * (CASE WHEN p.year IS NULL OR ref IS NULL THEN $unknown_recency
                   ELSE 0.5 ^ ((CASE WHEN ref - p.year > 0 THEN ref - p.year ELSE 0 END) / $half_life) END) END) AS weight
  WITH c, shared, first, last, weight, shared >= $close_min_shared AND weight >= $close_min_weight AS close
  WHERE close OR NOT $close_only
  WITH c, shared, first, last, weight, close ORDER BY weight DESC, c.uid
  RETURN collect([c, weight, shared, first, last, close]) AS rows
}
WITH a, rows, $skip AS s, $skip + $limit AS e
RETURN a.uid AS uid, size(rows) AS total, size([x IN rows WHERE x[5]]) AS close_total,
  [x IN rows[s..e] | {node: {uid: x[0].uid, name: x[0].name, given: x[0].given, family: x[0].family, orcid: x[0].orcid, openalex_id: x[0].openalex_id, name_variants: x[0].name_variants, headline: x[0].headline, open_to_collaborate: x[0].open_to_collaborate}, weight: x[1], shared: x[2], first: x[3], last: x[4], close: x[5]}] AS page
