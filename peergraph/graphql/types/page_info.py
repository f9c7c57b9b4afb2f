"""Relay-style PageInfo, computed from the window and the total (no extra query)."""

from __future__ import annotations

import strawberry

from peergraph.graphql.pagination import cursor_for


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


def page_info(skip: int, count: int, total: int) -> PageInfo:
    return PageInfo(
        has_next_page=skip + count < total,
        has_previous_page=skip > 0,
        start_cursor=cursor_for(skip) if count else None,
        end_cursor=cursor_for(skip + count - 1) if count else None,
    )
