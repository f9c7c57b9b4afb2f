"""The named components of the trust score (pure). Each returns points, a maximum and evidence.

The weights and curves are the formula; changing any of them changes `FORMULA_VERSION` in
score.py. docs/trust.md explains every constant and the calibration.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from peergraph.trust.levels import Evidence, IdentityFacts, LevelResult

IDENTITY_POINTS = {"L0": 0.0, "L1": 10.0, "L2": 28.0, "L3": 35.0}
IDENTITY_MAX = 35.0

PUBLICATIONS_MAX = 20.0
WORKS_MAX, WORKS_SATURATION = 10.0, 100  # log-shaped: the 10th work adds more than the 90th
YEARS_MAX, YEARS_SATURATION = 6.0, 15
VENUES_MAX, VENUES_SATURATION = 4.0, 8
UNCORROBORATED_FACTOR = 0.5  # an L0 record's publication list is itself unconfirmed

COLLABORATION_MAX = 30.0
COLLABORATION_SCALE = 0.25  # received trust giving 63% of the maximum (1 - 1/e)

COMMUNITY_MAX = 10.0
COMMUNITY_SCALE = 8.0  # follower weight giving 63% of the maximum
VERIFIED_FOLLOWER_WEIGHT = 1.0
UNVERIFIED_FOLLOWER_WEIGHT = 0.002  # 100 unverified accounts weigh as much as 0.2 verified ones

CONSISTENCY_MAX = 5.0
LOW_CONFIDENCE = 0.8
CONFLICT_PENALTY = 2.0  # an open dispute over who the author is; capped by the component's 5 points


@dataclass(frozen=True)
class Component:
    name: str
    points: float
    max_points: float
    evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"name": self.name, "points": self.points, "max_points": self.max_points,
                "evidence": [e.as_dict() for e in self.evidence]}


@dataclass(frozen=True)
class AuthorFacts:
    uid: str
    identity: IdentityFacts = field(default_factory=IdentityFacts)
    works: int = 0
    first_year: int | None = None
    last_year: int | None = None
    venues: tuple[str, ...] = ()
    authorships: int = 0
    low_confidence_authorships: int = 0
    received_trust: float = 0.0
    verified_coauthors: int = 0
    close_collaborators: int = 0
    verified_followers: int = 0
    unverified_followers: int = 0
    competing_claims: int = 0  # pending or verified claims by accounts other than the verified claimant
    rejected_claims: int = 0


def _r(x: float) -> float:
    return round(x + 0.0, 1)


def identity(level: LevelResult) -> Component:
    return Component("identity", IDENTITY_POINTS[level.level], IDENTITY_MAX,
                     [Evidence(f"verification level {level.level}", "levels"), *level.evidence])


def _log_share(n: int, saturation: int) -> float:
    return min(1.0, math.log1p(max(0, n)) / math.log1p(saturation))


def publications(f: AuthorFacts, level: str) -> Component:
    years = (f.last_year - f.first_year + 1) if f.first_year and f.last_year else 0
    works = WORKS_MAX * _log_share(f.works, WORKS_SATURATION)
    active = YEARS_MAX * min(1.0, years / YEARS_SATURATION)
    venues = VENUES_MAX * min(1.0, len(f.venues) / VENUES_SATURATION)
    evidence = [
        Evidence(f"{f.works} work(s): {works:.1f} of {WORKS_MAX:g}", "AUTHORED relationships"),
        Evidence(f"{years} year(s) active" + (f" ({f.first_year}-{f.last_year})" if years else "")
                 + f": {active:.1f} of {YEARS_MAX:g}", "Paper.year"),
        Evidence(f"{len(f.venues)} venue(s)" + (": " + ", ".join(f.venues[:5]) if f.venues else "")
                 + f": {venues:.1f} of {VENUES_MAX:g}", "PUBLISHED_IN"),
    ]
    total = works + active + venues
    if level == "L0":
        total *= UNCORROBORATED_FACTOR
        evidence.append(Evidence(f"uncorroborated record (L0): publication record counted at x{UNCORROBORATED_FACTOR:g}",
                                 "levels"))
    return Component("publications", _r(total), PUBLICATIONS_MAX, evidence)


def collaboration(f: AuthorFacts) -> Component:
    points = COLLABORATION_MAX * (1 - math.exp(-f.received_trust / COLLABORATION_SCALE))
    evidence = [
        Evidence(f"trust received from verified authors over co-authorship: {f.received_trust:.3f}",
                 "propagation from L2+ authors"),
        Evidence(f"{f.verified_coauthors} verified co-author(s), {f.close_collaborators} close collaborator(s)",
                 "co-authorship (collab-1 weights)"),
    ]
    if f.received_trust == 0:
        evidence.append(Evidence("no verified author collaborates with this author, directly or within a few hops",
                                 "propagation from L2+ authors"))
    return Component("collaboration", _r(points), COLLABORATION_MAX, evidence)


def community(f: AuthorFacts) -> Component:
    weight = f.verified_followers * VERIFIED_FOLLOWER_WEIGHT + f.unverified_followers * UNVERIFIED_FOLLOWER_WEIGHT
    points = COMMUNITY_MAX * (1 - math.exp(-weight / COMMUNITY_SCALE))
    return Component("community", _r(points), COMMUNITY_MAX, [
        Evidence(f"{f.verified_followers} follower(s) with a verified claim (weight {VERIFIED_FOLLOWER_WEIGHT:g} each)",
                 "FOLLOWS"),
        Evidence(f"{f.unverified_followers} unverified follower(s) (weight {UNVERIFIED_FOLLOWER_WEIGHT:g} each)",
                 "FOLLOWS"),
    ])


def consistency(f: AuthorFacts) -> Component:
    share = (f.authorships - f.low_confidence_authorships) / f.authorships if f.authorships else 0.0
    points = CONSISTENCY_MAX * share
    evidence = [Evidence(f"{f.authorships - f.low_confidence_authorships} of {f.authorships} authorship(s) "
                         f"attributed with confidence >= {LOW_CONFIDENCE:g}", "AUTHORED.confidence")]
    if f.competing_claims:
        points -= CONFLICT_PENALTY * f.competing_claims
        evidence.append(Evidence(f"{f.competing_claims} competing claim(s) by different accounts "
                                 f"(-{CONFLICT_PENALTY:g} each)", "claims"))
    if f.rejected_claims:
        # Anyone can file a claim that gets rejected; it says nothing against the record itself.
        evidence.append(Evidence(f"{f.rejected_claims} rejected claim(s) (not counted against the record)", "claims"))
    return Component("consistency", _r(max(0.0, min(CONSISTENCY_MAX, points))), CONSISTENCY_MAX, evidence)


def all_components(f: AuthorFacts, level: LevelResult) -> list[Component]:
    return [identity(level), publications(f, level.level), collaboration(f), community(f), consistency(f)]


__all__ = ["AuthorFacts", "Component", "IdentityFacts", "all_components"]
