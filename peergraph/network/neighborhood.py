"""The ego graph around a node, built level by level with per-type caps (pure logic, no I/O).

`SliceBuilder` receives, for each level, the rows of one expansion step (cypher/api/expand_*.cypher):
edges from the current frontier to neighbours, at most `scan` per source and relationship type.
Candidates are ranked by relevance to the center: the sum, over their edges into the slice, of the
edge's weight times the weight of the slice node it comes from (the center weighs 1), so a co-author
met on many of the center's papers outranks one met once, and a topic shared by many of the slice's
papers outranks a stray one; ties go to the more recent, then to the uid. Each type keeps at most
`limit_per_type` nodes over the whole slice; what was left out is counted per type (candidates seen
but dropped, plus the unseen part of capped supernodes), so a slice never explodes and says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

NODE_TYPES = ("PAPER", "AUTHOR", "TOPIC", "INSTITUTION", "VENUE")


@dataclass
class SliceNode:
    id: str
    type: str
    label: str | None
    year: int | None
    weight: float


@dataclass
class SliceEdge:
    source: str
    target: str
    type: str
    weight: float


@dataclass
class SliceBuilder:
    center: SliceNode
    limit_per_type: int
    nodes: dict[str, SliceNode] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], SliceEdge] = field(default_factory=dict)
    truncated: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def __post_init__(self) -> None:
        self.nodes[self.center.id] = self.center

    def count(self, kind: str) -> int:
        return sum(1 for n in self.nodes.values() if n.type == kind and n.id != self.center.id)

    def add_level(self, rows: list[dict]) -> list[SliceNode]:
        """Fold one expansion step into the slice; returns the nodes added (the next frontier)."""
        scores: dict[str, float] = defaultdict(float)
        seen: dict[str, dict] = {}
        capped: dict[tuple[str, str, bool], tuple[int, int, str]] = {}
        for row in rows:
            src = self.nodes.get(row["src"])
            if src is None:
                continue
            key = (row["src"], row["type"], row["out"])
            scanned = capped.get(key, (0, row["degree"], row["kind"]))
            capped[key] = (scanned[0] + 1, row["degree"], row["kind"])
            uid = row["uid"]
            if uid not in self.nodes:
                scores[uid] += (row["weight"] or 0.0) * src.weight
                seen.setdefault(uid, row)
        added: list[SliceNode] = []
        by_kind: dict[str, list[str]] = defaultdict(list)
        for uid, row in seen.items():
            by_kind[row["kind"]].append(uid)
        for kind, uids in by_kind.items():
            uids.sort(key=lambda u: (-scores[u], -(seen[u]["year"] or 0), u))
            room = max(0, self.limit_per_type - self.count(kind))
            for uid in uids[:room]:
                row = seen[uid]
                node = SliceNode(uid, kind, row["label"], row["year"], round(min(1.0, scores[uid]), 4))
                self.nodes[uid] = node
                added.append(node)
            self.truncated[kind] += max(0, len(uids) - room)
        for scanned, degree, kind in capped.values():
            # Unseen neighbours of a capped supernode (a count of what was left, not a list).
            self.truncated[kind] += max(0, degree - scanned) if scanned >= 1 else 0
        for row in rows:
            if row["src"] in self.nodes and row["uid"] in self.nodes:
                source, target = (row["src"], row["uid"]) if row["out"] else (row["uid"], row["src"])
                self.edges.setdefault(
                    (source, target, row["type"]), SliceEdge(source, target, row["type"], row["weight"] or 0.0)
                )
        return added
