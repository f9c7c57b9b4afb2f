"""JSONL and CSV files in PeerGraph's public record format.

JSONL (the public contract; `.jsonl`/`.ndjson`, or a `.json` file holding one array of such objects):
one JSON object per line with
  `id` (the record's id in its source), `title`, `abstract`,
  `authors` (a list of names, or of objects `{"name", "orcid", "affiliations": [..]}`),
  `year`, `date` (ISO 8601 or e.g. "Mar 19, 2022"), `venue`, `type` (preprint, journal, conference or a
  Crossref/OpenAlex type word), `doi`, `arxiv_id` (a version suffix is split off), `openalex_id`,
  `keywords` (a list of strings); optional `categories` (list) and `comment`.
Unknown keys are kept: the whole line is the record's raw payload. A line without `id` gets the id
"sha256:<first 16 hex of the line's hash>", stable across reruns.

CSV (`.csv`, `.tsv`): a header row with the same column names; `authors`, `keywords` and `categories`
cells hold several values separated by ";". `column_map` maps a contract field to the file's column,
e.g. `{"title": "Paper Title", "id": "EID"}`; unmapped fields use their own names.

Bad lines become BadRecords naming the line ("line 7: invalid JSON: ..."); the other lines still come
out. Bytes that are not UTF-8 reject only the lines that contain them.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from peergraph.ingest.normalize import (
    MAX_ABSTRACT,
    MAX_AUTHORS,
    MAX_KEYWORDS,
    MAX_SHORT,
    MAX_TITLE,
    FieldTooLarge,
    bounded,
    canonical_arxiv_id,
    canonical_doi,
    canonical_openalex_id,
    clean_bounded,
    clean_text,
    make_author,
    paper_type,
    parse_date,
    parse_year,
)
from peergraph.ingest.records import (
    PAPER_TYPES,
    AuthorRef,
    BadRecord,
    PaperRecord,
    make_provenance,
    payload_hash,
)

Item = PaperRecord | BadRecord

FIELDS = ("id", "title", "abstract", "authors", "year", "date", "venue", "type", "doi", "arxiv_id",
          "openalex_id", "keywords", "categories", "comment")
_LIST_FIELDS = ("authors", "keywords", "categories")
_UNDECODED = re.compile("[\udc80-\udcff]")
_CSV_FIELD_LIMIT = 16 * 1024 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024  # one JSONL line; longer lines are skipped unread
MAX_JSON_BYTES = 200 * 1024 * 1024  # a whole .json document is parsed in memory  # large enough that absurd cells reach `bounded`, which names them


class _Bad(ValueError):
    """A field of a mapping is unusable; the message is the BadRecord's reason."""


