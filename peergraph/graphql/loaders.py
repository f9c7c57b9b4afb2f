"""Per-request DataLoaders: each batch is ONE `UNWIND $keys` query (cypher/api/*), results in key order.

Created fresh for every request (in `Context`), so nothing is cached across requests or callers.
Entity loaders take ids in any accepted form (see ids.py); page loaders take (uid, skip, limit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from strawberry.dataloader import DataLoader

from peergraph.graphql.ids import lookup_key

if TYPE_CHECKING:
    from peergraph.graphql.context import Context

ENTITY_QUERIES = {
    "paper": "api/papers_by_keys",
    "author": "api/authors_by_keys",
    "topic": "api/topics_by_keys",
    "institution": "api/institutions_by_keys",
    "venue": "api/venues_by_keys",
}
PAGE_QUERIES = {
    "paper_authors": "api/paper_authors",
    "paper_topics": "api/paper_topics",
    "author_papers": "api/author_papers",
    "author_topics": "api/author_topics",
    "author_institutions": "api/author_institutions",
    "topic_papers": "api/topic_papers",
    "venue_papers": "api/venue_papers",
    "institution_authors": "api/institution_authors",
}
SHARED_TOPICS_LIMIT = 10

Page = tuple[list[dict[str, Any]], int]


class Loaders:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.entity = {kind: DataLoader(self._entity_batch(name)) for kind, name in ENTITY_QUERIES.items()}
        self.page = {kind: DataLoader(self._page_batch(name)) for kind, name in PAGE_QUERIES.items()}
        self.kind = DataLoader(self._kind_batch)
        self.paper_links = DataLoader(self._paper_links_batch)
        self.shared_papers = DataLoader(self._shared_papers_batch)
        self.shared_topics = DataLoader(self._shared_topics_batch)

    def _entity_batch(self, name: str):
        async def batch(ids: list[str]) -> list[dict[str, Any] | None]:
            keys = [lookup_key(i) for i in ids]
            rows = await self.ctx.read(name, {"keys": list(dict.fromkeys(keys))})
            found = {r["key"]: r["node"] for r in rows}
            return [found.get(k) for k in keys]

        return batch

    def _page_batch(self, name: str):
        async def batch(keys: list[tuple[str, int, int]]) -> list[Page]:
            params = [{"uid": u, "skip": s, "limit": n} for u, s, n in keys]
            rows = await self.ctx.read(name, {"keys": params})
            found = {(r["uid"], r["skip"], r["limit"]): (r["page"], r["total"]) for r in rows}
            return [found.get(k, ([], 0)) for k in keys]

        return batch

    async def _kind_batch(self, ids: list[str]) -> list[dict[str, Any] | None]:
        keys = [lookup_key(i) for i in ids]
        rows = await self.ctx.read("api/node_kinds", {"keys": list(dict.fromkeys(keys))})
        found = {r["key"]: r for r in rows if r["kind"]}
        return [found.get(k) for k in keys]

    async def _paper_links_batch(self, uids: list[str]) -> list[dict[str, Any]]:
        rows = await self.ctx.read("api/paper_links", {"keys": list(uids)})
        found = {r["uid"]: r for r in rows}
        return [found.get(u, {"venue": None, "versions": []}) for u in uids]

    async def _shared_papers_batch(self, keys: list[tuple[str, str, int, int]]) -> list[Page]:
        params = [{"uid": a, "other": b, "skip": s, "limit": n} for a, b, s, n in keys]
        rows = await self.ctx.read("api/shared_papers", {"keys": params})
        found = {(r["uid"], r["other"], r["skip"], r["limit"]): (r["page"], r["total"]) for r in rows}
        return [found.get(k, ([], 0)) for k in keys]

    async def _shared_topics_batch(self, keys: list[tuple[str, str]]) -> list[list[dict[str, Any]]]:
        params = [{"uid": a, "other": b} for a, b in keys]
        rows = await self.ctx.read("api/shared_topics", {"keys": params, "limit": SHARED_TOPICS_LIMIT})
        found = {(r["uid"], r["other"]): r["topics"] for r in rows}
        return [found.get(k, []) for k in keys]
