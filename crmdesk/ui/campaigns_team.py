"""The team's campaigns (the "Team" page of the campaigns dialog): on a manager's device, every
campaign of the books synced to it, with its budget, committed spend and progress — for the
campaign and, under it, for each rep whose people it concerns.

The figures come from :func:`crmdesk.db.campaign_stats.campaign_summaries` (two queries, on the
database worker); this page only lays them out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import ValidationError
from crmdesk.core.festivals import festival_by_key
from crmdesk.db.campaign_stats import CampaignSummary, Tally
from crmdesk.db.services import campaigns
from crmdesk.ui.desk import Desk
from crmdesk.ui.formats import date_text, money_text
from crmdesk.ui.forms import error_text
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CampaignsTeam"
OVER_BUDGET = "#c62828"  # the committed spend of a row past its budget
COLUMNS = (
    QT_TRANSLATE_NOOP("CampaignsTeam", "Campaign / rep"),
    QT_TRANSLATE_NOOP("CampaignsTeam", "Run by"),
    QT_TRANSLATE_NOOP("CampaignsTeam", "Day"),
    QT_TRANSLATE_NOOP("CampaignsTeam", "People"),
    QT_TRANSLATE_NOOP("CampaignsTeam", "Budget"),
    QT_TRANSLATE_NOOP("CampaignsTeam", "Committed"),
    QT_TRANSLATE_NOOP("CampaignsTeam", "To buy"),
    QT_TRANSLATE_NOOP("CampaignsTeam", "Bought"),
    QT_TRANSLATE_NOOP("CampaignsTeam", "Sent"),
    QT_TRANSLATE_NOOP("CampaignsTeam", "Thanked"),
)

COMMITTED = 5  # the column of the committed spend
FIRST_NUMBER = 3  # people, budget, committed and the counts: right-aligned


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _festival(key: str) -> str:
    try:
        return festival_by_key(key).name(QLocale().name())
    except ValidationError:
        return key  # a company festival crmdesk does not know by name


class TeamCampaigns(QWidget):
    """The team's campaigns and, under each, its reps."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.summaries: list[CampaignSummary] = []
        self.setObjectName("teamCampaigns")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("teamCampaignTree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([_tr(c) for c in COLUMNS])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(64)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel(self)
        self.note.setObjectName("teamCampaignNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        desk.changed.connect(lambda _kind: self.reload())

    def reload(self) -> None:
        self.desk.read(campaigns.list_campaigns).success(self.show_summaries).failure(
            lambda error: self.note.setText(error_text(error))
        ).run()

    def show_summaries(self, summaries: list[CampaignSummary]) -> None:
        self.summaries = summaries
        self.tree.clear()
        over = 0
        for summary in summaries:
            top = QTreeWidgetItem(self.tree, self._cells(summary.name, summary, summary.total))
            top.setText(1, summary.rep or self.tr("unassigned"))
            top.setToolTip(0, _festival(summary.occasion))
            font = top.font(0)
            font.setBold(True)
            for column in range(len(COLUMNS)):
                top.setFont(column, font)
            self._align(top)
            over += self._mark_over(top, summary.total)
            for rep, tally in summary.reps():
                child = QTreeWidgetItem(
                    top, self._cells(rep or self.tr("unassigned"), summary, tally, day=False)
                )
                self._align(child)
                self._mark_over(child, tally)
            top.setExpanded(True)
        if not summaries:
            self.note.setText(self.tr("No campaigns on this device yet."))
        else:
            self.note.setText(
                self.tr("%n campaign(s); budget: each person's tier budget for one gift.", "",
                        len(summaries))
                + (" " + self.tr("%n over budget (in red).", "", over) if over else "")
            )  # fmt: skip

    def _cells(self, name: str, summary: CampaignSummary, t: Tally, day: bool = True) -> list[str]:
        progress = t.progress
        return [
            name,
            "",
            date_text(summary.occasion_on) if day else "",
            str(t.people),
            money_text(t.budget) if t.budget else "—",
            " + ".join(money_text(m) for m in t.committed_money) or "—",
            str(progress["to_buy"]),
            str(progress["bought"]),
            str(progress["sent"]),
            str(progress["thanked"]),
        ]

    def _align(self, row: QTreeWidgetItem) -> None:
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for column in range(FIRST_NUMBER, len(COLUMNS)):
            row.setTextAlignment(column, right)

    def _mark_over(self, row: QTreeWidgetItem, tally: Tally) -> int:
        if not tally.over_budget:
            return 0
        red = QBrush(QColor(OVER_BUDGET))
        row.setForeground(COMMITTED, red)
        row.setToolTip(COMMITTED, self.tr("More is committed than the budget"))
        return 1
