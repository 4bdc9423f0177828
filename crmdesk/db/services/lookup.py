"""Find a record the way a person refers to it: full id, id prefix, or exact name.

Used by the CLI (``crmdesk contact show 张伟``) and by any caller holding what a user typed. An
ambiguous reference is an error that lists the candidates, so the user can pick one by id.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.core.ids import short_id as short_id
from crmdesk.db.models import Account, Contact, Record

MIN_PREFIX = 4
SHOW_CANDIDATES = 10


def _candidates(session: Session, model: type[Record], ref: str, deleted: bool) -> list[Record]:
    live = model.deleted.is_(deleted)
    exact = session.get(model, ref)
    if exact is not None and exact.deleted == deleted:
        return [exact]
    name_col = model.name  # type: ignore[attr-defined]
    by_name = list(session.scalars(select(model).where(live, name_col == ref).limit(50)))
    if by_name:
        return by_name
    # Case-insensitive for Latin names ("li lei" finds "Li Lei").
    by_name = list(
        session.scalars(select(model).where(live, func.lower(name_col) == ref.lower()).limit(50))
    )
    if by_name:
        return by_name
    if len(ref) >= MIN_PREFIX and all(c in "0123456789abcdef-" for c in ref.lower()):
        return list(
            session.scalars(select(model).where(live, model.id.startswith(ref.lower())).limit(50))
        )
    return []


def _describe(record: Record) -> str:
    if isinstance(record, Contact):
        where = f", {record.account.name}" if record.account is not None else ""
        return f"{short_id(record.id)} {record.name}{where}"
    return f"{short_id(record.id)} {record.name}"  # type: ignore[attr-defined]


def _resolve(session: Session, model: type[Record], ref: str, *, field: str, deleted: bool) -> str:
    text = ref.strip()
    label = "account" if model is Account else "contact"
    if not text:
        raise ValidationError(f"name the {label} by id or name", field=field, code="required")
    found = _candidates(session, model, text, deleted)
    if not found:
        state = "deleted " if deleted else ""
        raise NotFoundError(f"no {state}{label} matches {text!r}", field=field)
    if len(found) > 1:
        listed = "; ".join(_describe(r) for r in found[:SHOW_CANDIDATES])
        more = f" and {len(found) - SHOW_CANDIDATES} more" if len(found) > SHOW_CANDIDATES else ""
        raise ValidationError(
            f"{text!r} matches {len(found)} {label}s: {listed}{more}; use the id",
            field=field,
            code="ambiguous",
        )
    return found[0].id


def resolve_contact(
    session: Session, ref: str, *, field: str = "contact", deleted: bool = False
) -> str:
    """The id of the one contact ``ref`` names (id, id prefix of 4+ characters, or exact name)."""
    return _resolve(session, Contact, ref, field=field, deleted=deleted)


def resolve_contacts(session: Session, refs: Sequence[str], *, field: str = "contact") -> list[str]:
    return [resolve_contact(session, r, field=field) for r in refs]


def resolve_account(
    session: Session, ref: str, *, field: str = "account", deleted: bool = False
) -> str:
    """The id of the one account ``ref`` names (id, id prefix, exact name)."""
    return _resolve(session, Account, ref, field=field, deleted=deleted)


def resolve_id(
    session: Session, model: type[Record], ref: str, *, field: str, deleted: bool = False
) -> str:
    """The id of the one ``model`` record whose id is ``ref`` or starts with it (4+ characters)."""
    text = ref.strip().lower()
    label = model.__tablename__.rstrip("s").replace("_", " ")
    if len(text) < MIN_PREFIX:
        raise ValidationError(
            f"give at least {MIN_PREFIX} characters of the {label}'s id", field=field
        )
    rows = list(
        session.scalars(
            select(model.id).where(model.deleted.is_(deleted), model.id.startswith(text)).limit(11)
        )
    )
    if not rows:
        raise NotFoundError(f"no {label} has an id starting with {text!r}", field=field)
    if len(rows) > 1:
        raise ValidationError(
            f"{text!r} starts the ids of several {label}s; give more of it",
            field=field,
            code="ambiguous",
        )
    return rows[0]
