"""A small research world for the account tests: authors with ORCIDs, institutions with e-mail domains,
co-authored papers, and accounts (users, a curator, an admin), written to the real store."""

from __future__ import annotations

from trust_graphs import add_authors, add_papers

from peergraph.accounts import identity
from peergraph.store.driver import Graph

PASSWORD = "correct horse battery"


def build(graph: Graph) -> None:
    add_authors(graph, [
        {"uid": "carberry", "name": "Josiah Carberry", "orcid": "0000-0002-1825-0097"},
        {"uid": "noorcid", "name": "Nora Orcidless"},
        {"uid": "hopper", "name": "Grace Hopper", "orcid": "0000-0001-5109-3700"},
        {"uid": "lovelace", "name": "Ada Lovelace"},
        {"uid": "babbage", "name": "Charles Babbage"},
        {"uid": "stranger", "name": "Sam Stranger"},
    ])
    graph.write("""CREATE (i:Institution {uid: 'brown', name: 'Brown University', domains: ['brown.edu']})
                   WITH i MATCH (a:Author) WHERE a.uid IN ['carberry', 'noorcid']
                   CREATE (a)-[:AFFILIATED_WITH {source: 'test', status: 'asserted'}]->(i)""")
    add_papers(graph, [
        {"uid": "w1", "title": "Psychoceramics", "year": 2020, "authors": ["carberry", "hopper", "lovelace"]},
        {"uid": "w2", "title": "Cracked pots", "year": 2021, "authors": ["carberry", "babbage"]},
        {"uid": "w3", "title": "Engines", "year": 2021, "authors": ["lovelace", "babbage", "hopper"]},
        {"uid": "w4", "title": "Alone", "year": 2019, "authors": ["stranger"]},
    ])


def session(graph: Graph, email: str, role: str = "user", name: str = "") -> str:
    """A logged-in account's bearer token (created if needed)."""
    try:
        identity.create_account(graph, email, PASSWORD, name or email.split("@")[0], role=role)
    except identity.EmailTaken:
        pass
    return identity.log_in(graph, email, PASSWORD).token
