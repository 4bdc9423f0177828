"""HTML of the detail pane and of the pre-visit brief, built from plain page dataclasses.

Pure functions of their input (and the installed translation), so tests read the text directly and
the brief prints exactly what the pane shows. Every value from the book is escaped.

Lunar dates are shown as lunar — 农历八月十五 in Chinese, "lunar month 8, day 15" in English —
followed by the Gregorian day they fall on next.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QLocale

from crmdesk.core import vocab
from crmdesk.core.money import Money
from crmdesk.core.views import (
    AccountView,
    ComplaintView,
    ContactView,
    ImportantDateView,
    InteractionView,
)
from crmdesk.db.browse import AccountPage, ComingDate, ContactPage, GiftRecord, OrgNode
from crmdesk.ui import formats, labels

# Links the pane understands: crmdesk://contact/<id>, crmdesk://account/<id>.
SCHEME = "crmdesk"

_CN_MONTHS = ("", "正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_CN_DIGITS = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")

# Taboos and religion are what a host must not get wrong: the brief shows them first, marked.
CAUTION_CATEGORIES = ("dietary_taboo", "religion")


translate = QCoreApplication.translate  # lupdate reads translate("Pages", "...") calls


def _chinese() -> tuple[bool, bool]:
    """(the UI is in Chinese, in traditional characters)."""
    loc = QLocale()
    if loc.language() != QLocale.Language.Chinese:
        return False, False
    traditional = loc.script() == QLocale.Script.TraditionalHanScript or loc.territory() in (
        QLocale.Country.Taiwan,
        QLocale.Country.HongKong,
        QLocale.Country.Macao,
    )
    return True, traditional


def lunar_day_name(day: int) -> str:
    if day == 10:
        return "初十"
    if day == 20:
        return "二十"
    if day == 30:
        return "三十"
    tens, units = divmod(day, 10)
    return ("初", "十", "廿")[tens] + _CN_DIGITS[units]


def lunar_text(month: int, day: int, *, leap: bool = False, year: int | None = None) -> str:
    """A lunar date as a reader of this UI's language writes it."""
    chinese, traditional = _chinese()
    if chinese:
        name = _CN_MONTHS[month]
        if traditional and name == "腊":
            name = "臘"
        prefix = "農曆" if traditional else "农历"
        leap_mark = ("閏" if traditional else "闰") if leap else ""
        text = f"{prefix}{leap_mark}{name}月{lunar_day_name(day)}"
        return f"{text}（{year}）" if year else text
    if leap:
        text = (
            translate("Pages", "lunar leap month %1, day %2")
            .replace("%1", str(month))
            .replace("%2", str(day))
        )
    else:
        text = (
            translate("Pages", "lunar month %1, day %2")
            .replace("%1", str(month))
            .replace("%2", str(day))
        )
    return f"{text} ({year})" if year else text


def date_text(d: ImportantDateView) -> str:
    if d.calendar == "lunar":
        return lunar_text(d.month, d.day, leap=d.is_leap_month, year=d.year)
    if d.year:
        return formats.date_text(dt.date(d.year, d.month, d.day))
    # No year known: the day of a leap year stands for any year (29 February too).
    return formats.date_text(dt.date(2000, d.month, d.day), short=True)


def day(value: dt.date | None) -> str:
    return formats.date_text(value)


def when(value: dt.datetime) -> str:
    return formats.moment_text(value)


def colon() -> str:
    """The label-value separator of the language: ": " in English, "：" in Chinese."""
    return translate("Pages", ": ")


def paren(text: str) -> str:
    """``text`` in brackets as the language writes them: " (…)" in English, "（…）" in Chinese."""
    return translate("Pages", " (%1)").replace("%1", text)


def money(value: Money | None) -> str:
    return formats.money_text(value)


def _e(value: object) -> str:
    return escape(str(value)) if value not in (None, "") else ""


def _link(kind: str, record_id: str | None, text: str) -> str:
    if not record_id:
        return _e(text)
    return f'<a href="{SCHEME}://{kind}/{escape(record_id)}">{_e(text)}</a>'


