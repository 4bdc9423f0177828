"""The planner's commands through the real ``crmdesk`` main() on a real encrypted book.

What is tested is the real parser, error reporting and exit codes. Expected lunar days come from
``lunardate``.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import icalendar
import pytest
from lunardate import LunarDate as RefLunar

from crmdesk.cli import main
from crmdesk.core.dates import DateSpec
from crmdesk.db.book import open_book
from crmdesk.db.services import accounts, contacts, important_dates

PASS = "correct horse battery"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A book with 张伟 (tier S, lunar birthday 腊月初五 1975) and 李娜 (tier B)."""
    path = tmp_path_factory.mktemp("planner-cli") / "book.crmdesk"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CRMDESK_PASSPHRASE", PASS)
        assert main(["--book", str(path), "init", "--passphrase"]) == 0
    with open_book(path, passphrase=lambda _p: PASS) as book, book.session() as s, s.begin():
        account = accounts.add_account(s, name="华为", tier="A", owner="Wang")
        zhang = contacts.add_contact(s, name="张伟", account_id=account.id, tier="S")
        lina = contacts.add_contact(s, name="李娜", tier="B", tags=["golf"])
        birthday = important_dates.add_important_date(
            s, contact_id=zhang.id, kind="birthday", date=DateSpec.parse("L1975-12-05")
        )
    return path, {"zhang": zhang.id, "lina": lina.id, "birthday": birthday.id}


