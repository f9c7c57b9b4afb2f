// Purpose: Every Venue, for `db migrate` to re-key the venues an older venue rule named (venues are few:
//   one per series).
// Parameters: none
// Returns: uid (string), name (string), name_key (string), kind (string)
// Mode: read
MATCH (v:Venue)
RETURN v.uid AS uid, v.name AS name, v.name_key AS name_key, v.kind AS kind
ORDER BY uid
