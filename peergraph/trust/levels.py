"""Verification levels L0-L3: the documented rule, applied to facts read from the graph (pure).

- L0: an imported record that nothing corroborates.
- L1: corroborated by the data: an ORCID on the record or its authorships, or the same identity
  reached independently by two source families (e.g. arXiv and OpenAlex).
- L2: an account's claim on the record is verified (ORCID sign-in, e-mail confirmation at an
  institution's domain, or a curator's approval).
- L3: L2, and vouched for by at least two L2+ co-authors (accounts holding verified claims on authors
  who share a paper with this one).

Each rule returns the evidence that satisfied it, so the level can be explained item by item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LEVELS = ("L0", "L1", "L2", "L3")
L3_MIN_VOUCHES = 2


@dataclass(frozen=True)
class Evidence:
    description: str
    source: str

    def as_dict(self) -> dict[str, str]:
        return {"description": self.description, "source": self.source}


@dataclass(frozen=True)
class IdentityFacts:
    orcid: str | None = None
    orcid_authorships: int = 0  # AUTHORED relationships attributed by ORCID
    sources: tuple[str, ...] = ()  # distinct source families of the records the author derives from
    verified_claim_method: str | None = None  # "orcid", "email", "curator" when a claim is verified
    verified_claim_uid: str | None = None
    vouchers: tuple[str, ...] = ()  # names of L2+ co-authors who vouched


@dataclass(frozen=True)
class LevelResult:
    level: str
    evidence: list[Evidence] = field(default_factory=list)


def source_family(source: str) -> str:
    """"pages:000" and "pages:004" are one family: two listing pages are not independent sources."""
    return source.split(":", 1)[0].strip().lower()


def verification_level(facts: IdentityFacts) -> LevelResult:
    evidence: list[Evidence] = []
    families = sorted({source_family(s) for s in facts.sources if s})
    corroborated = False
    if facts.orcid:
        evidence.append(Evidence(f"ORCID {facts.orcid} on the author record", "orcid"))
        corroborated = True
    if facts.orcid_authorships:
        evidence.append(Evidence(f"{facts.orcid_authorships} authorship(s) attributed by ORCID", "orcid"))
        corroborated = True
    if len(families) >= 2:
        evidence.append(Evidence(f"the same identity reached independently by {len(families)} sources",
                                 ", ".join(families)))
        corroborated = True
    if facts.verified_claim_method:
        evidence.append(Evidence(f"claim verified by {facts.verified_claim_method}",
                                 f"claim {facts.verified_claim_uid or ''}".strip()))
        if len(facts.vouchers) >= L3_MIN_VOUCHES:
            evidence.append(Evidence(f"vouched for by {len(facts.vouchers)} verified co-authors: "
                                     + ", ".join(sorted(facts.vouchers)[:5]), "vouches"))
            return LevelResult("L3", evidence)
        return LevelResult("L2", evidence)
    if corroborated:
        return LevelResult("L1", evidence)
    evidence.append(Evidence("imported record; no ORCID, no second source and no verified claim",
                             ", ".join(families) or "import"))
    return LevelResult("L0", evidence)
