"""Cypher lives in `.cypher` files under `cypher/`, one query per file; this finds and reads them.

In a source checkout the folder is `cypher/` at the project root; in an installed wheel it is
shipped as `peergraph/cypher/` (see `[tool.hatch.build.targets.wheel.force-include]`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from peergraph.errors import PeerGraphError


@cache
def cypher_root() -> Path:
    packaged = Path(__file__).resolve().parent / "cypher"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "cypher"
    if checkout.is_dir():
        return checkout
    raise PeerGraphError(f"no cypher/ folder found next to {Path(__file__).parent}; reinstall peergraph")


@cache
def load(name: str) -> str:
    """The text of `cypher/<name>.cypher`, e.g. `load("api/neighborhood")`."""
    path = (cypher_root() / f"{name}.cypher").resolve()
    if cypher_root() not in path.parents:
        raise PeerGraphError(f"query name {name!r} points outside cypher/")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PeerGraphError(f"no query named {name!r} (looked for {path})") from None


def strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def statements(name: str) -> list[str]:
    """The `;`-separated statements of a file such as `schema.cypher`, comments removed."""
    return [s.strip() for s in strip_comments(load(name)).split(";") if s.strip()]
