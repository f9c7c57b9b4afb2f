// Purpose: Stored institutions an affiliation of a batch could name: same ROR id or same first name word.
// Parameters:
//   $rors (list<string>): ROR ids.
//   $name_keys (list<string>): normalized institution names.
// Returns: columns (list<string>), rows (list<list>: one per row, in the order of columns), packed into
//   one record (Graph.read_table); the columns are uid (string), name (string), name_key (string), ror (string)
// Mode: read
CALL {
  UNWIND $rors AS k MATCH (i:Institution {ror: k}) RETURN i
  UNION UNWIND $name_keys AS k MATCH (i:Institution {name_key: k}) RETURN i
}
WITH DISTINCT i
RETURN ['uid', 'name', 'name_key', 'ror'] AS columns, collect([i.uid, i.name, i.name_key, i.ror]) AS rows
