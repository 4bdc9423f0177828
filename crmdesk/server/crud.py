"""Keyword-only operations on users, teams, devices and scopes (used by the API and the CLI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.server.config import Settings
from crmdesk.server.errors import ApiError
from crmdesk.server.models import ROLES, Book, Device, LoginFailure, Team, User, utcnow
from crmdesk.server.security import hash_password, hash_token, new_token, verify_password
from crmdesk.sync.protocol import COMPANY_BOOK

MIN_PASSWORD_LENGTH = 8


# ---- teams and users ---------------------------------------------------------------------------


def create_team(session: Session, *, name: str) -> Team:
    name = name.strip()
    if not name:
        raise ValidationError("a team needs a name", field="name")
    if session.scalar(select(Team).where(Team.name == name)) is not None:
        raise ValidationError(f"a team named {name!r} exists", field="name")
    team = Team(name=name)
    session.add(team)
    session.flush()
    return team


def get_team(session: Session, *, name: str) -> Team:
    team = session.scalar(select(Team).where(Team.name == name))
    if team is None:
        raise NotFoundError(f"no team named {name!r}", field="team")
    return team


def create_user(
    session: Session, *, username: str, password: str, role: str, team: str | None = None
) -> User:
    username = username.strip()
    if not username:
        raise ValidationError("a user needs a name", field="username")
    if role not in ROLES:
        raise ValidationError(f"role must be one of {', '.join(ROLES)}", field="role")
    if role == "manager" and not team:
        raise ValidationError("a manager manages a team: give --team", field="team")
    check_password(password)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise ValidationError(f"a user named {username!r} exists", field="username")
    team_id = get_team(session, name=team).id if team else None
    user = User(
        username=username, password_hash=hash_password(password), role=role, team_id=team_id
    )
    session.add(user)
    session.flush()
    session.add(Book(id=user.id, owner_id=user.id, seq=0, purged_seq=0))
    session.flush()
    return user


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"a password has at least {MIN_PASSWORD_LENGTH} characters", field="password"
        )


def get_user(session: Session, *, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(f"no user named {username!r}", field="username")
    return user


def reset_password(session: Session, *, username: str, password: str) -> None:
    check_password(password)
    user = get_user(session, username=username)
    user.password_hash = hash_password(password)
    session.execute(delete(LoginFailure).where(LoginFailure.username == username))


def set_active(session: Session, *, username: str, active: bool) -> None:
    """Deactivate (a rep who left) or reactivate a user; a deactivated user's devices stop."""
    get_user(session, username=username).active = active


def list_users(session: Session) -> list[tuple[User, str | None]]:
    rows = session.execute(
        select(User, Team.name).outerjoin(Team, Team.id == User.team_id).order_by(User.username)
    )
    return [(u, t) for u, t in rows]


# ---- devices -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Enrolment:
    device: Device
    user: User
    token: str  # shown to the device once, never stored


def enrol(
    session: Session,
    *,
    username: str,
    password: str,
    device_name: str,
    settings: Settings,
    start_seq: int = 0,
) -> Enrolment:
    """Check the password (rate-limited per user name) and make a device with a fresh token."""
    since = utcnow() - dt.timedelta(seconds=settings.login_window_seconds)
    failures = session.scalar(
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.username == username, LoginFailure.at >= since)
    )
    if (failures or 0) >= settings.login_max_failures:
        raise ApiError(
            "too many failed sign-ins; wait and try again", code="rate_limited", status=429
        )
    user = session.scalar(select(User).where(User.username == username))
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.active:
        # The caller records the failure in a transaction of its own (this one rolls back).
        raise ApiError("wrong user name or password", code="bad_login", status=401)
    session.execute(delete(LoginFailure).where(LoginFailure.username == username))
    token = new_token()
    device = Device(
        user_id=user.id, name=device_name, token_hash=hash_token(token), last_seq=start_seq
    )
    session.add(device)
    session.flush()
    return Enrolment(device=device, user=user, token=token)


def record_login_failure(session: Session, *, username: str) -> None:
    session.add(LoginFailure(username=username[:120]))


def authenticate(session: Session, *, token: str) -> tuple[Device, User] | None:
    row = session.execute(
        select(Device, User)
        .join(User, User.id == Device.user_id)
        .where(Device.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    device, user = row
    if device.revoked_at is not None or not user.active:
        return None
    return device, user


def touch_device(session: Session, *, device: Device, protocol: int) -> None:
    now = utcnow()
    if (now - device.last_seen_at).total_seconds() > 60 or device.protocol != protocol:
        session.execute(
            update(Device).where(Device.id == device.id).values(last_seen_at=now, protocol=protocol)
        )


def list_devices(session: Session, *, username: str | None = None) -> list[tuple[Device, str]]:
    stmt = select(Device, User.username).join(User, User.id == Device.user_id)
    if username:
        stmt = stmt.where(User.username == username)
    return [(d, u) for d, u in session.execute(stmt.order_by(User.username, Device.created_at))]


def revoke_device(session: Session, *, device_id: str) -> Device:
    device = session.get(Device, device_id)
    if device is None:
        raise NotFoundError(f"no device {device_id}", field="device")
    if device.revoked_at is None:
        device.revoked_at = utcnow()
    return device


# ---- scope -------------------------------------------------------------------------------------


def read_books(session: Session, *, user: User) -> list[str]:
    """The books ``user`` may read, in id order."""
    if user.role == "admin":
        books = list(session.scalars(select(Book.id)))
    else:
        books = [user.id, COMPANY_BOOK]
        if user.role == "manager" and user.team_id is not None:
            books += list(session.scalars(select(User.id).where(User.team_id == user.team_id)))
    return sorted(set(books))


def write_books(user: User) -> frozenset[str]:
    if user.role in ("admin", "manager"):
        return frozenset({user.id, COMPANY_BOOK})
    return frozenset({user.id})


def can_reassign(session: Session, *, actor: User, source: User, target: User) -> bool:
    """Admins move anything; a manager moves accounts between reps of their own team."""
    if actor.role == "admin":
        return True
    if actor.role != "manager" or actor.team_id is None:
        return False
    return source.team_id == actor.team_id and target.team_id == actor.team_id
