// Purpose: Papers this batch creates from records never read before, so none can exist yet: created
//   without MERGE's lookup and without write_papers.cypher's reading of stored values, each linked to
//   the SourceRecords it was built from (ingest/fresh_edges.py).
// Parameters:
//   $rows (list<map>): as write_papers.cypher: {uid, title, title_key, title_head_key, title_tail_key,
//     title_long_key, title_head_tail_key, title_head_long_key, title_tail_long_key, abstract, abstract_key,
//     year, date, type, doi, arxiv_id, arxiv_version, openalex_id, keywords, comment, records}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
CREATE (p:Paper {uid: r.uid})
SET p.title = r.title,
    p.title_key = r.title_key,
    p.title_head_key = r.title_head_key,
    p.title_tail_key = r.title_tail_key,
    p.title_long_key = r.title_long_key,
    p.title_head_tail_key = r.title_head_tail_key,
    p.title_head_long_key = r.title_head_long_key,
    p.title_tail_long_key = r.title_tail_long_key,
    p.abstract = r.abstract,
    p.abstract_key = r.abstract_key,
    p.year = r.year,
    p.date = r.date,
    p.type = r.type,
    p.doi = r.doi,
    p.arxiv_id = r.arxiv_id,
    p.arxiv_version = r.arxiv_version,
    p.openalex_id = r.openalex_id,
    p.keywords = r.keywords,
    p.comment = r.comment
WITH p, r
UNWIND r.records AS ru
MATCH (s:SourceRecord {uid: ru})
CREATE (p)-[:DERIVED_FROM {role: 'paper'}]->(s)
RETURN count(*) AS written
