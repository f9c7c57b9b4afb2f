"""The reads behind the root fields: each a few targeted queries from cypher/api/, never one per row.

Round trips per root field: lookups 1 (batched with every other lookup of the request);
search 1 per requested type; neighborhood 1 + 1 per level and source type (at most 1 + depth x 5, in one
thread-pool hop);
collaborators 1; profile 1 (+1 for its works); trust 1. Child fields add one batched query per field name
and page.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from starlette.concurrency import run_in_threadpool

from peergraph.errors import BadInput, NotFound
from peergraph.graphql import ranking
from peergraph.graphql.context import Context
from peergraph.graphql.ids import lookup_key
from peergraph.graphql.pagination import cursor_for, window
from peergraph.graphql.types.author import Author
from peergraph.graphql.types.collaborator import Collaborator, CollaboratorConnection, CollaboratorEdge
from peergraph.graphql.types.graph_slice import GraphEdge, GraphNode, GraphSlice, TypeCount
from peergraph.graphql.types.institution import Institution
from peergraph.graphql.types.node import NodeType
from peergraph.graphql.types.page_info import page_info
from peergraph.graphql.types.paper import Paper
from peergraph.graphql.types.profile import Profile
from peergraph.graphql.types.search import SearchConnection, SearchEdge
from peergraph.graphql.types.topic import Topic
from peergraph.graphql.types.trust import TrustComponent, TrustEvidence, TrustReport, trust_from_data
from peergraph.graphql.types.venue import Venue
from peergraph.network import collaboration
from peergraph.network.neighborhood import SliceBuilder, SliceNode
from peergraph.trust.score import FORMULA_VERSION

MAX_DEPTH = 3
MAX_LIMIT_PER_TYPE = 100
SEARCH_CANDIDATES = 200
MIN_SEARCH_SCORE = 0.5
BUILDERS = {"PAPER": Paper, "AUTHOR": Author, "TOPIC": Topic, "INSTITUTION": Institution, "VENUE": Venue}
EXPAND = {
    "PAPER": "api/expand_paper", "AUTHOR": "api/expand_author", "TOPIC": "api/expand_topic",
    "INSTITUTION": "api/expand_institution", "VENUE": "api/expand_venue",
}


async def entity(ctx: Context, kind: str, id: str) -> Any:
    row = await ctx.loaders.entity[kind.lower()].load(id)
    return BUILDERS[kind].from_row(row) if row else None


async def node(ctx: Context, id: str) -> Any:
    found = await ctx.loaders.kind.load(id)
    return await entity(ctx, found["kind"], id) if found else None


async def _author_uid(ctx: Context, id: str) -> str | None:
    row = await ctx.loaders.entity["author"].load(id)
    return row["uid"] if row else None


# --- search -------------------------------------------------------------------------------------

async def _search_kind(ctx: Context, kind: str, query: str) -> list[tuple[float, Any]]:
    if kind == "AUTHOR":
        keys, prefixes = ranking.author_keys(query)
        if not keys and not prefixes:
            return []
        rows = await ctx.read("api/search_authors", {"keys": keys, "prefixes": prefixes, "limit": SEARCH_CANDIDATES})
        scored = [(ranking.score_author(query, r) + min(r["works"], 100) / 10_000, r) for r in rows]
        return [(s, Author.from_row(r)) for s, r in scored]
    stems = ranking.stems(query)
    if kind == "PAPER":
        prefix = ranking.normalize(query)
        rows = await ctx.read("api/search_papers", {"prefix": prefix, "stems": stems, "limit": SEARCH_CANDIDATES})
        return [(ranking.score_title(query, r["key"] or r["title"] or ""),
                 Paper.from_row(r)) for r in rows]
    if not stems:
        return []
    if kind == "TOPIC":
        rows = await ctx.read("api/search_topics", {"stems": stems, "limit": SEARCH_CANDIDATES})
        return [(ranking.score_label(query, r["label"]), Topic.from_row(r)) for r in rows]
    rows = await ctx.read("api/search_institutions", {"stems": stems, "limit": SEARCH_CANDIDATES})
    return [(ranking.score_label(query, r["name"]), Institution.from_row(r)) for r in rows]


async def search(ctx: Context, query: str, types: list[NodeType] | None, first: int | None, after: str | None
                 ) -> SearchConnection:
    skip, limit = window(first, after)
    if len(query) > 200:
        raise BadInput("the search query is longer than 200 characters; shorten it")
    kinds = [t.value for t in types] if types else ["AUTHOR", "PAPER", "TOPIC", "INSTITUTION"]
    if "VENUE" in kinds:
        raise BadInput("search covers PAPER, AUTHOR, TOPIC and INSTITUTION")
    hits: list[tuple[float, Any]] = []
    if ranking.words(query):
        for kind in kinds:
            hits += await _search_kind(ctx, kind, query)
    hits = [h for h in hits if h[0] >= MIN_SEARCH_SCORE]
    hits.sort(key=lambda h: (-h[0], h[1].id))
    page = hits[skip:skip + limit]
    edges = [SearchEdge(node=n, cursor=cursor_for(skip + i), score=round(min(s, 1.0), 4)) for i, (s, n) in enumerate(page)]
    return SearchConnection(edges=edges, page_info=page_info(skip, len(edges), len(hits)), total_count=len(hits))


# --- neighborhood -------------------------------------------------------------------------------

async def neighborhood(ctx: Context, id: str, depth: int, types: list[NodeType] | None, limit_per_type: int,
                       since: int | None, until: int | None) -> GraphSlice:
    if not 1 <= depth <= MAX_DEPTH:
        raise BadInput(f"depth must be between 1 and {MAX_DEPTH} (got {depth})")
    if not 1 <= limit_per_type <= MAX_LIMIT_PER_TYPE:
        raise BadInput(f"limitPerType must be between 1 and {MAX_LIMIT_PER_TYPE} (got {limit_per_type})")
    # The walk's reads depend on each other, so they run in one thread-pool hop.
    builder = await run_in_threadpool(_walk, ctx, id, depth, limit_per_type, since, until)
    center = builder.center
    shown = {t.value for t in types} if types else set(BUILDERS)
    keep = {n.id for n in builder.nodes.values() if n.type in shown or n.id == center.id}
    return GraphSlice(
        nodes=[GraphNode(id=n.id, type=NodeType(n.type), label=n.label, year=n.year, weight=n.weight)
               for n in builder.nodes.values() if n.id in keep],
        edges=[GraphEdge(source=e.source, target=e.target, type=e.type, weight=e.weight)
               for e in builder.edges.values() if e.source in keep and e.target in keep],
        truncated=[TypeCount(type=NodeType(k), count=c) for k, c in sorted(builder.truncated.items())
                   if c and k in shown],
    )


def _walk(ctx: Context, id: str, depth: int, limit_per_type: int, since: int | None, until: int | None
          ) -> SliceBuilder:
    found = [r for r in ctx.read_sync("api/node_kinds", {"keys": [lookup_key(id)]}) if r["kind"]]
    if not found:
        raise NotFound(f"no paper, author, topic, institution or venue has the id {id!r}")
    c = found[0]
    builder = SliceBuilder(SliceNode(c["uid"], c["kind"], c["label"], c["year"], 1.0), limit_per_type)
    params = {"scan": limit_per_type, "since": -10_000 if since is None else since,
              "until": 10_000 if until is None else until}
    frontier = [builder.center]
    for _ in range(depth):
        by_kind: dict[str, list[str]] = defaultdict(list)
        for n in frontier:
            by_kind[n.type].append(n.id)
        rows: list[dict[str, Any]] = []
        for k, uids in by_kind.items():
            rows += ctx.read_sync(EXPAND[k], {"uids": uids, **params})
        frontier = builder.add_level(rows)
        if not frontier:
            break
    return builder


# --- collaborators ------------------------------------------------------------------------------

async def collaborators(ctx: Context, author_id: str, first: int | None, after: str | None, close_only: bool
                        ) -> CollaboratorConnection:
    skip, limit = window(first, after)
    params = {"id": lookup_key(author_id), "skip": skip, "limit": limit, "close_only": close_only, **collaboration.cypher_params()}
    rows = await ctx.read("api/collaborators", params)
    if not rows:
        raise NotFound(f"no author has the id {author_id!r}")
    row, uid = rows[0], rows[0]["uid"]
    edges = [
        CollaboratorEdge(
            node=Collaborator(center_id=uid, author=Author.from_row(r["node"]), weight=round(r["weight"], 6),
                              shared_paper_count=r["shared"], first_year=r["first"], last_year=r["last"],
                              is_close=r["close"]),
            cursor=cursor_for(skip + i),
        )
        for i, r in enumerate(row["page"])
    ]
    return CollaboratorConnection(edges=edges, page_info=page_info(skip, len(edges), row["total"]),
                                  total_count=row["total"], close_count=row["close_total"])


# --- trust and profile --------------------------------------------------------------------------

async def trust(ctx: Context, author_id: str) -> TrustReport | None:
    from peergraph.trust.report import trust_report

    uid = await _author_uid(ctx, author_id)
    if uid is None:
        return None
    data = await run_in_threadpool(trust_report, ctx.graph, uid)
    return trust_from_data(data) if data else None


def _as_datetime(value: Any) -> datetime | None:
    """`trust_computed_at` as written by neomodel (epoch seconds) or by Cypher (a temporal value)."""
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, UTC)
    return value.to_native() if hasattr(value, "to_native") else None


def _stored_trust(t: dict[str, Any], claimed: bool) -> TrustReport:
    from peergraph.trust.report import components_from_json

    when = t.get("trust_computed_at")
    return TrustReport(
        score=int(t["trust_score"]), band=t.get("trust_band") or "", claimed=claimed,
        verification_level=t.get("verification_level") or "L0", formula_version=t.get("trust_formula_version") or "",
        computed_at=_as_datetime(when),
        components=[
            TrustComponent(name=c.name, points=c.points, max_points=c.max_points,
                           evidence=[TrustEvidence(description=e.description, source=e.source) for e in c.evidence])
            for c in components_from_json(t.get("trust_components"))
        ],
    )


async def profile(ctx: Context, author_id: str) -> Profile | None:
    rows = await ctx.read("api/profile", {"id": lookup_key(author_id), **collaboration.cypher_params()})
    if not rows:
        return None
    row = rows[0]
    stored = row["trust"]
    # Stored figures of the current formula are served as they are; missing or older ones are
    # recomputed by the trust service, exactly as `trust(authorId)` does.
    report = (_stored_trust(stored, row["claimed"]) if stored.get("trust_score") is not None
              and stored.get("trust_formula_version") == FORMULA_VERSION else await trust(ctx, row["node"]["uid"]))
    author = Author.from_row(row["node"])
    return Profile(
        author=author, headline=author.headline, affiliation=row["affiliation"],
        affiliation_status=row["affiliation_status"], open_to_collaborate=author.open_to_collaborate,
        trust=report, works_count=row["works"], followers_count=row["followers"], topics_count=row["topics"],
        close_collaborators_count=row["close_collaborators"],
    )
