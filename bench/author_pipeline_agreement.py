"""Does the ingest planner cluster authors as bench/author_disambiguation.py measures?

For each Arnetminer name, the name's publications are planned as one ingest batch by
peergraph.ingest.plan_authors (every author of every record is a mention; bridged authors are joined
into the smallest uid), and the ambiguous author's mentions are grouped by the Author the planner
gives them. The same mentions go through author_disambiguation.incremental (the procedure its
macro-F1 is measured on). `agreeing_names` counts names whose two partitions are equal.

Compared are the rows where the name can be found on the author list (exactly one author compatible
with it, bench.own_position): for the others the benchmark scores a mention under the name itself, which
no ingest record carries. The planner gets no paper merges here (each row its own paper); through the
store, duplicate titles in the set become one Paper and can change a decision.

    .venv/bin/python bench/author_pipeline_agreement.py [--csv .../flat_arnetminer_110names.csv]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import author_disambiguation as bench  # noqa: E402

from peergraph.ingest.keys import name_key  # noqa: E402
from peergraph.ingest.pipeline import source_record_uid  # noqa: E402
from peergraph.ingest.plan_authors import key_of, plan_authors  # noqa: E402
from peergraph.ingest.settings import DEFAULT  # noqa: E402
from peergraph.ingest.topics import assign, matching_keys  # noqa: E402
from peergraph.ingest.venues import venue_of  # noqa: E402

RESULTS = Path(__file__).parent / "results" / "author_pipeline_agreement.json"


def partition(labels: list[str]) -> list[list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        groups[label].append(i)
    return sorted(groups.values())


def planned(rows: list[dict[str, str]]) -> tuple[list[int], list[str]]:
    """(rows whose name is found on the author list, the Author the planner gives each of them)."""
    records = [bench.record_of(r) for r in rows]
    batch = [(source_record_uid("arnetminer", f"{r.provenance.record_id}#{i}"), r) for i, r in enumerate(records)]
    topics = {uid: matching_keys(assign(r, DEFAULT)) for uid, r in batch}
    venues = {}
    for uid, r in batch:
        venue = venue_of(r.venue, r.comment, r.type)
        if venue:
            venues[uid] = frozenset({venue.name_key})
    plan = plan_authors(batch, {uid: "p-" + uid for uid, _ in batch}, topics, venues, [], DEFAULT)
    target = name_key(rows[0]["full_name"])
    found, authors = [], []
    for i, (uid, record) in enumerate(batch):
        keys = [key_of(a) for a in record.authors]
        pos = bench.own_position(keys, target)
        if pos is not None:
            found.append(i)
            authors.append(plan.assigned[(uid, pos)])
    return found, authors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", default="/work/shared/data/aminer_arnetminer_names/flat_arnetminer_110names.csv")
    path = Path(parser.parse_args().csv)
    started = time.perf_counter()
    by_name: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            by_name[row["file"]].append(row)
    disagreeing = []
    compared = 0
    for name, rows in by_name.items():
        found, authors = planned(rows)
        compared += len(found)
        reference = bench.incremental([bench.mention(rows[i]) for i in found])
        if partition(authors) != partition([str(c) for c in reference]):
            disagreeing.append(name)
    result = {
        "names": len(by_name),
        "agreeing_names": len(by_name) - len(disagreeing),
        "disagreeing": disagreeing,
        "mentions_compared": compared,
        "publications": sum(len(rows) for rows in by_name.values()),
        "seconds": round(time.perf_counter() - started, 2),
    }
    print(json.dumps(result, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
