"""The trust model's pure parts: level rules, propagation, bands, component curves."""

from __future__ import annotations

import random

from peergraph.trust import components as comp
from peergraph.trust.levels import IdentityFacts, verification_level
from peergraph.trust.propagation import propagate
from peergraph.trust.score import band, score_author


def test_level_rules():
    assert verification_level(IdentityFacts(sources=("pages:000", "pages:004"))).level == "L0"
    assert verification_level(IdentityFacts(sources=("pages:000", "arxiv"))).level == "L1"
    assert verification_level(IdentityFacts(orcid="0000-0002-1825-0097")).level == "L1"
    assert verification_level(IdentityFacts(orcid_authorships=2)).level == "L1"
    claimed = IdentityFacts(verified_claim_method="orcid", verified_claim_uid="c1", vouchers=("Ada",))
    assert verification_level(claimed).level == "L2"
    vouched = IdentityFacts(verified_claim_method="email", verified_claim_uid="c1", vouchers=("Ada", "Charles"))
    result = verification_level(vouched)
    assert result.level == "L3" and any("Ada, Charles" in e.description for e in result.evidence)
    # Vouches without a verified claim do not lift a record.
    assert verification_level(IdentityFacts(vouchers=("Ada", "Charles"))).level == "L0"


def test_bands_at_their_edges():
    assert [band(s) for s in (0, 24, 25, 49, 50, 74, 75, 100)] == [
        "Emerging", "Emerging", "Developing", "Developing", "Established", "Established", "Trusted", "Trusted"]


def test_a_clique_without_a_verified_member_receives_nothing():
    clique = [f"f{i}" for i in range(20)]
    edges = [(a, b, 1.0) for a in clique for b in clique if a != b]
    assert propagate(edges, {"someone-else": 1.0}) == {}


def test_trust_flows_to_coauthors_in_proportion_and_fades_per_hop():
    edges = [("v", "a", 3.0), ("v", "b", 1.0), ("a", "v", 1.0), ("b", "v", 1.0), ("a", "c", 1.0), ("c", "a", 1.0)]
    received = propagate(edges, {"v": 1.0})
    assert received["a"] > received["b"] > 0
    assert received["c"] < received["a"]  # two hops away
    assert "v" in received and received["v"] < 1.0  # echoes only, never its own seed


def test_propagation_is_deterministic_whatever_the_edge_order():
    rng = random.Random(5)
    nodes = [f"n{i}" for i in range(60)]
    edges = [(rng.choice(nodes), rng.choice(nodes), rng.random()) for _ in range(400)]
    seeds = {"n1": 1.0, "n7": 1.0}
    first = propagate(edges, seeds)
    shuffled = edges[:]
    rng.shuffle(shuffled)
    assert propagate(shuffled, seeds) == first


def test_unverified_followers_count_next_to_nothing():
    base = comp.AuthorFacts(uid="x", works=5, first_year=2020, last_year=2021, authorships=5)
    crowd = comp.AuthorFacts(uid="x", works=5, first_year=2020, last_year=2021, authorships=5,
                             unverified_followers=100)
    assert comp.community(crowd).points <= 0.3
    assert score_author(crowd).score - score_author(base).score <= 1
    one_verified = comp.AuthorFacts(uid="x", verified_followers=1)
    assert comp.community(one_verified).points > comp.community(crowd).points


def test_competing_claims_and_shaky_attributions_cost_consistency():
    clean = comp.consistency(comp.AuthorFacts(uid="x", authorships=10))
    disputed = comp.consistency(comp.AuthorFacts(uid="x", authorships=10, competing_claims=1, rejected_claims=1))
    shaky = comp.consistency(comp.AuthorFacts(uid="x", authorships=10, low_confidence_authorships=5))
    assert (clean.points, disputed.points, shaky.points) == (5.0, 3.0, 2.5)
    assert any("not counted" in e.description for e in disputed.evidence)
