"""Is this mention the same person as that author? Name compatibility plus context evidence.

Hard constraints come first and can only forbid: two different ORCIDs, two different family
names, two different spelled-out given names, or incompatible initials never merge. Then evidence
adds up on a log-odds scale: the name, worth less the more researchers are expected to share it
(name_ambiguity), shared co-authors, topics, venues, affiliations, and two mentions of the same
full name on one profile or listing page, and a paper title of the author's on the same subject as
the mention's (more when a second one is). Every attribution carries the resulting confidence and
the method that decided it. `attach` picks the author a mention is and finds the other authors
that mention shows to be the same person.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from peergraph.ingest import memo
from peergraph.ingest.keys import NameKey
from peergraph.ingest.name_ambiguity import UNKNOWN_NAMESAKES, expected_namesakes
from peergraph.ingest.settings import DEFAULT, MatchSettings


@dataclass(frozen=True)
class AuthorContext:
    """A mention's or an author's evidence; for an author it is the union over its papers."""

    names: frozenset[NameKey]
    orcid: str | None = None
    openalex_id: str | None = None
    coauthors: frozenset[str] = field(default_factory=frozenset)  # coauthor_key (or NameKey.block) of co-authors
    topics: frozenset[str] = field(default_factory=frozenset)
    venues: frozenset[str] = field(default_factory=frozenset)
    affiliations: frozenset[str] = field(default_factory=frozenset)  # ROR ids or name keys
    listings: frozenset[str] = field(default_factory=frozenset)  # profile/listing pages it appears on
    titles: frozenset[str] = field(default_factory=frozenset)  # keys.subject_key of its papers' titles
    papers: frozenset[str] = field(default_factory=frozenset)  # uids of the Papers it is an author of

    def absorb(self, other: AuthorContext) -> AuthorContext:
        return make_context(
            names=self.names | other.names,
            orcid=self.orcid or other.orcid,
            openalex_id=self.openalex_id or other.openalex_id,
            coauthors=self.coauthors | other.coauthors,
            topics=self.topics | other.topics,
            venues=self.venues | other.venues,
            affiliations=self.affiliations | other.affiliations,
            listings=self.listings | other.listings,
            titles=self.titles | other.titles,
            papers=self.papers | other.papers,
        )

    # Views of the evidence that `compare` needs on every call, computed on first use and kept on
    # the instance (a frozen dataclass without slots still has a __dict__). Nothing is computed at
    # construction: `absorb` makes a new context on every merge, and many are never compared.

    @memo.cached_attribute
    def coauthor_lookup(self) -> CoauthorLookup:
        """The co-authors grouped by block, for `shared_coauthors`."""
        return CoauthorLookup(self.coauthors)

    @memo.cached_attribute
    def namesakes(self) -> float:
        """Researchers expected to share the most specific of these names (see `name_score`)."""
        return _namesakes(self.names)


def make_context(
    *,
    names: frozenset[NameKey],
    orcid: str | None,
    openalex_id: str | None,
    coauthors: frozenset[str],
    topics: frozenset[str],
    venues: frozenset[str],
    affiliations: frozenset[str],
    listings: frozenset[str],
    titles: frozenset[str],
    papers: frozenset[str],
) -> AuthorContext:
    """`AuthorContext(...)` with every field given, built straight into the new instance's __dict__.

    A frozen dataclass's __init__ sets each field through object.__setattr__ (and dataclasses.replace
    first walks the fields to call it); planning builds a context for every mention, every stored
    candidate and every merge (dataclass construction was about 3% of a 100k-record ingest's samples
    under py-spy; `absorb` went from 2.4 to 0.9 microseconds). Keyword-only and all required, so a
    field added to AuthorContext must be added here (tests/test_match_authors_equivalence.py checks)."""
    made = object.__new__(AuthorContext)
    made.__dict__.update(names=names, orcid=orcid, openalex_id=openalex_id, coauthors=coauthors, topics=topics,
                         venues=venues, affiliations=affiliations, listings=listings, titles=titles, papers=papers)
    return made


@dataclass(frozen=True)
class AuthorMatch:
    merge: bool
    score: float
    method: str
    reasons: tuple[str, ...]


def _first_given(key: NameKey) -> str:
    return key.given.split(" ")[0] if key.given else ""


def coauthor_key(key: NameKey) -> str:
    """'family|given' when the first given name is spelled out, else the blocking key 'family|i'.

    The block alone ("li|y") lumps together every Li Yang, Li Ying and Li Yan, so two papers would
    seem to share a co-author they do not; the spelled-out name keeps them apart."""
    return f"{key.family}|{_first_given(key).replace('-', '')}" if key.full_given else key.block


def _block(coauthor: str) -> str:
    family, _, given = coauthor.partition("|")
    return f"{family}|{given[:1]}"


class CoauthorLookup:
    """A co-author set with its keys grouped by block ("li|yang" and "li|y" under "li|y"), built on
    first use: `shared_coauthors` then costs a probe per block of the smaller side."""

    def __init__(self, keys: frozenset[str]) -> None:
        self.keys = keys

    @memo.cached_attribute
    def by_block(self) -> dict[str, list[str]]:
        blocks: dict[str, list[str]] = {}
        for k in self.keys:
            blocks.setdefault(_block(k), []).append(k)
        return blocks


def shared_coauthors(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """Co-authors on both sides: the same spelled-out name, or an initials-only name (or a stored
    blocking key) compatible with a name on the other side. Two different spelled-out names never match.

    That is the keys on both sides, and each key of one side only that is the block of a key of the
    other side only: "li|y" with "li|yang", never "li|yang" with "li|ying"."""
    return _shared(CoauthorLookup(a), CoauthorLookup(b))


def _shared(x: CoauthorLookup, y: CoauthorLookup) -> frozenset[str]:
    """`shared_coauthors` over lookups that contexts keep from one comparison to the next.

    Besides the exact matches, a key k is shared when it is on one side only and is the block of a
    key on the other side only. A block is its own block (at most one letter after the "|"), so
    each such k is one of the smaller side's blocks, as its own key or as the block of one of its
    keys: walking the smaller side's blocks finds them all, with no pass over the larger side."""
    exact = x.keys & y.keys
    if len(x.keys) > len(y.keys):
        x, y = y, x
    a, b = x.keys, y.keys
    loose = []
    for block, keys in x.by_block.items():
        if block in b:
            # A key only the other side has, the block of a key only this side has.
            if block not in a and any(k not in b for k in keys):
                loose.append(block)
        elif block in a:
            # A key only this side has, the block of a key only the other side has.
            if any(k not in a for k in y.by_block.get(block, ())):
                loose.append(block)
    return exact | frozenset(loose) if loose else exact


