"""The embedded default store: ArcadeDB (from the `arcadedb-embedded` wheel) run as a Bolt server.

The wheel bundles a JRE and the ArcadeDB jars, Bolt plugin included. We start the server as
its own background process (not inside this Python process through JPype) so that the CLI,
the web server and the test session can share one store, and so that `peergraph db stop`
works from any shell. Everything binds to 127.0.0.1.

Layout of PEERGRAPH_HOME:

    arcadedb/            server root (config/, databases/)
    root.password        generated root password (mode 0600)
    reader.password      password of the read-only analysis user (mode 0600)
    server.json          the pid file: pid, ports, started_at
    server.log           everything the Java process prints
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from peergraph.errors import EmbeddedStoreError
from peergraph.store.settings import EMBEDDED_DATABASE, Settings

READER_USER = "peergraph_reader"
READER_GROUP = "peergraph_readonly"
# Server-side budget for the read-only user: the second line of defence behind the runner's own.
READER_RESULT_LIMIT = 100_000
READER_TIMEOUT_MS = 30_000
START_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    bolt_port: int
    http_port: int
    home: Path
    started_at: float

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


def _paths(home: Path) -> dict[str, Path]:
    return {
        "root": home / "arcadedb",
        "pidfile": home / "server.json",
        "log": home / "server.log",
        "root_password": home / "root.password",
        "reader_password": home / "reader.password",
    }


def _secret_file(path: Path) -> str:
    """Read a generated secret, creating it with mode 0600 on first use."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    value = secrets.token_urlsafe(24)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value)
    return value


def root_password(home: Path) -> str:
    return _secret_file(_paths(home)["root_password"])


def reader_password(home: Path) -> str:
    return _secret_file(_paths(home)["reader_password"])


def _runtime() -> tuple[Path, Path]:
    """The bundled `java` binary and the jar folder of the installed wheel."""
    try:
        from arcadedb_embedded import jvm
    except ImportError as exc:  # pragma: no cover - a broken install
        raise EmbeddedStoreError(
            "the arcadedb-embedded package is not installed; run `make run` or `pip install arcadedb-embedded`"
        ) from exc
    jars = Path(jvm.get_jar_path())
    java = Path(jvm.get_bundled_jre_lib_path()).parents[2] / "bin" / "java"
    if not java.exists():
        found = shutil.which("java")
        if not found:
            raise EmbeddedStoreError(f"no Java runtime found (looked for {java}); reinstall arcadedb-embedded")
        java = Path(found)
    return java, jars


