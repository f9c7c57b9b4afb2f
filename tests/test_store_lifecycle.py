"""`peergraph db start|stop|status` on a store of its own (the session's store stays untouched)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def peergraph(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PEERGRAPH_")}
    environ.update(PEERGRAPH_HOME=str(home), **env)
    return subprocess.run(
        [sys.executable, "-m", "peergraph", *args], env=environ, capture_output=True, text=True, timeout=120
    )


def test_start_reuse_status_stop(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = peergraph(home, "db", "start")
    assert first.returncode == 0, first.stderr
    assert "embedded store started: bolt://127.0.0.1:" in first.stdout
    try:
        again = peergraph(home, "db", "start")
        assert "already running" in again.stdout
        assert again.stdout.split(": ", 1)[1].split(" ")[0] == first.stdout.split(": ", 1)[1].split(" ")[0]

        password = home / "root.password"
        assert stat.S_IMODE(password.stat().st_mode) == 0o600
        assert password.read_text() not in (home / "server.log").read_text()

        status = peergraph(home, "db", "status", "--json")
        assert status.returncode == 0, status.stderr
        data = json.loads(status.stdout)
        assert data["running"] is True and data["uri"].startswith("bolt://127.0.0.1:")
        assert data["nodes"] == 0 and data["relationships"] == 0 and data["data_bytes"] > 0
    finally:
        stopped = peergraph(home, "db", "stop")
    assert "stopped embedded store" in stopped.stdout
    after = peergraph(home, "db", "status")
    assert after.returncode == 3 and "running        False" in after.stdout


def test_stale_pid_file_is_replaced(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    # A pid that cannot be alive: the server that wrote it is long gone.
    (home / "server.json").write_text(json.dumps({"pid": 2**22 + 12345, "bolt_port": 1, "http_port": 2, "started_at": 0}))
    result = peergraph(home, "db", "start")
    try:
        assert result.returncode == 0, result.stderr
        assert "embedded store started" in result.stdout
    finally:
        peergraph(home, "db", "stop")


def test_unusable_data_directory_is_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = peergraph(blocker / "home", "db", "start")
    assert result.returncode == 1
    assert result.stderr.startswith("error: the data directory") and "PEERGRAPH_HOME" in result.stderr
    assert "Traceback" not in result.stderr


def test_port_in_use_is_reported(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = peergraph(tmp_path / "home", "db", "start", PEERGRAPH_BOLT_PORT=str(port))
    assert result.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr


def test_java_process_death_points_at_its_log(tmp_path: Path) -> None:
    result = peergraph(tmp_path / "home", "db", "start", PEERGRAPH_HEAP="not-a-size")
    assert result.returncode == 1
    assert "Java process exited" in result.stderr and "server.log" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["stats"], ["db", "migrate"]])
def test_unreachable_neo4j_names_the_uri(tmp_path: Path, command: list[str]) -> None:
    result = peergraph(tmp_path, *command, PEERGRAPH_NEO4J_URI="bolt://127.0.0.1:9")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "error: cannot reach the graph store at bolt://127.0.0.1:9; is it running? (ServiceUnavailable)"
    )


def test_bad_uri_scheme_is_refused(tmp_path: Path) -> None:
    result = peergraph(tmp_path, "stats", PEERGRAPH_NEO4J_URI="http://localhost:7474")
    assert result.returncode == 1 and "is not a Bolt URI" in result.stderr
