// Purpose: Topics rising between two years: papers per topic in each year from $from_year to $to_year,
//   ranked by the change between the first and the last year. A preprint superseded by its published
//   version (VERSION_OF) is not counted, so each work counts once.
// Parameters:
//   $from_year (int, required): the first year compared.
//   $to_year (int, required): the last year compared.
//   $min_papers (int, default 1): leave out topics with fewer papers than this in the whole span.
//   $limit (int, default 20): at most this many topics.
// Returns: uid (string), label (string), papers_from (int), papers_to (int), change (int),
//   by_year (list<map>): {year, papers} for every year of the span, zeros included.
// Mode: read
MATCH (p:Paper)-[:HAS_TOPIC]->(t:Topic)
WHERE p.year >= $from_year AND p.year <= $to_year AND NOT EXISTS { (p)-[:VERSION_OF]->(:Paper) }
WITH t, p.year AS year, count(DISTINCT p) AS papers
WITH t, collect({year: year, papers: papers}) AS counts, sum(papers) AS total
WHERE total >= $min_papers
WITH t, [y IN range($from_year, $to_year) |
         {year: y, papers: coalesce(head([c IN counts WHERE c.year = y | c.papers]), 0)}] AS by_year
WITH t, by_year, by_year[0].papers AS papers_from, by_year[size(by_year) - 1].papers AS papers_to
RETURN t.uid AS uid, t.label AS label, papers_from, papers_to, papers_to - papers_from AS change, by_year
ORDER BY change DESC, papers_to DESC, label
LIMIT $limit
