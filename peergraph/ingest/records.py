"""The one normalized record shape every source yields.

A record is usable when it has a title, an abstract or an identifier: a paper known only by its
abstract is still a paper (its title may arrive later from another source).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

PAPER_TYPES = ("preprint", "journal", "conference", "other")


@dataclass(frozen=True)
class AuthorRef:
    """One author of one record, in order."""

    raw: str  # the name exactly as the source wrote it
    given: str = ""  # parsed given name(s), e.g. "Xiaodan"
    family: str = ""  # parsed family name, e.g. "Song"
    initials: str = ""  # initials of the given names, e.g. "X"
    orcid: str | None = None  # normalized "0000-0002-1825-0097"
    openalex_id: str | None = None  # "A5023888391"
    affiliations: tuple[str, ...] = ()  # raw affiliation strings
    institution_rors: tuple[str, ...] = ()  # ROR ids of affiliations, when the source gives them


@dataclass(frozen=True)
class Provenance:
    source: str  # the source name, e.g. "arxiv", "openalex", "pages", or what `--source` says
    record_id: str  # the record's id in that source
    payload_hash: str  # sha256 of the raw payload
    payload: str = ""  # the raw payload as text (JSON), size-bounded


@dataclass(frozen=True)
class PaperRecord:
    provenance: Provenance
    title: str | None = None
    abstract: str | None = None
    authors: tuple[AuthorRef, ...] = ()
    author_count: int | None = None  # when a listing says "N authors" without naming them all
    year: int | None = None
    date: str | None = None  # ISO 8601, as precise as the source gives
    venue: str | None = None
    type: str = "other"  # one of PAPER_TYPES
    doi: str | None = None  # canonical lower-case, no resolver prefix
    arxiv_id: str | None = None  # without version, e.g. "2202.11921" or "hep-th/9901001"
    arxiv_version: int | None = None
    openalex_id: str | None = None  # "W2741809807"
    categories: tuple[str, ...] = ()  # e.g. arXiv categories "cs.CV"
    keywords: tuple[str, ...] = ()
    topics: tuple[tuple[str, float], ...] = ()  # (label, score) topics given by the source (OpenAlex)
    comment: str | None = None  # e.g. arXiv comment "Accepted to ICLR 2022"
    references: tuple[str, ...] = ()  # identifiers of cited works (doi / arxiv / openalex)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return bool(self.title or self.abstract or self.doi or self.arxiv_id or self.openalex_id)


@dataclass(frozen=True)
class BadRecord:
    """A record a source could not use: kept for the report, never written."""

    source: str
    record_id: str | None
    reason: str


def payload_hash(payload: Any) -> str:
    """Stable sha256 of a raw payload (text, bytes or a JSON-able value)."""
    if isinstance(payload, bytes):
        data = payload
    elif isinstance(payload, str):
        data = payload.encode("utf-8")
    else:
        data = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


PAYLOAD_LIMIT = 65_536  # characters of raw payload text kept on a Provenance


def make_provenance(source: str, record_id: str, payload: Any, limit: int = PAYLOAD_LIMIT) -> Provenance:
    """Provenance of one raw payload: the hash covers the whole payload, the kept text is bounded."""
    if isinstance(payload, bytes):
        text = payload.decode("utf-8", errors="replace")
    elif isinstance(payload, str):
        text = payload
    else:
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return Provenance(
        source=source,
        record_id=record_id,
        payload_hash=payload_hash(payload),
        payload=text if len(text) <= limit else text[:limit],
    )
