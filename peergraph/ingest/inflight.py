"""The batch being written while the next one is planned: what the store holds once it commits.

Ingest overlaps writing batch N with looking up and planning batch N+1. A lookup made meanwhile may
see the store from before or from after N commits. Each lookup's rows are therefore patched with
N's own rows, which are what the store holds for those entities after N: either way the patched
answer is the one a lookup made after the commit returns, so a run decides exactly as a run that
waited would (and as a rerun of the same input does).

Pure: built from a batch's plans and write rows, applied to rows the pipeline read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from peergraph.ingest.plan_authors import AuthorPlan, AuthorState
from peergraph.ingest.plan_papers import PaperPlan
from peergraph.ingest.write import BatchWrite

Row = dict[str, Any]
PAPER_KEYS = {  # lookup parameter -> the Paper property it is matched against
    "dois": "doi",
    "arxiv_ids": "arxiv_id",
    "openalex_ids": "openalex_id",
    "title_keys": "title_key",
    "head_keys": "title_head_key",
    "tail_keys": "title_tail_key",
    "long_keys": "title_long_key",
    "head_tail_keys": "title_head_tail_key",
    "head_long_keys": "title_head_long_key",
    "tail_long_keys": "title_tail_long_key",
    "abstract_keys": "abstract_key",
}
COARSE_PARAMS = frozenset({"head_keys", "tail_keys", "long_keys"})  # capped by coarse_block_size
AUTHOR_KEYS = {"full_keys": "full_key", "name_keys": "name_key", "orcids": "orcid", "openalex_ids": "openalex_id"}
ABSTRACT_SHOWN = 2000  # cypher/ingest/paper_candidates.cypher returns this much of an abstract


def _longer_abstract(stored: Mapping[str, Any], row: Mapping[str, Any]) -> tuple[str | None, int]:
    """cypher/ingest/write_papers.cypher keeps the longer abstract; ties keep the stored one."""
    stored_size = stored.get("abstract_size") or 0
    incoming = row.get("abstract") or ""
    if stored_size >= len(incoming):
        return stored.get("abstract"), stored_size
    return incoming[:ABSTRACT_SHOWN], len(incoming)


# The properties write_papers.cypher sets only when the stored paper has none.
_KEPT_IF_STORED = (*PAPER_KEYS.values(), "year")


def paper_after_write(stored: Mapping[str, Any] | None, row: Mapping[str, Any], families: Iterable[str]) -> Row:
    """A paper's candidate row once `row` is written over `stored`, by the rules of write_papers.cypher:
    stored values win, the longer abstract wins, a type other than "other" wins."""
    before: Mapping[str, Any] = stored or {}
    abstract, size = _longer_abstract(before, row)
    after: Row = {"uid": row["uid"], "abstract": abstract, "abstract_size": size}
    for key in _KEPT_IF_STORED:
        value = before.get(key)
        after[key] = value if value is not None else row.get(key)
    stored_type = before.get("type")
    after["type"] = row.get("type") if stored_type in (None, "other") else stored_type
    after["families"] = sorted(set(before.get("families") or []) | set(families))
    return after


def _matches(row: Mapping[str, Any], params: Mapping[str, set[str]], keys: Mapping[str, str]) -> bool:
    return any(row.get(prop) is not None and row.get(prop) in params.get(param, ()) for param, prop in keys.items())


def _as_stored(node: Row, state: AuthorState) -> Row:
    """An author's node row (plan_authors.node_row) completed into the candidate row the lookup answers
    once it is written. In place: the pipeline makes these rows for this patch alone (their writes are
    made before), so a copy of each, context lists and all, would only be garbage."""
    node.update(context_stored=True, claimed=state.claimed, split_from=sorted(state.split_from))
    return node


def _first_rows(rows: Sequence[Row]) -> dict[str, Row]:
    """Institutions as created: write_institutions.cypher sets a new one's name from its first row."""
    first: dict[str, Row] = {}
    for r in rows:
        first.setdefault(r["uid"], {"uid": r["uid"], "name": r["name"], "name_key": r["name_key"], "ror": r["ror"]})
    return first


