"""Author matching: how much a matching full name says depends on how many people share it."""

from __future__ import annotations

from peergraph.ingest.keys import name_key, subject_key
from peergraph.ingest.match_authors import (
    AuthorContext,
    attach,
    best_author,
    compare,
    may_be,
    name_score,
    never_same,
    title_similarity,
    titles_on_subject,
)
from peergraph.ingest.name_ambiguity import expected_namesakes, korean_syllables, pinyin_syllables
from peergraph.ingest.settings import DEFAULT


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


def test_census_names_are_shared_only_by_the_researchers_the_census_describes() -> None:
    # A quarter of researchers write romanized Chinese names and none of them is a Robert Schreiber:
    # the census shares of "Robert" and "Schreiber" apply to the others, under two researchers in all,
    # so two of his papers are one person by the name alone, the first papers of an author included.
    assert expected_namesakes(name_key("Robert Schreiber")) < 2
    assert compare(ctx("Robert Schreiber"), ctx("Robert Schreiber")).merge
    # A Chinese family name keeps its Chinese namesakes: "K. Chen" is still shared by thousands.
    assert expected_namesakes(name_key("K. Chen")) > 1000


def test_a_romanized_korean_name_counts_its_korean_namesakes() -> None:
    assert korean_syllables("young") == 1
    assert korean_syllables("youngjin") == 2
    assert korean_syllables("robert") == 0
    # The census alone takes "Young Park" for a rare American name; a written syllable of a Korean
    # given name stands for every Young-jin, Young-ho and Young-soo Park.
    assert expected_namesakes(name_key("Young Park")) > 20
    assert expected_namesakes(name_key("Young-Jin Park")) == expected_namesakes(name_key("Youngjin Park"))
    assert expected_namesakes(name_key("Young-Jin Park")) < expected_namesakes(name_key("Young Park"))
    assert expected_namesakes(name_key("J. Kim")) > expected_namesakes(name_key("Jin Kim"))
    # No Korean given name is romanized with an X: "X. Song" keeps only its Chinese namesakes.
    assert expected_namesakes(name_key("X. Song")) < expected_namesakes(name_key("S. Song"))
    # Two papers of "Young Park" are no longer one person by the name alone; a shared co-author still joins them.
    assert not compare(ctx("Young Park"), ctx("Young Park")).merge
    assert compare(ctx("Young Park", coauthors=frozenset({"lee|tongqueue"})),
                   ctx("Young Park", coauthors=frozenset({"lee|tongqueue"}))).merge


def test_a_rare_full_name_is_enough_alone_a_common_one_is_not() -> None:
    assert compare(ctx("Barry Wilkinson", venues=frozenset({"lcpc"})),
                   ctx("Barry Wilkinson", venues=frozenset({"siam j sci comput"}))).merge
    lone = compare(ctx("Lei Wang"), ctx("Lei Wang"))
    assert not lone.merge and any("researchers share this name" in r for r in lone.reasons)
    # One shared venue does not make two "Lei Wang" papers one person; a shared co-author does.
    assert not compare(ctx("Lei Wang", venues=frozenset({"icip"})), ctx("Lei Wang", venues=frozenset({"icip"}))).merge
    assert compare(ctx("Lei Wang", coauthors=frozenset({"zhang|jian"})),
                   ctx("Lei Wang", coauthors=frozenset({"zhang|jian", "li|ming"}))).merge


def test_a_name_two_researchers_share_needs_some_evidence() -> None:
    # "Michael Siegel" (about 2 namesakes: even odds, the merge bar itself). On the Arnetminer set six
    # people carry it, a database researcher, a verification researcher and a mathematician among them:
    # at even odds alone every paper of all six became one author.
    alone = compare(ctx("Michael Siegel"), ctx("Michael Siegel"))
    assert alone.score == DEFAULT.author_merge and not alone.merge
    assert compare(ctx("Michael Siegel", coauthors=frozenset({"madnick|stuart"})),
                   ctx("Michael Siegel", coauthors=frozenset({"madnick|stuart"}))).merge


def titled(name: str, *titles: str, **kw: object) -> AuthorContext:
    return ctx(name, titles=frozenset(subject_key(t) for t in titles), **kw)


