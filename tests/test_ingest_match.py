"""Matching as pure functions: papers (identifiers, fuzzy evidence, versions) and authors (names, context)."""

from __future__ import annotations

from peergraph.ingest.block import candidate_pairs, paper_keys
from peergraph.ingest.institutions import affiliation_keys
from peergraph.ingest.keys import name_key
from peergraph.ingest.match_authors import AuthorContext, coauthor_key, compare, shared_coauthors
from peergraph.ingest.match_papers import PaperView, match, view_of
from peergraph.ingest.records import AuthorRef, PaperRecord, Provenance
from peergraph.ingest.venues import from_comment, venue_of


def rec(rid: str, title: str | None = None, **kw: object) -> PaperRecord:
    return PaperRecord(provenance=Provenance("test", rid, rid), title=title, **kw)  # type: ignore[arg-type]


def authors(*names: str) -> tuple[AuthorRef, ...]:
    return tuple(AuthorRef(raw=n) for n in names)


def view(rid: str, title: str | None = None, **kw: object) -> PaperView:
    return view_of(rec(rid, title, **kw), rid)


def test_identical_identifier_decides_even_when_titles_differ() -> None:
    a = view("a", "Auto-scaling Vision Transformers without Training", arxiv_id="2202.11921")
    b = view("b", "As-ViT (ICLR 2022)", arxiv_id="2202.11921")
    result = match(a, b)
    assert (result.verdict, result.method) == ("same", "arxiv_id")


def test_different_arxiv_ids_never_merge() -> None:
    title = "Large Batch Optimization for Deep Learning: Training BERT in 76 minutes"
    assert match(view("a", title, arxiv_id="1904.00962"), view("b", title, arxiv_id="1904.00963")).verdict == "different"


def test_fuzzy_title_match_with_latex_and_case() -> None:
    a = view("a", "MobileBERT: a Compact Task-Agnostic {BERT} for Resource-Limited Devices", year=2020,
             authors=authors("Zhiqing Sun", "Xiaodan Song"))
    b = view("b", "Mobilebert: A compact task-agnostic BERT for resource-limited devices.", year=2020,
             authors=authors("Z. Sun", "X. Song", "Denny Zhou"))
    result = match(a, b)
    assert result.verdict == "same"
    assert any("author overlap" in r for r in result.reasons)


def test_year_veto() -> None:
    a = view("a", "Deep Residual Learning for Image Recognition", year=2016)
    b = view("b", "Deep Residual Learning for Image Recognition", year=2009)
    result = match(a, b)
    assert result.verdict == "different" and "vetoed: years too far apart" in result.reasons


def test_author_veto() -> None:
    a = view("a", "Introduction to the Special Issue", year=2001, authors=authors("Daniel Barbara"))
    b = view("b", "Introduction to the special issue", year=2001, authors=authors("Jennifer Widom"))
    assert match(a, b).verdict == "different"


def test_abstract_only_record_matches_its_titled_twin() -> None:
    abstract = (
        "This work targets automated designing and scaling of Vision Transformers (ViTs). The motivation "
        "comes from two pain spots: 1) the lack of efficient and principled methods for designing and scaling ViTs"
    )
    a = view("a", "Auto-scaling Vision Transformers without Training", abstract=abstract[:150])
    b = view("b", None, abstract=abstract)
    assert match(a, b).verdict == "same"


def test_preprint_and_published_version_are_versions_not_one_paper() -> None:
    title = "Token Dropping for Efficient BERT Pretraining"
    pre = view("a", title, type="preprint", arxiv_id="2203.13240", year=2022, authors=authors("Le Hou"))
    pub = view("b", title, type="conference", doi="10.18653/v1/2022.acl-long.262", year=2022,
               authors=authors("Le Hou", "Richard Yuanzhe Pang"))
    assert match(pre, pub).verdict == "version"


def test_blocking_keeps_pairs_far_below_all_pairs() -> None:
    titles = [f"A study of topic {i} in graph learning number {i * 7}" for i in range(300)]
    keyed = [(str(i), paper_keys(t.lower(), None, None, None, None)) for i, t in enumerate(titles)]
    pairs = candidate_pairs(keyed, max_block_size=50)
    assert len(pairs) < 300 * 299 // 2 // 20


def test_a_batch_against_stored_papers_pairs_only_with_the_batch() -> None:
    keyed = [(f"stored{i}", ["head:graph neural networ"]) for i in range(5)] + [("new", ["head:graph neural networ"])]
    everything = candidate_pairs(keyed, max_block_size=50)
    assert len(everything) == 15
    assert candidate_pairs(keyed, max_block_size=50, involving={"new"}) == {p for p in everything if "new" in p}


