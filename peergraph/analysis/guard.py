"""The first line of defence: refuse a query that writes, or that may run without bound, before it is sent.

`check(text)` raises `QueryRefused` with a message naming what was found and where, or returns the
query's tokens. It works on tokens (see `lexer`), so a keyword inside a string literal, a comment or a
`backtick` name is not a clause: `RETURN 'CREATE' AS word` is a read.

Refused:
- writing clauses: CREATE, MERGE, SET, DELETE, DETACH DELETE, REMOVE, FOREACH, INSERT, LOAD CSV;
- administration: DROP, ALTER, GRANT, DENY, REVOKE, RENAME, TERMINATE, START/STOP DATABASE, ENABLE;
- `CALL { ... } IN TRANSACTIONS` (it commits by itself) and `USE` (the runner pins the database);
- `CALL` of any procedure not on `READ_PROCEDURES`, with a specific message for the writing families
  (apoc.create.*, apoc.merge.*, apoc.refactor.*, apoc.periodic.*, db.create*, dbms.*, ...);
- functions that run Cypher text or reach outside the graph (apoc.cypher.*, apoc.load.*, ...): the guard
  cannot see inside their string argument;
- more than one statement;
- variable-length relationships and quantified path patterns without an upper bound (`*`, `*2..`, `+`,
  `{1,}`) or with a bound above `MAX_PATH_LENGTH`: the number of paths grows exponentially with length.

A word used as a property key (`n.set`), a map key (`{delete: 1}`), a label or type (`:Create`) is not
a clause. A variable named like a clause (`WITH 1 AS remove`) is refused: quote it (`remove`) instead.

The second line of defence is the database itself (see `runner`): a read transaction as a read-only user.
"""

from __future__ import annotations

from collections.abc import Sequence

from peergraph.analysis.lexer import NAME, NUMBER, PUNCT, WORD, Token, tokenize
from peergraph.errors import BadInput

MAX_PATH_LENGTH = 10

WRITE_CLAUSES = {
    "CREATE": "CREATE writes to the graph",
    "MERGE": "MERGE writes to the graph",
    "SET": "SET writes properties or labels",
    "DELETE": "DELETE removes nodes or relationships",
    "DETACH": "DETACH DELETE removes nodes and their relationships",
    "REMOVE": "REMOVE deletes properties or labels",
    "FOREACH": "FOREACH only exists to run writing clauses",
    "INSERT": "INSERT writes to the graph",
    "DROP": "DROP changes the schema or the databases",
    "ALTER": "ALTER changes users, databases or the schema",
    "GRANT": "GRANT changes privileges",
    "DENY": "DENY changes privileges",
    "REVOKE": "REVOKE changes privileges",
    "RENAME": "RENAME changes users, roles or databases",
    "TERMINATE": "TERMINATE stops other transactions",
    "ENABLE": "ENABLE changes the servers",
    "DEALLOCATE": "DEALLOCATE changes the servers",
    "REALLOCATE": "REALLOCATE changes the servers",
    "USE": "USE switches database; the runner always reads the configured one",
}

# Procedures that only read. Anything else after CALL is refused.
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.indexes",
        "db.constraints",
        "db.info",
        "db.ping",
        "apoc.path.subgraphall",
        "apoc.path.subgraphnodes",
        "apoc.path.expand",
        "apoc.path.expandconfig",
        "apoc.path.spanningtree",
        "apoc.meta.schema",
        "apoc.meta.stats",
        "apoc.meta.data",
        "apoc.meta.nodetypeproperties",
        "apoc.meta.reltypeproperties",
        "apoc.neighbors.tohop",
        "apoc.neighbors.byhop",
        "apoc.neighbors.athop",
    }
)

# Named so that the refusal says why; every other unknown procedure is refused as "not on the allow-list".
WRITE_PROCEDURE_PREFIXES = {
    "apoc.create.": "creates nodes, relationships or properties",
    "apoc.merge.": "merges nodes or relationships",
    "apoc.refactor.": "rewrites the graph",
    "apoc.periodic.": "runs Cypher in its own writing transactions",
    "apoc.do.": "runs writing Cypher",
    "apoc.cypher.": "runs Cypher text the guard cannot check",
    "apoc.nodes.": "can delete or change nodes",
    "apoc.atomic.": "changes properties",
    "apoc.lock.": "takes write locks",
    "apoc.schema.": "changes the schema",
    "apoc.trigger.": "installs triggers",
    "apoc.load.": "reads files or URLs outside the graph",
    "apoc.import.": "imports data",
    "apoc.export.": "writes files",
    "apoc.util.": "sleeps or validates (not a read of the graph)",
    "apoc.systemdb.": "reaches the system database",
    "db.create": "creates schema or data",
    "db.index.": "changes or queries indexes outside the read allow-list",
    "db.clearquerycaches": "changes server state",
    "dbms.": "administers the server",
    "gds.": "runs graph algorithms that may write",
}

