// Purpose: The authors already on the stored papers a batch's records attach to: another source listing
//   a compatible name on the very same paper is strong evidence that it is the same person.
// Parameters:
//   $paper_uids (list<string>): uids of stored papers the batch's records were matched to.
// Returns: paper (string), author (string)
// Mode: read
UNWIND $paper_uids AS u
MATCH (p:Paper {uid: u})<-[:AUTHORED]-(a:Author)
RETURN p.uid AS paper, a.uid AS author
