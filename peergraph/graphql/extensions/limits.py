"""Limits on every request, as schema extensions, each violation a clear GraphQL error.

- depth: at most MAX_DEPTH levels of selection (QueryDepthLimiter);
- size: at most MAX_TOKENS tokens (MaxTokensLimiter) and MAX_ALIASES aliases (MaxAliasesLimiter);
- breadth: the product of `first` arguments down any path at most MAX_NODES (MaxResultSize below),
  so nested connections cannot ask for 100 x 100 x 100 objects; `first` itself is capped at 100
  where it is read (pagination.window);
- time: RequestTimeout gives each request a budget that every database read draws from
  (context.Context.read passes the time left as the transaction timeout).
- speed: parsing and validation are cached per query text (bounded LRU caches), which is why the
  rule classes below are built once: a new class per request would never hit the validation cache.
- errors: anything that is not a PeerGraphError or a GraphQL validation error is masked
  ("Unexpected error.") in the response and logged with its traceback.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import FieldNode, FragmentSpreadNode, GraphQLError, IntValueNode, ValidationRule, VariableNode
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
    max_aliases,
    query_depth_limiter,
)

from peergraph.errors import PeerGraphError
from peergraph.graphql.pagination import DEFAULT_FIRST

MAX_DEPTH = 10
MAX_TOKENS = 2000
MAX_ALIASES = 15
MAX_NODES = 10_000
REQUEST_TIMEOUT_S = 10.0


class MaxResultSize(ValidationRule):
    """Rejects selections whose nested `first` arguments multiply past MAX_NODES."""

    def __init__(self, context):  # noqa: ANN001 - graphql-core's ValidationContext
        super().__init__(context)
        self.variables: dict = {}

    def enter_operation_definition(self, node, *_):  # noqa: ANN001
        worst = self._walk(node.selection_set, 1)
        if worst > MAX_NODES:
            self.report_error(GraphQLError(
                f"this query could return about {worst} objects (the product of nested `first` arguments); "
                f"the limit is {MAX_NODES}: ask for smaller pages", node))

    def _first(self, field: FieldNode) -> int:
        for arg in field.arguments or ():
            if arg.name.value == "first":
                if isinstance(arg.value, IntValueNode):
                    return max(1, int(arg.value.value))
                if isinstance(arg.value, VariableNode):
                    return 100
        name = field.name.value
        return DEFAULT_FIRST if name in _LISTS or name in _CONNECTIONS else 1

    def _walk(self, selection_set, factor: int, fragments: frozenset[str] = frozenset()) -> int:  # noqa: ANN001
        if selection_set is None:
            return factor
        total = 0
        for sel in selection_set.selections:
            if isinstance(sel, FieldNode):
                total += self._walk(sel.selection_set, factor * self._first(sel), fragments) if sel.selection_set else 0
            elif isinstance(sel, FragmentSpreadNode):
                name = sel.name.value
                fragment = self.context.get_fragment(name)
                # A fragment cycle is reported by graphql-core's own NoFragmentCycles rule; just stop here.
                if fragment is not None and name not in fragments:
                    total += self._walk(fragment.selection_set, factor, fragments | {name})
            else:
                total += self._walk(sel.selection_set, factor, fragments)
        return max(total, factor)


# Fields that return several objects without a `first` argument (a connection's `edges` are counted
# by the connection's own `first`, default 20).
_LISTS = frozenset({"nodes", "versions", "sharedTopics", "components", "evidence", "truncated"})
_CONNECTIONS = frozenset({"papers", "authors", "topics", "institutions", "works", "sharedPapers", "search",
                          "collaborators"})


class RequestTimeout(SchemaExtension):
    """Starts the request's time budget when execution begins."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        if hasattr(context, "start_clock"):
            context.start_clock()
        yield


CACHE_SIZE = 512
RULES = [
    query_depth_limiter.create_validator(MAX_DEPTH, None),
    max_aliases.create_validator(MAX_ALIASES),
    MaxResultSize,
]


def _should_mask(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and not isinstance(original, PeerGraphError)


def limit_extensions() -> list:
    # Factories, so every request gets fresh extension instances.
    return [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: AddValidationRules(RULES),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
        RequestTimeout,
        lambda: MaskErrors(should_mask_error=_should_mask),
    ]
