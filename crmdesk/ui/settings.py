"""Every user setting, declared once: key, type, default, translatable title (as Picard does).

Stored through ``QSettings`` in an INI file (the platform's config directory by default; tests point
it at a temporary file). Nothing secret is ever a setting: the book key lives in the keyring or in
the user's head.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from crmdesk.ui.i18n import QT_TRANSLATE_NOOP

T = TypeVar("T", str, int, bool, bytes)

ORGANISATION = "crmdesk"
APPLICATION = "crmdesk"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting. ``title`` is an untranslated source string (context ``Settings``)."""

    key: str
    type: type[T]
    default: T
    title: str = ""
    choices: tuple[T, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def coerce(self, raw: Any) -> T:
        """The stored value as this setting's type; the default when it is unusable."""
        value: Any
        try:
            if raw is None:
                return self.default
            if self.type is bool:
                value = (
                    raw.strip().lower() in ("1", "true", "yes")
                    if isinstance(raw, str)
                    else (bool(raw))
                )
            elif self.type is int:
                value = int(raw)
            elif self.type is bytes:
                value = bytes(raw.data()) if isinstance(raw, QByteArray) else bytes(raw)
            else:
                value = str(raw)
        except (TypeError, ValueError):
            return self.default
        if not self.accepts(value):
            return self.default
        return cast(T, value)

    def accepts(self, value: Any) -> bool:
        if not isinstance(value, self.type):
            return False
        if self.choices and value not in self.choices:
            return False
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return False
            if self.maximum is not None and value > self.maximum:
                return False
        return True


LANGUAGE = Setting(
    "ui/language",
    str,
    "system",
    QT_TRANSLATE_NOOP("Settings", "Language"),
    choices=("system", "en", "zh_CN", "zh_TW"),
)
THEME = Setting(
    "ui/theme",
    str,
    "system",
    QT_TRANSLATE_NOOP("Settings", "Appearance"),
    choices=("system", "light", "dark"),
)
LOCK_AFTER_MINUTES = Setting(
    "security/lock_after_minutes",
    int,
    15,
    QT_TRANSLATE_NOOP("Settings", "Lock after idle minutes (0: never)"),
    minimum=0,
    maximum=24 * 60,
)
MY_NAME = Setting(
    "book/my_name",
    str,
    "",
    QT_TRANSLATE_NOOP("Settings", "Your name (recorded on visits)"),
)
CURRENCY = Setting(
    "book/currency",
    str,
    "CNY",
    QT_TRANSLATE_NOOP("Settings", "Default currency"),
    choices=("CNY", "HKD", "TWD", "MOP", "USD", "EUR", "SGD", "JPY"),
)
BRIEF_INTERACTIONS = Setting(
    "brief/interactions",
    int,
    5,
    QT_TRANSLATE_NOOP("Settings", "Interactions shown in a brief"),
    minimum=1,
    maximum=50,
)
UPCOMING_DAYS = Setting(
    "brief/upcoming_days",
    int,
    60,
    QT_TRANSLATE_NOOP("Settings", "Days ahead for coming dates"),
    minimum=1,
    maximum=366,
)
# Window state: not shown in the settings dialog (no title).
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"")
WINDOW_STATE = Setting("window/state", bytes, b"")
SPLITTER_STATE = Setting("window/splitter", bytes, b"")

REGISTRY: tuple[Setting[Any], ...] = (
    LANGUAGE,
    THEME,
    LOCK_AFTER_MINUTES,
    MY_NAME,
    CURRENCY,
    BRIEF_INTERACTIONS,
    UPCOMING_DAYS,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    SPLITTER_STATE,
)


class Settings:
    """Typed access to the stored settings."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._store = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
            )
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return Path(self._store.fileName())

    def get(self, setting: Setting[T]) -> T:
        return setting.coerce(self._store.value(setting.key))

    def set(self, setting: Setting[T], value: T) -> None:
        if not setting.accepts(value):
            raise ValueError(f"{value!r} is not a valid value for the setting {setting.key}")
        stored: Any = QByteArray(value) if isinstance(value, bytes) else value
        self._store.setValue(setting.key, stored)

    def reset(self, setting: Setting[Any]) -> None:
        self._store.remove(setting.key)

    def sync(self) -> None:
        self._store.sync()
