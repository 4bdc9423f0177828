"""A contact's preferences (喜好): category, value, note, and when it was learned."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core.errors import ValidationError
from crmdesk.core.validation import notes_text, required_text
from crmdesk.core.views import PreferenceView
from crmdesk.core.vocab import PREFERENCE_CATEGORIES
from crmdesk.db.models import Contact, Preference
from crmdesk.db.services._common import UNSET, Unset, get_deleted, get_live

VALUE_MAX = 1000
NOTE_MAX = 10_000


def preference_view(pref: Preference) -> PreferenceView:
    return PreferenceView(
        id=pref.id,
        contact_id=pref.contact_id,
        category=pref.category,
        value=pref.value,
        note=pref.note,
        learned_on=pref.learned_on,
    )


def _check_learned(learned_on: dt.date | None) -> dt.date | None:
    if learned_on is not None and learned_on > dt.date.today() + dt.timedelta(days=1):
        raise ValidationError(
            f"{learned_on.isoformat()} is in the future", field="learned_on", code="future"
        )
    return learned_on


def add_preference(
    session: Session,
    *,
    contact_id: str,
    category: str,
    value: str,
    note: str = "",
    learned_on: dt.date | None = None,
) -> PreferenceView:
    """Record a preference, e.g. category "tea", value "普洱", learned at dinner on 2024-05-01."""
    clean_category = PREFERENCE_CATEGORIES.check(category)
    clean_value = required_text(value, field="value", limit=VALUE_MAX)
    clean_note = notes_text(note, field="note", limit=NOTE_MAX)
    _check_learned(learned_on)
    get_live(session, Contact, contact_id, field="contact")
    pref = Preference(
        contact_id=contact_id,
        category=clean_category,
        value=clean_value,
        note=clean_note,
        learned_on=learned_on,
    )
    session.add(pref)
    session.flush()
    return preference_view(pref)


def edit_preference(
    session: Session,
    *,
    preference_id: str,
    category: str | Unset = UNSET,
    value: str | Unset = UNSET,
    note: str | Unset = UNSET,
    learned_on: dt.date | Unset | None = UNSET,
) -> PreferenceView:
    pref = get_live(session, Preference, preference_id, field="preference")
    changes: dict[str, object] = {}
    if category is not UNSET:
        changes["category"] = PREFERENCE_CATEGORIES.check(category)
    if value is not UNSET:
        changes["value"] = required_text(value, field="value", limit=VALUE_MAX)
    if note is not UNSET:
        changes["note"] = notes_text(note, field="note", limit=NOTE_MAX)
    if learned_on is not UNSET:
        changes["learned_on"] = _check_learned(learned_on)
    for key, new in changes.items():
        setattr(pref, key, new)
    session.flush()
    return preference_view(pref)


def list_preferences(session: Session, *, contact_id: str) -> list[PreferenceView]:
    """A contact's preferences, grouped by category in vocabulary order."""
    rows = session.scalars(
        select(Preference).where(Preference.contact_id == contact_id, Preference.deleted.is_(False))
    )
    order = {code: i for i, code in enumerate(PREFERENCE_CATEGORIES.codes)}
    return sorted(
        (preference_view(p) for p in rows),
        key=lambda v: (order.get(v.category, len(order)), v.value),
    )


def delete_preference(session: Session, *, preference_id: str) -> None:
    pref = get_live(session, Preference, preference_id, field="preference")
    pref.deleted = True
    session.flush()


def restore_preference(session: Session, *, preference_id: str) -> PreferenceView:
    pref = get_deleted(session, Preference, preference_id, field="preference")
    get_live(session, Contact, pref.contact_id, field="contact")
    pref.deleted = False
    session.flush()
    return preference_view(pref)
