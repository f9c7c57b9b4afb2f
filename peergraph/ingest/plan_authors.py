"""Which Author each name on each record of a batch is, with the confidence and method of the call.

Pure: stored candidates (looked up by name key, ORCID, OpenAlex id) and authors created earlier in
the batch compete for each mention; `match_authors.attach` picks the one it is, else a new Author
starts. Two mentions on one record are never the same author. When a mention is surely the same
person as several candidates (`attach`'s bridged authors), those authors are one person whose papers
arrived before any shared one: they are joined into the smallest uid (deterministic, so reruns and
resumed runs converge), with an "author-bridge" MergeDecision that `merges undo` can split again.
A claimed or verified author is never bridged (a person a human confirmed is not rewritten by a
heuristic), though a mention may still attach to it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from peergraph.ingest.institutions import affiliation_keys
from peergraph.ingest.keys import NameKey, name_key, subject_key
from peergraph.ingest.match_authors import (
    Attachment,
    AuthorContext,
    AuthorMatch,
    attach,
    coauthor_key,
    make_context,
    may_be,
)
from peergraph.ingest.plan_papers import short_hash
from peergraph.ingest.records import AuthorRef, PaperRecord
from peergraph.ingest.settings import MatchSettings


def author_uid(record_uid: str, position: int) -> str:
    return "a-" + short_hash(record_uid, str(position))


def listing_of(record: PaperRecord) -> str | None:
    """A profile or listing page the record came from: one full name there is one person."""
    extra = record.extra if isinstance(record.extra, dict) else {}
    listing = extra.get("listing")
    if isinstance(listing, str) and listing:
        return listing
    if extra.get("profile_author"):
        # The pages source names records "<file stem>#<n>": one profile page per stem.
        return f"profile:{record.provenance.source}:{record.provenance.record_id.split('#')[0]}"
    return None


def key_of(ref: AuthorRef) -> NameKey:
    return name_key(ref.raw, ref.given, ref.family)


@dataclass
class AuthorState:
    uid: str
    name: str
    given: str
    family: str
    variants: set[str]
    context: AuthorContext
    orcid: str | None = None
    openalex_id: str | None = None
    mentions: list[dict[str, str]] = field(default_factory=list)
    touched: bool = False
    # The lookup row it was loaded from (None: created by this batch): what `baseline` compares a rewrite with.
    stored_row: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)
    claimed: bool = False  # claimed or verified: never bridged
    split_from: set[str] = field(default_factory=set)  # authors an undone bridge split it from: never bridged again


# How much matching context an Author node keeps: enough to recognise a person, bounded so a
# prolific author costs a batch no more than anyone else.
CONTEXT_CAPS = {"coauthors": 100, "topics": 50, "venues": 20, "affiliations": 20, "listings": 20, "titles": 10}


def newest_first(current: frozenset[str], stored: Sequence[str], cap: int) -> list[str]:
    """`current` as a list: what this batch added first, then the stored order, cut at `cap`."""
    known = set(stored)
    return (sorted(current - known) + [x for x in stored if x in current])[:cap]


@dataclass
class AuthorPlan:
    authors: dict[str, AuthorState] = field(default_factory=dict)
    new: set[str] = field(default_factory=set)
    authored: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    merged: int = 0
    bridged: int = 0  # authors joined into another by a bridging mention
    # (record uid, position) -> author uid, for affiliations
    assigned: dict[tuple[str, int], str] = field(default_factory=dict)
    # Authors an author bridge joins into another: {decision, kept, joined} (write_author_joins.cypher moves
    # the stored ones' edges).
    joins: list[dict[str, Any]] = field(default_factory=list)
    retired: dict[str, str] = field(default_factory=dict)  # joined author uid -> the author it now is
    # Stored candidates not yet compared with anything, with their names (for the block index):
    # their state is built on first use (`state`).
    unread: dict[str, tuple[Mapping[str, Any], frozenset[NameKey]]] = field(default_factory=dict, repr=False)
    # This batch's AUTHORED rows by the author that holds them now (a join moves them).
    authored_by: dict[str, list[dict[str, Any]]] = field(default_factory=dict, repr=False)
    # Each mention's attachment and the joins it made, in order: what `replayable` reads.
    log: list[Attached] = field(default_factory=list, repr=False)

    def state(self, uid: str) -> AuthorState:
        found = self.authors.get(uid)
        if found is None:
            row, names = self.unread.pop(uid)
            found = self.authors[uid] = stored_state(row, names)
        return found

    def may_be(self, uid: str, mention: AuthorContext) -> bool:
        """`match_authors.may_be` for a candidate: from its row while its state is not built yet."""
        found = self.authors.get(uid)
        if found is not None:
            c = found.context
            return may_be(mention, c.names, c.orcid, c.openalex_id)
        row, names = self.unread[uid]
        return may_be(mention, names, row.get("orcid"), row.get("openalex_id"))

    def now(self, uid: str) -> str:
        """The author `uid` is once this batch's joins are done."""
        while uid in self.retired:
            uid = self.retired[uid]
        return uid

    def resolve(self) -> None:
        """Point every row at the author its author was joined into (joins only record themselves)."""
        self.retired = {joined: self.now(joined) for joined in self.retired}
        self.assigned = {key: self.now(uid) for key, uid in self.assigned.items()}
        for d in self.decisions:
            d["entity_uid"] = self.now(d["entity_uid"])
        for j in self.joins:
            j["kept"] = self.now(j["kept"])

    def release_candidates(self) -> None:
        """Forget the stored authors this batch compared but left untouched, once the plan is final:
        nothing after planning reads them (rows, affiliations and the in-flight patch need only the
        touched ones), and their rows and contexts are most of what a batch holds."""
        self.unread.clear()
        self.log.clear()
        for uid in [uid for uid, state in self.authors.items() if not state.touched]:
            del self.authors[uid]

    def rows(self) -> AuthorRows:
        """The touched authors as written: their node rows (whole, for the in-flight patch), what goes to
        the store (only what changed), and each with its mentions to link by DERIVED_FROM. A stored
        author that a mention adds nothing to (no new spelling, co-author, topic...) is not rewritten."""
        out = AuthorRows()
        # In uid order: one plan gives the same rows however its states came to be built (a plan made
        # again with `replay` builds only the candidates it attaches to).
        for a in sorted((a for a in self.authors.values() if a.touched), key=lambda a: a.uid):
            row, stored = node_row(a), baseline(a)
            if row != stored:
                out.nodes.append(row)
                out.writes.append(write_row(row, stored))
            out.sources.append({"uid": a.uid, "mentions": a.mentions})
        return out


