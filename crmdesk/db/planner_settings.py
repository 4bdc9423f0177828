"""The planner's settings and its "done" marks, kept in the book (``book_settings``, JSON values).

Two keys:

* ``planner.settings`` — :class:`~crmdesk.core.planner_config.PlannerSettings` as JSON: date
  policies, lead time, dormancy, reminder time, which festivals apply to which tiers, company
  festivals. Tier cadences and budgets are not here; they are the tiers' own columns.
* ``planner.done`` — the occasions marked done (:func:`crmdesk.core.planner.done_key` → the id
  of the interaction that was logged), so a birthday greeted stays ticked in the plan. Marks of
  occasions more than :data:`KEEP_DONE_DAYS` old are dropped whenever one is added.

``book_settings`` rows do not sync: the interactions logged do, so another device sees the
greeting in the log and the last gift, but not the tick. A stored value that cannot be read
(hand-edited, or written by a newer crmdesk) is logged and the defaults are used, so the plan
still opens; the next save replaces it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core.errors import ValidationError
from crmdesk.core.planner_config import (
    DEFAULT_SETTINGS,
    CompanyFestivalSpec,
    PlannerSettings,
    TierSet,
)
from crmdesk.db.models import BookSetting, Tier

log = logging.getLogger(__name__)

SETTINGS_KEY = "planner.settings"
DONE_KEY = "planner.done"
KEEP_DONE_DAYS = 400


def _read(session: Session, key: str) -> object | None:
    row = session.get(BookSetting, key)
    if row is None:
        return None
    try:
        value: object = json.loads(row.value)
    except ValueError:
        log.warning("the book setting %s is not JSON; ignoring it", key)
        return None
    return value


def _write(session: Session, key: str, value: object) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(BookSetting, key)
    if row is None:
        session.add(BookSetting(key=key, value=text))
    else:
        row.value = text
    session.flush()


def load_settings(session: Session) -> PlannerSettings:
    """The book's planner settings (the defaults where nothing was set)."""
    data = _read(session, SETTINGS_KEY)
    if data is None:
        return DEFAULT_SETTINGS
    try:
        return PlannerSettings.from_json(data)
    except ValidationError as exc:
        log.warning("the stored planner settings are damaged (%s); using the defaults", exc)
        return DEFAULT_SETTINGS


def save_settings(session: Session, settings: PlannerSettings) -> PlannerSettings:
    """Store ``settings`` (already checked: a PlannerSettings cannot hold a bad value)."""
    _write(session, SETTINGS_KEY, settings.to_json())
    return settings


def _check_tiers(session: Session, tiers: TierSet) -> None:
    known = set(session.scalars(select(Tier.code).where(Tier.deleted.is_(False))))
    for code in tiers or ():
        if code.upper() not in {k.upper() for k in known}:
            raise ValidationError(
                f"{code!r} is not a tier of this book; the tiers are: "
                f"{', '.join(sorted(known)) or 'none'}",
                field="tiers",
                code="unknown_tier",
            )


def set_festival_tiers(session: Session, *, festival_key: str, tiers: TierSet) -> PlannerSettings:
    """Say which tiers a festival applies to (None: every tier; (): not in the plan)."""
    _check_tiers(session, tiers)
    return save_settings(session, load_settings(session).with_festival_tiers(festival_key, tiers))


def add_company_festival(
    session: Session, *, spec: CompanyFestivalSpec, tiers: TierSet = None
) -> PlannerSettings:
    """Add (or replace, by slug) a company festival, applying to ``tiers`` (None: every tier).

    The new settings are checked as a whole (slug, name, date) before anything is stored.
    """
    _check_tiers(session, tiers)
    return save_settings(session, load_settings(session).with_company_festival(spec, tiers))


def remove_company_festival(session: Session, *, slug: str) -> PlannerSettings:
    return save_settings(session, load_settings(session).without_company_festival(slug))


def load_done(session: Session) -> frozenset[str]:
    """The keys of the occasions marked done."""
    data = _read(session, DONE_KEY)
    if not isinstance(data, dict):
        return frozenset()
    return frozenset(str(key) for key in data)


def add_done(session: Session, marks: Mapping[str, str], *, today: dt.date) -> None:
    """Record ``marks`` (done key → interaction id); forget marks older than KEEP_DONE_DAYS."""
    data = _read(session, DONE_KEY)
    current: dict[str, str] = (
        {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    )
    current.update(marks)
    horizon = today - dt.timedelta(days=KEEP_DONE_DAYS)
    _write(session, DONE_KEY, {k: v for k, v in current.items() if _mark_day(k) >= horizon})


def _mark_day(key: str) -> dt.date:
    # "date:<id>:<day>" or "festival:<key>:<day>:<contact id>": the day is the third part.
    parts = key.split(":")
    try:
        return dt.date.fromisoformat(parts[2])
    except (IndexError, ValueError):
        return dt.date.min


def apply_planner_settings(
    session: Session, *, settings: PlannerSettings, cadences: Mapping[str, int]
) -> PlannerSettings:
    """Save the settings panel in one transaction: the settings and each tier's cadence.

    Every tier and festival named is checked before anything is written.
    """
    from crmdesk.db.services import tiers

    for tiers_of in settings.festival_tiers.values():
        _check_tiers(session, tiers_of)
    current = {t.code: t.cadence_days for t in tiers.list_tiers(session)}
    for code in cadences:
        if code not in current:
            raise ValidationError(f"there is no tier {code!r}", field="tier", code="unknown_tier")
    for code, days in cadences.items():
        if current[code] != days:
            tiers.edit_tier(session, code=code, cadence_days=days)
    return save_settings(session, settings)
