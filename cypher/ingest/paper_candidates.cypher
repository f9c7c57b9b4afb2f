// Purpose: The stored papers a batch's records could be (found by cypher/ingest/paper_blocks.cypher),
//   with what paper matching weighs.
// Parameters:
//   $uids (list<string>): paper uids.
// Returns: columns (list<string>), rows (list<list>: rows, each in the order of columns), a thousand rows to
//   a record (Graph.read_table); the columns are uid (string), title_key (string), title_head_key (string),
//   title_tail_key (string), title_long_key (string), title_head_tail_key (string), title_head_long_key (string),
//   title_tail_long_key (string), abstract_key (string), abstract (string: the first 2000 characters),
//   abstract_size (int), year (int), type (string), doi (string), arxiv_id (string), openalex_id (string),
//   families (list<string>)
// Mode: read
UNWIND $uids AS u
MATCH (p:Paper {uid: u})
WITH collect([p.uid, p.title_key, p.title_head_key, p.title_tail_key, p.title_long_key, p.title_head_tail_key,
    p.title_head_long_key, p.title_tail_long_key, p.abstract_key, left(coalesce(p.abstract, ''), 2000),
    size(coalesce(p.abstract, '')), p.year, p.type, p.doi, p.arxiv_id, p.openalex_id,
    [(p)<-[:AUTHORED]-(a) | a.family]]) AS table
// A thousand rows to a record: see "Packed answers" in cypher/README.md.
UNWIND range(0, size(table) - 1, 1000) AS start
RETURN ['uid', 'title_key', 'title_head_key', 'title_tail_key', 'title_long_key', 'title_head_tail_key',
    'title_head_long_key', 'title_tail_long_key', 'abstract_key', 'abstract', 'abstract_size', 'year', 'type',
    'doi', 'arxiv_id', 'openalex_id', 'families'] AS columns, table[start..start + 1000] AS rows
