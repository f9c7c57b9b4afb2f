"""Collaboration weights and the ONE definition of "close collaborator".

Used by the GraphQL `collaborators` query, the profile's `closeCollaboratorsCount` and the trust
score. The Cypher in `cypher/api/collaborators.cypher` computes exactly `paper_contribution` summed
per co-author, with the constants below passed in as parameters (see `cypher_params`), so the
formula has one source.

Weight of co-author B for author A = the sum, over the papers A and B share, of

    contribution(n, year) = fractional(n) * hyper_damping(n) * recency(year, reference_year)

- fractional(n) = 1 / (n - 1): the paper's unit of collaboration is split among A's n-1 co-authors
  (Newman's fractional counting), so a two-author paper counts 1 and a ten-author paper 1/9.
- hyper_damping(n) = min(1, HYPER_AUTHORS / n): past HYPER_AUTHORS authors a paper says little about
  who actually worked together (consortium papers), so it is damped further, quadratically in n overall.
- recency = 0.5 ** (age / HALF_LIFE_YEARS), age = reference_year - year (never negative), where the
  reference year is A's most recent publication year: recent collaboration counts more, while a
  researcher who stopped publishing keeps their network (weights do not decay with the calendar and
  are reproducible). A paper without a year counts as UNKNOWN_YEAR_RECENCY.

Which papers count: every paper both authored, except a preprint that has a published version
(`(preprint)-[:VERSION_OF]->(published)`): the same work is not counted twice.

A close collaborator: at least CLOSE_MIN_SHARED_PAPERS shared papers AND weight >= CLOSE_MIN_WEIGHT.
Repeated work is required (one paper, however small, is a single event), and the weight floor keeps
out people met only on large or old papers. Example: two shared 6-author papers of the reference
year give 0.2 + 0.2 = 0.4 (close); three shared 10-author papers from four years earlier give
3 * 1/9 * 0.5 = 0.17 (not close).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

FORMULA_VERSION = "collab-1"
HYPER_AUTHORS = 20
HALF_LIFE_YEARS = 4.0
UNKNOWN_YEAR_RECENCY = 0.5
CLOSE_MIN_SHARED_PAPERS = 2
CLOSE_MIN_WEIGHT = 0.25


def fractional(n_authors: int) -> float:
    """1/(n-1): a paper's collaboration split among the co-authors (0 for a single-author paper)."""
    return 1.0 / (n_authors - 1) if n_authors > 1 else 0.0


def hyper_damping(n_authors: int) -> float:
    """Extra damping of hyper-authored papers: 1 up to HYPER_AUTHORS authors, then HYPER_AUTHORS/n."""
    return min(1.0, HYPER_AUTHORS / n_authors) if n_authors > 0 else 0.0


def recency(year: int | None, reference_year: int | None) -> float:
    """0.5 ** (age / HALF_LIFE_YEARS); papers newer than the reference year count fully."""
    if year is None or reference_year is None:
        return UNKNOWN_YEAR_RECENCY
    age = max(0, reference_year - year)
    return 0.5 ** (age / HALF_LIFE_YEARS)


def paper_contribution(n_authors: int, year: int | None, reference_year: int | None) -> float:
    """What one shared paper adds to the weight between two of its authors."""
    return fractional(n_authors) * hyper_damping(n_authors) * recency(year, reference_year)


@dataclass(frozen=True)
class SharedPaper:
    n_authors: int
    year: int | None


def collaboration_weight(shared: Iterable[SharedPaper], reference_year: int | None) -> float:
    """The weight between two authors: the sum of the contributions of the papers they share."""
    return sum(paper_contribution(p.n_authors, p.year, reference_year) for p in shared)


def is_close(shared_paper_count: int, weight: float) -> bool:
    """THE definition of a close collaborator (see the module docstring)."""
    return shared_paper_count >= CLOSE_MIN_SHARED_PAPERS and weight >= CLOSE_MIN_WEIGHT - 1e-9


def cypher_params() -> dict[str, float | int]:
    """The constants as Cypher parameters, for the queries in cypher/api/ that mirror this module."""
    return {
        "hyper_authors": HYPER_AUTHORS,
        "half_life": HALF_LIFE_YEARS,
        "unknown_recency": UNKNOWN_YEAR_RECENCY,
        "close_min_shared": CLOSE_MIN_SHARED_PAPERS,
        "close_min_weight": CLOSE_MIN_WEIGHT - 1e-9,
    }
