"""Venues: from a source's venue field, or from a preprint's comment ("Accepted to CVPR2022", "ICML 2023")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peergraph.ingest.keys import text_key

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


def from_field(venue: str | None, paper_type: str) -> VenueRef | None:
    if not venue or not venue.strip():
        return None
    m = _ACRONYM.fullmatch(venue.strip())
    if m:
        name, kind = KNOWN[m.group(1).upper()]
        return VenueRef(name, text_key(name), kind)
    key = text_key(venue)
    if not key:
        return None
    kind = "repository" if key in _REPOSITORIES else ("journal" if paper_type == "journal" else "conference")
    if paper_type not in ("journal", "conference") and kind != "repository":
        kind = "journal" if "journal" in key or "transactions" in key else "conference"
    return VenueRef(venue.strip(), key, kind)


def venue_of(venue: str | None, comment: str | None, paper_type: str) -> VenueRef | None:
    return from_field(venue, paper_type) or from_comment(comment)
