// Purpose: The identifiers and title a paper holds.
// Parameters:
//   $uid (string): the paper's uid.
// Returns: doi (string), arxiv_id (string), openalex_id (string), title (string)
// Mode: read
MATCH (p:Paper {uid: $uid})
RETURN p.doi AS doi, p.arxiv_id AS arxiv_id, p.openalex_id AS openalex_id, p.title AS title
