"""Tiers (客户分级) are data: list them, add or change one, or replace the whole scheme.

A tier's ``code`` is what accounts and contacts store. Codes are matched without regard to case
(``--tier s`` is ``S``). A tier still used by an account or contact cannot disappear unless the
caller says where its records move (``move_to`` / ``remap``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.core.money import DEFAULT_CURRENCY, Money
from crmdesk.core.validation import check_int, notes_text, required_text
from crmdesk.core.views import TierView
from crmdesk.db.models import Account, Contact, Tier
from crmdesk.db.services._common import UNSET, Unset, limit_of

MAX_CADENCE_DAYS = 3650


@dataclass(frozen=True, slots=True)
class TierSpec:
    """One tier of a scheme passed to :func:`replace_tiers` (rank is its place in the list)."""

    code: str
    name: str
    cadence_days: int
    greeting_budget: Money | None = None
    description: str = ""


def tier_view(tier: Tier) -> TierView:
    budget = tier.greeting_budget_minor
    return TierView(
        id=tier.id,
        code=tier.code,
        name=tier.name,
        rank=tier.rank,
        cadence_days=tier.cadence_days,
        greeting_budget=None if budget is None else Money(budget, DEFAULT_CURRENCY),
        description=tier.description,
        monthly_budget=(
            None
            if tier.monthly_budget_minor is None
            else Money(tier.monthly_budget_minor, DEFAULT_CURRENCY)
        ),
    )


def list_tiers(session: Session) -> list[TierView]:
    """The book's tiers, most important first."""
    rows = session.scalars(select(Tier).where(Tier.deleted.is_(False)).order_by(Tier.rank))
    return [tier_view(t) for t in rows]


def check_tier(session: Session, code: str | None, *, field: str = "tier") -> str | None:
    """The stored code of the live tier ``code`` names (any case); None stays None."""
    if code is None or not code.strip():
        return None
    wanted = code.strip().upper()
    for tier in session.scalars(select(Tier).where(Tier.deleted.is_(False))):
        if tier.code.upper() == wanted:
            return tier.code
    known = ", ".join(t.code for t in list_tiers(session)) or "none"
    raise ValidationError(
        f"{code.strip()!r} is not a tier of this book; the tiers are: {known}",
        field=field,
        code="unknown_tier",
    )


def _clean_code(code: str) -> str:
    text = required_text(code, field="code", limit=limit_of(Tier.code)).upper()
    if not text.replace("_", "").replace("-", "").isalnum():
        raise ValidationError(
            f"{text!r}: a tier code has only letters, digits, - and _", field="code"
        )
    return text


def _budget_minor(budget: Money | None, *, field: str = "greeting_budget") -> int | None:
    if budget is None:
        return None
    if budget.currency != DEFAULT_CURRENCY:
        raise ValidationError(
            f"tier budgets are kept in {DEFAULT_CURRENCY}, not {budget.currency}", field=field
        )
    return budget.minor


def _find(session: Session, code: str) -> Tier | None:
    """The tier row with this code, live or deleted (codes are unique across both)."""
    return session.scalar(select(Tier).where(func.upper(Tier.code) == code.upper()))


def add_tier(
    session: Session,
    *,
    code: str,
    name: str,
    cadence_days: int,
    rank: int | None = None,
    greeting_budget: Money | None = None,
    description: str = "",
    monthly_budget: Money | None = None,
) -> TierView:
    """Add a tier; ``rank`` defaults to after the last one. ``monthly_budget``: what one account
    of the tier may cost per month (the spend view)."""
    clean_code = _clean_code(code)
    clean_name = required_text(name, field="name", limit=limit_of(Tier.name))
    check_int(cadence_days, field="cadence_days", minimum=1, maximum=MAX_CADENCE_DAYS)
    minor = _budget_minor(greeting_budget)
    monthly_minor = _budget_minor(monthly_budget, field="monthly_budget")
    text = notes_text(description, field="description")
    existing = _find(session, clean_code)
    if existing is not None and not existing.deleted:
        raise ValidationError(f"the tier {clean_code} already exists", field="code")
    if rank is None:
        rank = (session.scalar(select(func.max(Tier.rank)).where(Tier.deleted.is_(False))) or 0) + 1
    check_int(rank, field="rank", minimum=0, maximum=1000)
    # A code once used keeps its row (the code is unique): bring it back rather than clash.
    tier = existing if existing is not None else Tier(code=clean_code)
    tier.deleted = False
    tier.name = clean_name
    tier.rank = rank
    tier.cadence_days = cadence_days
    tier.greeting_budget_minor = minor
    tier.monthly_budget_minor = monthly_minor
    tier.description = text
    session.add(tier)
    session.flush()
    return tier_view(tier)


