"""Recompute trust figures: read facts in batches, propagate trust once, score, write in batches.

Deterministic: the same graph gives the same scores (sorted inputs, no randomness, no clock in the
formula; only `trust_computed_at` changes). Collaboration weights come from
`peergraph.network.collaboration`, the one definition shared with the API.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from peergraph.cypher_files import load
from peergraph.network.collaboration import is_close, paper_contribution
from peergraph.store.driver import Graph
from peergraph.trust import components as comp
from peergraph.trust.levels import IdentityFacts
from peergraph.trust.propagation import propagate
from peergraph.trust.score import FORMULA_VERSION, TrustScore, score_author

BATCH_SIZE = 500
MAX_AUTHORS_FOR_PAIRS = 200  # larger author lists add ~nothing to any weight (hyper-damped) but n^2 pairs


@dataclass
class Network:
    """Directed collaboration weights A -> B (B's weight from A's point of view) and shared-paper counts."""

    weights: dict[tuple[str, str], float] = field(default_factory=dict)
    shared: dict[tuple[str, str], int] = field(default_factory=dict)

    def edges(self) -> list[tuple[str, str, float]]:
        return [(a, b, w) for (a, b), w in sorted(self.weights.items())]

    def neighbours(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for a, b in sorted(self.weights):
            out[a].append(b)
        return out

    def close_count(self, uid: str, neighbours: Sequence[str]) -> int:
        return sum(1 for b in neighbours if is_close(self.shared[(uid, b)], self.weights[(uid, b)]))


def build_network(papers: Iterable[tuple[int | None, Sequence[str]]]) -> Network:
    """Collaboration weights from (year, author uids) per paper, as network.collaboration defines them."""
    papers = [(year, sorted(set(authors))) for year, authors in papers]
    reference: dict[str, int] = {}
    for year, authors in papers:
        if year is not None:
            for uid in authors:
                reference[uid] = max(reference.get(uid, year), year)
    weights: dict[tuple[str, str], float] = defaultdict(float)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for year, authors in sorted(papers, key=lambda p: (p[0] or 0, p[1])):
        n = len(authors)
        if n < 2 or n > MAX_AUTHORS_FOR_PAIRS:
            continue
        for a in authors:
            for b in authors:
                if a != b:
                    weights[(a, b)] += paper_contribution(n, year, reference.get(a))
                    shared[(a, b)] += 1
    return Network(dict(weights), dict(shared))


def facts_from_row(row: dict, received: float, neighbours: Sequence[str], network: Network,
                   verified: set[str]) -> comp.AuthorFacts:
    claims = [c for c in row["claims"] if c and c.get("uid")]
    verified_claims = sorted((c for c in claims if c["status"] == "verified"), key=lambda c: c["uid"])
    holder = verified_claims[0]["account"] if verified_claims else None
    competing = {c["account"] for c in claims if c["status"] in ("pending", "verified") and c["account"] != holder}
    if holder is None and len(competing) == 1:
        competing = set()  # one pending claim is a claim, not a conflict
    vouchers = sorted({(v["account"], v["name"] or "") for v in row["vouchers"] if v and v.get("account")})
    identity = IdentityFacts(
        orcid=row["orcid"], orcid_authorships=int(row["orcid_authorships"] or 0),
        sources=tuple(sorted(s for s in row["sources"] if s)),
        verified_claim_method=verified_claims[0]["method"] if verified_claims else None,
        verified_claim_uid=verified_claims[0]["uid"] if verified_claims else None,
        vouchers=tuple(name or account for account, name in vouchers),
    )
    return comp.AuthorFacts(
        uid=row["uid"], identity=identity, works=int(row["works"] or 0),
        first_year=row["first_year"], last_year=row["last_year"],
        venues=tuple(sorted(v for v in row["venues"] if v)),
        authorships=int(row["authorships"] or 0), low_confidence_authorships=int(row["low_confidence"] or 0),
        received_trust=received, verified_coauthors=sum(1 for b in neighbours if b in verified),
        close_collaborators=network.close_count(row["uid"], neighbours),
        verified_followers=int(row["verified_followers"] or 0),
        unverified_followers=int(row["followers"] or 0) - int(row["verified_followers"] or 0),
        competing_claims=len(competing),
        rejected_claims=sum(1 for c in claims if c["status"] == "rejected"),
    )


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _received_for(graph: Graph, uids: Sequence[str], verified: set[str]) -> tuple[Network, dict[str, float]]:
    """For a few authors: their local network, and the trust they received at the last full recompute.

    Propagation needs the whole co-authorship graph; re-running it for every claim decision would
    cost a full read per request. Received trust changes only when a seed or an edge elsewhere
    changes, which the next full `peergraph trust recompute` picks up; without a stored value from
    the current formula, it is computed globally now.
    """
    network = build_network((r["year"], r["authors"]) for r in graph.read(load("trust/coauthor_papers_of"),
                                                                             {"uids": list(uids)}))
    stored = graph.read(load("trust/stored_collab"), {"uids": list(uids)})
    if stored and all(r["t"] is not None and r["v"] == FORMULA_VERSION for r in stored):
        return network, {r["uid"]: float(r["t"]) for r in stored}
    everything = build_network((r["year"], r["authors"]) for r in graph.read(load("trust/coauthor_papers")))
    return network, propagate(everything.edges(), {uid: 1.0 for uid in sorted(verified)})


def recompute(graph: Graph, only: Sequence[str] | None = None, batch_size: int = BATCH_SIZE,
              progress: Callable[[int, int], None] | None = None) -> list[TrustScore]:
    """Recompute and store the trust figures of `only` (uids) or of every author; returns the scores."""
    verified = {r["uid"] for r in graph.read(load("trust/verified_authors"))}
    if only is None:
        network = build_network((r["year"], r["authors"]) for r in graph.read(load("trust/coauthor_papers")))
        received = propagate(network.edges(), {uid: 1.0 for uid in sorted(verified)})
        uids = [r["uid"] for r in graph.read(load("trust/author_uids"))]
    else:
        uids = sorted(set(only))
        network, received = _received_for(graph, uids, verified)
    neighbours = network.neighbours()
    results: list[TrustScore] = []
    done = 0
    for batch in _chunks(uids, batch_size):
        rows = graph.read(load("trust/author_facts"), {"uids": list(batch), "low": comp.LOW_CONFIDENCE})
        now = time.time()
        writes = []
        for row in sorted(rows, key=lambda r: r["uid"]):
            facts = facts_from_row(row, received.get(row["uid"], 0.0), neighbours.get(row["uid"], []),
                                   network, verified)
            scored = score_author(facts)
            results.append(scored)
            writes.append({
                "uid": scored.uid, "score": scored.score, "band": scored.band, "level": scored.level,
                "components": json.dumps([c.as_dict() for c in scored.components], sort_keys=True),
                "version": scored.formula_version, "computed_at": now, "collab": facts.received_trust,
            })
        if writes:
            graph.write(load("trust/write_scores"), {"rows": writes})
        done += len(batch)
        if progress:
            progress(done, len(uids))
    return results
