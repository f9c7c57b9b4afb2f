// Purpose: Dedup audit: papers built from the most source records and linked versions (preprint and
//   published), the ones where a wrong merge or a missed one does most harm. Look at them first.
// Parameters:
//   $min_sources (int, default 2): list a paper with at least this many source records, or any version link.
//   $limit (int, default 25): at most this many papers.
// Returns: uid (string), title (string), year (int), sources (int), source_names (list<string>),
//   versions (int): papers linked by VERSION_OF either way, version_uids (list<string>)
// Mode: read
MATCH (p:Paper)
WITH p, COUNT { (p)-[:DERIVED_FROM]->(:SourceRecord) } AS sources,
     [(p)-[:VERSION_OF]-(v:Paper) | v.uid] AS version_uids
WHERE sources >= $min_sources OR size(version_uids) > 0
RETURN p.uid AS uid, p.title AS title, p.year AS year, sources,
       [(p)-[:DERIVED_FROM]->(s:SourceRecord) | s.source] AS source_names,
       size(version_uids) AS versions, version_uids
ORDER BY sources + versions DESC, uid
LIMIT $limit
