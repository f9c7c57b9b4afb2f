"""Sources: everything that turns outside input into `PaperRecord | BadRecord` items.

Every entry point yields `PaperRecord | BadRecord` and never raises on bad input (network failure after
retries raises `SourceUnavailable`, so a resumable caller keeps its last checkpoint):

- `read_pages(paths)`: listing/profile page text files in the five seed formats (see `pages`).
- `ArxivSource(delay=3.0, page_size=100, base_url=...)`: `.pages(search_query=, id_list=, author=, start=,
  max_results=)` yields `ArxivPage(page_start, next_start, records)`; `.records(...)` flattens.
"""

from peergraph.ingest.sources.arxiv import ArxivPage, ArxivSource, parse_atom
from peergraph.ingest.sources.http import HttpClient, SourceUnavailable
from peergraph.ingest.sources.pages import detect_format, parse_page, read_pages

__all__ = [
    "ArxivPage",
    "ArxivSource",
    "HttpClient",
    "SourceUnavailable",
    "detect_format",
    "parse_atom",
    "parse_page",
    "read_pages",
]
