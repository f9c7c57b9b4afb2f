"""Small real graphs for the trust tests, written with a few batched Cypher statements."""

from __future__ import annotations

from peergraph.store.driver import Graph

WRITE_AUTHORS = """UNWIND $rows AS row
CREATE (:Author {uid: row.uid, name: row.name, orcid: row.orcid, verification_level: 'L0'})"""
WRITE_PAPERS = """UNWIND $rows AS row
CREATE (p:Paper {uid: row.uid, title: row.title, year: row.year, type: 'preprint'})
WITH p, row
OPTIONAL MATCH (v:Venue {uid: row.venue})
FOREACH (_ IN CASE WHEN v IS NULL THEN [] ELSE [1] END | CREATE (p)-[:PUBLISHED_IN]->(v))
WITH p, row
UNWIND range(0, size(row.authors) - 1) AS i
MATCH (a:Author {uid: row.authors[i]})
CREATE (a)-[:AUTHORED {position: i, confidence: 1.0, method: 'imported'}]->(p)"""
WRITE_ACCOUNTS = """UNWIND $rows AS row
CREATE (:Account {uid: row.uid, email: row.email, display_name: row.name, password_hash: 'x', role: 'user',
                  disabled: false})"""
WRITE_FOLLOWS = """UNWIND $rows AS row
MATCH (acc:Account {uid: row.account}), (a:Author {uid: row.author})
CREATE (acc)-[:FOLLOWS]->(a)"""
WRITE_VERIFIED_CLAIMS = """UNWIND $rows AS row
MATCH (acc:Account {uid: row.account}), (a:Author {uid: row.author})
CREATE (acc)-[:MADE_CLAIM]->(:Claim {uid: row.uid, status: 'verified', method: 'curator'})-[:CLAIMS]->(a)"""


def add_authors(graph: Graph, rows: list[dict]) -> None:
    graph.write(WRITE_AUTHORS, {"rows": [{"orcid": None, **r} for r in rows]})


def add_venues(graph: Graph, names: list[str]) -> None:
    graph.write("UNWIND $names AS n CREATE (:Venue {uid: 'v-' + n, name: n})", {"names": names})


def add_papers(graph: Graph, rows: list[dict]) -> None:
    for start in range(0, len(rows), 500):
        graph.write(WRITE_PAPERS, {"rows": [{"venue": None, **r} for r in rows[start:start + 500]]})


def add_accounts(graph: Graph, rows: list[dict]) -> None:
    graph.write(WRITE_ACCOUNTS, {"rows": rows})


def add_follows(graph: Graph, rows: list[dict]) -> None:
    graph.write(WRITE_FOLLOWS, {"rows": rows})


def add_verified_claims(graph: Graph, rows: list[dict]) -> None:
    graph.write(WRITE_VERIFIED_CLAIMS, {"rows": rows})


def seed_page_author(graph: Graph) -> str:
    """The seed page's researcher: ORCID-corroborated (L1), 7 works 2020-2022 on arXiv, 4 close collaborators."""
    add_venues(graph, ["arXiv"])
    add_authors(graph, [{"uid": "song", "name": "Xiaodan Song", "orcid": "0000-0002-1825-0097"}]
                + [{"uid": f"co{i}", "name": f"Co Author {i}"} for i in range(4)])
    years = [2022, 2022, 2020, 2020, 2020, 2020, 2020]
    # Each collaborator shares two small papers with Song: close collaborators by the collab-1 definition.
    teams = [["song", "co0", "co1"], ["song", "co0", "co1"], ["song", "co2", "co3"], ["song", "co2", "co3"],
             ["song"], ["song", "co0"], ["song", "co2"]]
    add_papers(graph, [{"uid": f"song-p{i}", "title": f"Paper {i}", "year": y, "venue": "v-arXiv", "authors": t}
                       for i, (y, t) in enumerate(zip(years, teams, strict=True))])
    return "song"
