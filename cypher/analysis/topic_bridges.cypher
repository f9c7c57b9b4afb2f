// Purpose: Authors who bridge two topics: they publish in both, strongest bridges first (the smaller of
//   their two paper counts), with how many of their papers carry both topics at once.
//   Topics are given by uid or by label (case-insensitive).
// Parameters:
//   $topic_a (string, required): the first topic's uid or label.
//   $topic_b (string, required): the second topic's uid or label.
//   $limit (int, default 25): at most this many authors.
// Returns: uid (string), name (string), papers_a (int), papers_b (int), papers_both (int), bridge (int)
// Mode: read
MATCH (ta:Topic) WHERE ta.uid = $topic_a OR toLower(ta.label) = toLower($topic_a)
MATCH (tb:Topic) WHERE (tb.uid = $topic_b OR toLower(tb.label) = toLower($topic_b)) AND tb <> ta
MATCH (au:Author)-[:AUTHORED]->(pa:Paper)-[:HAS_TOPIC]->(ta)
WITH ta, tb, au, collect(DISTINCT pa) AS in_a
MATCH (au)-[:AUTHORED]->(pb:Paper)-[:HAS_TOPIC]->(tb)
WITH au, in_a, collect(DISTINCT pb) AS in_b
WITH au, size(in_a) AS papers_a, size(in_b) AS papers_b, size([p IN in_a WHERE p IN in_b]) AS papers_both
RETURN au.uid AS uid, au.name AS name, papers_a, papers_b, papers_both,
       CASE WHEN papers_a < papers_b THEN papers_a ELSE papers_b END AS bridge
ORDER BY bridge DESC, papers_both DESC, uid
LIMIT $limit
