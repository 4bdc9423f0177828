"""Hand-built books for the dashboard and spend tests: records written as the sync would leave
them (owners, server books and their usernames), each helper one row."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.db.models import (
    Account,
    Contact,
    FollowUp,
    Gift,
    Interaction,
    InteractionAttendee,
    Opportunity,
    Tier,
)
from crmdesk.db.sync_state import SyncMeta, SyncShadow


def local(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    """``hour:minute`` on ``day`` in the device's time zone."""
    return dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()


class Builder:
    def __init__(self, session: Session) -> None:
        self.s = session

    def _add(self, row: Any) -> Any:
        self.s.add(row)
        self.s.flush()
        return row

    def tier(self, code: str, rank: int, cadence: int, monthly: int | None = None) -> Tier:
        """Set the tier ``code`` (a new book already has the default S/A/B/C rows)."""
        row = self.s.scalar(select(Tier).where(Tier.code == code)) or Tier(code=code, name=code)
        row.rank, row.cadence_days, row.monthly_budget_minor = rank, cadence, monthly
        return self._add(row)

    def account(
        self,
        name: str,
        tier: str | None,
        owner: str | None = None,
        book: str | None = None,
        deleted: bool = False,
    ) -> Account:
        row = self._add(Account(name=name, tier=tier, owner=owner, deleted=deleted))
        if book:
            self.shadow("accounts", row.id, book)
        return row

    def contact(self, name: str, account: Account | None) -> Contact:
        return self._add(Contact(name=name, account_id=account.id if account else None))

    def interaction(
        self,
        at: dt.datetime,
        account: Account | None = None,
        *,
        attendees: tuple[Contact, ...] = (),
        cost: int | None = None,
        currency: str | None = None,
        recorded_by: str | None = None,
        deleted: bool = False,
        summary: str = "",
    ) -> Interaction:
        row = self._add(
            Interaction(
                occurred_at=at,
                kind="visit",
                account_id=account.id if account else None,
                cost_minor=cost,
                cost_currency=currency,
                recorded_by=recorded_by,
                deleted=deleted,
                summary=summary,
            )
        )
        for person in attendees:
            self.attend(row, person)
        return row

    def attend(self, interaction: Interaction, person: Contact, deleted: bool = False) -> None:
        self._add(
            InteractionAttendee(
                interaction_id=interaction.id, contact_id=person.id, deleted=deleted
            )
        )

    def gift(
        self,
        interaction: Interaction,
        description: str,
        value: int | None,
        to: Contact | None = None,
        currency: str | None = "CNY",
    ) -> Gift:
        return self._add(
            Gift(
                interaction_id=interaction.id,
                description=description,
                value_minor=value,
                currency=currency,
                contact_id=to.id if to else None,
            )
        )

    def follow_up(
        self,
        due: dt.date,
        *,
        account: Account | None = None,
        owner: str | None = None,
        done: bool = False,
        deleted: bool = False,
        text: str = "call back",
    ) -> FollowUp:
        return self._add(
            FollowUp(
                due_on=due,
                description=text,
                done=done,
                deleted=deleted,
                owner=owner,
                account_id=account.id if account else None,
            )
        )

    def opportunity(
        self,
        account: Account,
        stage: str,
        amount: int | None,
        currency: str | None = "CNY",
        result: str | None = None,
        deleted: bool = False,
        book: str | None = None,
    ) -> Opportunity:
        row = self._add(
            Opportunity(
                account_id=account.id,
                name=f"{stage} deal",
                stage=stage,
                result=result,
                amount_minor=amount,
                currency=currency,
                deleted=deleted,
            )
        )
        if book:
            self.shadow("opportunities", row.id, book)
        return row

    def shadow(self, table: str, record_id: str, book: str) -> None:
        self._add(SyncShadow(tbl=table, record_id=record_id, version=1, book_id=book))

    def book_names(self, names: dict[str, str]) -> None:
        self._add(SyncMeta(key="book_names", value=json.dumps(names)))