def _last_bolt_port(home: Path) -> int | None:
    try:
        port = int((home / "bolt.port").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return None if _port_open(port) else port


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.3)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (our own dead child) still answers kill(0); look at its state.
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def read_pidfile(home: Path) -> ServerInfo | None:
    path = _paths(home)["pidfile"]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ServerInfo(
            pid=int(data["pid"]),
            bolt_port=int(data["bolt_port"]),
            http_port=int(data["http_port"]),
            home=home,
            started_at=float(data["started_at"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def running(home: Path) -> ServerInfo | None:
    """The server recorded in the pid file, if its process is alive; clears a stale pid file."""
    info = read_pidfile(home)
    if info is None:
        return None
    if _alive(info.pid):
        return info
    _paths(home)["pidfile"].unlink(missing_ok=True)
    return None


def _groups_config() -> dict:
    all_access = ["createRecord", "readRecord", "updateRecord", "deleteRecord"]
    return {
        "databases": {
            "*": {
                "groups": {
                    "admin": {
                        "resultSetLimit": -1,
                        "readTimeout": -1,
                        "access": ["updateSecurity", "updateSchema", "updateDatabaseSettings"],
                        "types": {"*": {"access": all_access}},
                    },
                    READER_GROUP: {
                        "resultSetLimit": READER_RESULT_LIMIT,
                        "readTimeout": READER_TIMEOUT_MS,
                        "access": [],
                        "types": {"*": {"access": ["readRecord"]}},
                    },
                    "*": {"resultSetLimit": -1, "readTimeout": -1, "access": [], "types": {"*": {"access": []}}},
                }
            }
        },
        "version": 2,
    }


def _prepare_home(home: Path) -> dict[str, Path]:
    paths = _paths(home)
    try:
        (paths["root"] / "config").mkdir(parents=True, exist_ok=True)
        (paths["root"] / "databases").mkdir(parents=True, exist_ok=True)
        probe = home / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise EmbeddedStoreError(
            f"the data directory {home} is not usable ({exc.strerror or exc}); "
            "set PEERGRAPH_HOME to a writable folder"
        ) from exc
    groups = paths["root"] / "config" / "server-groups.json"
    groups.write_text(json.dumps(_groups_config(), indent=2), encoding="utf-8")
    return paths


def _java_command(settings: Settings, paths: dict[str, Path], bolt: int, http: int) -> list[str]:
    java, jars = _runtime()
    props = {
        "arcadedb.server.rootPath": paths["root"],
        "arcadedb.server.databaseDirectory": paths["root"] / "databases",
        "arcadedb.server.rootPassword": "",  # filled below, never logged
        "arcadedb.server.httpIncomingHost": "127.0.0.1",
        "arcadedb.server.httpIncomingPort": http,
        "arcadedb.server.plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        "arcadedb.bolt.host": "127.0.0.1",
        "arcadedb.bolt.port": bolt,
        "arcadedb.server.defaultDatabases": f"{EMBEDDED_DATABASE}[root]",
        "arcadedb.server.mode": "production",
    }
    args = [str(java), f"-Xmx{settings.heap}", "-Djava.awt.headless=true"]
    for key, value in props.items():
        if key == "arcadedb.server.rootPassword":
            continue
        args.append(f"-D{key}={value}")
    args += ["-cp", f"{jars}/*", "com.arcadedb.server.ArcadeDBServer"]
    return args


def _ensure_reader(info: ServerInfo, home: Path) -> None:
    """Create the read-only analysis user once (server command over the local admin HTTP API)."""
    users = _paths(home)["root"] / "config" / "server-users.jsonl"
    if users.exists() and f'"name":"{READER_USER}"' in users.read_text(encoding="utf-8"):
        return
    user = {"name": READER_USER, "password": reader_password(home), "databases": {EMBEDDED_DATABASE: [READER_GROUP]}}
    resp = httpx.post(
        f"http://127.0.0.1:{info.http_port}/api/v1/server",
        json={"command": "create user " + json.dumps(user)},
        auth=("root", root_password(home)),
        timeout=30,
    )
    if resp.status_code >= 300:
        raise EmbeddedStoreError(f"could not create the read-only user (HTTP {resp.status_code}); see {_paths(home)['log']}")


def _log_since(log: Path, offset: int) -> str:
    try:
        with open(log, "rb") as fh:
            fh.seek(offset)
            return fh.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _wait_ready(proc: subprocess.Popen, info: ServerInfo, log: Path, timeout: float, offset: int) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = _log_since(log, offset)[-600:]
            raise EmbeddedStoreError(
                f"the embedded store's Java process exited with code {proc.returncode} during start-up; "
                f"see its log {log}" + (f"\n{tail.strip()}" if tail else "")
            )
        if _port_open(info.bolt_port) and "Server started" in _log_since(log, offset):
            return
        time.sleep(0.2)
    proc.kill()
    raise EmbeddedStoreError(f"the embedded store did not start within {timeout:.0f}s; see its log {log}")


def start(settings: Settings, timeout: float = START_TIMEOUT_S) -> tuple[ServerInfo, bool]:
    """Start the server for `settings.home`, or reuse the one already running. Returns (info, started)."""
    home = settings.home
    current = running(home)
    if current is not None:
        if _port_open(current.bolt_port):
            return current, False
        # Alive but not listening yet (another process is starting it): wait for it.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(current.pid):
            if _port_open(current.bolt_port):
                return current, False
            time.sleep(0.2)
        raise EmbeddedStoreError(f"a server (pid {current.pid}) owns {home} but does not answer; see {_paths(home)['log']}")
    paths = _prepare_home(home)
    if settings.bolt_port:
        bolt = settings.bolt_port
        if _port_open(bolt):
            raise EmbeddedStoreError(
                f"port {bolt} on 127.0.0.1 is already in use; unset PEERGRAPH_BOLT_PORT to pick a free port"
            )
    else:
        # Reuse the previous port when it is free, so drivers opened before a restart reconnect.
        bolt = _last_bolt_port(home) or _free_port()
    http = _free_port()
    cmd = _java_command(settings, paths, bolt, http)
    env = dict(os.environ)
    # The root password goes through a 0600 @argfile, not the command line, where `ps` would show it.
    argfile = home / ".java-args"
    fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(f'-Darcadedb.server.rootPassword="{root_password(home)}"\n')
    cmd.insert(1, f"@{argfile}")
    offset = paths["log"].stat().st_size if paths["log"].exists() else 0
    with open(paths["log"], "ab") as log:
        proc = subprocess.Popen(
            cmd, cwd=paths["root"], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, env=env,
        )
    info = ServerInfo(pid=proc.pid, bolt_port=bolt, http_port=http, home=home, started_at=time.time())
    (home / "bolt.port").write_text(str(bolt), encoding="utf-8")
    paths["pidfile"].write_text(
        json.dumps({"pid": info.pid, "bolt_port": bolt, "http_port": http, "started_at": info.started_at}),
        encoding="utf-8",
    )
    try:
        _wait_ready(proc, info, paths["log"], timeout, offset)
        _ensure_reader(info, home)
    except BaseException:
        paths["pidfile"].unlink(missing_ok=True)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        raise
    finally:
        argfile.unlink(missing_ok=True)
    return info, True


def stop(home: Path, timeout: float = 30.0) -> ServerInfo | None:
    """Stop the server of this home. Returns what was stopped, or None when nothing ran."""
    info = running(home)
    if info is None:
        return None
    with contextlib.suppress(ProcessLookupError):
        os.killpg(info.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(info.pid):
        time.sleep(0.2)
    if _alive(info.pid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(info.pid, signal.SIGKILL)
    # Reap it if it was our child (tests start and stop in one process).
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(info.pid, os.WNOHANG)
    _paths(home)["pidfile"].unlink(missing_ok=True)
    return info


def data_size(home: Path) -> int:
    root = _paths(home)["root"] / "databases"
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root.exists() else 0


def log_path(home: Path) -> Path:
    return _paths(home)["log"]
