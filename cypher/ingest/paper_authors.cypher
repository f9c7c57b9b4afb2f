// Purpose: The authors already on the stored papers a batch's records attach to: another source listing
//   a compatible name on the very same paper is strong evidence that it is the same person.
// Parameters:
//   $paper_uids (list<string>): uids of stored papers the batch's records were matched to.
// Returns: columns (list<string>), rows (list<list>: one per row, in the order of columns), packed into
//   one record (Graph.read_table); the columns are paper (string), author (string)
// Mode: read
UNWIND $paper_uids AS u
MATCH (p:Paper {uid: u})<-[:AUTHORED]-(a:Author)
RETURN ['paper', 'author'] AS columns, collect([p.uid, a.uid]) AS rows
