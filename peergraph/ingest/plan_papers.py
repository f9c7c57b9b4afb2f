"""Which Paper each record of a batch becomes: attach to a stored or earlier paper, or start a new one.

Pure: takes the batch and the stored candidates the pipeline looked up, returns decisions. Every
attachment and every VERSION_OF link comes with its score and reasons (a MergeDecision row).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from peergraph.ingest.block import candidate_pairs, paper_keys, title_properties
from peergraph.ingest.keys import abstract_key, name_key, title_key
from peergraph.ingest.match_papers import ARXIV_DOI_PREFIX, PaperMatch, PaperView, match, view_of
from peergraph.ingest.records import PaperRecord
from peergraph.ingest.settings import MatchSettings

IDS = ("doi", "arxiv_id", "openalex_id")


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def paper_uid(record_uid: str) -> str:
    """A new paper's uid derives from its first record, so reruns and resumed runs agree."""
    return "p-" + short_hash(record_uid)


def record_ids(record: PaperRecord) -> dict[str, str | None]:
    doi, arxiv_id = record.doi, record.arxiv_id
    if doi and doi.startswith(ARXIV_DOI_PREFIX):
        arxiv_id, doi = arxiv_id or doi[len(ARXIV_DOI_PREFIX) :], None
    return {"doi": doi, "arxiv_id": arxiv_id, "openalex_id": record.openalex_id}


def stored_view(row: Mapping[str, Any]) -> PaperView:
    families = frozenset(name_key(f, "", f).family for f in row.get("families") or [] if f)
    return PaperView(
        key=row["uid"],
        title_key=row.get("title_key") or "",
        abstract=row.get("abstract") or "",
        year=row.get("year"),
        type=row.get("type") or "other",
        doi=row.get("doi"),
        arxiv_id=row.get("arxiv_id"),
        openalex_id=row.get("openalex_id"),
        families=families,
    )


def snapshot(record: PaperRecord, filled: Sequence[str] = ()) -> str:
    """What a record contributed to a paper, kept on its MergeDecision so an undo can rebuild it.

    `filled`: the identifiers and title the paper lacked and took from this record (the paper keeps the
    first value of each it meets), which an undo gives back to the record's own paper (merges.given_back):
    one identifier names one paper, so the record's own paper cannot carry it while this one does."""
    ids = record_ids(record)
    return json.dumps(
        {
            "title": record.title,
            "abstract": record.abstract,
            "year": record.year,
            "date": record.date,
            "type": record.type,
            "arxiv_version": record.arxiv_version,
            "keywords": list(record.keywords),
            "comment": record.comment,
            **ids,
            **({"filled": list(filled)} if filled else {}),
        },
        ensure_ascii=False,
    )


@dataclass
class PaperPlan:
    entity_of: dict[str, str] = field(default_factory=dict)  # record uid -> paper uid
    new: set[str] = field(default_factory=set)  # paper uids created by this batch
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # paper uid -> write row
    versions: list[dict[str, str]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)


def _row(uid: str) -> dict[str, Any]:
    return {
        "uid": uid,
        "title": None,
        "abstract": None,
        "year": None,
        "date": None,
        "type": "other",
        "doi": None,
        "arxiv_id": None,
        "arxiv_version": None,
        "openalex_id": None,
        "keywords": [],
        "comment": None,
        "records": [],
    }


def _absorb(row: dict[str, Any], record: PaperRecord, record_uid: str, ids: Mapping[str, str | None]) -> None:
    """Fill what the row lacks from the record (`ids`: its identifiers this paper may carry): first
    value wins, the longer abstract wins."""
    for key in ("title", "year", "date", "comment", *IDS):
        value = ids[key] if key in ids else getattr(record, key)
        if row[key] is None and value is not None:
            row[key] = value
    if record.abstract and len(record.abstract) > len(row["abstract"] or ""):
        row["abstract"] = record.abstract
    if row["type"] == "other":
        row["type"] = record.type
    if record.arxiv_version and (row["arxiv_version"] or 0) < record.arxiv_version:
        row["arxiv_version"] = record.arxiv_version
    if not row["keywords"] and record.keywords:
        row["keywords"] = list(record.keywords)
    row["records"].append(record_uid)


def finish_row(row: dict[str, Any]) -> dict[str, Any]:
    row.update(title_properties(title_key(row["title"])))
    row["abstract_key"] = abstract_key(row["abstract"]) or None
    return row


def _conflicts(ids: Mapping[str, str | None], held: Mapping[str, str | None]) -> bool:
    return any(ids[k] and held.get(k) and ids[k] != held[k] for k in IDS)


