"""Author matching: how much a matching full name says depends on how many people share it."""

from __future__ import annotations

from peergraph.ingest.keys import name_key
from peergraph.ingest.match_authors import AuthorContext, best_author, compare, full_name_score
from peergraph.ingest.name_ambiguity import expected_namesakes, pinyin_syllables


def ctx(name: str, **kw: object) -> AuthorContext:
    return AuthorContext(names=frozenset({name_key(name)}), **kw)  # type: ignore[arg-type]


def test_pinyin_syllables() -> None:
    assert pinyin_syllables("lei") == 1
    assert pinyin_syllables("xiaoming") == 2
    assert pinyin_syllables("jianping") == 2
    assert pinyin_syllables("robert") == 0


def test_common_names_have_more_namesakes_than_rare_ones() -> None:
    lei_wang, xiaoming_wang = expected_namesakes(name_key("Lei Wang")), expected_namesakes(name_key("Xiaoming Wang"))
    smith, schreiber = expected_namesakes(name_key("Michael Smith")), expected_namesakes(name_key("Robert Schreiber"))
    assert lei_wang > xiaoming_wang and lei_wang > 10
    assert smith > 100 * schreiber
    # A middle initial narrows the name; an unplaceable name is not taken for a unique one.
    assert expected_namesakes(name_key("David E. Goldberg")) < expected_namesakes(name_key("David Goldberg"))
    assert expected_namesakes(name_key("Rakesh Kumar")) >= 1


def test_a_rare_full_name_is_enough_alone_a_common_one_is_not() -> None:
    assert compare(ctx("Barry Wilkinson", venues=frozenset({"lcpc"})),
                   ctx("Barry Wilkinson", venues=frozenset({"siam j sci comput"}))).merge
    lone = compare(ctx("Lei Wang"), ctx("Lei Wang"))
    assert not lone.merge and any("researchers share this name" in r for r in lone.reasons)
    # One shared venue does not make two "Lei Wang" papers one person; a shared co-author does.
    assert not compare(ctx("Lei Wang", venues=frozenset({"icip"})), ctx("Lei Wang", venues=frozenset({"icip"}))).merge
    assert compare(ctx("Lei Wang", coauthors=frozenset({"zhang|jian"})),
                   ctx("Lei Wang", coauthors=frozenset({"zhang|jian", "li|ming"}))).merge


def test_the_most_specific_spelling_sets_the_name_score() -> None:
    plain, narrowed = full_name_score([name_key("David Goldberg")])[0], full_name_score(
        [name_key("David Goldberg"), name_key("David E. Goldberg")])[0]
    assert narrowed > plain


def test_best_author_prefers_the_author_with_the_stronger_evidence() -> None:
    mention = ctx("Lei Wang", coauthors=frozenset({"zhang|jian", "li|ming"}))
    candidates = [
        ("a-1", ctx("Lei Wang", coauthors=frozenset({"zhang|jian"}))),
        ("a-2", ctx("Lei Wang", coauthors=frozenset({"zhang|jian", "li|ming"}))),
        ("a-3", ctx("Lei Wang", coauthors=frozenset({"chen|hong"}))),
    ]
    best = best_author(mention, candidates)
    assert best is not None and best[0] == "a-2"
    assert best_author(ctx("Lei Wang", coauthors=frozenset({"sun|qi"})), candidates) is None
