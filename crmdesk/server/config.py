"""Server settings, declared once with defaults and types (environment: ``CRMDESK_SERVER_*``).

With no settings at all the server keeps an SQLite file in the platform's data directory, so
``uv run crmdesk-server`` starts on a fresh machine. Production sets ``CRMDESK_SERVER_DATABASE_URL``
to a PostgreSQL URL (``postgresql+psycopg://user@host/db``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import platformdirs
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_database_url() -> str:
    path = Path(platformdirs.user_data_dir("crmdesk-server", appauthor=False)) / "server.db"
    return f"sqlite:///{path}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CRMDESK_SERVER_")

    database_url: str = ""
    # Sign-in throttle (crmdesk.server.throttling): failures are counted per user name and
    # source address within the window; after ``login_free_failures`` from one address each
    # further try waits twice as long as the last (up to ``login_max_delay_seconds``). A user's
    # usual addresses are slowed only by their own failures.
    login_free_failures: int = 3
    login_max_delay_seconds: int = 300
    login_window_seconds: int = 900
    # From this many failures of one user name from anywhere, addresses the user never signed
    # in from are slowed too (an attack spread over many addresses).
    login_user_failures: int = 20
    # Addresses of proxies whose X-Forwarded-For names the client (empty: trust none).
    trusted_proxies: str = ""
    # The largest request body accepted (a push of 200 records with long notes fits easily).
    max_body_bytes: int = 32 * 1024 * 1024
    # Devices not seen for this long no longer hold back the tombstone horizon.
    inactive_days: int = 60
    long_poll_seconds: float = 25.0
    sqlite_poll_seconds: float = 0.2
    pool_size: int = 10
    threads: int = 8  # per worker process

    def resolved_database_url(self) -> str:
        return self.database_url or default_database_url()


@cache
def get_settings() -> Settings:
    return Settings()
