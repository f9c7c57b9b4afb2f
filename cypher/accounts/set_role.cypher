// Purpose: Set an account's role ("user", "curator" or "admin").
// Parameters: $email (string, required), $role (string, required)
// Returns: uid (string), role (string).
// Mode: write
MATCH (a:Account {email: $email})
SET a.role = $role
RETURN a.uid AS uid, a.role AS role