def title_similarity(mine: Iterable[str], theirs: Iterable[str], shared_words: int = 1) -> tuple[float, int]:
    """The closest pair of titles (`keys.subject_key`s), one from each side: the cosine of their word sets
    (shared words over the geometric mean of their sizes) and the words they share, over the pairs
    sharing at least `shared_words`; (0.0, 0) when none do. The closest pair, not all words pooled:
    an author's pooled words grow with every paper, and would soon share something with any title.

    The keys are split on every call rather than kept as sets: a batch compares thousands of stored
    authors with ten titles each, and their word sets would outweigh everything else it holds. (A memo of
    32,768 word sets was tried: it made a comparison 1.5 -> 0.5 microseconds and peak memory at 100k
    records 360 -> 408 MB, measured in two bench runs an hour apart.)"""
    best, best_shared = 0.0, 0
    for a in mine:
        words = frozenset(a.split(" "))
        for b in theirs:
            other = b.split(" ")
            n = len(words.intersection(other))
            if n >= shared_words and (score := n / math.sqrt(len(words) * len(other))) > best:
                best, best_shared = score, n
    return best, best_shared


def titles_on_subject(mine: Iterable[str], theirs: Iterable[str], shared_words: int, similar: float) -> int:
    """How many of `theirs` are on the subject of one of `mine`: sharing at least `shared_words` words
    with it at a cosine of at least `similar` (`title_similarity` for each of them alone)."""
    mine = list(mine)
    return sum(1 for t in theirs if title_similarity(mine, (t,), shared_words)[0] >= similar)


