"""What a paper or an author gives back when a record or mention merged into it is split off again
(merges.given_back, merges.identifiers_back): pure."""

from __future__ import annotations

from peergraph.ingest.merges import given_back, identifiers_back

ARXIV = {"title": "Auto-scaling Vision Transformers without Training", "doi": None, "arxiv_id": "2202.11921",
         "openalex_id": None, "filled": ["arxiv_id", "title"]}


def test_what_the_paper_took_and_nobody_else_says_goes_back() -> None:
    held = {"doi": "10.5555/listing", "arxiv_id": "2202.11921", "openalex_id": None, "title": ARXIV["title"]}
    given = given_back(ARXIV, held, [])
    assert given.cleared == ("arxiv_id",) and given.retitle
    assert given.title == {"title": None, "title_key": None, "title_head_key": None, "title_tail_key": None,
                           "title_long_key": None, "title_head_tail_key": None, "title_head_long_key": None,
                           "title_tail_long_key": None}


def test_what_another_record_also_says_stays_and_the_next_title_takes_over() -> None:
    held = {"doi": None, "arxiv_id": "2202.11921", "openalex_id": None, "title": ARXIV["title"]}
    openalex = {"title": "auto-scaling vision transformers without training", "arxiv_id": "2202.11921"}
    given = given_back(ARXIV, held, [openalex])
    assert given.cleared == () and given.retitle
    assert given.title["title"] == openalex["title"]
    assert given.title["title_key"] == "auto scaling vision transformers without training"


def test_nothing_goes_back_that_the_paper_had_before_or_holds_no_more() -> None:
    # The paper had its own title and identifier: the record filled nothing.
    assert given_back({**ARXIV, "filled": []}, {"arxiv_id": "2202.11921", "title": ARXIV["title"]}, []).cleared == ()
    # A decision written before `filled` was kept gives nothing back.
    before = {k: v for k, v in ARXIV.items() if k != "filled"}
    assert not given_back(before, {"arxiv_id": "2202.11921", "title": ARXIV["title"]}, []).retitle
    # The paper's title is no longer the record's (someone edited it): it stays.
    assert not given_back(ARXIV, {"arxiv_id": None, "title": "As-ViT"}, []).retitle


SONG = {"raw": "Xiaodan Song", "orcid": "0000-0002-1825-0097", "openalex_id": None, "orcid_back": True,
        "openalex_back": False}


def test_an_author_gives_back_the_orcid_it_took_unless_another_part_of_it_carries_it() -> None:
    held = {"orcid": "0000-0002-1825-0097", "openalex_id": "A5023888391"}
    assert identifiers_back(SONG, held, []) == ("orcid",)
    # Another mention with the same ORCID (it joined by it), or a bridged author that had it: it stays.
    assert identifiers_back(SONG, held, [{"raw": "X. Song", "orcid": SONG["orcid"]}]) == ()
    assert identifiers_back(SONG, held, [{"author": {"name": "Xiaodan Song", "orcid": SONG["orcid"]}}]) == ()
    # The author had its ORCID before the mention came, or holds another one now: nothing goes back.
    assert identifiers_back({**SONG, "orcid_back": False}, held, []) == ()
    assert identifiers_back(SONG, {"orcid": "0000-0001-5109-3700"}, []) == ()

