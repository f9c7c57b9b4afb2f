// Purpose: Every author's uid, in order (the recompute walks them in batches).
// Parameters: none
// Returns: uid (string).
// Mode: read
MATCH (a:Author)
RETURN a.uid AS uid
ORDER BY uid
