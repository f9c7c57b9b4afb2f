// Purpose: Re-key venues, step 1: the Venue each re-keyed venue now is (created with its new name when
//   no venue has that key yet), and PUBLISHED_IN from the old venue's papers to it. Several old venues
//   may name one new venue ("ISNN (1)", "ISNN (2)" -> "ISNN"); a paper in both is published in it once.
// Parameters:
//   $rows (list<map>): {old, uid, name, name_key, kind}: the old venue's uid and the new venue.
// Returns: moved (int): the papers linked to their new venue.
// Mode: write
UNWIND $rows AS r
MERGE (v:Venue {uid: r.uid})
ON CREATE SET v.name = r.name, v.name_key = r.name_key, v.kind = r.kind
WITH v, r
MATCH (p:Paper)-[:PUBLISHED_IN]->(:Venue {uid: r.old})
MERGE (p)-[:PUBLISHED_IN]->(v)
RETURN count(p) AS moved
