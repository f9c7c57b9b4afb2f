// Purpose: One account by its (normalized) e-mail, with its password hash for log-in.
// Parameters: $email (string, required)
// Returns: uid (string), email (string), display_name (string), role (string), disabled (bool),
//   password_hash (string).
// Mode: read
MATCH (a:Account {email: $email})
RETURN a.uid AS uid, a.email AS email, a.display_name AS display_name, a.role AS role,
       coalesce(a.disabled, false) AS disabled, a.password_hash AS password_hash
