"""Comparison keys: the normalized forms matching and blocking compare.

These are match-side keys (lower-case ASCII, punctuation dropped), not display values; display
normalization (LaTeX, Unicode, name parsing) belongs to `normalize.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

from peergraph.ingest import memo
from peergraph.ingest.normalize import parse_name

_NON_WORD = re.compile(r"[^a-z0-9]+")
_LATEX_CMD = re.compile(r"\\[a-zA-Z]+\s*|[{}$]")
STOPWORDS = frozenset(
    "a an and are as at by for from in into is of on or the to with via using towards toward its their".split()
)


# Titles, names and venues recur (a paper's twins, an author's papers) and are worth caching; an
# abstract is read once or twice, and a cache full of abstracts (memo.ENTRIES) would hold hundreds
# of megabytes.
CACHED_TEXT_CHARS = 300


def text_key(text: str) -> str:
    """ASCII lower-case words separated by one space: 'Élan: A {LaTeX} Title!' -> 'elan a latex title'."""
    return _cached_text_key(text) if len(text) <= CACHED_TEXT_CHARS else _text_key(text)


@lru_cache(maxsize=memo.ENTRIES)
def _cached_text_key(text: str) -> str:
    return _text_key(text)


def _text_key(text: str) -> str:
    plain = unidecode(_LATEX_CMD.sub(" ", text)).lower()
    return _NON_WORD.sub(" ", plain).strip()


def title_key(title: str | None) -> str:
    return text_key(title) if title else ""


def tokens(key: str) -> list[str]:
    return [t for t in key.split() if t not in STOPWORDS]


def subject_key(title: str | None) -> str:
    """A title as author context keeps it: its content words, once each, sorted and joined by
    spaces: "Z and the Refinement Calculus" -> "calculus refinement z"."""
    return " ".join(sorted(set(tokens(title_key(title))))) if title else ""


# Characters of an abstract normalized to find its first words (twelve words fit in far fewer).
ABSTRACT_HEAD_CHARS = 480


def abstract_key(abstract: str | None, words: int = 12) -> str:
    """The first words of an abstract: listing pages truncate abstracts, but never their start.

    Normalizing works character by character except where the text is cut, so the start of an
    abstract that still holds a word more than needed gives the same first words as the whole
    (normalizing whole 2,000-character abstracts was most of reading a batch's stored papers)."""
    if not abstract:
        return ""
    if len(abstract) > ABSTRACT_HEAD_CHARS:
        head = text_key(abstract[:ABSTRACT_HEAD_CHARS]).split()
        if len(head) > words:
            return " ".join(head[:words])
    return " ".join(text_key(abstract).split()[:words])


@dataclass(frozen=True)
class NameKey:
    given: str  # ascii lower given names joined by one space, "" if unknown
    family: str  # ascii lower family name
    initials: str  # first letters of the given names, e.g. "xd" for "Xiao-Dan"

    @property
    def block(self) -> str:
        """The blocking key stored as Author.name_key: 'family|first-initial'."""
        return f"{self.family}|{self.initials[:1]}"

    @property
    def full_given(self) -> bool:
        """True when the first given name is spelled out (not just an initial)."""
        first = self.given.split(" ")[0] if self.given else ""
        return len(first) > 1


def _clean(part: str) -> str:
    return text_key(part)


@lru_cache(maxsize=memo.ENTRIES)
def name_key(raw: str, given: str = "", family: str = "") -> NameKey:
    """Key of a person's name; parses `raw` with nameparser when given/family are not supplied.

    Handles "Song, Xiaodan", "X. Song", "Xiaodan Song" and diacritics ("Müller" == "Muller").
    """
    if not family:
        # The same parse sources use for display names (plain names skip nameparser's slow path).
        given, family, _ = parse_name(unidecode(raw))
    fam = _clean(family).replace(" ", "")
    # "Xiao-Dan" and "Xiaodan" are one spelling; "J.-P." gives initials "jp".
    given_words = [w for w in re.split(r"[\s.]+", unidecode(given).lower()) if w]
    initials = "".join(w[0] for part in given_words for w in part.split("-") if w)
    given_clean = " ".join(_NON_WORD.sub("", w) for w in given_words)
    return NameKey(given=given_clean.strip(), family=fam, initials=initials)
