"""Every saved analysis query, run read-only on the embedded store against the hand-written demo graph
(tests/analysis_graph.py), with the answer that graph is built to give.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import analysis_graph
import pytest
from conftest import wipe

from peergraph.analysis import catalog, runner
from peergraph.network import collaboration
from peergraph.store.driver import Graph, connect_reader
from peergraph.store.settings import Settings


@pytest.fixture(scope="module")
def reader(graph: Graph, store_settings: Settings) -> Iterator[Graph]:
    wipe(graph)
    analysis_graph.load(graph)
    g = connect_reader(store_settings)
    yield g
    g.close()


def run(reader: Graph, name: str, **params: Any) -> list[dict[str, Any]]:
    result = runner.run_saved(reader, name, params)
    assert not result.truncated
    if result.rows:  # with no rows the embedded server sends no column names
        assert result.columns == list(catalog.get(name).columns), "the header's Returns must list the columns in order"
    return result.rows


def test_every_analysis_query_is_tested_here() -> None:
    tested = {name.removeprefix("test_") for name in globals() if name.startswith("test_")}
    assert {q.short_name for q in catalog.analysis_queries()} <= tested


def test_collaborators(reader: Graph) -> None:
    rows = run(reader, "collaborators", author_uid="a_alan")
    assert [(r["uid"], r["shared_papers"], r["first_year"], r["last_year"], r["close"]) for r in rows] == [
        ("a_ada", 2, 2019, 2020, True), ("a_grace", 1, 2021, 2021, False), ("a_john", 1, 2021, 2021, False),
    ]
    # The weights of peergraph.network.collaboration: Alan's latest year is 2021.
    ada = collaboration.collaboration_weight(
        [collaboration.SharedPaper(2, 2019), collaboration.SharedPaper(2, 2020)], 2021)
    grace = collaboration.collaboration_weight([collaboration.SharedPaper(3, 2021)], 2021)
    assert [r["weight"] for r in rows] == [pytest.approx(ada, abs=1e-4), pytest.approx(grace), pytest.approx(grace)]
    assert run(reader, "collaborators", author_uid="a_alan", limit=1, close_min_shared=1)[0]["uid"] == "a_ada"
    assert run(reader, "collaborators", author_uid="nobody") == []


def test_collaboration_path(reader: Graph) -> None:
    [row] = run(reader, "collaboration_path", from_uid="a_ada", to_uid="a_kat")
    assert row["steps"] == 3
    assert row["author_uids"] == ["a_ada", "a_alan", "a_john", "a_kat"]
    assert row["authors"] == ["Ada Lovelace", "Alan Turing", "John von Neumann", "Katherine Johnson"]
    assert row["papers"][0] in ("Notes on the Analytical Engine", "Computable Numbers Revisited")
    assert row["papers"][1:] == ["Stored Programs", "Game Theory of Orbits"]
    assert run(reader, "collaboration_path", from_uid="a_ada", to_uid="a_js3") == []  # Jane Smith works alone


def test_topic_bridges(reader: Graph) -> None:
    rows = run(reader, "topic_bridges", topic_a="computing", topic_b="t_compilers")
    assert rows == [
        {"uid": "a_grace", "name": "Grace Hopper", "papers_a": 2, "papers_b": 2, "papers_both": 1, "bridge": 2},
        {"uid": "a_js2", "name": "John Smith", "papers_a": 1, "papers_b": 1, "papers_both": 1, "bridge": 1},
    ]
    assert run(reader, "topic_bridges", topic_a="Computing", topic_b="Computing") == []


def test_rising_topics(reader: Graph) -> None:
    rows = run(reader, "rising_topics", from_year=2021, to_year=2023)
    assert [(r["label"], r["papers_from"], r["papers_to"], r["change"]) for r in rows] == [
        ("Compilers", 0, 2, 2), ("Mathematics", 0, 2, 2), ("Computing", 1, 1, 0),
    ]
    # The superseded preprint p7 (2022) does not count: Mathematics has no paper in 2022.
    assert rows[1]["by_year"] == [{"year": 2021, "papers": 0}, {"year": 2022, "papers": 0}, {"year": 2023, "papers": 2}]
    assert [r["label"] for r in run(reader, "rising_topics", from_year=2019, to_year=2023, min_papers=4)] == ["Computing"]


def test_institution_collaborations(reader: Graph) -> None:
    rows = run(reader, "institution_collaborations")
    assert [(r["uid_a"], r["uid_b"], r["papers"]) for r in rows] == [
        ("i_cam", "i_ias", 1), ("i_cam", "i_yale", 1), ("i_ias", "i_nasa", 1), ("i_ias", "i_yale", 1),
    ]


def test_author_topic_profile(reader: Graph) -> None:
    rows = run(reader, "author_topic_profile", author_uid="a_grace")
    assert [(r["year"], r["label"], r["papers"], r["share"]) for r in rows] == [
        (2021, "Computing", 1, 1.0), (2022, "Compilers", 1, 1.0), (2023, "Compilers", 1, 1.0), (2023, "Computing", 1, 1.0),
    ]
    alan = run(reader, "author_topic_profile", author_uid="a_alan")
    assert [(r["year"], r["label"], r["share"]) for r in alan] == [
        (2019, "Computing", 1.0), (2020, "Computing", 1.0), (2020, "Mathematics", 1.0), (2021, "Computing", 1.0),
    ]


def test_dedup_audit_papers(reader: Graph) -> None:
    rows = run(reader, "dedup_audit_papers")
    assert [(r["uid"], r["sources"], sorted(r["source_names"]), r["version_uids"]) for r in rows] == [
        ("p8", 3, ["arxiv", "openalex", "pages:000"], ["p7"]), ("p7", 1, ["arxiv"], ["p8"]),
    ]


def test_low_confidence_authorships(reader: Graph) -> None:
    rows = run(reader, "low_confidence_authorships")
    assert [(r["uid"], r["low"], r["total"], r["min_confidence"], r["methods"]) for r in rows] == [
        ("a_js2", 1, 1, 0.55, ["name+coauthors"]), ("a_js3", 1, 1, 0.6, ["exact-name"]),
        ("a_js1", 1, 1, 0.7, ["name+coauthors"]),
    ]
    assert rows[0]["examples"] == [
        {"paper": "p5", "title": "Compilers Grow Up", "confidence": 0.55, "method": "name+coauthors", "raw_name": "John Smith"},
    ]
    assert [r["uid"] for r in run(reader, "low_confidence_authorships", max_confidence=0.96)][-1] == "a_alan"


def test_split_author_candidates(reader: Graph) -> None:
    rows = run(reader, "split_author_candidates")
    # Jane Smith shares the key "smith|j" but no co-author (and has an ORCID of her own): not listed.
    assert rows == [{"uid_a": "a_js1", "name_a": "J. Smith", "uid_b": "a_js2", "name_b": "John Smith",
                     "keys": ["smith|j", "variant:j. smith"], "shared_coauthors": 1, "coauthors": ["Grace Hopper"]}]
    assert run(reader, "split_author_candidates", min_shared_coauthors=2) == []
    # "smith|j" holds three records, over max_block=2: only the shared variant "J. Smith" pairs them then.
    assert [r["keys"] for r in run(reader, "split_author_candidates", max_block=2)] == [["variant:j. smith"]]


def test_trust_distribution(reader: Graph) -> None:
    rows = run(reader, "trust_distribution")
    assert [(r["band"], r["level"], r["authors"], r["min_score"], r["max_score"]) for r in rows] == [
        ("Trusted", "L2", 1, 82, 82), ("Trusted", "L1", 1, 78, 78), ("Established", "L1", 1, 55, 55),
        ("Developing", "L0", 1, 30, 30), ("Emerging", "L0", 1, 10, 10), ("unscored", "L0", 5, None, None),
    ]


def test_unclaimed_high_trust(reader: Graph) -> None:
    rows = run(reader, "unclaimed_high_trust")
    # Ada (82) holds a verified claim; Alan's claim is only pending.
    assert [(r["uid"], r["trust_score"], r["pending_claims"], r["papers"]) for r in rows] == [
        ("a_alan", 78, 1, 3), ("a_grace", 55, 0, 3),
    ]
    assert [r["uid"] for r in run(reader, "unclaimed_high_trust", min_score=10)] == ["a_alan", "a_grace", "a_john", "a_kat"]


def test_orphan_nodes(reader: Graph) -> None:
    rows = run(reader, "orphan_nodes")
    assert {r["check"]: (r["count"], r["examples"]) for r in rows} == {
        "paper without author": (1, ["p_orphan"]),
        "author without paper": (1, ["a_orphan"]),
        "topic without paper": (1, ["t_astro"]),
        "venue without paper": (0, []),
        "institution without author": (1, ["i_empty"]),
        "source record feeding nothing": (1, ["s_orphan"]),
        "claim without author": (0, []),
    }


def test_integrity_checks(reader: Graph) -> None:
    rows = run(reader, "integrity_checks", examples=3)
    assert {r["check"]: (r["count"], r["examples"]) for r in rows} == {
        "paper cites itself": (1, ["p5"]),
        "version cycle": (0, []),
        "shared author position": (1, ["p6@0"]),
        "confidence outside 0..1": (0, []),
        "implausible year": (0, []),
        "node without uid": (0, []),
    }
