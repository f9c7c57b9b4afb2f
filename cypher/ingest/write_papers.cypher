// Purpose: Create or complete Papers: stored values win, missing ones are filled, the longer abstract is
//   kept; each Paper is linked to the SourceRecords it was built from.
// Parameters:
//   $rows (list<map>): {uid, title, title_key, title_head_key, title_tail_key, title_long_key,
//     title_head_tail_key, title_head_long_key, title_tail_long_key, abstract, abstract_key, year, date, type, doi, arxiv_id, arxiv_version, openalex_id, keywords, comment, records}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (p:Paper {uid: r.uid})
SET p.title = coalesce(p.title, r.title),
    p.title_key = coalesce(p.title_key, r.title_key),
    p.title_head_key = coalesce(p.title_head_key, r.title_head_key),
    p.title_tail_key = coalesce(p.title_tail_key, r.title_tail_key),
    p.title_long_key = coalesce(p.title_long_key, r.title_long_key),
    p.title_head_tail_key = coalesce(p.title_head_tail_key, r.title_head_tail_key),
    p.title_head_long_key = coalesce(p.title_head_long_key, r.title_head_long_key),
    p.title_tail_long_key = coalesce(p.title_tail_long_key, r.title_tail_long_key),
    p.abstract = CASE WHEN size(coalesce(p.abstract, '')) >= size(coalesce(r.abstract, '')) THEN p.abstract
                      ELSE r.abstract END,
    p.abstract_key = coalesce(p.abstract_key, r.abstract_key),
    p.year = coalesce(p.year, r.year),
    p.date = coalesce(p.date, r.date),
    p.type = CASE WHEN p.type IS NULL OR p.type = 'other' THEN r.type ELSE p.type END,
    p.doi = coalesce(p.doi, r.doi),
    p.arxiv_id = coalesce(p.arxiv_id, r.arxiv_id),
    p.arxiv_version = CASE WHEN r.arxiv_version IS NOT NULL AND coalesce(p.arxiv_version, 0) < r.arxiv_version
                           THEN r.arxiv_version ELSE p.arxiv_version END,
    p.openalex_id = coalesce(p.openalex_id, r.openalex_id),
    p.keywords = CASE WHEN size(coalesce(p.keywords, [])) > 0 THEN p.keywords ELSE r.keywords END,
    p.comment = coalesce(p.comment, r.comment)
WITH p, r
UNWIND r.records AS ru
MATCH (s:SourceRecord {uid: ru})
MERGE (p)-[:DERIVED_FROM {role: 'paper'}]->(s)
RETURN count(*) AS written
