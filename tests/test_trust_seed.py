"""The trust score of the seed page's researcher, ingested from the real seed pages by the pipeline."""

from __future__ import annotations

from peergraph.trust.recompute import recompute
from peergraph.trust.report import trust_report


def test_xiaodan_song_from_the_seed_pages_is_emerging_and_explained(seed_graph):
    uid = seed_graph.read("MATCH (a:Author {name: 'Xiaodan Song'}) RETURN a.uid AS uid")[0]["uid"]
    recompute(seed_graph)
    report = trust_report(seed_graph, uid)
    assert report is not None and report.band == "Emerging" and report.claimed is False
    # Our copy has one source family (the listing pages) and no ORCID: L0, and it says why.
    assert report.verification_level == "L0"
    identity = next(c for c in report.components if c.name == "identity")
    assert any("no ORCID, no second source" in e.description for e in identity.evidence)
    publications = next(c for c in report.components if c.name == "publications")
    assert any(e.description.startswith("7 work(s)") for e in publications.evidence)
    assert any("2020-2022" in e.description for e in publications.evidence)
    assert round(sum(c.points for c in report.components)) == report.score


def test_the_profile_shows_when_the_stored_score_was_computed(seed_graph):
    import asyncio

    from peergraph.graphql.context import build_context
    from peergraph.graphql.schema import schema

    recompute(seed_graph)
    uid = seed_graph.read("MATCH (a:Author {name: 'Xiaodan Song'}) RETURN a.uid AS uid")[0]["uid"]
    query = "query($id: ID!) { profile(authorId: $id) { trust { score band computedAt formulaVersion } } }"
    result = asyncio.run(schema.execute(query, variable_values={"id": uid}, context_value=build_context(seed_graph)))
    assert result.errors is None
    trust = result.data["profile"]["trust"]
    assert trust["band"] == "Emerging" and trust["formulaVersion"]
    assert trust["computedAt"] is not None and trust["computedAt"].startswith("20")
