"""A campaign written to files for people: the shopping list, the items and the greetings to
Excel (for whoever buys the gifts), or the greetings alone to CSV (for sending by hand).

Written to a ``.part`` file and renamed, so a failure never leaves a half-written file under the
name the user chose.
"""

from __future__ import annotations

import csv
from pathlib import Path

from crmdesk.db.services.campaigns import CampaignView, shopping_list


def write_xlsx(view: CampaignView, path: Path) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    tmp = path.with_name(path.name + ".part")
    book = Workbook(write_only=True)
    shopping = book.create_sheet("Shopping list")
    shopping.append(["Gift", "Quantity", "Each", "Total", "Currency", "Buy by"])
    for line in shopping_list(view):
        shopping.append([
            line.gift, line.quantity,
            float(line.unit.amount) if line.unit else None,
            float(line.total.amount) if line.total else None,
            line.unit.currency if line.unit else None, view.buy_by,
        ])  # fmt: skip
    items = book.create_sheet("Items")
    items.append(["Contact", "Account", "Tier", "Owner", "Gift", "Value", "Status", "Why"])
    for i in view.items:
        items.append([i.contact, i.account, i.tier, i.owner, i.gift,
                      float(i.value.amount) if i.value else None, i.status, i.reason])  # fmt: skip
    greetings = book.create_sheet("Greetings")
    greetings.append(["Contact", "Greeting"])
    for i in view.items:
        greetings.append([i.contact, i.greeting])
    book.save(tmp)
    tmp.replace(path)


def write_greetings_csv(view: CampaignView, path: Path) -> None:
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as out:  # BOM: Excel reads it as UTF-8
        writer = csv.writer(out)
        writer.writerow(["contact", "account", "gift", "greeting"])
        for i in view.items:
            writer.writerow([i.contact, i.account or "", i.gift, i.greeting])
    tmp.replace(path)
