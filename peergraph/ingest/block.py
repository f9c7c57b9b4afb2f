"""Blocking: cheap keys so only records sharing a key are ever compared (never all pairs).

Each paper gets a few keys: its identifiers, its exact normalized title, three coarse title keys
(first words, last words, longest words), the three pairs of those (two of the three parts at once)
and the start of its abstract. A variant title must break all three coarse keys at once to escape
its twin.

Blocks larger than `max_block_size` are stop-keys and skipped. A coarse key is crowded far sooner
(three words are shared by more papers every year a corpus grows), so a coarse block larger than
`coarse_block_size` is skipped too: its twins still meet under a pair key, as a variant title keeps
two of its three parts (an edit at its start, its end or in its middle). Each record then meets a
bounded number of others, which keeps the number of candidate pairs about linear in the number of
records whatever the corpus size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from peergraph.ingest.keys import abstract_key, tokens

K = TypeVar("K", bound=Hashable)
COARSE = frozenset({"head", "tail", "long"})  # kinds of the coarse title keys (prefix before ':')


@dataclass(frozen=True)
class TitleBlocks:
    head: str  # first three words
    tail: str  # last three words
    longest: str  # the three longest words, sorted

    @property
    def pairs(self) -> tuple[str, str, str]:
        """head|tail, head|longest and tail|longest: the keys that still pair a title whose coarse keys are crowded."""
        return f"{self.head}|{self.tail}", f"{self.head}|{self.longest}", f"{self.tail}|{self.longest}"


def title_blocks(tkey: str) -> TitleBlocks | None:
    words = tokens(tkey)
    if len(words) < 2:
        return None
    cut = [w[:6] for w in words]
    longest = sorted(sorted(set(words), key=lambda w: (-len(w), w))[:3])
    return TitleBlocks(head=" ".join(cut[:3]), tail=" ".join(cut[-3:]), longest=" ".join(w[:6] for w in longest))


def title_properties(tkey: str) -> dict[str, str | None]:
    """A Paper's stored blocking properties for its normalized title (None where a title has none)."""
    blocks = title_blocks(tkey)
    pairs = blocks.pairs if blocks else (None, None, None)
    return {
        "title_key": tkey or None,
        "title_head_key": blocks.head if blocks else None,
        "title_tail_key": blocks.tail if blocks else None,
        "title_long_key": blocks.longest if blocks else None,
        "title_head_tail_key": pairs[0],
        "title_head_long_key": pairs[1],
        "title_tail_long_key": pairs[2],
    }


def paper_keys(
    tkey: str,
    abstract: str | None,
    doi: str | None,
    arxiv_id: str | None,
    openalex_id: str | None,
    families: frozenset[str] = frozenset(),
    year: int | None = None,
) -> list[str]:
    """All blocking keys of one paper, each prefixed by its kind so kinds never collide."""
    keys: list[str] = []
    if doi:
        keys.append(f"doi:{doi}")
    if arxiv_id:
        keys.append(f"arxiv:{arxiv_id}")
    if openalex_id:
        keys.append(f"openalex:{openalex_id}")
    if tkey:
        keys.append(f"title:{tkey}")
        blocks = title_blocks(tkey)
        if blocks:
            keys += [f"head:{blocks.head}", f"tail:{blocks.tail}", f"long:{blocks.longest}"]
            keys += [f"{kind}:{pair}" for kind, pair in zip(("ht", "hl", "tl"), blocks.pairs, strict=True)]
    if year and families:
        # Catches heavily reworded titles by the same people in the same year.
        keys += [f"author:{f}|{year}" for f in sorted(families)[:3]]
    akey = abstract_key(abstract)
    if akey:
        keys.append(f"abstract:{akey}")
    return keys


def candidate_pairs(
    keyed: Iterable[tuple[K, Sequence[str]]],
    max_block_size: int,
    involving: Collection[K] | None = None,
    coarse_block_size: int | None = None,
) -> set[tuple[K, K]]:
    """Pairs of items sharing at least one key (each pair once, in sorted order of appearance).

    `involving`: only pairs with at least one of these items (a batch against stored papers: two
    stored papers are never compared, and a full block of them would make 200^2/2 such pairs).
    `coarse_block_size`: the largest block of a coarse title key that still pairs its members."""
    blocks: dict[str, list[K]] = defaultdict(list)
    order: dict[K, int] = {}
    for item, keys in keyed:
        order.setdefault(item, len(order))
        for key in set(keys):
            blocks[key].append(item)
    pairs: set[tuple[K, K]] = set()
    coarse_cap = max_block_size if coarse_block_size is None else coarse_block_size
    for key, members in blocks.items():
        cap = coarse_cap if key.partition(":")[0] in COARSE else max_block_size
        if len(members) < 2 or len(members) > cap:
            continue
        if involving is None:
            partners = [(a, members[i + 1 :]) for i, a in enumerate(members)]
        else:
            partners = [(a, members) for a in members if a in involving]
        for a, others in partners:
            for b in others:
                if a != b:
                    pairs.add((a, b) if order[a] < order[b] else (b, a))
    return pairs
