"""A small Cypher tokenizer: enough to tell keywords from comments, string literals, quoted names and parameters.

The guard and the header parser both work on tokens, never on raw text, so that `'CREATE'` (a string)
or `// DELETE later` (a comment) is not mistaken for a clause, and `$x` inside a string is not a parameter.
It does not parse Cypher; it only splits it into the pieces whose kind matters for those two checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peergraph.errors import BadInput

WORD = "word"  # an identifier or keyword, unquoted
NAME = "name"  # a `backtick quoted` name: never a keyword
STRING = "string"
NUMBER = "number"
PARAM = "param"  # `$name`; text holds the name without `$`
PUNCT = "punct"
COMMENT = "comment"

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Digits, then a fraction only when a digit follows the dot: `1..3` is 1, `..`, 3 (a range), not 1. and .3.
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_PARAM = re.compile(r"\$(?:([A-Za-z_][A-Za-z0-9_]*)|`((?:[^`]|``)*)`|(\d+))")
_PUNCT = re.compile(r"\.\.|<-|->|<>|<=|>=|=~|\+=|[-+*/%^=<>(){}\[\]:;,.|!?&]")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    pos: int

    def is_word(self, *words: str) -> bool:
        return self.kind == WORD and self.text.upper() in words


def _quoted(text: str, start: int, quote: str) -> int:
    """Index just past the closing `quote` of a literal opened at `start`; backslash escapes and doubled quotes."""
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == "\\" and quote != "`":
            i += 2
            continue
        if ch == quote:
            if i + 1 < len(text) and text[i + 1] == quote:
                i += 2
                continue
            return i + 1
        i += 1
    kind = {"'": "string literal", '"': "string literal", "`": "quoted name"}[quote]
    raise BadInput(f"unterminated {kind} starting at character {start + 1}; close it with {quote}")


def tokenize(text: str, *, keep_comments: bool = False) -> list[Token]:
    """The tokens of `text`. Raises BadInput for an unterminated string, name or block comment."""
    tokens: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
            continue
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            if keep_comments:
                tokens.append(Token(COMMENT, text[i:end], i))
            i = end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise BadInput(f"unterminated /* comment starting at character {i + 1}; close it with */")
            if keep_comments:
                tokens.append(Token(COMMENT, text[i : end + 2], i))
            i = end + 2
            continue
        if ch in "'\"":
            end = _quoted(text, i, ch)
            tokens.append(Token(STRING, text[i:end], i))
            i = end
            continue
        if ch == "`":
            end = _quoted(text, i, "`")
            tokens.append(Token(NAME, text[i + 1 : end - 1].replace("``", "`"), i))
            i = end
            continue
        if ch == "$":
            m = _PARAM.match(text, i)
            if m is None:
                raise BadInput(f"a lone $ at character {i + 1}; parameters look like $name")
            name = m.group(1) or (m.group(2) or "").replace("``", "`") or m.group(3)
            tokens.append(Token(PARAM, name, i))
            i = m.end()
            continue
        m = _WORD.match(text, i)
        if m:
            tokens.append(Token(WORD, m.group(), i))
            i = m.end()
            continue
        m = _NUMBER.match(text, i)
        if m:
            tokens.append(Token(NUMBER, m.group(), i))
            i = m.end()
            continue
        m = _PUNCT.match(text, i)
        if m:
            tokens.append(Token(PUNCT, m.group(), i))
            i = m.end()
            continue
        # Anything else (unicode symbols and the like) cannot start a clause: keep it as punctuation.
        tokens.append(Token(PUNCT, ch, i))
        i += 1
    return tokens


def parameters(text: str) -> set[str]:
    """The `$names` a query uses (outside comments and string literals)."""
    return {t.text for t in tokenize(text) if t.kind == PARAM}
