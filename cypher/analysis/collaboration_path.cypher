// Purpose: The shortest chain of co-authorships linking two authors (who could introduce whom), up to
//   five co-authorship steps (ten AUTHORED hops); no row when they are further apart or not connected.
// Parameters:
//   $from_uid (string, required): uid of the first author.
//   $to_uid (string, required): uid of the second author.
// Returns: steps (int), authors (list<string>), author_uids (list<string>), papers (list<string>):
//   steps counts co-authorships; authors and author_uids run along the chain from the first author;
//   papers holds the title of one paper linking each pair of neighbours.
// Mode: read
MATCH (a:Author {uid: $from_uid}), (b:Author {uid: $to_uid})
WHERE a <> b
MATCH path = shortestPath((a)-[:AUTHORED*..10]-(b))
WITH [n IN nodes(path) WHERE n:Author] AS people, [n IN nodes(path) WHERE n:Paper] AS works
RETURN size(works) AS steps, [x IN people | x.name] AS authors, [x IN people | x.uid] AS author_uids,
       [w IN works | w.title] AS papers