def ctx(name: str, **kw: object) -> AuthorContext:
    return AuthorContext(names=frozenset({name_key(name)}), **kw)  # type: ignore[arg-type]


def test_initials_merge_with_full_name_given_shared_coauthors() -> None:
    mention = ctx("X. Song", coauthors=frozenset({"zhou|d", "sun|z"}))
    author = ctx("Xiaodan Song", coauthors=frozenset({"zhou|d", "tan|m"}))
    result = compare(mention, author)
    assert result.merge and result.method == "name:initials+context"


def test_coauthors_with_different_spelled_out_names_are_not_shared() -> None:
    li_yang, li_ying, li_y = (coauthor_key(name_key(n)) for n in ("Yang Li", "Ying Li", "Y. Li"))
    assert li_yang != li_ying
    assert not shared_coauthors(frozenset({li_yang}), frozenset({li_ying}))
    # An initials-only name, or a stored blocking key, stays compatible with the spelled-out one.
    assert shared_coauthors(frozenset({li_y}), frozenset({li_yang})) == {li_y}
    assert not compare(ctx("Jing Zhang", coauthors=frozenset({li_yang})),
                       ctx("Jing Zhang", coauthors=frozenset({li_ying}))).merge


def test_affiliations_share_the_organisation_not_the_department() -> None:
    a = affiliation_keys("Dept. of Comput. Sci., Tsinghua University, Beijing")
    b = affiliation_keys("Department of Computer Science and Technology, Tsinghua University, China")
    assert a & b == {"tsinghua university"}
    assert not affiliation_keys("Beijing, China") & a - {"tsinghua university"}
    assert "princeton university" in affiliation_keys("Dept. of Comput. Sci., Princeton Univ., NJ")


def test_the_university_of_manchester_is_the_university_of_manchester() -> None:
    # Two spellings of one university, as the Arnetminer set has them on one Ke Chen's papers.
    a = affiliation_keys("The University of Manchester")
    b = affiliation_keys("Sch. of Informatics, Univ. of Manchester, UK")
    assert a & b == {"university of manchester"}
    # The key as written stays, for author contexts stored before the bare one was added.
    assert "the university of manchester" in a
    # Only a leading article goes: "Theory" is no article, and a lone "The" leaves no bare key.
    assert "theory research laboratory" in affiliation_keys("Theory Research Laboratory")
    assert affiliation_keys("The") == {"the"}


def test_an_ampersand_is_an_and_in_affiliations() -> None:
    a = affiliation_keys("School of Computer Science, Huazhong University of Science & Technology, Wuhan")
    b = affiliation_keys("Huazhong University of Science and Technology")
    assert "huazhong university of science and technology" in a & b


def test_volumes_years_and_editions_of_one_venue_are_one_venue() -> None:
    def key(venue: str) -> str:
        ref = venue_of(venue, None, "conference")
        assert ref is not None
        return ref.name_key

    # DBLP numbers the volumes of a multi-volume proceedings: "ISNN (1)" and "ISNN (2)" are one ISNN.
    assert key("ISNN (1)") == key("ISNN (2)") == key("ISNN") == "isnn"
    assert key("CVPR (1)") == key("CVPR")
    assert key("Proceedings of the 2008 Fourth International Conference on Natural Computation - Volume 03") == key(
        "Proceedings of the 2009 Fifth International Conference on Natural Computation - Volume 01")
    assert key("Proceedings of the 25th Annual Symposium on Foundations of Computer Science, 1984") == key(
        "Proceedings of the 31st Annual Symposium on Foundations of Computer Science")
    ref = venue_of("ICML 2003", None, "conference")
    assert ref is not None and ref.year == 2003 and ref.name == "International Conference on Machine Learning"
    # A lettered part is a journal of its own; a venue named with an ordinal word keeps it.
    assert key("IEEE Transactions on Systems, Man, and Cybernetics, Part A") != key(
        "IEEE Transactions on Systems, Man, and Cybernetics, Part B")
    assert key("First Monday") == "first monday"


def test_initials_alone_do_not_merge() -> None:
    assert not compare(ctx("X. Song"), ctx("Xiaodan Song")).merge


def test_name_order_and_diacritics() -> None:
    assert compare(ctx("Song, Xiaodan", topics=frozenset({"ml"})), ctx("Xiaodan Song", topics=frozenset({"ml"}),
                   venues=frozenset({"iclr"}))).score >= 0.5
    assert not compare(ctx("Jürgen Müller"), ctx("Jurgen Muller")).reasons[0].startswith("different")


