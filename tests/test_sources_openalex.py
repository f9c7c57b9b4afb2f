"""OpenAlex works from files and from the API (cursor paging) on a real recorded work."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from peergraph.ingest.records import BadRecord, PaperRecord
from peergraph.ingest.sources import (
    HttpClient,
    OpenAlexSource,
    SourceUnavailable,
    read_openalex_file,
    work_to_record,
)
from tests.replay_server import ReplayServer

FIXTURES = Path(__file__).parent / "fixtures" / "openalex"
WORK = FIXTURES / "W2741809807.json"
PAGE_1 = json.loads((FIXTURES / "works_page_1.json").read_text(encoding="utf-8"))
CURSOR_2 = PAGE_1["meta"]["next_cursor"]
KEY = "s3cret-key-123"


def test_a_real_work_maps_to_a_full_record() -> None:
    (rec,) = read_openalex_file(WORK)
    assert isinstance(rec, PaperRecord)
    assert rec.openalex_id == "W2741809807" and rec.provenance.record_id == "W2741809807"
    assert rec.title == "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles"
    assert rec.doi == "10.7717/peerj.4375"
    assert (rec.year, rec.date, rec.venue, rec.type) == (2018, "2018-02-13", "PeerJ", "journal")
    assert rec.abstract is not None and rec.abstract.startswith("Despite growing interest in Open Access (OA)")
    first = rec.authors[0]
    assert (first.raw, first.orcid, first.openalex_id) == ("Heather Piwowar", "0000-0003-1613-5981", "A5048491430")
    assert first.affiliations == ("Impactstory, Sanford, NC, USA",) and first.institution_rors == ("05ppvf150",)
    assert rec.extra["institutions"]["05ppvf150"] == "Impact Technology Development (United States)"
    raw_names = [a.raw for a in rec.authors]
    assert "Juan Pablo Alperin" in raw_names  # as written; OpenAlex's display name has the accent
    assert "Juan Pablo Alperín" in rec.extra["author_display_names"]
    assert rec.topics[0] == ("scientometrics and bibliometrics research", 0.9969)
    assert "Open Science" in rec.keywords
    assert len(rec.references) == 45 and all(r.startswith("W") for r in rec.references)


def test_files_in_every_layout_and_bad_lines(tmp_path: Path) -> None:
    work = json.loads(WORK.read_text(encoding="utf-8"))
    lines = tmp_path / "works.jsonl"
    lines.write_text("\n".join([json.dumps(work), '{"id": "https://openalex.org/W1", "title"', "{}"]) + "\n",
                     encoding="utf-8")
    items = list(read_openalex_file(lines))
    assert isinstance(items[0], PaperRecord)
    assert isinstance(items[1], BadRecord) and items[1].reason.startswith("line 2: invalid JSON")
    assert isinstance(items[2], BadRecord) and items[2].reason == "line 3: not an OpenAlex work (no W id)"
    (page_rec,) = read_openalex_file(FIXTURES / "works_page_1.json")
    assert isinstance(page_rec, PaperRecord) and page_rec.openalex_id == "W2741809807"
    (not_a_work,) = read_openalex_file(FIXTURES / "A5023888391.json")
    assert isinstance(not_a_work, BadRecord) and not_a_work.record_id == "https://openalex.org/A5023888391"


def test_absurd_fields_are_bad_records() -> None:
    work = json.loads(WORK.read_text(encoding="utf-8"))
    work["abstract_inverted_index"] = {f"w{i}": [i] for i in range(25_000)}
    bad = work_to_record(work)
    assert isinstance(bad, BadRecord) and bad.record_id == "W2741809807" and "more than 20,000 words" in bad.reason
    work = json.loads(WORK.read_text(encoding="utf-8"))
    work["title"] = "T" * 5_000_000
    bad = work_to_record(work)
    assert isinstance(bad, BadRecord) and "title is 5,000,000 characters" in bad.reason


@pytest.fixture()
def server() -> Iterator[ReplayServer]:
    with ReplayServer() as srv:
        srv.add(f"/works?per-page=1&cursor=*&filter=doi:10.7717/peerj.4375&api_key={KEY}",
                (FIXTURES / "works_page_1.json").read_bytes(), content_type="application/json")
        srv.add(f"/works?per-page=1&cursor={CURSOR_2}&filter=doi:10.7717/peerj.4375&api_key={KEY}",
                (FIXTURES / "works_page_2.json").read_bytes(), content_type="application/json")
        srv.add(f"/works/W2741809807?api_key={KEY}", WORK.read_bytes(), content_type="application/json")
        yield srv


def openalex(server: ReplayServer, monkeypatch: pytest.MonkeyPatch) -> OpenAlexSource:
    monkeypatch.setenv("PEERGRAPH_OPENALEX_API_KEY", KEY)
    return OpenAlexSource(base_url=server.url(), per_page=1, client=HttpClient(delay=0, backoff=0, attempts=3))


def test_cursor_paging_with_the_api_key_from_the_environment(server: ReplayServer,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    pages = list(openalex(server, monkeypatch).pages(filter="doi:10.7717/peerj.4375"))
    assert [(p.cursor, p.next_cursor) for p in pages] == [("*", CURSOR_2), (CURSOR_2, None)]
    assert [r.openalex_id for p in pages for r in p.records if isinstance(r, PaperRecord)] == ["W2741809807"]
    assert all(f"api_key={KEY}" in key for key in server.log)
    assert all(KEY not in r.provenance.payload for p in pages for r in p.records if isinstance(r, PaperRecord))


def test_resume_from_a_stored_cursor(server: ReplayServer, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = list(openalex(server, monkeypatch).pages(filter="doi:10.7717/peerj.4375", cursor=CURSOR_2))
    assert len(pages) == 1 and pages[0].records == [] and len(server.log) == 1


def test_single_works_with_a_retried_503_and_errors_without_the_key(server: ReplayServer,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    server.fail(f"/works/W2741809807?api_key={KEY}", 503)
    src = openalex(server, monkeypatch)
    (rec, missing) = src.works(["https://openalex.org/W2741809807", "W1"])
    assert isinstance(rec, PaperRecord) and rec.openalex_id == "W2741809807"
    assert isinstance(missing, BadRecord) and missing.reason.startswith("OpenAlex work W1: HTTP 404")
    assert server.hits(f"/works/W2741809807?api_key={KEY}") == 2
    server.fail(f"/works/W2741809807?api_key={KEY}", 503, 503, 503)
    with pytest.raises(SourceUnavailable) as err:
        list(src.works(["W2741809807"]))
    assert "failed after 3 attempts" in str(err.value) and KEY not in str(err.value) and "***" in str(err.value)