def edit_tier(
    session: Session,
    *,
    code: str,
    name: str | Unset = UNSET,
    rank: int | Unset = UNSET,
    cadence_days: int | Unset = UNSET,
    greeting_budget: Money | Unset | None = UNSET,
    description: str | Unset = UNSET,
    monthly_budget: Money | Unset | None = UNSET,
) -> TierView:
    """Change a tier's name, rank, cadence, budgets or description (not its code).

    ``monthly_budget`` is what one account of the tier may cost per month (the spend view).
    """
    tier = _find(session, code.strip())
    if tier is None or tier.deleted:
        raise NotFoundError(f"there is no tier {code.strip()!r}", field="tier")
    changes: dict[str, object] = {}
    if name is not UNSET:
        changes["name"] = required_text(name, field="name", limit=limit_of(Tier.name))
    if rank is not UNSET:
        changes["rank"] = check_int(rank, field="rank", minimum=0, maximum=1000)
    if cadence_days is not UNSET:
        changes["cadence_days"] = check_int(
            cadence_days, field="cadence_days", minimum=1, maximum=MAX_CADENCE_DAYS
        )
    if greeting_budget is not UNSET:
        changes["greeting_budget_minor"] = _budget_minor(greeting_budget)
    if description is not UNSET:
        changes["description"] = notes_text(description, field="description")
    if monthly_budget is not UNSET:
        changes["monthly_budget_minor"] = _budget_minor(monthly_budget, field="monthly_budget")
    for key, value in changes.items():
        setattr(tier, key, value)
    session.flush()
    return tier_view(tier)


def tier_usage(session: Session, code: str) -> int:
    """How many live accounts and contacts have this tier of their own."""
    accounts = session.scalar(
        select(func.count()).where(Account.tier == code, Account.deleted.is_(False))
    )
    contacts = session.scalar(
        select(func.count()).where(Contact.tier == code, Contact.deleted.is_(False))
    )
    return int(accounts or 0) + int(contacts or 0)


def _move(session: Session, old: str, new: str | None) -> None:
    # Deleted records move too, so a restore never brings back a tier that is gone.
    for account in session.scalars(select(Account).where(Account.tier == old)).all():
        account.tier = new
    for contact in session.scalars(select(Contact).where(Contact.tier == old)).all():
        contact.tier = new


def delete_tier(session: Session, *, code: str, move_to: str | None = None) -> None:
    """Remove a tier; its accounts and contacts move to ``move_to`` (required if there are any)."""
    tier = _find(session, code.strip())
    if tier is None or tier.deleted:
        raise NotFoundError(f"there is no tier {code.strip()!r}", field="tier")
    target = check_tier(session, move_to, field="move_to")
    if target == tier.code:
        raise ValidationError("cannot move a tier's records to itself", field="move_to")
    used = tier_usage(session, tier.code)
    if used and target is None:
        raise ValidationError(
            f"the tier {tier.code} is used by {used} accounts or contacts; say which tier they "
            "move to",
            field="move_to",
            code="tier_in_use",
        )
    _move(session, tier.code, target)
    tier.deleted = True
    session.flush()


def replace_tiers(
    session: Session, *, tiers: Sequence[TierSpec], remap: Mapping[str, str] | None = None
) -> list[TierView]:
    """Replace the whole scheme, e.g. S/A/B/C with A/B/C/D; ranks follow the order given.

    Tiers of the old scheme that the new one lacks are removed; the accounts and contacts that use
    them move as ``remap`` says (old code -> new code). A removed tier still in use and missing
    from ``remap`` is an error, raised before anything changes.
    """
    if not tiers:
        raise ValidationError("a tier scheme needs at least one tier", field="tiers")
    clean: list[tuple[str, TierSpec, int | None]] = []
    for spec in tiers:
        code = _clean_code(spec.code)
        if any(code == c for c, _, _ in clean):
            raise ValidationError(f"the tier {code} is given twice", field="tiers")
        required_text(spec.name, field="name", limit=limit_of(Tier.name))
        check_int(spec.cadence_days, field="cadence_days", minimum=1, maximum=MAX_CADENCE_DAYS)
        notes_text(spec.description, field="description")
        clean.append((code, spec, _budget_minor(spec.greeting_budget)))
    new_codes = {code for code, _, _ in clean}
    moves = {k.strip().upper(): v.strip().upper() for k, v in (remap or {}).items()}
    for old, new in moves.items():
        if new not in new_codes:
            raise ValidationError(
                f"{old} is mapped to {new}, which is not in the new scheme", field="remap"
            )
    current = list(session.scalars(select(Tier).where(Tier.deleted.is_(False))))
    for tier in current:
        if tier.code.upper() in new_codes:
            continue
        used = tier_usage(session, tier.code)
        if used and tier.code.upper() not in moves:
            raise ValidationError(
                f"the tier {tier.code} is used by {used} accounts or contacts; say which new tier "
                "they move to",
                field="remap",
                code="tier_in_use",
            )
    # Everything is checked: now write.
    for tier in current:
        if tier.code.upper() not in new_codes:
            _move(session, tier.code, moves.get(tier.code.upper()))
            tier.deleted = True
    session.flush()
    for rank, (code, spec, minor) in enumerate(clean):
        tier = _find(session, code) or Tier(code=code)
        tier.code = code
        tier.deleted = False
        tier.name = spec.name.strip()
        tier.rank = rank
        tier.cadence_days = spec.cadence_days
        tier.greeting_budget_minor = minor
        tier.description = spec.description.strip()
        session.add(tier)
    session.flush()
    return list_tiers(session)
