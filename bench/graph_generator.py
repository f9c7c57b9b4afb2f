"""A seeded synthetic research graph for benchmarks: papers, authors, topics, venues, institutions.

Shapes follow real bibliographic data roughly: author productivity is heavy-tailed (a few prolific
authors, many with one paper), most papers have 2-8 authors and a few are hyper-authored (50-300),
one topic is a supernode carrying half of all papers, and papers cite a few earlier papers.
Written with batched `UNWIND ... CREATE` into a store that must be empty (benchmarks start their own).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator

from peergraph.store.driver import Graph

GIVEN = ("Ana Wei Xiaodan Maria Jun Li Olga Pedro Aisha Kenji Sara Omar Lena Ravi Chen Nora Ivan Mei Yuki Tom "
         "Eva Hugo Ines Raj Zoe Lars Nina Alex Sofia Karim").split()
FAMILY = ("Song Wang Garcia Müller Kim Chen Silva Rossi Nowak Ivanov Sato Khan Smith Dubois Costa Novak Larsen "
          "Zhang Liu Yamamoto Haddad Okafor Jensen Kowalski Moreau Ferreira Petrov Tanaka Singh Brown").split()
WORDS = ("learning neural graph scalable efficient robust transformer vision language model sparse attention "
         "training inference optimization search retrieval causal federated quantum protein molecular "
         "reinforcement generative diffusion embedding clustering detection segmentation reasoning").split()

CREATE_AUTHORS = """
UNWIND $rows AS row
CREATE (a:Author {uid: row.uid, name: row.name, given: row.given, family: row.family, name_key: row.name_key,
                  name_variants: row.variants, open_to_collaborate: row.open})
"""
CREATE_PAPERS = """
UNWIND $rows AS row
CREATE (p:Paper {uid: row.uid, title: row.title, title_key: row.title_key, year: row.year, type: row.type,
                 abstract: row.abstract})
