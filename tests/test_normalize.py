"""Normalization: names, LaTeX, Unicode, identifiers, dates, keys and size bounds."""

import pytest

from peergraph.ingest.keys import CACHED_TEXT_CHARS, _cached_text_key, name_key, text_key, title_key
from peergraph.ingest.normalize import (
    MAX_TITLE,
    FieldTooLarge,
    bounded,
    canonical_arxiv_id,
    canonical_doi,
    canonical_openalex_id,
    canonical_orcid,
    canonical_ror,
    clean_text,
    find_arxiv_id,
    make_author,
    paper_type,
    parse_date,
    parse_name,
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Xiaodan Song", ("Xiaodan", "Song", "X")),
        ("Song, Xiaodan", ("Xiaodan", "Song", "X")),
        ("X. Song", ("X.", "Song", "X")),
        ("Jean-Pierre Dupont", ("Jean-Pierre", "Dupont", "JP")),
        ("Peter H. N. de With", ("Peter H. N.", "de With", "PHN")),
        ("Zhang", ("", "Zhang", "")),
        ('Dirk W\\"ubben', ("Dirk", "Wübben", "D")),
    ],
)
def test_person_names_parse_into_given_family_initials(raw: str, expected: tuple[str, str, str]) -> None:
    assert parse_name(raw) == expected


def test_the_three_spellings_of_one_person_share_a_name_key() -> None:
    keys = {name_key(raw).block for raw in ("Xiaodan Song", "Song, Xiaodan", "X. Song")}
    assert keys == {"song|x"}
    assert name_key("Jörg Müller").block == name_key("Muller, J.").block == "muller|j"


def test_make_author_normalizes_identifiers_and_keeps_the_raw_name() -> None:
    author = make_author(
        "  Song,  Xiaodan ",
        orcid="https://orcid.org/0000-0002-1825-0097",
        openalex_id="https://openalex.org/A5023888391",
        affiliations=["Google  Research", ""],
        institution_rors=["https://ror.org/00njsd438", "not a ror"],
    )
    assert author.raw == "Song, Xiaodan"
    assert (author.given, author.family, author.initials) == ("Xiaodan", "Song", "X")
    assert author.orcid == "0000-0002-1825-0097"
    assert author.openalex_id == "A5023888391"
    assert author.affiliations == ("Google Research",)
    assert author.institution_rors == ("00njsd438",)


def test_latex_becomes_text_and_percent_signs_survive() -> None:
    assert clean_text(r"Schr\"odinger {\em et al.}") == "Schrödinger et al."
    assert clean_text("83.5% top-1 and ~3% AP with \\alpha") == "83.5% top-1 and 3% AP with α"
    assert clean_text("plain 50% text without markup") == "plain 50% text without markup"
    assert clean_text("  ﬁne\u00a0 tuning \n") == "fine tuning"  # NFKC ligature, whitespace
    assert clean_text("   ") is None


def test_title_key_folds_case_accents_markup_and_punctuation() -> None:
    assert title_key("Auto-scaling Vision Transformers without Training") == (
        "auto scaling vision transformers without training"
    )
    assert title_key("Élan: {A} Title!") == "elan a title"
    assert title_key(None) == ""


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2202.11921", ("2202.11921", None)),
        ("arXiv:2202.11921v2", ("2202.11921", 2)),
        ("https://arxiv.org/abs/2202.11921v2", ("2202.11921", 2)),
        ("http://arxiv.org/pdf/2202.11921v1.pdf", ("2202.11921", 1)),
        ("hep-th/9901001", ("hep-th/9901001", None)),
        ("http://arxiv.org/abs/quant-ph/0201082v1", ("quant-ph/0201082", 1)),
        ("math.GT/0309136v3", ("math/0309136", 3)),
        ("0704.0001", ("0704.0001", None)),
        ("abc", None),
        ("", None),
    ],
)
def test_arxiv_ids_in_every_common_spelling(value: str, expected: tuple[str, int | None] | None) -> None:
    assert canonical_arxiv_id(value) == expected


def test_arxiv_id_found_inside_listing_text() -> None:
    assert find_arxiv_id("arXiv:2202.11921This work targets") == ("2202.11921", None)
    assert find_arxiv_id("see arXiv:2210.08578 - doi: 10.1145/3566097.3567864") == ("2210.08578", None)


