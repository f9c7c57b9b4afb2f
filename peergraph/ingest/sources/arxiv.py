"""arXiv API (Atom) source: search_query, id_list and author queries, paged and resumable.

`ArxivSource.pages(...)` yields `ArxivPage(page_start, next_start, records)`: commit a page, store
`next_start` as the checkpoint, and resume later with `pages(..., start=next_start)`. `next_start` is
None on the last page. Between requests the client waits `delay` seconds (arXiv asks for 3).

Per entry: arXiv id without version plus the version (old 'hep-th/9901001' and new '2202.11921' ids),
title, abstract, authors with `<arxiv:affiliation>`, published date, categories (primary first),
`<arxiv:doi>`, `<arxiv:comment>`; `<arxiv:journal_ref>` goes to `extra["journal_ref"]` (the record itself
is the preprint, type "preprint"). The provenance record id is the arXiv id with its version
('2202.11921v2'), the payload is the entry's XML.

Bad input never raises: arXiv's error feed (an entry titled "Error"), a body that is not Atom, a
truncated response (entries after the last complete `</entry>`) and bad entries become BadRecords;
the good entries of the same page still come out. Network failure after retries raises
`SourceUnavailable` so the caller keeps its last checkpoint.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import feedparser

from peergraph.ingest.normalize import (
    MAX_ABSTRACT,
    MAX_AUTHORS,
    MAX_SHORT,
    MAX_TITLE,
    FieldTooLarge,
    canonical_arxiv_id,
    canonical_doi,
    clean_bounded,
    clean_text,
    make_author,
    parse_date,
)
from peergraph.ingest.records import AuthorRef, BadRecord, PaperRecord, make_provenance
from peergraph.ingest.sources.http import HttpClient, HttpSource

API_URL = "https://export.arxiv.org/api/query"
ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"

Item = PaperRecord | BadRecord

# so an entry's payload XML reads like the response (<entry>, <arxiv:comment>), not <ns0:entry>
ET.register_namespace("", ATOM[1:-1])
ET.register_namespace("arxiv", ARXIV[1:-1])


class ArxivPage(NamedTuple):
    page_start: int  # index of this page's first result
    next_start: int | None  # checkpoint to resume from; None when this was the last page
    records: list[Item]


@dataclass(frozen=True)
class _RawEntry:
    xml: str
    affiliations: tuple[tuple[str, ...], ...]  # per author, in order


@dataclass(frozen=True)
class AtomPage:
    records: list[Item]
    entries: int  # entries in the feed (good and bad)
    total_results: int | None  # opensearch:totalResults
    error: str | None  # arXiv's error message, or why the body is not a feed


def _complete_entries(data: bytes) -> dict[str, _RawEntry]:
    """Entry XML and per-author affiliations of every complete <entry>, keyed by <id>.

    feedparser keeps only one affiliation per entry, so the affiliations come from this strict pass;
    it stops at the first XML error, which is how a truncated response is told apart.
    """
    found: dict[str, _RawEntry] = {}
    try:
        for _event, elem in ET.iterparse(io.BytesIO(data), events=("end",)):
            if elem.tag != f"{ATOM}entry":
                continue
            entry_id = (elem.findtext(f"{ATOM}id") or "").strip()
            affs = tuple(
                tuple((a.text or "").strip() for a in author.findall(f"{ARXIV}affiliation") if a.text)
                for author in elem.findall(f"{ATOM}author")
            )
            found[entry_id] = _RawEntry(ET.tostring(elem, encoding="unicode"), affs)
            elem.clear()
    except ET.ParseError:
        pass
    return found


def _text(entry: Any, key: str) -> str | None:
    value = entry.get(key)
    return str(value) if value is not None else None


def entry_to_record(entry: Any, raw: _RawEntry | None, source: str = "arxiv") -> Item:
    """One feedparser entry of an arXiv feed as a PaperRecord, or a BadRecord saying why not."""
    entry_id = _text(entry, "id") or _text(entry, "link") or ""
    title_raw = _text(entry, "title")
    ident = canonical_arxiv_id(entry_id)
    # arXiv's error feed: one entry titled "Error" whose id is an errors URL (a paper may be titled "Error")
    if "/api/errors" in entry_id or (ident is None and (title_raw or "").strip() == "Error"):
        return BadRecord(source, None, f"arXiv API error: {clean_text(_text(entry, 'summary')) or entry_id}")
    if ident is None:
        return BadRecord(source, entry_id[:200] or None, f"entry id {entry_id[:200]!r} is not an arXiv id")
    arxiv_id, version = ident
    record_id = f"{arxiv_id}v{version}" if version else arxiv_id
    try:
        title = clean_bounded("title", title_raw, MAX_TITLE)
        abstract = clean_bounded("abstract", _text(entry, "summary"), MAX_ABSTRACT)
        names = [str(a.get("name", "")) for a in entry.get("authors", []) if a.get("name")]
        if len(names) > MAX_AUTHORS:
            raise FieldTooLarge(f"{len(names):,} authors (limit {MAX_AUTHORS:,})")
        affs = raw.affiliations if raw and len(raw.affiliations) == len(names) else ()
        authors: tuple[AuthorRef, ...] = tuple(
            make_author(name, affiliations=affs[i] if affs else ()) for i, name in enumerate(names)
        )
        comment = clean_bounded("comment", _text(entry, "arxiv_comment"), MAX_SHORT)
        journal_ref = clean_bounded("journal_ref", _text(entry, "arxiv_journal_ref"), MAX_SHORT)
    except FieldTooLarge as err:
        return BadRecord(source, record_id, str(err))
    date, year = parse_date(_text(entry, "published") or _text(entry, "updated"))
    primary = (entry.get("arxiv_primary_category") or {}).get("term")
    terms = [str(t.get("term")) for t in entry.get("tags", []) if t.get("term")]
    categories = tuple(dict.fromkeys([c for c in [primary, *terms] if c and len(c) < 64]))
    extra: dict[str, Any] = {}
    if journal_ref:
        extra["journal_ref"] = journal_ref
    updated = _text(entry, "updated")
    if updated:
        extra["updated"] = parse_date(updated)[0]
    payload: Any = raw.xml if raw else {k: entry.get(k) for k in ("id", "title", "summary", "authors", "tags")}
    return PaperRecord(
        provenance=make_provenance(source, record_id, payload),
        title=title,
        abstract=abstract,
        authors=authors,
        year=year,
        date=date,
        type="preprint",
        doi=canonical_doi(_text(entry, "arxiv_doi")),
        arxiv_id=arxiv_id,
        arxiv_version=version,
        categories=categories,
        comment=comment,
        extra=extra,
    )


_DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9_.-]+)", re.IGNORECASE)
BAD_BYTES_REASON = "entry has bytes that are not UTF-8 (wrong encoding in a UTF-8 feed)"


def repair_utf8(data: bytes) -> tuple[bytes, bool]:
    """A UTF-8 (or undeclared) XML body with stray non-UTF-8 bytes, with those bytes replaced by U+FFFD.

    feedparser would otherwise re-decode the whole document as windows-1252 and garble every correct
    non-ASCII name; this way only the entries holding the stray bytes are affected (and rejected).
    Returns (body, whether anything was replaced).
    """
    declared = _DECLARED.match(data[:200])
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return data, False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace").encode("utf-8"), True
    return data, False


def has_replacement(record: PaperRecord) -> bool:
    texts = [record.title, record.abstract, record.comment, *(a.raw for a in record.authors)]
    return any("\ufffd" in t for t in texts if t)


def parse_atom(data: bytes, source: str = "arxiv") -> AtomPage:
    """Parse one arXiv API response body. Pure: no I/O, never raises on bad input."""
    data, repaired = repair_utf8(data)
    try:
        feed = feedparser.parse(data)
    except Exception as err:  # feedparser is lenient; this guards its rare internal failures
        return AtomPage([BadRecord(source, None, f"unreadable feed: {err}")], 0, None, str(err))
    entries = list(feed.get("entries", []))
    header = feed.get("feed", {})
    if not entries and not (header.get("id") or header.get("title")):
        reason = f"not an Atom feed: {feed.get('bozo_exception') or 'no feed header and no entries'}"
        return AtomPage([BadRecord(source, None, reason)], 0, None, reason)
    raw = _complete_entries(data)
    closed = data.count(b"</entry>")
    records: list[Item] = []
    error: str | None = None
    for index, entry in enumerate(entries):
        if index >= closed:
            entry_id = str(entry.get("id", ""))[:200] or None
            records.append(BadRecord(source, entry_id, "entry is incomplete: the response ends before </entry>"))
            continue
        item = entry_to_record(entry, raw.get(str(entry.get("id", "")).strip()), source)
        if repaired and isinstance(item, PaperRecord) and has_replacement(item):
            item = BadRecord(source, item.provenance.record_id, BAD_BYTES_REASON)
        if isinstance(item, BadRecord) and item.reason.startswith("arXiv API error"):
            error = item.reason
        records.append(item)
    total: int | None
    try:
        total = int(feed.get("feed", {}).get("opensearch_totalresults"))
    except (TypeError, ValueError):
        total = None
    return AtomPage(records, len(entries), total, error)


def author_query(author: str) -> str:
    """arXiv author clause: 'del_maestro' -> 'au:del_maestro', 'Adrian Del Maestro' -> 'au:"Adrian Del Maestro"'."""
    name = " ".join(author.split())
    return f'au:"{name}"' if " " in name else f"au:{name}"


class ArxivSource(HttpSource):
    """The arXiv API. `delay` is the pause between requests (arXiv asks for 3 s; use 0 in tests)."""

    name = "arxiv"

    def __init__(
        self,
        *,
        base_url: str = API_URL,
        delay: float = 3.0,
        page_size: int = 100,
        client: HttpClient | None = None,
        timeout: float = 30.0,
        attempts: int = 4,
        backoff: float = 1.0,
        sort_by: str = "relevance",
        sort_order: str = "descending",
    ) -> None:
        self.base_url = base_url
        self.page_size = max(1, min(page_size, 2000))  # arXiv serves at most 2000 per request
        self.sort_by = sort_by
        self.sort_order = sort_order
        super().__init__(client, delay=delay, timeout=timeout, attempts=attempts, backoff=backoff)

    def pages(
        self,
        *,
        search_query: str | None = None,
        id_list: Sequence[str] = (),
        author: str | None = None,
        start: int = 0,
        max_results: int | None = None,
    ) -> Iterator[ArxivPage]:
        """Pages of results from index `start` (a checkpoint) up to index `max_results` (absolute, so a
        resumed run stops where the uninterrupted one would). Raises SourceUnavailable after retries."""
        query = search_query or ""
        if author:
            query = f"({query}) AND {author_query(author)}" if query else author_query(author)
        ids = ",".join(i.strip() for i in id_list if i.strip())
        if not query and not ids:
            raise ValueError("give a search_query, an id_list or an author")
        end = max_results if max_results is not None else (len(id_list) if ids and not query else None)
        position = max(0, start)
        while end is None or position < end:
            size = self.page_size if end is None else min(self.page_size, end - position)
            params = {"search_query": query, "id_list": ids, "sortBy": self.sort_by,
                      "sortOrder": self.sort_order, "start": position, "max_results": size}
            response = self.client.get(self.base_url, {k: v for k, v in params.items() if v != ""})
            page = parse_atom(response.content, self.name)
            if response.status_code >= 400 and not (page.error or "").startswith("arXiv API error"):
                reason = f"HTTP {response.status_code} from arXiv: {page.error or 'unexpected answer'}"
                records: list[Item] = [BadRecord(self.name, None, reason)]
                yield ArxivPage(position, None, records)
                return
            next_start: int | None = position + page.entries
            done = (
                page.error is not None
                or page.entries == 0
                or (page.total_results is not None and next_start is not None and next_start >= page.total_results)
                or (end is not None and next_start is not None and next_start >= end)
            )
            if done:
                next_start = None
            yield ArxivPage(position, next_start, page.records)
            if next_start is None:
                return
            position = next_start

    def records(self, **query: Any) -> Iterator[Item]:
        """All records of `pages(**query)`, flattened (no checkpoints)."""
        for page in self.pages(**query):
            yield from page.records
