"""What a search hands the GUI: plain, frozen records (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

HitKind = Literal["contact", "account"]
# Which part of the record the query was found in, best first (the order results are ranked in).
MatchedField = Literal["name", "pinyin", "company", "phone", "handle", "tag", "notes", "several"]


@dataclass(frozen=True)
class SearchHit:
    """One contact or account a query found.

    ``subtitle`` says who the record is at a glance: for a contact its account and title
    ("华为 · 采购经理"), for an account its industry.
    """

    kind: HitKind
    id: str
    name: str
    subtitle: str
    matched: MatchedField
