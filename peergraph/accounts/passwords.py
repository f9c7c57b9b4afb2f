"""Password hashing with argon2id (argon2-cffi). The password itself is never stored or logged.

Parameters: OWASP's recommended argon2id configuration (19 MiB, 2 iterations, 1 lane) by default;
raise them with PEERGRAPH_ARGON2_MEMORY_KIB / PEERGRAPH_ARGON2_TIME_COST / PEERGRAPH_ARGON2_PARALLELISM.
Stored hashes carry their parameters, and a log-in rehashes a password whose parameters are out of date.
"""

from __future__ import annotations

import os

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from peergraph.errors import BadInput

MIN_LENGTH = 10
MAX_LENGTH = 256  # argon2 accepts more, but an unbounded input is a cheap denial of service

_hasher = PasswordHasher(
    time_cost=int(os.environ.get("PEERGRAPH_ARGON2_TIME_COST") or 2),
    memory_cost=int(os.environ.get("PEERGRAPH_ARGON2_MEMORY_KIB") or 19456),
    parallelism=int(os.environ.get("PEERGRAPH_ARGON2_PARALLELISM") or 1),
)


def check_strength(password: str) -> None:
    """Refuse passwords that are too short or too long (the message never echoes the password)."""
    if len(password) < MIN_LENGTH:
        raise BadInput(f"the password must have at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise BadInput(f"the password must have at most {MAX_LENGTH} characters")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


# A hash to verify against when the e-mail is unknown, so a log-in takes the same time either way.
DUMMY_HASH = _hasher.hash("peergraph-timing-equalizer")
