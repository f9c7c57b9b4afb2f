"""The headers of `.cypher` files: what a query is for, which parameters it takes, what it returns.

The convention (documented in cypher/README.md) is a block of `//` lines at the top of each file:

    // Purpose: An author's collaborators, strongest first.
    // Parameters:
    //   $author_uid (string, required): the author's uid.
    //   $limit (int, default 25): at most this many rows.
    // Returns: uid (string), name (string), weight (float).
    // Mode: read

`parse` reads it, `problems` compares the declared parameters with the ones the query text uses
(through the tokenizer, so `'$x'` in a string is not a use), and `bind` turns user-supplied values
(strings from the command line, JSON values from GraphQL) into typed parameters, defaults filled in.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peergraph.analysis.lexer import parameters
from peergraph.cypher_files import cypher_root, load
from peergraph.errors import BadInput, NotFound

ANALYSIS = "analysis"
MODES = ("read", "write", "schema")

_KEY = re.compile(r"^(purpose|parameters|params|returns|mode)\s*:\s*(.*)$", re.IGNORECASE)
_PARAM = re.compile(r"\$(\w+)\s*\(([^)]*)\)")
_COLUMN = re.compile(r"(?:^|,)\s*(\w+)\s*\(")
_TRAILING_MODE = re.compile(r"(?:^|[.\s])(read|write)\.\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    default: Any = None
    description: str = ""

    def describe(self) -> str:
        how = "required" if self.required else f"default {json.dumps(self.default)}"
        return f"${self.name} ({self.type}, {how})" + (f": {self.description}" if self.description else "")


@dataclass(frozen=True)
class SavedQuery:
    name: str  # "area/stem", e.g. "analysis/collaborators"
    purpose: str
    params: tuple[Param, ...]
    returns: str
    columns: tuple[str, ...]
    mode: str | None
    text: str  # the whole file, header included (comments are harmless to the server)

    @property
    def short_name(self) -> str:
        return self.name.split("/", 1)[1] if self.name.startswith(ANALYSIS + "/") else self.name

    @property
    def used(self) -> set[str]:
        return parameters(self.text)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.short_name,
            "purpose": self.purpose,
            "params": [
                {"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                 "description": p.description}
                for p in self.params
            ],
            "returns": self.returns,
            "mode": self.mode,
        }


def _split_top(text: str) -> list[str]:
    """Split on commas outside <...>, [...] and {...} (types like map<string,int>, defaults like [1, 2])."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "<[{":
            depth += 1
        elif ch in ">]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def _literal(text: str) -> Any:
    text = text.strip()
    try:
        return json.loads(text)
    except ValueError:
        return text.strip("'")


def _param(name: str, spec: str, description: str, where: str) -> Param:
    parts = _split_top(spec)
    if not parts:
        raise BadInput(f"{where}: parameter ${name} has no type; write ${name} (string, required)")
    required, default = True, None
    for extra in parts[1:]:
        word = extra.split(None, 1)
        if word[0].lower() == "required":
            required = True
        elif word[0].lower() == "optional":
            required = False
        elif word[0].lower() == "default":
            required, default = False, _literal(word[1] if len(word) > 1 else "null")
        else:
            raise BadInput(f"{where}: parameter ${name}: expected 'required' or 'default VALUE', got {extra!r}")
    return Param(name, parts[0], required, default, description.strip())


def _parse_params(lines: list[str], where: str) -> tuple[Param, ...]:
    params: list[Param] = []
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.lower().rstrip(".") == "none":
            continue
        if not stripped.startswith("$"):
            if not params:
                raise BadInput(f"{where}: parameter lines start with $name (type, ...); got {stripped!r}")
            last = params[-1]
            params[-1] = Param(last.name, last.type, last.required, last.default, f"{last.description} {stripped}".strip())
            continue
        pos, found = 0, []
        while True:
            m = _PARAM.match(stripped, pos)
            if m is None:
                break
            found.append(m)
            pos = m.end()
            sep = re.match(r"\s*,\s*(?=\$)", stripped[pos:])
            if sep is None:
                break
            pos += sep.end()
        if not found:
            raise BadInput(f"{where}: cannot read the parameter in {stripped!r}; write $name (type, required)")
        rest = stripped[pos:].strip()
        description = rest[1:] if rest.startswith(":") else rest
        params += [_param(m.group(1), m.group(2), description, where) for m in found]
    names = [p.name for p in params]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise BadInput(f"{where}: parameter declared twice: {', '.join(sorted(dupes))}")
    return tuple(params)


def header_lines(text: str) -> list[str]:
    """The leading `//` comment lines, without the `//`."""
    out = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("//"):
            out.append(s[2:].removeprefix(" ").rstrip())
        elif s:
            break
    return out


def parse(name: str, text: str) -> SavedQuery:
    """The header of query `name` (e.g. "analysis/collaborators"). Raises BadInput naming the file."""
    where = f"cypher/{name}.cypher"
    lines = header_lines(text)
    if not lines:
        raise BadInput(f"{where}: no header; start the file with `// Purpose: ...` (see cypher/README.md)")
    sections: dict[str, list[str]] = {}
    current = "purpose"
    for line in lines:
        m = _KEY.match(line.strip())
        if m:
            current = m.group(1).lower().replace("params", "parameters")
            sections.setdefault(current, []).append(m.group(2))
        else:
            sections.setdefault(current, []).append(line)
    purpose = " ".join(s.strip() for s in sections.get("purpose", []) if s.strip())
    returns = " ".join(s.strip() for s in sections.get("returns", []) if s.strip())
    mode_text = " ".join(sections.get("mode", [])).strip().lower().rstrip(".")
    mode: str | None = mode_text or None
    if mode is None:
        trailing = _TRAILING_MODE.search(returns) or _TRAILING_MODE.search(purpose)
        if trailing:
            mode = trailing.group(1).lower()
            returns = returns[: trailing.start(1)].rstrip(" .") if _TRAILING_MODE.search(returns) else returns
    if mode is not None and mode not in MODES:
        raise BadInput(f"{where}: Mode must be one of {', '.join(MODES)}, not {mode!r}")
    if not purpose:
        raise BadInput(f"{where}: the header says nothing about the query's purpose; add `// Purpose: ...`")
    params = _parse_params(sections.get("parameters", []), where)
    columns = tuple(_COLUMN.findall(returns))
    return SavedQuery(name, purpose, params, returns, columns, mode, text)


def problems(query: SavedQuery) -> list[str]:
    """What is wrong between the header and the text: undeclared or unused parameters."""
    declared = {p.name for p in query.params}
    used = query.used
    out = []
    for name in sorted(used - declared):
        out.append(f"cypher/{query.name}.cypher uses ${name} but does not declare it in its header")
    for name in sorted(declared - used):
        out.append(f"cypher/{query.name}.cypher declares ${name} but does not use it")
    return out


def all_names(root: Path | None = None) -> list[str]:
    """Every query file under cypher/ as "area/stem" (or "stem" at the top level), sorted."""
    root = root or cypher_root()
    return sorted(str(p.relative_to(root).with_suffix("")) for p in root.rglob("*.cypher"))


def load_query(name: str) -> SavedQuery:
    return parse(name, load(name))


def analysis_queries() -> list[SavedQuery]:
    return [load_query(n) for n in all_names() if n.startswith(ANALYSIS + "/")]


def get(name: str) -> SavedQuery:
    """An analysis query by name ("collaborators" or "analysis/collaborators")."""
    short = name.removeprefix(ANALYSIS + "/")
    names = [n.removeprefix(ANALYSIS + "/") for n in all_names() if n.startswith(ANALYSIS + "/")]
    if short not in names:
        close = difflib.get_close_matches(short, names, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `peergraph cypher list` shows them all"
        raise NotFound(f"no saved analysis query named {name!r}{hint}")
    return load_query(f"{ANALYSIS}/{short}")


def _coerce(param: Param, value: Any) -> Any:
    """`value` (a string from the command line, or a JSON value) as the declared type."""
    kind = param.type.lower().replace(" ", "")
    if value is None:
        return None
    try:
        if kind in ("string", "str"):
            return value if isinstance(value, str) else json.dumps(value)
        if kind in ("int", "integer"):
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            return int(value)
        if kind == "float":
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        if kind in ("bool", "boolean"):
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("true", "1", "yes"):
                return True
            if str(value).lower() in ("false", "0", "no"):
                return False
            raise ValueError
        if kind.startswith("list"):
            items = value
            if isinstance(value, str):
                items = json.loads(value) if value.strip().startswith("[") else [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(items, list):
                raise ValueError
            inner = kind[5:-1] if kind.startswith("list<") and kind.endswith(">") else "any"
            return [_coerce(Param(param.name, inner, True), v) for v in items] if inner != "any" else items
        if kind.startswith("map"):
            data = json.loads(value) if isinstance(value, str) else value
            if not isinstance(data, dict):
                raise ValueError
            return data
        return value
    except (ValueError, TypeError):
        raise BadInput(f"parameter ${param.name} must be a {param.type}, got {value!r}") from None


def bind(query: SavedQuery, given: dict[str, Any]) -> dict[str, Any]:
    """Typed parameters for `query`: `given` checked against the header, defaults filled in."""
    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        declared = ", ".join(p.name for p in query.params) or "none"
        raise BadInput(f"{query.short_name} takes no parameter {', '.join(unknown)} (it takes: {declared})")
    out: dict[str, Any] = {}
    for p in query.params:
        if p.name in given:
            out[p.name] = _coerce(p, given[p.name])
        elif p.required:
            raise BadInput(f"{query.short_name} needs -p {p.name}=<{p.type}>: {p.description or 'required'}")
        else:
            out[p.name] = p.default
    return out


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """`["uid=a1", "limit=5"]` as a dict; the values stay strings until `bind` types them."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise BadInput(f"parameters look like -p key=value, not {pair!r}")
        out[key.strip().lstrip("$")] = value
    return out
