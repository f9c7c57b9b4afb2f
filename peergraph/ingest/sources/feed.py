"""Any RSS or Atom feed, by URL or file, via feedparser; arXiv's feeds get arXiv-aware handling.

- An arXiv API Atom feed (entries with arXiv ids) is parsed exactly as `arxiv.parse_atom` does.
- An arXiv category feed (RSS 2.0 from rss.arxiv.org): the id comes from the guid/link
  ("oai:arXiv.org:2401.00001v1"), the "arXiv:... Announce Type: new Abstract:" prefix is stripped from
  the description, `dc:creator` ("A, B, C") is split into authors, and `extra["announce_type"]` is kept.
- Any other feed: title, summary (HTML tags dropped), authors, date, tags as keywords, a DOI from
  `prism:doi`/`dc:identifier` when present; the record id is the entry's id, guid or link.

Bad input never raises: a body that is not a feed, an unreachable URL, a truncated feed (items after the
last complete closing tag) and entries without any usable field become BadRecords.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from peergraph.ingest.normalize import (
    MAX_ABSTRACT,
    MAX_SHORT,
    MAX_TITLE,
    FieldTooLarge,
    bounded,
    canonical_arxiv_id,
    canonical_doi,
    clean_text,
    make_author,
    parse_date,
)
from peergraph.ingest.records import BadRecord, PaperRecord, make_provenance
from peergraph.ingest.sources.arxiv import BAD_BYTES_REASON, has_replacement, parse_atom, repair_utf8
from peergraph.ingest.sources.http import HttpClient, SourceUnavailable

SOURCE = "feed"
MAX_FEED_BYTES = 50_000_000

Item = PaperRecord | BadRecord

_TAGS = re.compile(r"<[^>]+>")
_ANNOUNCE = re.compile(r"^\s*arXiv:\S+\s+Announce Type:\s*(\S+)\s*(?:Abstract:\s*)?", re.IGNORECASE)
_OAI = re.compile(r"oai:arXiv\.org:(\S+)", re.IGNORECASE)


def _plain(value: Any) -> str | None:
    if value is None:
        return None
    return clean_text(html.unescape(_TAGS.sub(" ", str(value))))


def _arxiv_of(entry: Any) -> tuple[str, int | None] | None:
    for key in ("id", "guid", "link"):
        value = str(entry.get(key) or "")
        m = _OAI.search(value)
        found = canonical_arxiv_id(m.group(1) if m else value) if ("arxiv" in value.lower()) else None
        if found:
            return found
    return None


def _entry_to_record(entry: Any, source: str, index: int) -> Item:
    arxiv = _arxiv_of(entry)
    entry_id = str(entry.get("id") or entry.get("guid") or entry.get("link") or "")
    if arxiv:
        record_id = f"{arxiv[0]}v{arxiv[1]}" if arxiv[1] else arxiv[0]
    else:
        record_id = entry_id[:MAX_SHORT] or f"entry {index}"
    summary_raw = str(entry.get("summary") or "")
    extra: dict[str, Any] = {}
    announce = _ANNOUNCE.match(summary_raw)
    if announce:
        extra["announce_type"] = announce.group(1).lower()
        summary_raw = summary_raw[announce.end():]
    if entry.get("link"):
        extra["link"] = str(entry.get("link"))[:MAX_SHORT]
    try:
        names = [str(a.get("name") or "") for a in entry.get("authors") or [] if isinstance(a, dict)]
        if arxiv:  # arXiv's RSS puts every author into one dc:creator: "A, B, C"
            names = [n for name in names for n in name.split(",")]
        authors = tuple(make_author(n) for n in (x.strip() for x in names) if n)
        title = bounded("title", _plain(entry.get("title")), MAX_TITLE)
        abstract = bounded("abstract", _plain(summary_raw), MAX_ABSTRACT)
        keywords = tuple(
            dict.fromkeys(
                t for t in (bounded("tag", _plain(tag.get("term")), MAX_SHORT) for tag in entry.get("tags") or [])
                if t
            )
        )
    except FieldTooLarge as err:
        return BadRecord(source, record_id, str(err))
    date, year = parse_date(_date_of(entry))
    doi = canonical_doi(str(entry.get("prism_doi") or entry.get("dc_identifier") or "")) or None
    record = PaperRecord(
        provenance=make_provenance(source, record_id, {k: entry.get(k) for k in sorted(entry.keys())}),
        title=title,
        abstract=abstract,
        authors=authors,
        year=year,
        date=date,
        type="preprint" if arxiv else "other",
        doi=doi,
        arxiv_id=arxiv[0] if arxiv else None,
        arxiv_version=arxiv[1] if arxiv else None,
        categories=keywords if arxiv else (),
        keywords=() if arxiv else keywords,
        extra=extra,
    )
    if not record.usable:
        return BadRecord(source, record_id, "entry has no title, abstract or identifier")
    return record


def _date_of(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def parse_feed(data: bytes, source: str = SOURCE) -> list[Item]:
    """All entries of one RSS/Atom document. Pure: no I/O, never raises on bad input."""
    data, repaired = repair_utf8(data)
    try:
        feed = feedparser.parse(data)
    except Exception as err:  # feedparser is lenient; this guards its rare internal failures
        return [BadRecord(source, None, f"unreadable feed: {err}")]
    entries = list(feed.get("entries", []))
    header = feed.get("feed", {})
    if not entries and not (header.get("title") or header.get("id") or header.get("link")):
        return [BadRecord(source, None, f"not an RSS/Atom feed: {feed.get('bozo_exception') or 'no entries'}")]
    version = str(feed.get("version") or "")
    if version.startswith("atom") and entries and all(_arxiv_of(e) for e in entries[:5]):
        return parse_atom(data, source).records
    closed = data.count(b"</item>") + data.count(b"</entry>")
    out: list[Item] = []
    for index, entry in enumerate(entries, 1):
        if index > closed:
            out.append(BadRecord(source, str(entry.get("id") or entry.get("link") or f"entry {index}")[:200],
                                 "entry is incomplete: the feed ends before its closing tag"))
            continue
        item = _entry_to_record(entry, source, index)
        if repaired and isinstance(item, PaperRecord) and has_replacement(item):
            item = BadRecord(source, item.provenance.record_id, BAD_BYTES_REASON)
        out.append(item)
    return out


def read_feed(url_or_path: str | Path, source: str = SOURCE, client: HttpClient | None = None) -> Iterator[Item]:
    """Entries of a feed at an http(s) URL or in a local file."""
    target = str(url_or_path)
    if target.startswith(("http://", "https://")):
        own = client is None
        http = client or HttpClient()
        try:
            response = http.get(target)
        except SourceUnavailable as err:
            yield BadRecord(source, target, str(err))
            return
        finally:
            if own:
                http.close()
        if response.status_code >= 400:
            yield BadRecord(source, target, f"HTTP {response.status_code} from {target}")
            return
        data = response.content
    else:
        p = Path(target)
        try:
            if p.stat().st_size > MAX_FEED_BYTES:
                yield BadRecord(source, target, f"file is larger than {MAX_FEED_BYTES:,} bytes")
                return
            data = p.read_bytes()
        except OSError as err:
            yield BadRecord(source, target, f"cannot read {target}: {err.strerror or err}")
            return
    if len(data) > MAX_FEED_BYTES:
        yield BadRecord(source, target, f"feed is larger than {MAX_FEED_BYTES:,} bytes")
        return
    yield from parse_feed(data, source)

