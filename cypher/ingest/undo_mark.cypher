// Purpose: Mark a MergeDecision undone (kept, so the history stays explainable).
// Parameters:
//   $uid (string): the decision's uid.
//   $at (float): when, in seconds since the epoch.
// Returns: uid (string)
// Mode: write
MATCH (m:MergeDecision {uid: $uid})
SET m.undone = true, m.undone_at = $at
RETURN m.uid AS uid
