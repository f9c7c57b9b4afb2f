// Purpose: The identifiers an author holds (an undone attribution gives back those it took).
// Parameters:
//   $uid (string): the author's uid.
// Returns: orcid (string), openalex_id (string)
// Mode: read
MATCH (a:Author {uid: $uid})
RETURN a.orcid AS orcid, a.openalex_id AS openalex_id
