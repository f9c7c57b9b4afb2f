// Purpose: The stored papers a batch's records could be (found by cypher/ingest/paper_blocks.cypher),
//   with what paper matching weighs.
// Parameters:
//   $uids (list<string>): paper uids.
// Returns: uid (string), title_key (string), title_head_key (string), title_tail_key (string),
//   title_long_key (string), title_head_tail_key (string), title_head_long_key (string),
//   title_tail_long_key (string), abstract_key (string), abstract (string: the first 2000 characters),
//   abstract_size (int), year (int), type (string), doi (string), arxiv_id (string), openalex_id (string),
//   families (list<string>)
// Mode: read
UNWIND $uids AS u
MATCH (p:Paper {uid: u})
RETURN p.uid AS uid, p.title_key AS title_key, p.title_head_key AS title_head_key,
  p.title_tail_key AS title_tail_key, p.title_long_key AS title_long_key,
  p.title_head_tail_key AS title_head_tail_key, p.title_head_long_key AS title_head_long_key,
  p.title_tail_long_key AS title_tail_long_key, p.abstract_key AS abstract_key,
  left(coalesce(p.abstract, ''), 2000) AS abstract, size(coalesce(p.abstract, '')) AS abstract_size,
  p.year AS year, p.type AS type, p.doi AS doi, p.arxiv_id AS arxiv_id, p.openalex_id AS openalex_id,
  [(p)<-[:AUTHORED]-(a) | a.family] AS families
