"""The GraphQL schema executed against the embedded store holding a small graph whose answers are known
(tests/fixtures/graphql/small_graph.cypher: Ada Lovelace, her co-authors, a 24-author consortium paper)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from peergraph.cypher_files import strip_comments
from peergraph.graphql.context import build_context
from peergraph.graphql.schema import schema
from peergraph.network import collaboration
from peergraph.store.driver import Graph, count_queries

FIXTURE = Path(__file__).parent / "fixtures" / "graphql" / "small_graph.cypher"


def load_small_graph(graph: Graph) -> None:
    from tests.conftest import wipe

    wipe(graph)
    for statement in strip_comments(FIXTURE.read_text(encoding="utf-8")).split(";"):
        if statement.strip():
            graph.write(statement)


@pytest.fixture(scope="module")
def small(graph: Graph) -> Graph:
    load_small_graph(graph)
    return graph


def run(graph: Graph, query: str, **variables: Any) -> dict:
    result = asyncio.run(schema.execute(query, variable_values=variables, context_value=build_context(graph)))
    assert not result.errors, result.errors
    return result.data


def test_lookups_accept_uids_arxiv_ids_dois_and_orcids_and_return_null_when_absent(small: Graph) -> None:
    data = run(small, """{
      a: paper(id: "p1") { id } b: paper(id: "arXiv:2001.00001v2") { id } c: paper(id: "https://doi.org/10.1000/ENGINE") { id }
      d: author(id: "https://orcid.org/0000-0002-1825-0097") { id name }
      e: institution(id: "https://ror.org/04cw6st05") { name } f: topic(id: "t1") { label }
      g: node(id: "2001.00001") { __typename id } h: node(id: "i1") { ... on Institution { name } }
      missing: paper(id: "10.9999/none") { id } nobody: author(id: "nope") { id } nothing: node(id: "zzz") { id }
    }""")
    assert data["a"] == data["b"] == data["c"] == {"id": "p1"}
    assert data["d"] == {"id": "a1", "name": "Ada Lovelace"}
    assert data["e"] == {"name": "University of London"} and data["f"] == {"label": "Computation"}
    assert data["g"] == {"__typename": "Paper", "id": "p1"} and data["h"] == {"name": "University of London"}
    assert data["missing"] is None and data["nobody"] is None and data["nothing"] is None


def test_paper_relations_authors_in_order_with_confidence_topics_venue_versions(small: Graph) -> None:
    data = run(small, """{ paper(id: "p1") {
      title authors { totalCount edges { position confidence method node { id } } }
      topics { edges { score node { label } } } venue { name } versions { id type year } } }""")["paper"]
    assert data["title"] == "Notes on the Analytical Engine"
    assert data["authors"]["totalCount"] == 2
    assert [(e["node"]["id"], e["position"], e["confidence"]) for e in data["authors"]["edges"]] == [
        ("a1", 0, 1.0), ("a2", 1, 0.9)]
    assert data["topics"]["edges"] == [{"score": 0.9, "node": {"label": "Computation"}}]
    assert data["venue"] == {"name": "Journal of Engines"}
    assert data["versions"] == [{"id": "p5", "type": "preprint", "year": 2019}]


def test_author_relations_papers_topics_institutions(small: Graph) -> None:
    data = run(small, """{ author(id: "a1") {
      papers(first: 2) { totalCount edges { node { id year } } }
      topics { edges { paperCount node { label } } }
      institutions { edges { status year node { name authors { totalCount } } } } } }""")["author"]
    assert data["papers"]["totalCount"] == 5
    assert [e["node"]["year"] for e in data["papers"]["edges"]] == [2022, 2022]
    assert data["topics"]["edges"] == [{"paperCount": 4, "node": {"label": "Computation"}},
                                       {"paperCount": 2, "node": {"label": "Mathematics"}}]
    assert data["institutions"]["edges"] == [
        {"status": "asserted", "year": 2022, "node": {"name": "University of London", "authors": {"totalCount": 2}}}]


def test_pagination_round_trip_visits_every_paper_once(small: Graph) -> None:
    seen, after, pages = [], None, 0
    while True:
        conn = run(small, """query($after: String) { author(id: "a1") { papers(first: 2, after: $after) {
            totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }""",
                   after=after)["author"]["papers"]
        seen += [e["node"]["id"] for e in conn["edges"]]
        pages += 1
        assert conn["pageInfo"]["hasPreviousPage"] == (after is not None)
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    assert pages == 3 and sorted(seen) == ["p1", "p2", "p3", "p4", "p5"] and conn["totalCount"] == 5


def test_collaborators_weight_explains_itself_and_matches_the_python_formula(small: Graph) -> None:
    data = run(small, """{ collaborators(authorId: "a1", first: 3) { totalCount closeCount edges { node {
      author { id } weight sharedPaperCount firstYear lastYear isClose sharedTopics { label }
      sharedPapers(first: 1) { totalCount edges { node { id } } } } } } }""")["collaborators"]
    assert data["totalCount"] == 25 and data["closeCount"] == 3
    nodes = [e["node"] for e in data["edges"]]
    assert [n["author"]["id"] for n in nodes] == ["a2", "a3", "a4"]
    shared = collaboration.SharedPaper
    # Charles: p1 (2 authors, 2020) and p2 (3 authors, 2021); the preprint p5 is a version of p1, not counted.
    expected = collaboration.collaboration_weight([shared(2, 2020), shared(3, 2021)], reference_year=2022)
    assert nodes[0]["weight"] == pytest.approx(expected, abs=1e-6)
    assert (nodes[0]["sharedPaperCount"], nodes[0]["firstYear"], nodes[0]["lastYear"]) == (2, 2020, 2021)
    assert nodes[0]["sharedPapers"] == {"totalCount": 2, "edges": [{"node": {"id": "p2"}}]}
    assert {t["label"] for t in nodes[0]["sharedTopics"]} == {"Computation", "Mathematics"}
    # José: one 3-author paper plus the hyper-authored consortium paper, damped to 1/23 * 20/24.
    jose = collaboration.collaboration_weight([shared(3, 2022), shared(24, 2022)], reference_year=2022)
    assert nodes[2]["weight"] == pytest.approx(jose, abs=1e-6) and nodes[2]["isClose"]
    close = run(small, '{ collaborators(authorId: "a1", closeOnly: true) { totalCount edges { node { isClose } } } }')
    assert close["collaborators"]["totalCount"] == 3
    assert all(e["node"]["isClose"] for e in close["collaborators"]["edges"])


def test_profile_shows_what_the_researcher_page_shows(small: Graph) -> None:
    data = run(small, """{ profile(authorId: "0000-0002-1825-0097") {
      author { name } headline affiliation affiliationStatus openToCollaborate worksCount followersCount
      topicsCount closeCollaboratorsCount
      trust { score band verificationLevel claimed formulaVersion computedAt components { name points maxPoints evidence { source } } }
      works(first: 1) { totalCount edges { node { type year title abstract venue { name } } } } } }""")["profile"]
    assert data["author"] == {"name": "Ada Lovelace"} and data["headline"] == "Poetical scientist"
    assert (data["affiliation"], data["affiliationStatus"], data["openToCollaborate"]) == (
        "University of London", "asserted", True)
    assert (data["worksCount"], data["followersCount"], data["topicsCount"], data["closeCollaboratorsCount"]) == (5, 2, 2, 3)
    assert data["trust"]["score"] == 64 and data["trust"]["band"] == "Established" and data["trust"]["claimed"]
    assert data["trust"]["verificationLevel"] == "L2" and data["trust"]["computedAt"] == "2026-01-02T03:04:05+00:00"
    assert data["trust"]["components"][0] == {"name": "identity", "points": 30.0, "maxPoints": 40.0,
                                              "evidence": [{"source": "orcid"}]}
    assert data["works"]["totalCount"] == 5
    assert data["works"]["edges"][0]["node"]["venue"] == {"name": "Journal of Engines"}
    unknown = run(small, '{ profile(authorId: "nobody") { worksCount } }')
    assert unknown["profile"] is None


def test_affiliation_status_not_imported_and_close_counts_agree(small: Graph) -> None:
    data = run(small, '{ profile(authorId: "a2") { affiliationStatus closeCollaboratorsCount } }')["profile"]
    assert data == {"affiliationStatus": "not imported", "closeCollaboratorsCount": 1}
    from peergraph.cypher_files import load

    counts = small.read(load("api/close_collaborator_counts"), {"uids": ["a1", "a2", "c1"], **collaboration.cypher_params()})
    assert {r["uid"]: r["close_collaborators"] for r in counts} == {"a1": 3, "a2": 1, "c1": 0}


def test_search_is_ranked_and_tolerates_initials_accents_and_typos(small: Graph) -> None:
    q = """query($q: String!, $types: [NodeType!]) { search(query: $q, types: $types, first: 3) {
        totalCount edges { score node { __typename ... on Author { id } ... on Paper { id }
        ... on Topic { id } ... on Institution { id } } } } }"""

    def top(text: str, types: list[str] | None = None) -> str:
        return run(small, q, q=text, types=types)["search"]["edges"][0]["node"]["id"]

    assert top("A. Lovelace") == "a1"
    assert top("jose nunez") == "a4" and top("José Núñez") == "a4" and top("Jose Nunes") == "a4"
    assert top("analitycal engine", ["PAPER"]) in {"p1", "p5"}
    assert top("mechanical computation") == "p2"
    assert top("computaton", ["TOPIC"]) == "t1"
    assert top("London university", ["INSTITUTION"]) == "i1"
    empty = run(small, q, q="zzzzqqq", types=None)["search"]
    assert empty == {"totalCount": 0, "edges": []}


def test_neighborhood_depth_caps_truncation_and_years(small: Graph) -> None:
    q = """query($id: ID!, $depth: Int, $limit: Int, $since: Int, $types: [NodeType!]) {
      neighborhood(id: $id, depth: $depth, limitPerType: $limit, since: $since, types: $types) {
        nodes { id type label year weight } edges { source target type weight } truncated { type count } } }"""
    one = run(small, q, id="a1", depth=1, limit=25)["neighborhood"]
    assert {n["id"] for n in one["nodes"]} == {"a1", "p1", "p2", "p3", "p4", "p5", "i1"}
    assert {"source": "a1", "target": "p1", "type": "AUTHORED", "weight": 1.0} in one["edges"]
    assert one["truncated"] == []

    capped = run(small, q, id="p4", depth=1, limit=3)["neighborhood"]
    authors = [n for n in capped["nodes"] if n["type"] == "AUTHOR"]
    assert len(authors) == 3
    assert {"type": "AUTHOR", "count": 21} in capped["truncated"]

    two = run(small, q, id="a1", depth=2, limit=2)["neighborhood"]
    kinds = [n["type"] for n in two["nodes"]]
    assert all(kinds.count(k) <= 2 for k in ("PAPER", "TOPIC", "VENUE", "INSTITUTION"))
    assert kinds.count("AUTHOR") <= 3  # the center plus two
    assert sum(t["count"] for t in two["truncated"]) > 0

    recent = run(small, q, id="a1", depth=1, limit=25, since=2022)["neighborhood"]
    assert {n["id"] for n in recent["nodes"] if n["type"] == "PAPER"} == {"p3", "p4"}

    # The executor's fast path for plain leaf objects gives what the regular path gives (with __typename
    # and aliases the regular path runs).
    aliased = run(small, '{ neighborhood(id: "a1") { nodes { __typename key: id type label year weight } } }')
    assert [{"id": n.pop("key"), **{k: v for k, v in n.items() if k != "__typename"}}
            for n in aliased["neighborhood"]["nodes"]] == one["nodes"]

    people = run(small, q, id="a1", depth=2, limit=25, types=["AUTHOR"])["neighborhood"]
    assert {n["type"] for n in people["nodes"]} == {"AUTHOR"} and len(people["nodes"]) > 3


def test_a_request_of_any_shape_costs_a_bounded_number_of_queries(small: Graph) -> None:
    query = """{ author(id: "a1") { papers(first: 5) { edges { node { title venue { name } versions { id }
        authors(first: 30) { edges { node { name topics { edges { node { label } } }
          institutions { edges { node { name } } } } } } topics { edges { node { label } } } } } } } }"""
    with count_queries() as counter:
        data = run(small, query)
    assert len(data["author"]["papers"]["edges"]) == 5
    # author, its papers, then one batch per child field: venue+versions, authors, topics, author topics,
    # author institutions: 7 round trips whatever the number of papers and authors (no N+1).
    assert counter.count == 7


def test_trust_report_reads_the_stored_figures(small: Graph) -> None:
    data = run(small, '{ trust(authorId: "a1") { score band verificationLevel claimed formulaVersion } nobody: trust(authorId: "x") { score } }')
    assert data["trust"] == {"score": 64, "band": "Established", "verificationLevel": "L2", "claimed": True,
                             "formulaVersion": "trust-1.0"}
    assert data["nobody"] is None
