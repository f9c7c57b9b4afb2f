"""OpenAlex works: from local .json/.jsonl files and from the API with cursor paging.

`work_to_record(work)` maps one OpenAlex work object: id ("W..."), title, abstract rebuilt from
`abstract_inverted_index`, authorships in order (raw author name as written, ORCID, OpenAlex author id,
raw affiliation strings, institution ROR ids), year/date, venue (primary location's source), type,
doi, an arXiv id when a location is an arXiv landing page, topics (label, score), keywords, referenced
works. `extra["institutions"]` maps each ROR id to the institution's display name and
`extra["author_display_names"]` lists OpenAlex's cleaned names in author order.

`OpenAlexSource(...).pages(filter=..., search=..., cursor="*")` yields
`OpenAlexPage(cursor, next_cursor, records)`: commit a page, store `next_cursor`, resume with
`pages(..., cursor=next_cursor)`. The API key comes from PEERGRAPH_OPENALEX_API_KEY and the polite-pool
address from PEERGRAPH_OPENALEX_MAILTO; neither is ever put into a record, message or log.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from peergraph.ingest.normalize import (
    MAX_ABSTRACT,
    MAX_AUTHORS,
    MAX_KEYWORDS,
    MAX_SHORT,
    MAX_TITLE,
    FieldTooLarge,
    canonical_arxiv_id,
    canonical_doi,
    canonical_openalex_id,
    canonical_ror,
    clean_bounded,
    make_author,
    paper_type,
    parse_date,
    parse_year,
)
from peergraph.ingest.records import AuthorRef, BadRecord, PaperRecord, make_provenance
from peergraph.ingest.sources.files import json_lines, whole_json
from peergraph.ingest.sources.http import HttpClient, HttpSource

API_URL = "https://api.openalex.org"
API_KEY_ENV = "PEERGRAPH_OPENALEX_API_KEY"
MAILTO_ENV = "PEERGRAPH_OPENALEX_MAILTO"
SOURCE = "openalex"
MAX_REFERENCES = 20_000
MAX_ABSTRACT_WORDS = 20_000

Item = PaperRecord | BadRecord


class OpenAlexPage(NamedTuple):
    cursor: str  # the cursor this page was fetched with
    next_cursor: str | None  # checkpoint to resume from; None when this was the last page
    records: list[Item]


def abstract_from_index(index: Any) -> str | None:
    """Rebuild an abstract from OpenAlex's `abstract_inverted_index` ({word: [positions]})."""
    if not isinstance(index, dict) or not index:
        return None
    placed: list[tuple[int, str]] = []
    for word, positions in index.items():
        if not isinstance(positions, list):
            continue
        placed.extend((p, str(word)) for p in positions if isinstance(p, int))
        if len(placed) > MAX_ABSTRACT_WORDS:
            raise FieldTooLarge(f"abstract has more than {MAX_ABSTRACT_WORDS:,} words")
    placed.sort()
    return " ".join(word for _, word in placed) or None


