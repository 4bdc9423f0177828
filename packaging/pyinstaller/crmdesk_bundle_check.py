"""``crmdesk --bundle-check``: prove, from inside a built bundle, that it has what it loads late.

PyInstaller follows imports; it cannot see what crmdesk loads by file name or by plugin at run
time. Each check below uses one such thing for real and fails if it is missing or broken:

* sqlcipher3's bundled SQLCipher encrypts a file (no plaintext header, no opening without key);
* Alembic finds the book's migration scripts inside the bundle;
* pypinyin's dictionaries and lunar_python's calendar answer correctly;
* the keyring back ends are registered (entry points need the package metadata);
* Qt: the offscreen platform plugin starts, the svg image format and svg icon engine plugins are
  there, crmdesk's icons draw, the compiled translations are shipped (not compiled on the user's
  machine: the bundle has no ``lrelease``) and load, Qt's own translations load, and the main
  window builds;
* the sync client's TLS trust store (certifi) is there;
* QtCharts (PySide6-Addons, the team dashboard) loads and draws; vobject, openpyxl and
  phonenumbers' metadata (import and export) work.

Prints one JSON object (``{"ok": bool, "frozen": bool, "checks": {...}}``); exit code 0 when every
check passed, 1 otherwise. It also runs from a checkout (``python
packaging/pyinstaller/crmdesk_main.py --bundle-check``), where the "inside the bundle" parts are
reported as not applicable.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path

Check = Callable[[Path], str]


class CheckFailed(Exception):
    """A check found something missing or wrong."""


def require(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def bundle_root() -> Path | None:
    meipass = getattr(sys, "_MEIPASS", None)
    if not meipass:
        return None
    root = Path(meipass).resolve()
    # A macOS .app keeps code in Contents/Frameworks and data in Contents/Resources.
    return root.parent if root.parts[-2:] == ("Contents", "Frameworks") else root


def require_inside(path: Path, what: str) -> None:
    root = bundle_root()
    if root is None:
        return
    require(path.resolve().is_relative_to(root), f"{what} is outside the bundle: {path}")


def check_sqlcipher(tmp: Path) -> str:
    import sqlcipher3

    require_inside(Path(sqlcipher3.dbapi2.__file__), "sqlcipher3")
    db = tmp / "cipher.db"
    con = sqlcipher3.connect(str(db))
    try:
        version = con.execute("PRAGMA cipher_version").fetchone()
        require(bool(version and version[0]), "PRAGMA cipher_version is empty: not SQLCipher")
        con.execute("PRAGMA key = 'bundle-check-key'")
        con.execute("CREATE TABLE t (v TEXT)")
        con.execute("INSERT INTO t VALUES ('plain-marker-4711')")
        con.commit()
    finally:
        con.close()
    raw = db.read_bytes()
    require(not raw.startswith(b"SQLite format 3"), "the file has a plain SQLite header")
    require(b"plain-marker-4711" not in raw, "the row is readable in the file")
    con = sqlcipher3.connect(str(db))
    try:
        try:
            con.execute("SELECT count(*) FROM t").fetchone()
        except sqlcipher3.DatabaseError:
            pass
        else:
            raise CheckFailed("the encrypted file opened without its key")
    finally:
        con.close()
    return f"SQLCipher {version[0]}"


def check_book_migrations(tmp: Path) -> str:
    from alembic.script import ScriptDirectory

    from crmdesk.db.migrate import MIGRATIONS_DIR, alembic_config, head_revision

    require_inside(MIGRATIONS_DIR, "the book migrations")
    require((MIGRATIONS_DIR / "env.py").is_file(), f"no env.py in {MIGRATIONS_DIR}")
    revisions = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())
    scripts = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"))
    require(len(revisions) == len(scripts) > 0, f"{len(revisions)} revisions for {scripts}")
    return f"head {head_revision()}, {len(revisions)} revisions"


def check_pinyin(tmp: Path) -> str:
    from pypinyin import lazy_pinyin

    from crmdesk.core.search_keys import index_text

    # 重庆 is "chong qing" only through the phrase dictionary (重 alone reads "zhong").
    got = lazy_pinyin("重庆")
    require(got == ["chong", "qing"], f"pypinyin read 重庆 as {got}")
    got = lazy_pinyin("张三")
    require(got == ["zhang", "san"], f"pypinyin read 张三 as {got}")
    # OpenCC's dictionaries: search folds traditional characters to simplified.
    require(index_text("張偉") == "张 伟", f"張偉 indexed as {index_text('張偉')!r}")
    return f"重庆 -> {' '.join(lazy_pinyin('重庆'))}; index {index_text('张三')!r}"


def check_lunar(tmp: Path) -> str:
    from lunar_python import Lunar

    # 中秋 (lunar 8-15) of 2026 falls on 25 September.
    solar = Lunar.fromYmd(2026, 8, 15).getSolar().toYmd()
    require(solar == "2026-09-25", f"lunar 2026-08-15 gave {solar}")
    return f"L2026-08-15 = {solar}"


def check_transfer(tmp: Path) -> str:
    """vobject (vCard), openpyxl (Excel) and phonenumbers' metadata made it into the bundle."""
    import openpyxl
    import phonenumbers
    import vobject

    card = vobject.readOne(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nTEL:+86 138 0013 8000\r\nEND:VCARD\r\n"
    )
    require(card.fn.value == "张三", f"vobject read FN as {card.fn.value!r}")
    number = phonenumbers.parse("13800138000", "CN")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    require(e164 == "+8613800138000", f"phonenumbers gave {e164}")
    book = openpyxl.Workbook()
    book.active.append(["姓名", "张三"])
    path = tmp / "check.xlsx"
    book.save(path)
    back = openpyxl.load_workbook(path).active["B1"].value
    require(back == "张三", f"openpyxl read back {back!r}")
    return f"vCard FN {card.fn.value}; {e164}; xlsx round trip"


