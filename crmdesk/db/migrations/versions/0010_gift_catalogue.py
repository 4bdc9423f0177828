"""The editable gift catalogue: ``gift_catalogue`` (a synced record), seeded with the built-in
items that suggestions used before (the keys stay, so earlier campaign items still name them).

Seeded rows get fresh random ids, not ids derived from the key: a manager's device holds the team's
books beside its own, and one id in two books would collide there. The seeds are dated 2000-01-01
so that any edit, on any device, outranks an untouched seed of the same key.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEEDED_AT = dt.datetime(2000, 1, 1)  # naive UTC, as the book stores datetimes

# The catalogue as crmdesk 0009 built it in (key, 中文, English, price in fen, tags, occasions);
# copied, not imported, so this revision stays what it was when the code moves on.
_BUILT_IN: tuple[tuple[str, str, str, int, list[str], list[str]], ...] = (
    ("mooncakes", "月饼礼盒", "Mooncake box", 30_000, ["sweets", "food"], ["cn.mid_autumn"]),
    ("zongzi", "粽子礼盒", "Zongzi box", 20_000, ["food", "meat", "pork"], ["cn.dragon_boat"]),
    ("tea", "茶叶礼盒", "Tea gift box", 50_000, ["tea"], []),
    ("red_wine", "红酒礼盒", "Red wine gift box", 60_000, ["alcohol"], []),
    ("baijiu", "白酒礼盒", "Baijiu gift box", 80_000, ["alcohol"], []),
    ("fruit", "水果礼篮", "Fruit basket", 25_000, ["fruit", "food"], []),
    ("nuts", "坚果礼盒", "Nut gift box", 18_000, ["food"], []),
    ("bird_nest", "燕窝礼盒", "Bird's nest gift box", 90_000, ["health", "food"], []),
    ("silk_scarf", "真丝围巾", "Silk scarf", 40_000, ["clothing"], []),
    ("pen", "钢笔", "Fountain pen", 35_000, ["stationery"], []),
    ("books", "书籍礼盒", "Book set", 15_000, ["book"], []),
)


def upgrade() -> None:
    catalogue = op.create_table(
        "gift_catalogue",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("price_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("occasions", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("gift_catalogue") as batch:
        batch.create_index("ix_gift_catalogue_key", ["key"], unique=False)
    op.bulk_insert(
        catalogue,
        [
            {
                "id": str(uuid.uuid4()),
                "created_at": SEEDED_AT,
                "updated_at": SEEDED_AT,
                "deleted": False,
                "key": key,
                "name_zh": name_zh,
                "name_en": name_en,
                "price_minor": price,
                "currency": "CNY",
                "tags": tags,
                "occasions": occasions,
                "active": True,
            }
            for key, name_zh, name_en, price, tags, occasions in _BUILT_IN
        ],
    )


def downgrade() -> None:
    op.drop_table("gift_catalogue")