def _section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}" if body else ""


def _editable_section(title: str, body: str, action: str) -> str:
    """A section of the card with an "Add…" link (shown even while empty)."""
    add = translate("Pages", "Add…")
    link = f'<a href="{SCHEME}://add/{action}">{escape(add)}</a>'
    return f"<h3>{escape(title)} <small>{link}</small></h3>{body}"


def _facts(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(f'<tr><td class="k">{escape(k)}</td><td>{v}</td></tr>' for k, v in rows if v)
    return f'<table class="facts">{cells}</table>' if cells else ""


def _list(items: Iterable[str]) -> str:
    body = "".join(f"<li>{i}</li>" for i in items)
    return f"<ul>{body}</ul>" if body else ""


STYLE = """
<style>
h2 { margin-bottom: 2px; }
h3 { margin-top: 14px; margin-bottom: 4px; }
td.k { color: #6b7280; padding-right: 14px; white-space: nowrap; }
td { padding: 1px 4px 1px 0; vertical-align: top; }
.muted { color: #6b7280; }
.caution { color: #b42318; font-weight: 600; }
.overdue { color: #b42318; }
</style>
"""


def _contact_facts(c: ContactView, *, brief: bool = False) -> str:
    rows = [
        (translate("Pages", "Account"), _link("account", c.account_id, c.account_name or "")),
        (translate("Pages", "Title"), _e(c.title)),
        (translate("Pages", "Department"), _e(c.department)),
        (
            translate("Pages", "Decision role"),
            _e(labels.label(vocab.DECISION_ROLES, c.decision_role)),
        ),
        (
            translate("Pages", "Reports to"),
            _link("contact", c.reports_to_id, c.reports_to_name or ""),
        ),
        (translate("Pages", "Hometown"), _e(c.hometown)),
        (translate("Pages", "School"), _e(c.school)),
        (translate("Pages", "Phone"), _e(formats.list_text(c.phones))),
        (translate("Pages", "E-mail"), _e(formats.list_text(c.emails))),
        (translate("Pages", "WeChat"), _e(c.wechat)),
        (translate("Pages", "Tier"), _e(c.effective_tier)),
        (translate("Pages", "Owner"), _e(c.owner)),
        (translate("Pages", "Gender"), _e(labels.label(vocab.GENDERS, c.gender))),
        (translate("Pages", "Tags"), _e(formats.list_text(c.tags))),
        (
            translate("Pages", "Pinyin"),
            "" if brief else _e(c.name_pinyin.split(" ")[0] if c.name_pinyin else ""),
        ),
    ]
    return _facts(rows)


def _coming_items(coming: Sequence[ComingDate], *, with_contact: bool = False) -> list[str]:
    items = []
    for c in coming:
        d = c.date
        who = d.family_member_name or ""
        if with_contact and c.contact_name:
            who = f"{c.contact_name} · {who}" if who else c.contact_name
        kind = labels.label(vocab.DATE_KINDS, d.kind)
        label = " · ".join(p for p in (kind, d.label) if p)
        head = f"<b>{_e(who)}</b> " if who else ""
        next_on = ""
        if c.next_on is not None:
            next_on = translate("Pages", "next: %1").replace("%1", day(c.next_on))
            if c.years is not None and d.kind == "birthday":
                next_on += " · " + translate("Pages", "turns %1").replace("%1", str(c.years))
            elif c.years is not None:
                next_on += " · " + translate("Pages", "%1 years").replace("%1", str(c.years))
        items.append(
            f"{head}{_e(label)}{colon()}{_e(date_text(d))}"
            f"<span class='muted'>{_e(paren(next_on))}</span>"
        )
    return items


def _interaction_item(i: InteractionView) -> str:
    head = f"<b>{_e(when(i.occurred_at))}</b> · {_e(labels.label(vocab.INTERACTION_KINDS, i.kind))}"
    if i.place:
        head += f" · {_e(i.place)}"
    who = formats.list_text(_link("contact", a.contact_id, a.name) for a in i.attendees)
    parts = [head]
    if who:
        parts.append(who)
    if i.summary:
        parts.append(_e(i.summary))
    extra = []
    if i.outcome:
        extra.append(translate("Pages", "Outcome: %1").replace("%1", _e(i.outcome)))
    if i.next_step:
        extra.append(translate("Pages", "Next step: %1").replace("%1", _e(i.next_step)))
    if i.cost is not None:
        extra.append(translate("Pages", "Cost: %1").replace("%1", _e(money(i.cost))))
    for g in i.gifts:
        gift = _e(g.description)
        if g.value is not None:
            gift += _e(paren(money(g.value)))
        if g.recipient_name:
            gift += f" → {_e(g.recipient_name)}"
        extra.append(translate("Pages", "Gift: %1").replace("%1", gift))
    if extra:
        parts.append("<span class='muted'>" + " · ".join(extra) + "</span>")
    return "<br>".join(parts)


def _gift_items(gifts: Sequence[GiftRecord], *, with_recipient: bool = False) -> list[str]:
    out = []
    for g in gifts:
        text = f"{_e(day(g.given_on))} · <b>{_e(g.description)}</b>"
        if g.value is not None:
            text += _e(paren(money(g.value)))
        if with_recipient and g.recipient_name:
            text += f" → {_e(g.recipient_name)}"
        out.append(text)
    return out


def _follow_up_items(page_follow_ups: Iterable[object], *, actions: bool = False) -> list[str]:
    out = []
    done = translate("Pages", "Done")
    for f in page_follow_ups:
        due = getattr(f, "due_on", None)
        css = "overdue" if getattr(f, "overdue", False) else ""
        who = getattr(f, "contact_name", None)
        what = labels.follow_up_text(getattr(f, "description", ""))
        text = f"<span class='{css}'>{_e(day(due))}</span> · {_e(what)}"
        if who:
            text += f"<span class='muted'>{_e(paren(who))}</span>"
        if actions:
            fid = escape(str(getattr(f, "id", "")))
            text += f' · <a href="{SCHEME}://done/{fid}">✓ {escape(done)}</a>'
        out.append(text)
    return out


def _preference_items(page: ContactPage, *, cautions_first: bool) -> list[str]:
    prefs = list(page.detail.preferences)
    if cautions_first:
        prefs.sort(key=lambda p: p.category not in CAUTION_CATEGORIES)
    out = []
    for p in prefs:
        label = _e(labels.label(vocab.PREFERENCE_CATEGORIES, p.category))
        css = " class='caution'" if p.category in CAUTION_CATEGORIES else ""
        text = f"<span{css}>{label}{colon()}{_e(p.value)}</span>"
        if p.note:
            text += f" <span class='muted'>— {_e(p.note)}</span>"
        out.append(text)
    return out


def contact_html(page: ContactPage) -> str:
    """The detail pane for a contact: every field and the history."""
    c = page.detail.contact
    parts = [STYLE, f"<h2>{_e(c.name)}</h2>"]
    subtitle = " · ".join(p for p in (c.title or "", c.account_name or "") if p)
    if subtitle:
        parts.append(f"<div class='muted'>{_e(subtitle)}</div>")
    parts.append(_contact_facts(c))
    preferences = _list(_preference_items(page, cautions_first=False))
    parts.append(_editable_section(translate("Pages", "Preferences"), preferences, "preference"))
    dates = _list(_coming_items(page.coming))
    parts.append(_editable_section(translate("Pages", "Important dates"), dates, "date"))
    family = [
        f"<b>{_e(m.name)}</b> · {_e(labels.label(vocab.FAMILY_RELATIONS, m.relation))}"
        + (f" <span class='muted'>— {_e(m.notes)}</span>" if m.notes else "")
        for m in page.detail.family
    ]
    parts.append(_editable_section(translate("Pages", "Family"), _list(family), "family"))
    parts.append(
        _editable_section(
            translate("Pages", "Open follow-ups"),
            _list(_follow_up_items(page.detail.open_follow_ups, actions=True)),
            "followup",
        )
    )
    parts.append(
        _section(
            translate("Pages", "Interactions"),
            _list(_interaction_item(i) for i in page.detail.recent_interactions),
        )
    )
    parts.append(_section(translate("Pages", "Gifts given"), _list(_gift_items(page.gifts))))
    if c.notes:
        parts.append(_section(translate("Pages", "Notes"), f"<p>{_e(c.notes)}</p>"))
    return "".join(parts)


def _org_items(nodes: Sequence[OrgNode], page: AccountPage | None = None) -> str:
    if not nodes:
        return ""
    items = []
    for n in nodes:
        c = n.contact
        role = labels.label(vocab.DECISION_ROLES, c.decision_role)
        line = _link("contact", c.id, c.name)
        detail = " · ".join(p for p in (c.title or "", role) if p)
        if detail:
            line += f" <span class='muted'>{_e(detail)}</span>"
        if page is not None:
            line += _touch_mark(page, c.id)
        items.append(f"<li>{line}{_org_items(n.reports, page)}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _touch_mark(page: AccountPage, contact_id: str) -> str:
    """Who has not been touched for how long: red past the tier's cadence (or never touched)."""
    if contact_id not in page.last_touch:
        return ""
    last = page.last_touch[contact_id]
    if last is None:
        never = escape(translate("Pages", "never touched"))  # not inside the f-string: lupdate
        return f" <span class='caution'>{never}</span>"
    days = (dt.date.today() - last).days
    text = escape(translate("Pages", "untouched %n day(s)", "", days))
    late = page.cadence_days is not None and days > page.cadence_days
    return f" <span class='{'caution' if late else 'muted'}'>{text}</span>"


def _complaints_first(complaints: Sequence[ComplaintView]) -> str:
    """Open complaints, first on the brief: raise them before anything else."""
    if not complaints:
        return ""
    items = [
        f"<li><span class='caution'>{_e(day(x.received_on))}</span> {_e(x.description)}"
        f" <span class='muted'>{_e(labels.label(vocab.COMPLAINT_STATUSES, x.status))}</span></li>"
        for x in complaints
    ]
    return _section(translate("Pages", "Open complaints: raise them first"), _list(items))


def _account_facts(a: AccountView) -> str:
    return _facts(
        [
            (translate("Pages", "Code"), _e(a.code)),
            (translate("Pages", "Tier"), _e(a.tier)),
            (translate("Pages", "Status"), _e(labels.label(vocab.ACCOUNT_STATUSES, a.status))),
            (
                translate("Pages", "Customer type"),
                _e(labels.label(vocab.CUSTOMER_TYPES, a.customer_type)),
            ),
            (translate("Pages", "Owner"), _e(a.owner)),
            (translate("Pages", "Industry"), _e(a.industry)),
            (translate("Pages", "Application"), _e(a.application)),
            (translate("Pages", "Address"), _e(a.address)),
            (translate("Pages", "Postcode"), _e(a.postcode)),
            (translate("Pages", "Phone"), _e(formats.list_text(a.phones))),
            (translate("Pages", "Website"), _e(a.website)),
            (translate("Pages", "Bank account"), _e(a.bank_account)),
            (translate("Pages", "Currency"), _e(a.currency)),
            (translate("Pages", "Discount"), _e(a.discount)),
            (translate("Pages", "Payment terms"), _e(a.payment_terms)),
            (translate("Pages", "Tax rule"), _e(a.tax_rule)),
            (translate("Pages", "Credit record"), _e(a.credit_record)),
            (translate("Pages", "Sales limit"), _e(money(a.sales_limit))),
            (translate("Pages", "Delivery address"), _e(a.delivery_address)),
            (translate("Pages", "Invoice address"), _e(a.invoice_address)),
            (translate("Pages", "Commission code"), _e(a.commission_code)),
            (translate("Pages", "Tags"), _e(formats.list_text(a.tags))),
        ]
    )


def _opportunity_items(page: AccountPage) -> list[str]:
    out = []
    for o in page.opportunities:
        stage = labels.label(vocab.OPPORTUNITY_STAGES, o.stage)
        if o.result:
            stage += " · " + labels.label(vocab.OPPORTUNITY_RESULTS, o.result)
        text = f"<b>{_e(o.name)}</b> · {_e(stage)}"
        if o.amount is not None:
            text += f" · {_e(money(o.amount))}"
        if o.expected_on:
            text += f" · {_e(day(o.expected_on))}"
        out.append(text)
    return out


def _spend_table(page: AccountPage) -> str:
    if not page.spend:
        return ""
    head = "".join(
        f"<th align='left'>{escape(t)}</th>"
        for t in (
            translate("Pages", "Year"),
            translate("Pages", "Interactions"),
            translate("Pages", "Costs"),
            translate("Pages", "Gifts"),
            translate("Pages", "Total"),
        )
    )
    rows = []
    for s in page.spend:
        cost, gifts = Money(s.cost_minor, s.currency), Money(s.gifts_minor, s.currency)
        total = Money(s.cost_minor + s.gifts_minor, s.currency)
        rows.append(
            f"<tr><td>{s.year}</td><td>{s.interactions}</td><td>{_e(money(cost))}</td>"
            f"<td>{_e(money(gifts))}</td><td><b>{_e(money(total))}</b></td></tr>"
        )
    return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{''.join(rows)}</table>"


def account_html(page: AccountPage) -> str:
    """The detail pane for an account: master file, contacts, org chart, history, spend."""
    a = page.account
    parts = [STYLE, f"<h2>{_e(a.name)}</h2>"]
    parts.append(_section(translate("Pages", "Master file"), _account_facts(a)))
    if a.insight:
        parts.append(_section(translate("Pages", "Insight"), f"<p>{_e(a.insight)}</p>"))
    parts.append(_section(translate("Pages", "Org chart"), _org_items(page.org, page)))
    opportunities = _list(_opportunity_items(page))
    parts.append(
        _editable_section(translate("Pages", "Opportunities"), opportunities, "opportunity")
    )
    parts.append(
        _section(
            translate("Pages", "Open follow-ups"),
            _list(_follow_up_items(page.follow_ups, actions=True)),
        )
    )
    parts.append(
        _section(
            translate("Pages", "Interactions"),
            _list(_interaction_item(i) for i in page.interactions),
        )
    )
    parts.append(_section(translate("Pages", "Spend"), _spend_table(page)))
    complaints = [f"{_e(day(c.received_on))} · {_e(c.description)}" for c in page.complaints]
    parts.append(_section(translate("Pages", "Open complaints"), _list(complaints)))
    if a.notes:
        parts.append(_section(translate("Pages", "Notes"), f"<p>{_e(a.notes)}</p>"))
    return "".join(parts)


# -- briefs -----------------------------------------------------------------------------------


def _brief_header(title: str, subtitle: str) -> str:
    stamp = translate("Pages", "Brief of %1").replace("%1", day(dt.date.today()))
    return (
        f"{STYLE}<h1>{_e(title)}</h1><div class='muted'>{_e(subtitle)}</div>"
        f"<div class='muted'>{escape(stamp)}</div>"
    )


def _coming_body(coming: Sequence[ComingDate], days: int, with_contact: bool = False) -> str:
    """The dates in the next ``days`` days; if none, a line saying so and the next one."""
    horizon = dt.date.today() + dt.timedelta(days=days)
    known = [x for x in coming if x.next_on is not None]
    soon = [x for x in known if x.next_on is not None and x.next_on <= horizon]
    if soon:
        return _list(_coming_items(soon, with_contact=with_contact))
    if not known:
        return ""
    note = translate("Pages", "Nothing in the next %n day(s); the next one:", "", days)
    return f"<p class='muted'>{escape(note)}</p>" + _list(
        _coming_items(known[:1], with_contact=with_contact)
    )


def contact_brief_html(page: ContactPage, *, interactions: int = 5, days: int = 60) -> str:
    """One page to read in the car before meeting this person."""
    c = page.detail.contact
    role = labels.label(vocab.DECISION_ROLES, c.decision_role)
    subtitle = " · ".join(p for p in (c.title or "", c.account_name or "", role) if p)
    parts = [_brief_header(c.name, subtitle), _complaints_first(page.open_complaints)]
    who = _facts(
        [
            (translate("Pages", "Decision role"), _e(role)),
            (translate("Pages", "Reports to"), _e(c.reports_to_name)),
            (translate("Pages", "Hometown"), _e(c.hometown)),
            (translate("Pages", "School"), _e(c.school)),
            (translate("Pages", "Phone"), _e(formats.list_text(c.phones))),
            (translate("Pages", "Family"), _e(formats.list_text(
                m.name + paren(labels.label(vocab.FAMILY_RELATIONS, m.relation))
                for m in page.detail.family
            ))),
        ]
    )  # fmt: skip
    parts.append(_section(translate("Pages", "Who they are"), who))
    parts.append(
        _section(
            translate("Pages", "Preferences and taboos"),
            _list(_preference_items(page, cautions_first=True)),
        )
    )
    parts.append(_section(translate("Pages", "Coming dates"), _coming_body(page.coming, days)))
    parts.append(
        _section(
            translate("Pages", "Open follow-ups"),
            _list(_follow_up_items(page.detail.open_follow_ups)),
        )
    )
    recent = page.detail.recent_interactions[:interactions]
    parts.append(
        _section(
            translate("Pages", "Recent interactions"), _list(_interaction_item(i) for i in recent)
        )
    )
    gifts = _gift_items(page.gifts)
    if gifts:
        never = translate("Pages", "Never give the same gift twice.")  # outside f-strings:
        gifts_body = f"<p class='muted'>{escape(never)}</p>" + _list(gifts)  # lupdate reads it
    else:
        none_yet = translate("Pages", "No gift given yet.")
        gifts_body = f"<p class='muted'>{escape(none_yet)}</p>"
    parts.append(_section(translate("Pages", "Gifts already given"), gifts_body))
    if c.notes:
        parts.append(_section(translate("Pages", "Notes"), f"<p>{_e(c.notes)}</p>"))
    return "".join(parts)


def account_brief_html(page: AccountPage, *, interactions: int = 5, days: int = 60) -> str:
    """One page on an account: its people and their roles, history, gifts, what is open."""
    a = page.account
    subtitle = " · ".join(
        p
        for p in (
            a.industry or "",
            (a.tier and translate("Pages", "Tier %1").replace("%1", a.tier)) or "",
        )
        if p
    )
    parts = [_brief_header(a.name, subtitle), _complaints_first(page.complaints)]
    if a.insight:
        parts.append(_section(translate("Pages", "Insight"), f"<p>{_e(a.insight)}</p>"))
    parts.append(_section(translate("Pages", "Who is who"), _org_items(page.org)))
    parts.append(_section(translate("Pages", "Opportunities"), _list(_opportunity_items(page))))
    parts.append(
        _section(translate("Pages", "Open follow-ups"), _list(_follow_up_items(page.follow_ups)))
    )
    parts.append(
        _section(translate("Pages", "Coming dates"), _coming_body(page.coming, days, True))
    )
    recent = page.interactions[:interactions]
    parts.append(
        _section(
            translate("Pages", "Recent interactions"), _list(_interaction_item(i) for i in recent)
        )
    )
    gifts = _gift_items(page.gifts, with_recipient=True)
    if gifts:
        never = translate("Pages", "Never give the same gift twice.")
        body = f"<p class='muted'>{escape(never)}</p>" + _list(gifts)
        parts.append(_section(translate("Pages", "Gifts already given"), body))
    return "".join(parts)
