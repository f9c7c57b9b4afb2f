"""Blocking: cheap keys so only records sharing a key are ever compared (never all pairs).

Each paper gets a few keys: its identifiers, its exact normalized title, three coarse title keys
(first words, last words, longest words) and the start of its abstract. A variant title must break
all three title keys at once to escape its twin. Blocks larger than `max_block_size` are stop-keys
and skipped, which keeps the number of candidate pairs about linear in the number of records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from peergraph.ingest.keys import abstract_key, tokens

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class TitleBlocks:
    head: str  # first three words
    tail: str  # last three words
    longest: str  # the three longest words, sorted


def title_blocks(tkey: str) -> TitleBlocks | None:
    words = tokens(tkey)
    if len(words) < 2:
        return None
    cut = [w[:6] for w in words]
    longest = sorted(sorted(set(words), key=lambda w: (-len(w), w))[:3])
    return TitleBlocks(head=" ".join(cut[:3]), tail=" ".join(cut[-3:]), longest=" ".join(w[:6] for w in longest))


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
    if year and families:
        # Catches heavily reworded titles by the same people in the same year.
        keys += [f"author:{f}|{year}" for f in sorted(families)[:3]]
    akey = abstract_key(abstract)
    if akey:
        keys.append(f"abstract:{akey}")
    return keys


def candidate_pairs(
    keyed: Iterable[tuple[K, Sequence[str]]], max_block_size: int, involving: Collection[K] | None = None
) -> set[tuple[K, K]]:
    """Pairs of items sharing at least one key (each pair once, in sorted order of appearance).

    `involving`: only pairs with at least one of these items (a batch against stored papers: two
    stored papers are never compared, and a full block of them would make 200^2/2 such pairs)."""
    blocks: dict[str, list[K]] = defaultdict(list)
    order: dict[K, int] = {}
    for item, keys in keyed:
        order.setdefault(item, len(order))
        for key in set(keys):
            blocks[key].append(item)
    pairs: set[tuple[K, K]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > max_block_size:
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
