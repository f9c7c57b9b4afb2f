"""RSS/Atom feeds by file and by URL: an arXiv category feed, an arXiv API Atom feed, bad feeds."""

from pathlib import Path

from peergraph.ingest.records import BadRecord, PaperRecord
from peergraph.ingest.sources import HttpClient, parse_atom, read_feed
from tests.replay_server import ReplayServer

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
RSS = FEEDS / "arxiv_rss_from_api_entries.xml"
ATOM = Path(__file__).parent / "fixtures" / "arxiv" / "legacy_au_del_maestro.xml"


def test_arxiv_category_rss_feed_from_a_file() -> None:
    recs = list(read_feed(RSS))
    assert all(isinstance(r, PaperRecord) for r in recs) and len(recs) == 4
    first = recs[0]
    assert isinstance(first, PaperRecord)
    assert (first.arxiv_id, first.arxiv_version, first.provenance.record_id) == ("2202.12139", 1, "2202.12139v1")
    assert first.title == "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques"
    assert first.abstract is not None and first.abstract.startswith("Deep Learning (DL) has revolutionized")
    assert [a.raw for a in first.authors] == ["Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker"]
    assert first.categories == ("cs.SE", "cs.LG") and first.extra["announce_type"] == "new"
    assert first.date == "2022-02-24" and first.type == "preprint" and first.provenance.source == "feed"
    second = recs[1]
    assert isinstance(second, PaperRecord) and second.authors[0].raw == "Aurora Ramírez"


def test_an_arxiv_api_atom_feed_is_read_like_the_api_source() -> None:
    recs = list(read_feed(ATOM, source="my-feed"))
    assert len(recs) == 10 and all(isinstance(r, PaperRecord) and r.provenance.source == "my-feed" for r in recs)


def test_feed_by_url_through_the_replay_server() -> None:
    with ReplayServer() as server:
        server.add("/rss/cs.SE", RSS.read_bytes(), content_type="application/rss+xml")
        server.fail("/rss/cs.SE", 502)
        with HttpClient(delay=0, backoff=0) as client:
            recs = list(read_feed(server.url("/rss/cs.SE"), client=client))
            missing = list(read_feed(server.url("/rss/none"), client=client))
    assert len([r for r in recs if isinstance(r, PaperRecord)]) == 4
    assert server.hits("/rss/cs.SE") == 2
    assert isinstance(missing[0], BadRecord) and missing[0].reason.startswith("HTTP 404")


def test_truncated_and_non_feed_input(tmp_path: Path) -> None:
    data = RSS.read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: data.index(b"</item>", data.index(b"</item>") + 1) + 200])
    items = list(read_feed(cut))
    assert [type(r).__name__ for r in items] == ["PaperRecord", "PaperRecord", "BadRecord"]
    assert "incomplete" in items[2].reason  # type: ignore[union-attr]
    junk = tmp_path / "junk.xml"
    junk.write_bytes(b"\x00\xff not xml at all")
    (bad,) = read_feed(junk)
    assert isinstance(bad, BadRecord) and bad.reason.startswith("not an RSS/Atom feed")
    (gone,) = read_feed(tmp_path / "missing.xml")
    assert isinstance(gone, BadRecord) and "cannot read" in gone.reason


def test_latin1_bytes_in_a_utf8_feed_reject_only_their_entry(tmp_path: Path) -> None:
    data = RSS.read_bytes().replace("Aurora Ramírez".encode(), "Aurora Ramírez".encode("latin-1"))
    assert "José Raúl Romero".encode() in data  # correct UTF-8 in the same entry and feed
    path = tmp_path / "latin.xml"
    path.write_bytes(data)
    items = list(read_feed(path))
    assert isinstance(items[1], BadRecord) and items[1].record_id == "2405.13786v1"
    assert "not UTF-8" in items[1].reason
    good = [r for r in items if isinstance(r, PaperRecord)]
    assert len(good) == 3 and good[0].title is not None and good[0].title.startswith("Testing Deep Learning")


def test_latin1_bytes_in_an_arxiv_api_response_reject_only_their_entry() -> None:
    body = ATOM.read_bytes()
    first_author = body.index(b"<name>", body.index(b"<entry>"))
    broken = body[:first_author] + b"<name>G\xe9rard " + body[first_author + len(b"<name>"):]
    items = parse_atom(broken).records
    assert isinstance(items[0], BadRecord) and "not UTF-8" in items[0].reason
    assert len([r for r in items if isinstance(r, PaperRecord)]) == 9
