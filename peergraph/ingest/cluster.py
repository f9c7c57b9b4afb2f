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
    """One-to-one links between left and right items (two sources that each list a work once).

    Greedy over all "same" verdicts, best score first: a right item taken by a better-scoring left
    item leaves the other left item free to take its next best. Ties break on the keys, so the
    result does not depend on the order of `pairs`.
    """
    scored = []
    for left, right in pairs:
        result = match(views[left], views[right], s)
        if result.verdict == "same":
            scored.append((-result.score, left, right, result))
    scored.sort(key=lambda t: (t[0], t[1], t[2]))
    links: dict[str, tuple[str, PaperMatch]] = {}
    taken: set[str] = set()
    for _, left, right, result in scored:
        if left in links or right in taken:
            continue
        links[left] = (right, result)
        taken.add(right)
    return links


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
