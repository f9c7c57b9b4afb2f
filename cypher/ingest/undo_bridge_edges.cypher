// Purpose: Undo an author bridge, second step: the edges the joined author brought move back to it from the
//   kept author (an edge the kept author also had of its own stays), and the author MergeDecisions of the
//   joined author's mentions name it again.
// Parameters:
//   $kept (string), $joined (string): the two authors' uids.
//   $authored (list<map>): {paper, props}: the joined author's AUTHORED edges (props.source_records: the
//     records asserting it, which the kept author's edge to that paper gives up).
//   $derived (list<map>): {record, role}: its DERIVED_FROM edges.
//   $affiliated (list<map>): {institution, props, shared}: its AFFILIATED_WITH edges.
//   $follows (list<map>): {uid, shared}: accounts following it (shared: following the kept author too).
//   $vouches (list<map>): {uid, shared}: accounts vouching for it.
//   $claims (list<map>): {uid, shared}: claims naming it.
//   $invites (list<map>): {uid, shared}: invitations naming it.
//   $records (list<string>): records of its author mentions (their MergeDecisions name it again).
// Returns: authored (int), derived (int)
// Mode: write
MATCH (k:Author {uid: $kept})
MATCH (x:Author {uid: $joined})
CALL { WITH x
  UNWIND $authored AS t
  MATCH (p:Paper {uid: t.paper})
  MERGE (x)-[n:AUTHORED]->(p)
  SET n += t.props
  RETURN count(*) AS authored }
CALL { WITH k
  UNWIND $authored AS t
  MATCH (k)-[e:AUTHORED]->(p:Paper {uid: t.paper})
  SET e.source_records = [r IN coalesce(e.source_records, []) WHERE NOT r IN t.props.source_records]
  WITH e WHERE size(e.source_records) = 0
  DELETE e
  RETURN count(*) AS dropped }
CALL { WITH k, x
  UNWIND $derived AS t
  MATCH (s:SourceRecord {uid: t.record})
  MERGE (x)-[:DERIVED_FROM {role: t.role}]->(s)
  WITH k, s, t
  MATCH (k)-[e:DERIVED_FROM {role: t.role}]->(s)
  DELETE e
  RETURN count(*) AS derived }
CALL { WITH k, x
  UNWIND $affiliated AS t
  MATCH (i:Institution {uid: t.institution})
  MERGE (x)-[n:AFFILIATED_WITH]->(i)
  SET n += t.props
  WITH k, i, t WHERE NOT t.shared
  MATCH (k)-[e:AFFILIATED_WITH]->(i)
  DELETE e
  RETURN count(*) AS affiliated }
CALL { WITH k, x
  UNWIND $follows AS t
  MATCH (a:Account {uid: t.uid})
  MERGE (a)-[:FOLLOWS]->(x)
  WITH k, a, t WHERE NOT t.shared
  MATCH (a)-[e:FOLLOWS]->(k)
  DELETE e
  RETURN count(*) AS follows }
CALL { WITH k, x
  UNWIND $vouches AS t
  MATCH (a:Account {uid: t.uid})
  MERGE (a)-[:VOUCHED_FOR]->(x)
  WITH k, a, t WHERE NOT t.shared
  MATCH (a)-[e:VOUCHED_FOR]->(k)
  DELETE e
  RETURN count(*) AS vouches }
CALL { WITH k, x
  UNWIND $claims AS t
  MATCH (c:Claim {uid: t.uid})
  MERGE (c)-[:CLAIMS]->(x)
  WITH k, c, t WHERE NOT t.shared
  MATCH (c)-[e:CLAIMS]->(k)
  DELETE e
  RETURN count(*) AS claims }
CALL { WITH k, x
  UNWIND $invites AS t
  MATCH (v:Invitation {uid: t.uid})
  MERGE (v)-[:INVITES]->(x)
  WITH k, v, t WHERE NOT t.shared
  MATCH (v)-[e:INVITES]->(k)
  DELETE e
  RETURN count(*) AS invites }
CALL { WITH k, x
  MATCH (m:MergeDecision {entity_uid: k.uid})
  WHERE m.kind = 'author' AND m.source_record_uid IN $records
  SET m.entity_uid = x.uid
  RETURN count(*) AS decisions }
RETURN authored, derived
