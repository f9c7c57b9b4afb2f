"""The closing report of an ingest run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Skipped:
    source: str
    record_id: str | None
    reason: str


@dataclass
class IngestReport:
    records_read: int = 0
    unchanged: int = 0  # already in the graph with the same payload (a rerun, or a resumed run)
    new_papers: int = 0
    merged_papers: int = 0  # records that joined an existing paper
    versions: int = 0  # VERSION_OF links
    new_authors: int = 0
    merged_authors: int = 0  # author mentions attributed to an existing author
    joined_authors: int = 0  # authors joined into another by a mention that is both (author-bridge)
    batches: int = 0
    elapsed_s: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def records_per_s(self) -> float:
        return self.records_read / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "records_read": self.records_read,
            "unchanged": self.unchanged,
            "new_papers": self.new_papers,
            "merged_papers": self.merged_papers,
            "versions": self.versions,
            "new_authors": self.new_authors,
            "merged_authors": self.merged_authors,
            "joined_authors": self.joined_authors,
            "skipped": len(self.skipped),
            "skipped_records": [
                {"source": s.source, "record_id": s.record_id, "reason": s.reason} for s in self.skipped
            ],
            "batches": self.batches,
            "elapsed_s": round(self.elapsed_s, 3),
            "records_per_s": round(self.records_per_s, 1),
        }