@dataclass(frozen=True)
class Attached:
    """A mention (record uid, position), the attachment `attach` found for it, and the joins (kept, joined)
    the plan made there."""

    mention: tuple[str, int]
    found: Attachment | None
    joins: tuple[tuple[str, str], ...]


Replay = Mapping[tuple[str, int], Attachment | None]


def replayable(plan: AuthorPlan, changed: set[str]) -> dict[tuple[str, int], Attachment | None]:
    """The attachments a plan made again would repeat, when all it learnt since `plan` is more papers of
    the stored authors `changed` (two authors of one paper are two people): those of every mention
    before the first whose bridges involve an author holding such papers.

    What more papers change is `never_same` between authors, so only a bridge: compare's scores are
    the same (a mention's own paper is in every candidate's papers already when the candidate is on
    it), and a bridge refused before is refused again (papers only add reasons). Until a bridge
    involves a changed author, or an author that joined one, every author's context is as before,
    and so is every attachment. Planning again from there on costs a batch the comparisons of the
    mentions after that one only."""
    holding = set(changed)
    out: dict[tuple[str, int], Attachment | None] = {}
    for step in plan.log:
        found = step.found
        if found is not None and found.bridged and (
            found.uid in holding or any(uid in holding for uid, _ in found.bridged)
        ):
            break
        out[step.mention] = found
        for kept, joined in step.joins:
            if joined in holding:
                holding.add(kept)
    return out


