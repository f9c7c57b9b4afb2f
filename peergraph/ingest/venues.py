"""Venues: from a source's venue field, or from a preprint's comment ("Accepted to CVPR2022", "ICML 2023")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peergraph.ingest.keys import text_key
from peergraph.ingest.plan_papers import short_hash

# Well-known venue acronyms a comment may name; the name is what PeerGraph displays.
KNOWN = {
    "AAAI": ("AAAI Conference on Artificial Intelligence", "conference"),
    "ACL": ("Annual Meeting of the Association for Computational Linguistics", "conference"),
    "CVPR": ("IEEE/CVF Conference on Computer Vision and Pattern Recognition", "conference"),
    "ECCV": ("European Conference on Computer Vision", "conference"),
    "EMNLP": ("Conference on Empirical Methods in Natural Language Processing", "conference"),
    "ICCV": ("IEEE/CVF International Conference on Computer Vision", "conference"),
    "ICLR": ("International Conference on Learning Representations", "conference"),
    "ICML": ("International Conference on Machine Learning", "conference"),
    "IJCAI": ("International Joint Conference on Artificial Intelligence", "conference"),
    "KDD": ("ACM SIGKDD Conference on Knowledge Discovery and Data Mining", "conference"),
    "NAACL": ("Annual Conference of the North American Chapter of the ACL", "conference"),
    "NEURIPS": ("Conference on Neural Information Processing Systems", "conference"),
    "NIPS": ("Conference on Neural Information Processing Systems", "conference"),
    "SIGIR": ("ACM SIGIR Conference on Research and Development in Information Retrieval", "conference"),
    "SIGMOD": ("ACM SIGMOD International Conference on Management of Data", "conference"),
    "TPAMI": ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "journal"),
    "TMLR": ("Transactions on Machine Learning Research", "journal"),
    "JMLR": ("Journal of Machine Learning Research", "journal"),
    "VLDB": ("International Conference on Very Large Data Bases", "conference"),
    "WWW": ("The Web Conference", "conference"),
}
_ACRONYM = re.compile(r"\b(" + "|".join(KNOWN) + r")\s*'?(\d{2}|\d{4})?\b", re.IGNORECASE)
# "Submitted to TPAMI" or "under review at ICML" names a venue the paper is not (yet) in.
_NOT_YET = re.compile(r"\b(submitted|under review|in submission|rejected|withdrawn)\b", re.IGNORECASE)
_REPOSITORIES = {"arxiv", "arxiv org", "biorxiv", "medrxiv", "ssrn"}


@dataclass(frozen=True)
class VenueRef:
    name: str
    name_key: str
    kind: str  # "conference", "journal", "repository"
    year: int | None = None


def venue_uid(name_key: str) -> str:
    """The uid of the Venue named by `name_key`: one node per key, whichever record names it first."""
    return "v-" + short_hash(name_key)


def paper_type_of(kind: str | None) -> str:
    """The paper type `from_field` reads a stored venue's name with, given the venue's kind."""
    return kind if kind in ("journal", "conference") else "preprint"


def from_comment(comment: str | None) -> VenueRef | None:
    """'Accepted to CVPR2022' -> CVPR; 'ICML 2023 (oral)' -> ICML; 'Under review' -> None."""
    if not comment or _NOT_YET.search(comment):
        return None
    m = _ACRONYM.search(comment)
    if not m:
        return None
    name, kind = KNOWN[m.group(1).upper()]
    year = None
    if m.group(2):
        y = int(m.group(2))
        year = y + 2000 if y < 100 else y
    return VenueRef(name, text_key(name), kind, year)


# What names one edition or one volume of a venue rather than the venue itself: DBLP's volume of a
# multi-volume proceedings ("ICIC (2)", "CVPR (1)"), a numbered volume, part or issue ("- Volume 02",
# "Vol. 5", "Part 3"; a lettered part, "Part B", is a journal of its own), the year ("Proceedings
# of the 2008 ...", "ICML 2003", "SIGGRAPH '05") and the edition ("31st", "Second International").
# The venue is named without them, so one conference series or one journal is one venue: "ISNN (1)"
# and "ISNN (2)" were two venues, and two papers in them shared no venue as author evidence.
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth fiftieth"
).split()
# A spelled-out ordinal is an edition only before what a meeting is called ("First Monday" is a journal).
_MEETING = "international|annual|national|joint|european|asian|world|ieee|acm|ifip|conference|workshop|symposium|congress"
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_EDITION = re.compile(
    r"\(\s*\d{1,2}\s*\)\s*$"
    r"|[\s,;:-]*\b(?:vol(?:ume)?|part|no)\b\.?\s*\d+\b"
    r"|(?<![\w-])'\d{2}\b|\b(?:19|20)\d{2}\b"
    r"|\b\d+(?:st|nd|rd|th)\b"
    r"|\b(?:(?:twenty|thirty|forty|fifty)[\s-]?)?(?:" + "|".join(_ORDINAL_WORDS) + r")\b(?=\s+(?:" + _MEETING + r")\b)",
    re.IGNORECASE,
)


def venue_series(venue: str) -> str:
    """The venue without its edition, volume or year: 'ICIC (2)' -> 'ICIC', 'Proceedings of the 2008
    Fourth International Conference on Natural Computation - Volume 03' -> 'Proceedings of the
    International Conference on Natural Computation'. A name that is nothing else stays as it is."""
    series = " ".join(_EDITION.sub(" ", venue).split()).strip(" ,;:-")
    return series or venue.strip()


def from_field(venue: str | None, paper_type: str) -> VenueRef | None:
    if not venue or not venue.strip():
        return None
    year = int(found.group()) if (found := _YEAR.search(venue)) else None
    series = venue_series(venue)
    m = _ACRONYM.fullmatch(series)
    if m:
        name, kind = KNOWN[m.group(1).upper()]
        return VenueRef(name, text_key(name), kind, year)
    key = text_key(series)
    if not key:
        return None
    kind = "repository" if key in _REPOSITORIES else ("journal" if paper_type == "journal" else "conference")
    if paper_type not in ("journal", "conference") and kind != "repository":
        kind = "journal" if "journal" in key or "transactions" in key else "conference"
    return VenueRef(series, key, kind, year)


def venue_of(venue: str | None, comment: str | None, paper_type: str) -> VenueRef | None:
    return from_field(venue, paper_type) or from_comment(comment)
