// Purpose: Which of a batch's candidate authors already share a paper with another of them: two authors on
//   one author list are two people, so ingest never bridges them into one.
// Parameters:
//   $uids (list<string>): uids of candidate authors (those sharing a name block with another candidate).
// Returns: author (string), papers (list<string>: uids of papers it shares with another author of $uids)
// Mode: read
UNWIND $uids AS u
MATCH (a:Author {uid: u})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
WHERE b.uid IN $uids AND b.uid <> u
RETURN a.uid AS author, collect(DISTINCT p.uid) AS papers
