// Purpose: Stored institutions an affiliation of a batch could name: same ROR id or same first name word.
// Parameters:
//   $rors (list<string>): ROR ids.
//   $name_keys (list<string>): normalized institution names.
// Returns: columns (list<string>), rows (list<list>: rows, each in the order of columns), a thousand rows to
//   a record (Graph.read_table); the columns are uid (string), name (string), name_key (string), ror (string)
// Mode: read
CALL {
  UNWIND $rors AS k MATCH (i:Institution {ror: k}) RETURN i
  UNION UNWIND $name_keys AS k MATCH (i:Institution {name_key: k}) RETURN i
}
WITH DISTINCT i
WITH collect([i.uid, i.name, i.name_key, i.ror]) AS table
// A thousand rows to a record: see "Packed answers" in cypher/README.md.
UNWIND range(0, size(table) - 1, 1000) AS start
RETURN ['uid', 'name', 'name_key', 'ror'] AS columns, table[start..start + 1000] AS rows
