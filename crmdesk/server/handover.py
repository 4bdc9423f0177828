"""Handover (离职交接): a leaver's whole book passes to successors, in one transaction.

Accounts named in the request go, with everything hanging on them, to their successor; every
other record of the book (contacts without an account, their follow-ups, conflicts...) goes to
``default_to``. If a live record would be left without a successor nothing moves (409
``unassigned``). Records keep their stages, dates, done flags and ``recorded_by``; ``owner``
fields name the successor (``syncing.move_records``). Then the leaver's devices are revoked and
the leaver deactivated, unless the request keeps them (deactivating revokes the devices
whatever ``revoke_devices`` says: a deactivated user's devices are refused anyway).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.server import audit, crud
from crmdesk.server.errors import ApiError, forbidden
from crmdesk.server.models import SyncRecord, User
from crmdesk.server.syncing import BookWriter, move_records, record_tree
from crmdesk.sync.protocol import CONFLICTS_TABLE, HandoverRequest, HandoverResponse

Key = tuple[str, str]  # (table, record id)


def handover(session: Session, *, actor: User, request: HandoverRequest) -> HandoverResponse:
    leaver, successors = _check(session, actor=actor, request=request)
    writer = BookWriter(session)
    for book in sorted({leaver.id, *(u.id for u in successors.values())}):
        writer.lock(book)  # in id order, like every multi-book writer
    plan = _plan(session, leaver=leaver, request=request)
    counts: dict[str, int] = {name: 0 for name in successors}
    accounts = 0
    for name in sorted(plan):
        moved = move_records(
            session, writer, keys=plan[name], source=leaver, target=successors[name]
        )
        counts[name] += len(moved)
        accounts += sum(1 for r in moved if r.tbl == "accounts")
    revoked = 0
    if request.deactivate:
        revoked = crud.set_active(session, username=leaver.username, active=False)
    elif request.revoke_devices:
        revoked = crud.revoke_user_devices(session, user=leaver)
    audit.record(
        session,
        "handover",
        tbl="users",
        record_id=leaver.id,
        detail={
            "leaver": leaver.username,
            "successors": counts,
            "accounts": {
                name: sorted(a for a, to in request.accounts.items() if to == name)
                for name in sorted(set(request.accounts.values()))
            },
            "default_to": request.default_to or "",
            "revoked_devices": revoked,
            "deactivated": request.deactivate,
        },
    )
    writer.notify()
    session.flush()
    return HandoverResponse(
        moved=sum(counts.values()), accounts=accounts, successors=counts, revoked_devices=revoked
    )


def _check(
    session: Session, *, actor: User, request: HandoverRequest
) -> tuple[User, dict[str, User]]:
    """The leaver and the successors by name, after the authorisation checks: an admin hands
    over anyone; a manager only a leaver of their team to people of their team."""
    if actor.role not in ("admin", "manager"):
        raise forbidden()
    manager_team = actor.team_id if actor.role == "manager" else None
    leaver = session.scalar(select(User).where(User.username == request.leaver))
    if actor.role == "manager" and (
        leaver is None or manager_team is None or leaver.team_id != manager_team
    ):
        raise forbidden()  # the same answer whether or not the user exists elsewhere
    if leaver is None:
        raise ApiError(f"no user named {request.leaver!r}", code="no_user", status=404)
    names = set(request.accounts.values())
    if request.default_to:
        names.add(request.default_to)
    if not names:
        raise ApiError("name a successor for the leaver's records", code="unassigned", status=409)
    successors: dict[str, User] = {}
    for name in sorted(names):
        user = session.scalar(select(User).where(User.username == name))
        if user is None or not user.active:
            raise ApiError(
                f"no active user named {name!r} to take over", code="no_user", status=404
            )
        if actor.role == "manager" and user.team_id != manager_team:
            raise forbidden()
        if user.id == leaver.id:
            raise ApiError("the leaver cannot be their own successor", code="invalid", status=400)
        successors[name] = user
    return leaver, successors


def _plan(session: Session, *, leaver: User, request: HandoverRequest) -> dict[str, set[Key]]:
    """Successor name -> the records they receive. Raises ``unassigned`` if a live record of
    the book would be left behind."""
    wanted = set(request.accounts)
    present = set(
        session.scalars(
            select(SyncRecord.id).where(
                SyncRecord.book_id == leaver.id,
                SyncRecord.tbl == "accounts",
                SyncRecord.id.in_(sorted(wanted)),
            )
        )
    )
    missing = sorted(wanted - present)
    if missing:
        raise ApiError(
            f"{leaver.username} holds no account {missing[0]}", code="not_found", status=404
        )
    plan: dict[str, set[Key]] = {}
    taken: set[Key] = set()
    by_successor: dict[str, set[str]] = {}
    for account, name in request.accounts.items():
        by_successor.setdefault(name, set()).add(account)
    for name in sorted(by_successor):
        # An account's tree; a record reachable from two accounts goes with the first.
        tree = record_tree(
            session, book=leaver.id, roots={("accounts", a) for a in by_successor[name]}
        )
        plan[name] = tree - taken
        taken |= plan[name]
    taken_ids = {i for _, i in taken}
    rest: set[Key] = set()
    live = 0
    about_taken = {
        rid
        for rid, data in session.execute(
            select(SyncRecord.id, SyncRecord.data).where(
                SyncRecord.book_id == leaver.id, SyncRecord.tbl == CONFLICTS_TABLE
            )
        )
        if data.get("record_id") in taken_ids
    }
    for tbl, rid, deleted in session.execute(
        select(SyncRecord.tbl, SyncRecord.id, SyncRecord.deleted).where(
            SyncRecord.book_id == leaver.id
        )
    ):
        if (tbl, rid) in taken or (tbl == CONFLICTS_TABLE and rid in about_taken):
            continue  # a conflict goes with its record
        rest.add((tbl, rid))
        live += 0 if deleted else 1
    if rest and request.default_to:
        plan.setdefault(request.default_to, set()).update(rest)
    elif live:
        raise ApiError(
            f"{live} records of {leaver.username} would have no successor: name one for "
            "the rest of the book",
            code="unassigned",
            status=409,
        )
    return plan
