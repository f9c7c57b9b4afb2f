// Purpose: Which entity type each id names (for `node(id)`); kind null when nothing has that id.
// Parameters:
//   $keys (list<string>, required): normalized ids.
// Returns: key (string), kind (string), uid (string), label (string), year (int)
// Mode: read
UNWIND $keys AS k
OPTIONAL MATCH (p1:Paper {uid: k})
OPTIONAL MATCH (p2:Paper {doi: k})
OPTIONAL MATCH (p3:Paper {arxiv_id: k})
OPTIONAL MATCH (a1:Author {uid: k})
OPTIONAL MATCH (a2:Author {orcid: k})
OPTIONAL MATCH (t:Topic {uid: k})
OPTIONAL MATCH (i1:Institution {uid: k})
OPTIONAL MATCH (i2:Institution {ror: k})
OPTIONAL MATCH (v:Venue {uid: k})
WITH k, coalesce(p1, p2, p3, a1, a2, t, i1, i2, v) AS n,
  CASE WHEN coalesce(p1, p2, p3) IS NOT NULL THEN 'PAPER' WHEN coalesce(a1, a2) IS NOT NULL THEN 'AUTHOR'
  WHEN t IS NOT NULL THEN 'TOPIC' WHEN coalesce(i1, i2) IS NOT NULL THEN 'INSTITUTION'
  WHEN v IS NOT NULL THEN 'VENUE' END AS kind
RETURN k AS key, kind, n.uid AS uid, coalesce(n.title, n.name, n.label) AS label, n.year AS year
