"""How many answers each of ingest's memo caches keeps: name parsing, text keys, name keys, name
comparisons and namesake estimates, pure functions that the same names and titles reach again and again.

Bounded, so memory does not grow with the corpus. At 65,536 entries the five caches held about 80 MB
when full; a 100,000-record run had not filled them all and a 300,000-record run had, so peak memory
grew with the corpus by what the smaller run's caches had still to fill (bench/ingest_throughput.py:
389.9 MB at 100k, 472.8 MB at 300k). At 32,768 entries each cache is full by the 80,000th record of
either run (347.4 MB and 392.9 MB). The price is speed on large runs: more names miss, and 300k records
took 620-632 s instead of 570 s. Raise this for speed when memory is plentiful.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")

ENTRIES = 32_768


class cached_attribute(Generic[T]):  # noqa: N801 - named like the functools decorator it replaces
    """functools.cached_property without its lock: computed on first access and kept in the instance's
    __dict__ (frozen dataclasses without slots included), so later reads never reach the descriptor.

    Python 3.11's cached_property takes one lock per property, shared by every instance, on each first
    access; author matching makes hundreds of thousands of first accesses a batch, on one thread (its
    overhead was about 3% of planning time, on a 30,000-record ingest sampled by py-spy). 3.12 dropped
    the lock; this is what it does there."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_attribute[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> T | cached_attribute[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
