// Purpose: For each identifier and blocking key of a batch, the stored papers that carry it, or null
//   when more than $max_block do ($coarse_block for a coarse title key: first, last or longest words):
//   such a key is a stop key ("on the ..."), which matching skips, so nothing under it is fetched and a
//   batch's lookup does not grow with the corpus.
// Parameters:
//   $dois (list<string>): normalized DOIs.
//   $arxiv_ids (list<string>): arXiv ids without version.
//   $openalex_ids (list<string>): OpenAlex work ids.
//   $title_keys (list<string>): exact normalized titles.
//   $head_keys (list<string>): first-words title keys.
//   $tail_keys (list<string>): last-words title keys.
//   $long_keys (list<string>): longest-words title keys.
//   $head_tail_keys (list<string>): first|last words pair keys.
//   $head_long_keys (list<string>): first|longest words pair keys.
//   $tail_long_keys (list<string>): last|longest words pair keys.
//   $abstract_keys (list<string>): abstract-start keys.
//   $max_block (int): MatchSettings.max_block_size.
//   $coarse_block (int): MatchSettings.coarse_block_size.
// Returns: columns (list<string>), rows (list<list>: rows, each in the order of columns), a thousand rows to
//   a record (Graph.read_table); the columns are param (string: which parameter the key came from), key (string),
//   uids (list<string>, or null for a stop key)
// Mode: read
CALL {
  UNWIND $dois AS k MATCH (p:Paper {doi: k}) RETURN 'dois' AS param, k AS key, collect(p.uid) AS uids
  UNION ALL UNWIND $arxiv_ids AS k MATCH (p:Paper {arxiv_id: k})
    RETURN 'arxiv_ids' AS param, k AS key, collect(p.uid) AS uids
  UNION ALL UNWIND $openalex_ids AS k MATCH (p:Paper {openalex_id: k})
    RETURN 'openalex_ids' AS param, k AS key, collect(p.uid) AS uids
  UNION ALL UNWIND $title_keys AS k MATCH (p:Paper {title_key: k})
    RETURN 'title_keys' AS param, k AS key, collect(p.uid) AS uids
  UNION ALL UNWIND $head_keys AS k MATCH (p:Paper {title_head_key: k})
    RETURN 'head_keys' AS param, k AS key, collect(p.uid) AS uids
  UNION ALL UNWIND $tail_keys AS k MATCH (p:Paper {title_tail_key: k})
    RETURN 'tail_keys' AS param, k AS key, collect(p.uid) AS uids
  UNION ALL UNWIND $long_keys AS k MATCH (p:Paper {title_long_key: k})
    RETURN 'long_keys' AS param, k AS key, collect(p.uid) AS uids
  UNION ALL UNWIND $head_tail_keys AS k MATCH (p:Paper {title_head_tail_key: k})
    RETURN 'head_tail_keys' AS param, k AS key, collect(p.uid) AS uids
  UNION ALL UNWIND $head_long_keys AS k MATCH (p:Paper {title_head_long_key: k})
    RETURN 'head_long_keys' AS param, k AS key, collect(p.uid) AS uids
  UNION ALL UNWIND $tail_long_keys AS k MATCH (p:Paper {title_tail_long_key: k})
    RETURN 'tail_long_keys' AS param, k AS key, collect(p.uid) AS uids
  UNION ALL UNWIND $abstract_keys AS k MATCH (p:Paper {abstract_key: k})
    RETURN 'abstract_keys' AS param, k AS key, collect(p.uid) AS uids
}
WITH param, key, uids,
  CASE WHEN param IN ['head_keys', 'tail_keys', 'long_keys'] THEN $coarse_block ELSE $max_block END AS cap
WITH collect([param, key, CASE WHEN size(uids) > cap THEN null ELSE uids END]) AS table
// A thousand rows to a record: see "Packed answers" in cypher/README.md.
UNWIND range(0, size(table) - 1, 1000) AS start
RETURN ['param', 'key', 'uids'] AS columns, table[start..start + 1000] AS rows
