"""arXiv API source on real recorded responses, through a real HTTP server on 127.0.0.1.

The real httpx client, tenacity retries, feedparser parsing and paging code run; only the far end is a
replay of responses the live arXiv API gave (tests/fixtures/arxiv/, see SOURCES.md).
"""

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from peergraph.ingest.records import BadRecord, PaperRecord
from peergraph.ingest.sources import ArxivSource, HttpClient, SourceUnavailable, parse_atom
from tests.replay_server import ReplayServer

FIXTURES = Path(__file__).parent / "fixtures" / "arxiv"
API = "/api/query"
PAGE = API + "?search_query=testing&sortBy=relevance&sortOrder=descending&start={start}&max_results={size}"


@pytest.fixture()
def server() -> Iterator[ReplayServer]:
    with ReplayServer() as srv:
        for path in FIXTURES.glob("*.json"):
            srv.add_arxiv_recording(path)
        # the recordings were made against export.arxiv.org/api/query: same path, any host
        yield srv


def source(server: ReplayServer, **kw: object) -> ArxivSource:
    client = HttpClient(delay=0, backoff=0, attempts=int(kw.pop("attempts", 3)), timeout=float(kw.pop("timeout", 5)))
    return ArxivSource(base_url=server.url(API), client=client, **kw)  # type: ignore[arg-type]


def good(items: list[PaperRecord | BadRecord]) -> list[PaperRecord]:
    return [r for r in items if isinstance(r, PaperRecord)]


def test_id_list_lookup_gives_full_records(server: ReplayServer) -> None:
    records = good(list(source(server).records(id_list=["astro-ph/0601001"], max_results=100)))
    assert len(records) == 1
    rec = records[0]
    assert (rec.arxiv_id, rec.arxiv_version) == ("astro-ph/0601001", 1)
    assert rec.provenance.source == "arxiv" and rec.provenance.record_id == "astro-ph/0601001v1"
    assert rec.title is not None and rec.title.startswith("Frequency of Hot Jupiters and Very Hot Jupiters")
    assert [a.raw for a in rec.authors] == ["Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski"]
    assert rec.authors[2].affiliations == ("CfA",) and rec.authors[2].family == "Gaudi"
    assert rec.extra["journal_ref"] == "ActaAstron.56:1-50,2006"
    assert rec.date == "2006-01-02" and rec.year == 2006 and rec.type == "preprint"
    assert rec.categories[0] == "astro-ph"
    assert "<title>Frequency of Hot Jupiters" in rec.provenance.payload and len(rec.provenance.payload_hash) == 64


def test_versioned_and_old_style_ids(server: ReplayServer) -> None:
    src = source(server)
    (rec,) = good(list(src.records(id_list=["quant-ph/0201082v1"], max_results=100)))
    assert (rec.arxiv_id, rec.arxiv_version) == ("quant-ph/0201082", 1)
    (rec,) = good(list(src.records(id_list=["2104.12255v1"], max_results=100)))
    assert (rec.arxiv_id, rec.arxiv_version) == ("2104.12255", 1)
    (rec,) = good(list(src.records(id_list=["1707.08567"], max_results=100)))
    assert len(rec.authors) == 34 and rec.authors[-2].raw == "Dirk Wübben"
    assert rec.comment == "44 pages, editors for the proceedings: Yanling Chen and A. J. Han Vinck"


def test_error_feed_becomes_a_bad_record(server: ReplayServer) -> None:
    pages = list(source(server).pages(id_list=["abc"], max_results=100))
    assert len(pages) == 1 and pages[0].next_start is None
    (bad,) = pages[0].records
    assert isinstance(bad, BadRecord) and bad.reason == "arXiv API error: incorrect id format for abc"


def test_unknown_ids_give_an_empty_feed_and_a_known_one_still_comes_out(server: ReplayServer) -> None:
    assert list(source(server).records(id_list=["0000.0000"], max_results=100)) == []
    records = list(source(server).records(id_list=["0808.05394", "1707.08567"], max_results=100))
    assert [r.arxiv_id for r in good(records)] == ["1707.08567"]


def test_paging_walks_the_recorded_pages_and_stops_at_max_results(server: ReplayServer) -> None:
    pages = list(source(server, page_size=10).pages(search_query="testing", max_results=60))
    assert [(p.page_start, p.next_start) for p in pages] == [
        (0, 10), (10, 20), (20, 30), (30, 40), (40, 50), (50, None)
    ]
    ids = [r.arxiv_id for p in pages for r in good(p.records)]
    assert len(ids) == 60 and len(set(ids)) == 60
    assert ids[:2] == ["2202.12139", "2405.13786"]


def test_resume_from_a_checkpoint_fetches_only_the_remaining_pages(server: ReplayServer) -> None:
    full = [r.arxiv_id for r in good(list(source(server, page_size=10).records(search_query="testing", max_results=60)))]
    server.log.clear()
    resumed = list(source(server, page_size=10).pages(search_query="testing", start=30, max_results=60))
    assert [p.page_start for p in resumed] == [30, 40, 50]
    assert len(server.log) == 3
    assert [r.arxiv_id for p in resumed for r in good(p.records)] == full[30:]


