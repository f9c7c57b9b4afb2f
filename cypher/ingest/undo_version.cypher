// Purpose: Undo a VERSION_OF decision: the two papers stay, the link goes.
// Parameters:
//   $preprint (string): the preprint's uid.
//   $published (string): the published paper's uid.
// Returns: removed (int)
// Mode: write
MATCH (:Paper {uid: $preprint})-[e:VERSION_OF]->(:Paper {uid: $published})
DELETE e
RETURN count(*) AS removed