# How much each kind of name agreement says: `compare` keeps the best pair of names.
_RANK = {"conflict": 0, "family-only": 1, "initials": 2, "full": 3}


def name_compatibility(a: NameKey, b: NameKey) -> tuple[str, str]:
    """("full"|"initials"|"family-only"|"conflict", reason) for two names."""
    kind, reason, _, _ = _verdict(a, b)
    return kind, reason


@lru_cache(maxsize=memo.ENTRIES)
def _verdict(a: NameKey, b: NameKey) -> tuple[str, str, int, bool]:
    """`name_compatibility`, its rank, and whether it forbids the merge (a conflict of spelled-out
    given names or of initials; different family names alone do not: another pair may agree).

    A pure function of two names, cached: the same pairs of names recur on every candidate of a
    block, and every mention of a name compares it with the same authors' names again."""
    kind, reason = _compatibility(a, b)
    forbids = kind == "conflict" and ("given names" in reason or "initials" in reason)
    return kind, reason, _RANK[kind], forbids


def _compatibility(a: NameKey, b: NameKey) -> tuple[str, str]:
    if a.family != b.family:
        # "Song Xiaodan" written family-first: family and first given name swapped.
        if a.family == _first_given(b).replace(" ", "") and b.family == _first_given(a).replace(" ", ""):
            return "full", "same name in swapped order"
        return "conflict", f"different family names {a.family}/{b.family}"
    ga, gb = _first_given(a), _first_given(b)
    if not ga or not gb:
        return "family-only", "a given name is missing"
    ia, ib = a.initials, b.initials
    if a.full_given and b.full_given:
        if ga == gb or ga.replace("-", "") == gb.replace("-", ""):
            # "Robert J. Allen" and "Robert B. Allen": the same first name, different middle initials.
            wa, wb = a.given.split(), b.given.split()
            if len(wa) > 1 and len(wb) > 1 and wa[1][0] != wb[1][0]:
                return "conflict", f"incompatible initials {ia}/{ib}"
            return "full", f"same full name {ga} {a.family}"
        return "conflict", f"different given names {ga}/{gb}"
    if ga[0] != gb[0]:
        return "conflict", f"incompatible initials {ga[0]}/{gb[0]}"
    # Middle initials, when both sides give them, must agree too ("J. A. Smith" vs "J. B. Smith").
    if len(ia) > 1 and len(ib) > 1 and ia[:2] != ib[:2]:
        return "conflict", f"incompatible initials {ia}/{ib}"
    return "initials", f"initials {ia or ga[0]} compatible with {ib or gb[0]}"


def name_score(mention: Iterable[NameKey], author: Iterable[NameKey], s: MatchSettings = DEFAULT) -> tuple[float, str]:
    """What two compatible names say alone: less the more researchers are expected to share them.

    Log-odds on the score's scale: with K researchers expected to carry the name, two mentions of
    it are one person at odds 1:(K-1), so the score is `name_full_match` (the merge bar: even odds)
    less `namesake_discount` per tenfold of K-1. Each side counts with its most specific spelling
    ("David E. Goldberg" over "David Goldberg", "Xiaodan Song" over "X. Song"), and the less
    specific side decides: "X. Song" could be any X. Song, whoever the author it is compared with."""
    return _name_evidence(max(_namesakes(mention), _namesakes(author)), s)


def _namesakes(names: Iterable[NameKey]) -> float:
    """Researchers expected to share the most specific of these names."""
    return min((expected_namesakes(k) for k in names if k.family), default=UNKNOWN_NAMESAKES)


def _name_evidence(shared: float, s: MatchSettings) -> tuple[float, str]:
    return _name_evidence_of(shared, s.name_full_match, s.namesake_discount, s.namesake_floor)


