"""Keyword-only operations on users, teams, devices and scopes (used by the API and the CLI)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import ScalarSelect

from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.server import audit, throttling
from crmdesk.server.config import Settings
from crmdesk.server.errors import ApiError
from crmdesk.server.models import (
    ROLES,
    Book,
    Device,
    LoginFailure,
    ServerMeta,
    Team,
    User,
    utcnow,
)
from crmdesk.server.security import hash_password, hash_token, new_token, verify_password
from crmdesk.sync.protocol import COMPANY_BOOK, DEFAULT_LEASE_DAYS

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
    audit.record(session, "create_team", tbl="teams", record_id=team.id, detail={"name": name})
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
    audit.record(
        session,
        "create_user",
        tbl="users",
        record_id=user.id,
        detail={"username": username, "role": role, "team": team or ""},
    )
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
    audit.record(session, "reset_password", tbl="users", record_id=user.id)


def set_active(session: Session, *, username: str, active: bool) -> int:
    """Deactivate (a rep who left) or reactivate a user. Deactivating revokes their devices
    (they are told so at their next contact and wipe their books); a reactivated user enrols
    again. Returns how many devices were revoked."""
    user = get_user(session, username=username)
    user.active = active
    revoked = 0 if active else revoke_user_devices(session, user=user)
    audit.record(
        session,
        "activate_user" if active else "deactivate_user",
        tbl="users",
        record_id=user.id,
        detail={"username": user.username, "revoked_devices": revoked},
    )
    return revoked


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
    address: str = "",
) -> Enrolment:
    """Check the password (throttled per user name and source address, see
    :mod:`crmdesk.server.throttling`) and make a device with a fresh token."""
    throttling.check(session, username=username, address=address, settings=settings)
    user = session.scalar(select(User).where(User.username == username))
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.active:
        # The caller records the failure in a transaction of its own (this one rolls back).
        raise ApiError("wrong user name or password", code="bad_login", status=401)
    throttling.record_success(session, username=username, address=address)
    token = new_token()
    device = Device(
        user_id=user.id, name=device_name, token_hash=hash_token(token), last_seq=start_seq
    )
    session.add(device)
    session.flush()
    audit.record(
        session,
        "enrol",
        tbl="devices",
        record_id=device.id,
        detail={"device_name": device_name[:200]},
        actor=audit.Actor.of(user, device),
    )
    return Enrolment(device=device, user=user, token=token)


def record_login_failure(session: Session, *, username: str, address: str = "") -> None:
    throttling.record_failure(session, username=username, address=address)
    known = session.scalar(select(User.id).where(User.username == username))
    # Only a known user's name goes in the log: an unknown "name" may be a mistyped password.
    audit.record(
        session,
        "sign_in_failed",
        tbl="users",
        record_id=known or "",
        actor=audit.Actor(known, username if known else "?"),
    )


def authenticate(session: Session, *, token: str) -> tuple[Device, User] | None:
    """The device holding ``token`` and its user, revoked or not (the caller tells a revoked
    device apart from an unknown token); None for an unknown token."""
    found = authenticate_for_push(session, token=token, lock=False)
    return None if found is None else (found[0], found[1])


def authenticate_for_push(
    session: Session, *, token: str, lock: bool = True
) -> tuple[Device, User, int] | None:
    """:func:`authenticate`, the device row locked for the push (its ``last_seq`` decides what
    is a replay) and the lease read, in the one query a push had to make anyway."""
    stmt = (
        select(Device, User, lease_column())
        .join(User, User.id == Device.user_id)
        .where(Device.token_hash == hash_token(token))
    )
    if lock:
        stmt = stmt.with_for_update(of=Device).execution_options(populate_existing=True)
    row = session.execute(stmt).first()
    if row is None:
        return None
    device, user, lease = row
    return device, user, lease_of(lease)


def is_revoked(device: Device, user: User) -> bool:
    return device.revoked_at is not None or not user.active


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
        audit.record(
            session,
            "revoke_device",
            tbl="devices",
            record_id=device.id,
            detail={"of": device.user_id},
        )
    return device


def revoke_user_devices(session: Session, *, user: User) -> int:
    """Revoke every device of ``user`` not revoked yet; how many."""
    devices = session.scalars(
        select(Device).where(Device.user_id == user.id, Device.revoked_at.is_(None))
    ).all()
    for device in devices:
        revoke_device(session, device_id=device.id)
    return len(devices)


def can_revoke(session: Session, *, actor: User, device: Device) -> bool:
    """Admins revoke any device; a manager their team's devices; everyone their own."""
    if actor.role == "admin" or device.user_id == actor.id:
        return True
    if actor.role != "manager" or actor.team_id is None:
        return False
    owner_team = session.scalar(select(User.team_id).where(User.id == device.user_id))
    return owner_team == actor.team_id


# ---- server settings ---------------------------------------------------------------------------

LEASE_KEY = "lease_days"
MAX_LEASE_DAYS = 365


def lease_days(session: Session) -> int:
    """How many days a book may stay offline before it needs the server to open again."""
    return lease_of(session.scalar(select(ServerMeta.value).where(ServerMeta.key == LEASE_KEY)))


def lease_column() -> ScalarSelect[str]:
    """The stored lease as a column expression: the sync paths read it inside a query they run
    anyway (one round trip less per request)."""
    return select(ServerMeta.value).where(ServerMeta.key == LEASE_KEY).scalar_subquery()


def lease_of(value: str | None) -> int:
    return int(value) if value else DEFAULT_LEASE_DAYS


def set_lease_days(session: Session, *, days: int) -> None:
    if not 1 <= days <= MAX_LEASE_DAYS:
        raise ValidationError(
            f"the lease is 1 to {MAX_LEASE_DAYS} days, not {days}", field="lease_days"
        )
    old = lease_days(session)
    row = session.get(ServerMeta, LEASE_KEY)
    if row is None:
        session.add(ServerMeta(key=LEASE_KEY, value=str(days)))
    else:
        row.value = str(days)
    audit.record(session, "set_lease", detail={"from": old, "to": days})


# ---- team --------------------------------------------------------------------------------------


def team_of(session: Session, *, actor: User) -> list[tuple[User, list[Device]]]:
    """The people ``actor`` manages with their devices: every user for an admin, a manager's
    team (with the manager), else the actor alone."""
    stmt = select(User).order_by(User.username)
    if actor.role == "admin":
        pass
    elif actor.role == "manager" and actor.team_id is not None:
        stmt = stmt.where((User.team_id == actor.team_id) | (User.id == actor.id))
    else:
        stmt = stmt.where(User.id == actor.id)
    users = session.scalars(stmt).all()
    devices: dict[str, list[Device]] = {u.id: [] for u in users}
    ids = list(devices)
    for start in range(0, len(ids), 500):
        for d in session.scalars(
            select(Device)
            .where(Device.user_id.in_(ids[start : start + 500]))
            .order_by(Device.created_at)
        ):
            devices[d.user_id].append(d)
    return [(u, devices[u.id]) for u in users]


def book_names(session: Session, books: list[str]) -> dict[str, str]:
    """Book id -> its owner's username (the company book -> ""), in one query."""
    names = {
        b: name or ""
        for b, name in session.execute(
            select(Book.id, User.username)
            .outerjoin(User, User.id == Book.owner_id)
            .where(Book.id.in_(books))
        )
    }
    return names


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
