"""Every .cypher file has a header that parses and declares exactly the parameters it uses.

The header convention is in cypher/README.md; these tests hold every area to it (api, ingest, trust,
accounts, store, analysis), and hold cypher/analysis/ to its stricter rules.
"""

from __future__ import annotations

import pytest

from peergraph.analysis import catalog, guard
from peergraph.errors import BadInput, NotFound
from peergraph.network import collaboration

ALL = catalog.all_names()
ANALYSIS = [n for n in ALL if n.startswith("analysis/")]


@pytest.mark.parametrize("name", ALL)
def test_every_cypher_file_has_a_header_and_declares_exactly_what_it_uses(name: str) -> None:
    query = catalog.load_query(name)
    assert query.purpose
    assert catalog.problems(query) == []


def test_the_analysis_library_has_at_least_twelve_queries() -> None:
    assert len(ANALYSIS) >= 12
    expected = {"collaborators", "collaboration_path", "topic_bridges", "rising_topics", "institution_collaborations",
                "author_topic_profile", "dedup_audit_papers", "low_confidence_authorships", "split_author_candidates",
                "trust_distribution", "unclaimed_high_trust", "orphan_nodes", "integrity_checks"}
    assert expected <= {q.short_name for q in catalog.analysis_queries()}


@pytest.mark.parametrize("name", ANALYSIS)
def test_analysis_queries_are_documented_reads_the_guard_accepts(name: str) -> None:
    query = catalog.load_query(name)
    assert query.mode == "read"
    assert query.returns and query.columns, "declare the returned columns as `name (type), ...`"
    assert all(p.type and (p.description or p.required) for p in query.params)
    guard.check(query.text)


def test_a_header_with_one_parameter_per_line_and_defaults() -> None:
    text = """// Purpose: Papers of an author,
//   newest first.
// Parameters:
//   $uid (string, required): the author's uid.
//   $limit (int, default 25): at most this many
//     papers.
//   $kinds (list<string>, default ["journal", "preprint"]): paper types.
// Returns: uid (string), year (int)
// Mode: read
MATCH (a:Author {uid: $uid})-[:AUTHORED]->(p:Paper) WHERE p.type IN $kinds
RETURN p.uid AS uid, p.year AS year, '$not_a_parameter' AS s ORDER BY year DESC LIMIT $limit
"""
    q = catalog.parse("analysis/example", text)
    assert q.purpose == "Papers of an author, newest first."
    assert [(p.name, p.type, p.required, p.default) for p in q.params] == [
        ("uid", "string", True, None), ("limit", "int", False, 25),
        ("kinds", "list<string>", False, ["journal", "preprint"]),
    ]
    assert q.param("limit").description == "at most this many papers."
    assert q.columns == ("uid", "year") and q.mode == "read"
    assert q.used == {"uid", "limit", "kinds"}
    assert catalog.problems(q) == []


def test_a_header_with_parameters_on_one_line_and_a_trailing_mode() -> None:
    text = """// Node counts for some labels.
// Parameters: $labels (list<string>, required), $min (int, default 0)
// Returns: label (string), count (int). Read.
UNWIND $labels AS l MATCH (n) WHERE l IN labels(n) WITH l, count(n) AS c WHERE c >= $min RETURN l AS label, c AS count
"""
    q = catalog.parse("store/example", text)
    assert [p.name for p in q.params] == ["labels", "min"]
    assert q.mode == "read" and q.returns == "label (string), count (int)"


def test_undeclared_and_unused_parameters_are_reported() -> None:
    text = "// Purpose: x\n// Parameters: $a (int, required), $b (int, default 1)\n// Mode: read\nRETURN $a + $c AS x"
    assert catalog.problems(catalog.parse("analysis/bad", text)) == [
        "cypher/analysis/bad.cypher uses $c but does not declare it in its header",
        "cypher/analysis/bad.cypher declares $b but does not use it",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("MATCH (n) RETURN n", "no header"),
        ("// Parameters: $a (int)\nRETURN $a", "purpose"),
        ("// Purpose: x\n// Parameters: $a ()\nRETURN $a", "no type"),
        ("// Purpose: x\n// Parameters: $a (int, sometimes)\nRETURN $a", "expected 'required' or 'default VALUE'"),
        ("// Purpose: x\n// Parameters: limit (int)\nRETURN 1", r"start with \$name"),
        ("// Purpose: x\n// Mode: maybe\nRETURN 1", "Mode must be one of"),
    ],
)
def test_malformed_headers_are_refused_with_the_file_name(text: str, message: str) -> None:
    with pytest.raises(BadInput, match=message) as err:
        catalog.parse("analysis/broken", text)
    assert "cypher/analysis/broken.cypher" in str(err.value)


def test_bind_types_command_line_values_and_fills_defaults() -> None:
    q = catalog.get("rising_topics")
    assert catalog.bind(q, {"from_year": "2021", "to_year": 2023}) == {
        "from_year": 2021, "to_year": 2023, "min_papers": 1, "limit": 20,
    }
    split = catalog.get("split_author_candidates")
    assert catalog.bind(split, {"min_shared_coauthors": "2"})["min_shared_coauthors"] == 2
    with pytest.raises(BadInput, match="needs -p from_year"):
        catalog.bind(q, {"to_year": "2023"})
    with pytest.raises(BadInput, match=r"must be a int, got 'soon'"):
        catalog.bind(q, {"from_year": "soon", "to_year": "2023"})
    with pytest.raises(BadInput, match="takes no parameter year"):
        catalog.bind(q, {"year": "2023", "from_year": "1", "to_year": "2"})


def test_parameter_assignments_from_the_command_line() -> None:
    assert catalog.parse_assignments(["uid=a=b", "$limit=5"]) == {"uid": "a=b", "limit": "5"}
    with pytest.raises(BadInput, match="key=value"):
        catalog.parse_assignments(["uid"])


def test_unknown_names_suggest_close_ones_and_cannot_leave_the_analysis_folder() -> None:
    with pytest.raises(NotFound, match="did you mean collaborators"):
        catalog.get("colaborators")
    for name in ("../accounts/create_account", "accounts/create_account", "/etc/passwd"):
        with pytest.raises(NotFound):
            catalog.get(name)


def test_collaborator_defaults_are_the_constants_of_the_collaboration_module() -> None:
    """cypher/analysis/collaborators.cypher mirrors peergraph.network.collaboration: keep them equal."""
    q = catalog.get("collaborators")
    defaults = {p.name: p.default for p in q.params if not p.required}
    constants = collaboration.cypher_params()
    assert defaults["hyper_authors"] == constants["hyper_authors"]
    assert defaults["half_life"] == constants["half_life"]
    assert defaults["unknown_recency"] == constants["unknown_recency"]
    assert defaults["close_min_shared"] == constants["close_min_shared"]
    assert defaults["close_min_weight"] == pytest.approx(collaboration.CLOSE_MIN_WEIGHT)
