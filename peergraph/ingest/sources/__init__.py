"""Sources: everything that turns outside input into `PaperRecord | BadRecord` items.

Every entry point yields `PaperRecord | BadRecord` and never raises on bad input. The paged network
sources raise `SourceUnavailable` when the network fails after all retries, so a resumable caller keeps
its last checkpoint and can rerun from it.

- `read_pages(paths)`: listing/profile page text files in the five seed formats (module `pages`).
- `read_file(path, source, column_map=None)`: JSONL/JSON or CSV/TSV in the public contract (`files`).
- `read_feed(url_or_path, source="feed")`: any RSS/Atom feed, arXiv feeds included (`feed`).
- `read_openalex_file(path)`: OpenAlex works from .json/.jsonl (`openalex`).
- `ArxivSource(delay=3.0, page_size=100, base_url=...)`: `.pages(search_query=, id_list=, author=, start=,
  max_results=)` yields `ArxivPage(page_start, next_start, records)`; resume with `start=next_start`.
- `OpenAlexSource(api_key=env, mailto=env, per_page=200, base_url=...)`: `.pages(filter=, search=,
  cursor="*", max_results=)` yields `OpenAlexPage(cursor, next_cursor, records)`; `.works(ids)`.
"""

from peergraph.ingest.sources.arxiv import ArxivPage, ArxivSource, parse_atom
from peergraph.ingest.sources.feed import parse_feed, read_feed
from peergraph.ingest.sources.files import read_csv, read_file, read_jsonl
from peergraph.ingest.sources.http import HttpClient, SourceUnavailable
from peergraph.ingest.sources.openalex import OpenAlexPage, OpenAlexSource, read_openalex_file, work_to_record
from peergraph.ingest.sources.pages import detect_format, parse_page, read_pages

__all__ = [
    "ArxivPage",
    "ArxivSource",
    "HttpClient",
    "OpenAlexPage",
    "OpenAlexSource",
    "SourceUnavailable",
    "detect_format",
    "parse_atom",
    "parse_feed",
    "parse_page",
    "read_csv",
    "read_feed",
    "read_file",
    "read_jsonl",
    "read_openalex_file",
    "read_pages",
    "work_to_record",
]
