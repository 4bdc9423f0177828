"""Charts of the Team tab (PySide6.QtCharts), each in a box that shows a sentence when empty.

:class:`ChartBox` holds a chart view and an empty-state label; the ``*_chart`` functions build a
fresh :class:`QChart` from plain data (nothing here reads the book). Charts follow the theme: the
box re-themes its chart when the application palette changes (light or dark, ``crmdesk.ui.theme``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QStackedWidget, QWidget

HORIZONTAL_PAST = 6
"""Past this many owners, bars lie down: one readable row per owner instead of labels that
overlap ("rep00rep01rep02…") or are dropped under their bar."""
LABEL_CHARS = 22
"""Category labels longer than this are elided in the middle (the start and end of a name tell
more than its first half)."""

ROW_PX = 22
"""Height per bar when bars lie down (a label's line and some air)."""

# Tier colours, most important first; then a neutral for "no tier".
SERIES_COLORS = ("#1f6feb", "#2da44e", "#bf8700", "#8250df", "#cf222e", "#0a7ea4", "#6e7781")
TARGET_COLOR = "#cf222e"
RULE_COLOR = "#8c959f"


def is_dark() -> bool:
    app = QApplication.instance()
    return app is not None and app.property("crmdeskTheme") == "dark"


class ChartBox(QStackedWidget):
    """A chart, or a sentence saying why there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QChartView(self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(280, 220)
        # Bars lying down need a row each: a tall chart scrolls inside the box rather than
        # dropping every other label.
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.view)
        self.setMinimumSize(280, 300)  # what the splitter keeps for a chart, scrolling or not
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        self.addWidget(self.scroller)
        self.addWidget(self.empty)
        self.setCurrentWidget(self.empty)

    @property
    def chart(self) -> QChart | None:
        return self.view.chart() if self.currentWidget() is self.scroller else None

    @property
    def showing_chart(self) -> bool:
        return self.currentWidget() is self.scroller

    def show_chart(self, chart: QChart) -> None:
        old = self.view.chart()
        self._style(chart)
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
        rows = chart.property("crmdeskRows")
        self.view.setMinimumHeight(max(200, 120 + ROW_PX * int(rows)) if rows else 200)
        self.setCurrentWidget(self.scroller)

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.setCurrentWidget(self.empty)

    def _style(self, chart: QChart) -> None:
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if is_dark() else QChart.ChartTheme.ChartThemeLight
        )
        palette = self.palette()
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setBackgroundRoundness(4)
        chart.setMargins(QMargins(4, 4, 4, 4))
        title = QFont(self.font())
        title.setBold(True)
        chart.setTitleFont(title)
        chart.setTitleBrush(palette.color(QPalette.ColorRole.WindowText))
        chart.legend().setLabelColor(palette.color(QPalette.ColorRole.WindowText))
        for axis in chart.axes():
            axis.setLabelsColor(palette.color(QPalette.ColorRole.WindowText))
            axis.setLabelsFont(self.font())
        # The theme resets series colours: put ours back.
        for series in chart.series():
            _recolor(series)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.view.chart() is not None:
            self._style(self.view.chart())
        super().changeEvent(event)


def _recolor(series: object) -> None:
    if isinstance(
        series, QBarSeries | QStackedBarSeries | QHorizontalBarSeries | QHorizontalStackedBarSeries
    ):
        for i, bar_set in enumerate(series.barSets()):
            color = bar_set.property("crmdeskColor") or SERIES_COLORS[i % len(SERIES_COLORS)]
            bar_set.setColor(QColor(color))
            bar_set.setBorderColor(QColor(color))
    elif isinstance(series, QLineSeries):
        pen = series.property("crmdeskPen")
        if isinstance(pen, QPen):
            series.setPen(pen)


def elide_middle(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters with "…" in the middle; kept whole when it fits."""
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2 + (limit - 1) % 2
    tail = limit - 1 - head
    return text[:head] + "…" + text[len(text) - tail :]


def unique_labels(categories: Sequence[str]) -> list[str]:
    """Elided labels, made distinct again where eliding made two alike (an axis merges them)."""
    out: list[str] = []
    seen: set[str] = set()
    for text in categories:
        label = elide_middle(text)
        n = 2
        while label in seen:
            label = elide_middle(text, LABEL_CHARS - 3) + f"#{n}"
            n += 1
        seen.add(label)
        out.append(label)
    return out


def _category_axis(
    chart: QChart,
    categories: Sequence[str],
    side: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignBottom,
) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    labels = unique_labels(categories)
    axis.append(labels)
    axis.setTruncateLabels(False)  # a name cut to "Ide…" says nothing; slant or elide instead
    if side == Qt.AlignmentFlag.AlignBottom and len(labels) > 3 and max(map(len, labels)) > 6:
        axis.setLabelsAngle(-35)
    chart.addAxis(axis, side)
    return axis


def _value_axis(
    chart: QChart,
    top: float,
    *,
    fmt: str = "%d",
    side: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, top)
    axis.setLabelFormat(fmt)
    _round_ticks(axis, top)
    chart.addAxis(axis, side)
    return axis


def _nice_top(value: float) -> float:
    """A round upper bound a little above ``value`` (at least 1): 1, 2 or 5 times a power of 10."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        top = step * magnitude
        if top >= value * 1.05:
            return top
    return 20 * magnitude


def _round_ticks(axis: QValueAxis, top: float) -> None:
    """Ticks at round values: every fifth of a 1/2/5-times-a-power-of-ten top."""
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(max(top / 5, 1) if top >= 5 else 1)


def stacked_bars_chart(
    title: str, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[int]]]
) -> QChart:
    """Stacked bars: one bar per category, one segment per named set (lying down past
    :data:`HORIZONTAL_PAST` categories)."""
    chart = QChart()
    chart.setTitle(title)
    horizontal = len(categories) > HORIZONTAL_PAST
    series: QStackedBarSeries | QHorizontalStackedBarSeries = (
        QHorizontalStackedBarSeries() if horizontal else QStackedBarSeries()
    )
    if horizontal:
        chart.setProperty("crmdeskRows", len(categories))
    for i, (name, values) in enumerate(sets):
        bar_set = QBarSet(name)
        bar_set.append([float(v) for v in values])
        bar_set.setProperty("crmdeskColor", SERIES_COLORS[i % len(SERIES_COLORS)])
        series.append(bar_set)
    chart.addSeries(series)
    x = _category_axis(
        chart,
        categories,
        Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom,
    )
    totals = [sum(v[i] for _n, v in sets) for i in range(len(categories))]
    y = _value_axis(
        chart,
        _nice_top(max(totals, default=0)),
        side=Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft,
    )
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def coverage_chart(
    title: str,
    categories: Sequence[str],
    shares: Sequence[float],
    *,
    bar_name: str,
    target_name: str,
    target: float = 1.0,
) -> QChart:
    """Coverage bars (percent) per owner and the cadence target as a dashed line (bars lying down
    past :data:`HORIZONTAL_PAST` owners); every bar carries its value."""
    chart = QChart()
    chart.setTitle(title)
    horizontal = len(categories) > HORIZONTAL_PAST
    series: QBarSeries | QHorizontalBarSeries = (
        QHorizontalBarSeries() if horizontal else QBarSeries()
    )
    if horizontal:
        chart.setProperty("crmdeskRows", len(categories))
    bar_set = QBarSet(bar_name)
    bar_set.append([round(100 * s, 1) for s in shares])
    bar_set.setProperty("crmdeskColor", SERIES_COLORS[1])
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    chart.addSeries(series)
    line = QLineSeries()
    line.setName(target_name)
    ends = (-0.5, len(categories) - 0.5)
    for end in ends:
        line.append(QPointF(100 * target, end) if horizontal else QPointF(end, 100 * target))
    pen = QPen(QColor(TARGET_COLOR), 2, Qt.PenStyle.DashLine)
    line.setProperty("crmdeskPen", pen)
    chart.addSeries(line)
    x = _category_axis(
        chart,
        categories,
        Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom,
    )
    y = _value_axis(
        chart,
        110,
        fmt="%d%%",
        side=Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft,
    )
    y.setTickInterval(20)  # 0% to 100%, room above for the target line
    for s in (series, line):
        s.attachAxis(x)
        s.attachAxis(y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def pipeline_chart(
    title: str,
    stages: Sequence[str],
    counts: Sequence[int],
    amounts: Sequence[float],
    *,
    count_name: str,
    amount_name: str,
) -> QChart:
    """Opportunities per stage as bars (left axis) and their amount as a line (right axis)."""
    chart = QChart()
    chart.setTitle(title)
    bars = QBarSeries()
    bar_set = QBarSet(count_name)
    bar_set.append([float(c) for c in counts])
    bar_set.setProperty("crmdeskColor", SERIES_COLORS[0])
    bars.append(bar_set)
    bars.setLabelsVisible(True)
    chart.addSeries(bars)
    line = QLineSeries()
    line.setName(amount_name)
    for i, value in enumerate(amounts):
        line.append(QPointF(i, value))
    line.setPointsVisible(True)
    line.setProperty("crmdeskPen", QPen(QColor(SERIES_COLORS[2]), 3))
    chart.addSeries(line)
    x = _category_axis(chart, stages)  # long stage names (鉴别商机, Qualify...) are slanted
    left = _value_axis(chart, _nice_top(max(counts, default=0)))
    right = _value_axis(
        chart, _nice_top(max(amounts, default=0)), fmt="%.0f", side=Qt.AlignmentFlag.AlignRight
    )
    bars.attachAxis(x)
    bars.attachAxis(left)
    line.attachAxis(x)
    line.attachAxis(right)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def curve_chart(
    title: str,
    curves: Sequence[tuple[str, Sequence[tuple[float, float]], bool]],
    *,
    x_title: str,
    y_title: str,
) -> QChart:
    """Cumulative share curves in percent; a ``dashed`` curve is a reference (the rule)."""
    chart = QChart()
    chart.setTitle(title)
    x = QValueAxis()
    x.setRange(0, 100)
    x.setLabelFormat("%d%%")
    x.setTitleText(x_title)
    y = QValueAxis()
    y.setRange(0, 100)
    y.setLabelFormat("%d%%")
    y.setTitleText(y_title)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for i, (name, points, dashed) in enumerate(curves):
        line = QLineSeries()
        line.setName(name)
        for px, py in points:
            line.append(QPointF(100 * px, 100 * py))
        color = RULE_COLOR if dashed else SERIES_COLORS[i % len(SERIES_COLORS)]
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        line.setProperty("crmdeskPen", QPen(QColor(color), 2.5, style))
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart
