// Purpose: Re-key venues, step 4: in every Author's context_venues (venue keys, author-matching
//   evidence), each old key becomes its new key; a key listed twice then is kept once, where it first
//   appears.
// Parameters:
//   $keys (map): old name_key -> new name_key.
// Returns: authors (int)
// Mode: write
MATCH (a:Author)
WHERE any(k IN a.context_venues WHERE $keys[k] IS NOT NULL)
WITH a, [k IN a.context_venues | coalesce($keys[k], k)] AS renamed
SET a.context_venues = reduce(kept = [], k IN renamed | CASE WHEN k IN kept THEN kept ELSE kept + k END)
RETURN count(a) AS authors
