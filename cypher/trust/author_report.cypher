// Purpose: The stored trust figures of one author, and whether a verified claim exists on it.
// Parameters: $uid (string, required): the author's uid.
// Returns: trust_score (int), trust_band (string), verification_level (string), trust_components (string),
//   trust_formula_version (string), trust_computed_at (string), claimed (bool).
// Mode: read
MATCH (a:Author {uid: $uid})
RETURN a.trust_score AS trust_score, a.trust_band AS trust_band,
       a.verification_level AS verification_level, a.trust_components AS trust_components,
       a.trust_formula_version AS trust_formula_version, a.trust_computed_at AS trust_computed_at,
       EXISTS { MATCH (a)<-[:CLAIMS]-(:Claim {status: 'verified'}) } AS claimed
