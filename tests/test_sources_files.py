"""JSONL and CSV files in the public record contract, including every kind of bad line."""

import json
from pathlib import Path

from peergraph.ingest.records import BadRecord, PaperRecord, payload_hash
from peergraph.ingest.sources import read_file
from peergraph.ingest.sources.files import iter_lines

AS_VIT = {
    "id": "asvit-1",
    "title": "Auto-scaling Vision Transformers without Training",
    "abstract": "This work targets automated designing and scaling of Vision Transformers (ViTs).",
    "authors": [
        "Wuyang Chen",
        {"name": "Song, Xiaodan", "orcid": "https://orcid.org/0000-0002-1825-0097", "affiliations": ["Google"]},
    ],
    "year": 2022,
    "date": "2022-02-24",
    "venue": "ICLR",
    "type": "conference",
    "doi": "https://doi.org/10.48550/arXiv.2202.11921",
    "arxiv_id": "arXiv:2202.11921v1",
    "openalex_id": "https://openalex.org/W4226359218",
    "keywords": ["vision transformer", "neural architecture search"],
    "reviewer_notes": "kept in the payload",
}


def write_lines(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_jsonl_contract_maps_every_field(tmp_path: Path) -> None:
    line = json.dumps(AS_VIT)
    (rec,) = read_file(write_lines(tmp_path / "papers.jsonl", [line.encode()]), "lab-list")
    assert isinstance(rec, PaperRecord)
    assert rec.provenance.source == "lab-list" and rec.provenance.record_id == "asvit-1"
    assert rec.provenance.payload == line and rec.provenance.payload_hash == payload_hash(line)
    assert "reviewer_notes" in rec.provenance.payload
    assert [(a.raw, a.family, a.initials) for a in rec.authors] == [("Wuyang Chen", "Chen", "W"),
                                                                     ("Song, Xiaodan", "Song", "X")]
    assert rec.authors[1].orcid == "0000-0002-1825-0097" and rec.authors[1].affiliations == ("Google",)
    assert (rec.year, rec.date, rec.venue, rec.type) == (2022, "2022-02-24", "ICLR", "conference")
    assert rec.doi == "10.48550/arxiv.2202.11921"
    assert (rec.arxiv_id, rec.arxiv_version, rec.openalex_id) == ("2202.11921", 1, "W4226359218")
    assert rec.keywords == ("vision transformer", "neural architecture search")


def test_every_bad_line_is_reported_and_the_good_lines_still_come_out(tmp_path: Path) -> None:
    good = json.dumps(AS_VIT).encode()
    lines = [
        good,
        b'{"id": "cut", "title": "Trunc',  # truncated JSON
        json.dumps({"id": "latin", "title": "x"}).encode().replace(b"x", "Gérard".encode("latin-1")),
        json.dumps({"id": "huge", "title": "T" * 5_000_000}).encode(),
        json.dumps({"id": "empty"}).encode(),
        json.dumps({"id": "types", "title": "ok", "authors": "Song"}).encode(),
        json.dumps({"id": "year", "title": "ok", "year": "next spring"}).encode(),
        b"[1, 2, 3]",
        json.dumps({"id": "inject", "title": "x'}) MATCH (n) DETACH DELETE n //",
                    "authors": ["Robert'); DROP TABLE authors;--"]}).encode(),
        json.dumps({"title": "A Paper Without Id"}).encode(),
    ]
    items = list(read_file(write_lines(tmp_path / "mixed.jsonl", lines), "lab-list"))
    reasons = {r.record_id: r.reason for r in items if isinstance(r, BadRecord)}
    assert reasons == {
        "line 2": reasons["line 2"],
        "line 3": "line 3: not UTF-8 (invalid continuation byte at byte 27)",
        "huge": "line 4: title is 5,000,000 characters (limit 2,000)",
        "empty": "line 5: no title, abstract or identifier",
        "types": "line 6: field 'authors' must be a list, not str",
        "year": "line 7: field 'year' is not a year: 'next spring'",
        "line 8": "line 8: expected a JSON object, got list",
    }
    assert reasons["line 2"].startswith("line 2: invalid JSON")
    good_ones = [r for r in items if isinstance(r, PaperRecord)]
    assert [r.provenance.record_id for r in good_ones][:2] == ["asvit-1", "inject"]
    assert good_ones[1].title == "x'}) MATCH (n) DETACH DELETE n //"
    no_id = good_ones[2]
    assert no_id.provenance.record_id == "sha256:" + payload_hash(lines[-1].decode())[:16]


def test_csv_with_contract_columns_and_with_a_column_map(tmp_path: Path) -> None:
    plain = tmp_path / "papers.csv"
    plain.write_text(
        "id,title,authors,year,doi,keywords,extra_column\n"
        'p1,"Token Dropping for Efficient BERT Pretraining","Le Hou; Xiaodan Song; Denny Zhou",2022,'
        "10.18653/v1/2022.acl-long.262,bert; pretraining,kept\n",
        encoding="utf-8",
    )
    (rec,) = read_file(plain, "csv-demo")
    assert isinstance(rec, PaperRecord)
    assert [a.raw for a in rec.authors] == ["Le Hou", "Xiaodan Song", "Denny Zhou"]
    assert rec.keywords == ("bert", "pretraining") and rec.year == 2022
    assert json.loads(rec.provenance.payload)["extra_column"] == "kept"

    mapped = tmp_path / "export.tsv"
    mapped.write_bytes(
        b"EID\tPaper Title\tWriters\n"
        + b"e1\tBigNAS: Scaling Up Neural Architecture Search\tJiahui Yu; Xiaodan Song\n"
        + b"e2\tcaf" + "é".encode("latin-1") + b"\t\n"
        + b"e3\t\t\n"
    )
    items = list(read_file(mapped, "export", column_map={"id": "EID", "title": "Paper Title", "authors": "Writers"}))
    assert isinstance(items[0], PaperRecord) and items[0].provenance.record_id == "e1"
    assert items[0].authors[1].family == "Song"
    assert isinstance(items[1], BadRecord) and items[1].reason == "line 3: not UTF-8 (wrong file encoding?)"
    assert isinstance(items[2], BadRecord) and items[2].reason == "line 4: no title, abstract or identifier"


def test_unknown_column_map_fields_and_missing_files_are_reported(tmp_path: Path) -> None:
    (bad,) = read_file(tmp_path / "x.csv", "s")
    assert isinstance(bad, BadRecord) and "cannot read" in bad.reason
    path = tmp_path / "y.csv"
    path.write_text("a\n1\n", encoding="utf-8")
    (bad,) = read_file(path, "s", column_map={"titel": "a"})
    assert isinstance(bad, BadRecord) and "unknown fields ['titel']" in bad.reason


def test_a_json_array_file_is_read_item_by_item(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([AS_VIT, {"id": "z"}]), encoding="utf-8")
    items = list(read_file(path, "s"))
    assert isinstance(items[0], PaperRecord)
    assert isinstance(items[1], BadRecord) and items[1].reason == "item 2: no title, abstract or identifier"


def test_overlong_lines_are_skipped_without_losing_the_next_line(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "long.jsonl", [b'{"id": "a", "title": "' + b"x" * 300 + b'"}', b'{"id": "b", "title": "ok"}'])
    assert [(n, raw is None) for n, raw in iter_lines(path, max_line=100)] == [(1, True), (2, False)]
    assert [r.provenance.record_id for r in read_file(path, "s") if isinstance(r, PaperRecord)] == ["a", "b"]
