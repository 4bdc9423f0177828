"""The desktop app's entry point: ``crmdesk`` with no arguments calls :func:`run`.

Start-up is kept short: the window is shown at once (in its "opening" state) and the book is
opened on the worker — a keyring book silently, with no key derivation and no integrity check on
the way; a passphrase book asks first. Imports of the database stack happen on the worker too.
"""

from __future__ import annotations

import ctypes.util
import gc
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crmdesk.db.keys import KeyringStore
    from crmdesk.ui.mainwindow import MainWindow
    from crmdesk.ui.revocation import BookGuard
    from crmdesk.ui.session import BookSession
    from crmdesk.ui.settings import Settings
    from crmdesk.ui.tasks import TaskRunner

# Not 3: that is the CLI's "wrong key" (docs/cli.md lists every exit code).
EXIT_NO_DISPLAY = 6

# Libraries Qt's X11 plugin loads that a minimal Linux may lack (library, Debian package);
# without them Qt aborts the process with a message about "xcb" that few users can act on.
XCB_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
)


def display_problem(
    environ: dict[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why no window can be shown here (a plain sentence), or None when one can."""
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if not system.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None  # macOS and Windows always have a display; an explicit platform is trusted
    if env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return (
            "crmdesk cannot open its window: there is no display (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set). Run it in a desktop session, or under xvfb-run; the "
            "command-line tools (crmdesk --help) work without one."
        )
    missing = [package for lib, package in XCB_LIBRARIES if ctypes.util.find_library(lib) is None]
    if missing:
        return (
            f"crmdesk cannot open its window: Qt needs {', '.join(missing)} to draw on X11. "
            f"Install them (e.g. apt-get install {' '.join(missing)}) and start crmdesk again."
        )
    return None


@dataclass
class App:
    """What :func:`build` makes: the pieces tests and the benchmark drive."""

    window: MainWindow
    session: BookSession
    runner: TaskRunner
    settings: Settings
    guard: BookGuard | None = None
    instance: Any = None  # crmdesk.ui.single_instance.Instance, when run() made one

    def close(self) -> None:
        self.window.close()
        self.runner.shutdown(wait=True)


def build(
    book_path: Path,
    *,
    settings_path: Path | None = None,
    keystore: KeyringStore | None = None,
    inline: bool = False,
    translations_cache: Path | None = None,
    start: bool = False,
) -> App:
    """Make the application's window and book session (a QApplication must exist).

    With ``start`` the book session starts before the window is built: the worker loads the
    database stack and opens the book while the GUI thread builds the window. Its answers wait in
    the event loop, which runs only once the window is there to receive them.
    """
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui import settings as s
    from crmdesk.ui.session import BookSession
    from crmdesk.ui.tasks import TaskRunner

    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    settings = s.Settings(settings_path)
    runner = TaskRunner(app, inline=inline)
    session = BookSession(book_path, runner, keystore=keystore, parent=app)
    if start and not inline:
        # First thing: the worker starts loading the database stack and opening the book.
        session.start()

    from crmdesk.ui.i18n import Translations, resolve_language
    from crmdesk.ui.mainwindow import MainWindow
    from crmdesk.ui.revocation import BookGuard
    from crmdesk.ui.theme import apply_theme

    translations = Translations(cache=translations_cache)
    translations.install(resolve_language(settings.get(s.LANGUAGE)))
    apply_theme(app, settings.get(s.THEME))

    def follow_system() -> None:
        if settings.get(s.THEME) == "system":
            apply_theme(app, "system")

    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: follow_system())
    session.set_idle_minutes(settings.get(s.LOCK_AFTER_MINUTES))
    window = MainWindow(session, settings, translations)
    # A revoked device or a lapsed lease: the book leaves the window (crmdesk.ui.revocation).
    guard = BookGuard(window, session)
    # The ~300,000 objects made at start-up (modules, Qt wrappers) live as long as the app. Left
    # to the cyclic collector, each full collection walks them all: 200 ms with the GUI frozen,
    # measured while filtering 100,000 contacts. Once made they are moved out of its way
    # (gc.freeze), as long-running Python services do: now, and again with the first rows.
    gc.freeze()
    window.ready.connect(gc.freeze)
    if start and inline:
        session.start()
    return App(window, session, runner, settings, guard)


def _preload_database_stack() -> None:
    """Import what opening a book needs (SQLAlchemy, SQLCipher, the models, the keyring)."""
    import crmdesk.db.book
    import crmdesk.db.browse  # noqa: F401

    gc.freeze()  # see build(): these objects live as long as the app


def run(
    book_path: Path,
    *,
    settings_path: Path | None = None,
    keystore: KeyringStore | None = None,
    on_built: Callable[[App], None] | None = None,
) -> int:
    """Show the desktop app for the book at ``book_path``; the process's exit code.

    ``on_built`` is called with the app's pieces before the event loop starts (the benchmark
    uses it to time the start-up of this very function).
    """
    problem = display_problem()
    if problem is not None:
        sys.stderr.write(problem + "\n")
        return EXIT_NO_DISPLAY
    # Qt's extension modules first, on this thread: loading shiboken6 while the preload thread
    # loads SQLAlchemy's compiled extensions aborted the process now and then.
    from PySide6.QtWidgets import QApplication

    # The database stack takes longer to import than the window takes to start: begin it on a
    # thread of its own (the book worker then finds it loaded).
    threading.Thread(target=_preload_database_stack, name="crmdesk-preload", daemon=True).start()

    from crmdesk.ui.theme import icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("crmdesk")
    app.setOrganizationName("crmdesk")
    app.setApplicationDisplayName("crmdesk")
    app.setDesktopFileName("crmdesk")
    app.setWindowIcon(icon("crmdesk"))
    from crmdesk.ui import single_instance

    # One app per book: a second start brings the first window forward and leaves.
    instance = single_instance.claim(book_path)
    if instance is None:
        return single_instance.EXIT_ALREADY_RUNNING
    built = build(book_path, settings_path=settings_path, keystore=keystore, start=True)
    instance.attach(built.window, built.session)
    built.instance = instance
    built.window.show()
    if on_built is not None:
        on_built(built)
    code = 0
    try:
        code = app.exec()
    finally:
        single_instance.quit_promptly(built, instance, code)
    return code