def test_dois_orcids_rors_and_openalex_ids() -> None:
    assert canonical_doi("https://doi.org/10.7717/PeerJ.4375") == "10.7717/peerj.4375"
    assert canonical_doi("doi:10.1103/PhysRevB.85.115117") == "10.1103/physrevb.85.115117"
    assert canonical_doi("http://dx.doi.org/10.1145/3566097.3567864") == "10.1145/3566097.3567864"
    assert canonical_doi("not a doi") is None
    assert canonical_orcid("0000-0002-1825-0097") == "0000-0002-1825-0097"
    assert canonical_orcid("0000-0002-1825-0098") is None  # wrong check digit
    assert canonical_orcid("https://orcid.org/0000-0003-1613-5981") == "0000-0003-1613-5981"
    assert canonical_ror("https://ror.org/05ppvf150") == "05ppvf150"
    assert canonical_openalex_id("https://openalex.org/W2741809807") == "W2741809807"


def test_dates_and_types() -> None:
    assert parse_date("Mar 19, 2022") == ("2022-03-19", 2022)
    assert parse_date("2017-07-27T08:18:33Z") == ("2017-07-27", 2017)
    assert parse_date("2022") == (None, 2022)
    assert parse_date("Oct 14") == (None, None)
    assert paper_type("journal-article") == "journal"
    assert paper_type("preprint") == "preprint"
    assert paper_type("dataset") == "other"


def test_size_bounds_name_the_field() -> None:
    assert bounded("title", "ok", MAX_TITLE) == "ok"
    with pytest.raises(FieldTooLarge, match="title is 5,000,000 characters"):
        bounded("title", "x" * 5_000_000, MAX_TITLE)


def test_the_fast_path_agrees_with_nameparser_on_every_recorded_name() -> None:
    import json
    from pathlib import Path

    from peergraph.ingest.normalize import _nameparser_split, _plain_split
    from peergraph.ingest.sources import parse_atom, read_openalex_file

    fixtures = Path(__file__).parent / "fixtures"
    names: set[str] = set()
    for path in (fixtures / "arxiv").glob("*.json"):
        body = json.loads(path.read_text(encoding="utf-8"))["body"].encode("latin-1")
        names.update(a.raw for r in parse_atom(body).records for a in getattr(r, "authors", ()))
    names.update(a.raw for r in read_openalex_file(fixtures / "openalex" / "W2741809807.json")
                 for a in getattr(r, "authors", ()))
    plain = [n for n in names if _plain_split(clean_text(n) or "")]
    assert len(names) > 250 and len(plain) > 0.8 * len(names)
    for name in plain:
        text = clean_text(name) or ""
        assert _plain_split(text) == _nameparser_split(text), name
    # The same names as catalogues write them, family name first ("Song, Xiaodan").
    family_first = [f"{w[-1]}, {' '.join(w[:-1])}" for w in (n.split(" ") for n in names) if len(w) in (2, 3)]
    fast = [n for n in family_first if _plain_split(clean_text(n) or "")]
    assert len(fast) > 0.8 * len(family_first)
    for name in fast:
        text = clean_text(name) or ""
        assert _plain_split(text) == _nameparser_split(text), name
    assert _plain_split("Song, Xiaodan") == ("Xiaodan", "Song")
    assert _plain_split("Y. Wang") == _nameparser_split("Y. Wang") == ("Y.", "Wang")  # "y" is also a conjunction
    for special in ("Peter H. N. de With", "Dr. Jane Doe", "Th. Soddemann", "de With, Peter", "Smith, Jr., John",
                    "Doe, Dr. Jane", "Soddemann, Th.", "Jose Ortega y Gasset"):
        assert _plain_split(special) is None, special


def test_abstract_length_texts_are_keyed_like_titles_but_never_cached() -> None:
    abstract = "We present {LaTeX}-aware \\emph{Élan}: " + "word " * CACHED_TEXT_CHARS
    before = _cached_text_key.cache_info().currsize
    assert text_key(abstract).startswith("we present latex aware elan word word")
    assert _cached_text_key.cache_info().currsize == before  # a cache full of abstracts would hold hundreds of MB
    assert text_key("Élan: A {LaTeX} Title Seen Once Here!") == "elan a latex title seen once here"
    assert _cached_text_key.cache_info().currsize == before + 1  # a title is
