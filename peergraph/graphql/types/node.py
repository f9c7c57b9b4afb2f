"""The Node interface and the NodeType enum shared by lookups, search and neighborhood."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum
class NodeType(Enum):
    PAPER = "PAPER"
    AUTHOR = "AUTHOR"
    TOPIC = "TOPIC"
    INSTITUTION = "INSTITUTION"
    VENUE = "VENUE"


@strawberry.interface(description="Any research entity; `id` is its stable uid.")
class Node:
    id: strawberry.ID
