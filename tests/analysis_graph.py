"""A small, hand-written research graph whose answers are known, for the analysis query tests.

Who is who:
- Ada and Alan wrote p1 (2019) and p2 (2020) together, Cambridge; Ada holds a verified claim.
- Alan, Grace and John wrote p3 (2021); Grace wrote p4 (2022) with J. Smith and p5 (2023) with John Smith:
  two Author records with the same blocking key "smith|j" and a shared co-author (Grace), never merged.
  Jane Smith (also "smith|j") wrote p9 alone: same key, no shared co-author.
- John and Katherine wrote the preprint p7 (2022), a VERSION_OF the published p8 (2023), which came from
  three source records; Katherine and Emmy wrote p6 (2023), both listed at position 0 (an integrity fault).
- p5 cites itself (an integrity fault). p_orphan has no author, "Nobody Here" no paper, the topic
  Astronomy no paper, "Empty Institute" nobody, one source record feeds no entity.
"""

from __future__ import annotations

from typing import Any

AUTHORS: list[dict[str, Any]] = [
    {"uid": "a_ada", "name": "Ada Lovelace", "name_key": "lovelace|a", "name_variants": ["A. Lovelace"],
     "orcid": "0000-0001-0000-0001", "trust_score": 82, "trust_band": "Trusted", "verification_level": "L2"},
    {"uid": "a_alan", "name": "Alan Turing", "name_key": "turing|a", "name_variants": ["A. M. Turing"],
     "orcid": None, "trust_score": 78, "trust_band": "Trusted", "verification_level": "L1"},
    {"uid": "a_grace", "name": "Grace Hopper", "name_key": "hopper|g", "name_variants": [],
     "orcid": None, "trust_score": 55, "trust_band": "Established", "verification_level": "L1"},
    {"uid": "a_john", "name": "John von Neumann", "name_key": "neumann|j", "name_variants": [],
     "orcid": None, "trust_score": 30, "trust_band": "Developing", "verification_level": "L0"},
    {"uid": "a_kat", "name": "Katherine Johnson", "name_key": "johnson|k", "name_variants": [],
     "orcid": None, "trust_score": 10, "trust_band": "Emerging", "verification_level": "L0"},
    {"uid": "a_emmy", "name": "Emmy Noether", "name_key": "noether|e", "name_variants": [],
     "orcid": None, "trust_score": None, "trust_band": None, "verification_level": "L0"},
    {"uid": "a_js1", "name": "J. Smith", "name_key": "smith|j", "name_variants": ["J. Smith"],
     "orcid": None, "trust_score": None, "trust_band": None, "verification_level": "L0"},
    {"uid": "a_js2", "name": "John Smith", "name_key": "smith|j", "name_variants": ["J. Smith", "John Smith"],
     "orcid": None, "trust_score": None, "trust_band": None, "verification_level": "L0"},
    {"uid": "a_js3", "name": "Jane Smith", "name_key": "smith|j", "name_variants": [],
     "orcid": "0000-0003-0000-0003", "trust_score": None, "trust_band": None, "verification_level": "L0"},
    {"uid": "a_orphan", "name": "Nobody Here", "name_key": "here|n", "name_variants": [],
     "orcid": None, "trust_score": None, "trust_band": None, "verification_level": "L0"},
]

PAPERS: list[dict[str, Any]] = [
    {"uid": "p1", "title": "Notes on the Analytical Engine", "year": 2019, "type": "journal"},
    {"uid": "p2", "title": "Computable Numbers Revisited", "year": 2020, "type": "journal"},
    {"uid": "p3", "title": "Stored Programs", "year": 2021, "type": "conference"},
    {"uid": "p4", "title": "A Compiler for Everyone", "year": 2022, "type": "conference"},
    {"uid": "p5", "title": "Compilers Grow Up", "year": 2023, "type": "journal"},
    {"uid": "p6", "title": "Orbits by Hand", "year": 2023, "type": "journal"},
    {"uid": "p7", "title": "Game Theory of Orbits", "year": 2022, "type": "preprint"},
    {"uid": "p8", "title": "Game Theory of Orbits", "year": 2023, "type": "journal"},
    {"uid": "p9", "title": "Parsing in Practice", "year": 2023, "type": "journal"},
    {"uid": "p_orphan", "title": "Anonymous Pamphlet", "year": 2018, "type": "other"},
]