@dataclass
class InFlight:
    """Batch N's entities as the store holds them after N commits, in the shape lookups return."""

    source_hashes: dict[str, str] = field(default_factory=dict)
    papers: dict[str, Row] = field(default_factory=dict)
    authors: dict[str, Row] = field(default_factory=dict)  # only the authors N rewrites
    paper_authors: dict[str, set[str]] = field(default_factory=dict)
    institutions: dict[str, Row] = field(default_factory=dict)
    retired: dict[str, str] = field(default_factory=dict)  # authors N's bridges join -> the author they now are

    @classmethod
    def of(
        cls,
        write: BatchWrite,
        papers: PaperPlan,
        authors: AuthorPlan,
        author_nodes: Sequence[Row],
        stored_papers: Sequence[Mapping[str, Any]],
    ) -> InFlight:
        """`author_nodes` are the node rows of the authors N writes (AuthorRows.nodes: whole, where the
        write sends only what changed); `stored_papers` the (patched) candidate rows N was planned with."""
        stored = {row["uid"]: row for row in stored_papers}
        on_paper: dict[str, set[str]] = {}
        for edge in write.new_authored + write.authored:
            on_paper.setdefault(edge["paper"], set()).add(edge["author"])
        families = {uid: state.family for uid, state in authors.authors.items()}
        return cls(
            source_hashes={r["uid"]: r["payload_hash"] for r in write.new_source_records + write.source_records},
            papers={
                uid: paper_after_write(stored.get(uid), row, (families[a] for a in on_paper.get(uid, ())))
                for uid, row in papers.rows.items()
            },
            authors={r["uid"]: _as_stored(r, authors.authors[r["uid"]]) for r in author_nodes},
            paper_authors=on_paper,
            institutions=_first_rows(write.institutions),
            retired=dict(authors.retired),
        )

    def source_records(self, rows: Sequence[Row], uids: Iterable[str]) -> list[Row]:
        found = {r["uid"]: r for r in rows}
        for uid in uids:
            if uid in self.source_hashes:
                found[uid] = {"uid": uid, "payload_hash": self.source_hashes[uid]}
        return list(found.values())

    def paper_blocks(
        self, rows: Sequence[Row], params: Mapping[str, Sequence[str]], max_block: int, coarse_block: int | None = None
    ) -> tuple[set[str], set[tuple[str, str]]]:
        """From paper_blocks.cypher's rows (the stored papers under each key, None over its cap):
        the stored papers to fetch, and the stop keys as (parameter, key). A key is a stop key when more
        papers carry it once N commits than its cap (`coarse_block` for a coarse title key, else
        `max_block`); N only adds papers to a key, so a key the store already stops stays stopped, and
        otherwise N's papers are counted in."""
        members: dict[tuple[str, str], set[str] | None] = {
            (r["param"], r["key"]): None if r["uids"] is None else set(r["uids"]) for r in rows
        }
        wanted = {k: set(v) for k, v in params.items()}
        for paper in self.papers.values():
            for param, prop in PAPER_KEYS.items():
                key = paper.get(prop)
                if key is not None and key in wanted.get(param, ()):
                    held = members.setdefault((param, key), set())
                    if held is not None:
                        held.add(paper["uid"])
        coarse = max_block if coarse_block is None else coarse_block
        stopped = {k for k, held in members.items()
                   if held is None or len(held) > (coarse if k[0] in COARSE_PARAMS else max_block)}
        fetch = {uid for k, held in members.items() if held is not None and k not in stopped for uid in held}
        return fetch - set(self.papers), stopped

    def paper_candidates(self, rows: Sequence[Row], params: Mapping[str, Sequence[str]]) -> list[Row]:
        """`rows` (the stored papers fetched) with N's papers under `params`, as they are once N commits."""
        wanted = {k: set(v) for k, v in params.items()}
        out = [r for r in rows if r["uid"] not in self.papers]
        out += [p for p in self.papers.values() if _matches(p, wanted, PAPER_KEYS)]
        return out

    def author_candidates(self, rows: Sequence[Row], params: Mapping[str, Sequence[str]]) -> list[Row]:
        wanted = {k: set(v) for k, v in params.items()}
        out = [r for r in rows if r["uid"] not in self.authors and r["uid"] not in self.retired]
        # Copies: the pipeline adds to the rows it is given (Lookups.authors), and these are N's own.
        out += [dict(a) for a in self.authors.values() if _matches(a, wanted, AUTHOR_KEYS)]
        return out

    def authors_on_papers(self, rows: Sequence[Row], paper_uids: Iterable[str]) -> list[Row]:
        pairs = {(r["paper"], self.retired.get(r["author"], r["author"])) for r in rows}
        for paper in paper_uids:
            pairs |= {(paper, author) for author in self.paper_authors.get(paper, ())}
        return [{"paper": p, "author": a} for p, a in sorted(pairs)]

    def institution_candidates(self, rows: Sequence[Row], params: Mapping[str, Sequence[str]]) -> list[Row]:
        wanted = {"rors": set(params.get("rors", ())), "name_keys": set(params.get("name_keys", ()))}
        found = {r["uid"]: r for r in rows}
        for uid, inst in self.institutions.items():
            if uid not in found and _matches(inst, wanted, {"rors": "ror", "name_keys": "name_key"}):
                found[uid] = inst
        return list(found.values())

    def retired_into(self, uids: Iterable[str]) -> list[str]:
        """Authors N joins into one of `uids`: the store may still hold them, with their papers."""
        wanted = set(uids)
        return sorted(joined for joined, kept in self.retired.items() if kept in wanted)

    def shared_papers(self, rows: Sequence[Row], uids: Iterable[str], on_papers: Sequence[Row]) -> dict[str, set[str]]:
        """Papers each of `uids` shares with another of them once N commits. `rows` are the store's
        author_shared_papers rows (asked for `uids` and `retired_into(uids)`); `on_papers` are the store's
        authors of N's papers (paper_authors rows), to which N adds its own."""
        wanted = set(uids)
        shared: dict[str, set[str]] = {}
        for r in rows:
            author = self.retired.get(r["author"], r["author"])
            if author in wanted:
                shared.setdefault(author, set()).update(r["papers"])
        on: dict[str, set[str]] = {p: set(a) for p, a in self.paper_authors.items()}
        for r in on_papers:
            author = str(r["author"])
            on.setdefault(r["paper"], set()).add(self.retired.get(author, author))
        for paper, authors in on.items():
            here = authors & wanted
            if len(here) > 1:
                for author in here:
                    shared.setdefault(author, set()).add(paper)
        return shared
