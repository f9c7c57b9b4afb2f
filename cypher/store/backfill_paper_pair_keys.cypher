// Purpose: Give Papers written before the pair blocking keys existed their pair keys (head|tail,
//   head|longest, tail|longest), built from their coarse title keys exactly as peergraph.ingest.block
//   builds them. Idempotent: a Paper that has them is not touched.
// Parameters: none
// Returns: filled (int)
// Mode: write
MATCH (p:Paper)
WHERE p.title_head_key IS NOT NULL AND p.title_head_tail_key IS NULL
SET p.title_head_tail_key = p.title_head_key + '|' + p.title_tail_key,
    p.title_head_long_key = p.title_head_key + '|' + p.title_long_key,
    p.title_tail_long_key = p.title_tail_key + '|' + p.title_long_key
RETURN count(p) AS filled
