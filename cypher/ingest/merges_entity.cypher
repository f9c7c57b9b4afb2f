// Purpose: One entity by uid (any ingest label), with its properties and the SourceRecords it derives from.
// Parameters:
//   $uid (string): the entity's uid.
// Returns: labels (list<string>), props (map), records (list<map>)
// Mode: read
CALL {
  MATCH (n:Paper {uid: $uid}) RETURN n
  UNION MATCH (n:Author {uid: $uid}) RETURN n
  UNION MATCH (n:Venue {uid: $uid}) RETURN n
  UNION MATCH (n:Institution {uid: $uid}) RETURN n
  UNION MATCH (n:Topic {uid: $uid}) RETURN n
}
RETURN labels(n) AS labels, properties(n) AS props,
  [(n)-[d:DERIVED_FROM]->(s:SourceRecord) | {uid: s.uid, source: s.source, record_id: s.record_id, role: d.role}]
    AS records
