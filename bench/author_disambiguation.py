"""Author disambiguation quality of PeerGraph's own author matcher on the Arnetminer name set.

Headline figures (`macro_f1`, `b3_f1`) measure the ingest procedure: each name's publications
are read in input order, and each mention goes to the author that
peergraph.ingest.match_authors.attach picks among the authors formed so far for that name
(each with the context absorbed from its papers), else starts a new author; on a merge the author
absorbs the mention's context, and the other authors `attach` finds the mention also surely is
(bridged) join that author. Production settings
(MatchSettings defaults), no labels used: the name as the paper spells it (full-name matches
discounted by how many researchers are expected to share the name,
peergraph.ingest.name_ambiguity), co-authors compared by spelled-out name, venue, organisation
part of the affiliation, the topics the source assigned (none on this set: topics.matching_keys)
and the paper's title. Labels only score the result: pairwise F1 per name averaged over names
(macro-F1, as in Xu et al. CIKM 2018) and B-cubed F1 over all publications.

`without_bridging` gives the same figures without joining bridged authors (best_author alone).
For reference, `pairwise_all_pairs` gives the same figures for single-link clustering over every
pair of a name's publications judged by `compare` (the pipeline cannot do this: it sees mentions
batch by batch and stored authors only as accumulated contexts).

    .venv/bin/python bench/author_disambiguation.py [--csv .../flat_arnetminer_110names.csv]
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import defaultdict
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from peergraph.ingest.cluster import UnionFind
from peergraph.ingest.institutions import affiliation_keys
from peergraph.ingest.keys import NameKey, name_key, subject_key
from peergraph.ingest.match_authors import (
    AuthorContext,
    attach,
    coauthor_key,
    compare,
    name_compatibility,
)
from peergraph.ingest.plan_authors import key_of
from peergraph.ingest.records import BadRecord, PaperRecord
from peergraph.ingest.settings import DEFAULT
from peergraph.ingest.sources.files import mapping_to_record
from peergraph.ingest.topics import assign, matching_keys
from peergraph.ingest.venues import venue_of

RESULTS = Path(__file__).parent / "results" / "author_disambiguation.json"


def record_of(row: dict[str, str]) -> PaperRecord:
    """The row as a line of PeerGraph's public JSONL contract, read by the file source.

    The `coauthors` column is the paper's whole author list, the ambiguous author included as the
    paper spells them ("Richard Cole" for the name "R. Cole"); the organisation is theirs."""
    target = name_key(row["full_name"])
    org = "" if row["organization"] == "null" else row["organization"]
    authors: list[object] = []
    for n in (n.strip() for n in row["coauthors"].split(",")):
        if n:
            authors.append({"name": n, "affiliations": [org] if org and name_key(n).block == target.block else []})
    line = {"id": row["paper_id"], "title": row["title"], "year": row["year"], "authors": authors,
            "venue": None if row["venue"] == "null" else row["venue"]}
    record = mapping_to_record(line, "arnetminer", json.dumps(line), row["paper_id"])
    if isinstance(record, BadRecord):
        raise ValueError(record.reason)
    return record


def own_position(keys: list[NameKey], target: NameKey) -> int | None:
    """Where the ambiguous author is on the author list: the one name compatible with the target
    name ("Jianping Wang" for "Jianping Wang" beside a co-author "Jin Wang" of the same name block),
    or None when no name or several are."""
    own = [i for i, k in enumerate(keys) if k.block == target.block and name_compatibility(k, target)[0] != "conflict"]
    return own[0] if len(own) == 1 else None


def mention(row: dict[str, str]) -> AuthorContext:
    """The context the ingest planner gives the ambiguous author's mention on this row's paper.

    As plan_authors does: the name as the paper spells it, the other authors as co-author keys,
    the paper's topics (topics.matching_keys) and venue (venues.venue_of) as the pipeline derives them,
    the affiliation keys of the author's affiliation and the paper's title (its content words)."""
    record = record_of(row)
    target = name_key(row["full_name"])
    keys = [key_of(a) for a in record.authors]
    pos = own_position(keys, target)
    ref = record.authors[pos] if pos is not None else None
    venue = venue_of(record.venue, record.comment, record.type)
    return AuthorContext(
        names=frozenset({keys[pos] if pos is not None else target}),
        coauthors=frozenset(coauthor_key(k) for i, k in enumerate(keys) if i != pos and k.family),
        topics=matching_keys(assign(record, DEFAULT)),
        venues=frozenset({venue.name_key}) if venue else frozenset(),
        affiliations=frozenset().union(*(affiliation_keys(a) for a in ref.affiliations)) if ref else frozenset(),
        titles=frozenset({subject_key(record.title)}) if record.title else frozenset(),
        papers=frozenset({row["paper_id"]}),
    )


def cluster(mentions: list[AuthorContext]) -> list[int]:
    """Single-link clustering over the matcher's pairwise decisions: two publications are the same
    person when `compare` merges them, directly or through a chain of such publications."""
    uf = UnionFind()
    for i in range(len(mentions)):
        uf.find(str(i))
        for j in range(i):
            if compare(mentions[i], mentions[j], DEFAULT).merge:
                uf.union(str(i), str(j))
    return [int(uf.find(str(i))) for i in range(len(mentions))]


def incremental(mentions: list[AuthorContext], bridge: bool = True) -> list[int]:
    """The ingest planner's procedure: mentions in input order; `attach` picks the author each one is
    among the authors formed so far (with the context absorbed from their papers), else it starts a
    new author; with `bridge`, the authors it bridges join that author."""
    authors: dict[str, AuthorContext] = {}
    owner: dict[int, str] = {}
    for i, m in enumerate(mentions):
        found = attach(m, authors.items(), DEFAULT)
        if found is None:
            uid = f"{i:06d}"
            authors[uid] = m
        else:
            uid = found.uid
            for other, _ in found.bridged if bridge else ():
                authors[uid] = authors[uid].absorb(authors.pop(other))
                owner = {k: uid if v == other else v for k, v in owner.items()}
            authors[uid] = authors[uid].absorb(m)
        owner[i] = uid
    return [int(owner[i]) for i in range(len(mentions))]


def pairwise_f1(truth: list[str], pred: list[int]) -> float:
    tp = fp = fn = 0
    for i, j in combinations(range(len(truth)), 2):
        same_t, same_p = truth[i] == truth[j], pred[i] == pred[j]
        tp += same_t and same_p
        fp += same_p and not same_t
        fn += same_t and not same_p
    if tp == 0:
        return 1.0 if fp == fn == 0 else 0.0
    p, r = tp / (tp + fp), tp / (tp + fn)
    return 2 * p * r / (p + r)


def bcubed(truth: list[str], pred: list[int]) -> tuple[float, float]:
    by_t: dict[str, set[int]] = defaultdict(set)
    by_p: dict[int, set[int]] = defaultdict(set)
    for i, (t, p) in enumerate(zip(truth, pred, strict=True)):
        by_t[t].add(i)
        by_p[p].add(i)
    precision = sum(len(by_t[truth[i]] & by_p[pred[i]]) / len(by_p[pred[i]]) for i in range(len(truth)))
    recall = sum(len(by_t[truth[i]] & by_p[pred[i]]) / len(by_t[truth[i]]) for i in range(len(truth)))
    return precision, recall


Name = tuple[str, list[str], list[AuthorContext]]  # (name, true person of each mention, mentions)


def load(path: Path) -> list[Name]:
    """Each name's mentions in input order, with the true person of each (used only to score)."""
    by_name: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            by_name[row["file"]].append(row)
    return [
        (rows[0]["full_name"], [r["cluster_key"] for r in rows], [mention(r) for r in rows])
        for rows in by_name.values()
    ]


