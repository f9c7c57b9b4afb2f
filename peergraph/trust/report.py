"""The trust report of one author: what `trust(authorId)` in the GraphQL API returns.

`trust_report(graph, author_uid)` reads the figures stored on the Author node by
`peergraph trust recompute` (or computes and stores them first when they were never computed or
come from an older formula version), and returns a `TrustReportData`:

- score: int 0..100, the sum of the components' points, rounded
- band: "Emerging" (0-24), "Developing" (25-49), "Established" (50-74), "Trusted" (75-100)
- verification_level: "L0".."L3" (GraphQL: verificationLevel)
- claimed: True when an account holds a verified claim on the author
- formula_version: the version string of the formula that produced the score (formulaVersion)
- computed_at: ISO-8601 UTC timestamp of the computation (computedAt)
- components: list of TrustComponentData, each
    name (e.g. "identity", "publications", "collaboration", "community", "consistency"),
    points (float, one decimal), max_points (float; GraphQL: maxPoints),
    evidence: list of EvidenceData {description, source}

Returns None when no Author has that uid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peergraph.cypher_files import load
from peergraph.store.driver import Graph


@dataclass(frozen=True)
class EvidenceData:
    description: str
    source: str


@dataclass(frozen=True)
class TrustComponentData:
    name: str
    points: float
    max_points: float
    evidence: list[EvidenceData] = field(default_factory=list)


@dataclass(frozen=True)
class TrustReportData:
    score: int
    band: str
    verification_level: str
    claimed: bool
    formula_version: str
    computed_at: str
    components: list[TrustComponentData] = field(default_factory=list)


def components_from_json(raw: Any) -> list[TrustComponentData]:
    """The stored `trust_components` JSON (a list of component dicts) as dataclasses."""
    import json

    items = json.loads(raw) if isinstance(raw, str) else (raw or [])
    return [
        TrustComponentData(
            name=c["name"],
            points=float(c["points"]),
            max_points=float(c["max_points"]),
            evidence=[EvidenceData(e["description"], e["source"]) for e in c.get("evidence", [])],
        )
        for c in items
    ]


def _iso(value: Any) -> str:
    """neomodel stores DateTimeProperty as epoch seconds; the API speaks ISO-8601 UTC."""
    from datetime import UTC, datetime

    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, UTC).isoformat()
    return str(value)


def _stored(graph: Graph, author_uid: str) -> dict[str, Any] | None:
    rows = graph.read(load("trust/author_report"), {"uid": author_uid})
    return rows[0] if rows else None


def trust_report(graph: Graph, author_uid: str) -> TrustReportData | None:
    """The stored trust report of `author_uid`, computing it first if it was never computed."""
    row = _stored(graph, author_uid)
    if row is None:
        return None
    from peergraph.trust.score import FORMULA_VERSION

    if row["trust_score"] is None or row["trust_formula_version"] != FORMULA_VERSION:
        from peergraph.trust.recompute import recompute

        recompute(graph, only=[author_uid])
        row = _stored(graph, author_uid)
        if row is None:
            return None
    return TrustReportData(
        score=int(row["trust_score"]),
        band=row["trust_band"],
        verification_level=row["verification_level"] or "L0",
        claimed=bool(row["claimed"]),
        formula_version=row["trust_formula_version"],
        computed_at=_iso(row["trust_computed_at"]),
        components=components_from_json(row["trust_components"]),
    )
