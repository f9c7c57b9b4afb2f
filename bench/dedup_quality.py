"""Precision, recall and F1 of PeerGraph's paper matcher on the Leipzig DBLP-ACM benchmark.

The matcher and its thresholds are the production ones (peergraph.ingest.settings.DEFAULT): no
labels are used for training or tuning. Every ACM record is matched against the DBLP records it
shares a blocking key with, exactly as the ingest pipeline attaches a new record to its best
"same" candidate.

    .venv/bin/python bench/dedup_quality.py [--data /work/shared/data/leipzig_dblp_acm]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import time
from pathlib import Path

from peergraph.ingest.block import candidate_pairs, paper_keys
from peergraph.ingest.cluster import best_matches
from peergraph.ingest.match_papers import PaperView, view_of
from peergraph.ingest.records import AuthorRef, PaperRecord, Provenance
from peergraph.ingest.settings import DEFAULT

RESULTS = Path(__file__).parent / "results" / "dedup_quality.json"


def read(path: Path, encoding: str, source: str) -> list[PaperRecord]:
    with path.open(encoding=encoding, newline="") as fh:
        rows = list(csv.DictReader(fh))
    records = []
    for row in rows:
        # The files carry HTML character references ("Imieli&#324;ski"): decode them as any source would.
        row = {k: html.unescape(v or "") for k, v in row.items()}
        authors = tuple(AuthorRef(raw=n.strip()) for n in row["authors"].split(",") if n.strip())
        year = int(row["year"]) if (row["year"] or "").strip().isdigit() else None
        prov = Provenance(source=source, record_id=row["id"].strip(), payload_hash="")
        records.append(PaperRecord(provenance=prov, title=row["title"], authors=authors, year=year))
    return records


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/work/shared/data/leipzig_dblp_acm")
    data = Path(parser.parse_args().data)
    dblp = read(data / "DBLP2.csv", "latin-1", "dblp")
    acm = read(data / "ACM.csv", "utf-8", "acm")
    truth = set()
    with (data / "DBLP-ACM_perfectMapping.csv").open(newline="") as fh:
        for row in csv.DictReader(fh):
            truth.add((row["idDBLP"].strip(), row["idACM"].strip()))

    started = time.perf_counter()
    views: dict[str, PaperView] = {}
    for rec in dblp + acm:
        key = f"{rec.provenance.source}:{rec.provenance.record_id}"
        views[key] = view_of(rec, key)
    keyed = [(k, paper_keys(v.title_key, None, v.doi, v.arxiv_id, v.openalex_id, v.families, v.year)) for k, v in views.items()]
    pairs = candidate_pairs(keyed, DEFAULT.max_block_size, coarse_block_size=DEFAULT.coarse_cap)
    cross = [(a, b) if a.startswith("acm:") else (b, a) for a, b in pairs if a[:4] != b[:4]]
    links = best_matches(cross, views, DEFAULT)
    found = {(d.split(":", 1)[1], a.split(":", 1)[1]) for a, (d, _) in links.items()}
    elapsed = time.perf_counter() - started

    tp = len(found & truth)
    precision = tp / len(found) if found else 0.0
    recall = tp / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    result = {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "candidate_pairs": len(cross),
        "all_pairs": len(dblp) * len(acm),
        "true_pairs": len(truth),
        "predicted_pairs": len(found),
        "seconds": round(elapsed, 2),
    }
    print(json.dumps(result, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
