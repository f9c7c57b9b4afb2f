// Purpose: Stored institutions an affiliation of a batch could name: same ROR id or same first name word.
// Parameters:
//   $rors (list<string>): ROR ids.
//   $name_keys (list<string>): normalized institution names.
// Returns: uid (string), name (string), name_key (string), ror (string)
// Mode: read
CALL {
  UNWIND $rors AS k MATCH (i:Institution {ror: k}) RETURN i
  UNION UNWIND $name_keys AS k MATCH (i:Institution {name_key: k}) RETURN i
}
RETURN DISTINCT i.uid AS uid, i.name AS name, i.name_key AS name_key, i.ror AS ror
