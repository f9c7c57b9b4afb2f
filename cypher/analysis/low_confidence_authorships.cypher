// Purpose: Disambiguation audit: authors with attributions (AUTHORED edges) below a confidence threshold,
//   most doubtful first, with the method that made each attribution and up to five examples.
// Parameters:
//   $max_confidence (float, default 0.8): an attribution below this counts as low confidence.
//   $limit (int, default 50): at most this many authors.
// Returns: uid (string), name (string), low (int): low-confidence attributions, total (int): all
//   attributions, min_confidence (float), methods (list<string>), examples (list<map>):
//   {paper, title, confidence, method, raw_name}
// Mode: read
MATCH (a:Author)-[r:AUTHORED]->(p:Paper)
WHERE r.confidence < $max_confidence
WITH a, r, p ORDER BY r.confidence
WITH a, count(r) AS low, min(r.confidence) AS min_confidence, collect(DISTINCT r.method) AS methods,
     collect({paper: p.uid, title: p.title, confidence: r.confidence, method: r.method, raw_name: r.raw_name})[0..5] AS examples
RETURN a.uid AS uid, a.name AS name, low, COUNT { (a)-[:AUTHORED]->(:Paper) } AS total, min_confidence, methods, examples
ORDER BY min_confidence, low DESC, uid
LIMIT $limit
