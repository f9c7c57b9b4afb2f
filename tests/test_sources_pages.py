"""The `pages` source on the five real seed pages: every entry of every file comes out."""

from pathlib import Path

import pytest

from peergraph.ingest.records import BadRecord, PaperRecord
from peergraph.ingest.sources import detect_format, parse_page, read_pages

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
AS_VIT = "Auto-scaling Vision Transformers without Training"
AS_VIT_START = "This work targets automated designing and scaling of Vision Transformers (ViTs)."


def seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def records(prefix: str) -> list[PaperRecord]:
    items = list(read_pages([seed(prefix)]))
    assert all(isinstance(r, PaperRecord) for r in items), [r for r in items if isinstance(r, BadRecord)]
    return [r for r in items if isinstance(r, PaperRecord)]


@pytest.mark.parametrize(
    "prefix, fmt, count",
    [
        ("000", "profile", 7),
        ("001", "abstract_list", 10),
        ("002", "arxiv_listing", 10),
        ("003", "hf_daily", 64),
        ("004", "abstract_comment_id", 10),
    ],
)
def test_each_seed_is_recognized_and_parsed_completely(prefix: str, fmt: str, count: int) -> None:
    assert detect_format(seed(prefix).read_text(encoding="utf-8")) == fmt
    recs = records(prefix)
    assert len(recs) == count
    assert all(r.extra["page_format"] == fmt and r.provenance.source == "pages" for r in recs)
    assert len({r.provenance.record_id for r in recs}) == count
    assert all(r.provenance.record_id.startswith(seed(prefix).stem + "#") for r in recs)


def test_profile_page_works_are_by_the_profile_researcher_at_an_unknown_position() -> None:
    recs = records("000")
    first = recs[0]
    assert first.title == AS_VIT
    assert first.abstract is not None and first.abstract.startswith(AS_VIT_START)
    assert (first.type, first.year, first.venue) == ("preprint", 2022, "arXiv")
    assert [a.raw for a in first.authors] == ["Xiaodan Song"]
    assert (first.authors[0].given, first.authors[0].family) == ("Xiaodan", "Song")
    assert first.extra["profile_author"] == "Xiaodan Song" and first.extra["author_position_known"] is False
    assert [r.year for r in recs] == [2022, 2022, 2020, 2020, 2020, 2020, 2020]
    assert recs[-1].title == "SpineNet: Learning Scale-Permuted Backbone for Recognition and Localization"


def test_abstract_list_records_are_abstract_only() -> None:
    recs = records("001")
    as_vit = [r for r in recs if r.abstract and r.abstract.startswith(AS_VIT_START)]
    assert len(as_vit) == 1
    assert as_vit[0].title is None and as_vit[0].arxiv_id is None and as_vit[0].usable
    assert not recs[0].abstract.startswith("Abstract:")  # type: ignore[union-attr]


def test_arxiv_listing_gives_ids_dates_and_comments() -> None:
    recs = {r.arxiv_id: r for r in records("002")}
    assert len(recs) == 10
    cvpr = recs["2204.02547"]
    assert cvpr.comment == "Accepted to CVPR2022" and cvpr.date == "2022-04-05" and cvpr.year == 2022
    assert cvpr.abstract is not None and cvpr.abstract.startswith("Text-based video segmentation")
    assert recs["2108.04692"].comment == "to be submitted to icassp 2022"
    assert recs["2301.13195"].comment is None and recs["2301.13195"].type == "preprint"
    assert recs["2301.13195"].provenance.record_id == seed("002").stem + "#2301.13195"


def test_hugging_face_listing_gives_titles_author_counts_and_dates() -> None:
    recs = records("003")
    first = recs[0]
    assert first.title == "Build a Robust QA System with Transformer-based Mixture of Experts"
    assert first.abstract is not None and first.abstract.startswith("In this paper, we aim to build")
    assert (first.author_count, first.date, first.year) == (3, "2022-03-19", 2022)
    third = recs[2]  # "Oct 16 2": this year's date without a year, then the upvote count
    assert third.author_count == 13 and third.date is None and third.extra == {
        "page_format": "hf_daily", "date_text": "Oct 16", "upvotes": 2
    }
    assert recs[-1].title == "ProARD: progressive adversarial robustness distillation: provide wide range of robust students"
    assert all(r.title and r.abstract and r.author_count for r in recs)


def test_abstract_comment_id_listing_gives_ids_comments_and_dois() -> None:
    recs = records("004")
    by_id = {r.arxiv_id: r for r in recs}
    as_vit = by_id["2202.11921"]
    assert as_vit.abstract is not None and as_vit.abstract.startswith(AS_VIT_START)
    assert as_vit.abstract.endswith("https://github.com/VITA-Group/AsViT.")
    assert as_vit.comment == "ICLR 2022 accepted"
    assert by_id["2210.08578"].doi == "10.1145/3566097.3567864"
    assert by_id["2210.08578"].comment == "Accepted to ASP-DAC'23"
    assert by_id["2305.12281"].comment == "ICML 2023"
    assert by_id["2108.11939"].comment == "submitted to TPAMI"
    assert recs[0].arxiv_id == "2402.17440" and recs[0].comment is None
    assert all(r.type == "preprint" for r in recs)


def test_as_vit_appears_in_three_seeds() -> None:
    assert any(r.title == AS_VIT for r in records("000"))
    assert any((r.abstract or "").startswith(AS_VIT_START) and r.title is None for r in records("001"))
    assert any(r.arxiv_id == "2202.11921" and (r.abstract or "").startswith(AS_VIT_START) for r in records("004"))


def test_unrecognized_and_unreadable_files_are_bad_records(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("just some notes\nnothing that looks like a listing\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = list(read_pages([other, missing, seed("001")]))
    assert isinstance(items[0], BadRecord) and "unrecognized page format" in items[0].reason
    assert isinstance(items[1], BadRecord) and "cannot read file" in items[1].reason
    assert len([r for r in items if isinstance(r, PaperRecord)]) == 10


def test_wrong_encoding_rejects_only_the_entry_that_has_it(tmp_path: Path) -> None:
    lines = seed("001").read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b"BERT", "BÉRT".encode("latin-1"), 1)
    page = tmp_path / "latin.txt"
    page.write_bytes(b"\n".join(lines))
    items = list(read_pages([page]))
    bad = [r for r in items if isinstance(r, BadRecord)]
    assert len(items) == 10 and len(bad) == 1
    assert bad[0].record_id == "latin#4" and "not valid UTF-8" in bad[0].reason


def test_absurd_title_and_injection_strings_in_a_profile_page() -> None:
    text = seed("000").read_text(encoding="utf-8")
    text = text.replace(AS_VIT, "T" * 5_000_000).replace(
        "Token Dropping for Efficient BERT Pretraining", "x'}) MATCH (n) DETACH DELETE n //"
    )
    items = list(parse_page(text, "profile"))
    assert len(items) == 7
    assert isinstance(items[0], BadRecord) and items[0].record_id == "profile#1"
    assert "title is 5,000,000 characters" in items[0].reason
    assert isinstance(items[1], PaperRecord) and items[1].title == "x'}) MATCH (n) DETACH DELETE n //"


def test_titles_starting_with_a_type_word_are_not_taken_for_work_headers() -> None:
    text = seed("000").read_text(encoding="utf-8").replace(AS_VIT, "Other-play for Zero-Shot Coordination")
    items = list(parse_page(text, "profile"))
    assert len(items) == 7 and isinstance(items[0], PaperRecord)
    assert items[0].title == "Other-play for Zero-Shot Coordination"