@dataclass
class AuthorRows:
    nodes: list[dict[str, Any]] = field(default_factory=list)  # node_row of each author written
    writes: list[dict[str, Any]] = field(default_factory=list)  # write_row of each: write_authors.cypher's rows
    sources: list[dict[str, Any]] = field(default_factory=list)  # {uid, mentions} of every touched author


# node_row's keys and the Author properties they are stored as; orcid and openalex_id are only ever
# filled in (write_authors.cypher), never overwritten.
NODE_PROPERTIES = {
    **{k: k for k in ("name", "given", "family", "initials", "name_key", "full_key")},
    "variants": "name_variants",
    **{kind: f"context_{kind}" for kind in CONTEXT_CAPS},
}


def write_row(row: Mapping[str, Any], stored: Mapping[str, Any] | None) -> dict[str, Any]:
    """What write_authors.cypher gets for an author: every property of a new one (or one written before
    ingest kept its context), only those that changed of a stored one. Most rewrites only add a title
    or a co-author, and the store's cost of a rewrite grows with what it is sent: the changed lists
    alone cost half the store CPU of the whole row on 20k authors, and about a fifth less for a 100k
    ingest's 277k author rewrites."""
    keys = NODE_PROPERTIES if stored is None else [k for k in NODE_PROPERTIES if row[k] != stored.get(k)]
    return {"uid": row["uid"], "orcid": row["orcid"], "openalex_id": row["openalex_id"],
            "props": {NODE_PROPERTIES[k]: row[k] for k in keys}}


def name_props(name: str, given: str, family: str) -> dict[str, str]:
    """An Author node's name properties (name, given, family, initials, name_key, full_key) for a
    display name and its parts."""
    key = name_key(name, given, family)
    return {"name": name, "given": given, "family": family, "initials": key.initials.upper(),
            "name_key": key.block, "full_key": coauthor_key(key)}


def node_row(a: AuthorState) -> dict[str, Any]:
    """The Author node's properties as ingest writes them."""
    return {
        "uid": a.uid,
        **name_props(a.name, a.given, a.family),
        # The stored lists are newest first: keeping their order keeps recency across rewrites.
        **{kind: newest_first(getattr(a.context, kind), (a.stored_row or {}).get(kind) or (), cap)
           for kind, cap in CONTEXT_CAPS.items()},
        "variants": sorted(a.variants),
        "orcid": a.orcid,
        "openalex_id": a.openalex_id,
    }


def stored_names(row: Mapping[str, Any]) -> frozenset[NameKey]:
    """The names a stored author is known by: its display name and every spelling seen."""
    variants = set(row.get("variants") or []) | {row["name"]}
    names = frozenset(name_key(v) for v in variants) | {name_key(row["name"], row.get("given") or "", row.get("family") or "")}
    return frozenset(n for n in names if n.family)


def stored_state(row: Mapping[str, Any], names: frozenset[NameKey] | None = None) -> AuthorState:
    """An author as the store has it (a row of cypher/ingest/author_candidates.cypher); `names`:
    its `stored_names` when already known."""
    variants = set(row.get("variants") or []) | {row["name"]}
    ctx = make_context(
        names=stored_names(row) if names is None else names,
        orcid=row.get("orcid"),
        openalex_id=row.get("openalex_id"),
        coauthors=frozenset(row.get("coauthors") or []),
        topics=frozenset(row.get("topics") or []),
        venues=frozenset(row.get("venues") or []),
        affiliations=frozenset(row.get("affiliations") or []),
        listings=frozenset(row.get("listings") or []),
        # Titles computed from the graph are its papers' title keys: made subject keys here. (Rows
        # of the batch in flight come from node_row, without the column.)
        titles=frozenset(row.get("titles") or []) if row.get("titles_stored", True)
        else frozenset(filter(None, map(subject_key, row.get("titles") or []))),
        papers=frozenset(row.get("papers") or []),
    )
    return AuthorState(
        uid=row["uid"],
        name=row["name"],
        given=row.get("given") or "",
        family=row.get("family") or "",
        variants=variants,
        context=ctx,
        orcid=row.get("orcid"),
        openalex_id=row.get("openalex_id"),
        claimed=bool(row.get("claimed")),
        split_from=set(row.get("split_from") or []),
        stored_row=row,
    )