def check_charts(tmp: Path) -> str:
    """QtCharts (PySide6-Addons) loads and draws: the team dashboard needs it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    chart = QChart()
    bars = QBarSet("n")
    bars.append([3, 5, 2])
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    view = QChartView(chart)
    view.resize(200, 150)
    image = view.grab().toImage()
    require(not image.isNull(), "QtCharts drew nothing")
    del app
    return f"QtCharts drew {image.width()}x{image.height()}"


def check_keyring(tmp: Path) -> str:
    import importlib
    from importlib.metadata import entry_points

    points = list(entry_points(group="keyring.backends"))
    require(bool(points), "no keyring.backends entry points: keyring's metadata is missing")
    for point in points:
        importlib.import_module(point.value.split(":")[0])
    native = {
        "linux": "keyring.backends.SecretService",
        "win32": "keyring.backends.Windows",
        "darwin": "keyring.backends.macOS",
    }.get(sys.platform)
    if native is not None:
        importlib.import_module(native)
    return ", ".join(sorted(p.name for p in points))


def check_tls(tmp: Path) -> str:
    import certifi
    import httpx

    import crmdesk.sync.client  # noqa: F401 - the desktop's sync client and its imports

    where = Path(certifi.where())
    require(where.is_file(), f"certifi's CA file is missing: {where}")
    require_inside(where, "certifi's CA file")
    httpx.create_ssl_context()
    return f"certifi {where.name}"


def _find_plugin(plugins: list[Path], kind: str, name: str) -> Path | None:
    for directory in plugins:
        if (directory / kind).is_dir():
            for found in (directory / kind).iterdir():
                if name in found.name:
                    return found
    return None


def _translated_sample(ts: Path) -> tuple[str, str, str]:
    """A (context, source, translation) finished in the Linguist file ``ts``."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            if (
                translation is not None
                and translation.get("type") is None
                and message.get("numerus") != "yes"
                and translation.text
                and translation.text != source
            ):
                return name, source, translation.text
    raise CheckFailed(f"{ts} has no finished translation to try")


