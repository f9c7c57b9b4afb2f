"""TrustReport: the trust figures computed by peergraph.trust (see docs/trust.md)."""

from __future__ import annotations

from datetime import datetime

import strawberry


@strawberry.type
class TrustEvidence:
    description: str
    source: str


@strawberry.type
class TrustComponent:
    name: str
    points: float
    max_points: float
    evidence: list[TrustEvidence]


@strawberry.type(description="band: Emerging|Developing|Established|Trusted; verificationLevel: L0..L3.")
class TrustReport:
    score: int
    band: str
    verification_level: str
    claimed: bool
    formula_version: str
    computed_at: datetime | None
    components: list[TrustComponent]


def trust_from_data(data) -> TrustReport:  # noqa: ANN001 - peergraph.trust.report.TrustReportData
    computed = data.computed_at
    when = datetime.fromisoformat(computed) if isinstance(computed, str) and computed[:1].isdigit() else None
    return TrustReport(
        score=data.score, band=data.band, verification_level=data.verification_level, claimed=data.claimed,
        formula_version=data.formula_version, computed_at=when,
        components=[
            TrustComponent(name=c.name, points=c.points, max_points=c.max_points,
                           evidence=[TrustEvidence(description=e.description, source=e.source) for e in c.evidence])
            for c in data.components
        ],
    )
