// Purpose: Create an account (the caller checked the e-mail is free; the unique constraint catches races).
// Parameters: $uid (string, required), $email (string, required), $display_name (string, required),
//   $password_hash (string, required), $role (string, required), $now (float, required)
// Returns: uid (string).
// Mode: write
CREATE (a:Account {uid: $uid, email: $email, display_name: $display_name, password_hash: $password_hash,
                   role: $role, created_at: $now, disabled: false})
RETURN a.uid AS uid