def baseline(a: AuthorState) -> dict[str, Any] | None:
    """The node as stored, in `node_row` form; None when it must be written whatever happens.

    Computed only for the authors a batch touches (most candidates are only compared)."""
    row = a.stored_row
    if row is None or not row.get("context_stored"):
        return None
    # Written by this ingest before (context and full key on the node): compare before rewriting.
    # What node_row gives for the author as stored (`stored_state(row)`), without building it.
    name, given, family = row["name"], row.get("given") or "", row.get("family") or ""
    key = name_key(name, given, family)
    return {
        "uid": row["uid"],
        "name": name,
        "given": given,
        "family": family,
        "initials": key.initials.upper(),
        "name_key": key.block,
        "full_key": row.get("full_key"),
        # newest_first(frozenset(stored), stored, cap) is the stored list itself, cut at `cap`.
        **{kind: list(row.get(kind) or ())[:cap] for kind, cap in CONTEXT_CAPS.items()},
        "variants": sorted(set(row.get("variants") or []) | {name}),
        "orcid": row.get("orcid"),
        "openalex_id": row.get("openalex_id"),
    }


def _fuller(state: AuthorState, ref: AuthorRef, key: NameKey) -> None:
    """Keep the most complete spelling as the display name ("Xiaodan Song" over "X. Song")."""
    _fuller_name(state, ref.raw.strip(), ref.given or key.given.title(), ref.family or key.family.title(), key)


def _fuller_name(state: AuthorState, name: str, given: str, family: str, key: NameKey) -> None:
    current = name_key(state.name, state.given, state.family)
    if key.full_given and (not current.full_given or len(key.given) > len(current.given)):
        state.name, state.given, state.family = name, given, family


def _split(a: AuthorState, b: AuthorState) -> bool:
    """An undone bridge split these two apart: a person said they are two."""
    return a.uid in b.split_from or b.uid in a.split_from


def _join(plan: AuthorPlan, kept: AuthorState, other: AuthorState, match: AuthorMatch, record: str, pos: int) -> None:
    """Make `other` part of `kept`: its context, names, identifiers and this batch's rows move over.

    The decision's snapshot keeps what this batch gave `other` (its node as planned, its mentions);
    the write adds what the store held for it, so `merges undo` can recreate it whole."""
    moved = plan.authored_by.pop(other.uid, [])
    batch_authored = [
        {"paper": r["paper"], "props": {"position": r["position"], "confidence": r["confidence"],
                                        "method": r["method"], "raw_name": r["raw_name"],
                                        "source_records": [r["record"]]}}
        for r in moved
    ]
    decision = "md-" + short_hash("author-bridge", kept.uid, other.uid)
    snapshot: dict[str, Any] = {
        "author": {k: v for k, v in node_row(other).items() if k not in CONTEXT_CAPS},
        "stored": other.stored_row is not None,
        "authored": batch_authored,
        "derived": list(other.mentions),
        "orcid_back": bool(other.orcid and not kept.orcid),
        "openalex_back": bool(other.openalex_id and not kept.openalex_id),
    }
    before = name_props(kept.name, kept.given, kept.family)
    snapshot["variants_back"] = sorted(other.variants - kept.variants)
    kept.context = kept.context.absorb(other.context)
    kept.variants |= other.variants
    kept.orcid = kept.orcid or other.orcid
    kept.openalex_id = kept.openalex_id or other.openalex_id
    _fuller_name(kept, other.name, other.given, other.family, name_key(other.name, other.given, other.family))
    snapshot["kept_name"] = before if kept.name != before["name"] else None
    kept.mentions += other.mentions
    kept.split_from |= other.split_from
    kept.touched = True
    for row in moved:
        row["author"] = kept.uid
    plan.authored_by.setdefault(kept.uid, []).extend(moved)
    # Decisions, joins and assignments naming `other` follow `retired` (AuthorPlan.resolve).
    plan.retired[other.uid] = kept.uid
    plan.joins.append({"decision": decision, "kept": kept.uid, "joined": other.uid})
    plan.new.discard(other.uid)
    del plan.authors[other.uid]
    plan.bridged += 1
    plan.decisions.append(
        {
            "uid": decision,
            "kind": "author-bridge",
            "score": match.score,
            "method": "bridge",
            "reasons": [*match.reasons, f"mention {pos} of record {record} is both authors"],
            "entity_uid": kept.uid,
            "target_uid": other.uid,
            "source_record_uid": record,
            "position": pos,
            "snapshot": json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
        }
    )


