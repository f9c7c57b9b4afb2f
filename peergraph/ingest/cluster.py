"""From pairwise match decisions to entities, with the score and reasons of every decision kept.

A new record joins its best "same" candidate, not every candidate above threshold: chaining through
weak links is how unrelated papers end up in one node. Stored entities never merge with each other
here; only incoming records attach to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from peergraph.ingest.match_papers import PaperMatch, PaperView, match
from peergraph.ingest.settings import MatchSettings


@dataclass(frozen=True)
class Decision:
    a: str
    b: str
    result: PaperMatch


def best_matches(
    pairs: Iterable[tuple[str, str]], views: Mapping[str, PaperView], s: MatchSettings
) -> dict[str, tuple[str, PaperMatch]]:
    """For each left item, its best-scoring right item with a "same" verdict, one right item per left.

    A right item claimed by two left items goes to the higher score (ties: first seen), since one
    source rarely lists the same work twice.
    """
    best: dict[str, tuple[str, PaperMatch]] = {}
    for left, right in pairs:
        result = match(views[left], views[right], s)
        if result.verdict != "same":
            continue
        current = best.get(left)
        if current is None or result.score > current[1].score:
            best[left] = (right, result)
    owner: dict[str, tuple[str, float]] = {}
    for left, (right, result) in sorted(best.items()):
        held = owner.get(right)
        if held is None or result.score > held[1]:
            owner[right] = (left, result.score)
    return {left: best[left] for right, (left, _) in owner.items()}


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller key wins so results do not depend on the order pairs arrive in.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo
