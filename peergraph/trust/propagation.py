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

from collections.abc import Iterable, Mapping

import numpy as np

DAMPING = 0.5  # each hop halves the trust it carries: trust stays local to real collaboration
MAX_ITERATIONS = 60
TOLERANCE = 1e-12


def propagate(edges: Iterable[tuple[str, str, float]], seeds: Mapping[str, float],
              damping: float = DAMPING) -> dict[str, float]:
    """Trust received by every author reachable from a seed (authors receiving nothing are absent).

    `edges` are (source, target, weight); parallel edges add up, self-loops and non-positive weights
    are ignored. Sparse matrix-vector products in numpy, over edges sorted by (source, target), so the
    floating-point sums run in the same order whatever order the edges came in.
    """
    kept = sorted((a, b, float(w)) for a, b, w in edges if a != b and w > 0)
    nodes = sorted({a for a, _, _ in kept} | {b for _, b, _ in kept} | set(seeds))
    if not kept:
        return {}
    index = {uid: i for i, uid in enumerate(nodes)}
    src = np.fromiter((index[a] for a, _, _ in kept), dtype=np.int64, count=len(kept))
    dst = np.fromiter((index[b] for _, b, _ in kept), dtype=np.int64, count=len(kept))
    weight = np.fromiter((w for _, _, w in kept), dtype=np.float64, count=len(kept))
    out_total = np.bincount(src, weights=weight, minlength=len(nodes))
    share = weight / out_total[src]  # row-normalized: a source hands out exactly what it holds
    seed = np.zeros(len(nodes))
    for uid, value in seeds.items():
        seed[index[uid]] = value
    received: np.ndarray = np.zeros(len(nodes))
    for _ in range(MAX_ITERATIONS):
        nxt = damping * np.bincount(dst, weights=share * (seed + received)[src], minlength=len(nodes))
        delta = float(np.max(np.abs(nxt - received)))
        received = nxt
        if delta < TOLERANCE:
            break
    return {nodes[i]: round(float(received[i]), 12) for i in np.flatnonzero(received)}
