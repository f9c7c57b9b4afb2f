"""A seeded generator of realistic paper records for the ingest throughput benchmark.

Streams `PaperRecord`s (never holds the corpus): titles from a research vocabulary, 2-6 authors
from name pools, years, categories, venues, short abstracts. About 20% of records are the same
paper again from another source, written differently: title case and punctuation, LaTeX braces,
a missing title (abstract only), author names as initials or "Family, Given", an arXiv id on one
side and a DOI on the other, or both. Duplicates are drawn from a bounded window of recent
originals, so memory stays flat whatever the size.
"""

from __future__ import annotations

import bisect
import random
from collections import deque
from collections.abc import Iterator
from functools import cache, lru_cache

from peergraph.ingest.records import AuthorRef, PaperRecord, Provenance

GIVEN = ("Xiaodan Wei Jing Anna Lukas Maria Chen Yuki Rahul Priya Olga Ahmed Sofia Diego Hannah Kenji Amara Ivan "
         "Fatima Noah Elena Marco Mei Tomas Leila Omar Sara Daniel Zhiqing Quoc Mingxing Denny Jiahui Ruoming").split()
FAMILY = ("Song Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Hu Guo Lin He Luo Müller Schmidt Schneider "
          "Fischer Weber Meyer Wagner Becker Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez "
          "Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson "
          "White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill "
          "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Kumar Singh Sharma Patel "
          "Tanaka Suzuki Sato Kim Park Choi Novak Kowalski Ivanov Petrov Rossi Russo Ferrari Dubois Laurent").split()
WORDS = ("adaptive sparse efficient robust scalable neural graph transformer attention diffusion contrastive "
         "federated causal bayesian probabilistic multimodal hierarchical recurrent convolutional generative "
         "reinforcement self-supervised few-shot zero-shot continual distributed quantized pruned latent variational "
         "kernel spectral temporal spatial semantic syntactic retrieval ranking recommendation segmentation "
         "detection tracking reconstruction compression translation summarization reasoning planning control "
         "optimization estimation inference learning networks models representations embeddings policies agents "
         "search indexing streams databases queries joins sensors images video speech language proteins molecules "
         "markets climate traffic robots").split()
TEMPLATES = (
    "{A} {B} {C} for {D} {E}",
    "Towards {A} {C}: {B} {D} with {E}",
    "{A} {B} {C} via {D} {E}",
    "On the {C} of {A} {D} {E}",
    "{A}-{B} {C} {D}: a {E} approach",
    "Learning {A} {C} from {B} {D} {E}",
)
CATEGORIES = ("cs.LG", "cs.CV", "cs.CL", "cs.AI", "cs.DB", "cs.IR", "stat.ML", "cs.RO", "cs.NE", "eess.IV")
VENUES = ("NeurIPS", "ICML", "ICLR", "CVPR", "ACL", "EMNLP", "KDD", "SIGMOD", "VLDB", "AAAI")
SOURCES = ("arxiv", "openalex", "dblp", "pages")
# People, fields and venues drawn recently, kept: seeding a generator from a string hashes it (SHA-512),
# and a group's people recur in its papers. Bounded, so the generator's memory does not grow with `n`
# (it runs inside the measured ingest process); the records are the same with or without it.
PEOPLE_CACHE = 8192


SYLLABLES = ("ka to ri mu sen la vo mer din ash bel cor dan el fen gar hol ian jor kel lin mon nor "
             "pel quin ros sul tam ur vin wes yan zel bra chi dro fal gri").split()


# Title words. Real titles draw on tens of thousands of words with a heavy head ("data", "based",
# "learning") and a long tail: 11,936 real titles (DBLP-ACM and the Arnetminer set in ../shared/data)
# carry 6.8 content words on average from a vocabulary of 9,324, the 10 commonest words making 9% of
# all words, the 100 commonest 31% and the 1,000 commonest 71%. A Zipf-Mandelbrot law (exponent 1.2,
# offset 20) over 30,000 words gives 10%, 39% and 71%: the research words above are its head, made-up
# words from the syllables below its tail. (Five words from the head alone gave 90 x 90 title pair keys:
# at 300k, tens of papers under each "adaptive ... networks", which real titles do not do.)
TITLE_VOCABULARY = 30_000
ZIPF_EXPONENT, ZIPF_OFFSET = 1.2, 20


@cache  # at most TITLE_VOCABULARY short words
def _tail_word(rank: int) -> str:
    own = random.Random(f"word/{rank}")
    return "".join(own.choice(SYLLABLES) for _ in range(own.randint(2, 4)))


def _cumulative_weights() -> list[float]:
    total, out = 0.0, []
    for rank in range(1, TITLE_VOCABULARY + 1):
        total += 1.0 / (rank + ZIPF_OFFSET) ** ZIPF_EXPONENT
        out.append(total)
    return out


CUMULATIVE = _cumulative_weights()


def _word(rng: random.Random) -> str:
    rank = bisect.bisect_left(CUMULATIVE, rng.random() * CUMULATIVE[-1])
    return WORDS[rank] if rank < len(WORDS) else _tail_word(rank)


