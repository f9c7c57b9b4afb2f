"""Every read a batch makes before it is planned, each patched with the batch still being written.

What a batch reads: which of its SourceRecords the graph already holds (the checkpoint), the stored
papers its records could be, the stored authors its names could be (and who is already on the papers
it attaches to), and the institutions its affiliations could be.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from peergraph.cypher_files import load
from peergraph.errors import PeerGraphError
from peergraph.ingest.block import title_blocks
from peergraph.ingest.inflight import InFlight
from peergraph.ingest.keys import abstract_key, title_key
from peergraph.ingest.match_authors import coauthor_key
from peergraph.ingest.plan_authors import CONTEXT_CAPS, key_of
from peergraph.ingest.plan_papers import record_ids
from peergraph.ingest.records import PaperRecord
from peergraph.store.compat import is_concurrent_delete_race
from peergraph.store.driver import Graph

Batch = Sequence[tuple[str, PaperRecord]]
Row = dict[str, Any]

# The list columns of cypher/ingest/author_candidates.cypher, which planning turns into sets: the
# matching context an Author node keeps, its spellings and the authors an undo split it from.
AUTHOR_LIST_COLUMNS = ("variants", *CONTEXT_CAPS, "split_from")


def malformed_authors(rows: Sequence[Row]) -> list[str]:
    """The uids of candidate rows whose list columns hold something other than a list (or nothing).

    One 300k-record run met a row whose `topics` came back as a time value: a read of a record that
    the in-flight write was rewriting, it seems (the embedded store does not isolate the two, see
    store.compat). Planning would fail on it; read after that write commits, the row is whole."""
    return [
        str(row.get("uid"))
        for row in rows
        if any(row.get(c) is not None and not isinstance(row.get(c), list) for c in AUTHOR_LIST_COLUMNS)
    ]


# paper_params' parameters -> the prefix of the same key in `block.paper_keys`.
BLOCK_PREFIX = {"dois": "doi", "arxiv_ids": "arxiv", "openalex_ids": "openalex", "title_keys": "title",
                "head_keys": "head", "tail_keys": "tail", "long_keys": "long", "head_tail_keys": "ht",
                "head_long_keys": "hl", "tail_long_keys": "tl", "abstract_keys": "abstract"}


def paper_params(batch: Batch) -> dict[str, list[str]]:
    """The identifiers and blocking keys of a batch's records, as cypher/ingest/paper_blocks.cypher takes them."""
    params: dict[str, set[str]] = {k: set() for k in BLOCK_PREFIX}
    for _, r in batch:
        ids = record_ids(r)
        for kind, name in (("doi", "dois"), ("arxiv_id", "arxiv_ids"), ("openalex_id", "openalex_ids")):
            if ids[kind]:
                params[name].add(ids[kind] or "")
        tkey = title_key(r.title)
        if tkey:
            params["title_keys"].add(tkey)
            blocks = title_blocks(tkey)
            if blocks:
                params["head_keys"].add(blocks.head)
                params["tail_keys"].add(blocks.tail)
                params["long_keys"].add(blocks.longest)
                for param, pair in zip(("head_tail_keys", "head_long_keys", "tail_long_keys"), blocks.pairs, strict=True):
                    params[param].add(pair)
        akey = abstract_key(r.abstract)
        if akey:
            params["abstract_keys"].add(akey)
    return {k: sorted(v) for k, v in params.items()}


def author_params(batch: Batch) -> dict[str, list[str]]:
    """A spelled-out name needs authors of that full name or known by initials (its block as full key);
    an initials-only name needs its whole block."""
    params: dict[str, set[str]] = {k: set() for k in ("full_keys", "name_keys", "orcids", "openalex_ids")}
    for _, record in batch:
        for a in record.authors:
            k = key_of(a)
            if k.full_given:
                params["full_keys"].update((coauthor_key(k), k.block))
            elif k.family:
                params["name_keys"].add(k.block)
            if a.orcid:
                params["orcids"].add(a.orcid)
            if a.openalex_id:
                params["openalex_ids"].add(a.openalex_id)
    return {k: sorted(v) for k, v in params.items()}