def _get(obj: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _paper_type(work: dict[str, Any]) -> str:
    kind = str(work.get("type") or "").lower()
    source_type = str(_get(work, "primary_location", "source", "type") or "").lower()
    if kind in ("preprint", "posted-content") or source_type == "repository":
        return "preprint"
    if source_type in ("conference", "journal"):
        return source_type
    return paper_type(kind)


def _authors(work: dict[str, Any], institutions: dict[str, str]) -> tuple[AuthorRef, ...]:
    authorships = work.get("authorships") or []
    if not isinstance(authorships, list):
        raise TypeError("authorships is not a list")
    if len(authorships) > MAX_AUTHORS:
        raise FieldTooLarge(f"{len(authorships):,} authorships (limit {MAX_AUTHORS:,})")
    out = []
    for ship in authorships:
        if not isinstance(ship, dict):
            continue
        name = ship.get("raw_author_name") or _get(ship, "author", "display_name")
        if not isinstance(name, str) or not name.strip():
            continue
        rors = []
        for inst in ship.get("institutions") or []:
            ror = canonical_ror(_get(inst, "ror"))
            if ror:
                rors.append(ror)
                institutions.setdefault(ror, str(_get(inst, "display_name") or ""))
        affs = [a for a in ship.get("raw_affiliation_strings") or [] if isinstance(a, str)]
        out.append(
            make_author(
                name,
                orcid=_get(ship, "author", "orcid"),
                openalex_id=_get(ship, "author", "id"),
                affiliations=affs,
                institution_rors=rors,
            )
        )
    return tuple(out)


def _arxiv_from_locations(work: dict[str, Any]) -> tuple[str, int | None] | None:
    for loc in work.get("locations") or []:
        for key in ("landing_page_url", "pdf_url"):
            url = _get(loc, key)
            if isinstance(url, str) and "arxiv.org/" in url:
                found = canonical_arxiv_id(url)
                if found:
                    return found
    return None


def work_to_record(work: Any, source: str = SOURCE) -> Item:
    """One OpenAlex work object as a PaperRecord, or a BadRecord saying why not."""
    if not isinstance(work, dict):
        return BadRecord(source, None, f"expected an OpenAlex work object, got {type(work).__name__}")
    openalex_id = canonical_openalex_id(str(work.get("id") or ""))
    if not openalex_id or not openalex_id.startswith("W"):
        return BadRecord(source, str(work.get("id") or "")[:200] or None, "not an OpenAlex work (no W id)")
    try:
        institutions: dict[str, str] = {}
        authors = _authors(work, institutions)
        title = clean_bounded("title", work.get("title") or work.get("display_name"), MAX_TITLE)
        abstract = clean_bounded("abstract", abstract_from_index(work.get("abstract_inverted_index")), MAX_ABSTRACT)
        venue = clean_bounded("venue", _get(work, "primary_location", "source", "display_name"), MAX_SHORT)
        topics = tuple(
            (str(t["display_name"]), float(t.get("score") or 0.0))
            for t in (work.get("topics") or [])[:MAX_KEYWORDS]
            if isinstance(t, dict) and t.get("display_name")
        )
        keywords = tuple(
            str(k["display_name"])
            for k in (work.get("keywords") or [])[:MAX_KEYWORDS]
            if isinstance(k, dict) and k.get("display_name")
        )
        refs = work.get("referenced_works") or []
        if len(refs) > MAX_REFERENCES:
            raise FieldTooLarge(f"{len(refs):,} referenced works (limit {MAX_REFERENCES:,})")
    except (FieldTooLarge, TypeError, ValueError, AttributeError) as err:
        return BadRecord(source, openalex_id, f"unusable work: {err}")
    date, date_year = parse_date(work.get("publication_date"))
    arxiv = _arxiv_from_locations(work)
    extra: dict[str, Any] = {
        "institutions": institutions,
        "author_display_names": [str(_get(s, "author", "display_name") or "") for s in work.get("authorships") or []
                                 if isinstance(s, dict)],
    }
    for key in ("cited_by_count", "is_retracted", "language"):
        if work.get(key) is not None:
            extra[key] = work[key]
    return PaperRecord(
        provenance=make_provenance(source, openalex_id, work),
        title=title,
        abstract=abstract,
        authors=authors,
        year=parse_year(work.get("publication_year")) or date_year,
        date=date,
        venue=venue,
        type=_paper_type(work),
        doi=canonical_doi(work.get("doi") or _get(work, "ids", "doi")),
        arxiv_id=arxiv[0] if arxiv else None,
        arxiv_version=arxiv[1] if arxiv else None,
        openalex_id=openalex_id,
        keywords=keywords,
        topics=topics,
        references=tuple(r for r in (canonical_openalex_id(str(x)) for x in refs) if r),
        extra=extra,
    )


def _works_in(doc: Any) -> list[Any]:
    """The work objects in a parsed document: a results page, a list, or one work."""
    if isinstance(doc, dict) and isinstance(doc.get("results"), list):
        return list(doc["results"])
    if isinstance(doc, list):
        return doc
    return [doc]


def read_openalex_file(path: str | Path, source: str = SOURCE) -> Iterator[Item]:
    """Works in a local file: .jsonl (one work per line, streamed), or .json (one work, a list, or a
    results page)."""
    p = Path(path)
    if p.suffix.lower() != ".jsonl":
        doc, error = whole_json(p, source)
        if error:
            yield error
            return
        if doc is None:
            yield BadRecord(source, str(p), f"{p.name}: not a JSON document (JSON lines need the .jsonl suffix)")
            return
        for work in _works_in(doc):
            yield work_to_record(work, source)
        return
    yield from json_lines(p, source, lambda work, _line, where: _located(work_to_record(work, source), where))


def _located(item: Item, where: str) -> Item:
    if isinstance(item, BadRecord):
        return BadRecord(item.source, item.record_id or where, f"{where}: {item.reason}")
    return item


class OpenAlexSource(HttpSource):
    """The OpenAlex works API with cursor paging."""

    name = SOURCE

    def __init__(
        self,
        *,
        base_url: str = API_URL,
        api_key: str | None = None,
        mailto: str | None = None,
        per_page: int = 200,
        delay: float = 0.1,
        client: HttpClient | None = None,
        timeout: float = 30.0,
        attempts: int = 4,
        backoff: float = 1.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.per_page = max(1, min(per_page, 200))  # OpenAlex serves at most 200 per page
        self._auth = {
            k: v
            for k, v in (("api_key", api_key or os.environ.get(API_KEY_ENV)),
                         ("mailto", mailto or os.environ.get(MAILTO_ENV)))
            if v
        }
        super().__init__(client, delay=delay, timeout=timeout, attempts=attempts, backoff=backoff)

    def _get_json(self, url: str, params: dict[str, Any]) -> tuple[Any, str | None]:
        response = self.client.get(url, {**params, **self._auth})
        try:
            doc = response.json()
        except ValueError:
            return None, f"HTTP {response.status_code}: response is not JSON"
        if response.status_code >= 400:
            message = doc.get("message") or doc.get("error") if isinstance(doc, dict) else None
            return None, f"HTTP {response.status_code}: {str(message or 'error')[:300]}"
        return doc, None

    def pages(
        self,
        *,
        filter: str | None = None,
        search: str | None = None,
        cursor: str = "*",
        max_results: int | None = None,
    ) -> Iterator[OpenAlexPage]:
        """Pages of /works from `cursor` ("*" = the start, or a stored checkpoint). Raises
        SourceUnavailable after retries; the records of committed pages stay committed."""
        seen = 0
        current = cursor
        while True:
            params: dict[str, Any] = {"per-page": self.per_page, "cursor": current}
            if filter:
                params["filter"] = filter
            if search:
                params["search"] = search
            doc, error = self._get_json(f"{self.base_url}/works", params)
            if error is not None:
                yield OpenAlexPage(current, None, [BadRecord(self.name, None, f"OpenAlex works page: {error}")])
                return
            results = doc.get("results") if isinstance(doc, dict) else None
            if not isinstance(results, list):
                yield OpenAlexPage(current, None, [BadRecord(self.name, None, "OpenAlex page has no results list")])
                return
            records = [work_to_record(w, self.name) for w in results]
            seen += len(records)
            next_cursor = _get(doc, "meta", "next_cursor")
            if not results or not isinstance(next_cursor, str) or (max_results is not None and seen >= max_results):
                next_cursor = None
            yield OpenAlexPage(current, next_cursor, records)
            if next_cursor is None:
                return
            current = next_cursor

    def records(self, **query: Any) -> Iterator[Item]:
        """All records of `pages(**query)`, flattened."""
        for page in self.pages(**query):
            yield from page.records

    def works(self, ids: Sequence[str]) -> Iterator[Item]:
        """Single works by id ('W2741809807', an OpenAlex URL, or 'doi:10.7717/peerj.4375')."""
        for ident in ids:
            key = canonical_openalex_id(ident) or ident.strip()
            doc, error = self._get_json(f"{self.base_url}/works/{key}", {})
            yield BadRecord(self.name, key, f"OpenAlex work {key}: {error}") if error else work_to_record(doc, self.name)
