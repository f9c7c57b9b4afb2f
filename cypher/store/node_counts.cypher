// Node counts per label.
// Returns: label (string), count (int). Read.
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
