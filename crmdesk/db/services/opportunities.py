"""Opportunities in the sales funnel (销售漏斗): identify → qualify → develop → propose → result.

``result`` (won / lost) is set exactly when the stage is "result".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from crmdesk.core.dates import check_date
from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money
from crmdesk.core.validation import notes_text, optional_text, required_text
from crmdesk.core.views import OpportunityView
from crmdesk.core.vocab import OPPORTUNITY_RESULTS, OPPORTUNITY_STAGES
from crmdesk.db.models import Account, Opportunity
from crmdesk.db.services._common import (
    DEFAULT_PAGE,
    UNSET,
    Unset,
    check_page,
    get_deleted,
    get_live,
    limit_of,
)


def _view(row: Opportunity, account: Account) -> OpportunityView:
    amount = None if row.amount_minor is None else Money(row.amount_minor, row.currency or "CNY")
    return OpportunityView(
        id=row.id,
        account_id=row.account_id,
        account_name=account.name,
        name=row.name,
        stage=row.stage,
        result=row.result,
        amount=amount,
        expected_on=row.expected_on,
        owner=row.owner,
        notes=row.notes,
    )


def _stage_and_result(stage: str, result: str | None) -> tuple[str, str | None]:
    clean_stage = OPPORTUNITY_STAGES.check(stage)
    clean_result = OPPORTUNITY_RESULTS.check(result) if result else None
    if clean_stage == "result" and clean_result is None:
        raise ValidationError("say whether it was won or lost", field="result", code="required")
    if clean_stage != "result" and clean_result is not None:
        raise ValidationError(
            f"a result is given only at the result stage, not at {clean_stage}", field="result"
        )
    return clean_stage, clean_result


def _amount(amount: Money | None) -> Money | None:
    if amount is not None and amount.minor < 0:
        raise ValidationError("an amount cannot be negative", field="amount", code="negative")
    return amount


def add_opportunity(
    session: Session,
    *,
    account_id: str,
    name: str,
    stage: str = "identify",
    result: str | None = None,
    amount: Money | None = None,
    expected_on: dt.date | None = None,
    owner: str | None = None,
    notes: str = "",
) -> OpportunityView:
    clean_name = required_text(name, field="name", limit=limit_of(Opportunity.name))
    clean_stage, clean_result = _stage_and_result(stage, result)
    _amount(amount)
    clean_owner = optional_text(owner, field="owner", limit=limit_of(Opportunity.owner))
    clean_notes = notes_text(notes)
    account = get_live(session, Account, account_id, field="account")
    row = Opportunity(
        account_id=account.id,
        name=clean_name,
        stage=clean_stage,
        result=clean_result,
        amount_minor=amount.minor if amount else None,
        currency=amount.currency if amount else None,
        expected_on=None if expected_on is None else check_date(expected_on, field="expected"),
        owner=clean_owner,
        notes=clean_notes,
    )
    session.add(row)
    session.flush()
    return _view(row, account)


def edit_opportunity(
    session: Session,
    *,
    opportunity_id: str,
    name: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    result: str | Unset | None = UNSET,
    amount: Money | Unset | None = UNSET,
    expected_on: dt.date | Unset | None = UNSET,
    owner: str | Unset | None = UNSET,
    notes: str | Unset = UNSET,
) -> OpportunityView:
    """Change the fields given. Moving to a stage before "result" clears the result."""
    row = get_live(session, Opportunity, opportunity_id, field="opportunity")
    changes: dict[str, Any] = {}
    if name is not UNSET:
        changes["name"] = required_text(name, field="name", limit=limit_of(Opportunity.name))
    new_stage = row.stage if stage is UNSET else stage
    new_result = row.result if result is UNSET else result
    if stage is not UNSET and result is UNSET and stage != "result":
        new_result = None
    changes["stage"], changes["result"] = _stage_and_result(new_stage, new_result)
    if amount is not UNSET:
        _amount(amount)
        changes["amount_minor"] = amount.minor if amount else None
        changes["currency"] = amount.currency if amount else None
    if expected_on is not UNSET:
        changes["expected_on"] = (
            None if expected_on is None else check_date(expected_on, field="expected")
        )
    if owner is not UNSET:
        changes["owner"] = optional_text(owner, field="owner", limit=limit_of(Opportunity.owner))
    if notes is not UNSET:
        changes["notes"] = notes_text(notes)
    for key, value in changes.items():
        setattr(row, key, value)
    session.flush()
    return _view(row, get_live(session, Account, row.account_id, field="account"))


def list_opportunities(
    session: Session,
    *,
    account_id: str | None = None,
    stage: str | None = None,
    owner: str | None = None,
    open_only: bool = False,
    limit: int = DEFAULT_PAGE,
) -> list[OpportunityView]:
    """Opportunities by funnel stage, then expected date."""
    check_page(limit)
    conds: list[ColumnElement[bool]] = [Opportunity.deleted.is_(False)]
    if account_id is not None:
        conds.append(Opportunity.account_id == account_id)
    if stage is not None:
        conds.append(Opportunity.stage == OPPORTUNITY_STAGES.check(stage))
    if owner is not None:
        conds.append(Opportunity.owner == owner)
    if open_only:
        conds.append(Opportunity.stage != "result")
    rows = session.execute(
        select(Opportunity, Account)
        .join(Account, Opportunity.account_id == Account.id)
        .where(*conds)
        .order_by(Opportunity.expected_on.is_(None), Opportunity.expected_on, Opportunity.id)
        .limit(limit)
    )
    order = {code: i for i, code in enumerate(OPPORTUNITY_STAGES.codes)}
    views = [_view(o, a) for o, a in rows]
    return sorted(views, key=lambda v: order.get(v.stage, len(order)))


def delete_opportunity(session: Session, *, opportunity_id: str) -> None:
    get_live(session, Opportunity, opportunity_id, field="opportunity").deleted = True
    session.flush()


def restore_opportunity(session: Session, *, opportunity_id: str) -> OpportunityView:
    row = get_deleted(session, Opportunity, opportunity_id, field="opportunity")
    account = get_live(session, Account, row.account_id, field="account")
    row.deleted = False
    session.flush()
    return _view(row, account)
