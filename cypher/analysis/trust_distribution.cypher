// Purpose: How trust is distributed: authors per trust band and verification level, with the score
//   range in each; authors never scored are in band "unscored".
// Parameters: none
// Returns: band (string), level (string), authors (int), min_score (int), avg_score (float), max_score (int)
// Mode: read
MATCH (a:Author)
WITH coalesce(a.trust_band, 'unscored') AS band, coalesce(a.verification_level, 'L0') AS level, a.trust_score AS score
RETURN band, level, count(*) AS authors, min(score) AS min_score,
       round(10.0 * avg(score)) / 10.0 AS avg_score, max(score) AS max_score
ORDER BY CASE band WHEN 'Trusted' THEN 0 WHEN 'Established' THEN 1 WHEN 'Developing' THEN 2
                   WHEN 'Emerging' THEN 3 ELSE 4 END, level DESC
