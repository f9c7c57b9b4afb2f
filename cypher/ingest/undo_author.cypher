// Purpose: Undo an author attribution: the mention becomes its own Author again, taking its AUTHORED edge
//   (for that record) and its DERIVED_FROM with it.
// Parameters:
//   $entity_uid (string): the author the mention was merged into.
//   $new_uid (string): the uid of the mention's own author.
//   $props (map): the mention's name properties.
//   $paper_uid (string): the paper of the mention.
//   $record_uid (string): the SourceRecord.
//   $role (string): the DERIVED_FROM role of the mention, e.g. "author#0".
//   $orcid_back (boolean), $openalex_back (boolean): the author gives back the ORCID / OpenAlex id it took
//     from the mention ($props then carries it; identifiers are unique, so it leaves the author first).
//   $variant_back (string or null): the mention's spelling, when the author had it only from the mention.
//   $kept_name (map or null): {name, given, family, initials, name_key, full_key} of the author before the
//     mention gave it its fuller name (restored while the author still has that name, $props.name).
// Returns: uid (string)
// The kept author's stored matching context still holds what the mention brought: it is dropped, and
// the next ingest batch that looks the author up recomputes it from the graph.
// Mode: write
MATCH (a:Author {uid: $entity_uid})
MATCH (p:Paper {uid: $paper_uid})
MATCH (s:SourceRecord {uid: $record_uid})
SET a.orcid = CASE WHEN $orcid_back THEN null ELSE a.orcid END,
    a.openalex_id = CASE WHEN $openalex_back THEN null ELSE a.openalex_id END,
    a.name_variants = [v IN coalesce(a.name_variants, []) WHERE v <> coalesce($variant_back, '')]
SET a += CASE WHEN $kept_name IS NOT NULL AND a.name = $props.name THEN $kept_name ELSE {} END
WITH a, p, s
MERGE (b:Author {uid: $new_uid})
SET b += $props
REMOVE a.context_coauthors, a.context_topics, a.context_venues, a.context_affiliations, a.context_listings, a.context_titles
WITH a, b, p, s
OPTIONAL MATCH (a)-[d:DERIVED_FROM {role: $role}]->(s)
DELETE d
MERGE (b)-[:DERIVED_FROM {role: $role}]->(s)
WITH a, b, p
OPTIONAL MATCH (a)-[e:AUTHORED]->(p)
MERGE (b)-[f:AUTHORED]->(p)
SET f.position = coalesce(e.position, 0), f.confidence = 1.0, f.method = 'split', f.raw_name = $props.name,
    f.source_records = [$record_uid]
SET e.source_records = [x IN coalesce(e.source_records, []) WHERE x <> $record_uid]
FOREACH (_ IN CASE WHEN e IS NOT NULL AND size(e.source_records) = 0 THEN [1] ELSE [] END | DELETE e)
RETURN b.uid AS uid