class Lookups:
    """The reads of one batch; `inflight` is the previous batch when its write may not have committed."""

    def __init__(
        self, graph: Graph, inflight: InFlight | None, settle: Callable[[], object] | None = None
    ) -> None:
        """`settle` waits until the in-flight batch has committed (see `_read`)."""
        self.graph = graph
        self.inflight = inflight or InFlight()
        self.settle = settle

    def _read(self, name: str, params: Mapping[str, Any], malformed: Callable[[list[Row]], list[str]] | None = None
              ) -> list[Row]:
        """One lookup query (its rows packed, Graph.read_table). On the embedded store a read that
        meets a node the in-flight write is deleting fails (store.compat), and one that meets a record
        it is rewriting may answer a malformed row (`malformed` names such rows): then wait for that
        write to commit and read again; patched with the in-flight rows, the answer is the same
        either way. A second malformed answer stops the run before anything of the batch is written."""
        def query() -> list[Row]:
            return self.graph.read_table(load(name), dict(params))

        try:
            rows = query()
        except Exception as exc:
            if self.settle is None or not is_concurrent_delete_race(exc):
                raise
            self.settle()
            rows = query()
        if malformed is None or not malformed(rows):
            return rows
        if self.settle is not None:
            self.settle()
        if bad := malformed(rows := query()):
            raise PeerGraphError(
                f"{name} answered {len(bad)} malformed row(s) twice (first: {bad[0]}); nothing of this "
                "batch was written: run the same ingest again to resume"
            )
        return rows

    def source_hashes(self, uids: Sequence[str]) -> dict[str, str]:
        rows = self._read("ingest/existing_source_records", {"uids": list(uids)})
        return {r["uid"]: r["payload_hash"] for r in self.inflight.source_records(rows, uids)}

    def papers(self, batch: Batch, max_block: int, coarse_block: int | None = None) -> tuple[list[Row], frozenset[str]]:
        """The stored papers sharing an identifier or blocking key with the batch, and the stop keys
        (in `block.paper_keys` form): keys more than `max_block` stored papers carry (`coarse_block`
        for a coarse title key), whose papers are not fetched (matching skips such blocks anyway)."""
        coarse = max_block if coarse_block is None else coarse_block
        params = paper_params(batch)
        blocks = self._read("ingest/paper_blocks", {**params, "max_block": max_block, "coarse_block": coarse})
        fetch, stopped = self.inflight.paper_blocks(blocks, params, max_block, coarse)
        rows = self._read("ingest/paper_candidates", {"uids": sorted(fetch)}) if fetch else []
        open_keys = {param: [k for k in keys if (param, k) not in stopped] for param, keys in params.items()}
        stop_keys = frozenset(f"{BLOCK_PREFIX[param]}:{key}" for param, key in stopped)
        return self.inflight.paper_candidates(rows, open_keys), stop_keys

    def author_candidates(self, batch: Batch) -> list[Row]:
        """Stored authors any name in the batch could be. It needs nothing the batch's paper plan decides,
        so the pipeline reads it while the papers are planned (`authors` then adds their papers)."""
        params = author_params(batch)
        if not any(params.values()):
            return []
        rows = self._read("ingest/author_candidates", params, malformed_authors)
        return self.inflight.author_candidates(rows, params)

    def authors(self, batch: Batch, stored_papers: Sequence[str], candidates: list[Row] | None = None) -> list[Row]:
        """Stored authors any name in the batch could be (`candidates`, when already read), each with
        the batch's stored papers it is already on."""
        rows = self.author_candidates(batch) if candidates is None else candidates
        if not rows:
            return rows
        if stored_papers:
            uids = sorted(set(stored_papers))
            pairs = self.inflight.authors_on_papers(self._read("ingest/paper_authors", {"paper_uids": uids}),
                                                    uids)
            on_papers: dict[str, list[str]] = {}
            for pair in pairs:
                on_papers.setdefault(pair["author"], []).append(pair["paper"])
            # In place: a copy would hold every candidate twice while the batch is planned.
            for row in rows:
                row["papers"] = on_papers.get(str(row["uid"]), [])
        return rows

    def with_shared_papers(self, rows: Sequence[Row], suspects: set[str]) -> list[Row]:
        """`rows` with, for the `suspects` among them, the stored papers each shares with another suspect
        of its name block: two authors of one paper are two people, and `never_same` sees it in their
        contexts. Asked only for authors a plan would join: walking every candidate's papers costs a
        batch time in proportion to the corpus."""
        shared = self.shared_papers([row for row in rows if str(row["uid"]) in suspects])
        # Only the rows that learn a paper are copied: the others are most of a batch's candidates.
        return [{**row, "papers": sorted(set(row.get("papers") or []) | found)}
                if (found := shared.get(str(row["uid"]))) else row
                for row in rows]

    def shared_papers(self, rows: Sequence[Row]) -> dict[str, set[str]]:
        """Papers each author of `rows` shares with another of them in its name block."""
        blocks: dict[str, list[str]] = {}
        for row in rows:
            blocks.setdefault(str(row.get("name_key") or ""), []).append(str(row["uid"]))
        uids = sorted(u for group in blocks.values() if len(group) > 1 for u in group)
        if not uids:
            return {}
        asked = uids + self.inflight.retired_into(uids)
        found = self._read("ingest/author_shared_papers", {"uids": asked})
        papers = sorted(p for p, authors in self.inflight.paper_authors.items() if authors & set(uids))
        on_papers = self._read("ingest/paper_authors", {"paper_uids": papers}) if papers else []
        return self.inflight.shared_papers(found, uids, on_papers)

    def institutions(self, params: Mapping[str, Sequence[str]]) -> list[Row]:
        rows = self._read("ingest/institution_candidates", dict(params))
        return self.inflight.institution_candidates(rows, params)