"""
CREATE_TOPICS = "UNWIND $rows AS row CREATE (:Topic {uid: row.uid, label: row.name, label_key: row.key, scheme: 'keyword'})"
CREATE_VENUES = "UNWIND $rows AS row CREATE (:Venue {uid: row.uid, name: row.name, name_key: row.key, kind: 'journal'})"
CREATE_INSTITUTIONS = "UNWIND $rows AS row CREATE (:Institution {uid: row.uid, name: row.name, name_key: row.key})"
LINK_AUTHORED = """
UNWIND $rows AS row
MATCH (a:Author {uid: row.a}), (p:Paper {uid: row.p})
CREATE (a)-[:AUTHORED {position: row.pos, confidence: row.conf, method: 'imported', raw_name: a.name}]->(p)
"""
LINK_TOPIC = """
UNWIND $rows AS row
MATCH (p:Paper {uid: row.p}), (t:Topic {uid: row.t})
CREATE (p)-[:HAS_TOPIC {score: row.score, source: 'keyword'}]->(t)
"""
LINK_VENUE = """
UNWIND $rows AS row
MATCH (p:Paper {uid: row.p}), (v:Venue {uid: row.v})
CREATE (p)-[:PUBLISHED_IN]->(v)
"""
LINK_CITES = """
UNWIND $rows AS row
MATCH (p:Paper {uid: row.p}), (q:Paper {uid: row.q})
CREATE (p)-[:CITES]->(q)
"""
LINK_AFFILIATION = """
UNWIND $rows AS row
MATCH (a:Author {uid: row.a}), (i:Institution {uid: row.i})
CREATE (a)-[:AFFILIATED_WITH {source: 'openalex', year: row.year, status: row.status}]->(i)
"""


def _batches(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def generate(graph: Graph, papers: int = 100_000, authors: int = 150_000, seed: int = 7, batch: int = 5000,
             log=print) -> dict[str, int]:  # noqa: ANN001
    rng = random.Random(seed)
    t0 = time.perf_counter()

    def write(query: str, rows: list[dict], what: str) -> None:
        for chunk in _batches(rows, batch):
            graph.write(query, {"rows": chunk})
        log(f"  {what}: {len(rows)} in {time.perf_counter() - t0:.0f}s")

    author_rows = []
    for i in range(authors):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY) + (str(i % 997) if i % 3 else "")
        author_rows.append({"uid": f"A{i}", "name": f"{given} {family}", "given": given, "family": family,
                            "name_key": f"{family.lower()}|{given[0].lower()}", "variants": [f"{given[0]}. {family}"],
                            "open": i % 5 == 0})
    write(CREATE_AUTHORS, author_rows, "authors")
    n_topics, n_venues, n_inst = 500, 200, 2000
    topic_rows = [{"uid": f"T{i}", "name": f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}", "key": f"topic {i}"}
                  for i in range(n_topics)]
    topic_rows[0].update(name="Machine Learning", key="machine learning")
    write(CREATE_TOPICS, topic_rows, "topics")
    write(CREATE_VENUES, [{"uid": f"V{i}", "name": f"Journal {i}", "key": f"journal {i}"} for i in range(n_venues)], "venues")
    write(CREATE_INSTITUTIONS, [{"uid": f"I{i}", "name": f"University {i}", "key": f"university {i}"}
                                for i in range(n_inst)], "institutions")

    paper_rows, authored, topics, venues, cites = [], [], [], [], []
    weights = [1.0 / (1 + i) ** 0.9 for i in range(authors)]  # heavy-tailed productivity
    order = list(range(authors))
    rng.shuffle(order)
    cum = list(_cumulative(weights))
    for i in range(papers):
        words = rng.sample(WORDS, 5)
        title = " ".join(words).capitalize() + f" {i}"
        paper_rows.append({"uid": f"P{i}", "title": title, "title_key": title.lower(), "year": 1995 + (i * 30) // papers,
                           "type": rng.choice(("preprint", "journal", "conference")), "abstract": " ".join(words * 6)})
        n = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8)) if rng.random() > 0.002 else rng.randint(50, 300)
        chosen = {order[_pick(cum, rng.random() * cum[-1])] for _ in range(n)}
        for pos, a in enumerate(chosen):
            authored.append({"a": f"A{a}", "p": f"P{i}", "pos": pos, "conf": 1.0 if rng.random() > 0.1 else 0.8})
        if rng.random() < 0.5:
            topics.append({"p": f"P{i}", "t": "T0", "score": 0.5})
        for t in rng.sample(range(1, n_topics), 2):
            topics.append({"p": f"P{i}", "t": f"T{t}", "score": round(rng.random(), 2)})
        venues.append({"p": f"P{i}", "v": f"V{rng.randrange(n_venues)}"})
        if i > 10:
            for _ in range(2):
                cites.append({"p": f"P{i}", "q": f"P{rng.randrange(i)}"})
    write(CREATE_PAPERS, paper_rows, "papers")
    write(LINK_AUTHORED, authored, "authorships")
    write(LINK_TOPIC, topics, "topic links")
    write(LINK_VENUE, venues, "venue links")
    write(LINK_CITES, cites, "citations")
    affiliations = [{"a": f"A{i}", "i": f"I{rng.randrange(n_inst)}", "year": 2015 + i % 10,
                     "status": ("inferred", "asserted", "verified")[i % 3]} for i in range(0, authors, 2)]
    write(LINK_AFFILIATION, affiliations, "affiliations")
    return {"papers": papers, "authors": authors, "authored": len(authored), "topics": len(topics),
            "cites": len(cites), "seconds": round(time.perf_counter() - t0)}


def _cumulative(weights: list[float]) -> Iterator[float]:
    total = 0.0
    for w in weights:
        total += w
        yield total


def _pick(cum: list[float], x: float) -> int:
    import bisect

    return min(bisect.bisect_left(cum, x), len(cum) - 1)
