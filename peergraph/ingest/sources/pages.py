"""The `pages` source: text captured from listing and profile pages, in five recognized formats.

`detect_format(text)` names the format; `parse_page(text, name)` parses all of it; `read_pages(paths)`
reads files. Formats (examples in tests/fixtures/seeds/):

- "profile" (000): a researcher profile with a "Published work" list. Each work is a block: a line such
  as "preprint2022arXiv" (type, year, venue), the title, the abstract. Every listed work is by the
  profile's researcher, but the page does not say at which author position, so each record's `authors`
  is just that researcher (`AuthorRef(raw="Xiaodan Song")`) and `extra` carries
  `{"profile_author": "Xiaodan Song", "author_position_known": False}`: the author list is incomplete.
- "abstract_list" (001): lines "Abstract:<text>"; records are abstract-only (no title, no id).
- "arxiv_listing" (002): abstract, optional comment line(s), "arXiv:<id>", "Created: <YYYY-MM-DD>".
- "hf_daily" (003): Hugging Face daily papers: title, abstract, "• N authors" (-> `author_count`), "·",
  a date such as "Mar 19, 2022" (-> ISO `date`) or, for the current year, "Oct 14" (no `date`/`year`;
  the text is kept in `extra["date_text"]`); a trailing number is the upvote count (`extra["upvotes"]`).
- "abstract_comment_id" (004): each abstract is followed by optional comment line(s) and then
  "arXiv:<id>" (optionally " - doi: <doi>"); the next abstract starts right after the id on the same line.

Comments such as "Accepted to CVPR2022" stay in `comment` (venue extraction is the matcher's job).
Every record has `type` "preprint" when it carries an arXiv id or the page says so, `extra["page_format"]`,
and provenance source "pages" with record id "<file stem>#<arXiv id>" when the entry names an arXiv id,
else "<file stem>#<n>" (n counts entries from 1); the payload is the entry's text block.
Bad input never raises: an unrecognized file, undecodable bytes or an absurd field size become
BadRecords; the other entries of the same file still come out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from peergraph.ingest.normalize import (
    MAX_ABSTRACT,
    MAX_SHORT,
    MAX_TITLE,
    FieldTooLarge,
    canonical_arxiv_id,
    canonical_doi,
    clean_bounded,
    make_author,
    paper_type,
    parse_date,
    parse_year,
)
from peergraph.ingest.records import BadRecord, PaperRecord, make_provenance

SOURCE = "pages"
MAX_PAGE_BYTES = 50_000_000
FORMATS = ("profile", "abstract_list", "arxiv_listing", "hf_daily", "abstract_comment_id")

Item = PaperRecord | BadRecord

_ARXIV_ID = r"(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
_WORK_LINE = re.compile(
    # the year is required: titles may start with these words ("Other-play for ...", "Preprints ...")
    r"^(preprint|journal|conference|article|proceedings|book|chapter|thesis|dataset|other)((?:19|20)\d\d)(.{0,200})$"
)
_CREATED = re.compile(r"^Created:\s*(\d{4}-\d{2}-\d{2})\s*$")
_ARXIV_LINE = re.compile(rf"^arXiv:({_ARXIV_ID})\s*$")
_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8 (decoded with surrogateescape)
_HF_AUTHORS = re.compile(r"^\s*[•·*-]\s*(\d+)\s+authors?\s*$")
_HF_DATE = re.compile(r"^([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?(?:\s+(\d+))?\s*$")
# The doi runs until the glued next abstract, which starts with a capitalized word.
_GLUED_MARKER = re.compile(rf"arXiv:({_ARXIV_ID})(?: - doi: (10\.\d{{4,9}}/\S+?)(?=[A-Z][a-z]|\s|$))?")


def detect_format(text: str) -> str | None:
    """Which of FORMATS a page's text is in, or None."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return None
    if lines[0] == "Researcher profile" or (
        "Published work" in lines and any(_WORK_LINE.match(ln) for ln in lines)
    ):
        return "profile"
    if all(ln.startswith("Abstract:") for ln in lines):
        return "abstract_list"
    if any(_CREATED.match(ln) for ln in lines) and any(_ARXIV_LINE.match(ln) for ln in lines):
        return "arxiv_listing"
    if any(_HF_AUTHORS.match(ln) for ln in lines):
        return "hf_daily"
    if _GLUED_MARKER.search(text):
        return "abstract_comment_id"
    return None


