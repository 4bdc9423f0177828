"""Book keys and where they are kept.

A book is opened by one of two kinds of key:

* ``RawKey`` — 256 random bits made when the book is created and kept in the OS keyring
  (Secret Service, macOS Keychain, Windows Credential Locker). SQLCipher uses it as is, so
  unlocking costs no key derivation.
* ``Passphrase`` — where no usable keyring exists (headless Linux, CI) the user chooses a
  passphrase and SQLCipher derives the key from it (PBKDF2-HMAC-SHA512, SQLCipher 4 defaults).

Neither is ever written to disk by crmdesk nor shown in a repr or a log line. Keyring back ends
that keep secrets in a plain or home-made file, or that silently keep nothing (the null back end),
are refused; every stored secret is read back before it is trusted.
"""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import dataclass, field

import keyring
import keyring.backend
import keyring.errors

from crmdesk.core.errors import KeyStoreError

KEYRING_SERVICE = "crmdesk"
RAW_KEY_BYTES = 32

# Back ends that would keep the key in the clear (or not at all) are never used.
_REFUSED_BACKEND_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


@dataclass(frozen=True)
class RawKey:
    """A 256-bit key used by SQLCipher without derivation."""

    key: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.key) != RAW_KEY_BYTES:
            raise ValueError("a raw book key has 32 bytes")

    @classmethod
    def generate(cls) -> RawKey:
        return cls(secrets.token_bytes(RAW_KEY_BYTES))

    def pragma_value(self) -> str:
        return f"\"x'{self.key.hex()}'\""


@dataclass(frozen=True)
class Passphrase:
    """A passphrase from which SQLCipher derives the key."""

    text: str = field(repr=False)

    def pragma_value(self) -> str:
        # PRAGMA takes no bound parameters: quote as an SQL string literal.
        return "'" + self.text.replace("'", "''") + "'"


BookKey = RawKey | Passphrase


def backend_name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _usable(backend: keyring.backend.KeyringBackend) -> bool:
    name = backend_name(backend)
    if any(name.startswith(m) for m in _REFUSED_BACKEND_MODULES):
        return False
    try:
        priority = float(backend.priority)
    except Exception:  # a back end whose priority check fails is not viable
        return False
    if priority <= 0:
        return False
    # A chainer is only as good as what it chains.
    inner = getattr(backend, "backends", None)
    if inner is not None:
        return any(_usable(b) for b in inner)
    return True


class KeyringStore:
    """Keeps raw book keys in an OS keyring, under the service ``crmdesk`` and the book's id."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend if backend is not None else keyring.get_keyring()

    @property
    def name(self) -> str:
        return backend_name(self._backend)

    def usable(self) -> bool:
        """True when the back end is a real secret store that answers.

        The check stores, reads back and deletes a probe secret: some back ends accept a secret
        and keep nothing.
        """
        if not _usable(self._backend):
            return False
        probe_user = "probe-" + secrets.token_hex(8)
        probe = secrets.token_hex(16)
        try:
            self._backend.set_password(KEYRING_SERVICE, probe_user, probe)
            ok = self._backend.get_password(KEYRING_SERVICE, probe_user) == probe
            self._backend.delete_password(KEYRING_SERVICE, probe_user)
        except Exception:  # any failure of the store means: do not trust it
            return False
        return ok

    def store(self, book_id: str, key: RawKey) -> None:
        """Keep ``key`` for ``book_id``; raise unless it reads back intact."""
        try:
            self._backend.set_password(KEYRING_SERVICE, book_id, key.key.hex())
            back = self._backend.get_password(KEYRING_SERVICE, book_id)
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(
                f"the keyring ({self.name}) refused to store the book key: {exc}"
            ) from exc
        if back != key.key.hex():
            raise KeyStoreError(
                f"the keyring ({self.name}) did not keep the book key; choose a passphrase instead"
            )

    def load(self, book_id: str) -> RawKey:
        try:
            stored = self._backend.get_password(KEYRING_SERVICE, book_id)
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(f"the keyring ({self.name}) could not be read: {exc}") from exc
        if stored is None:
            raise KeyStoreError(
                f"the key of this book is not in the keyring ({self.name}); "
                "it may be locked or this may be another user's or machine's book"
            )
        try:
            return RawKey(bytes.fromhex(stored))
        except ValueError:
            raise KeyStoreError(
                f"the keyring ({self.name}) holds a damaged key for this book"
            ) from None

    def forget(self, book_id: str) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._backend.delete_password(KEYRING_SERVICE, book_id)
