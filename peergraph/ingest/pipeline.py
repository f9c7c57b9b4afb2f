"""source -> normalize -> block -> match -> cluster -> write, one batch at a time.

Each batch looks up, in the store, the papers and authors its records could be (by identifiers and
blocking keys), decides with the pure planners, and commits everything in one transaction. Batches
are cut by input position, before already-ingested records are dropped, so a resumed run sees the
same batches as an uninterrupted one; the SourceRecords already in the graph are the checkpoint.

While batch N is written (by one writer thread, in input order), batch N+1 is looked up and planned;
its lookups are patched with N's rows (inflight.py), so it decides as if it had waited. Nothing but
these two batches is held in memory.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any

from peergraph.ingest.fresh_edges import (
    split_authored,
    split_decisions,
    split_mentions,
    split_papers,
    split_records,
    split_sources,
    split_topics,
    split_venues,
)
from peergraph.ingest.inflight import InFlight
from peergraph.ingest.institutions import KnownInstitution, match_institution
from peergraph.ingest.keys import text_key
from peergraph.ingest.lookups import Lookups
from peergraph.ingest.plan_authors import (
    AuthorPlan,
    Replay,
    joins_two_authors_of_one_paper,
    plan_authors,
    replayable,
)
from peergraph.ingest.plan_papers import PaperPlan, paper_uid, plan_papers, short_hash
from peergraph.ingest.records import BadRecord, PaperRecord
from peergraph.ingest.report import IngestReport, Skipped
from peergraph.ingest.settings import DEFAULT, MatchSettings
from peergraph.ingest.topics import assign, matching_keys
from peergraph.ingest.venues import venue_of, venue_uid
from peergraph.ingest.write import BatchWrite, write_batch
from peergraph.store.driver import Graph

Item = PaperRecord | BadRecord
DEFAULT_BATCH = 500
KNOWN_SHARED_CAP = 50_000


# Objects a young-generation collection may see before it runs (CPython's default is 700). A batch
# builds hundreds of thousands of short-lived, acyclic containers (rows, contexts, decisions) that
# reference counting frees; at the default, collections ran every few hundred of them, promoted the
# live ones and made full collections walk the whole heap: 40% of planning time (plan_authors and
# plan_papers on one recorded 2,000-record batch: 1.77 s at 700, 1.04 s at 100,000, 0.99 s with no
# collection at all). Cycles are still collected, less often.
GC_YOUNG_THRESHOLD = 100_000


@contextmanager
def fewer_collections(young: int = GC_YOUNG_THRESHOLD) -> Iterator[None]:
    """Raise the young-generation collection threshold for the duration (process-wide), then restore it."""
    before = gc.get_threshold()
    gc.set_threshold(max(young, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def source_record_uid(source: str, record_id: str) -> str:
    return "sr-" + short_hash(source, record_id)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _citations(batch: Sequence[tuple[str, PaperRecord]], papers: PaperPlan) -> list[dict[str, object]]:
    """One row per cited identifier: "W..." is an OpenAlex work, "10.x/..." a DOI, else an arXiv id."""
    rows: list[dict[str, object]] = []
    for uid, record in batch:
        for ref in record.references:
            ref = ref.strip()
            kind = "openalex_id" if ref[:1] == "W" and ref[1:].isdigit() else "doi" if ref.startswith("10.") else "arxiv_id"
            row: dict[str, object] = {"paper": papers.entity_of[uid], "doi": None, "arxiv_id": None, "openalex_id": None}
            row[kind] = ref.lower() if kind == "doi" else ref
            rows.append(row)
    return rows


@dataclass
class PlannedBatch:
    """A batch decided and ready to write, with what it will add to the report once committed."""

    write: BatchWrite
    inflight: InFlight
    new_papers: int
    merged_papers: int
    versions: int
    new_authors: int
    merged_authors: int
    joined_authors: int


class Ingestor:
    """Runs batches into one graph; `report` accumulates over every `run`."""

    def __init__(
        self,
        graph: Graph,
        settings: MatchSettings = DEFAULT,
        batch_size: int = DEFAULT_BATCH,
        on_batch: Callable[[IngestReport], None] | None = None,
    ) -> None:
        self.graph = graph
        self.settings = settings
        self.batch_size = batch_size
        self.on_batch = on_batch
        self.report = IngestReport()
        # Papers stored authors were found to share with a namesake during this run (so they are two
        # people). A later batch that meets them again knows it from the start and plans once, not
        # twice; the plan is the same either way (see plan_authors.joins_two_authors_of_one_paper).
        self.known_shared: dict[str, frozenset[str]] = {}

    def run(self, items: Iterable[Item]) -> IngestReport:
        """Plan batch N+1 while batch N is written (one write in flight at a time, in input order)."""
        started = time.perf_counter() - self.report.elapsed_s
        pending: tuple[Future[None], PlannedBatch] | None = None
        with (fewer_collections(),
              ThreadPoolExecutor(max_workers=1, thread_name_prefix="peergraph-ingest-write") as writer,
              ThreadPoolExecutor(max_workers=1, thread_name_prefix="peergraph-ingest-read") as reader):
            for chunk in _chunks(items, self.batch_size):
                inflight, settle = (pending[1].inflight, pending[0].result) if pending else (None, None)
                planned = self._plan(chunk, inflight, settle, reader)
                if pending:
                    self._committed(*pending)
                pending = None
                if planned:
                    pending = (writer.submit(write_batch, self.graph, planned.write), planned)
                self.report.elapsed_s = time.perf_counter() - started
                if self.on_batch:
                    self.on_batch(self.report)
            if pending:
                self._committed(*pending)
        self.report.elapsed_s = time.perf_counter() - started
        return self.report

    def _committed(self, write: Future[None], planned: PlannedBatch) -> None:
        """Wait for a batch's write; only then does it count as ingested."""
        write.result()
        planned.write.release()
        report = self.report
        report.batches += 1
        report.new_papers += planned.new_papers
        report.merged_papers += planned.merged_papers
        report.versions += planned.versions
        report.new_authors += planned.new_authors
        report.merged_authors += planned.merged_authors
        report.joined_authors += planned.joined_authors

    def _plan(
        self,
        chunk: list[Item],
        inflight: InFlight | None,
        settle: Callable[[], object] | None = None,
        reader: Executor | None = None,
    ) -> PlannedBatch | None:
        """Decide what a batch becomes; `inflight` is the batch whose write may still be running and
        `settle` waits for that write. With a `reader`, the stored authors are read on it while the
        papers are planned here: the store answers that query while this thread computes."""
        report = self.report
        report.records_read += len(chunk)
        usable: dict[str, PaperRecord] = {}
        for item in chunk:
            if isinstance(item, BadRecord):
                report.skipped.append(Skipped(item.source, item.record_id, item.reason))
            elif not item.usable:
                report.skipped.append(
                    Skipped(item.provenance.source, item.provenance.record_id, "no title, abstract or identifier")
                )
            else:
                # A record repeated within one input: the last copy is the one that counts.
                uid = source_record_uid(item.provenance.source, item.provenance.record_id)
                usable.pop(uid, None)
                usable[uid] = item
        if not usable:
            return None
        lookups = Lookups(self.graph, inflight, settle)
        existing = lookups.source_hashes(list(usable))
        batch = [(uid, r) for uid, r in usable.items() if existing.get(uid) != r.provenance.payload_hash]
        report.unchanged += len(usable) - len(batch)
        if not batch:
            return None
        stored_authors: Future[list[dict[str, Any]]] | None = (
            reader.submit(lookups.author_candidates, batch) if reader else None
        )
        stored_papers, stop_keys = lookups.papers(batch, self.settings.max_block_size, self.settings.coarse_cap)
        papers = plan_papers(batch, stored_papers, self.settings, stop_keys)
        topic_rows, topic_keys = self._topics(batch, papers)
        venue_rows, venue_keys = self._venues(batch, papers)
        venue_of_record = {str(r["record"]): r["uid"] for r in venue_rows}
        for d in papers.decisions:
            if d["kind"] == "paper" and d["source_record_uid"] in venue_of_record:
                d["snapshot"] = json.dumps(
                    {**json.loads(d["snapshot"]), "venue_uid": venue_of_record[d["source_record_uid"]]},
                    ensure_ascii=False,
                )
        candidates = stored_authors.result() if stored_authors else None
        del stored_authors  # the future holds the rows as long as it lives
        authors = self._authors(batch, papers, topic_keys, venue_keys, lookups, candidates)
        del candidates
        # What is left to do needs only the authors this batch touches: the others, compared and
        # left alone, are most of a batch's memory (their rows and contexts) and go now.
        authors.release_candidates()
        author_rows = authors.rows()
        # Records never read before: nothing in the store links to them or to papers made from them.
        fresh = {uid for uid, _ in batch if uid not in existing}
        new_author_sources, author_sources = split_mentions(author_rows.sources, fresh)
        fresh_papers = {paper_uid(uid) for uid in fresh} & papers.new
        new_papers, other_papers = split_papers(papers.rows.values(), fresh_papers)
        new_authored, authored = split_authored(authors.authored, fresh_papers)
        institutions = self._institutions(batch, authors, lookups)
        new_institution_sources, institution_sources = split_sources(institutions, fresh)
        new_decisions, decisions = split_decisions(
            ({**d, "created_at": time.time()} for d in papers.decisions + authors.decisions), fresh)
        new_records, records = split_records(
            [
                {
                    "uid": uid,
                    "source": r.provenance.source,
                    "record_id": r.provenance.record_id,
                    "payload_hash": r.provenance.payload_hash,
                    "payload": r.provenance.payload,
                    "fetched_at": time.time(),
                }
                for uid, r in batch
            ],
            fresh,
        )
        topic_nodes, new_topics, topic_rows = split_topics(topic_rows, fresh_papers)
        venue_nodes, new_venues, venue_rows = split_venues(venue_rows, fresh_papers)
        write = BatchWrite(
            new_source_records=new_records,
            source_records=records,
            new_papers=new_papers,
            papers=other_papers,
            author_joins=authors.joins,
            authors=author_rows.writes,
            new_author_sources=new_author_sources,
            author_sources=author_sources,
            new_authored=new_authored,
            authored=authored,
            topic_nodes=topic_nodes,
            new_topics=new_topics,
            topics=topic_rows,
            venue_nodes=venue_nodes,
            new_venues=new_venues,
            venues=venue_rows,
            institutions=institutions,
            new_institution_sources=new_institution_sources,
            institution_sources=institution_sources,
            versions=papers.versions,
            citations=_citations(batch, papers),
            new_merge_decisions=new_decisions,
            merge_decisions=decisions,
        )
        return PlannedBatch(
            write=write,
            inflight=InFlight.of(write, papers, authors, author_rows.nodes, stored_papers),
            new_papers=len(papers.new),
            merged_papers=sum(1 for d in papers.decisions if d["kind"] == "paper"),
            versions=len(papers.versions),
            new_authors=len(authors.new),
            merged_authors=authors.merged,
            joined_authors=authors.bridged,
        )

    def _authors(
        self,
        batch: Sequence[tuple[str, PaperRecord]],
        papers: PaperPlan,
        topic_keys: dict[str, frozenset[str]],
        venue_keys: dict[str, frozenset[str]],
        lookups: Lookups,
        candidates: list[dict[str, Any]] | None = None,
    ) -> AuthorPlan:
        """Plan the batch's authors. Whether two stored authors share a paper (then they are two people)
        is looked up only for those a plan joins; planning again with it converges in a pass or two, to
        the plan that knew it for every candidate."""
        attached = [p for p in papers.entity_of.values() if p not in papers.new]
        known = self.known_shared
        stored_authors = [
            {**row, "papers": sorted({*(row.get("papers") or ()), *known[str(row["uid"])]})}
            if str(row["uid"]) in known else row
            for row in lookups.authors(batch, attached, candidates)
        ]
        stored_uids = {str(row["uid"]) for row in stored_authors}
        checked: set[str] = set()
        replay: Replay | None = None
        while True:
            authors = plan_authors(batch, papers.entity_of, topic_keys, venue_keys, stored_authors, self.settings,
                                   replay)
            suspects = {uid for j in authors.joins for uid in (j["kept"], j["joined"]) if uid in stored_uids}
            if suspects <= checked:
                return authors
            checked |= suspects
            informed = lookups.with_shared_papers(stored_authors, checked)
            learnt = self._learn_shared(stored_authors, informed)
            if not joins_two_authors_of_one_paper(authors, informed):
                return authors  # the plan stands: what it learnt forbids none of its joins
            stored_authors = informed
            # Planned again, repeating the attachments that what it learnt cannot change (up to the
            # first bridge it may forbid). The old plan is dropped first, or two whole plans would be
            # alive at once (a batch's peak memory doubled whenever a pass was needed).
            replay = replayable(authors, learnt)
            del authors

    def _learn_shared(self, before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> set[str]:
        """Remember the papers `after` adds to `before`; returns the uids of the authors it adds to."""
        learnt: set[str] = set()
        for old, new in zip(before, after, strict=True):
            found = set(new.get("papers") or ()) - set(old.get("papers") or ())
            if found:
                uid = str(new["uid"])
                learnt.add(uid)
                self.known_shared[uid] = self.known_shared.pop(uid, frozenset()) | found
        while len(self.known_shared) > KNOWN_SHARED_CAP:  # oldest first: forgetting only costs a pass
            del self.known_shared[next(iter(self.known_shared))]
        return learnt

    def _topics(
        self, batch: Sequence[tuple[str, PaperRecord]], papers: PaperPlan
    ) -> tuple[list[dict[str, object]], dict[str, frozenset[str]]]:
        rows: list[dict[str, object]] = []
        keys: dict[str, frozenset[str]] = {}
        for uid, record in batch:
            found = assign(record, self.settings)
            keys[uid] = matching_keys(found)
            for t in found:
                rows.append(
                    {
                        "uid": "t-" + short_hash(t.label_key),
                        "label": t.label,
                        "label_key": t.label_key,
                        "scheme": t.scheme,
                        "code": t.code,
                        "paper": papers.entity_of[uid],
                        "score": t.score,
                        "source": t.source,
                        "record": uid,
                    }
                )
        return rows, keys

    def _venues(
        self, batch: Sequence[tuple[str, PaperRecord]], papers: PaperPlan
    ) -> tuple[list[dict[str, object]], dict[str, frozenset[str]]]:
        rows: list[dict[str, object]] = []
        keys: dict[str, frozenset[str]] = {}
        for uid, record in batch:
            venue = venue_of(record.venue, record.comment, record.type)
            if venue is None:
                continue
            keys[uid] = frozenset({venue.name_key})
            rows.append(
                {
                    "uid": venue_uid(venue.name_key),
                    "name": venue.name,
                    "name_key": venue.name_key,
                    "kind": venue.kind,
                    "paper": papers.entity_of[uid],
                    "record": uid,
                }
            )
        return rows, keys

    def _institutions(
        self, batch: Sequence[tuple[str, PaperRecord]], authors: AuthorPlan, lookups: Lookups
    ) -> list[dict[str, object]]:
        wanted: list[tuple[str, int, str, str | None]] = []
        for uid, record in batch:
            names = record.extra.get("institutions") if isinstance(record.extra, dict) else None
            ror_names = names if isinstance(names, dict) else {}
            for pos, ref in enumerate(record.authors):
                if (uid, pos) not in authors.assigned:
                    continue
                if ref.institution_rors:
                    # ROR ids decide; the raw affiliation strings of such a source describe the same places.
                    wanted += [(uid, pos, str(ror_names.get(ror) or ror), ror) for ror in ref.institution_rors]
                else:
                    wanted += [(uid, pos, name, None) for name in ref.affiliations if text_key(name)]
        if not wanted:
            return []
        stored = lookups.institutions(
            {"rors": sorted({w[3] for w in wanted if w[3]}), "name_keys": sorted({text_key(w[2]) for w in wanted})}
        )
        known = [KnownInstitution(r["uid"], r["name"], r["name_key"] or "", r["ror"]) for r in stored]
        rows: list[dict[str, object]] = []
        record_of = dict(batch)
        for uid, pos, name, ror in wanted:
            found = match_institution(name, ror, known, self.settings)
            key = text_key(name)
            inst_uid = found.uid or ("i-" + (ror or short_hash(key)))
            if found.uid is None:
                known.append(KnownInstitution(inst_uid, name or ror or "", key, ror))
            rows.append(
                {
                    "uid": inst_uid,
                    "name": name or ror,
                    "name_key": key,
                    "ror": ror,
                    "author": authors.assigned[(uid, pos)],
                    "year": record_of[uid].year,
                    "source": record_of[uid].provenance.source,
                    "record": uid,
                }
            )
        return rows


def ingest_records(
    graph: Graph,
    records: Iterable[Item],
    *,
    settings: MatchSettings = DEFAULT,
    batch_size: int = DEFAULT_BATCH,
    on_batch: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Ingest `records` (PaperRecords and BadRecords, any iterable, streamed) into `graph`."""
    return Ingestor(graph, settings, batch_size, on_batch).run(records)
