// Purpose: An author's topic profile over time: per year, the topics of their papers and each topic's
//   share of that year's papers (a paper with two topics counts for both).
// Parameters:
//   $author_uid (string, required): the author's uid.
//   $min_score (float, default 0.0): ignore topic assignments scored below this.
// Returns: year (int), uid (string): the topic's uid, label (string), papers (int), share (float, 0..1)
// Mode: read
MATCH (a:Author {uid: $author_uid})-[:AUTHORED]->(p:Paper)
WHERE NOT EXISTS { (p)-[:VERSION_OF]->(:Paper) }
WITH p.year AS year, collect(p) AS works
UNWIND works AS p
MATCH (p)-[r:HAS_TOPIC]->(t:Topic)
WHERE coalesce(r.score, 1.0) >= $min_score
WITH year, size(works) AS year_papers, t, count(DISTINCT p) AS papers
RETURN year, t.uid AS uid, t.label AS label, papers, round(1000.0 * papers / year_papers) / 1000.0 AS share
ORDER BY year, papers DESC, label