def test_two_different_orcids_never_merge_whatever_the_context() -> None:
    shared = frozenset({"zhou|d", "sun|z", "tan|m"})
    a = ctx("Xiaodan Song", orcid="0000-0001-0000-0001", coauthors=shared)
    b = ctx("Xiaodan Song", orcid="0000-0002-0000-0002", coauthors=shared)
    assert not compare(a, b).merge


def test_two_different_full_given_names_never_merge() -> None:
    shared = frozenset({"zhou|d", "sun|z", "tan|m"})
    result = compare(ctx("Xiaodan Song", coauthors=shared), ctx("Xiaoming Song", coauthors=shared))
    assert not result.merge and "different given names" in result.reasons[0]


def test_venue_from_comment() -> None:
    venue = from_comment("Accepted to CVPR2022")
    assert venue is not None and venue.year == 2022 and "Computer Vision" in venue.name
    assert from_comment("submitted to TPAMI") is None


def test_institutions_ror_first_and_no_catch_all() -> None:
    from peergraph.ingest.institutions import KnownInstitution, match_institution

    known = [
        KnownInstitution("i-1", "University of Michigan", "university of michigan", "00jmfr291"),
        KnownInstitution("i-2", "Google", "google", None),
    ]
    assert match_institution("UMich", "00jmfr291", known).uid == "i-1"
    assert match_institution("University of Michigan", None, known).uid == "i-1"
    # Sharing only "University of" is no evidence: a new institution, not the closest known one.
    assert match_institution("University of Minnesota", None, known).uid is None
    assert match_institution("Department of Physics", None, known).uid is None


def test_topics_from_categories_else_keyphrases_mapped_to_canonical_labels() -> None:
    from peergraph.ingest.topics import assign

    with_category = assign(rec("a", "Anything", categories=("cs.CV",)))
    assert [(t.label, t.source) for t in with_category] == [("Computer Vision and Pattern Recognition", "arxiv-category")]
    listing = assign(rec("b", "Reinforcement learning for robot navigation",
                         abstract="We apply reinforcement learning to robot navigation in crowded rooms."))
    assert listing and all(t.source == "keyphrase" and 0 < t.score <= 1 for t in listing)
    assert "Machine Learning" in {t.label for t in listing}


def test_author_matching_weighs_the_topics_a_source_assigned_not_those_read_off_the_text() -> None:
    from peergraph.ingest.topics import assign, matching_keys

    keyworded = rec("a", "Reinforcement learning for robot navigation", categories=("cs.RO",))
    assert matching_keys(assign(keyworded)) == {"robotics"}
    # The same title on a listing page: its topics are read off the text, and the title weighs them already.
    listing = rec("b", "Reinforcement learning for robot navigation",
                  abstract="We apply reinforcement learning to robot navigation in crowded rooms.")
    assert assign(listing) and matching_keys(assign(listing)) == frozenset()


def test_free_keyphrases_must_be_in_the_title() -> None:
    """As-ViT's abstract alone yields fragments such as "work targets"; only title phrases become topics."""
    from peergraph.ingest.topics import assign

    as_vit = rec(
        "c", "Auto-scaling Vision Transformers without Training",
        abstract="This work targets automated designing and scaling of Vision Transformers (ViTs). The motivation "
                 "comes from two pain spots: the lack of efficient and principled methods for designing and "
                 "scaling ViTs, and the tremendous computational cost of training ViT.",
    )
    labels = {t.label for t in assign(as_vit)}
    assert "Computer Vision and Pattern Recognition" in labels
    assert not {"work targets", "targets automated", "efficient and principled"} & labels
    assert all(t.source == "keyphrase" for t in assign(as_vit))


def test_an_abstract_key_is_the_first_words_of_the_whole_text() -> None:
    # Only the start is normalized; a LaTeX command or an accent at the cut must not change the words.
    from peergraph.ingest.keys import ABSTRACT_HEAD_CHARS, abstract_key, text_key

    long_words = "Antidisestablishmentarianism " * 30
    for filler in ("x" * (ABSTRACT_HEAD_CHARS - 3) + " \\emph{Élan} naïve", "word " * 200, long_words):
        abstract = "We study $\\alpha$-stable {LaTeX} flows. " + filler
        assert abstract_key(abstract) == " ".join(text_key(abstract).split()[:12])
    assert abstract_key(long_words).split() == ["antidisestablishmentarianism"] * 12
