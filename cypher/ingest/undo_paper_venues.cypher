// Purpose: Undo a paper merge, step 4: the record's own paper is published in the venue the record named
//   (the merged paper keeps its venues: its other records may name the same one).
// Parameters:
//   $new_uid (string): the record's own paper.
//   $venue_uid (string): the venue the record named, or null.
// Returns: linked (int)
// Mode: write
MATCH (q:Paper {uid: $new_uid})
MATCH (v:Venue {uid: $venue_uid})
MERGE (q)-[:PUBLISHED_IN]->(v)
RETURN count(*) AS linked
