"""The fast paths of author matching decide exactly what their plain definitions decide."""

from __future__ import annotations

from dataclasses import fields
from itertools import chain, combinations

from peergraph.ingest.keys import name_key
from peergraph.ingest.match_authors import AuthorContext, compare, make_context, shared_coauthors


def shared_by_definition(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The keys on both sides, plus each initials-only key of one side only that is the block of a
    key of the other side only (the definition `shared_coauthors` answers by block lookups)."""

    def block(k: str) -> str:
        family, _, given = k.partition("|")
        return f"{family}|{given[:1]}"

    exact = a & b
    rest_a, rest_b = a - exact, b - exact
    blocks_a, blocks_b = {block(k) for k in rest_a}, {block(k) for k in rest_b}
    loose = {k for k in rest_a if len(k.partition("|")[2]) <= 1 and k in blocks_b}
    loose |= {k for k in rest_b if len(k.partition("|")[2]) <= 1 and k in blocks_a}
    return exact | frozenset(loose)


def test_shared_coauthors_matches_its_definition_on_every_pair_of_small_sets() -> None:
    # Spelled-out names, initials, a stored blocking key, a missing given name and odd keys.
    keys = ["li|yang", "li|ying", "li|y", "li|", "li", "wang|y", "a|b|c"]
    subsets = [frozenset(c) for c in chain.from_iterable(combinations(keys, n) for n in range(len(keys) + 1))]
    for a in subsets:
        for b in subsets:
            assert shared_coauthors(a, b) == shared_by_definition(a, b), (sorted(a), sorted(b))


def test_an_absorbed_context_is_compared_with_its_own_co_authors() -> None:
    # A context keeps its co-author lookup once compared; the context `absorb` makes has its own.
    mention = AuthorContext(names=frozenset({name_key("Lei Wang")}), coauthors=frozenset({"zhang|j"}))
    author = AuthorContext(names=frozenset({name_key("Lei Wang")}), coauthors=frozenset({"li|ming"}))
    assert not compare(mention, author).merge
    grown = author.absorb(AuthorContext(names=frozenset({name_key("L. Wang")}), coauthors=frozenset({"zhang|jian"})))
    result = compare(mention, grown)
    assert result.merge and "1 shared co-author(s)" in result.reasons
    assert not compare(mention, author).merge


def test_a_context_built_by_make_context_is_the_dataclass_it_stands_for() -> None:
    # make_context skips the frozen dataclass's __init__; it must give every field, and equal what the
    # constructor gives, or `absorb` would silently drop a kind of evidence added to AuthorContext.
    values = {f.name: frozenset({f.name}) for f in fields(AuthorContext)} | {"orcid": "0000-0002-1825-0097",
                                                                              "openalex_id": None}
    made = make_context(**values)  # type: ignore[arg-type]
    assert made == AuthorContext(**values)  # type: ignore[arg-type]
    assert {f.name: getattr(made, f.name) for f in fields(AuthorContext)} == values
    # absorb unions every set and keeps the first identifier.
    other = AuthorContext(names=frozenset({name_key("L. Wang")}), orcid="0000-0001-5109-3700", openalex_id="A1",
                          papers=frozenset({"p-2"}))
    grown = made.absorb(other)
    assert grown.orcid == values["orcid"] and grown.openalex_id == "A1"
    assert grown.names == values["names"] | other.names and grown.papers == values["papers"] | {"p-2"}
    assert grown.topics == values["topics"]
