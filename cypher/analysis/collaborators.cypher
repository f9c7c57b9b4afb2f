// Purpose: An author's collaborators, strongest first, with the weight of peergraph.network.collaboration
//   (formula collab-1, mirrored here). Per shared paper: 1/(n-1) for n authors, damped
//   by hyper_authors/n past hyper_authors authors, times 0.5^(age/half_life) where age counts back from the
//   author's latest publication year (unknown_recency when a year is missing); preprints superseded by a
//   VERSION_OF are skipped. Close = at least close_min_shared shared papers and weight >= close_min_weight.
//   The defaults below are that module's constants (tests/test_analysis_catalog.py keeps them equal).
// Parameters:
//   $author_uid (string, required): the author's uid.
//   $limit (int, default 25): at most this many collaborators.
//   $hyper_authors (int, default 20): HYPER_AUTHORS.
//   $half_life (float, default 4.0): HALF_LIFE_YEARS.
//   $unknown_recency (float, default 0.5): UNKNOWN_YEAR_RECENCY.
//   $close_min_shared (int, default 2): CLOSE_MIN_SHARED_PAPERS.
//   $close_min_weight (float, default 0.25): CLOSE_MIN_WEIGHT.
// Returns: uid (string), name (string), shared_papers (int), first_year (int), last_year (int),
//   weight (float, rounded to 4 places), close (bool)
// Mode: read
MATCH (a:Author {uid: $author_uid})
CALL { WITH a MATCH (a)-[:AUTHORED]->(q:Paper) RETURN max(q.year) AS ref }
MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
WHERE c <> a AND NOT EXISTS { (p)-[:VERSION_OF]->(:Paper) }
WITH c, p, ref, COUNT { (p)<-[:AUTHORED]-(:Author) } AS n
WITH c, count(p) AS shared, min(p.year) AS first_year, max(p.year) AS last_year,
     sum(CASE WHEN n < 2 THEN 0.0 ELSE (1.0 / (n - 1))
         * (CASE WHEN n > $hyper_authors THEN toFloat($hyper_authors) / n ELSE 1.0 END)
         * (CASE WHEN p.year IS NULL OR ref IS NULL THEN $unknown_recency
                 ELSE 0.5 ^ ((CASE WHEN ref - p.year > 0 THEN ref - p.year ELSE 0 END) / $half_life) END) END) AS weight
RETURN c.uid AS uid, c.name AS name, shared AS shared_papers, first_year, last_year,
       round(weight * 10000) / 10000.0 AS weight,
       shared >= $close_min_shared AND weight >= $close_min_weight - 1e-9 AS close
ORDER BY weight DESC, uid
LIMIT $limit
