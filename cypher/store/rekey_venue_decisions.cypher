// Purpose: Re-key venues, step 5: a paper merge decision's snapshot names the venue its record named
//   ("venue_uid", which undoing the merge links the split paper to); an old venue's uid becomes the new
//   one's.
// Parameters:
//   $uids (map): old venue uid -> new venue uid.
// Returns: decisions (int)
// Mode: write
MATCH (d:MergeDecision)
WHERE d.kind = 'paper' AND d.snapshot CONTAINS '"venue_uid": "'
WITH d, split(split(d.snapshot, '"venue_uid": "')[1], '"')[0] AS old
WHERE $uids[old] IS NOT NULL
SET d.snapshot = replace(d.snapshot, '"venue_uid": "' + old + '"', '"venue_uid": "' + $uids[old] + '"')
RETURN count(d) AS decisions
