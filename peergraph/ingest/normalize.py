"""Display normalization of source values: text, LaTeX, person names, identifiers, dates, size bounds.

Everything here is pure (no I/O) and total: a function either returns a normalized value, returns None
for "not a valid value of that kind", or (only `bounded`) raises `FieldTooLarge`, which sources turn
into a BadRecord. Comparison keys (folded, lower-case ASCII) are in `keys.py`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date as _date
from datetime import datetime
from functools import lru_cache

from nameparser import HumanName
from nameparser.config import CONSTANTS as NAME_CONSTANTS
from pylatexenc.latex2text import LatexNodes2Text

from peergraph.ingest import memo
from peergraph.ingest.records import AuthorRef

# Size bounds: far above any real value, far below anything that would hurt memory or the store.
MAX_TITLE = 2_000
MAX_ABSTRACT = 30_000
MAX_NAME = 300
MAX_AUTHORS = 5_000
MAX_AFFILIATION = 1_000
MAX_SHORT = 1_000  # venue, comment, keyword, category, identifiers
MAX_KEYWORDS = 500
# The raw payload kept on a SourceRecord is cut at records.PAYLOAD_LIMIT (its hash covers all of it).


class FieldTooLarge(ValueError):
    """A field is larger than its bound: the record is bad, not truncated silently."""


def bounded(field: str, value: str | None, limit: int) -> str | None:
    """`value` unchanged when within `limit` characters, else FieldTooLarge naming the field."""
    if value is not None and len(value) > limit:
        raise FieldTooLarge(f"{field} is {len(value):,} characters (limit {limit:,})")
    return value


def clean_bounded(field: str, value: object, limit: int) -> str | None:
    """`clean_text(value)` within `limit` characters, else FieldTooLarge; absurd input is refused before cleaning."""
    if value is not None and len(str(value)) > 4 * limit:  # cleaning only shrinks whitespace and markup
        raise FieldTooLarge(f"{field} is {len(str(value)):,} characters (limit {limit:,})")
    return bounded(field, clean_text(None if value is None else str(value)), limit)


_WS = re.compile(r"\s+")
_LATEX_HINT = re.compile(r"\\[a-zA-Z\"'`^~=.]|\$")
_UNESCAPED_PERCENT = re.compile(r"(?<!\\)%")
_LATEX = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def latex_to_text(text: str) -> str:
    """LaTeX markup to plain Unicode text ('Schr\\"odinger' -> 'Schrödinger'); plain text is returned as is.

    Only text that carries LaTeX signals goes through pylatexenc, because a bare '%' (common in
    abstracts: '83.5% top-1') would otherwise start a LaTeX comment and swallow the rest.
    """
    if not _LATEX_HINT.search(text):
        return text
    try:
        return _LATEX.latex_to_text(_UNESCAPED_PERCENT.sub(r"\\%", text))
    except Exception:  # pylatexenc is lenient, but text from sources is arbitrary: keep it as written
        return text


def clean_text(text: str | None) -> str | None:
    """NFKC, LaTeX to text, control characters dropped, whitespace collapsed; None/empty -> None."""
    if text is None:
        return None
    out = unicodedata.normalize("NFKC", str(text))
    out = _CONTROL.sub(" ", out)
    out = unicodedata.normalize("NFKC", latex_to_text(out))  # again: LaTeX may yield compatibility forms
    out = _WS.sub(" ", out).strip()
    return out or None


# --- person names --------------------------------------------------------------------------------

def _name_words() -> frozenset[str]:
    """Every word nameparser treats specially (titles, particles, suffixes, conjunctions...)."""
    words: set[str] = set()
    for attr in ("titles", "prefixes", "suffix_acronyms", "suffix_not_acronyms", "suffix_acronyms_ambiguous",
                 "conjunctions", "first_name_titles", "bound_first_names", "non_first_name_prefixes"):
        words.update(str(w).lower() for w in getattr(NAME_CONSTANTS, attr, ()) or ())
    return frozenset(words)


_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SPECIAL_WORDS = _name_words()


def _plain_word(word: str) -> bool:
    """A word nameparser reads as a plain name part: letters (hyphens, apostrophes), not a special
    word, and not an abbreviation other than an initial ("Th." and "Ann." it takes for titles). An
    initial is plain even when its letter is a conjunction ("Y. Wang", "E. Garcia")."""
    if word.endswith("."):
        return len(word) == 2 and word[0].isalpha()
    return bool(_PLAIN_WORD.fullmatch(word)) and word.lower() not in _SPECIAL_WORDS


def _plain_split(text: str) -> tuple[str, str] | None:
    """(given, family) of a plain name, else None: 2-3 words with none nameparser treats specially
    ("Xiaodan Song", "X. Song", "Mary Ann Smith"), or one such family word, a comma and one or two such
    given words ("Song, Xiaodan", "Smith, John A.").

    For such names nameparser's answer is always 'all but the last word are given names', and for the
    comma form 'the word before the comma is the family name' (tests/test_normalize.py checks both
    against nameparser on every recorded name). Its full pipeline costs 0.3-1 ms a name, this split
    about 0.01 ms: that is what keeps ingest fast.
    """
    family_part, comma, given_part = text.partition(",")
    if comma:
        family, given_words = family_part.strip(), given_part.strip().split(" ")
        if (
            "," in given_part
            or not _plain_word(family)
            or not 1 <= len(given_words) <= 2
            or not all(_plain_word(w) for w in given_words)
        ):
            return None
        return " ".join(given_words), family
    words = text.split(" ")
    if not 2 <= len(words) <= 3 or not all(_plain_word(w) for w in words):
        return None
    return " ".join(words[:-1]), words[-1]


def _nameparser_split(text: str) -> tuple[str, str]:
    parsed = HumanName(text)
    family = parsed.last
    given = " ".join(p for p in (parsed.first, parsed.middle) if p)
    if not family:  # a single word: nameparser calls it a first name, but it is what we know of the family
        family, given = given, ""
    return given, family


@lru_cache(maxsize=memo.ENTRIES)
def parse_name(raw: str) -> tuple[str, str, str]:
    """(given, family, initials) of a person's name via nameparser.

    'Song, Xiaodan', 'Xiaodan Song' -> ('Xiaodan', 'Song', 'X'); 'X. Song' -> ('X.', 'Song', 'X');
    'Jean-Pierre Dupont' -> initials 'JP'; a single word is a family name.
    """
    text = clean_text(raw) or ""
    if not text:
        return "", "", ""
    given, family = _plain_split(text) or _nameparser_split(text)
    initials = "".join(w[0].upper() for part in re.split(r"[\s.]+", given) for w in part.split("-") if w)
    return given, family, initials


def make_author(
    raw: str,
    *,
    orcid: str | None = None,
    openalex_id: str | None = None,
    affiliations: tuple[str, ...] | list[str] = (),
    institution_rors: tuple[str, ...] | list[str] = (),
) -> AuthorRef:
    """An AuthorRef with parsed name parts and normalized identifiers; raises FieldTooLarge on absurd sizes."""
    bounded("author name", raw, MAX_NAME)
    affs = tuple(a for a in (clean_text(x) for x in affiliations) if a)
    for a in affs:
        bounded("affiliation", a, MAX_AFFILIATION)
    given, family, initials = parse_name(raw)
    return AuthorRef(
        raw=_WS.sub(" ", raw).strip(),
        given=given,
        family=family,
        initials=initials,
        orcid=canonical_orcid(orcid) if orcid else None,
        openalex_id=canonical_openalex_id(openalex_id) if openalex_id else None,
        affiliations=affs,
        institution_rors=tuple(r for r in (canonical_ror(x) for x in institution_rors) if r),
    )


# --- identifiers -----------------------------------------------------------------------------------

_NEW_ARXIV = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v(\d+))?(?![\d])")
# Old style: archive(.SUBJ)/YYMMNNN, e.g. hep-th/9901001, math.GT/0309136 (the subject class is not part of the id)
_OLD_ARXIV = re.compile(r"(?<![A-Za-z-])([a-z]+(?:-[a-z]+)?)(?:\.[A-Z]{2})?/(\d{7})(?:v(\d+))?(?!\d)")
_ARXIV_PREFIX = re.compile(
    r"^\s*(?:arxiv:|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/)", re.IGNORECASE
)


def canonical_arxiv_id(value: str | None) -> tuple[str, int | None] | None:
    """(id without version, version) of an arXiv identifier in any common spelling, else None.

    Accepts '2202.11921', 'arXiv:2202.11921v2', 'https://arxiv.org/abs/2202.11921v2',
    'http://arxiv.org/pdf/2202.11921v1.pdf', 'hep-th/9901001', 'math.GT/0309136v1' (-> 'math/0309136').
    """
    if not value:
        return None
    text = _ARXIV_PREFIX.sub("", value.strip())
    text = re.sub(r"\.pdf$", "", text)
    m = _NEW_ARXIV.fullmatch(text)
    if m:
        return m.group(1), int(m.group(2)) if m.group(2) else None
    m = _OLD_ARXIV.fullmatch(text)
    if m:
        return f"{m.group(1)}/{m.group(2)}", int(m.group(3)) if m.group(3) else None
    return None


def find_arxiv_id(text: str) -> tuple[str, int | None] | None:
    """The first arXiv id mentioned anywhere in `text` (listing pages, comments), else None."""
    m = re.search(r"arXiv:\s*(\S+?)(?=\s|$|[A-Z][a-z])", text)
    if m:
        found = canonical_arxiv_id(m.group(1))
        if found:
            return found
    m = _NEW_ARXIV.search(text)
    if m:
        return m.group(1), int(m.group(2)) if m.group(2) else None
    return None


_DOI_PREFIX = re.compile(r"^\s*(?:doi:\s*|https?://(?:dx\.)?doi\.org/|(?:dx\.)?doi\.org/)", re.IGNORECASE)
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def canonical_doi(value: str | None) -> str | None:
    """Lower-case DOI without resolver prefix ('https://doi.org/10.7717/PeerJ.4375' -> '10.7717/peerj.4375')."""
    if not value:
        return None
    text = _DOI_PREFIX.sub("", value.strip()).strip().rstrip(".").lower()
    return text if _DOI.match(text) and len(text) <= MAX_SHORT else None


_ORCID = re.compile(r"(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$")


def canonical_orcid(value: str | None) -> str | None:
    """'https://orcid.org/0000-0002-1825-0097' -> '0000-0002-1825-0097'; None if malformed or the checksum fails."""
    if not value:
        return None
    m = _ORCID.search(value.strip().upper())
    if not m:
        return None
    digits = "".join(m.groups())
    total = 0
    for ch in digits[:-1]:  # ISO 7064 11,2 check digit, as ORCID specifies
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    if digits[-1] != ("X" if check == 10 else str(check)):
        return None
    return "-".join(m.groups())


_ROR = re.compile(r"(?:https?://)?(?:ror\.org/)?(0[a-z0-9]{6}\d{2})$")


def canonical_ror(value: str | None) -> str | None:
    """'https://ror.org/00f54p054' -> '00f54p054'."""
    if not value:
        return None
    m = _ROR.search(value.strip().lower())
    return m.group(1) if m else None


_OPENALEX = re.compile(r"(?:https?://(?:api\.)?openalex\.org/(?:works/|authors/|institutions/)?)?([WAISTPFC]\d+)$")


def canonical_openalex_id(value: str | None) -> str | None:
    """'https://openalex.org/W2741809807' -> 'W2741809807'."""
    if not value:
        return None
    m = _OPENALEX.search(value.strip())
    return m.group(1).upper() if m else None


# --- dates -----------------------------------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d", "%b %d, %Y", "%B %d, %Y", "%d %b %Y")


def parse_date(value: str | None) -> tuple[str | None, int | None]:
    """(ISO date, year) from common spellings: '2022-01-30', '2017-07-27T08:18:33Z', 'Mar 19, 2022', '2022'."""
    if not value:
        return None, None
    text = _WS.sub(" ", str(value)).strip()
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.date().isoformat(), parsed.year
    m = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if m and 1 <= int(m.group(2)) <= 12:
        return text, int(m.group(1))
    m = re.fullmatch(r"(\d{4})", text)
    if m:
        return None, int(m.group(1))
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return _date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat(), int(m.group(1))
        except ValueError:
            return None, None
    return None, None


def parse_year(value: object) -> int | None:
    """A plausible publication year (1000..2200) from an int or a string, else None."""
    try:
        year = int(str(value).strip()[:4]) if value is not None and str(value).strip() else None
    except ValueError:
        return None
    return year if year is not None and 1000 <= year <= 2200 else None


PAPER_TYPE_WORDS = {
    "preprint": "preprint",
    "posted-content": "preprint",
    "article": "journal",
    "journal": "journal",
    "journal-article": "journal",
    "review": "journal",
    "letter": "journal",
    "conference": "conference",
    "proceedings-article": "conference",
    "inproceedings": "conference",
    "proceedings": "conference",
}


def paper_type(value: str | None) -> str:
    """One of records.PAPER_TYPES from a source's type word ('journal-article' -> 'journal')."""
    if not value:
        return "other"
    return PAPER_TYPE_WORDS.get(value.strip().lower(), "other")
