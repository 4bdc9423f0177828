"""Accounts (客户): the customer organisation's master file; add, edit, list, delete, restore.

Deleting an account soft-deletes its contacts (with their preferences, family, dates), its
opportunities, complaints and open follow-ups in one stamp; restoring brings exactly those back.
The interaction log stays: it is the audit trail of spend.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select, tuple_
from sqlalchemy.orm import Session

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money, check_currency
from crmdesk.core.validation import (
    check_phones,
    check_tags,
    notes_text,
    optional_text,
    required_text,
)
from crmdesk.core.views import AccountView, DeletionView
from crmdesk.core.vocab import ACCOUNT_STATUSES, CUSTOMER_TYPES
from crmdesk.db.models import Account, Complaint, Contact, FollowUp, Opportunity
from crmdesk.db.services._common import (
    DEFAULT_PAGE,
    UNSET,
    Unset,
    check_page,
    get_deleted,
    get_live,
    limit_of,
)
from crmdesk.db.services.contacts import delete_contact_rows, restore_contact_rows
from crmdesk.db.services.deletion import deletion_stamp, mark_deleted, restore_stamped
from crmdesk.db.services.tiers import check_tier
from crmdesk.db.sql import has_tag

ADDRESS_MAX = 1000

_TEXT_LIMITS = {
    "code": limit_of(Account.code),
    "owner": limit_of(Account.owner),
    "industry": limit_of(Account.industry),
    "application": limit_of(Account.application),
    "postcode": limit_of(Account.postcode),
    "website": limit_of(Account.website),
    "bank_account": limit_of(Account.bank_account),
    "discount": limit_of(Account.discount),
    "payment_terms": limit_of(Account.payment_terms),
    "tax_rule": limit_of(Account.tax_rule),
    "commission_code": limit_of(Account.commission_code),
    "address": ADDRESS_MAX,
    "delivery_address": ADDRESS_MAX,
    "invoice_address": ADDRESS_MAX,
}
_NOTE_FIELDS = ("notes", "insight", "credit_record")


def account_view(account: Account) -> AccountView:
    limit = account.sales_limit_minor
    return AccountView(
        id=account.id,
        name=account.name,
        code=account.code,
        tier=account.tier,
        customer_type=account.customer_type,
        status=account.status,
        owner=account.owner,
        industry=account.industry,
        application=account.application,
        address=account.address,
        postcode=account.postcode,
        phones=tuple(account.phones or ()),
        website=account.website,
        bank_account=account.bank_account,
        currency=account.currency,
        discount=account.discount,
        payment_terms=account.payment_terms,
        tax_rule=account.tax_rule,
        credit_record=account.credit_record,
        sales_limit=None if limit is None else Money(limit, account.currency or "CNY"),
        delivery_address=account.delivery_address,
        invoice_address=account.invoice_address,
        commission_code=account.commission_code,
        insight=account.insight,
        notes=account.notes,
        tags=tuple(account.tags or ()),
        deleted=account.deleted,
        created_at=account.created_at,
        updated_at=account.updated_at,
    )


def _clean(session: Session, given: dict[str, Any], current: Account | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in given.items():
        if key == "name":
            out[key] = required_text(value, field="name", limit=limit_of(Account.name))
        elif key in _TEXT_LIMITS:
            out[key] = optional_text(value, field=key, limit=_TEXT_LIMITS[key])
        elif key in _NOTE_FIELDS:
            text = notes_text(value, field=key)
            out[key] = text if key != "credit_record" else (text or None)
        elif key == "tier":
            out[key] = check_tier(session, value)
        elif key == "customer_type":
            out[key] = CUSTOMER_TYPES.check(value) if value and value.strip() else None
        elif key == "status":
            out[key] = ACCOUNT_STATUSES.check(value or "")
        elif key == "phones":
            out[key] = check_phones(value)
        elif key == "tags":
            out[key] = check_tags(value)
        elif key == "currency":
            out[key] = check_currency(value) if value and value.strip() else None
        elif key == "sales_limit":
            pass  # below, once the currency is known
        else:  # pragma: no cover - the public functions pass only the keys above
            raise TypeError(f"unexpected account field {key}")
    if "sales_limit" in given:
        limit: Money | None = given["sales_limit"]
        currency = out.get("currency", current.currency if current else None)
        if limit is not None:
            if currency is not None and currency != limit.currency:
                raise ValidationError(
                    f"the sales limit is in {limit.currency} but the account's currency is "
                    f"{currency}",
                    field="sales_limit",
                )
            out["currency"] = limit.currency
        out["sales_limit_minor"] = None if limit is None else limit.minor
    return out


def add_account(
    session: Session,
    *,
    name: str,
    code: str | None = None,
    tier: str | None = None,
    customer_type: str | None = None,
    status: str = "existing",
    owner: str | None = None,
    industry: str | None = None,
    application: str | None = None,
    address: str | None = None,
    postcode: str | None = None,
    phones: Sequence[str] = (),
    website: str | None = None,
    bank_account: str | None = None,
    currency: str | None = None,
    discount: str | None = None,
    payment_terms: str | None = None,
    tax_rule: str | None = None,
    credit_record: str | None = None,
    sales_limit: Money | None = None,
    delivery_address: str | None = None,
    invoice_address: str | None = None,
    commission_code: str | None = None,
    insight: str = "",
    notes: str = "",
    tags: Sequence[str] = (),
) -> AccountView:
    """Add an account; vocabularies (customer_type, status) are in ``crmdesk.core.vocab``."""
    given = {k: v for k, v in locals().items() if k != "session"}
    account = Account(**_clean(session, given, None))
    session.add(account)
    session.flush()
    return account_view(account)


def edit_account(
    session: Session,
    *,
    account_id: str,
    name: str | Unset = UNSET,
    code: str | Unset | None = UNSET,
    tier: str | Unset | None = UNSET,
    customer_type: str | Unset | None = UNSET,
    status: str | Unset = UNSET,
    owner: str | Unset | None = UNSET,
    industry: str | Unset | None = UNSET,
    application: str | Unset | None = UNSET,
    address: str | Unset | None = UNSET,
    postcode: str | Unset | None = UNSET,
    phones: Sequence[str] | Unset = UNSET,
    website: str | Unset | None = UNSET,
    bank_account: str | Unset | None = UNSET,
    currency: str | Unset | None = UNSET,
    discount: str | Unset | None = UNSET,
    payment_terms: str | Unset | None = UNSET,
    tax_rule: str | Unset | None = UNSET,
    credit_record: str | Unset | None = UNSET,
    sales_limit: Money | Unset | None = UNSET,
    delivery_address: str | Unset | None = UNSET,
    invoice_address: str | Unset | None = UNSET,
    commission_code: str | Unset | None = UNSET,
    insight: str | Unset = UNSET,
    notes: str | Unset = UNSET,
    tags: Sequence[str] | Unset = UNSET,
) -> AccountView:
    """Change the fields given; UNSET (the default) leaves a field, None or "" clears it."""
    given = {
        k: v for k, v in locals().items() if k not in ("session", "account_id") and v is not UNSET
    }
    account = get_live(session, Account, account_id, field="account")
    for key, value in _clean(session, given, account).items():
        setattr(account, key, value)
    session.flush()
    return account_view(account)


def get_account(session: Session, *, account_id: str) -> AccountView:
    return account_view(get_live(session, Account, account_id, field="account"))


def _conditions(
    *,
    tier: str | None,
    tag: str | None,
    owner: str | None,
    status: str | None,
    customer_type: str | None,
    deleted: bool,
) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Account.deleted.is_(deleted)]
    for column, value in (
        (Account.tier, tier),
        (Account.owner, owner),
        (Account.status, status),
        (Account.customer_type, customer_type),
    ):
        if value is not None:
            conds.append(column == value)
    if tag is not None:
        conds.append(has_tag(Account.tags, tag))
    return conds


def list_accounts(
    session: Session,
    *,
    tier: str | None = None,
    tag: str | None = None,
    owner: str | None = None,
    status: str | None = None,
    customer_type: str | None = None,
    after: tuple[str, str] | None = None,
    limit: int = DEFAULT_PAGE,
    deleted: bool = False,
) -> list[AccountView]:
    """One page of accounts in ``(name, id)`` order after the cursor ``after`` (a view's cursor)."""
    check_page(limit)
    conds = _conditions(
        tier=tier,
        tag=tag,
        owner=owner,
        status=status,
        customer_type=customer_type,
        deleted=deleted,
    )
    if after is not None:
        conds.append(tuple_(Account.name, Account.id) > tuple_(*after))
    rows = session.scalars(
        select(Account).where(*conds).order_by(Account.name, Account.id).limit(limit)
    )
    return [account_view(a) for a in rows]


def count_accounts(
    session: Session,
    *,
    tier: str | None = None,
    tag: str | None = None,
    owner: str | None = None,
    status: str | None = None,
    customer_type: str | None = None,
    deleted: bool = False,
) -> int:
    conds = _conditions(
        tier=tier,
        tag=tag,
        owner=owner,
        status=status,
        customer_type=customer_type,
        deleted=deleted,
    )
    return int(session.scalar(select(func.count(Account.id)).where(*conds)) or 0)


def delete_account(session: Session, *, account_id: str) -> DeletionView:
    """Soft-delete the account with its contacts, opportunities, complaints, open follow-ups."""
    account = get_live(session, Account, account_id, field="account")
    stamp = deletion_stamp()
    count = 0
    for contact in session.scalars(
        select(Contact).where(Contact.account_id == account.id, Contact.deleted.is_(False))
    ).all():
        count += 1 + delete_contact_rows(session, contact, stamp)
    for model in (Opportunity, Complaint):
        rows = session.scalars(select(model).where(model.account_id == account.id)).all()
        count += mark_deleted(rows, stamp)
    open_follow_ups = session.scalars(
        select(FollowUp).where(FollowUp.account_id == account.id, FollowUp.done.is_(False))
    ).all()
    count += mark_deleted(open_follow_ups, stamp)
    mark_deleted([account], stamp)
    session.flush()
    return DeletionView(kind="account", id=account.id, deleted_at=stamp, dependants=count)


def restore_account(session: Session, *, account_id: str) -> AccountView:
    """Undo :func:`delete_account`: exactly what that delete took comes back."""
    account = get_deleted(session, Account, account_id, field="account")
    stamp = account.updated_at
    contacts = session.scalars(
        select(Contact).where(
            Contact.account_id == account.id,
            Contact.deleted.is_(True),
            Contact.updated_at == stamp,
        )
    ).all()
    for contact in contacts:
        restore_contact_rows(session, contact, stamp)
    for model in (Opportunity, Complaint, FollowUp):
        restore_stamped(session, model, stamp, model.account_id == account.id)
    account.deleted = False
    session.flush()
    return account_view(account)
