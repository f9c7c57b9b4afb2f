// Purpose: What an author joined into another by an author bridge holds in the store (nothing when it was
//   made by the same batch), and what the kept author holds, read just before the join moves it, so `merges undo` can split the two apart again: its properties and every edge of it.
// Parameters:
//   $rows (list<map>): {joined, kept} author uids.
// Returns: joined (string), stored (boolean), props (map), authored (list<{paper, props}>), derived (list<{record, role}>),
//   affiliated (list<{institution, props}>), follows (list<string>: account uids), vouches (list<string>),
//   claims (list<string>: claim uids), invites (list<string>: invitation uids), kept_institutions,
//   kept_follows, kept_vouches, kept_claims, kept_invites (lists of what the kept author already has).
// It runs inside the batch's write transaction, before write_author_joins.cypher.
// Mode: read
UNWIND $rows AS r
OPTIONAL MATCH (x:Author {uid: r.joined})
OPTIONAL MATCH (k:Author {uid: r.kept})
RETURN r.joined AS joined, x IS NOT NULL AS stored, CASE WHEN x IS NULL THEN {} ELSE properties(x) END AS props,
  CASE WHEN x IS NULL THEN [] ELSE [(x)-[e:AUTHORED]->(p:Paper) | {paper: p.uid, props: properties(e)}] END AS authored,
  CASE WHEN x IS NULL THEN [] ELSE [(x)-[e:DERIVED_FROM]->(s:SourceRecord) | {record: s.uid, role: e.role}] END AS derived,
  CASE WHEN x IS NULL THEN []
    ELSE [(x)-[e:AFFILIATED_WITH]->(i:Institution) | {institution: i.uid, props: properties(e)}] END AS affiliated,
  CASE WHEN x IS NULL THEN [] ELSE [(a:Account)-[:FOLLOWS]->(x) | a.uid] END AS follows,
  CASE WHEN x IS NULL THEN [] ELSE [(a:Account)-[:VOUCHED_FOR]->(x) | a.uid] END AS vouches,
  CASE WHEN x IS NULL THEN [] ELSE [(c:Claim)-[:CLAIMS]->(x) | c.uid] END AS claims,
  CASE WHEN x IS NULL THEN [] ELSE [(v:Invitation)-[:INVITES]->(x) | v.uid] END AS invites,
  CASE WHEN k IS NULL THEN [] ELSE [(k)-[:AFFILIATED_WITH]->(i:Institution) | i.uid] END AS kept_institutions,
  CASE WHEN k IS NULL THEN [] ELSE [(a:Account)-[:FOLLOWS]->(k) | a.uid] END AS kept_follows,
  CASE WHEN k IS NULL THEN [] ELSE [(a:Account)-[:VOUCHED_FOR]->(k) | a.uid] END AS kept_vouches,
  CASE WHEN k IS NULL THEN [] ELSE [(c:Claim)-[:CLAIMS]->(k) | c.uid] END AS kept_claims,
  CASE WHEN k IS NULL THEN [] ELSE [(v:Invitation)-[:INVITES]->(k) | v.uid] END AS kept_invites