class Cli:
    def __init__(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.path = path
        self.capsys = capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        code = main(["--book", str(self.path), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str) -> Any:
        code, out, err = self(*argv, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def cli(
    template: tuple[Path, dict[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    monkeypatch.setenv("CRMDESK_PASSPHRASE", PASS)
    source = template[0]
    for file in source.parent.glob(source.name + "*"):
        shutil.copy2(file, tmp_path / file.name)
    capsys.readouterr()
    return Cli(tmp_path / source.name, capsys)


@pytest.fixture
def ids(template: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return template[1]


def test_upcoming_lists_the_lunar_birthday_on_its_january_day(
    cli: Cli, ids: dict[str, str]
) -> None:
    plan = cli.json("upcoming", "--from", "2025-12-20", "--days", "43", "--kind", "birthday")
    expected = RefLunar(2025, 12, 5).to_solar_date()
    (day,) = plan["days"]
    assert day["day"] == expected.isoformat() == "2026-01-23"
    (item,) = day["items"]
    assert item["who"] == "张伟"
    assert item["years"] == 50
    assert item["budget"] == {"amount": "1000.00", "currency": "CNY"}
    assert item["buy_by"] == (expected - dt.timedelta(days=7)).isoformat()
    assert item["id"] == f"date:{ids['birthday']}:2026-01-23"

    code, out, _ = cli("upcoming", "--from", "2025-12-20", "--days", "43", "--tier", "s")
    assert code == 0
    assert f"date:{ids['birthday'][:8]}:2026-01-23" in out
    assert "buy by 2026-01-16" in out
    assert "2026-01-23 Fri" in out


def test_done_logs_the_gift_and_the_plan_ticks_it(cli: Cli, ids: dict[str, str]) -> None:
    short = f"date:{ids['birthday'][:8]}:2026-01-23"
    done = cli.json("planner", "done", short, "--cost", "800", "--gift", "紫砂壶")
    (logged,) = done["interactions"]
    assert logged["kind"] == "gift"
    assert logged["cost"] == {"amount": "800.00", "currency": "CNY"}
    assert logged["gifts"][0]["recipient_id"] == ids["zhang"]
    plan = cli.json("upcoming", "--from", "2026-01-20", "--days", "7", "--kind", "birthday")
    (item,) = plan["days"][0]["items"]
    assert item["done"] is True
    assert item["last_gift"]["description"] == "紫砂壶"
    # Never the same gift twice: exit 2, the field named, nothing written.
    code, _, err = cli("planner", "done", short, "--gift", "紫砂壶")
    assert code == 2
    assert "gift:" in err and "already given" in err


def test_bad_input_names_the_field(cli: Cli) -> None:
    code, _, err = cli("upcoming", "--days", "0")
    assert (code, err.split(":")[2].strip()) == (2, "days")
    code, _, err = cli("upcoming", "--tier", "Z")
    assert code == 2 and "tier:" in err and "S, A, B, C" in err
    code, out, err = cli("planner", "done", "birthday:x", "--json")
    assert code == 2 and json.loads(out)["error"]["field"] == "item"
    code, _, err = cli("planner", "settings", "--feb29", "march")
    assert code == 2 and "feb29:" in err


def test_cadence_settings_and_festivals(cli: Cli, ids: dict[str, str]) -> None:
    assert cli.json("cadence", "set", "s", "45")["cadence_days"] == 45
    assert {t["code"]: t["cadence_days"] for t in cli.json("cadence", "list")}["S"] == 45
    code, _, err = cli("cadence", "set", "S", "0")
    assert code == 2 and "cadence_days:" in err

    settings = cli.json("planner", "settings", "--feb29", "mar1", "--lead-days", "10")
    assert (settings["policy"]["feb29"], settings["lead_days"]) == ("mar1", 10)

    cli.json("festival", "add", "founding", "--name", "Founding day", "--date", "L06-18")
    cli.json("festival", "tiers", "cn.qixi", "S")
    listed = {f["key"]: f for f in cli.json("festival", "list", "--year", "2026")}
    assert listed["company.founding"]["tiers"] is None
    assert listed["company.founding"]["dates"] == [
        RefLunar(2026, 6, 18).to_solar_date().isoformat()
    ]
    assert listed["cn.qixi"]["tiers"] == ["S"]
    assert listed["cn.qingming"]["in_plan"] is False
    assert listed["cn.mid_autumn"]["dates"] == ["2026-09-25"]  # published
    code, _, err = cli("festival", "add", "x", "--name", "X", "--date", "13-01")
    assert code == 2 and "month:" in err

    plan = cli.json("upcoming", "--from", "2026-08-01", "--days", "20", "--kind", "festival")
    (day,) = plan["days"]
    qixi = day["items"][0]
    assert qixi["festival"]["key"] == "cn.qixi"
    assert [p["name"] for p in qixi["festival"]["people"]] == ["张伟"]
    assert qixi["day"] == RefLunar(2026, 7, 7).to_solar_date().isoformat() == "2026-08-19"
    assert qixi["buy_by"] == "2026-08-09"  # lead time: 10 days before


def test_export_ics_writes_the_dates_year_by_year(
    cli: Cli, tmp_path: Path, ids: dict[str, str]
) -> None:
    target = tmp_path / "out.ics"
    result = cli.json(
        "export-ics", str(target), "--from", "2026-01-10", "--years", "4", "--plan-days", "0"
    )
    assert result["file"] == str(target)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    days = sorted(
        e.decoded("dtstart")
        for e in calendar.walk("VEVENT")
        if str(e["uid"]).startswith(f"date-{ids['birthday']}.")
    )
    assert days == [RefLunar(y, 12, 5).to_solar_date() for y in (2025, 2026, 2027, 2028)]
    code, _, err = cli("export-ics", str(tmp_path / "no" / "dir" / "x.ics"))
    assert code == 2 and "file:" in err


def test_remind_prints_todays_reminders(cli: Cli) -> None:
    # 腊月初五 2025 is 2026-01-23 (lunardate); with the 7-day lead its gift is bought on the 16th.
    assert RefLunar(2025, 12, 5).to_solar_date() == dt.date(2026, 1, 23)
    reminders = cli.json("planner", "remind", "--from", "2026-01-16")
    assert [i["who"] for i in reminders["buy_today"]] == ["张伟"]
    code, out, _ = cli("planner", "remind", "--from", "2026-01-23")
    assert code == 0 and out.startswith("张伟: Birthday, turns 50")
