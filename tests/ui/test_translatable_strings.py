"""Every translatable string is where lupdate can see it: lupdate does not read calls inside
f-strings, so a ``tr()``/``translate()`` there is never extracted and shows in English."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "crmdesk" / "ui"
CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def _hidden_calls(source: str) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            for sub in ast.walk(node):
                if isinstance(sub, ast.Call):
                    f = sub.func
                    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                    if name in CALLS:
                        lines.append(sub.lineno)
    return lines


def test_the_check_sees_a_call_inside_an_f_string() -> None:
    assert _hidden_calls("x = f\"<p>{translate('Pages', 'Hi')}</p>\"") == [1]
    assert _hidden_calls('t = translate("Pages", "Hi")\nx = f"<p>{t}</p>"') == []


def test_no_translation_call_inside_an_f_string() -> None:
    found = [
        f"{path.relative_to(UI)}:{line}"
        for path in sorted(UI.rglob("*.py"))
        for line in _hidden_calls(path.read_text(encoding="utf-8"))
    ]
    assert not found, "translations lupdate cannot see (move them out of the f-string):\n" + (
        "\n".join(found)
    )
