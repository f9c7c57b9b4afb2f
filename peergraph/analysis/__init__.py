"""Ad-hoc analysis: the named Cypher queries under `cypher/analysis/` and a runner that cannot write."""
