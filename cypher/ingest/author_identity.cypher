// Purpose: The identifiers and display name an author holds.
// Parameters:
//   $uid (string): the author's uid.
// Returns: orcid (string), openalex_id (string), name (string)
// Mode: read
MATCH (a:Author {uid: $uid})
RETURN a.orcid AS orcid, a.openalex_id AS openalex_id, a.name AS name
