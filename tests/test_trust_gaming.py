"""Resistance to gaming, on generated graphs written to the real store in a few batched statements.

- a clique of 50 unverified fake authors writing 200 papers among themselves, each followed by 100
  unverified accounts, stays Emerging and within 5 points of a lone unverified author with as many papers;
- a real author whose claim becomes verified gains at least 15 points;
- 100 unverified followers add at most 1 point.
"""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from conftest import wipe
from trust_graphs import add_accounts, add_authors, add_follows, add_papers, add_venues, add_verified_claims

from peergraph.trust.recompute import recompute

FAKES = [f"fake{i:02d}" for i in range(50)]
SCORES = "MATCH (a:Author) RETURN a.uid AS uid, a.trust_score AS score, a.trust_band AS band"


def scores(graph) -> dict[str, int]:
    return {r["uid"]: r["score"] for r in graph.read(SCORES)}


@pytest.fixture(scope="module")
def gamed(graph):
    wipe(graph)
    rng = random.Random(20261123)
    add_venues(graph, ["Journal of Mutual Citation", "Clique Letters"])
    add_authors(graph, [{"uid": uid, "name": f"Fake Person {uid}"} for uid in FAKES])
    papers = [{"uid": f"fp{i}", "title": f"Fake paper {i}", "year": 2016 + i % 9,
               "venue": "v-Journal of Mutual Citation" if i % 2 else "v-Clique Letters",
               "authors": rng.sample(FAKES, 5)} for i in range(200)]
    add_papers(graph, papers)
    add_accounts(graph, [{"uid": f"sock{i}", "email": f"sock{i}@example.org", "name": f"sock {i}"}
                         for i in range(100)])
    add_follows(graph, [{"account": f"sock{i}", "author": uid} for i in range(100) for uid in FAKES])
    # For every paper count a fake has, a lone unverified author with papers of the same years and venues.
    by_author = defaultdict(list)
    for p in papers:
        for uid in p["authors"]:
            by_author[uid].append(p)
    lone_for: dict[int, str] = {}
    lone_papers = []
    for uid in FAKES:
        n = len(by_author[uid])
        if n not in lone_for:
            lone_for[n] = f"lone{n}"
            lone_papers += [{"uid": f"lone{n}-{k}", "title": f"Solo {k}", "year": p["year"], "venue": p["venue"],
                             "authors": [f"lone{n}"]} for k, p in enumerate(by_author[uid])]
    add_authors(graph, [{"uid": uid, "name": f"Lone Scholar {n}"} for n, uid in lone_for.items()])
    add_papers(graph, lone_papers)
    # A real research group: "real" (ORCID, L1) with four co-authors, one of them already verified.
    add_authors(graph, [{"uid": "real", "name": "Grace Real", "orcid": "0000-0001-5109-3700"},
                        {"uid": "peer-verified", "name": "Vera Fied", "orcid": "0000-0002-9079-593X"}]
                + [{"uid": f"peer{i}", "name": f"Peer {i}"} for i in range(3)])
    add_papers(graph, [{"uid": f"rp{i}", "title": f"Real paper {i}", "year": 2015 + i, "venue": "v-Clique Letters",
                        "authors": ["real", "peer-verified" if i % 2 else f"peer{i % 3}", f"peer{(i + 1) % 3}"]}
                       for i in range(10)])
    add_accounts(graph, [{"uid": "acc-vera", "email": "vera@example.org", "name": "Vera"},
                         {"uid": "acc-grace", "email": "grace@example.org", "name": "Grace"}])
    add_verified_claims(graph, [{"uid": "claim-vera", "account": "acc-vera", "author": "peer-verified"}])
    recompute(graph)
    return {"lone_for": lone_for, "counts": {uid: len(by_author[uid]) for uid in FAKES}}


def test_the_fake_clique_stays_emerging_and_close_to_a_lone_author(graph, gamed):
    rows = {r["uid"]: r for r in graph.read(SCORES)}
    for uid in FAKES:
        assert rows[uid]["band"] == "Emerging", rows[uid]
        lone = rows[gamed["lone_for"][gamed["counts"][uid]]]
        assert rows[uid]["score"] - lone["score"] <= 5, (rows[uid], lone)
    assert max(rows[uid]["score"] for uid in FAKES) < 25


def test_verifying_a_real_authors_claim_gains_at_least_15_points(graph, gamed):
    before = scores(graph)
    add_verified_claims(graph, [{"uid": "claim-grace", "account": "acc-grace", "author": "real"}])
    recompute(graph)
    after = scores(graph)
    assert after["real"] - before["real"] >= 15, (before["real"], after["real"])
    level = graph.read("MATCH (a:Author {uid: 'real'}) RETURN a.verification_level AS l")[0]["l"]
    assert level == "L2"
    # Trust flows from the newly verified author to the co-authors, and not into the clique.
    assert after["peer0"] > before["peer0"]
    assert all(after[uid] == before[uid] for uid in FAKES)


def test_a_hundred_unverified_followers_add_at_most_one_point(graph, gamed):
    before = scores(graph)["peer1"]
    add_follows(graph, [{"account": f"sock{i}", "author": "peer1"} for i in range(100)])
    recompute(graph, only=["peer1"])
    assert 0 <= scores(graph)["peer1"] - before <= 1


def test_following_your_own_record_is_not_a_verified_follow(graph, gamed):
    before = scores(graph)["real"]
    add_follows(graph, [{"account": "acc-grace", "author": "real"}])  # Grace holds the verified claim on "real"
    recompute(graph, only=["real"])
    assert scores(graph)["real"] == before
    add_follows(graph, [{"account": "acc-vera", "author": "real"}])  # a verified colleague does count
    recompute(graph, only=["real"])
    assert scores(graph)["real"] > before