def test_a_paper_title_on_the_same_subject_is_evidence() -> None:
    # Two papers of Steve King (the Arnetminer set, one person) with no co-author or venue in common:
    # the name alone (about 5 namesakes) falls short; "refinement calculus" in both titles does not.
    vdm = titled("Steve King", "Z and the Refinement Calculus", venues=frozenset({"vdm europe"}))
    fac = titled("Steve King", "Exits in the Refinement Calculus", venues=frozenset({"formal asp comput"}))
    assert not compare(ctx("Steve King"), ctx("Steve King")).merge
    found = compare(vdm, fac)
    assert found.merge and "a paper title on the same subject (2 shared words, similarity 0.67)" in found.reasons
    # The Steve King who wrote for a database magazine in 1988 shares no subject with either.
    assert not compare(titled("Steve King", "Workgroup kingpin"), fac).merge


def test_a_second_title_on_the_subject_says_more_than_one() -> None:
    # Steve King's refinement-calculus papers (the Arnetminer set): an author with one of them, then two.
    exits = titled("Steve King", "Exits in the Refinement Calculus")
    one = titled("Steve King", "Z and the Refinement Calculus")
    two = one.absorb(titled("Steve King", "An Iterator Construct for the Refinement Calculus"))
    once, twice = compare(exits, one), compare(exits, two)
    assert round(twice.score - once.score, 3) == DEFAULT.title_more_evidence
    assert "2 paper titles on that subject" in twice.reasons
    # A second title on another subject adds nothing.
    other = one.absorb(titled("Steve King", "Typechecking Z"))
    assert compare(exits, other).score == once.score
    assert titles_on_subject(exits.titles, two.titles, 2, DEFAULT.title_similar) == 2


def test_title_evidence_is_the_closest_pair_of_titles_not_the_pooled_words() -> None:
    # The author's titles hold "sparse", "kernel" and "regression", but no one title two of them.
    author = titled("Lei Wang", "Sparse coding for images", "Kernel methods in genomics", "Robust regression")
    mention = titled("Lei Wang", "Sparse kernel regression")
    assert title_similarity(mention.titles, author.titles, 2) == (0.0, 0)
    assert not compare(mention, author).merge
    # One title sharing two of its three words is on the same subject.
    grown = author.absorb(titled("Lei Wang", "Sparse kernel machines"))
    similarity, shared = title_similarity(mention.titles, grown.titles, 2)
    assert shared == 2 and round(similarity, 2) == 0.67
    # Two shared words are needed: one common word ("learning") is not a subject.
    assert title_similarity([subject_key("Learning to rank")], [subject_key("Deep learning")], 2) == (0.0, 0)
    assert subject_key("Z and the Refinement Calculus") == "calculus refinement z"


def test_a_middle_initial_narrows_the_name_only_when_both_sides_have_it() -> None:
    plain, middle = [name_key("David Goldberg")], [name_key("David E. Goldberg")]
    assert name_score(middle, middle)[0] > name_score(plain, middle)[0] == name_score(plain, plain)[0]
    # Initials are the less specific side: "X. Song" could be any X. Song.
    initials, full = [name_key("X. Song")], [name_key("Xiaodan Song")]
    assert name_score(initials, full)[0] == name_score(initials, initials)[0] < name_score(full, full)[0]


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


