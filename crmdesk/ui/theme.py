"""Look: the Fusion style in light or dark (following the system unless set), and themed SVG icons.

The icons in ``resources/icons`` are drawn with ``currentColor``; :class:`ThemedIconEngine` paints
them in the palette's text colour at the moment they are drawn, so they follow a switch between
light and dark without being reloaded.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from crmdesk.ui.resources import icons_dir

ACCENT = "#1f6feb"


class ThemedIconEngine(QIconEngine):
    """Renders an SVG drawn in ``currentColor`` with the current palette's text colour."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderers: dict[str, QSvgRenderer] = {}

    def _renderer(self, color: str) -> QSvgRenderer:
        renderer = self._renderers.get(color)
        if renderer is None:
            data = self._svg.replace(b"currentColor", color.encode("ascii"))
            renderer = QSvgRenderer(QByteArray(data))
            self._renderers[color] = renderer
        return renderer

    @staticmethod
    def _color(mode: QIcon.Mode) -> str:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText).name()
        return palette.color(QPalette.ColorRole.WindowText).name()

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(self._color(mode)).render(painter, rect.toRectF())

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        finally:
            painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return ThemedIconEngine(self._svg)


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``, drawn in the theme's colours."""
    path = icons_dir() / f"{name}.svg"
    data = path.read_bytes()
    if b"currentColor" not in data:
        return QIcon(str(path))
    return QIcon(ThemedIconEngine(data))


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#1e2126"), QColor("#16181c"), QColor("#e6e8eb")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#1b1d22"))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#2a2e35"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#2a2e35"))
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8b929c"))
    p.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#58a6ff"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#3a3f47"))
    p.setColor(QPalette.ColorRole.Midlight, QColor("#30343b"))
    p.setColor(QPalette.ColorRole.Dark, QColor("#111316"))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b717a"))
    return p


def _light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#f6f7f9"))
    p.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f3f5f8"))
    p.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.WindowText, QColor("#1f2328"))
    p.setColor(QPalette.ColorRole.Text, QColor("#1f2328"))
    return p


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def is_dark(choice: str) -> bool:
    if choice == "dark":
        return True
    if choice == "light":
        return False
    return system_is_dark()


STYLE_SHEET = """
QToolBar { spacing: 4px; padding: 3px; border: none; }
QLineEdit#search { padding: 5px 8px; border-radius: 6px; }
QLabel[role="fieldError"] { color: #d1242f; }
QLabel[role="heading"] { font-size: 15pt; font-weight: 600; }
QLabel[role="muted"] { color: palette(placeholder-text); }
QFrame#lockScreen QLabel[role="heading"] { font-size: 18pt; }
QStatusBar QLabel { padding: 0 6px; }
"""


def apply_theme(app: QApplication, choice: str) -> None:
    """Fusion in light or dark; ``choice`` is the THEME setting ("system", "light", "dark")."""
    if app.property("crmdeskTheme") is None:
        app.setStyle("Fusion")
    dark = is_dark(choice)
    app.setPalette(_dark_palette() if dark else _light_palette())
    theme = "dark" if dark else "light"
    # Setting the sheet re-polishes every live widget (seconds with a few windows): only when it
    # is new or the palette it refers to changed.
    if app.styleSheet() != STYLE_SHEET or app.property("crmdeskTheme") != theme:
        app.setStyleSheet(STYLE_SHEET)
    app.setProperty("crmdeskTheme", theme)
