// Purpose: Re-key venues, step 2: a new venue that derives from no SourceRecord derives from the one its
//   old venues derived from (the earliest fetched, when several old venues name it), as a venue derives
//   from the record that first named it.
// Parameters:
//   $rows (list<map>): {old, uid}: the old venue's uid and the new venue's.
// Returns: linked (int)
// Mode: write
UNWIND $rows AS r
MATCH (:Venue {uid: r.old})-[d:DERIVED_FROM]->(s:SourceRecord)
WITH r.uid AS uid, s, d.role AS role
ORDER BY s.fetched_at, s.uid
WITH uid, head(collect([s.uid, role])) AS first
MATCH (v:Venue {uid: uid})
WHERE NOT EXISTS { (v)-[:DERIVED_FROM]->(:SourceRecord) }
MATCH (s:SourceRecord {uid: first[0]})
MERGE (v)-[:DERIVED_FROM {role: coalesce(first[1], 'venue')}]->(s)
RETURN count(*) AS linked
