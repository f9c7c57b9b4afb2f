"""The files users deploy with: docker-compose.yml, Dockerfile, Makefile and .ci/run say what the README promises."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_compose_runs_pinned_neo4j_with_healthcheck_volume_and_auth_from_env() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    neo4j = compose["services"]["neo4j"]
    assert re.fullmatch(r"neo4j:5\.\d+\.\d+-community", neo4j["image"])
    assert "healthcheck" in neo4j and neo4j["healthcheck"]["test"]
    assert any(v.startswith("neo4j-data:") for v in neo4j["volumes"]) and "neo4j-data" in compose["volumes"]
    assert "${NEO4J_PASSWORD" in neo4j["environment"]["NEO4J_AUTH"]
    assert all(p.startswith("127.0.0.1:") for p in neo4j["ports"])

    app = compose["services"]["app"]
    assert app["build"] == "." and (ROOT / "Dockerfile").exists()
    assert app["environment"]["PEERGRAPH_NEO4J_URI"] == "bolt://neo4j:7687"
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_ci_runs_make_test_and_readme_shows_both_commands() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_no_top_level_graphql_package_shadows_graphql_core() -> None:
    assert not (ROOT / "graphql").exists()
    import graphql

    assert hasattr(graphql, "specified_rules")
