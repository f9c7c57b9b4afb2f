"""Author disambiguation quality of PeerGraph's own author matcher on the Arnetminer name set.

For each ambiguous name, every pair of its publications is judged by PeerGraph's author matcher
(peergraph.ingest.match_authors.compare, production thresholds: name, shared co-authors compared by
spelled-out name, venue, organisation part of the affiliation, title words; no labels used), and
publications linked by merges form one person (single link, as the pipeline attaches a mention to
any author whose context it matches). Reported: pairwise F1 per name averaged over names (macro-F1, as in
Xu et al. CIKM 2018) and B-cubed F1 over all publications.

    .venv/bin/python bench/author_disambiguation.py [--csv .../flat_arnetminer_110names.csv]
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from peergraph.ingest.cluster import UnionFind
from peergraph.ingest.institutions import affiliation_keys
from peergraph.ingest.keys import name_key, text_key
from peergraph.ingest.match_authors import AuthorContext, coauthor_key, compare
from peergraph.ingest.settings import DEFAULT
from peergraph.ingest.topics import keyphrase_keys

RESULTS = Path(__file__).parent / "results" / "author_disambiguation.json"


def mention(row: dict[str, str]) -> AuthorContext:
    target = name_key(row["full_name"])
    # The ambiguous name itself is listed among the co-authors in this data: leave it out.
    coauthors = frozenset(
        coauthor_key(k)
        for n in row["coauthors"].split(",")
        if n.strip() and (k := name_key(n.strip())).block != target.block
    )
    venue = text_key(row["venue"]) if row["venue"] and row["venue"] != "null" else ""
    org = row["organization"] if row["organization"] != "null" else ""
    topics = keyphrase_keys(row["title"], row["keywords"])
    return AuthorContext(
        names=frozenset({target}),
        coauthors=coauthors,
        topics=topics,
        venues=frozenset({venue}) if venue else frozenset(),
        affiliations=affiliation_keys(org),
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", default="/work/shared/data/aminer_arnetminer_names/flat_arnetminer_110names.csv")
    path = Path(parser.parse_args().csv)
    by_name: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            by_name[row["file"]].append(row)
    started = time.perf_counter()
    f1s = []
    bp_sum = br_sum = 0.0
    total = 0
    for rows in by_name.values():
        truth = [r["cluster_key"] for r in rows]
        pred = cluster([mention(r) for r in rows])
        f1s.append(pairwise_f1(truth, pred))
        bp, br = bcubed(truth, pred)
        bp_sum, br_sum, total = bp_sum + bp, br_sum + br, total + len(rows)
    b3p, b3r = bp_sum / total, br_sum / total
    result = {
        "macro_f1": round(sum(f1s) / len(f1s), 4),
        "b3_precision": round(b3p, 4),
        "b3_recall": round(b3r, 4),
        "b3_f1": round(2 * b3p * b3r / (b3p + b3r), 4),
        "names": len(by_name),
        "publications": total,
        "seconds": round(time.perf_counter() - started, 2),
    }
    print(json.dumps(result, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
