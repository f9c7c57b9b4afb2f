// Purpose: Store computed trust figures on a batch of authors.
// Parameters: $rows (list<map>, required): {uid, score, band, level, components (JSON text), version,
//   computed_at (epoch seconds), collab (float)}.
// Returns: written (int).
// Mode: write
UNWIND $rows AS row
MATCH (a:Author {uid: row.uid})
SET a.trust_score = row.score, a.trust_band = row.band, a.verification_level = row.level,
    a.trust_components = row.components, a.trust_formula_version = row.version,
    a.trust_computed_at = row.computed_at, a.collab_trust = row.collab
RETURN count(a) AS written
