"""A campaign written to files for people: the shopping list, the items and the greetings to
Excel (for whoever buys the gifts), or the greetings alone to CSV (for sending by hand).

Written to a ``.part`` file and renamed, so a failure never leaves a half-written file under the
name the user chose.
"""

from __future__ import annotations

import csv
from pathlib import Path

from crmdesk.core import spend_export
from crmdesk.core.spend_export import Amount, Table, Text
from crmdesk.db.services.campaigns import CampaignView, shopping_list

# A status as people read it (the app hands these to its translations).
STATUS_WORDS = {"to_buy": "to buy", "bought": "bought", "sent": "sent", "thanked": "thanked"}


def _plain(value: str) -> str:
    return value


def campaign_tables(view: CampaignView, *, text: Text = _plain) -> tuple[Table, ...]:
    """The shopping list, the items and the greetings as tables for people: headers, sheet
    titles and statuses through ``text`` (the app's translations; English for the CLI), money as
    amounts in their currency, the buy-by day as a date."""
    shopping = tuple(
        (line.gift, line.quantity, Amount.money(line.unit), Amount.money(line.total), view.buy_by)
        for line in shopping_list(view)
    )
    items = tuple(
        (i.contact, i.account or "", i.tier or "", i.owner or "", i.gift or text("(choose one)"),
         Amount.money(i.value), text(STATUS_WORDS.get(i.status, i.status)), i.reason)
        for i in view.items
    )  # fmt: skip
    greetings = tuple((i.contact, i.greeting) for i in view.items)
    return (
        Table("shopping", text("Shopping list"),
              tuple(map(text, ("Gift", "Quantity", "Each", "Total", "Buy by"))), shopping),
        Table("items", text("Items"),
              tuple(map(text, ("Contact", "Account", "Tier", "Owner", "Gift", "Value", "Status",
                               "Why"))), items),
        Table("greetings", text("Greetings"), tuple(map(text, ("Contact", "Greeting"))),
              greetings),
    )  # fmt: skip


def write_xlsx(
    view: CampaignView, path: Path, *, text: Text = _plain, day_format: str = "yyyy-mm-dd"
) -> Path:
    """The workbook for whoever buys the gifts (the spend export's writer: bold frozen headers,
    amounts with their sign and separators, columns as wide as what they show)."""
    return spend_export.write_xlsx(path, campaign_tables(view, text=text), day_format=day_format)


def write_greetings_csv(view: CampaignView, path: Path) -> None:
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as out:  # BOM: Excel reads it as UTF-8
        writer = csv.writer(out)
        writer.writerow(["contact", "account", "gift", "greeting"])
        for i in view.items:
            writer.writerow([i.contact, i.account or "", i.gift, i.greeting])
    tmp.replace(path)
