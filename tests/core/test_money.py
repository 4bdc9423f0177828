"""Money typed by a rep: parsed to exact minor units, written back, garbage refused by field."""

from __future__ import annotations

import pytest

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money, check_currency, parse_money


@pytest.mark.parametrize(
    ("text", "minor", "currency"),
    [
        ("800", 80000, "CNY"),
        ("800.50", 80050, "CNY"),
        ("800.5", 80050, "CNY"),
        ("¥800", 80000, "CNY"),
        ("￥８００", 80000, "CNY"),  # full-width, as a Chinese IME types it
        ("1,200", 120000, "CNY"),
        ("1,234,567.89", 123456789, "CNY"),
        ("800元", 80000, "CNY"),
        ("RMB 800", 80000, "CNY"),
        ("HK$300", 30000, "HKD"),
        ("50 USD", 5000, "USD"),
        ("usd 50", 5000, "USD"),
        ("1000 JPY", 1000, "JPY"),
        ("0", 0, "CNY"),
        ("12.30", 1230, "CNY"),
    ],
)
def test_parses_what_a_rep_types(text: str, minor: int, currency: str) -> None:
    assert parse_money(text) == Money(minor, currency)


def test_default_currency_is_used_when_the_text_names_none() -> None:
    assert parse_money("12", currency="eur") == Money(1200, "EUR")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("-800", "negative"),
        ("¥-5", "negative"),
        ("abc", "amount_syntax"),
        ("", "required"),
        ("12,34", "amount_syntax"),  # not a thousands grouping
        ("1.2.3", "amount_syntax"),
        ("800.505", "too_precise"),
        ("10.5 JPY", "too_precise"),
        ("$5", "currency_ambiguous"),
        ("5 XYZ", "currency_unknown"),
        ("99999999999999999", "too_large"),
    ],
)
def test_refuses_garbage_naming_the_field(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_money(text, field="cost")
    assert err.value.field == "cost"
    assert err.value.code == code


def test_a_currency_in_the_text_must_agree_with_the_one_given() -> None:
    with pytest.raises(ValidationError, match="USD"):
        parse_money("50 USD", currency="CNY")


@pytest.mark.parametrize(
    ("money", "amount", "shown"),
    [
        (Money(80050), "800.50", "800.50 CNY"),
        (Money(5, "CNY"), "0.05", "0.05 CNY"),
        (Money(1000, "JPY"), "1000", "1000 JPY"),
    ],
)
def test_writes_back_exactly(money: Money, amount: str, shown: str) -> None:
    assert money.amount == amount
    assert str(money) == shown
    assert money.to_json() == {"amount": amount, "currency": money.currency}
    assert parse_money(str(money)) == money


def test_check_currency_normalises_and_refuses() -> None:
    assert check_currency(" cny ") == "CNY"
    with pytest.raises(ValidationError) as err:
        check_currency("yuan", field="currency")
    assert err.value.field == "currency"
