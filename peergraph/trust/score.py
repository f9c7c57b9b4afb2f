"""The trust score: the sum of the components, a band, and the formula's version (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from peergraph.trust.components import AuthorFacts, Component, all_components
from peergraph.trust.levels import verification_level

FORMULA_VERSION = "trust-1.0"
BANDS = ((75, "Trusted"), (50, "Established"), (25, "Developing"), (0, "Emerging"))


def band(score: int) -> str:
    return next(name for floor, name in BANDS if score >= floor)


@dataclass(frozen=True)
class TrustScore:
    uid: str
    score: int
    band: str
    level: str
    components: list[Component]
    formula_version: str = FORMULA_VERSION


def score_author(facts: AuthorFacts) -> TrustScore:
    level = verification_level(facts.identity)
    components = all_components(facts, level)
    total = int(round(sum(c.points for c in components)))
    total = max(0, min(100, total))
    return TrustScore(uid=facts.uid, score=total, band=band(total), level=level.level, components=components)