# Functions the guard refuses: they run Cypher given as a string, or read outside the graph.
FORBIDDEN_FUNCTION_PREFIXES = ("apoc.cypher.", "apoc.load.", "apoc.import.", "apoc.export.", "apoc.trigger.",
                               "apoc.periodic.", "apoc.systemdb.", "dbms.")


class QueryRefused(BadInput):
    """The guard refused a query before running it."""


def _refuse(text: str, token: Token, why: str, *, writes: bool = True) -> QueryRefused:
    line = text.count("\n", 0, token.pos) + 1
    col = token.pos - (text.rfind("\n", 0, token.pos) + 1) + 1
    tail = "; the analysis runner only reads" if writes else ""
    return QueryRefused(f"refused: {why} (line {line}, column {col}){tail}")


def _keyword_position(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word at `i` stands where a clause keyword could: not a property, map key, label or type."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and prev.kind == PUNCT and prev.text in (".", ":", "|", "&", "!"):
        return False
    return not (nxt is not None and nxt.kind == PUNCT and nxt.text == ":" and _in_map(tokens, i))


def _in_map(tokens: Sequence[Token], i: int) -> bool:
    """Whether position `i` is inside `{...}` (a map literal or pattern properties), by brace balance."""
    depth = 0
    for t in reversed(tokens[:i]):
        if t.kind == PUNCT and t.text == "}":
            depth += 1
        elif t.kind == PUNCT and t.text == "{":
            if depth == 0:
                return True
            depth -= 1
    return False


def _dotted_name(tokens: Sequence[Token], i: int) -> tuple[str, int]:
    """The dotted name starting at `i` (`apoc.path.expand`) and the index after it."""
    parts = [tokens[i].text]
    j = i + 1
    while j + 1 < len(tokens) and tokens[j].text == "." and tokens[j].kind == PUNCT and tokens[j + 1].kind in (WORD, NAME):
        parts.append(tokens[j + 1].text)
        j += 2
    return ".".join(parts), j


def _check_procedure(text: str, tokens: Sequence[Token], i: int) -> None:
    name, _ = _dotted_name(tokens, i)
    low = name.lower()
    if low in READ_PROCEDURES:
        return
    for prefix, why in WRITE_PROCEDURE_PREFIXES.items():
        if low.startswith(prefix):
            raise _refuse(text, tokens[i], f"procedure {name} {why}")
    raise _refuse(text, tokens[i], f"procedure {name} is not on the read allow-list (peergraph.analysis.guard.READ_PROCEDURES)")


def _check_function(text: str, tokens: Sequence[Token], i: int) -> None:
    """Refuse a call of a forbidden function (`apoc.cypher.runFirstColumn(...)`), dotted or `quoted`."""
    if i > 0 and (tokens[i - 1].is_word("CALL") or tokens[i - 1].text == "."):
        return
    name, after = _dotted_name(tokens, i)
    if "." in name and after < len(tokens) and tokens[after].text == "(":
        if name.lower().startswith(FORBIDDEN_FUNCTION_PREFIXES):
            raise _refuse(text, tokens[i], f"function {name} runs Cypher text or reads outside the graph")


def _bound(text: str, tok: Token, lo: Token | None, hi: Token | None, ranged: bool, what: str) -> None:
    """Refuse an unbounded or too long repetition; `ranged` says whether `..` or `,` was present."""
    for t in (lo, hi):
        if t is not None and not t.text.isdigit():
            raise _refuse(text, tok, f"{what} has a non-integer bound {t.text}", writes=False)
    if ranged and hi is None or not ranged and lo is None:
        raise _refuse(
            text, tok,
            f"{what} has no upper bound; give it one of at most {MAX_PATH_LENGTH} (e.g. *1..4 or {{1,4}})",
            writes=False,
        )
    top = int((hi or lo).text)  # type: ignore[union-attr]
    if top > MAX_PATH_LENGTH:
        raise _refuse(text, tok, f"{what} allows {top} hops; the most the runner allows is {MAX_PATH_LENGTH}",
                      writes=False)


def _num(tokens: Sequence[Token], j: int) -> Token | None:
    return tokens[j] if j < len(tokens) and tokens[j].kind == NUMBER else None


def _check_star(text: str, tokens: Sequence[Token], i: int) -> None:
    """`*` inside a relationship pattern: `*`, `*n`, `*lo..`, `*..hi`, `*lo..hi`."""
    j = i + 1
    lo = _num(tokens, j)
    j += lo is not None
    ranged = j < len(tokens) and tokens[j].text == ".."
    hi = _num(tokens, j + 1) if ranged else None
    _bound(text, tokens[i], lo, hi, ranged, "variable-length relationship")


def _quantifier_braces(tokens: Sequence[Token], i: int) -> tuple[Token | None, Token | None, bool] | None:
    """`{n}`, `{m,n}`, `{m,}`, `{,n}` at `i` (a quantifier) as (lo, hi, ranged); None if it is not one."""
    j = i + 1
    lo = _num(tokens, j)
    j += lo is not None
    ranged = j < len(tokens) and tokens[j].text == ","
    j += ranged
    hi = _num(tokens, j) if ranged else None
    j += hi is not None
    if j < len(tokens) and tokens[j].text == "}" and (lo is not None or ranged):
        return (lo, hi, ranged) if ranged else (lo, None, False)
    return None


def _group_is_path(tokens: Sequence[Token], close: int) -> bool:
    """Whether the parenthesised group ending at `close` is a path pattern `((a)-[..]->(b))`, not arithmetic."""
    depth = 0
    for j in range(close, -1, -1):
        t = tokens[j].text if tokens[j].kind == PUNCT else ""
        if t == ")":
            depth += 1
        elif t == "(":
            depth -= 1
            if depth == 0:
                inner = tokens[j + 1 : close]
                arrows = any(a.kind == PUNCT and a.text in ("->", "<-") for a in inner) or any(
                    a.text == "-" and b.text in ("[", "-") for a, b in zip(inner, inner[1:], strict=False)
                )
                return bool(inner) and inner[0].text == "(" and arrows
    return False


def _ends_relationship(tokens: Sequence[Token], i: int) -> bool:
    """Whether the token at `i` (`-` or `->`) closes a relationship pattern: `]->`, `]-`, `-->`, `--`, `<--`."""
    if i < 1 or tokens[i].kind != PUNCT or tokens[i].text not in ("-", "->"):
        return False
    return tokens[i - 1].kind == PUNCT and tokens[i - 1].text in ("]", "-", "<-")


def _check_path_lengths(text: str, tokens: Sequence[Token]) -> None:
    rel_depth = 0  # > 0 inside a relationship pattern `-[ ... ]-`
    stack: list[bool] = []  # for each open `[`: is it a relationship pattern?
    for i, tok in enumerate(tokens):
        if tok.kind != PUNCT:
            continue
        prev = tokens[i - 1] if i else None
        if tok.text == "[":
            is_rel = prev is not None and prev.kind == PUNCT and prev.text in ("-", "<-")
            stack.append(is_rel)
            rel_depth += is_rel
        elif tok.text == "]" and stack:
            rel_depth -= stack.pop()
        elif tok.text == "*" and stack and stack[-1]:
            _check_star(text, tokens, i)
        elif tok.text in ("+", "*", "{") and prev is not None and prev.kind == PUNCT:
            after_group = prev.text == ")" and _group_is_path(tokens, i - 1)
            if not (after_group or _ends_relationship(tokens, i - 1)):
                continue
            if tok.text == "{":
                shape = _quantifier_braces(tokens, i)
                if shape is not None:
                    _bound(text, tok, *shape, "quantified path pattern")
            else:
                raise _refuse(
                    text, tok,
                    f"quantified path pattern {tok.text} has no upper bound; write {{1,n}} with n at most {MAX_PATH_LENGTH}",
                    writes=False,
                )


def check(text: str) -> list[Token]:
    """Refuse `text` unless it is one read-only, bounded statement; return its tokens."""
    tokens = tokenize(text)
    if not tokens or all(t.kind == PUNCT and t.text == ";" for t in tokens):
        raise QueryRefused("refused: the query is empty")
    while tokens and tokens[-1].kind == PUNCT and tokens[-1].text == ";":
        tokens = tokens[:-1]
    for tok in tokens:
        if tok.kind == PUNCT and tok.text == ";":
            raise _refuse(text, tok, "more than one statement; run one query at a time", writes=False)
    for i, tok in enumerate(tokens):
        if tok.kind in (WORD, NAME):
            _check_function(text, tokens, i)
        if tok.kind != WORD or not _keyword_position(tokens, i):
            continue
        word = tok.text.upper()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if word in WRITE_CLAUSES:
            raise _refuse(text, tok, WRITE_CLAUSES[word])
        if word == "LOAD" and nxt is not None and nxt.is_word("CSV"):
            raise _refuse(text, tok, "LOAD CSV reads files or URLs outside the graph")
        if word in ("START", "STOP") and nxt is not None and nxt.is_word("DATABASE", "SERVER"):
            raise _refuse(text, tok, f"{word} {nxt.text.upper()} administers the server")
        if word in ("TRANSACTION", "TRANSACTIONS") and i > 0 and (
            tokens[i - 1].is_word("IN", "CONCURRENT") or tokens[i - 1].kind in (NUMBER, "param")
        ):
            raise _refuse(text, tok, "CALL { ... } IN TRANSACTIONS commits on its own")
        if word == "CALL" and nxt is not None and nxt.kind in (WORD, NAME):
            _check_procedure(text, tokens, i + 1)
    _check_path_lengths(text, tokens)
    return tokens
