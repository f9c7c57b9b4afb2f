"""source -> normalize -> block -> match -> cluster -> write, one batch at a time.

Each batch looks up, in the store, the papers and authors its records could be (by identifiers and
blocking keys), decides with the pure planners, and commits everything in one transaction. Batches
are cut by input position, before already-ingested records are dropped, so a resumed run sees the
same batches as an uninterrupted one; the SourceRecords already in the graph are the checkpoint.
Nothing but the current batch is held in memory.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from peergraph.cypher_files import load
from peergraph.ingest.block import title_blocks
from peergraph.ingest.institutions import KnownInstitution, match_institution
from peergraph.ingest.keys import abstract_key, text_key, title_key
from peergraph.ingest.match_authors import coauthor_key
from peergraph.ingest.plan_authors import AuthorPlan, key_of, plan_authors
from peergraph.ingest.plan_papers import PaperPlan, plan_papers, record_ids, short_hash
from peergraph.ingest.records import BadRecord, PaperRecord
from peergraph.ingest.report import IngestReport, Skipped
from peergraph.ingest.settings import DEFAULT, MatchSettings
from peergraph.ingest.topics import assign
from peergraph.ingest.venues import venue_of
from peergraph.ingest.write import BatchWrite, write_batch
from peergraph.store.driver import Graph

Item = PaperRecord | BadRecord
DEFAULT_BATCH = 500


def source_record_uid(source: str, record_id: str) -> str:
    return "sr-" + short_hash(source, record_id)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _lookup_papers(graph: Graph, batch: Sequence[tuple[str, PaperRecord]]) -> list[dict[str, object]]:
    params: dict[str, set[str]] = {k: set() for k in ("dois", "arxiv_ids", "openalex_ids", "title_keys",
                                                       "head_keys", "tail_keys", "long_keys", "abstract_keys")}
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
        akey = abstract_key(r.abstract)
        if akey:
            params["abstract_keys"].add(akey)
    return graph.read(load("ingest/paper_candidates"), {k: sorted(v) for k, v in params.items()})


def _lookup_authors(
    graph: Graph, batch: Sequence[tuple[str, PaperRecord]], stored_papers: Sequence[str]
) -> list[dict[str, object]]:
    """Stored authors any name in the batch could be, each with the batch's stored papers it is already on."""
    full_keys: set[str] = set()
    blocks: set[str] = set()
    orcids: set[str] = set()
    openalex: set[str] = set()
    for _, record in batch:
        for a in record.authors:
            k = key_of(a)
            if k.full_given:
                full_keys.update((coauthor_key(k), k.block))
            elif k.family:
                blocks.add(k.block)
            if a.orcid:
                orcids.add(a.orcid)
            if a.openalex_id:
                openalex.add(a.openalex_id)
    if not (full_keys or blocks or orcids or openalex):
        return []
    params = {"full_keys": sorted(full_keys), "name_keys": sorted(blocks), "orcids": sorted(orcids),
              "openalex_ids": sorted(openalex)}
    rows = graph.read(load("ingest/author_candidates"), params)
    if stored_papers:
        on_papers: dict[str, list[str]] = {}
        for pair in graph.read(load("ingest/paper_authors"), {"paper_uids": sorted(set(stored_papers))}):
            on_papers.setdefault(pair["author"], []).append(pair["paper"])
        for row in rows:
            row["papers"] = on_papers.get(str(row["uid"]), [])
    return rows


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

    def run(self, items: Iterable[Item]) -> IngestReport:
        started = time.perf_counter() - self.report.elapsed_s
        for chunk in _chunks(items, self.batch_size):
            self._batch(chunk)
            self.report.elapsed_s = time.perf_counter() - started
            if self.on_batch:
                self.on_batch(self.report)
        self.report.elapsed_s = time.perf_counter() - started
        return self.report

    def _batch(self, chunk: list[Item]) -> None:
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
            return
        existing = {
            r["uid"]: r["payload_hash"]
            for r in self.graph.read(load("ingest/existing_source_records"), {"uids": list(usable)})
        }
        batch = [(uid, r) for uid, r in usable.items() if existing.get(uid) != r.provenance.payload_hash]
        report.unchanged += len(usable) - len(batch)
        if not batch:
            return
        papers = plan_papers(batch, _lookup_papers(self.graph, batch), self.settings)
        topic_rows, topic_keys = self._topics(batch, papers)
        venue_rows, venue_keys = self._venues(batch, papers)
        venue_of_record = {str(r["record"]): r["uid"] for r in venue_rows}
        for d in papers.decisions:
            if d["kind"] == "paper" and d["source_record_uid"] in venue_of_record:
                d["snapshot"] = json.dumps(
                    {**json.loads(d["snapshot"]), "venue_uid": venue_of_record[d["source_record_uid"]]},
                    ensure_ascii=False,
                )
        stored_papers = [p for p in papers.entity_of.values() if p not in papers.new]
        stored_authors = _lookup_authors(self.graph, batch, stored_papers)
        authors = plan_authors(batch, papers.entity_of, topic_keys, venue_keys, stored_authors, self.settings)
        author_rows, author_sources = authors.rows()
        write = BatchWrite(
            source_records=[
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
            papers=list(papers.rows.values()),
            authors=author_rows,
            author_sources=author_sources,
            authored=authors.authored,
            topics=topic_rows,
            venues=venue_rows,
            institutions=self._institutions(batch, authors),
            versions=papers.versions,
            citations=_citations(batch, papers),
            merge_decisions=[{**d, "created_at": time.time()} for d in papers.decisions + authors.decisions],
        )
        write_batch(self.graph, write)
        report.batches += 1
        report.new_papers += len(papers.new)
        report.merged_papers += sum(1 for d in papers.decisions if d["kind"] == "paper")
        report.versions += len(papers.versions)
        report.new_authors += len(authors.new)
        report.merged_authors += authors.merged

    def _topics(
        self, batch: Sequence[tuple[str, PaperRecord]], papers: PaperPlan
    ) -> tuple[list[dict[str, object]], dict[str, frozenset[str]]]:
        rows: list[dict[str, object]] = []
        keys: dict[str, frozenset[str]] = {}
        for uid, record in batch:
            found = assign(record, self.settings)
            keys[uid] = frozenset(t.label_key for t in found)
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
                    "uid": "v-" + short_hash(venue.name_key),
                    "name": venue.name,
                    "name_key": venue.name_key,
                    "kind": venue.kind,
                    "paper": papers.entity_of[uid],
                    "record": uid,
                }
            )
        return rows, keys

    def _institutions(self, batch: Sequence[tuple[str, PaperRecord]], authors: AuthorPlan) -> list[dict[str, object]]:
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
        stored = self.graph.read(
            load("ingest/institution_candidates"),
            {"rors": sorted({w[3] for w in wanted if w[3]}), "name_keys": sorted({text_key(w[2]) for w in wanted})},
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