class _Builder:
    """Turns the fields of one page entry into a PaperRecord or a BadRecord."""

    def __init__(self, stem: str, fmt: str) -> None:
        self.stem = stem
        self.fmt = fmt
        self.count = 0

    def build(self, block: str, **fields: Any) -> Item:
        self.count += 1
        arxiv = canonical_arxiv_id(fields.pop("arxiv", None))
        record_id = f"{self.stem}#{arxiv[0]}" if arxiv else f"{self.stem}#{self.count}"
        if _UNDECODED.search(block):
            return BadRecord(SOURCE, record_id, "entry is not valid UTF-8 text (wrong file encoding?)")
        try:
            title = clean_bounded("title", fields.pop("title", None), MAX_TITLE)
            abstract = clean_bounded("abstract", fields.pop("abstract", None), MAX_ABSTRACT)
            comment = clean_bounded("comment", fields.pop("comment", None), MAX_SHORT)
            venue = clean_bounded("venue", fields.pop("venue", None), MAX_SHORT)
            profile_author = fields.pop("profile_author", None)
            authors = (make_author(profile_author),) if profile_author else ()
        except FieldTooLarge as err:
            return BadRecord(SOURCE, record_id, str(err))
        extra: dict[str, Any] = {"page_format": self.fmt, **fields.pop("extra", {})}
        if profile_author:
            extra.update(profile_author=profile_author, author_position_known=False)
        record = PaperRecord(
            provenance=make_provenance(SOURCE, record_id, block),
            title=title,
            abstract=abstract,
            authors=authors,
            comment=comment,
            venue=venue,
            arxiv_id=arxiv[0] if arxiv else None,
            arxiv_version=arxiv[1] if arxiv else None,
            type=fields.pop("type", None) or ("preprint" if arxiv else "other"),
            extra=extra,
            **fields,
        )
        if not record.usable:
            return BadRecord(SOURCE, record_id, "entry has no title, abstract or identifier")
        return record


def _paragraphs(lines: list[str]) -> list[str]:
    return [ln.strip() for ln in lines if ln.strip()]


def _parse_profile(text: str, b: _Builder) -> Iterator[Item]:
    lines = text.splitlines()
    stripped = [ln.strip() for ln in lines]
    content = _paragraphs(lines)
    name = content[1] if len(content) > 1 and content[0] == "Researcher profile" else None
    start = stripped.index("Published work") if "Published work" in stripped else 0
    heads = [i for i in range(start, len(stripped)) if _WORK_LINE.match(stripped[i])]
    for n, head in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        body = _paragraphs(lines[head + 1 : end])
        m = _WORK_LINE.match(stripped[head])
        assert m is not None  # heads were selected by this pattern
        yield b.build(
            "\n".join(lines[head:end]).strip(),
            title=body[0] if body else None,
            abstract=" ".join(body[1:]) or None,
            type=paper_type(m.group(1)),
            year=parse_year(m.group(2)),
            venue=m.group(3).strip() or None,
            profile_author=name,
        )


def _parse_abstract_list(text: str, b: _Builder) -> Iterator[Item]:
    for line in _paragraphs(text.splitlines()):
        yield b.build(line, abstract=line.removeprefix("Abstract:"))


def _split_before_id(body: list[str]) -> tuple[str | None, str | None]:
    """(abstract, comment) of an entry's lines before its arXiv id: the first line is the abstract."""
    if not body:
        return None, None
    return body[0], "; ".join(body[1:]) or None


def _parse_arxiv_listing(text: str, b: _Builder) -> Iterator[Item]:
    lines = text.splitlines()
    begin = 0
    for i, line in enumerate(lines):
        created = _CREATED.match(line.strip())
        if not created:
            continue
        body = _paragraphs(lines[begin:i])
        arxiv = next((m.group(1) for ln in body if (m := _ARXIV_LINE.match(ln))), None)
        abstract, comment = _split_before_id([ln for ln in body if not _ARXIV_LINE.match(ln)])
        date, year = parse_date(created.group(1))
        yield b.build("\n".join(lines[begin : i + 1]).strip(), abstract=abstract, comment=comment,
                      arxiv=arxiv, date=date, year=year)
        begin = i + 1
    if _paragraphs(lines[begin:]):
        body = _paragraphs(lines[begin:])
        yield BadRecord(SOURCE, f"{b.stem}#{b.count + 1}", f"trailing text without 'Created:' line: {body[0][:80]!r}")


