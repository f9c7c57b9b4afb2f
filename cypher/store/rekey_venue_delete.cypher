// Purpose: Re-key venues, step 3: delete the old venues, whose papers and record now hang on their new
//   venues.
// Parameters:
//   $olds (list<string>): uids of the old venues.
// Returns: deleted (int)
// Mode: write
UNWIND $olds AS old
MATCH (v:Venue {uid: old})
DETACH DELETE v
RETURN count(*) AS deleted
