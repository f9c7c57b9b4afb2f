"""Is this the same paper? Pure functions over `PaperView`s: identifiers first, then evidence.

Verdicts:
- "same": one Paper node (identical identifier, or similar text confirmed and not vetoed);
- "version": a preprint and its published version: two Paper nodes joined by VERSION_OF;
- "different": everything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz

from peergraph.ingest import memo
from peergraph.ingest.keys import name_key, text_key, title_key
from peergraph.ingest.records import PaperRecord
from peergraph.ingest.settings import DEFAULT, MatchSettings

Verdict = Literal["same", "version", "different"]
PUBLISHED = frozenset({"journal", "conference"})


@dataclass(frozen=True)
class PaperView:
    """What matching compares, built from a record or from a stored Paper."""

    key: str  # record key or stored uid
    title_key: str = ""
    abstract: str = ""  # as written (for a stored paper, its first 2,000 characters)
    year: int | None = None
    type: str = "other"
    doi: str | None = None
    arxiv_id: str | None = None
    openalex_id: str | None = None
    families: frozenset[str] = field(default_factory=frozenset)

    @memo.cached_attribute
    def abstract_text(self) -> str:
        """The normalized abstract (a prefix is enough), computed when first compared: only a pair
        with a title missing compares abstracts, and a batch reads thousands of stored papers. (Not
        the blocking `abstract_key`, its first words: keys.abstract_key.)"""
        return text_key(self.abstract)[:2000] if self.abstract else ""


@dataclass(frozen=True)
class PaperMatch:
    verdict: Verdict
    score: float  # 0..1
    method: str  # "doi", "arxiv_id", "openalex_id", "title", "abstract"
    reasons: tuple[str, ...]


ARXIV_DOI_PREFIX = "10.48550/arxiv."


def view_of(record: PaperRecord, key: str) -> PaperView:
    doi = record.doi
    arxiv_id = record.arxiv_id
    # arXiv's own DOIs name the preprint; compare them as arXiv ids, not as a publisher DOI.
    if doi and doi.startswith(ARXIV_DOI_PREFIX):
        arxiv_id = arxiv_id or doi[len(ARXIV_DOI_PREFIX) :]
        doi = None
    families = frozenset(
        k.family for a in record.authors if (k := name_key(a.raw, a.given, a.family)).family
    )
    return PaperView(
        key=key,
        title_key=title_key(record.title),
        abstract=record.abstract or "",
        year=record.year,
        type=record.type,
        doi=doi,
        arxiv_id=arxiv_id,
        openalex_id=record.openalex_id,
        families=families,
    )


def _ids(a: PaperView, b: PaperView) -> tuple[str | None, list[str]]:
    """The first shared identifier, and the identifier kinds on which the two disagree."""
    shared = None
    conflicts = []
    for kind in ("doi", "arxiv_id", "openalex_id"):
        va, vb = getattr(a, kind), getattr(b, kind)
        if va and vb:
            if va == vb:
                shared = shared or kind
            else:
                conflicts.append(kind)
    return shared, conflicts


def text_similarity(a: PaperView, b: PaperView, s: MatchSettings) -> tuple[float, str]:
    """0..100 similarity of titles, or of abstracts when either title is missing."""
    if a.title_key and b.title_key:
        return max(fuzz.ratio(a.title_key, b.title_key), fuzz.token_sort_ratio(a.title_key, b.title_key)), "title"
    if a.abstract_text and b.abstract_text:
        # Listing pages cut abstracts short: compare the common prefix length only.
        n = min(len(a.abstract_text), len(b.abstract_text), s.abstract_prefix_chars)
        if n < 80:
            return 0.0, "abstract"
        return fuzz.ratio(a.abstract_text[:n], b.abstract_text[:n]), "abstract"
    return 0.0, "none"


def author_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter author list whose family name appears (allowing a typo) in the other."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    hits = sum(1 for f in small if f in large or any(fuzz.ratio(f, g) >= 80 for g in large))
    return hits / len(small)


def _is_version_pair(a: PaperView, b: PaperView) -> bool:
    return (a.type == "preprint" and b.type in PUBLISHED) or (b.type == "preprint" and a.type in PUBLISHED)


def match(a: PaperView, b: PaperView, s: MatchSettings = DEFAULT) -> PaperMatch:
    shared, conflicts = _ids(a, b)
    if shared and not ({"arxiv_id", "openalex_id"} & set(conflicts)):
        return PaperMatch("same", 1.0, shared, (f"same {shared}",))
    if "arxiv_id" in conflicts:
        return PaperMatch("different", 0.0, "arxiv_id", ("different arXiv ids",))
    sim, method = text_similarity(a, b, s)
    overlap = author_overlap(a.families, b.families) if a.families and b.families else None
    maybe = s.title_maybe
    if method == "title" and sim < s.title_maybe and overlap is not None and overlap >= 0.5:
        # One title may carry an extra subtitle ("... demonstration description"): with the same
        # authors, containment of a title of several words is evidence too.
        shorter = min(len(a.title_key.split()), len(b.title_key.split()))
        if shorter >= 3:
            sim = max(sim, fuzz.token_set_ratio(a.title_key, b.title_key) - 5)
        # The same several authors in the same year make a reworded title likely the same work.
        shared_authors = min(len(a.families), len(b.families)) * overlap
        if overlap == 1.0 and shared_authors >= 2 and a.year and a.year == b.year:
            maybe = s.title_confirmed
    reasons = [f"{method} similarity {sim:.1f}"]
    threshold = s.title_same if method == "title" else s.abstract_same
    if sim < maybe or (method != "title" and sim < threshold):
        return PaperMatch("different", sim / 100, method, tuple(reasons))
    if overlap is not None:
        reasons.append(f"author overlap {overlap:.2f}")
        if overlap <= s.author_overlap_veto:
            reasons.append("vetoed: no shared author")
            return PaperMatch("different", sim / 100, method, tuple(reasons))
    version = _is_version_pair(a, b)
    if a.year and b.year:
        gap = abs(a.year - b.year)
        reasons.append(f"years {a.year}/{b.year}")
        # A published version may appear a few years after its preprint; other gaps veto.
        if gap > (3 if version else s.year_tolerance):
            reasons.append("vetoed: years too far apart")
            return PaperMatch("different", sim / 100, method, tuple(reasons))
    if sim < threshold and not overlap:
        reasons.append("too weak without author confirmation")
        return PaperMatch("different", sim / 100, method, tuple(reasons))
    if conflicts and not version:
        reasons.append(f"different {', '.join(conflicts)}")
        return PaperMatch("different", sim / 100, method, tuple(reasons))
    if version:
        reasons.append(f"{a.type} vs {b.type}")
        return PaperMatch("version", sim / 100, method, tuple(reasons))
    # The score ranks competing candidates: equal text, then the same year and more shared authors win
    # (a conference paper and its journal version often carry one title, a year apart).
    score = 0.9 * sim / 100 + (0.05 if a.year and a.year == b.year else 0.0) + 0.05 * (overlap or 0.0)
    return PaperMatch("same", round(score, 4), method, tuple(reasons))
