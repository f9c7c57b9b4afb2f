"""The trust score on real graphs in the store: calibration, determinism, the report's shape."""

from __future__ import annotations

import json

import pytest
from conftest import wipe
from trust_graphs import seed_page_author

from peergraph.trust.recompute import recompute
from peergraph.trust.report import trust_report
from peergraph.trust.score import FORMULA_VERSION


@pytest.fixture(scope="module")
def seeded(graph):
    wipe(graph)
    return seed_page_author(graph)


def test_the_seed_page_author_lands_in_emerging_near_21(graph, seeded):
    report = trust_report(graph, seeded)
    assert report is not None
    assert report.verification_level == "L1" and report.claimed is False
    assert report.band == "Emerging" and 18 <= report.score <= 24
    assert report.score == 21
    names = [c.name for c in report.components]
    assert names == ["identity", "publications", "collaboration", "community", "consistency"]
    assert round(sum(c.points for c in report.components)) == report.score
    collab = next(c for c in report.components if c.name == "collaboration")
    assert collab.points == 0.0
    assert any("4 close collaborator(s)" in e.description for e in collab.evidence)
    identity = next(c for c in report.components if c.name == "identity")
    assert any("ORCID 0000-0002-1825-0097" in e.description for e in identity.evidence)
    assert report.formula_version == FORMULA_VERSION and report.computed_at.startswith("20")


def test_recomputing_unchanged_data_gives_identical_scores(graph, seeded):
    first = graph.read("MATCH (a:Author) RETURN a.uid AS uid, a.trust_score AS s, a.trust_components AS c ORDER BY uid")
    recompute(graph)
    again = graph.read("MATCH (a:Author) RETURN a.uid AS uid, a.trust_score AS s, a.trust_components AS c ORDER BY uid")
    recompute(graph, batch_size=2)
    third = graph.read("MATCH (a:Author) RETURN a.uid AS uid, a.trust_score AS s, a.trust_components AS c ORDER BY uid")
    assert again == third
    song = [r for r in first if r["uid"] == "song"]
    assert song == [r for r in again if r["uid"] == "song"]
    assert all(json.loads(r["c"]) for r in again)


def test_an_unknown_author_has_no_report(graph, seeded):
    assert trust_report(graph, "no-such-author") is None


def test_a_score_from_an_older_formula_is_recomputed_when_asked_for(graph, seeded):
    graph.write("MATCH (a:Author {uid: $uid}) SET a.trust_formula_version = 'trust-0.9', a.trust_score = 99",
                {"uid": seeded})
    report = trust_report(graph, seeded)
    assert report.formula_version == FORMULA_VERSION and report.score == 21
