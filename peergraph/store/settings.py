"""Every environment setting PeerGraph reads, in one place.

| variable | meaning | default |
|---|---|---|
| PEERGRAPH_NEO4J_URI | Bolt URI of a Neo4j 5 server or cluster (bolt://, neo4j://, +s, +ssc) | unset: embedded store |
| PEERGRAPH_NEO4J_USER | user for that URI | neo4j |
| PEERGRAPH_NEO4J_PASSWORD | password for that URI | (empty) |
| PEERGRAPH_NEO4J_DATABASE | database name | neo4j (Neo4j) / peergraph (embedded) |
| PEERGRAPH_HOME | local state: embedded data, password file, logs | ./.peergraph |
| PEERGRAPH_HEAP | JVM heap cap of the embedded server | 1g |
| PEERGRAPH_BOLT_PORT | Bolt port of the embedded server | a free port |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

VALID_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
EMBEDDED_DATABASE = "peergraph"


@dataclass(frozen=True)
class Settings:
    uri: str | None
    user: str
    password: str = field(repr=False)
    database: str
    home: Path
    heap: str
    bolt_port: int | None

    @property
    def embedded(self) -> bool:
        return self.uri is None

    @property
    def kind(self) -> str:
        return "embedded-arcadedb" if self.embedded else "neo4j"


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Read the settings from the environment (or from `env`, for tests)."""
    env = dict(os.environ if env is None else env)
    uri = (env.get("PEERGRAPH_NEO4J_URI") or "").strip() or None
    if uri is not None:
        scheme = uri.split("://", 1)[0].lower()
        if "://" not in uri or scheme not in VALID_SCHEMES:
            from peergraph.errors import BadInput

            raise BadInput(
                f"PEERGRAPH_NEO4J_URI={uri!r} is not a Bolt URI; use one of "
                + ", ".join(s + "://" for s in VALID_SCHEMES)
            )
    home = Path(env.get("PEERGRAPH_HOME") or "./.peergraph").expanduser().resolve()
    port = env.get("PEERGRAPH_BOLT_PORT")
    return Settings(
        uri=uri,
        user=env.get("PEERGRAPH_NEO4J_USER") or ("neo4j" if uri else "root"),
        password=env.get("PEERGRAPH_NEO4J_PASSWORD") or "",
        database=env.get("PEERGRAPH_NEO4J_DATABASE") or ("neo4j" if uri else EMBEDDED_DATABASE),
        home=home,
        heap=env.get("PEERGRAPH_HEAP") or "1g",
        bolt_port=int(port) if port else None,
    )
