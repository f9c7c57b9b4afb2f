// Purpose: Author bridges: a stored author that a mention showed to be the same person as another joins it.
//   Every edge of the joined author moves to the kept one (AUTHORED keeps its properties, and merges the
//   source_records lists when the kept author already has that edge), MergeDecisions about it now name the
//   kept author, it inherits the joined one's split_from (authors an undone bridge keeps apart from it), and
//   the joined node is removed. Runs before the batch's authors are written, so an ORCID
//   or OpenAlex id can pass to the kept author without two nodes holding it.
// Parameters:
//   $rows (list<map>): {joined, kept} author uids (the kept one is created when the batch makes it).
// Returns: joined (string), authored (int), derived (int)
// Mode: write
UNWIND $rows AS r
MATCH (x:Author {uid: r.joined})
MERGE (k:Author {uid: r.kept})
SET k.split_from = CASE WHEN x.split_from IS NULL THEN k.split_from
                        ELSE apoc.coll.toSet(coalesce(k.split_from, []) + x.split_from) END
WITH x, k
CALL { WITH x, k
  MATCH (x)-[e:AUTHORED]->(p:Paper)
  MERGE (k)-[n:AUTHORED]->(p)
  ON CREATE SET n += properties(e)
  ON MATCH SET n.source_records = apoc.coll.toSet(coalesce(n.source_records, []) + coalesce(e.source_records, []))
  DELETE e
  RETURN count(*) AS authored }
CALL { WITH x, k
  MATCH (x)-[e:DERIVED_FROM]->(s:SourceRecord)
  MERGE (k)-[:DERIVED_FROM {role: e.role}]->(s)
  DELETE e
  RETURN count(*) AS derived }
CALL { WITH x, k
  MATCH (x)-[e:AFFILIATED_WITH]->(i:Institution)
  MERGE (k)-[n:AFFILIATED_WITH]->(i)
  ON CREATE SET n += properties(e)
  DELETE e
  RETURN count(*) AS affiliated }
CALL { WITH x, k
  MATCH (a:Account)-[e:FOLLOWS]->(x)
  MERGE (a)-[:FOLLOWS]->(k)
  DELETE e
  RETURN count(*) AS follows }
CALL { WITH x, k
  MATCH (a:Account)-[e:VOUCHED_FOR]->(x)
  MERGE (a)-[n:VOUCHED_FOR]->(k)
  ON CREATE SET n += properties(e)
  DELETE e
  RETURN count(*) AS vouches }
CALL { WITH x, k
  MATCH (c:Claim)-[e:CLAIMS]->(x)
  MERGE (c)-[:CLAIMS]->(k)
  DELETE e
  RETURN count(*) AS claims }
CALL { WITH x, k
  MATCH (v:Invitation)-[e:INVITES]->(x)
  MERGE (v)-[:INVITES]->(k)
  DELETE e
  RETURN count(*) AS invites }
CALL { WITH x, k
  MATCH (m:MergeDecision {entity_uid: x.uid})
  SET m.entity_uid = k.uid
  RETURN count(*) AS decisions }
WITH x, authored, derived
WITH x, x.uid AS joined, authored, derived
DETACH DELETE x
RETURN joined, authored, derived
