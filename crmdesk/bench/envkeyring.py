"""A keyring back end for benchmark child processes: it serves one book key held in the
environment variable ``CRMDESK_BENCH_KEY`` (process memory, never a file), so a whole-process
timing of ``crmdesk`` runs the real keyring path (``PYTHON_KEYRING_BACKEND`` names this class)
with no key derivation, as on a desktop with GNOME Keyring, Keychain or Credential Locker.
"""

from __future__ import annotations

import os

import keyring.backend
import keyring.errors

KEY_ENV = "CRMDESK_BENCH_KEY"
BACKEND = f"{__name__}.EnvKeyring"


class EnvKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return os.environ.get(KEY_ENV)

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the benchmark's keyring is read-only")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("the benchmark's keyring is read-only")
