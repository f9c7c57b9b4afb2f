// Purpose: Undo a paper merge, step 0 (before the record's own Paper is made again): the paper gives
//   back the identifiers and the title it took from the record (merges.given_back), so that the
//   record's own Paper can hold its identifiers (each is unique in the graph).
// Parameters:
//   $entity_uid (string): the paper the record was merged into.
//   $cleared (list<string>): of "doi", "arxiv_id", "openalex_id": the identifiers it gives back.
//   $retitle (boolean): whether its title changes.
//   $title (map): the title it keeps instead (another record's, or none) with its blocking keys
//     (block.title_properties): {title, title_key, title_head_key, title_tail_key, title_long_key,
//     title_head_tail_key, title_head_long_key, title_tail_long_key}; values may be null.
// Returns: uid (string)
// Mode: write
MATCH (p:Paper {uid: $entity_uid})
SET p.doi = CASE WHEN 'doi' IN $cleared THEN null ELSE p.doi END,
    p.arxiv_id = CASE WHEN 'arxiv_id' IN $cleared THEN null ELSE p.arxiv_id END,
    p.openalex_id = CASE WHEN 'openalex_id' IN $cleared THEN null ELSE p.openalex_id END,
    p.title = CASE WHEN $retitle THEN $title.title ELSE p.title END,
    p.title_key = CASE WHEN $retitle THEN $title.title_key ELSE p.title_key END,
    p.title_head_key = CASE WHEN $retitle THEN $title.title_head_key ELSE p.title_head_key END,
    p.title_tail_key = CASE WHEN $retitle THEN $title.title_tail_key ELSE p.title_tail_key END,
    p.title_long_key = CASE WHEN $retitle THEN $title.title_long_key ELSE p.title_long_key END,
    p.title_head_tail_key = CASE WHEN $retitle THEN $title.title_head_tail_key ELSE p.title_head_tail_key END,
    p.title_head_long_key = CASE WHEN $retitle THEN $title.title_head_long_key ELSE p.title_head_long_key END,
    p.title_tail_long_key = CASE WHEN $retitle THEN $title.title_tail_long_key ELSE p.title_tail_long_key END
RETURN p.uid AS uid
