"""Passwords (argon2id) and device tokens (256 random bits, stored as their SHA-256).

A device token is a random secret with 256 bits of entropy, so a fast hash is enough to store
it safely and lets every request be checked with one indexed lookup; passwords are low-entropy
and get argon2.
"""

from __future__ import annotations

import hashlib
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2id with the library's defaults (RFC 9106's second recommendation: 3 passes, 64 MiB).
# A hash carries its own parameters, so changing them only affects new passwords.
_params: dict[str, int] = {}


def configure(*, time_cost: int, memory_kib: int, parallelism: int) -> None:
    """Choose the cost of new password hashes (the server reads it from its settings)."""
    _params.update(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
    _hasher.cache_clear()
    _dummy_hash.cache_clear()


@cache
def _hasher() -> PasswordHasher:
    if not _params:
        return PasswordHasher()
    return PasswordHasher(
        time_cost=_params["time_cost"],
        memory_cost=_params["memory_cost"],
        parallelism=_params["parallelism"],
    )


@cache
def _dummy_hash() -> str:
    # Verified against when a user name is unknown, so both cases cost about the same time.
    return _hasher().hash("crmdesk: no such user")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        ok = _hasher().verify(password_hash or _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return ok and password_hash is not None


def new_token() -> str:
    """32 random bytes as hex (the client keeps them in the keyring like a book key)."""
    return secrets.token_bytes(32).hex()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
