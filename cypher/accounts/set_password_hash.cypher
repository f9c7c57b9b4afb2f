// Purpose: Replace an account's password hash (after a rehash with stronger argon2 parameters).
// Parameters: $uid (string, required), $password_hash (string, required)
// Returns: uid (string).
// Mode: write
MATCH (a:Account {uid: $uid})
SET a.password_hash = $password_hash
RETURN a.uid AS uid
