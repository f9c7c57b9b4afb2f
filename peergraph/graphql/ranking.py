"""Search ranking (pure): how candidates fetched by indexed keys are scored against the query.

The embedded store has no full-text index, so search is two steps: Cypher fetches a bounded set of
candidates through the normalized `*_key` properties (exact blocking keys, key prefixes, stems),
and rapidfuzz ranks them here. Accents and case never matter (both sides go through unidecode);
typos past the first letters of a word still match (prefixes and stems are short, and the ranking
is fuzzy); an initial matches a given name ("X. Song" scores Xiaodan Song as an exact match).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from unidecode import unidecode

_WORD = re.compile(r"[a-z0-9]+")
STOP_WORDS = frozenset("a an and for from in of on the to with via by at is are".split())


def normalize(text: str) -> str:
    return " ".join(_WORD.findall(unidecode(text or "").lower()))


def words(text: str) -> list[str]:
    return normalize(text).split()


def author_keys(query: str) -> tuple[list[str], list[str]]:
    """Exact name_key values ("family|initial", both word orders) and prefixes to try for `query`."""
    tokens = words(query)
    keys: list[str] = []
    prefixes: list[str] = []
    for i, family in enumerate(tokens):
        if len(family) < 2:
            continue
        for j, given in enumerate(tokens):
            if i != j:
                keys.append(f"{family}|{given[0]}")
        prefixes.append(family[:3] if len(family) > 3 else family)
    return list(dict.fromkeys(keys)), list(dict.fromkeys(prefixes))


def stems(query: str, n: int = 3, size: int = 5) -> list[str]:
    """The query's `n` longest non-stop words cut to `size` letters (typos beyond them still match)."""
    ws = sorted({w for w in words(query) if w not in STOP_WORDS and len(w) >= 3}, key=lambda w: (-len(w), w))
    return [w[:size] for w in ws[:n]]


def _name_forms(row: dict) -> list[str]:
    forms = [row.get("name") or "", *(row.get("variants") or [])]
    given, family = normalize(row.get("given") or ""), normalize(row.get("family") or "")
    if given and family:
        initials = " ".join(g[0] for g in given.split())
        forms += [f"{initials} {family}", f"{family} {initials}", f"{given[0]} {family}"]
    return [normalize(f) for f in forms if f]


def score_author(query: str, row: dict) -> float:
    q = normalize(query)
    # token_set_ratio lets a lone family name ("song") match fully, a little below a whole-name match.
    return max((max(fuzz.token_sort_ratio(q, f), 0.95 * fuzz.token_set_ratio(q, f)) for f in _name_forms(row)),
               default=0.0) / 100.0


def score_title(query: str, key: str) -> float:
    q, t = normalize(query), normalize(key)
    return max(fuzz.token_set_ratio(q, t), 0.9 * fuzz.partial_ratio(q, t)) / 100.0


def score_label(query: str, label: str) -> float:
    q, t = normalize(query), normalize(label)
    return max(fuzz.WRatio(q, t), fuzz.token_set_ratio(q, t)) / 100.0