def _title(rng: random.Random) -> str:
    # Five slots, each one word or (a third of the time) two: 6.7 content words on average.
    words: list[str] = []
    while len(words) < 10:
        word = _word(rng)
        if word not in words:
            words.append(word)
    slots = [" ".join(words[2 * k : 2 * k + (2 if rng.random() < 0.35 else 1)]) for k in range(5)]
    return rng.choice(TEMPLATES).format(A=slots[0].capitalize(), B=slots[1], C=slots[2], D=slots[3], E=slots[4])


def _family(rng: random.Random) -> str:
    # Real corpora have tens of thousands of family names; a few hundred would make every name ambiguous.
    if rng.random() < 0.3:
        return rng.choice(FAMILY)
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _group(rng: random.Random, groups: int) -> int:
    # A heavy head: some research groups publish far more than others, as in real corpora.
    if rng.random() < 0.2:
        return min(int((rng.paretovariate(1.5) - 1) * 20), groups - 1)
    return rng.randrange(groups)


def _variant_name(rng: random.Random, given: str, family: str) -> str:
    r = rng.random()
    if r < 0.3:
        return f"{given[0]}. {family}"
    if r < 0.5:
        return f"{family}, {given}"
    return f"{given} {family}"


def _variant_title(rng: random.Random, title: str) -> str | None:
    r = rng.random()
    if r < 0.1:
        return None  # an abstract-only listing entry
    if r < 0.4:
        return title.lower()
    if r < 0.6:
        return title.rstrip(".") + "."
    if r < 0.8:
        return "{" + title.split(" ")[0] + "} " + " ".join(title.split(" ")[1:])
    return title.upper() if rng.random() < 0.2 else title


def generate(n: int, seed: int = 7, duplicate_share: float = 0.2, window: int = 5000) -> Iterator[PaperRecord]:
    for record, _ in generate_with_people(n, seed, duplicate_share, window):
        yield record


def generate_with_people(
    n: int, seed: int = 7, duplicate_share: float = 0.2, window: int = 5000
) -> Iterator[tuple[PaperRecord, tuple[int, ...]]]:
    """`generate`'s records, each with the person behind each of its authors, in order: the truth
    that author disambiguation is scored against (bench/generated_people.py). People are numbered;
    two of them may carry the same name, as in real corpora."""
    rng = random.Random(seed)
    # People work in groups of about eight with a field and a favourite venue: co-authors, topics
    # and venues repeat, which is the context real author disambiguation relies on. Person i and
    # group g are drawn from their own seeded generators, so none of them is held in memory.
    population = max(1000, n // 3)
    groups = population // 8

    @lru_cache(maxsize=PEOPLE_CACHE)
    def person(i: int) -> tuple[str, str]:
        own = random.Random(f"{seed}/person/{i}")
        return own.choice(GIVEN), _family(own)

    @lru_cache(maxsize=PEOPLE_CACHE)
    def group_field(g: int) -> tuple[str, ...]:
        return tuple(random.Random(f"{seed}/field/{g}").sample(CATEGORIES, 2))

    @lru_cache(maxsize=PEOPLE_CACHE)
    def group_venue(g: int) -> str:
        return random.Random(f"{seed}/venue/{g}").choice(VENUES)
    recent: deque[tuple[int, PaperRecord, list[tuple[str, str]], tuple[int, ...]]] = deque(maxlen=window)
    for i in range(n):
        if recent and rng.random() < duplicate_share:
            j, base, names, people = rng.choice(recent)
            source = rng.choice([s for s in SOURCES if s != base.provenance.source])
            title = _variant_title(rng, base.title or "")
            record = PaperRecord(
                provenance=Provenance(source, f"{source}-{i}", f"h{seed}-{i}"),
                title=title,
                abstract=base.abstract,
                authors=tuple(AuthorRef(raw=_variant_name(rng, g, f)) for g, f in names),
                year=base.year,
                type=base.type,
                doi=base.doi if rng.random() < 0.5 else None,
                arxiv_id=base.arxiv_id if rng.random() < 0.5 else None,
                categories=base.categories,
                venue=base.venue,
            )
            yield record, people
            continue
        g = _group(rng, groups)
        ids = rng.sample(range(g * 8, g * 8 + 8), rng.randint(2, 5))
        if rng.random() < 0.3:
            ids.append(rng.randrange(population))  # a collaborator from elsewhere
        names = [person(p) for p in ids]
        title = _title(rng) + f" {i % 97}" * (rng.random() < 0.05)
        year = rng.randint(2005, 2024)
        abstract = (
            f"We study {title.lower()}. Our method improves {rng.choice(WORDS)} {rng.choice(WORDS)} by "
            f"{rng.randint(2, 40)}% on {rng.randint(2, 9)} benchmarks while using less {rng.choice(WORDS)}."
        )
        source = rng.choice(SOURCES)
        record = PaperRecord(
            provenance=Provenance(source, f"{source}-{i}", f"h{seed}-{i}"),
            title=title,
            abstract=abstract,
            authors=tuple(AuthorRef(raw=f"{g} {f}") for g, f in names),
            year=year,
            type="preprint" if source == "arxiv" else "conference",
            doi=f"10.5555/{seed}.{i}" if rng.random() < 0.6 else None,
            arxiv_id=f"{year % 100:02d}{rng.randint(1, 12):02d}.{i:05d}" if rng.random() < 0.5 else None,
            categories=group_field(g)[: rng.randint(1, 2)],
            venue=group_venue(g) if source != "arxiv" else None,
        )
        recent.append((i, record, names, tuple(ids)))
        yield record, tuple(ids)
