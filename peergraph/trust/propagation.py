"""Trust propagated from verified authors over co-authorship weights (pure, deterministic).

A personalized-PageRank / EigenTrust-style flow. Verified authors (L2+) are the seeds, each holding
one unit of trust. Every author passes on trust to co-authors in proportion to its own
collaboration weights (row-normalized, so a prolific author cannot hand out more than it holds),
and each hop keeps only DAMPING of what it carries:

    received = DAMPING * W^T (seed + received)

iterated to a fixed point. An author's `received` trust is what reaches it from others (its own
seed is excluded), so a clique that no verified author works with receives nothing, however dense.
Edges and nodes are processed in sorted order, so the same input gives bit-identical output.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

DAMPING = 0.5  # each hop halves the trust it carries: trust stays local to real collaboration
MAX_ITERATIONS = 60
TOLERANCE = 1e-12


def normalized(edges: Iterable[tuple[str, str, float]]) -> dict[str, list[tuple[str, float]]]:
    """source -> [(target, share)], shares of each source summing to 1; sorted for determinism."""
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for src, dst, weight in edges:
        if src != dst and weight > 0:
            out[src][dst] += weight
    result: dict[str, list[tuple[str, float]]] = {}
    for src in sorted(out):
        total = sum(out[src].values())
        result[src] = [(dst, out[src][dst] / total) for dst in sorted(out[src])]
    return result


def propagate(edges: Iterable[tuple[str, str, float]], seeds: Mapping[str, float],
              damping: float = DAMPING) -> dict[str, float]:
    """Trust received by every author reachable from a seed (authors receiving nothing are absent)."""
    shares = normalized(edges)
    received: dict[str, float] = {}
    for _ in range(MAX_ITERATIONS):
        nxt: dict[str, float] = defaultdict(float)
        for src, targets in shares.items():
            mass = seeds.get(src, 0.0) + received.get(src, 0.0)
            if mass <= 0:
                continue
            for dst, share in targets:
                nxt[dst] += damping * share * mass
        delta = max((abs(nxt.get(k, 0.0) - received.get(k, 0.0)) for k in set(nxt) | set(received)), default=0.0)
        received = {k: round(v, 12) for k, v in sorted(nxt.items())}
        if delta < TOLERANCE:
            break
    return received
