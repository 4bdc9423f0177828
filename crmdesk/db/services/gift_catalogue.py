"""The editable gift catalogue: what a rep can buy for a campaign, at what price.

Rows live in the book (``gift_catalogue``, a synced record). Each device of a book is seeded with
the built-in items (migration 0010), so after a sync two rows may carry one key: the item is the
most recently updated of them (ties by id, so every device picks the same row), and an edit goes
to that row. On a manager's device the team's books sit beside the manager's own; their
catalogues are theirs, so only rows of this device's own book (or never synced) are read.

A name is required, a price is an amount above zero, tags are the taboo rules' words
(:class:`crmdesk.core.gift_suggestions.Tag`), occasions are festival keys. An item that a
campaign item names can be made inactive (no longer suggested) but not removed: the campaign
still says what was bought.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.core.festivals import festival_by_key
from crmdesk.core.gift_suggestions import CatalogueItem, Tag, custom_taboo
from crmdesk.core.money import Money, parse_money
from crmdesk.db.models import CampaignItem, GiftCatalogueItem, new_id
from crmdesk.db.owners import shadow_join
from crmdesk.db.services._common import UNSET, Unset, limit_of
from crmdesk.db.sync_state import SyncMeta, SyncShadow

TAGS = tuple(t.value for t in Tag)


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    id: str
    key: str
    name_zh: str
    name_en: str
    price: Money
    tags: tuple[str, ...]
    occasions: tuple[str, ...]
    active: bool
    used: int  # live campaign items that name it

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "key": self.key,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "price": self.price.to_json(),
            "tags": list(self.tags),
            "occasions": list(self.occasions),
            "active": self.active,
            "used": self.used,
        }

    def as_item(self) -> CatalogueItem:
        return CatalogueItem(
            self.key,
            self.name_zh,
            self.name_en or self.name_zh,
            self.price.minor,
            frozenset(Tag(t) for t in self.tags),
            frozenset(self.occasions),
            self.price.currency,
        )


def _own_rows(session: Session) -> list[GiftCatalogueItem]:
    """Every live row of this device's own book (a manager's team books left out)."""
    own = session.scalar(select(SyncMeta.value).where(SyncMeta.key == "book_id"))
    query = (
        select(GiftCatalogueItem)
        .outerjoin(SyncShadow, shadow_join("gift_catalogue", GiftCatalogueItem.id))
        .where(GiftCatalogueItem.deleted.is_(False))
    )
    if own:
        query = query.where(or_(SyncShadow.book_id.is_(None), SyncShadow.book_id == own))
    return list(session.scalars(query))


def _rows(session: Session) -> list[GiftCatalogueItem]:
    """The catalogue's rows, one per key (the most recently updated)."""
    best: dict[str, GiftCatalogueItem] = {}
    for row in _own_rows(session):
        held = best.get(row.key)
        if held is None or (row.updated_at, row.id) > (held.updated_at, held.id):
            best[row.key] = row
    return sorted(best.values(), key=lambda r: (not r.active, r.price_minor, r.name_zh))


def _usage(session: Session, keys: Sequence[str]) -> dict[str, int]:
    rows = session.execute(
        select(CampaignItem.catalogue_key, func.count())
        .where(CampaignItem.catalogue_key.in_(keys), CampaignItem.deleted.is_(False))
        .group_by(CampaignItem.catalogue_key)
    )
    return {key: count for key, count in rows if key is not None}


def _entry(row: GiftCatalogueItem, used: int) -> CatalogueEntry:
    return CatalogueEntry(
        row.id,
        row.key,
        row.name_zh,
        row.name_en,
        Money(row.price_minor, row.currency),
        tuple(row.tags or ()),
        tuple(row.occasions or ()),
        row.active,
        used,
    )


def list_catalogue(session: Session, *, active_only: bool = False) -> list[CatalogueEntry]:
    """The catalogue, active items first, cheapest first."""
    rows = [r for r in _rows(session) if r.active or not active_only]
    used = _usage(session, [r.key for r in rows])
    return [_entry(r, used.get(r.key, 0)) for r in rows]


def suggestion_catalogue(session: Session) -> tuple[CatalogueItem, ...]:
    """The active items, as the gift suggestions take them."""
    return tuple(e.as_item() for e in list_catalogue(session, active_only=True))


def find_item(session: Session, ref: str) -> GiftCatalogueItem:
    """An item by its key, or the first characters of its key (as ``gift list`` shows them)."""
    ref = ref.strip()
    rows = _rows(session)
    exact = [r for r in rows if r.key == ref]
    found = exact or [r for r in rows if ref and r.key.startswith(ref)]
    if len(found) != 1:
        raise NotFoundError(
            f"{ref!r} names {'no' if not found else 'more than one'} gift of the catalogue",
            field="gift",
        )
    return found[0]