# (author, paper, position, confidence, method)
AUTHORED = [
    ("a_ada", "p1", 0, 1.0, "orcid"), ("a_alan", "p1", 1, 1.0, "exact-name"),
    ("a_ada", "p2", 0, 1.0, "orcid"), ("a_alan", "p2", 1, 0.95, "exact-name"),
    ("a_alan", "p3", 0, 1.0, "exact-name"), ("a_grace", "p3", 1, 1.0, "exact-name"), ("a_john", "p3", 2, 1.0, "exact-name"),
    ("a_grace", "p4", 0, 1.0, "exact-name"), ("a_js1", "p4", 1, 0.7, "name+coauthors"),
    ("a_grace", "p5", 0, 1.0, "exact-name"), ("a_js2", "p5", 1, 0.55, "name+coauthors"),
    ("a_kat", "p6", 0, 1.0, "exact-name"), ("a_emmy", "p6", 0, 1.0, "exact-name"),
    ("a_john", "p7", 0, 1.0, "exact-name"), ("a_kat", "p7", 1, 1.0, "exact-name"),
    ("a_john", "p8", 0, 1.0, "exact-name"), ("a_kat", "p8", 1, 1.0, "exact-name"),
    ("a_js3", "p9", 0, 0.6, "exact-name"),
]

TOPICS = [
    {"uid": "t_comp", "label": "Computing", "label_key": "computing"},
    {"uid": "t_math", "label": "Mathematics", "label_key": "mathematics"},
    {"uid": "t_compilers", "label": "Compilers", "label_key": "compilers"},
    {"uid": "t_astro", "label": "Astronomy", "label_key": "astronomy"},
]
HAS_TOPIC = [
    ("p1", "t_comp"), ("p2", "t_comp"), ("p2", "t_math"), ("p3", "t_comp"), ("p4", "t_compilers"),
    ("p5", "t_compilers"), ("p5", "t_comp"), ("p6", "t_math"), ("p7", "t_math"), ("p8", "t_math"),
    ("p9", "t_compilers"),
]

INSTITUTIONS = [
    {"uid": "i_cam", "name": "University of Cambridge", "ror": "013meh722"},
    {"uid": "i_yale", "name": "Yale University", "ror": "03v76x132"},
    {"uid": "i_ias", "name": "Institute for Advanced Study", "ror": "00f809463"},
    {"uid": "i_nasa", "name": "NASA Langley Research Center", "ror": "0399mhs52"},
    {"uid": "i_empty", "name": "Empty Institute", "ror": None},
]
AFFILIATED = [
    ("a_ada", "i_cam"), ("a_alan", "i_cam"), ("a_grace", "i_yale"), ("a_js1", "i_yale"),
    ("a_john", "i_ias"), ("a_kat", "i_nasa"), ("a_emmy", "i_nasa"),
]

CITES = [("p3", "p1"), ("p3", "p2"), ("p5", "p4"), ("p8", "p3"), ("p5", "p5")]
VERSION_OF = [("p7", "p8")]

SOURCES = [
    {"uid": "s1", "source": "arxiv", "record_id": "2201.00001"},
    {"uid": "s2", "source": "openalex", "record_id": "W100"},
    {"uid": "s3", "source": "pages:000", "record_id": "row-3"},
    {"uid": "s4", "source": "arxiv", "record_id": "2201.00001v1"},
    {"uid": "s5", "source": "openalex", "record_id": "W101"},
    {"uid": "s_orphan", "source": "pages:001", "record_id": "row-9"},
]
DERIVED = [("p8", "s1"), ("p8", "s2"), ("p8", "s3"), ("p7", "s4"), ("p5", "s5")]