@lru_cache(maxsize=16384)
def _name_evidence_of(shared: float, full_match: float, discount: float, floor: float) -> tuple[float, str]:
    # Cached on the settings it reads (hashing a whole MatchSettings costs more than the sum):
    # a name's namesakes are one of a few thousand values, computed again for every candidate.
    score = full_match - discount * math.log10(max(shared - 1.0, floor))
    return round(score, 3), f"about {shared:.3g} researchers share this name"


def _best_names(mention: Iterable[NameKey], author: Iterable[NameKey]) -> tuple[str, str]:
    """The strongest agreement between two sets of names ("conflict" when none agree, or when one
    conflicting spelled-out pair forbids the merge whatever else agrees), with its reason."""
    best_kind, best_reason, best_rank = "conflict", "no names", 0
    for m in mention:
        for a in author:
            kind, reason, rank, forbids = _verdict(m, a)
            if forbids:
                return "conflict", reason
            if rank > best_rank:
                best_kind, best_reason, best_rank = kind, reason, rank
    return best_kind, best_reason


def may_be(mention: AuthorContext, names: Iterable[NameKey], orcid: str | None, openalex_id: str | None) -> bool:
    """Whether `compare` could merge the mention with an author of these names and identifiers, decided
    before the author's context is built: False exactly when `compare` refuses on the names alone.
    A name block holds many authors whose given names conflict with the mention's ("Wei Wang" in
    "wang|w" beside "Wen Wang"); building their co-author sets only to refuse them costs a batch
    most of its memory."""
    if (mention.orcid and orcid) or (mention.openalex_id and openalex_id):
        return True  # identifiers decide, whatever the names
    return _best_names(mention.names, names)[0] != "conflict"


def compare(
    mention: AuthorContext, author: AuthorContext, s: MatchSettings = DEFAULT, affiliation_holders: int = 1
) -> AuthorMatch:
    """`affiliation_holders`: how many of the authors the mention could be share an affiliation with it
    (`attach` counts them). Evidence that k of them share tells them apart no better than one in k, so a
    shared affiliation is worth `namesake_discount` less per tenfold of k: two Lei Wangs already known at
    one large university say the next Lei Wang there may be either, or a third."""
    if mention.orcid and author.orcid:
        if mention.orcid == author.orcid:
            return AuthorMatch(True, 1.0, "orcid", (f"same ORCID {mention.orcid}",))
        return AuthorMatch(False, 0.0, "orcid", ("different ORCIDs",))
    if mention.openalex_id and author.openalex_id:
        if mention.openalex_id == author.openalex_id:
            return AuthorMatch(True, 0.99, "openalex", (f"same OpenAlex author {mention.openalex_id}",))
        return AuthorMatch(False, 0.0, "openalex", ("different OpenAlex authors",))
    best_kind, best_reason = _best_names(mention.names, author.names)
    if best_kind == "conflict":
        return AuthorMatch(False, 0.0, "name", (best_reason,))
    reasons = [best_reason]
    if best_kind == "family-only":
        score_of_name = s.name_family_only
    else:
        # name_score(mention.names, author.names, s), each side's namesakes kept on its context.
        score_of_name, why = _name_evidence(max(mention.namesakes, author.namesakes), s)
        reasons.append(why)
    context = 0.0
    shared = _shared(mention.coauthor_lookup, author.coauthor_lookup)
    if shared:
        context += s.coauthor_evidence * len(shared)
        reasons.append(f"{len(shared)} shared co-author(s)")
    topics = mention.topics & author.topics
    if topics:
        context += s.topic_evidence * len(topics)
        reasons.append(f"{len(topics)} shared topic(s)")
    if mention.venues & author.venues:
        context += s.venue_evidence
        reasons.append("shared venue")
    if mention.affiliations & author.affiliations:
        context += s.affiliation_evidence - s.namesake_discount * math.log10(max(affiliation_holders, 1))
        shared_by = f" (as {affiliation_holders} candidate authors do)" if affiliation_holders > 1 else ""
        reasons.append("shared affiliation" + shared_by)
    if mention.titles and author.titles:
        similarity, words = title_similarity(mention.titles, author.titles, s.title_shared_words)
        if similarity >= s.title_similar:
            context += s.title_evidence
            reasons.append(f"a paper title on the same subject ({words} shared words, similarity {similarity:.2f})")
            # Counted only once one title is on the subject: most comparisons stop at the line above.
            on_subject = titles_on_subject(mention.titles, author.titles, s.title_shared_words, s.title_similar)
            if on_subject > 1:
                context += s.title_more_evidence
                reasons.append(f"{on_subject} paper titles on that subject")
    if mention.papers & author.papers:
        # Another source already lists a compatible name on this very paper.
        context += s.same_paper_evidence
        reasons.append("already an author of this paper")
    if best_kind == "full" and mention.listings & author.listings:
        context += s.same_listing_evidence
        reasons.append("same full name on the same profile/listing")
    context = min(context, s.context_cap)
    score = round(min(1.0, score_of_name + context), 3)
    method = f"name:{best_kind}" + ("+context" if context else "")
    # Above the bar, not at it: at `author_merge` the odds are even, and a coin flip is no reason to
    # make two people one (a full name two researchers share merged every paper of both on its own).
    return AuthorMatch(score > s.author_merge, score, method, tuple(reasons))


