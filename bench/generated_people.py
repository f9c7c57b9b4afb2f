"""How well ingest told the generated people apart: its Authors scored against the people behind
bench/record_generator.py's records.

Every author mention (a record and a position on its author list) is one person of the generator's,
and ingest attributes it to one Author (the Author's DERIVED_FROM edge to the record, role
"author#<position>"). B-cubed precision is, per mention, the share of its Author's mentions that are
the same person (low: conflated authors, several people in one record); B-cubed recall the share of
its person's mentions that its Author holds (low: split authors).

The generator's people share names (34 given names; 30% of family names drawn from 96 common ones,
the rest made up) and work in groups of eight with a field and a favourite venue, so co-authors,
topics and venues are the evidence; its title words are drawn at random and say nothing about who
wrote them. Three papers in ten also bring a collaborator from another group, whose mention there
shares nothing with that person's own papers: no matcher can place it, so recall has a ceiling
below 1 (of the pieces split off people by attach over 10k records, 2,616 of 2,692 held only such
mentions).

    persons_of(size)              the truth, regenerated from the seed (nothing is kept during ingest)
    author_quality(nodes, edges, truth)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from record_generator import generate_with_people

Mention = tuple[str, int]  # (record id, position on its author list)


def persons_of(size: int, seed: int = 7) -> dict[Mention, int]:
    """The person behind every author mention of `generate(size, seed)`."""
    return {
        (record.provenance.record_id, pos): person
        for record, people in generate_with_people(size, seed)
        for pos, person in enumerate(people)
    }


def bcubed(pairs: Sequence[tuple[Any, Any]]) -> tuple[float, float]:
    """B-cubed precision and recall of (truth, prediction) pairs, one per item, in O(n): an item's
    precision is n(t, p) / n(p) and its recall n(t, p) / n(t), summed over the n(t, p) items of
    each (t, p)."""
    both = Counter(pairs)
    by_truth = Counter(t for t, _ in pairs)
    by_prediction = Counter(p for _, p in pairs)
    precision = sum(n * n / by_prediction[p] for (_, p), n in both.items()) / len(pairs)
    recall = sum(n * n / by_truth[t] for (t, _), n in both.items()) / len(pairs)
    return precision, recall


def author_quality(
    nodes: Mapping[str, Sequence[Mapping[str, Any]]],
    edges: Mapping[tuple[str, str, str], Sequence[Mapping[str, Any]]],
    truth: Mapping[Mention, int],
) -> dict[str, Any]:
    """Authors against people, from an exported graph (bench/ingest_throughput.export's shape)."""
    record_id = {str(r["uid"]): str(r["record_id"]) for r in nodes.get("SourceRecord", ())}
    pairs: list[tuple[int, str]] = []
    for edge in edges.get(("Author", "DERIVED_FROM", "SourceRecord"), ()):
        role = str((edge.get("p") or {}).get("role") or "")
        if not role.startswith("author#"):
            continue
        mention = (record_id.get(str(edge["b"]), ""), int(role.removeprefix("author#")))
        if mention in truth:
            pairs.append((truth[mention], str(edge["a"])))
    if not pairs:
        return {"mentions": 0}
    precision, recall = bcubed(pairs)
    people_per_author = Counter(len(ps) for ps in _groups(pairs, by_author=True).values())
    authors_per_person = Counter(len(authors) for authors in _groups(pairs, by_author=False).values())
    return {
        "mentions": len(pairs),
        "mentions_generated": len(truth),
        "people": len({t for t, _ in pairs}),
        "authors": len({p for _, p in pairs}),
        "b3_precision": round(precision, 4),
        "b3_recall": round(recall, 4),
        "b3_f1": round(2 * precision * recall / (precision + recall), 4),
        # Authors holding more than one person (conflated), and people spread over several Authors (split).
        "conflated_authors": sum(n for k, n in people_per_author.items() if k > 1),
        "split_people": sum(n for k, n in authors_per_person.items() if k > 1),
    }


def _groups(pairs: Sequence[tuple[int, str]], by_author: bool) -> dict[Any, set[Any]]:
    groups: dict[Any, set[Any]] = {}
    for person, author in pairs:
        if by_author:
            groups.setdefault(author, set()).add(person)
        else:
            groups.setdefault(person, set()).add(author)
    return groups
