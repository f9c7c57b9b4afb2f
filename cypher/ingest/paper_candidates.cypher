// Purpose: Stored papers sharing an identifier or a blocking key with a batch of incoming records.
// Parameters:
//   $dois (list<string>): normalized DOIs.
//   $arxiv_ids (list<string>): arXiv ids without version.
//   $openalex_ids (list<string>): OpenAlex work ids.
//   $title_keys (list<string>): exact normalized titles.
//   $head_keys (list<string>): first-words title keys.
//   $tail_keys (list<string>): last-words title keys.
//   $long_keys (list<string>): longest-words title keys.
//   $abstract_keys (list<string>): abstract-start keys.
// Returns: uid (string), title_key (string), title_head_key (string), title_tail_key (string),
//   title_long_key (string), abstract_key (string), abstract (string: the first 2000 characters),
//   abstract_size (int), year (int), type (string), doi (string), arxiv_id (string), openalex_id (string),
//   families (list<string>)
// Mode: read
CALL {
  UNWIND $dois AS k MATCH (p:Paper {doi: k}) RETURN p
  UNION UNWIND $arxiv_ids AS k MATCH (p:Paper {arxiv_id: k}) RETURN p
  UNION UNWIND $openalex_ids AS k MATCH (p:Paper {openalex_id: k}) RETURN p
  UNION UNWIND $title_keys AS k MATCH (p:Paper {title_key: k}) RETURN p
  UNION UNWIND $head_keys AS k MATCH (p:Paper {title_head_key: k}) RETURN p
  UNION UNWIND $tail_keys AS k MATCH (p:Paper {title_tail_key: k}) RETURN p
  UNION UNWIND $long_keys AS k MATCH (p:Paper {title_long_key: k}) RETURN p
  UNION UNWIND $abstract_keys AS k MATCH (p:Paper {abstract_key: k}) RETURN p
}
RETURN DISTINCT p.uid AS uid, p.title_key AS title_key, p.title_head_key AS title_head_key,
  p.title_tail_key AS title_tail_key, p.title_long_key AS title_long_key, p.abstract_key AS abstract_key,
  left(coalesce(p.abstract, ''), 2000) AS abstract, size(coalesce(p.abstract, '')) AS abstract_size,
  p.year AS year, p.type AS type, p.doi AS doi, p.arxiv_id AS arxiv_id, p.openalex_id AS openalex_id,
  [(p)<-[:AUTHORED]-(a) | a.family] AS families
