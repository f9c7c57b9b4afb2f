"""The API over the real seed pages ingested through the pipeline (the `seed_graph` fixture): the
researcher page of Xiaodan Song (tests/fixtures/seeds/000_*.txt) answered through GraphQL."""

from __future__ import annotations

from peergraph.store.driver import Graph
from tests.test_graphql_queries import run


def test_search_x_song_finds_xiaodan_song(seed_graph: Graph) -> None:
    data = run(seed_graph, '{ search(query: "X. Song", types: [AUTHOR], first: 5) { edges { score node { ... on Author { name } } } } }')
    names = [e["node"]["name"] for e in data["search"]["edges"]]
    assert "Xiaodan Song" in names
    assert data["search"]["edges"][names.index("Xiaodan Song")]["score"] == 1.0


def test_profile_of_xiaodan_song_matches_the_page(seed_graph: Graph) -> None:
    hit = run(seed_graph, '{ search(query: "Xiaodan Song", types: [AUTHOR], first: 1) { edges { node { ... on Author { id } } } } }')
    uid = hit["search"]["edges"][0]["node"]["id"]
    data = run(seed_graph, """query($id: ID!) { profile(authorId: $id) { author { name } affiliationStatus worksCount
        followersCount closeCollaboratorsCount trust { verificationLevel claimed }
        works(first: 10) { totalCount edges { node { type year title } } } } }""", id=uid)["profile"]
    assert data["author"]["name"] == "Xiaodan Song"
    assert (data["worksCount"], data["followersCount"], data["affiliationStatus"]) == (7, 0, "not imported")
    assert data["trust"]["claimed"] is False
    titles = [e["node"]["title"] for e in data["works"]["edges"]]
    assert data["works"]["totalCount"] == 7 and "Auto-scaling Vision Transformers without Training" in titles
    assert [e["node"]["year"] for e in data["works"]["edges"]][:2] == [2022, 2022]


def test_paper_by_arxiv_id_and_its_neighborhood(seed_graph: Graph) -> None:
    data = run(seed_graph, """{ paper(id: "arXiv:2202.11921") { title authors { totalCount edges { node { name } } } }
        neighborhood(id: "2202.11921", depth: 2, limitPerType: 10) { nodes { id type } truncated { type count } } }""")
    assert data["paper"]["title"] == "Auto-scaling Vision Transformers without Training"
    assert "Xiaodan Song" in [e["node"]["name"] for e in data["paper"]["authors"]["edges"]]
    kinds = {n["type"] for n in data["neighborhood"]["nodes"]}
    assert {"PAPER", "AUTHOR"} <= kinds
    assert all(sum(1 for n in data["neighborhood"]["nodes"] if n["type"] == k) <= 10 + (k == "PAPER") for k in kinds)