def _parse_hf_daily(text: str, b: _Builder) -> Iterator[Item]:
    lines = [ln.strip() for ln in text.splitlines()]
    begin = 0
    marks = [i for i, ln in enumerate(lines) if _HF_AUTHORS.match(ln)]
    for i in marks:
        body = _paragraphs(lines[begin:i])
        # the date follows the author count after a "·" line
        j = i + 1
        while j < len(lines) and lines[j] in ("", "·"):
            j += 1
        date_line = lines[j] if j < len(lines) and _HF_DATE.match(lines[j]) else ""
        end = j + 1 if date_line else i + 1
        m = _HF_DATE.match(date_line)
        extra: dict[str, Any] = {}
        date, year = None, None
        if m:
            extra["date_text"] = f"{m.group(1)} {m.group(2)}" + (f", {m.group(3)}" if m.group(3) else "")
            if m.group(3):
                date, year = parse_date(extra["date_text"])
            if m.group(4):
                extra["upvotes"] = int(m.group(4))
        count = _HF_AUTHORS.match(lines[i])
        assert count is not None  # marks were selected by this pattern
        yield b.build(
            "\n".join(lines[begin:end]).strip(),
            title=body[-2] if len(body) >= 2 else (body[-1] if body else None),
            abstract=body[-1] if len(body) >= 2 else None,
            author_count=int(count.group(1)),
            date=date,
            year=year,
            extra=extra,
        )
        begin = end


def _parse_abstract_comment_id(text: str, b: _Builder) -> Iterator[Item]:
    begin = 0
    for m in _GLUED_MARKER.finditer(text):
        abstract, comment = _split_before_id(_paragraphs(text[begin : m.start()].splitlines()))
        yield b.build(text[begin : m.end()].strip(), abstract=abstract, comment=comment,
                      arxiv=m.group(1), doi=canonical_doi(m.group(2)))
        begin = m.end()
    rest = _paragraphs(text[begin:].splitlines())
    if rest:
        abstract, comment = _split_before_id(rest)
        yield b.build(text[begin:].strip(), abstract=abstract, comment=comment)


_PARSERS = {
    "profile": _parse_profile,
    "abstract_list": _parse_abstract_list,
    "arxiv_listing": _parse_arxiv_listing,
    "hf_daily": _parse_hf_daily,
    "abstract_comment_id": _parse_abstract_comment_id,
}


def parse_page(text: str, name: str = "page", fmt: str | None = None) -> Iterator[Item]:
    """All entries of one page's text; `name` (e.g. the file stem) prefixes the record ids."""
    fmt = fmt or detect_format(text)
    if fmt not in _PARSERS:
        yield BadRecord(SOURCE, name, f"unrecognized page format (known: {', '.join(FORMATS)})")
        return
    try:
        yield from _PARSERS[fmt](text, _Builder(name, fmt))
    except Exception as err:  # a parser bug must not lose the rest of the run: report it as a bad record
        yield BadRecord(SOURCE, name, f"could not parse {fmt} page: {type(err).__name__}: {err}")


def read_pages(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every entry of every page file; unreadable files become BadRecords (with the path as id)."""
    for path in paths:
        p = Path(path)
        try:
            if p.stat().st_size > MAX_PAGE_BYTES:
                yield BadRecord(SOURCE, str(p), f"file is larger than {MAX_PAGE_BYTES:,} bytes")
                continue
            data = p.read_bytes()
        except OSError as err:
            yield BadRecord(SOURCE, str(p), f"cannot read file: {err.strerror or err}")
            continue
        # undecodable bytes survive as surrogates so only the entries containing them are rejected
        yield from parse_page(data.decode("utf-8", errors="surrogateescape"), p.stem)