def test_an_affiliation_several_namesakes_share_says_less() -> None:
    # A Lei Wang at Tsinghua with nothing else in common: with one Lei Wang known there, the affiliation
    # takes the mention (0.37 for the name, 0.25 for the affiliation); with two known there (two people,
    # or the mention is a third), it tells them apart no better than one in two and takes nothing.
    at_tsinghua = frozenset({"tsinghua university"})
    mention = ctx("Lei Wang", affiliations=at_tsinghua)
    one = ("a-1", ctx("Lei Wang", affiliations=at_tsinghua, venues=frozenset({"icip"})))
    other = ("a-2", ctx("Lei Wang", affiliations=at_tsinghua, venues=frozenset({"kdd"})))
    elsewhere = ("a-3", ctx("Lei Wang", affiliations=frozenset({"xidian university"})))
    found = attach(mention, [one, elsewhere])
    assert found is not None and found.uid == "a-1" and "shared affiliation" in found.match.reasons
    assert attach(mention, [one, other, elsewhere]) is None
    diluted = compare(mention, one[1], affiliation_holders=2)
    assert not diluted.merge and "shared affiliation (as 2 candidate authors do)" in diluted.reasons
    # Only candidates the names allow count: "Lin Wang" there is no Lei Wang, but "L. Wang" may be either.
    lin = ("a-4", ctx("Lin Wang", affiliations=at_tsinghua))
    found = attach(mention, [one, lin])
    assert found is not None and found.uid == "a-1" and "shared affiliation" in found.match.reasons
    initials = ctx("L. Wang", affiliations=at_tsinghua, coauthors=frozenset({"zhang|jian"}))
    lei = ("a-5", ctx("Lei Wang", affiliations=at_tsinghua, coauthors=frozenset({"zhang|jian"})))
    found = attach(initials, [lei, lin])
    assert found is not None and found.uid == "a-5"
    assert "shared affiliation (as 2 candidate authors do)" in found.match.reasons


def test_a_mention_that_is_two_authors_bridges_them() -> None:
    # Two "Lei Wang" authors that shared nothing; a paper with co-authors of each shows they are one.
    a = ("a-1", ctx("Lei Wang", coauthors=frozenset({"zhang|jian", "sun|qi"})))
    b = ("a-2", ctx("Lei Wang", coauthors=frozenset({"li|ming", "zhou|hong"})))
    mention = ctx("Lei Wang", coauthors=frozenset({"zhang|jian", "sun|qi", "li|ming", "zhou|hong"}))
    found = attach(mention, [b, a])
    assert found is not None and found.uid == "a-1" and [uid for uid, _ in found.bridged] == ["a-2"]
    assert found.bridged[0][1].score >= 0.6 and "shared co-author" in " ".join(found.bridged[0][1].reasons)
    # A second match too weak to take the mention alone (a shared venue and topics) joins nothing.
    c = ("a-3", ctx("Lei Wang", venues=frozenset({"icip"}), topics=frozenset({"image", "segmen"})))
    weak = ctx("Lei Wang", coauthors=frozenset({"zhang|jian", "sun|qi"}), venues=frozenset({"icip"}),
               topics=frozenset({"image", "segmen"}))
    found = attach(weak, [a, c])
    assert found is not None and found.uid == "a-1" and found.bridged == ()


def test_bridging_never_breaks_the_hard_rules() -> None:
    # "X. Song" fits both by initials and co-authors, but Xiaodan and Xiaoming are two people.
    a = ("a-1", ctx("Xiaodan Song", coauthors=frozenset({"zhou|denny", "le|quoc"})))
    b = ("a-2", ctx("Xiaoming Song", coauthors=frozenset({"zhou|denny", "le|quoc"})))
    mention = ctx("X. Song", coauthors=frozenset({"zhou|denny", "le|quoc"}))
    assert compare(mention, b[1]).merge
    found = attach(mention, [a, b])
    assert found is not None and found.uid == "a-1" and found.bridged == ()
    assert never_same(a[1], b[1]) == "different given names xiaodan/xiaoming"
    assert never_same(ctx("Robert J. Allen"), ctx("Robert B. Allen")) == "incompatible initials rj/rb"
    assert never_same(ctx("Wei Wang", orcid="0000-0001-0000-0001"), ctx("Wei Wang", orcid="0000-0002-0000-0002"))


def test_may_be_refuses_exactly_what_the_names_alone_refuse() -> None:
    mention = ctx("Wei Wang", coauthors=frozenset({"li|jing"}))
    wen, initials = ctx("Wen Wang"), ctx("W. Wang")
    assert not may_be(mention, wen.names, None, None) and not compare(mention, wen).merge
    assert may_be(mention, initials.names, None, None)
    # The same ORCID decides whatever the names say, so such a candidate is always compared.
    orcid = "0000-0001-0000-0001"
    with_orcid = ctx("Wei Wang", coauthors=frozenset({"li|jing"}), orcid=orcid)
    assert may_be(with_orcid, ctx("Wen Wang").names, orcid, None)
    assert compare(with_orcid, ctx("Wen Wang", orcid=orcid)).merge
