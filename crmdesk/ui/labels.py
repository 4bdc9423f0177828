"""Translated labels of the vocabularies in ``crmdesk.core.vocab`` (context ``Vocab``).

``crmdesk.core.vocab`` keeps English and Chinese labels as data; the GUI shows every label through
Qt's translator, so lupdate must see each English label once as a literal: they are listed here.
A term added to the core later shows in English until it is added here and translated.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication

from crmdesk.core.vocab import INTERACTION_KINDS, Vocabulary
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP

_LABELS = (
    QT_TRANSLATE_NOOP("Vocab", "Existing"),
    QT_TRANSLATE_NOOP("Vocab", "Target"),
    QT_TRANSLATE_NOOP("Vocab", "Potential"),
    QT_TRANSLATE_NOOP("Vocab", "Dormant"),
    QT_TRANSLATE_NOOP("Vocab", "Open"),
    QT_TRANSLATE_NOOP("Vocab", "In progress"),
    QT_TRANSLATE_NOOP("Vocab", "Resolved"),
    QT_TRANSLATE_NOOP("Vocab", "Closed"),
    QT_TRANSLATE_NOOP("Vocab", "Meal"),
    QT_TRANSLATE_NOOP("Vocab", "Gift"),
    QT_TRANSLATE_NOOP("Vocab", "Travel"),
    QT_TRANSLATE_NOOP("Vocab", "Entertainment"),
    QT_TRANSLATE_NOOP("Vocab", "Event"),
    QT_TRANSLATE_NOOP("Vocab", "Other"),
    QT_TRANSLATE_NOOP("Vocab", "Government"),
    QT_TRANSLATE_NOOP("Vocab", "State-owned enterprise"),
    QT_TRANSLATE_NOOP("Vocab", "Large contractor"),
    QT_TRANSLATE_NOOP("Vocab", "Private end user"),
    QT_TRANSLATE_NOOP("Vocab", "Birthday"),
    QT_TRANSLATE_NOOP("Vocab", "Anniversary"),
    QT_TRANSLATE_NOOP("Vocab", "Decision maker"),
    QT_TRANSLATE_NOOP("Vocab", "Influencer"),
    QT_TRANSLATE_NOOP("Vocab", "User"),
    QT_TRANSLATE_NOOP("Vocab", "Technical evaluator"),
    QT_TRANSLATE_NOOP("Vocab", "Coach (inside supporter)"),
    QT_TRANSLATE_NOOP("Vocab", "Gatekeeper"),
    QT_TRANSLATE_NOOP("Vocab", "Spouse"),
    QT_TRANSLATE_NOOP("Vocab", "Father"),
    QT_TRANSLATE_NOOP("Vocab", "Mother"),
    QT_TRANSLATE_NOOP("Vocab", "Father-in-law"),
    QT_TRANSLATE_NOOP("Vocab", "Mother-in-law"),
    QT_TRANSLATE_NOOP("Vocab", "Son"),
    QT_TRANSLATE_NOOP("Vocab", "Daughter"),
    QT_TRANSLATE_NOOP("Vocab", "Sibling"),
    QT_TRANSLATE_NOOP("Vocab", "Grandparent"),
    QT_TRANSLATE_NOOP("Vocab", "Female"),
    QT_TRANSLATE_NOOP("Vocab", "Male"),
    QT_TRANSLATE_NOOP("Vocab", "Visit"),
    QT_TRANSLATE_NOOP("Vocab", "Call"),
    QT_TRANSLATE_NOOP("Vocab", "WeChat"),
    QT_TRANSLATE_NOOP("Vocab", "Greeting"),
    QT_TRANSLATE_NOOP("Vocab", "Site tour"),
    QT_TRANSLATE_NOOP("Vocab", "Reception"),
    QT_TRANSLATE_NOOP("Vocab", "E-mail"),
    QT_TRANSLATE_NOOP("Vocab", "Won"),
    QT_TRANSLATE_NOOP("Vocab", "Lost"),
    QT_TRANSLATE_NOOP("Vocab", "Identify"),
    QT_TRANSLATE_NOOP("Vocab", "Qualify"),
    QT_TRANSLATE_NOOP("Vocab", "Develop"),
    QT_TRANSLATE_NOOP("Vocab", "Propose"),
    QT_TRANSLATE_NOOP("Vocab", "Result"),
    QT_TRANSLATE_NOOP("Vocab", "Food"),
    QT_TRANSLATE_NOOP("Vocab", "Drink"),
    QT_TRANSLATE_NOOP("Vocab", "Tea"),
    QT_TRANSLATE_NOOP("Vocab", "Tobacco"),
    QT_TRANSLATE_NOOP("Vocab", "Hobby"),
    QT_TRANSLATE_NOOP("Vocab", "Sport"),
    QT_TRANSLATE_NOOP("Vocab", "Clothing"),
    QT_TRANSLATE_NOOP("Vocab", "Shoe size"),
    QT_TRANSLATE_NOOP("Vocab", "Seating"),
    QT_TRANSLATE_NOOP("Vocab", "Dietary taboo"),
    QT_TRANSLATE_NOOP("Vocab", "Religion"),
)


def label(vocabulary: Vocabulary, code: str | None) -> str:
    """The translated label of ``code`` ("" for None; an unknown code is shown as is)."""
    if not code:
        return ""
    return QCoreApplication.translate("Vocab", vocabulary.label(code))


def choices(vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """``(code, translated label)`` for every term, in the vocabulary's order."""
    return [(t.code, QCoreApplication.translate("Vocab", t.label)) for t in vocabulary]


# The description the book writes for a follow-up made from an interaction with no next step
# (crmdesk.db.services.interactions, also from the CLI): "Follow up the meal of 2026-12-02".
# It is stored in English; shown, it is rendered again in the user's language.
_GENERATED_FOLLOW_UP = re.compile(r"^Follow up the (?P<kind>.+) of (?P<day>\d{4}-\d{2}-\d{2})$")


def follow_up_text(description: str) -> str:
    """A follow-up's description as shown: a generated one in the user's language."""
    found = _GENERATED_FOLLOW_UP.match(description)
    if found is None:
        return description
    kind = found["kind"]
    code = next(
        (t.code for t in INTERACTION_KINDS if t.label.lower() == kind or t.code == kind), None
    )
    if code is None:
        return description
    try:
        day = dt.date.fromisoformat(found["day"])
    except ValueError:
        return description
    from crmdesk.ui.formats import date_text

    shown_day = date_text(day)
    return (
        QCoreApplication.translate("Labels", "Follow up the %1 of %2")
        .replace("%1", label(INTERACTION_KINDS, code))
        .replace("%2", shown_day)
    )


# The default tier scheme's names (Huawei's S/A/B/C), stored in English when a book is made; a
# renamed tier is the rep's own text and shows as written.
_DEFAULT_TIER_NAMES = (
    QT_TRANSLATE_NOOP("Tiers", "Strategic"),
    QT_TRANSLATE_NOOP("Tiers", "Partner"),
    QT_TRANSLATE_NOOP("Tiers", "Key"),
    QT_TRANSLATE_NOOP("Tiers", "General"),
)


def tier_name(name: str) -> str:
    """A tier's name as shown: the default scheme's names in the user's language."""
    return QCoreApplication.translate("Tiers", name) if name in _DEFAULT_TIER_NAMES else name


def tier_choice(label: str) -> str:
    """A "CODE · Name" tier label with its name as :func:`tier_name` shows it."""
    code, sep, name = label.partition(" · ")
    return f"{code}{sep}{tier_name(name)}" if sep else tier_name(label)