@dataclass(frozen=True)
class Attachment:
    """The author a mention is, and the other authors it shows to be the same person."""

    uid: str
    match: AuthorMatch
    bridged: tuple[tuple[str, AuthorMatch], ...] = ()


def attach(
    mention: AuthorContext, candidates: Iterable[tuple[str, AuthorContext]], s: MatchSettings = DEFAULT
) -> Attachment | None:
    """The candidate author this mention is (None: a new author), with the authors it bridges.

    Every candidate `compare` lets merge competes; the highest score wins and ties go to the smaller
    uid, so the answer does not depend on the order candidates arrive in. A mention that is also
    surely (`author_bridge`) the same person as another candidate makes the two authors one: the
    same person twice, split because their papers arrived before any paper they share. The hard
    rules must allow each bridged author together with the winner and those bridged before it.
    Each candidate is compared once, a shared affiliation weighed by how many candidates whose names
    allow the merge share one with the mention (`compare`). This is the decision the ingest planner and the
    disambiguation benchmark share."""
    ordered = sorted(candidates, key=lambda c: c[0])
    holders = sum(
        1 for _, c in ordered if mention.affiliations & c.affiliations and may_be(mention, c.names, c.orcid, c.openalex_id)
    ) if mention.affiliations else 0
    scored = [(uid, context, compare(mention, context, s, holders)) for uid, context in ordered]
    merging = [t for t in scored if t[2].merge]
    if not merging:
        return None
    uid, joined, match = max(merging, key=lambda t: t[2].score)  # max keeps the first (smallest uid) of ties
    bridged = []
    for other, context, result in merging:
        if other != uid and result.score > s.author_bridge and never_same(joined, context) is None:
            bridged.append((other, result))
            joined = joined.absorb(context)
    return Attachment(uid, match, tuple(bridged))


def best_author(
    mention: AuthorContext, candidates: Iterable[tuple[str, AuthorContext]], s: MatchSettings = DEFAULT
) -> tuple[str, AuthorMatch] | None:
    """The candidate author this mention is, or None for a new author (`attach` without bridging)."""
    found = attach(mention, candidates, s)
    return (found.uid, found.match) if found else None


def never_same(a: AuthorContext, b: AuthorContext) -> str | None:
    """Why two authors can never be one person (the hard rules), or None.

    Two different ORCIDs or OpenAlex ids, two different spelled-out given names or incompatible
    initials, or a paper they both wrote as different authors of it."""
    if a.orcid and b.orcid and a.orcid != b.orcid:
        return "different ORCIDs"
    if a.openalex_id and b.openalex_id and a.openalex_id != b.openalex_id:
        return "different OpenAlex authors"
    for x in a.names:
        for y in b.names:
            _, reason, _, forbids = _verdict(x, y)
            if forbids:
                return reason
    if a.papers & b.papers:
        return "both are authors of one paper"
    return None
