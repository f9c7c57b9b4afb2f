"""How rarely English uses a word, for title evidence: two papers sharing "tokamak" or "Ravenscar"
say more about their authors than two sharing "networks".

Frequencies are wordfreq's (a well-kept blend of Wikipedia, subtitles, news, books and web text), on
its Zipf scale: log10 of a word's uses per billion words, so 2.0 is one use in ten million words
and "networks" is 4.45. The English "large" list (about 37 MB once loaded, on first use) knows
words down to Zipf 1; a word it does not know is rarer than that, and scores 0.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

from peergraph.ingest import memo


@lru_cache(maxsize=memo.ENTRIES)
def zipf(word: str) -> float:
    """The word's Zipf frequency in English: uses per billion words, log10; 0 for a word never seen.

    Cached: wordfreq tokenizes and normalizes every word it is asked about, and author matching asks
    about the same few thousand title words again and again."""
    return zipf_frequency(word, "en", wordlist="large")