def plan_papers(
    batch: Sequence[tuple[str, PaperRecord]],
    stored: Sequence[Mapping[str, Any]],
    s: MatchSettings,
    stop_keys: frozenset[str] = frozenset(),
) -> PaperPlan:
    """`stop_keys`: blocking keys the store already holds too many papers under (see Lookups.papers);
    they pair nothing, as a block that size would not."""
    plan = PaperPlan()
    views: dict[str, PaperView] = {row["uid"]: stored_view(row) for row in stored}
    held_ids: dict[str, dict[str, str | None]] = {
        row["uid"]: {k: row.get(k) for k in IDS} for row in stored
    }
    # Which paper holds each identifier (the store fetched every paper holding one of the batch's).
    holder: dict[tuple[str, str], str] = {(k, v): uid for uid, held in held_ids.items() for k, v in held.items() if v}
    titled = {row["uid"] for row in stored if row.get("title_key")}
    order = {uid: i for i, (uid, _) in enumerate(batch)}
    for uid, record in batch:
        views[uid] = view_of(record, uid)
    # The author|year keys pair the batch's own records only. The store is never searched by them (a
    # family name and a year are shared by too many papers), so pairing a record with the stored
    # papers some other record's keys fetched would make its decision depend on what else the batch
    # holds, and would compare it with thousands of unrelated papers by namesakes.
    keyed = [
        (k, [key for key in paper_keys(v.title_key, v.abstract, v.doi, v.arxiv_id, v.openalex_id,
                                       v.families if k in order else frozenset(), v.year) if key not in stop_keys])
        for k, v in views.items()
    ]
    partners: dict[str, list[str]] = defaultdict(list)
    for a, b in candidate_pairs(keyed, s.max_block_size, involving=order, coarse_block_size=s.coarse_cap):
        partners[a].append(b)
        partners[b].append(a)

    for uid, record in batch:
        ids = record_ids(record)
        same: dict[str, PaperMatch] = {}
        version: dict[str, PaperMatch] = {}
        for other in sorted(partners.get(uid, ())):
            if other in order and order[other] >= order[uid]:
                continue  # later records of the batch come to this one, not the other way round
            target = plan.entity_of.get(other, other)
            result = match(views[uid], views[other], s)
            bucket = same if result.verdict == "same" else version if result.verdict == "version" else None
            if bucket is None or _conflicts(ids, held_ids.get(target, {})) and result.verdict == "same":
                continue
            if target not in bucket or result.score > bucket[target].score:
                bucket[target] = result
        decision: dict[str, Any] | None = None
        if same:
            target, result = max(same.items(), key=lambda item: (item[1].score, item[0]))
            decision = {
                "uid": "md-" + short_hash("paper", target, uid),
                "kind": "paper",
                "score": result.score,
                "method": result.method,
                "reasons": list(result.reasons),
                "entity_uid": target,
                "target_uid": None,
                "source_record_uid": uid,
                "position": None,
            }
            plan.decisions.append(decision)
        else:
            target = paper_uid(uid)
            plan.new.add(target)
        plan.entity_of[uid] = target
        # An identifier another paper holds stays on the record only. Same DOI, different arXiv ids
        # (or the reverse) are two papers by `match`, and one identifier names one paper: giving it to
        # this one too would break the store's uniqueness constraint and fail the whole batch.
        ids = {k: v if v and holder.setdefault((k, v), target) == target else None for k, v in ids.items()}
        held = held_ids.setdefault(target, {k: None for k in IDS})
        if decision is not None:
            had_title = target in titled or bool(plan.rows.get(target, {}).get("title"))
            filled = [k for k in IDS if ids[k] and not held[k]] + (["title"] if record.title and not had_title else [])
            decision["snapshot"] = snapshot(record, filled)
        for k in IDS:
            held[k] = held[k] or ids[k]
        _absorb(plan.rows.setdefault(target, _row(target)), record, uid, ids)
        for other, result in sorted(version.items()):
            if other == target:
                continue
            preprint, published = (target, other) if record.type == "preprint" else (other, target)
            link = {"preprint": preprint, "published": published}
            if link in plan.versions:
                continue
            plan.versions.append(link)
            plan.decisions.append(
                {
                    "uid": "md-" + short_hash("version", preprint, published),
                    "kind": "version",
                    "score": result.score,
                    "method": result.method,
                    "reasons": list(result.reasons),
                    "entity_uid": preprint,
                    "target_uid": published,
                    "source_record_uid": uid,
                    "position": None,
                    "snapshot": None,
                }
            )
    for row in plan.rows.values():
        finish_row(row)
    return plan