def check_qt(tmp: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSize, QTranslator
    from PySide6.QtGui import QGuiApplication, QIcon, QImageReader
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    platform = QGuiApplication.platformName()
    require(platform == os.environ["QT_QPA_PLATFORM"], f"Qt started on {platform!r}")

    plugins = [Path(p) for p in QCoreApplication.libraryPaths()]
    wanted = [("platforms", "qoffscreen"), ("imageformats", "qsvg"), ("iconengines", "qsvgicon")]
    if sys.platform.startswith("linux"):
        wanted += [("platforms", "qxcb"), ("platforms", "qwayland")]
    elif sys.platform == "win32":
        wanted.append(("platforms", "qwindows"))
    elif sys.platform == "darwin":
        wanted.append(("platforms", "qcocoa"))
    found = {f"{k}/{n}": _find_plugin(plugins, k, n) for k, n in wanted}
    missing = [name for name, path in found.items() if path is None]
    require(not missing, f"Qt plugins missing: {missing} (looked in {plugins})")
    for name, path in found.items():
        assert path is not None
        require_inside(path, f"the Qt plugin {name}")
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    require("svg" in formats, f"Qt reads no SVG (formats: {sorted(formats)})")

    from crmdesk.ui.i18n import Translations, compiled
    from crmdesk.ui.resources import icons_dir, translations_dir
    from crmdesk.ui.theme import icon

    require_inside(icons_dir(), "the icons")
    for name in ("crmdesk", "search"):
        image = icon(name).pixmap(QSize(48, 48)).toImage()
        drawn = sum(
            image.pixelColor(x, y).alpha() > 0 for y in range(0, 48, 4) for x in range(0, 48, 4)
        )
        require(drawn > 0, f"the icon {name!r} draws nothing")
    plain = QIcon(str(icons_dir() / "crmdesk.svg"))
    require(not plain.pixmap(QSize(32, 32)).isNull(), "QIcon cannot load an SVG file")

    cache = tmp / "qm-cache"
    languages = []
    for lang in ("zh_CN", "zh_TW"):
        qm = compiled(lang, cache=cache)
        require(qm is not None, f"no {lang} translation")
        assert qm is not None
        if frozen():
            # Shipped, and fresher than its .ts: the bundle cannot compile one (no lrelease).
            require(qm.parent == translations_dir(), f"{lang} was compiled at run time: {qm}")
        Translations(cache=cache).install(lang)
        context, source, expected = _translated_sample(translations_dir() / f"crmdesk_{lang}.ts")
        got = QCoreApplication.translate(context, source)
        require(got == expected, f"{lang}: {source!r} came out as {got!r}")
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        require(
            QTranslator().load(f"qtbase_{lang}", qt_dir), f"qtbase_{lang}.qm is not in {qt_dir}"
        )
        languages.append(lang)
    Translations(cache=cache).install("en")

    from crmdesk.ui.app import build

    built = build(
        tmp / "no-book-yet.crmdesk",
        settings_path=tmp / "settings.ini",
        inline=True,
        translations_cache=cache,
    )
    try:
        title = built.window.windowTitle()
    finally:
        built.close()
    del app
    return f"platform {platform}; translations {', '.join(languages)}; window {title!r}"


CHECKS: dict[str, Check] = {
    "sqlcipher": check_sqlcipher,
    "book_migrations": check_book_migrations,
    "pinyin": check_pinyin,
    "lunar": check_lunar,
    "keyring": check_keyring,
    "tls": check_tls,
    "qt": check_qt,
    "charts": check_charts,
    "transfer": check_transfer,
}


def run(argv: Sequence[str] = ()) -> int:
    """Run the checks named in ``argv`` (all by default); print the JSON report."""
    names = list(argv) or list(CHECKS)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        sys.stderr.write(
            f"crmdesk --bundle-check: unknown checks {unknown}; known: {list(CHECKS)}\n"
        )
        return 2
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="crmdesk-bundle-check-") as scratch:
        for name in names:
            workdir = Path(scratch) / name
            workdir.mkdir()
            try:
                results[name] = {"ok": True, "detail": CHECKS[name](workdir)}
            except Exception as exc:  # a report of every failure, not the first one only
                results[name] = {
                    "ok": False,
                    "detail": f"{type(exc).__name__}: {exc}",
                    "traceback": traceback.format_exc(limit=6),
                }
    ok = all(r["ok"] for r in results.values())
    report = {"ok": ok, "frozen": frozen(), "checks": results}
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return 0 if ok else 1
