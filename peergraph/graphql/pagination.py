"""Cursor pagination: opaque cursors over a stable order, and the cap on `first`."""

from __future__ import annotations

import base64
import binascii

from peergraph.errors import BadInput

MAX_FIRST = 100
DEFAULT_FIRST = 20


def cursor_for(offset: int) -> str:
    return base64.urlsafe_b64encode(f"pg:{offset}".encode()).decode()


def offset_of(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith("pg:"):
            raise ValueError(text)
        return int(text[3:])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BadInput(f"after={cursor!r} is not a cursor from this API; pass an edge's cursor") from None


def window(first: int | None, after: str | None, default: int = DEFAULT_FIRST) -> tuple[int, int]:
    """(skip, limit) for `first`/`after`; `first` must be 0..MAX_FIRST."""
    limit = default if first is None else first
    if limit < 0 or limit > MAX_FIRST:
        raise BadInput(f"first must be between 0 and {MAX_FIRST} (got {limit}); page with `after`")
    skip = offset_of(after) + 1 if after else 0
    return skip, limit
