"""Sign-in throttling that an attacker cannot turn against the user.

Failed sign-ins are counted per user name *and* source address within a window. From one
address, the first ``login_free_failures`` are free; after that each try must wait twice as long
as the one before (1 s, 2 s, 4 s... up to ``login_max_delay_seconds``) after the last failure, so
guessing from one place crawls while a rep who mistyped three times waits a second. The account
is never locked: the right password from the user's usual address (one they signed in from
before) is slowed only by failures from that address. Failures spread over many addresses
(``login_user_failures`` for the user name) slow every address the user never used.

An administrator sees throttled sign-ins (``crmdesk-server throttled``) and clears them
(``crmdesk-server clear-throttle``); a password reset clears them too.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from crmdesk.server.config import Settings
from crmdesk.server.errors import ApiError
from crmdesk.server.models import LoginFailure, SignInAddress, utcnow


def delay_after(failures: int, settings: Settings) -> float:
    """Seconds a try must wait after the last of ``failures`` failures (0: none)."""
    over = failures - settings.login_free_failures
    if over < 0:
        return 0.0
    return float(min(2**over, settings.login_max_delay_seconds))


def check(session: Session, *, username: str, address: str, settings: Settings) -> None:
    """Refuse (429 ``rate_limited`` with the seconds to wait) a sign-in that must wait."""
    now = utcnow()
    since = now - dt.timedelta(seconds=settings.login_window_seconds)
    count, last = session.execute(
        select(func.count(), func.max(LoginFailure.at)).where(
            LoginFailure.username == username,
            LoginFailure.address == address,
            LoginFailure.at >= since,
        )
    ).one()
    wait = _remaining(count, last, now, settings)
    if not wait and not is_usual(session, username=username, address=address):
        total, last_any = session.execute(
            select(func.count(), func.max(LoginFailure.at)).where(
                LoginFailure.username == username, LoginFailure.at >= since
            )
        ).one()
        spread = total - settings.login_user_failures + settings.login_free_failures
        if total >= settings.login_user_failures:
            wait = _remaining(spread, last_any, now, settings)
    if wait:
        seconds = math.ceil(wait)
        raise ApiError(
            f"too many failed sign-ins; try again in {seconds} s",
            code="rate_limited",
            status=429,
            retry_after=seconds,
        )


def _remaining(count: int, last: dt.datetime | None, now: dt.datetime, s: Settings) -> float:
    if not count or last is None:
        return 0.0
    if last.tzinfo is None:
        last = last.replace(tzinfo=dt.UTC)
    return max(0.0, delay_after(count, s) - (now - last).total_seconds())


def is_usual(session: Session, *, username: str, address: str) -> bool:
    return session.get(SignInAddress, (username[:120], address[:64])) is not None


def record_failure(session: Session, *, username: str, address: str) -> None:
    session.add(LoginFailure(username=username[:120], address=address[:64]))


def record_success(session: Session, *, username: str, address: str) -> None:
    """The right password: this address's failures are forgiven and it becomes a usual one."""
    session.execute(
        delete(LoginFailure).where(
            LoginFailure.username == username, LoginFailure.address == address[:64]
        )
    )
    known = session.get(SignInAddress, (username[:120], address[:64]))
    if known is None:
        session.add(SignInAddress(username=username[:120], address=address[:64]))
    else:
        known.last_at = utcnow()


@dataclass(frozen=True)
class Throttled:
    username: str
    address: str
    failures: int
    last_at: dt.datetime
    wait_seconds: int  # 0: a next try is not slowed now


def throttled(session: Session, *, settings: Settings) -> list[Throttled]:
    """Every user name and address with failures in the window, most failures first."""
    now = utcnow()
    since = now - dt.timedelta(seconds=settings.login_window_seconds)
    rows = session.execute(
        select(LoginFailure.username, LoginFailure.address, func.count(), func.max(LoginFailure.at))
        .where(LoginFailure.at >= since)
        .group_by(LoginFailure.username, LoginFailure.address)
    ).all()
    out = [
        Throttled(u, a, n, last, math.ceil(_remaining(n, last, now, settings)))
        for u, a, n, last in rows
    ]
    return sorted(out, key=lambda t: (-t.failures, t.username, t.address))


def clear(session: Session, *, username: str, address: str | None = None) -> int:
    """Forget the failures of ``username`` (from ``address`` only, if given); count them."""
    stmt = delete(LoginFailure).where(LoginFailure.username == username)
    if address is not None:
        stmt = stmt.where(LoginFailure.address == address)
    return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]
