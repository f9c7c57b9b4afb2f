"""The pure shaping behind the pages: query-string parsing, labels, grouping of a graph slice."""

from __future__ import annotations

import datetime as dt

import pytest

from peergraph.web import views


def test_years_and_types_from_the_query_string() -> None:
    assert views.parse_year("2020", "since") == 2020
    assert views.parse_year("", "since") is None
    with pytest.raises(views.BadParameter, match="since must be a year such as 2020"):
        views.parse_year("last year", "since")
    with pytest.raises(views.BadParameter, match="between 1900"):
        views.parse_year(str(dt.date.today().year + 5), "until")
    assert views.parse_types("author, paper") == ["AUTHOR", "PAPER"]
    with pytest.raises(views.BadParameter, match="unknown node type 'DRAGON'"):
        views.parse_types("PAPER,DRAGON")
    assert views.parse_query("  vision   transformers ") == "vision transformers"
    with pytest.raises(views.BadParameter):
        views.parse_query("x" * 201)


def test_labels_people_read() -> None:
    assert views.affiliation_text(None, "not imported") == "Affiliation not imported"
    assert views.affiliation_text(None, "inferred") == "Affiliation inferred from papers"
    assert views.affiliation_text("Google Research", "asserted") == "Google Research"
    assert views.number(3.4) == "3.4" and views.number(5.0) == "5" and views.number(None) == ""
    assert views.band_class("Emerging") == "emerging"
    assert views.band_class('x" onclick="') == "unknown"
    assert views.type_name("AUTHOR", plural=True) == "People"


def test_a_slice_grouped_by_type_heaviest_first_with_what_was_left_out() -> None:
    slice_ = {
        "nodes": [
            {"id": "a1", "type": "AUTHOR", "label": "Xiaodan Song", "year": None, "weight": 1.0},
            {"id": "p1", "type": "PAPER", "label": "MobileBERT", "year": 2020, "weight": 0.5},
            {"id": "p2", "type": "PAPER", "label": "As-ViT", "year": 2022, "weight": 0.9},
            {"id": "t1", "type": "TOPIC", "label": "vision transformers", "year": None, "weight": 0.7},
        ],
        "edges": [],
        "truncated": [{"type": "TOPIC", "count": 44}],
    }
    groups = views.group_slice(slice_, center="a1")
    assert [g.type for g in groups] == ["PAPER", "TOPIC"]
    assert [n["label"] for n in groups[0].nodes] == ["As-ViT", "MobileBERT"]
    assert groups[1].left_out == 44
    assert views.group_slice(None) == []


def test_search_edges_become_flat_hits() -> None:
    data = {"search": {"edges": [
        {"score": 0.9, "node": {"__typename": "Author", "id": "a1", "name": "Xiaodan Song"}},
        {"score": 0.5, "node": {"__typename": "Paper", "id": "p1", "title": "MobileBERT", "year": 2020}},
    ]}}
    assert views.search_hits(data) == [
        {"id": "a1", "type": "AUTHOR", "label": "Xiaodan Song", "year": None, "score": 0.9},
        {"id": "p1", "type": "PAPER", "label": "MobileBERT", "year": 2020, "score": 0.5},
    ]
