// Purpose: Integrity audit: nodes cut off from what gives them meaning (papers without authors,
//   authors without papers, unused topics, venues, institutions and source records, claims
//   without an author). Every check is listed, with 0 when clean.
// Parameters:
//   $examples (int, default 5): how many example uids to show per check.
// Returns: check (string), count (int), examples (list<string>): uids
// Mode: read
CALL {
  MATCH (n:Paper) WHERE NOT EXISTS { (n)<-[:AUTHORED]-(:Author) } RETURN 'paper without author' AS check, n
  UNION ALL MATCH (n:Author) WHERE NOT EXISTS { (n)-[:AUTHORED]->(:Paper) } RETURN 'author without paper' AS check, n
  UNION ALL MATCH (n:Topic) WHERE NOT EXISTS { (n)<-[:HAS_TOPIC]-(:Paper) } RETURN 'topic without paper' AS check, n
  UNION ALL MATCH (n:Venue) WHERE NOT EXISTS { (n)<-[:PUBLISHED_IN]-(:Paper) } RETURN 'venue without paper' AS check, n
  UNION ALL MATCH (n:Institution) WHERE NOT EXISTS { (n)<-[:AFFILIATED_WITH]-(:Author) } RETURN 'institution without author' AS check, n
  UNION ALL MATCH (n:SourceRecord) WHERE NOT EXISTS { (n)<-[:DERIVED_FROM]-() } RETURN 'source record feeding nothing' AS check, n
  UNION ALL MATCH (n:Claim) WHERE NOT EXISTS { (n)-[:CLAIMS]->(:Author) } RETURN 'claim without author' AS check, n
}
WITH check, collect(n.uid) AS uids
WITH collect({check: check, uids: uids}) AS found
UNWIND ['paper without author', 'author without paper', 'topic without paper', 'venue without paper',
        'institution without author', 'source record feeding nothing', 'claim without author'] AS check
WITH check, coalesce(head([f IN found WHERE f.check = check | f.uids]), []) AS uids
RETURN check, size(uids) AS count, uids[0..$examples] AS examples
