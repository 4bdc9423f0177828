"""Languages: Simplified Chinese, Traditional Chinese and English, following the system or chosen.

The sources are Qt Linguist files ``resources/translations/crmdesk_<lang>.ts``. The compiled
``.qm`` files are not kept in git: a build may place them beside the ``.ts`` files, and otherwise
they are compiled with ``lrelease`` (shipped in PySide6-Essentials) into the user's cache directory
the first time a language is used and whenever its ``.ts`` is newer. English is the source
language; its ``.ts`` carries only plural forms.

Qt's own strings (the buttons of standard dialogs) come from Qt's ``qtbase_<lang>.qm``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from crmdesk.ui.resources import translations_dir

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it (typed as ``str``)."""
    return text


LANGUAGES: dict[str, str] = {
    # Each language's name in itself, as language menus show it.
    "en": "English",
    "zh_CN": "简体中文",
    "zh_TW": "繁體中文",
}

# Han characters are drawn differently in Simplified Chinese, Traditional Chinese and Japanese;
# left to itself the font fallback may pick a Japanese face. These come before it.
CJK_FAMILIES: dict[str, tuple[str, ...]] = {
    "zh_TW": ("Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei", "PingFang TC"),
    "zh_CN": ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"),
}

_TRADITIONAL_TERRITORIES = (
    QLocale.Country.Taiwan,
    QLocale.Country.HongKong,
    QLocale.Country.Macao,
)


def system_language(locale: QLocale | None = None) -> str:
    """The supported language closest to ``locale`` (the system's by default)."""
    loc = locale if locale is not None else QLocale.system()
    if loc.language() == QLocale.Language.Chinese:
        if (
            loc.script() == QLocale.Script.TraditionalHanScript
            or loc.territory() in _TRADITIONAL_TERRITORIES
        ):
            return "zh_TW"
        return "zh_CN"
    return "en"


def resolve_language(choice: str, locale: QLocale | None = None) -> str:
    """The language to use for a setting value ("system", "en", "zh_CN", "zh_TW")."""
    if choice in LANGUAGES:
        return choice
    return system_language(locale)


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("crmdesk", appauthor=False)) / "translations"


def lrelease_path() -> Path:
    return Path(PySide6.__file__).resolve().parent / (
        "lrelease.exe" if os.name == "nt" else "lrelease"
    )


def compiled(lang: str, *, cache: Path | None = None, sources: Path | None = None) -> Path | None:
    """A ``.qm`` for ``lang`` no older than its ``.ts``, compiling it if needed; None if none."""
    src_dir = sources if sources is not None else translations_dir()
    ts = src_dir / f"crmdesk_{lang}.ts"
    if not ts.exists():
        return None
    stamp = ts.stat().st_mtime
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and shipped.stat().st_mtime >= stamp:
        return shipped
    out_dir = cache if cache is not None else cache_dir()
    # Named by the source's content, not its time: one cache serves every checkout and
    # installed version on the machine, and each must get the translations of its own .ts.
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    qm = out_dir / f"crmdesk_{lang}-{digest}.qm"
    if qm.exists():
        return qm
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_suffix(f".{os.getpid()}.tmp")
    try:
        subprocess.run(
            [str(lrelease_path()), "-silent", str(ts), "-qm", str(tmp)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        os.replace(tmp, qm)
    except (OSError, subprocess.SubprocessError) as exc:
        tmp.unlink(missing_ok=True)
        log.warning("could not compile the %s translation: %s", lang, exc)
        return None
    return qm


class Translations:
    """The translators installed in the application, replaced when the language changes.

    Translators are application-wide, so the ones crmdesk installed are tracked per process:
    installing a language removes every one installed before, whichever window did it.
    """

    _installed: list[QTranslator] = []  # noqa: RUF012 - shared on purpose (see above)

    def __init__(self, *, cache: Path | None = None) -> None:
        self._cache = cache
        self.language = "en"

    _base_families: list[str] | None = None

    @classmethod
    def _set_cjk_font(cls, lang: str) -> None:
        if not isinstance(QCoreApplication.instance(), QGuiApplication):
            return
        font = QGuiApplication.font()
        if cls._base_families is None:
            families = font.families() or [font.family()]
            cls._base_families = [
                f for f in families if not any(f in v for v in CJK_FAMILIES.values())
            ]
        # Data is mostly written in simplified characters, so an English UI shows it that way.
        font.setFamilies([*cls._base_families, *CJK_FAMILIES.get(lang, CJK_FAMILIES["zh_CN"])])
        QGuiApplication.setFont(font)

    def install(self, lang: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("install translations after creating the application")
        for translator in Translations._installed:
            QCoreApplication.removeTranslator(translator)
        Translations._installed = []
        qm = compiled(lang, cache=self._cache)
        if qm is not None:
            own = QTranslator(app)
            if own.load(str(qm)):
                Translations._installed.append(own)
        if lang != "en":
            qt = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{lang}", qt_dir):
                Translations._installed.append(qt)
        for translator in Translations._installed:
            QCoreApplication.installTranslator(translator)
        self.language = lang
        self._set_cjk_font(lang)
        QLocale.setDefault(QLocale(lang.replace("_", "-") if lang != "en" else "en-GB"))