def _str(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise _Bad(f"field {key!r} must be a string, not {type(value).__name__}")
    return value


def _list(obj: Mapping[str, Any], key: str) -> list[Any]:
    value = obj.get(key)
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        raise _Bad(f"field {key!r} must be a list, not {type(value).__name__}")
    return value


def _author(value: Any) -> AuthorRef | None:
    if isinstance(value, str):
        return make_author(value) if value.strip() else None
    if not isinstance(value, dict):
        raise _Bad(f"an author must be a name or an object with 'name', not {type(value).__name__}")
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _Bad("an author object has no 'name'")
    affs = value.get("affiliations") or []
    if isinstance(affs, str):
        affs = [affs]
    if not isinstance(affs, list) or not all(isinstance(a, str) for a in affs):
        raise _Bad("an author's 'affiliations' must be a list of strings")
    orcid = value.get("orcid")
    return make_author(name, orcid=orcid if isinstance(orcid, str) else None, affiliations=affs)


def _strings(items: list[Any], key: str) -> tuple[str, ...]:
    if len(items) > MAX_KEYWORDS:
        raise FieldTooLarge(f"{key} has {len(items):,} values (limit {MAX_KEYWORDS:,})")
    out = []
    for item in items:
        if not isinstance(item, str):
            raise _Bad(f"field {key!r} must hold strings")
        text = clean_text(bounded(key, item, MAX_SHORT))
        if text:
            out.append(text)
    return tuple(dict.fromkeys(out))


def mapping_to_record(obj: Any, source: str, payload: Any, where: str) -> Item:
    """One contract object as a PaperRecord, or a BadRecord whose reason starts with `where` ('line 3')."""
    if not isinstance(obj, dict):
        return BadRecord(source, where, f"{where}: expected a JSON object, got {type(obj).__name__}")
    record_id = where
    try:
        given_id = _str(obj, "id")
        record_id = (bounded("id", given_id.strip(), MAX_SHORT) if given_id else None) or (
            f"sha256:{payload_hash(payload)[:16]}"
        )
        raw_authors = _list(obj, "authors")
        if len(raw_authors) > MAX_AUTHORS:
            raise FieldTooLarge(f"{len(raw_authors):,} authors (limit {MAX_AUTHORS:,})")
        authors = tuple(a for a in (_author(v) for v in raw_authors) if a)
        date, date_year = parse_date(_str(obj, "date"))
        year_text = _str(obj, "year")
        year = parse_year(year_text) if year_text else date_year
        if year_text and year is None:
            raise _Bad(f"field 'year' is not a year: {year_text[:40]!r}")
        arxiv = canonical_arxiv_id(_str(obj, "arxiv_id"))
        kind = (_str(obj, "type") or "").strip().lower()
        record = PaperRecord(
            provenance=make_provenance(source, record_id, payload),
            title=clean_bounded("title", _str(obj, "title"), MAX_TITLE),
            abstract=clean_bounded("abstract", _str(obj, "abstract"), MAX_ABSTRACT),
            authors=authors,
            year=year,
            date=date,
            venue=clean_bounded("venue", _str(obj, "venue"), MAX_SHORT),
            type=kind if kind in PAPER_TYPES else paper_type(kind),
            doi=canonical_doi(_str(obj, "doi")),
            arxiv_id=arxiv[0] if arxiv else None,
            arxiv_version=arxiv[1] if arxiv else None,
            openalex_id=canonical_openalex_id(_str(obj, "openalex_id")),
            keywords=_strings(_list(obj, "keywords"), "keywords"),
            categories=_strings(_list(obj, "categories"), "categories"),
            comment=clean_bounded("comment", _str(obj, "comment"), MAX_SHORT),
        )
    except (_Bad, FieldTooLarge) as err:
        return BadRecord(source, record_id, f"{where}: {err}")
    if not record.usable:
        return BadRecord(source, record_id, f"{where}: no title, abstract or identifier")
    return record


def iter_lines(path: Path, max_line: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes without the line break) of a file, streamed; None for a line over `max_line`
    bytes, which is skipped without being held in memory. Raises OSError when the file cannot be opened."""
    with path.open("rb") as fh:
        n = 0
        while True:
            raw = fh.readline(max_line + 1)
            if not raw:
                return
            n += 1
            if len(raw) > max_line and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the overlong line
                    raw = fh.readline(1 << 20)
                yield n, None
                continue
            yield n, raw.rstrip(b"\r\n")


def json_lines(p: Path, source: str, convert: Callable[[Any, str, str], Item]) -> Iterator[Item]:
    """Each non-empty line of a JSON-lines file through `convert(obj, line_text, where)`."""
    try:
        for n, raw in iter_lines(p):
            if raw is None:
                yield BadRecord(source, f"line {n}", f"line {n}: longer than {MAX_LINE_BYTES:,} bytes")
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8").removeprefix("\ufeff")
            except UnicodeDecodeError as err:
                yield BadRecord(source, f"line {n}", f"line {n}: not UTF-8 ({err.reason} at byte {err.start})")
                continue
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError) as err:
                yield BadRecord(source, f"line {n}", f"line {n}: invalid JSON: {str(err)[:200]}")
                continue
            yield convert(obj, line, f"line {n}")
    except OSError as err:
        yield BadRecord(source, str(p), f"cannot read {p}: {err.strerror or err}")


def whole_json(p: Path, source: str) -> tuple[Any, BadRecord | None]:
    """A .json file parsed as one document: (document, None), (None, None) when it is not one, or an error."""
    try:
        if p.stat().st_size > MAX_JSON_BYTES:
            return None, BadRecord(source, str(p), f"{p.name} is larger than {MAX_JSON_BYTES:,} bytes; use JSONL")
        data = p.read_bytes()
    except OSError as err:
        return None, BadRecord(source, str(p), f"cannot read {p}: {err.strerror or err}")
    if data.lstrip()[:1] not in (b"[", b"{"):
        return None, None
    try:
        return json.loads(data), None
    except (ValueError, RecursionError):
        return None, None  # not one JSON document: read it line by line, so one bad line loses only itself


def read_jsonl(path: str | Path, source: str) -> Iterator[Item]:
    """Records of a JSONL file, streamed (or of a .json file holding one object or an array of them)."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        whole, error = whole_json(p, source)
        if error:
            yield error
            return
        if isinstance(whole, list | dict):
            items = whole if isinstance(whole, list) else [whole]
            for n, obj in enumerate(items, 1):
                yield mapping_to_record(obj, source, obj, f"item {n}")
            return
    yield from json_lines(p, source, lambda obj, line, where: mapping_to_record(obj, source, line, where))


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def read_csv(path: str | Path, source: str, column_map: Mapping[str, str] | None = None) -> Iterator[Item]:
    """Records of a CSV/TSV file with the contract's column names (or `column_map` field -> column)."""
    p = Path(path)
    unknown = set(column_map or {}) - set(FIELDS)
    if unknown:
        yield BadRecord(source, str(p), f"column map names unknown fields {sorted(unknown)}; known: {FIELDS}")
        return
    columns = {field: (column_map or {}).get(field, field) for field in FIELDS}
    try:
        # streamed; undecodable bytes survive as surrogates so only their rows are rejected
        fh = p.open(encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as err:
        yield BadRecord(source, str(p), f"cannot read {p}: {err.strerror or err}")
        return
    with fh:
        yield from _csv_rows(fh, p, source, columns)


def _csv_rows(fh: IO[str], p: Path, source: str, columns: Mapping[str, str]) -> Iterator[Item]:
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    reader = csv.DictReader(fh, delimiter="\t" if p.suffix.lower() == ".tsv" else ",")
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as err:
            yield BadRecord(source, f"line {reader.line_num}", f"line {reader.line_num}: bad CSV: {err}")
            continue
        where = f"line {reader.line_num}"
        if any(_UNDECODED.search(v) for v in row.values() if isinstance(v, str)):
            yield BadRecord(source, where, f"{where}: not UTF-8 (wrong file encoding?)")
            continue
        obj: dict[str, Any] = {f: row.get(c) for f, c in columns.items() if row.get(c) not in (None, "")}
        for field in _LIST_FIELDS:
            if field in obj:
                obj[field] = _split(obj[field])
        payload = {k: v for k, v in row.items() if k is not None}
        yield mapping_to_record(obj, source, payload, where)


def read_file(path: str | Path, source: str, column_map: Mapping[str, str] | None = None) -> Iterator[Item]:
    """Records of a JSONL/JSON or CSV/TSV file, chosen by extension (anything else is read as JSONL)."""
    if Path(path).suffix.lower() in (".csv", ".tsv"):
        return read_csv(path, source, column_map)
    return read_jsonl(path, source)
