"""How many answers each of ingest's memo caches keeps: name parsing, text keys, name keys, name
comparisons and namesake estimates, pure functions that the same names and titles reach again and again.

Bounded, so memory does not grow with the corpus. At 65,536 entries the five caches held about 80 MB
when full; a 100,000-record run had not filled them all and a 300,000-record run had, so peak memory
grew with the corpus by what the smaller run's caches had still to fill (bench/ingest_throughput.py:
389.9 MB at 100k, 472.8 MB at 300k). At 32,768 entries each cache is full by the 80,000th record of
either run (347.4 MB and 392.9 MB). The price is speed on large runs: more names miss, and 300k records
took 620-632 s instead of 570 s. Raise this for speed when memory is plentiful.
"""

ENTRIES = 32_768