def _name(value: str, field: str, *, required: bool) -> str:
    clean = " ".join(value.split())
    if required and not clean:
        raise ValidationError("a gift needs a name", field=field, code="required")
    limit = limit_of(getattr(GiftCatalogueItem, field))
    if len(clean) > limit:
        raise ValidationError(
            f"the name is longer than {limit} characters", field=field, code="too_long"
        )
    return clean


def _price(value: str | Money) -> Money:
    money = value if isinstance(value, Money) else parse_money(value, field="price")
    if money.minor <= 0:
        raise ValidationError(
            f"{money.amount}: a gift's price must be more than zero", field="price", code="zero"
        )
    return money


def _tags(values: Sequence[str]) -> list[str]:
    clean = sorted({v.strip().casefold() for v in values if v.strip()})
    unknown = [v for v in clean if v not in TAGS]
    if unknown:
        raise ValidationError(
            f"unknown tag {', '.join(unknown)}; known: {', '.join(TAGS)}",
            field="tags",
            code="unknown_tag",
        )
    return clean


def _occasions(values: Sequence[str]) -> list[str]:
    clean = sorted({v.strip() for v in values if v.strip()})
    for key in clean:
        try:
            festival_by_key(key)
        except ValidationError as exc:
            raise ValidationError(
                f"{key!r} is not a festival crmdesk knows (e.g. cn.mid_autumn)",
                field="occasions",
                code="unknown_occasion",
            ) from exc
    return clean


def _refuse_custom_taboo(name_zh: str, name_en: str, key: str) -> None:
    why = custom_taboo(CatalogueItem(key, name_zh, name_en, 1, frozenset()))
    if why is not None:
        raise ValidationError(
            f"{name_zh or name_en} is never given as a gift: {why}",
            field="name_zh",
            code="custom_taboo",
        )


def add_item(
    session: Session,
    *,
    name_zh: str,
    price: str | Money,
    name_en: str = "",
    tags: Sequence[str] = (),
    occasions: Sequence[str] = (),
    active: bool = True,
) -> CatalogueEntry:
    """Add a gift to the catalogue; its key is its own id."""
    zh = _name(name_zh, "name_zh", required=True)
    en = _name(name_en, "name_en", required=False)
    money = _price(price)
    clean_tags, clean_occasions = _tags(tags), _occasions(occasions)
    row = GiftCatalogueItem(
        name_zh=zh,
        name_en=en,
        price_minor=money.minor,
        currency=money.currency,
        tags=clean_tags,
        occasions=clean_occasions,
        active=active,
    )
    row.id = row.key = new_id()
    _refuse_custom_taboo(zh, en, row.key)
    session.add(row)
    session.flush()
    return _entry(row, 0)


def edit_item(
    session: Session,
    ref: str,
    *,
    name_zh: str | Unset = UNSET,
    name_en: str | Unset = UNSET,
    price: str | Money | Unset = UNSET,
    tags: Sequence[str] | Unset = UNSET,
    occasions: Sequence[str] | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> CatalogueEntry:
    """Change an item; everything is checked before anything is written."""
    row = find_item(session, ref)
    zh = row.name_zh if name_zh is UNSET else _name(name_zh, "name_zh", required=True)
    en = row.name_en if name_en is UNSET else _name(name_en, "name_en", required=False)
    money = None if price is UNSET else _price(price)
    clean_tags = None if tags is UNSET else _tags(tags)
    clean_occasions = None if occasions is UNSET else _occasions(occasions)
    if zh != row.name_zh or en != row.name_en:
        _refuse_custom_taboo(zh, en, row.key)
    row.name_zh, row.name_en = zh, en
    if money is not None:
        row.price_minor, row.currency = money.minor, money.currency
    if clean_tags is not None:
        row.tags = clean_tags
    if clean_occasions is not None:
        row.occasions = clean_occasions
    if active is not UNSET:
        row.active = active
    row.updated_at = dt.datetime.now(dt.UTC)  # outranks the other devices' seed of the key
    session.flush()
    return _entry(row, _usage(session, [row.key]).get(row.key, 0))


def remove_item(session: Session, ref: str) -> CatalogueEntry:
    """Remove an item no campaign names (every row of its key); one in use is refused."""
    row = find_item(session, ref)
    used = _usage(session, [row.key]).get(row.key, 0)
    if used:
        raise ValidationError(
            f"{row.name_zh} is the gift of {used} campaign item(s); make it inactive instead "
            "(it is then no longer suggested)",
            field="gift",
            code="gift_in_use",
        )
    for same in _own_rows(session):
        if same.key == row.key:
            same.deleted = True
    session.flush()
    return _entry(row, 0)
