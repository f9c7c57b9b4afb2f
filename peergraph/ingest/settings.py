"""Every matching threshold in one frozen object, so a run's behaviour is data you can print.

The defaults are set from first principles (what a score means), not tuned on any benchmark.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class MatchSettings:
    # Papers: rapidfuzz scores are 0..100.
    title_same: float = 93.0  # normalized titles this similar are the same work (given no veto)
    title_maybe: float = 85.0  # this similar needs author or year confirmation
    title_confirmed: float = 75.0  # enough when two or more authors all match and the year is the same
    abstract_same: float = 90.0  # abstracts compared when a title is missing on one side
    abstract_prefix_chars: int = 400  # listing pages often truncate abstracts: compare this much
    year_tolerance: int = 1  # a preprint year and a proceedings year may differ by one
    author_overlap_veto: float = 0.0  # with both author lists known, overlap <= this vetoes a fuzzy match
    # Blocking: a block bigger than this is a stop-key (e.g. "learning"), skipped to stay near-linear.
    max_block_size: int = 200
    # A coarse title key (three words: first, last or longest) shared by more papers than this is
    # crowded: its papers pair only through the two-of-three pair keys (block.py). Three words stop
    # telling papers apart long before 200 share them; on DBLP-ACM no twin needs a bigger coarse block.
    coarse_block_size: int = 10
    # Authors: evidence adds up to a score in 0..1; merge above `author_merge` (even odds: at the bar
    # itself a mention is as likely someone else, and is not merged).
    author_merge: float = 0.6
    # Compatible names (same full name, or initials that fit) start from the odds that two mentions
    # of a name carried by K researchers are one person, 1:(K-1) (name_ambiguity.py): at even odds
    # `name_full_match` (the merge bar), `namesake_discount` less per tenfold more namesakes. So
    # "Lei Wang" (~220 namesakes, 0.37) needs a co-author or an affiliation, "Barry Wilkinson"
    # (~0.3, 0.8) nothing, "Michael Siegel" (~2, 0.6) some evidence, "X. Song" (~270) a co-author.
    # `namesake_floor` bounds a unique name's odds.
    name_full_match: float = 0.6
    namesake_discount: float = 0.1
    namesake_floor: float = 0.01
    name_family_only: float = 0.1  # a family name with no given name on one side
    coauthor_evidence: float = 0.25  # per shared co-author, capped by `context_cap`
    topic_evidence: float = 0.03  # per shared topic/keyword
    venue_evidence: float = 0.15
    # Less by `namesake_discount` per tenfold of the candidate authors sharing an affiliation with the mention.
    affiliation_evidence: float = 0.25
    # One of the author's paper titles and the mention's paper title on one subject: at least
    # `title_shared_words` content words in common and a cosine of their word sets of at least
    # `title_similar` (two 7-word titles sharing 3 words: 0.43). Worth less than a shared co-author.
    title_evidence: float = 0.2
    # A second title of the author's on the mention's subject says it is a line of work, not one
    # coincidence of words. Half the first: the papers of one line are not independent of each other.
    title_more_evidence: float = 0.1
    title_similar: float = 0.4
    title_shared_words: int = 2
    same_listing_evidence: float = 0.2  # two mentions on one profile/listing page of the same full name
    same_paper_evidence: float = 0.5  # a compatible name already on the same paper from another source
    context_cap: float = 0.5
    # A mention more surely than this the same person as a second author joins the two authors
    # (transitivity: both would have taken it alone). The merge bar itself; a higher bar (0.7)
    # kept more authors apart than it saved (bench/author_disambiguation.py).
    author_bridge: float = 0.6
    # Institutions: token_set_ratio below this is "no match" (a new institution), never a catch-all.
    institution_match: float = 92.0
    # Topics: yake keyphrase score is lower-is-better; keep phrases at most this.
    keyphrase_max_score: float = 0.2
    keyphrases_per_paper: int = 5

    @property
    def coarse_cap(self) -> int:
        """The largest coarse title block that still pairs its members: never above `max_block_size`."""
        return min(self.coarse_block_size, self.max_block_size)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


DEFAULT = MatchSettings()