def score(names: list[Name], procedure: Callable[[list[AuthorContext]], list[int]]) -> dict[str, float]:
    f1s = []
    bp_sum = br_sum = 0.0
    total = 0
    for _, truth, mentions in names:
        pred = procedure(mentions)
        f1s.append(pairwise_f1(truth, pred))
        bp, br = bcubed(truth, pred)
        bp_sum, br_sum, total = bp_sum + bp, br_sum + br, total + len(truth)
    b3p, b3r = bp_sum / total, br_sum / total
    return {
        "macro_f1": round(sum(f1s) / len(f1s), 4),
        "b3_precision": round(b3p, 4),
        "b3_recall": round(b3r, 4),
        "b3_f1": round(2 * b3p * b3r / (b3p + b3r), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", default="/work/shared/data/aminer_arnetminer_names/flat_arnetminer_110names.csv")
    started = time.perf_counter()
    names = load(Path(parser.parse_args().csv))
    loaded = time.perf_counter()
    result: dict[str, object] = {"procedure": "input order; match_authors.attach over the authors so far, bridged authors joined"}
    result.update(score(names, incremental))
    result["seconds_records_to_contexts"] = round(loaded - started, 2)
    result["seconds_matching"] = round(time.perf_counter() - loaded, 2)
    result["names"] = len(names)
    result["publications"] = sum(len(truth) for _, truth, _ in names)
    result["without_bridging"] = score(names, lambda ms: incremental(ms, bridge=False))
    result["pairwise_all_pairs"] = score(names, cluster)
    print(json.dumps(result, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