def joins_two_authors_of_one_paper(plan: AuthorPlan, rows: Sequence[Mapping[str, Any]]) -> bool:
    """Whether `plan` joins two stored authors that, by `rows` (with their shared papers), wrote one
    paper together. Only joins can change: a mention's own paper is already in every candidate's
    papers when the candidate is on it, so what else a candidate shares decides nothing else."""
    groups: dict[str, list[str]] = {}
    for joined, kept in plan.retired.items():
        groups.setdefault(kept, [kept]).append(joined)
    joined_or_kept = {uid for group in groups.values() for uid in group}
    # Only these authors' rows: the others are most of a batch's candidates.
    papers = {uid: set(r.get("papers") or ()) for r in rows if (uid := str(r["uid"])) in joined_or_kept}
    for members in groups.values():
        seen: set[str] = set()
        for uid in members:
            mine = papers.get(uid, set())
            if mine & seen:
                return True
            seen |= mine
    return False


def plan_authors(
    batch: Sequence[tuple[str, PaperRecord]],
    paper_of: Mapping[str, str],
    topic_keys: Mapping[str, frozenset[str]],
    venue_keys: Mapping[str, frozenset[str]],
    stored: Sequence[Mapping[str, Any]],
    s: MatchSettings,
    replay: Replay | None = None,
) -> AuthorPlan:
    """`replay`: attachments of mentions known to come out as before (`replayable`), not compared again."""
    plan = AuthorPlan()
    by_block: dict[str, dict[str, None]] = defaultdict(dict)  # block -> author uids, in order (a set)
    by_id: dict[str, str] = {}

    def unindex(other: AuthorState, kept: str) -> None:
        for n in other.context.names:
            by_block[n.block].pop(other.uid, None)
        # Only its own identifiers can point at it: authors joined into it passed theirs on.
        for ident in (other.orcid, other.openalex_id):
            if ident and by_id.get(ident) == other.uid:
                by_id[ident] = kept

    def index(uid: str, names: Iterable[NameKey], ids: Iterable[str | None]) -> None:
        for n in names:
            by_block[n.block][uid] = None
        for ident in ids:
            if ident:
                by_id[ident] = uid

    for row in stored:
        names = stored_names(row)
        plan.unread[row["uid"]] = (row, names)
        index(row["uid"], names, (row.get("orcid"), row.get("openalex_id")))

    for uid, record in batch:
        paper = paper_of[uid]
        keys = [key_of(a) for a in record.authors]
        # Each author's co-author key once per record, not once per mention of the others.
        coauthor_keys = [coauthor_key(k) if k.family else None for k in keys]
        listing = listing_of(record)
        subject = subject_key(record.title)
        used: set[str] = set()
        for pos, (ref, key) in enumerate(zip(record.authors, keys, strict=True)):
            if not key.family:
                continue
            affiliations = frozenset(ref.institution_rors).union(*(affiliation_keys(a) for a in ref.affiliations))
            mention = make_context(
                names=frozenset({key}),
                orcid=ref.orcid,
                openalex_id=ref.openalex_id,
                coauthors=frozenset(c for i, c in enumerate(coauthor_keys) if i != pos and c is not None),
                topics=topic_keys.get(uid, frozenset()),
                venues=venue_keys.get(uid, frozenset()),
                affiliations=affiliations,
                listings=frozenset({listing}) if listing else frozenset(),
                titles=frozenset({subject}) if subject else frozenset(),
                papers=frozenset({paper}),
            )
            if replay is not None and (uid, pos) in replay:
                found = replay[(uid, pos)]
                for c in (found.uid, *(o for o, _ in found.bridged)) if found else ():
                    plan.state(c)
            else:
                candidates = list(by_block.get(key.block, []))
                for ident in (ref.orcid, ref.openalex_id):
                    if ident and ident in by_id and by_id[ident] not in candidates:
                        candidates.append(by_id[ident])
                # Only candidates whose names (or identifiers) let them merge get their state built.
                found = attach(mention, ((c, plan.state(c).context) for c in candidates
                                         if c not in used and plan.may_be(c, mention)), s)
            joins: list[tuple[str, str]] = []
            if found is not None:
                target, best_result = found.uid, found.match
                if not plan.authors[target].claimed:
                    # Dropping a claimed author (or one split from the group by an undone bridge) from the
                    # bridged ones only ever allows fewer joins: `attach` checked each later one against a
                    # context that included it.
                    bridged: dict[str, AuthorMatch] = {}
                    for o, m in found.bridged:
                        if not plan.authors[o].claimed and not any(
                            _split(plan.authors[o], plan.authors[g]) for g in (target, *bridged)
                        ):
                            bridged[o] = m
                    if bridged:
                        kept = min([target, *bridged])
                        for other, m in sorted({target: best_result, **bridged}.items()):
                            if other != kept:
                                joined = plan.authors[other]
                                _join(plan, plan.authors[kept], joined, m, uid, pos)
                                unindex(joined, kept)
                                joins.append((kept, other))
                        target = kept
                state = plan.authors[target]
                confidence, method = best_result.score, best_result.method
                plan.merged += 1
                # What the author takes from this mention, so that an undo gives it back to the mention's
                # own author: an ORCID or OpenAlex id it had none of, a spelling it had not seen, and the
                # display name when this spelling is fuller (its name before is kept). Only what it takes
                # is written: most mentions take nothing, and there are several decisions per record.
                taken = {"orcid_back": bool(ref.orcid and not state.orcid),
                         "openalex_back": bool(ref.openalex_id and not state.openalex_id),
                         "variant_back": ref.raw.strip() not in state.variants}
                was = (state.name, state.given, state.family)
                state.context = state.context.absorb(mention)
                state.orcid = state.orcid or ref.orcid
                state.openalex_id = state.openalex_id or ref.openalex_id
                _fuller(state, ref, key)
                plan.decisions.append(
                    {
                        "uid": "md-" + short_hash("author", target, uid, str(pos)),
                        "kind": "author",
                        "score": best_result.score,
                        "method": best_result.method,
                        "reasons": list(best_result.reasons),
                        "entity_uid": target,
                        "target_uid": paper,
                        "source_record_uid": uid,
                        "position": pos,
                        "snapshot": json.dumps(
                            {"raw": ref.raw, "given": ref.given, "family": ref.family, "orcid": ref.orcid,
                             "openalex_id": ref.openalex_id, **{k: True for k, v in taken.items() if v},
                             **({"kept_name": name_props(*was)} if (state.name, state.given, state.family) != was
                                else {})},
                            ensure_ascii=False,
                        ),
                    }
                )
            else:
                target = author_uid(uid, pos)
                state = AuthorState(
                    uid=target,
                    name=ref.raw.strip(),
                    given=ref.given or key.given.title(),
                    family=ref.family or key.family.title(),
                    variants=set(),
                    context=mention,
                    orcid=ref.orcid,
                    openalex_id=ref.openalex_id,
                )
                plan.authors[target] = state
                plan.new.add(target)
                confidence = 1.0
                method = "orcid" if ref.orcid else "openalex" if ref.openalex_id else "new"
            state.variants.add(ref.raw.strip())
            state.touched = True
            state.mentions.append({"record": uid, "role": f"author#{pos}"})
            index(target, state.context.names, (state.orcid, state.openalex_id))
            used.add(target)
            plan.assigned[(uid, pos)] = target
            authored = {
                "author": target,
                "paper": paper,
                "position": pos,
                "confidence": round(confidence, 3),
                "method": method,
                "raw_name": ref.raw,
                "record": uid,
            }
            plan.authored.append(authored)
            plan.authored_by.setdefault(target, []).append(authored)
            plan.log.append(Attached((uid, pos), found, tuple(joins)))
    plan.resolve()
    return plan