def test_overlapping_pages_repeat_the_same_papers(server: ReplayServer) -> None:
    src = source(server, page_size=15)
    first = [r.arxiv_id for r in good(list(src.records(search_query="testing", max_results=15)))]
    second = [r.arxiv_id for r in good(list(src.records(search_query="testing", start=9, max_results=24)))]
    assert first[9:] == second[:6]
    assert len(set(first) | set(second)) == 24


def test_a_503_is_retried_then_the_page_arrives(server: ReplayServer) -> None:
    url = PAGE.format(start=0, size=10)
    server.fail(url, 503, 503)
    pages = list(source(server, page_size=10, attempts=3).pages(search_query="testing", max_results=10))
    assert server.hits(url) == 3
    assert len(good(pages[0].records)) == 10


def test_a_timeout_is_retried(server: ReplayServer) -> None:
    url = PAGE.format(start=0, size=10)
    server.slow(url, 1.5)
    pages = list(source(server, page_size=10, timeout=0.5).pages(search_query="testing", max_results=10))
    assert server.hits(url) == 2
    assert len(good(pages[0].records)) == 10


def test_persistent_failure_raises_after_the_committed_pages(server: ReplayServer) -> None:
    server.fail(PAGE.format(start=10, size=10), 503, 503, 503)
    seen = []
    with pytest.raises(SourceUnavailable, match="failed after 3 attempts"):
        for page in source(server, page_size=10).pages(search_query="testing", max_results=30):
            seen.append(page.page_start)
    assert seen == [0]  # the caller committed page 0 and resumes from next_start=10


def test_author_query_on_the_legacy_api_response(server: ReplayServer) -> None:
    body = (FIXTURES / "legacy_au_del_maestro.xml").read_bytes()
    server.add(API + "?search_query=au:del_maestro&sortBy=relevance&sortOrder=descending&start=0&max_results=10",
               body)
    pages = list(source(server, page_size=10).pages(author="del_maestro", max_results=10))
    records = good(pages[0].records)
    assert len(records) == 10 and pages[0].next_start is None
    assert all(any(a.family == "Del Maestro" for a in r.authors) for r in records)
    with_doi = [r for r in records if r.doi]
    assert with_doi and all(r.doi == r.doi.lower() and not r.doi.startswith("http") for r in with_doi)


def test_legacy_feed_keeps_doi_comment_and_journal_ref() -> None:
    (rec,) = parse_atom((FIXTURES / "legacy_id_list_1111.2011v2.xml").read_bytes()).records
    assert isinstance(rec, PaperRecord)
    assert (rec.arxiv_id, rec.arxiv_version) == ("1111.2011", 2)
    assert rec.doi == "10.1103/physrevb.85.115117"
    assert rec.comment == "8 pages, 3 figures. Published version"
    assert rec.extra["journal_ref"] == "Phys. Rev. B 85, 115117 (2012)"
    assert rec.title == "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit"


def test_truncated_response_keeps_the_complete_entries() -> None:
    body = (FIXTURES / "legacy_au_del_maestro.xml").read_bytes()
    cut = body[: body.index(b"</entry>", body.index(b"</entry>") + 1) + 300]  # inside the third entry
    page = parse_atom(cut)
    assert [type(r).__name__ for r in page.records] == ["PaperRecord", "PaperRecord", "BadRecord"]
    assert "incomplete" in page.records[2].reason  # type: ignore[union-attr]


def test_a_non_feed_answer_is_a_bad_record_not_a_crash(server: ReplayServer) -> None:
    server.add(API + "?search_query=nothing&sortBy=relevance&sortOrder=descending&start=0&max_results=5",
               b"<html><body>Service moved</body></html>", status=404, content_type="text/html")
    (page,) = source(server, page_size=5).pages(search_query="nothing", max_results=5)
    (bad,) = page.records
    assert isinstance(bad, BadRecord) and "HTTP 404" in bad.reason and page.next_start is None


def test_cypher_looking_and_huge_titles_are_just_data() -> None:
    body = (FIXTURES / "legacy_id_list_1111.2011v2.xml").read_bytes()
    sneaky = body.replace(b"Quantum Criticality for Extended Nodes", b"x'}) MATCH (n) DETACH DELETE n //")
    (rec,) = parse_atom(sneaky).records
    assert isinstance(rec, PaperRecord) and rec.title is not None and rec.title.startswith("x'}) MATCH (n)")
    huge = body.replace(b"Quantum Criticality for Extended Nodes", b"Q" * 5_000_000)
    (bad,) = parse_atom(huge).records
    assert isinstance(bad, BadRecord) and bad.record_id == "1111.2011v2" and "title is 5,000" in bad.reason


def test_the_polite_delay_separates_requests(server: ReplayServer) -> None:
    with HttpClient(delay=0.3, backoff=0) as client:
        src = ArxivSource(base_url=server.url(API), client=client, page_size=10)
        began = time.monotonic()
        pages = list(src.pages(search_query="testing", max_results=30))
        elapsed = time.monotonic() - began
    assert len(pages) == 3 and client.requests == 3
    assert elapsed >= 0.6  # two pauses between three requests
