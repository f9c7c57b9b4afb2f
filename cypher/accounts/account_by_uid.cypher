// Purpose: One account by uid (never returns the password hash).
// Parameters: $uid (string, required)
// Returns: uid (string), email (string), display_name (string), role (string), disabled (bool).
// Mode: read
MATCH (a:Account {uid: $uid})
RETURN a.uid AS uid, a.email AS email, a.display_name AS display_name, a.role AS role,
       coalesce(a.disabled, false) AS disabled
