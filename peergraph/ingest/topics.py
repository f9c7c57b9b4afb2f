"""Topics: canonical labels from arXiv categories and source keywords, keyphrases for the rest.

Records with neither categories nor keywords (most listing pages) get keyphrases from their title
and abstract (yake); a keyphrase that names a canonical label ("computer vision") maps onto that
label, the others stay keyphrase topics. Every assignment keeps its score and its source.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from peergraph.ingest.keys import STOPWORDS, text_key
from peergraph.ingest.records import PaperRecord
from peergraph.ingest.settings import DEFAULT, MatchSettings

# arXiv's own category names (https://arxiv.org/category_taxonomy), for the categories PeerGraph
# sees most; an unknown category keeps its code as label.
ARXIV_CATEGORIES = {
    "cs.AI": "Artificial Intelligence",
    "cs.CL": "Computation and Language",
    "cs.CV": "Computer Vision and Pattern Recognition",
    "cs.CR": "Cryptography and Security",
    "cs.DB": "Databases",
    "cs.DC": "Distributed, Parallel, and Cluster Computing",
    "cs.DS": "Data Structures and Algorithms",
    "cs.HC": "Human-Computer Interaction",
    "cs.IR": "Information Retrieval",
    "cs.IT": "Information Theory",
    "cs.LG": "Machine Learning",
    "cs.MA": "Multiagent Systems",
    "cs.NE": "Neural and Evolutionary Computing",
    "cs.PL": "Programming Languages",
    "cs.RO": "Robotics",
    "cs.SE": "Software Engineering",
    "cs.SI": "Social and Information Networks",
    "cs.SD": "Sound",
    "eess.AS": "Audio and Speech Processing",
    "eess.IV": "Image and Video Processing",
    "eess.SP": "Signal Processing",
    "math.OC": "Optimization and Control",
    "math.ST": "Statistics Theory",
    "stat.ML": "Machine Learning",
    "stat.ME": "Methodology",
    "q-bio.NC": "Neurons and Cognition",
    "physics.comp-ph": "Computational Physics",
}
# Phrases that name a canonical label in prose.
ALIASES = {
    "computer vision": "Computer Vision and Pattern Recognition",
    "image recognition": "Computer Vision and Pattern Recognition",
    "object detection": "Computer Vision and Pattern Recognition",
    "natural language processing": "Computation and Language",
    "language model": "Computation and Language",
    "language models": "Computation and Language",
    "machine translation": "Computation and Language",
    "question answering": "Computation and Language",
    "machine learning": "Machine Learning",
    "deep learning": "Machine Learning",
    "neural networks": "Neural and Evolutionary Computing",
    "neural network": "Neural and Evolutionary Computing",
    "neural architecture search": "Neural and Evolutionary Computing",
    "vision transformer": "Computer Vision and Pattern Recognition",
    "vision transformers": "Computer Vision and Pattern Recognition",
    "image classification": "Computer Vision and Pattern Recognition",
    "semantic segmentation": "Computer Vision and Pattern Recognition",
    "instance segmentation": "Computer Vision and Pattern Recognition",
    "large language models": "Computation and Language",
    "large language model": "Computation and Language",
    "reinforcement learning": "Machine Learning",
    "information retrieval": "Information Retrieval",
    "recommender systems": "Information Retrieval",
    "robotics": "Robotics",
    "databases": "Databases",
    "speech recognition": "Audio and Speech Processing",
    "security": "Cryptography and Security",
    "optimization": "Optimization and Control",
}
_CANONICAL = {text_key(v): v for v in ARXIV_CATEGORIES.values()} | {text_key(k): v for k, v in ALIASES.items()}


@dataclass(frozen=True)
class TopicAssignment:
    label: str
    label_key: str
    scheme: str  # "arxiv", "keyword", "openalex", "keyphrase"
    code: str | None
    score: float
    source: str  # HAS_TOPIC.source: "arxiv-category", "keyword", "openalex", "keyphrase"


def matching_keys(found: Iterable[TopicAssignment]) -> frozenset[str]:
    """The topics author matching weighs: those the source assigned (arXiv categories, OpenAlex topics,
    keywords), not those yake read off the paper's own title and abstract. Those restate the title,
    which author matching weighs as title evidence already, and the broad labels they map onto
    ("Neural and Evolutionary Computing" from any "neural network") are shared by strangers. On the
    Arnetminer set, whose topics all come from titles, weighing them cost more precision than it
    gained recall (B-cubed 0.9528 -> 0.9487 against 0.8611 -> 0.8633; macro-F1 0.8446 -> 0.8434)."""
    return frozenset(t.label_key for t in found if t.source != "keyphrase")


def canonical(phrase: str) -> str | None:
    return _CANONICAL.get(text_key(phrase))


@lru_cache(maxsize=1)
def _extractor() -> object:
    import yake

    return yake.KeywordExtractor(lan="en", n=3, top=10, dedupLim=0.7)


def keyphrases(text: str) -> list[tuple[str, float]]:
    """yake keyphrases with their scores (lower is better)."""
    if not text.strip():
        return []
    extractor = _extractor()
    found: list[tuple[str, float]] = extractor.extract_keywords(text)  # type: ignore[attr-defined]
    return found


def assign(record: PaperRecord, s: MatchSettings = DEFAULT) -> list[TopicAssignment]:
    out: dict[str, TopicAssignment] = {}

    def add(t: TopicAssignment) -> None:
        if t.label_key and t.label_key not in out:
            out[t.label_key] = t

    for code in record.categories:
        label = ARXIV_CATEGORIES.get(code, code)
        add(TopicAssignment(label, text_key(label), "arxiv", code, 1.0, "arxiv-category"))
    for label, score in record.topics:
        add(TopicAssignment(label, text_key(label), "openalex", None, round(float(score), 4), "openalex"))
    for kw in record.keywords:
        label = canonical(kw) or kw.strip()
        add(TopicAssignment(label, text_key(label), "keyword", None, 1.0, "keyword"))
    if out:
        return list(out.values())
    text = ". ".join(p for p in (record.title, record.abstract) if p)
    title_words = set(text_key(record.title or "").split())
    kept = 0
    for phrase, score in keyphrases(text):
        if kept >= s.keyphrases_per_paper:
            break
        known = canonical(phrase)
        # yake scores are lower-is-better; store a 0..1 relevance instead.
        relevance = round(1.0 / (1.0 + 20 * score), 4)
        if known:
            add(TopicAssignment(known, text_key(known), "keyword", None, relevance, "keyphrase"))
            kept += 1
        elif (score <= s.keyphrase_max_score and len(phrase.split()) > 1 and _in_title(phrase, title_words)
              and not _covered(phrase, out)):
            add(TopicAssignment(phrase.lower(), text_key(phrase), "keyphrase", None, relevance, "keyphrase"))
            kept += 1
    return list(out.values())


def _in_title(phrase: str, title_words: set[str]) -> bool:
    """A free keyphrase becomes a topic only when the title says it too.

    yake on an abstract alone also returns fragments of sentences ("work targets", "targets
    automated"); a phrase the authors put in their title is what the paper is about.
    """
    words = text_key(phrase).split()
    return bool(words) and all(w in title_words for w in words)


def _covered(phrase: str, kept: dict[str, TopicAssignment]) -> bool:
    """One topic per idea. A fragment ("dropping for efficient": it begins or ends with a
    stopword) or a phrase inside a kept one is covered; a kept phrase inside this longer one
    ("deep thin" inside "deep thin networks") gives way to it."""
    words = text_key(phrase).split()
    if words[0] in STOPWORDS or words[-1] in STOPWORDS or any(w in STOPWORDS for w in words[1:-1]):
        return True
    mine = set(words)
    for key in [k for k, t in kept.items() if t.scheme == "keyphrase"]:
        theirs = set(key.split())
        if mine <= theirs:
            return True
        if theirs < mine:
            del kept[key]
    return False

