// Purpose: How many close collaborators each author has (peergraph.network.collaboration.is_close);
//   used by the profile and the trust score. Authors without co-authors get 0.
// Parameters:
//   $uids (list<string>, required): author uids.
//   $hyper_authors (int, required), $half_life (float, required), $unknown_recency (float, required),
//   $close_min_shared (int, required), $close_min_weight (float, required): the constants of
//   peergraph.network.collaboration (pass collaboration.cypher_params()).
// Returns: uid (string), close_collaborators (int)
// Mode: read
UNWIND $uids AS u
MATCH (a:Author {uid: u})
CALL {
  WITH a
  CALL { WITH a MATCH (a)-[:AUTHORED]->(q:Paper) RETURN max(q.year) AS ref }
  OPTIONAL MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
  WHERE c <> a AND NOT EXISTS { (p)-[:VERSION_OF]->(:Paper) }
  WITH c, p, ref, COUNT { (p)<-[:AUTHORED]-(:Author) } AS n
  WITH c, count(p) AS shared, sum(CASE WHEN n < 2 THEN 0.0 ELSE (1.0 / (n - 1))
         * (CASE WHEN n > $hyper_authors THEN toFloat($hyper_authors) / n ELSE 1.0 END)
         * (CASE WHEN p.year IS NULL OR ref IS NULL THEN $unknown_recency
                 ELSE 0.5 ^ ((CASE WHEN ref - p.year > 0 THEN ref - p.year ELSE 0 END) / $half_life) END) END) AS weight
  RETURN count(CASE WHEN c IS NOT NULL AND shared >= $close_min_shared AND weight >= $close_min_weight THEN 1 END) AS close_collaborators
}
RETURN u AS uid, close_collaborators
