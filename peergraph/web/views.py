"""Pure shaping of GraphQL data and query strings into what the templates show (no I/O)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Order, names and look of node types, shared with static/js/graph-style.js (keep the two in step).
NODE_TYPES = ("AUTHOR", "PAPER", "TOPIC", "INSTITUTION", "VENUE")
TYPE_NAMES = {
    "AUTHOR": ("Person", "People"),
    "PAPER": ("Paper", "Papers"),
    "TOPIC": ("Topic", "Topics"),
    "INSTITUTION": ("Institution", "Institutions"),
    "VENUE": ("Venue", "Venues"),
}
AFFILIATION_STATUS = {
    "not_imported": "Affiliation not imported",
    "inferred": "Affiliation inferred from papers",
    "asserted": "Affiliation asserted by a source",
    "verified": "Affiliation verified",
}
YEAR_FLOOR = 1900
MAX_QUERY_LENGTH = 200


class BadParameter(ValueError):
    """A query-string value a person typed or edited that cannot be used."""


def node_type(value: Any) -> str:
    """GraphQL enum values may arrive as "PAPER" or "Paper"; the pages use the upper-case name."""
    return str(value or "").upper()


def type_name(value: Any, plural: bool = False) -> str:
    names = TYPE_NAMES.get(node_type(value))
    if names is None:
        return str(value).title()
    return names[1] if plural else names[0]


def affiliation_text(affiliation: str | None, status: str | None) -> str:
    if affiliation:
        return affiliation
    key = "_".join((status or "").lower().replace("-", " ").split())
    return AFFILIATION_STATUS.get(key, "Affiliation not imported")


def number(value: Any) -> str:
    """Points as people write them: 3.4, and 5 rather than 5.0."""
    if value is None:
        return ""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded.is_integer() else str(rounded)


def band_class(band: str | None) -> str:
    """A CSS modifier for the trust band, from a fixed set so no data reaches a class attribute."""
    return {"emerging": "emerging", "developing": "developing", "established": "established", "trusted": "trusted"}.get(
        (band or "").lower(), "unknown"
    )


@dataclass
class TypeGroup:
    type: str
    title: str
    nodes: list[dict[str, Any]] = field(default_factory=list)
    left_out: int = 0


def group_slice(slice_: Mapping[str, Any] | None, center: str | None = None) -> list[TypeGroup]:
    """A graph slice as lists per node type (the no-JavaScript view of the graph), heaviest first."""
    groups = {t: TypeGroup(t, type_name(t, plural=True)) for t in NODE_TYPES}
    if not slice_:
        return []
    for node in slice_.get("nodes") or []:
        if node.get("id") == center:
            continue
        t = node_type(node.get("type"))
        groups.setdefault(t, TypeGroup(t, type_name(t, plural=True))).nodes.append(node)
    for item in slice_.get("truncated") or []:
        t = node_type(item.get("type"))
        groups.setdefault(t, TypeGroup(t, type_name(t, plural=True))).left_out += int(item.get("count") or 0)
    for group in groups.values():
        group.nodes.sort(key=lambda n: (-(n.get("weight") or 0), str(n.get("label") or "")))
    return [g for g in groups.values() if g.nodes or g.left_out]


def parse_year(raw: str | None, name: str) -> int | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        year = int(raw)
    except ValueError as exc:
        raise BadParameter(f"{name} must be a year such as 2020, not {raw[:20]!r}") from exc
    if not YEAR_FLOOR <= year <= dt.date.today().year + 1:
        raise BadParameter(f"{name} must be a year between {YEAR_FLOOR} and {dt.date.today().year + 1}")
    return year


def parse_types(raw: str | None) -> list[str]:
    """`types=AUTHOR,TOPIC` as a list of known type names; unknown names are a clear error."""
    if not raw:
        return []
    types = [t.strip().upper() for t in raw.split(",") if t.strip()]
    unknown = [t for t in types if t not in NODE_TYPES]
    if unknown:
        raise BadParameter(f"unknown node type {unknown[0][:20]!r}; use {', '.join(NODE_TYPES)}")
    return types


def parse_query(raw: str | None) -> str:
    text = " ".join((raw or "").split())
    if len(text) > MAX_QUERY_LENGTH:
        raise BadParameter(f"the search text is longer than {MAX_QUERY_LENGTH} characters")
    return text


def search_hits(data: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """Search edges as flat hits: id, type, label, year, score."""
    hits = []
    for edge in ((data or {}).get("search") or {}).get("edges") or []:
        node = edge.get("node") or {}
        hits.append(
            {
                "id": node.get("id"),
                "type": node_type(node.get("__typename")),
                "label": node.get("name") or node.get("title") or node.get("label") or node.get("id"),
                "year": node.get("year"),
                "score": edge.get("score"),
            }
        )
    return [h for h in hits if h["id"]]
