"""Password hashing with argon2id (argon2-cffi). The password itself is never stored or logged."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from peergraph.errors import BadInput

MIN_LENGTH = 10
MAX_LENGTH = 256  # argon2 accepts more, but an unbounded input is a cheap denial of service

_hasher = PasswordHasher()


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
