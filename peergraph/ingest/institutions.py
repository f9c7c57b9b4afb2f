"""Institutions: the ROR id decides; otherwise a name is matched against known institutions, and
below the no-match threshold it becomes a new institution (never a catch-all that collects strangers)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from peergraph.ingest.keys import text_key
from peergraph.ingest.settings import DEFAULT, MatchSettings

# Words that say nothing about which institution it is: matching on them alone joins strangers.
GENERIC = frozenset("university of institute department dept school college the and for laboratory lab center".split())

# A comma-separated part naming an organisation (not a department, street, city or country).
_ORGANISATION = re.compile(
    r"univ|institut|college|laborator|\blab\b|corporation|\binc\b|research|academy|school|centre|center"
    r"|hospital|\bltd\b|company|gmbh|ecole|polytech"
)
_SUBUNIT = ("dept", "department", "school of", "faculty", "division")
# Abbreviations bibliographic databases use in affiliations ("Princeton Univ.", "Inst. of Comput. Technol.").
_ABBREVIATIONS = {
    "univ": "university", "inst": "institute", "technol": "technology", "tech": "technology",
    "natl": "national", "nat": "national", "res": "research", "lab": "laboratory", "labs": "laboratories",
    "sci": "science", "comput": "computer", "eng": "engineering", "acad": "academy", "coll": "college",
    "ctr": "center", "centre": "center", "corp": "corporation", "int": "international", "intl": "international",
}


def _expanded(part: str) -> str:
    return " ".join(_ABBREVIATIONS.get(w, w) for w in _words(part).split())


def _words(text: str) -> str:
    """`text_key` reading "&" as "and": "Huazhong University of Science & Technology" is "... Science
    and Technology" (text_key alone drops the "&" and keeps the "and", so the two spellings differ)."""
    return text_key(text.replace("&", " and "))


def affiliation_keys(raw: str) -> frozenset[str]:
    """Keys one affiliation string gives author matching: the whole string, and each of its parts that
    names an organisation, so "Dept. of CS, Tsinghua University, Beijing" and "Department of Computer
    Science, Tsinghua University" share "tsinghua university" (departments and cities vary in spelling).

    An organisation part is also keyed without a leading article: "The University of Manchester" is
    how the university writes its name, "University of Manchester" how most papers do. The part as
    written stays a key too, so contexts stored before this still meet it."""
    whole = _words(raw)
    if not whole:
        return frozenset()
    parts = {k for part in re.split(r"[,;]", raw) if (k := _expanded(part))}
    organisations = {k for k in parts if _ORGANISATION.search(k) and not k.startswith(_SUBUNIT)}
    bare = {k[len("the "):] for k in organisations if k.startswith("the ") and len(k) > len("the ")}
    return frozenset({whole} | organisations | bare)


@dataclass(frozen=True)
class KnownInstitution:
    uid: str
    name: str
    name_key: str
    ror: str | None = None


@dataclass(frozen=True)
class InstitutionMatch:
    uid: str | None  # None: no known institution is close enough
    score: float
    reason: str


def match_institution(
    name: str, ror: str | None, known: Iterable[KnownInstitution], s: MatchSettings = DEFAULT
) -> InstitutionMatch:
    key = text_key(name)
    specific = {w for w in key.split() if w not in GENERIC}
    best: InstitutionMatch = InstitutionMatch(None, 0.0, "no known institution is similar enough")
    for k in known:
        if ror and k.ror:
            if ror == k.ror:
                return InstitutionMatch(k.uid, 1.0, f"same ROR {ror}")
            continue
        if not specific or not specific & set(k.name_key.split()):
            continue
        score = fuzz.token_set_ratio(key, k.name_key)
        if score >= s.institution_match and score / 100 > best.score:
            best = InstitutionMatch(k.uid, score / 100, f"name similarity {score:.0f}")
    return best