ACCOUNTS = [{"uid": "acc_ada", "email": "ada@example.org"}, {"uid": "acc_alan", "email": "alan@example.org"}]
# (account, claim uid, status, author)
CLAIMS = [("acc_ada", "c1", "verified", "a_ada"), ("acc_alan", "c2", "pending", "a_alan")]


def _pairs(rows: list[tuple]) -> list[dict[str, Any]]:
    return [{"a": r[0], "b": r[1]} for r in rows]


def load(graph: Any) -> None:
    """Write the demo graph (the caller wiped the store). Batched: one UNWIND per node and edge kind."""
    w = graph.write
    w("UNWIND $rows AS r CREATE (a:Author) SET a = r", {"rows": AUTHORS})
    w("UNWIND $rows AS r CREATE (p:Paper) SET p = r, p.title_key = toLower(r.title)", {"rows": PAPERS})
    w("UNWIND $rows AS r CREATE (t:Topic) SET t = r, t.scheme = 'keyword'", {"rows": TOPICS})
    w("UNWIND $rows AS r CREATE (i:Institution) SET i = r, i.name_key = toLower(r.name)", {"rows": INSTITUTIONS})
    w("UNWIND $rows AS r CREATE (s:SourceRecord) SET s = r, s.payload_hash = r.uid", {"rows": SOURCES})
    w("UNWIND $rows AS r CREATE (a:Account {uid: r.uid, email: r.email, password_hash: 'x', role: 'user'})",
      {"rows": ACCOUNTS})
    w("CREATE (:Venue {uid: 'v_jc', name: 'Journal of Computing', name_key: 'journal of computing', kind: 'journal'})")
    w(
        "UNWIND $rows AS r MATCH (a:Author {uid: r.a}), (p:Paper {uid: r.p}) "
        "CREATE (a)-[:AUTHORED {position: r.position, confidence: r.confidence, method: r.method, raw_name: a.name}]->(p)",
        {"rows": [{"a": a, "p": p, "position": pos, "confidence": c, "method": m} for a, p, pos, c, m in AUTHORED]},
    )
    w("UNWIND $rows AS r MATCH (p:Paper {uid: r.a}), (t:Topic {uid: r.b}) "
      "CREATE (p)-[:HAS_TOPIC {score: 1.0, source: 'keyword'}]->(t)", {"rows": _pairs(HAS_TOPIC)})
    w("UNWIND $rows AS r MATCH (a:Author {uid: r.a}), (i:Institution {uid: r.b}) "
      "CREATE (a)-[:AFFILIATED_WITH {source: 'openalex', status: 'inferred'}]->(i)", {"rows": _pairs(AFFILIATED)})
    w("UNWIND $rows AS r MATCH (p:Paper {uid: r.a}), (q:Paper {uid: r.b}) CREATE (p)-[:CITES]->(q)",
      {"rows": _pairs(CITES)})
    w("UNWIND $rows AS r MATCH (p:Paper {uid: r.a}), (q:Paper {uid: r.b}) CREATE (p)-[:VERSION_OF]->(q)",
      {"rows": _pairs(VERSION_OF)})
    w("UNWIND $rows AS r MATCH (p:Paper {uid: r.a}), (s:SourceRecord {uid: r.b}) "
      "CREATE (p)-[:DERIVED_FROM {role: 'paper'}]->(s)", {"rows": _pairs(DERIVED)})
    w("MATCH (p:Paper {uid: 'p3'}), (v:Venue {uid: 'v_jc'}) CREATE (p)-[:PUBLISHED_IN]->(v)")
    w(
        "UNWIND $rows AS r MATCH (acc:Account {uid: r.acc}), (a:Author {uid: r.author}) "
        "CREATE (acc)-[:MADE_CLAIM]->(:Claim {uid: r.uid, status: r.status, method: 'orcid'})-[:CLAIMS]->(a)",
        {"rows": [{"acc": acc, "uid": c, "status": s, "author": a} for acc, c, s, a in CLAIMS]},
    )
