"""Tools → Backups and recovery: check the book, back it up, restore a backup, rebuild a damaged
book — what a rep needs after a dropped laptop, without a terminal.

Every file operation runs on the worker (``crmdesk.ui.maintenance``); the dialog only shows
results. Restoring asks first and keeps the replaced file aside.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.ui import formats
from crmdesk.ui.forms import error_text

if TYPE_CHECKING:
    from crmdesk.db.backup import BackupFile, BackupPolicy
    from crmdesk.db.book import BookInfo
    from crmdesk.db.integrity import CheckReport
    from crmdesk.db.keys import BookKey
    from crmdesk.db.recover import RecoveryReport
    from crmdesk.ui.maintenance import Maintenance


def load_state(path: Path) -> tuple[list[BackupFile], BackupPolicy]:
    """The backups and the policy (worker: it reads the disk)."""
    from crmdesk.db.backup import list_backups, load_policy

    return list_backups(path), load_policy(path)


def _size(n: int) -> str:
    return f"{n / 1024**2:.1f} MB" if n >= 1024**2 else f"{max(n // 1024, 1)} KB"


class MaintenanceDialog(QDialog):
    def __init__(self, maintenance: Maintenance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maintenanceDialog")
        self.maintenance = maintenance
        self.path = maintenance.session.path
        self.backups: list[BackupFile] = []
        self.policy: BackupPolicy | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.check_box = QGroupBox(self)
        self.check_button = QPushButton(self)
        self.check_result = QLabel(self)
        self.check_result.setWordWrap(True)
        self.check_result.setObjectName("checkResult")
        row = QHBoxLayout(self.check_box)
        row.addWidget(self.check_button)
        row.addWidget(self.check_result, 1)

        self.backup_box = QGroupBox(self)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("backupTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.backup_now = QPushButton(self)
        self.restore_button = QPushButton(self)
        self.restore_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectedItems()))
        )
        self.keep_label = QLabel(self)
        self.daily, self.weekly, self.monthly = (QSpinBox(self) for _ in range(3))
        for spin in (self.daily, self.weekly, self.monthly):
            spin.setRange(0, 365)
        self.max_mb = QSpinBox(self)
        self.max_mb.setRange(50, 1_000_000)
        self.max_mb.setSingleStep(100)
        self.daily_label, self.weekly_label, self.monthly_label, self.max_label = (
            QLabel(self) for _ in range(4)
        )
        self.save_policy = QPushButton(self)
        box = QVBoxLayout(self.backup_box)
        box.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        keep = QHBoxLayout()
        keep.addWidget(self.keep_label)
        pairs = (
            (self.daily_label, self.daily),
            (self.weekly_label, self.weekly),
            (self.monthly_label, self.monthly),
            (self.max_label, self.max_mb),
        )
        for label, spin in pairs:
            keep.addWidget(spin)
            keep.addWidget(label)
        keep.addStretch(1)
        keep.addWidget(self.save_policy)
        box.addLayout(keep)

        self.recover_box = QGroupBox(self)
        self.recover_text = QLabel(self)
        self.recover_text.setWordWrap(True)
        self.recover_button = QPushButton(self)
        rec = QHBoxLayout(self.recover_box)
        rec.addWidget(self.recover_text, 1)
        rec.addWidget(self.recover_button)

        self.status = QLabel(self)
        self.status.setObjectName("maintenanceStatus")
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.intro, self.check_box, self.backup_box, self.recover_box, self.status):
            layout.addWidget(w)
        layout.addWidget(close)

        self.check_button.clicked.connect(self.start_check)
        self.backup_now.clicked.connect(self._back_up)
        self.restore_button.clicked.connect(self._restore_selected)
        self.save_policy.clicked.connect(self._save_policy)
        self.recover_button.clicked.connect(self._recover)
        maintenance.backed_up.connect(self._on_backed_up)
        maintenance.checked.connect(self._on_checked)
        maintenance.failed.connect(self._on_failed)
        maintenance.repaired.connect(self._on_recovered)
        self.retranslate()
        self.resize(760, 560)
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups and recovery"))
        self.intro.setText(
            self.tr(
                "The book %1 is backed up automatically, encrypted with its own key, and each "
                "backup is checked after it is written."
            ).replace("%1", self.path.name)
        )
        self.check_box.setTitle(self.tr("Check"))
        self.check_button.setText(self.tr("Check the book"))
        self.backup_box.setTitle(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size")])
        self.backup_now.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore this backup…"))
        self.keep_label.setText(self.tr("Keep:"))
        self.daily_label.setText(self.tr("daily"))
        self.weekly_label.setText(self.tr("weekly"))
        self.monthly_label.setText(self.tr("monthly"))
        self.max_label.setText(self.tr("MB at most"))
        self.save_policy.setText(self.tr("Save"))
        self.recover_box.setTitle(self.tr("Recover"))
        self.recover_text.setText(
            self.tr(
                "If the book is damaged: rebuild it from the company server (an enrolled book) or "
                "the newest good backup, with every record the damaged file still holds. The "
                "damaged file is kept aside."
            )
        )
        self.recover_button.setText(self.tr("Recover the book…"))

    # -- state ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.maintenance.session.runner.op(load_state, self.path).success(self._show_state).run()

    def _show_state(self, state: tuple[list[BackupFile], BackupPolicy]) -> None:
        self.backups, self.policy = state
        self.table.setRowCount(len(self.backups))
        for i, b in enumerate(self.backups):
            self.table.setItem(i, 0, QTableWidgetItem(formats.moment_text(b.taken)))
            self.table.setItem(i, 1, QTableWidgetItem(_size(b.size)))
        self.daily.setValue(self.policy.daily)
        self.weekly.setValue(self.policy.weekly)
        self.monthly.setValue(self.policy.monthly)
        self.max_mb.setValue(max(self.policy.max_bytes // 1024**2, 50))
        if not self.backups:
            self.status.setText(self.tr("No backup yet."))

    # -- actions --------------------------------------------------------------------------------

    def start_check(self) -> None:
        self.check_result.setText(self.tr("Checking every page…"))
        self.maintenance.check()

    def _on_checked(self, report: CheckReport) -> None:
        if report.ok:
            text = self.tr("The book is sound: %n page(s) checked.", "", report.pages)
        elif report.derived_only:
            text = self.tr("Only the search index is damaged; it is being rebuilt.")
        else:
            text = self.tr(
                "The book is damaged (%n page(s)). Recover it: nothing more is written to it.",
                "",
                len(report.bad_pages),
            )
        self.check_result.setText(text)

    def _back_up(self) -> None:
        self.status.setText(self.tr("Backing up…"))
        self.maintenance.back_up_now()

    def _on_backed_up(self, made: BackupFile) -> None:
        self.status.setText(
            self.tr("Backed up and checked: %1.").replace("%1", f"{made.taken.astimezone():%H:%M}")
        )
        self.reload()

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))

    def _save_policy(self) -> None:
        if self.policy is None:
            return
        policy = replace(
            self.policy,
            daily=self.daily.value(),
            weekly=self.weekly.value(),
            monthly=self.monthly.value(),
            max_bytes=self.max_mb.value() * 1024**2,
        )
        from crmdesk.db.backup import save_policy

        self.maintenance.session.runner.op(save_policy, self.path, policy).success(
            lambda _r: self.status.setText(self.tr("Saved."))
        ).failure(self._on_failed).run()

    def _restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self.backups[rows[0].row()]
        answer = QMessageBox.question(
            self,
            self.tr("Restore this backup?"),
            self.tr(
                "The book goes back to how it was at %1. Changes made since are not in the "
                "backup; the current file is kept aside, not deleted."
            ).replace("%1", formats.moment_text(chosen.taken)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.status.setText(self.tr("Restoring…"))

        def work(path: Path, _info: BookInfo, key: BookKey) -> Path:
            from crmdesk.db.backup import restore_backup

            return restore_backup(path, chosen, key)

        self.maintenance.replace_book(work, self._on_restored)

    def _on_restored(self, aside: Path) -> None:
        self.status.setText(
            self.tr("Restored. The file it replaced is kept as %1.").replace("%1", aside.name)
        )
        self.reload()

    def _recover(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Recover the book?"),
            self.tr(
                "crmdesk rebuilds the book in a new file and keeps the current one aside. "
                "This can take a while."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.status.setText(self.tr("Recovering…"))
        keystore = self.maintenance.session.keystore
        self.maintenance.replace_book(
            lambda path, info, key: _recover(path, info, key, keystore), self._on_recovered
        )

    def _on_recovered(self, report: RecoveryReport) -> None:
        if report.lost_anything:
            self.status.setText(
                self.tr("Recovered; some records could not be saved:") + "\n" + report.summary()
            )
        else:
            self.status.setText(self.tr("Recovered. Nothing was lost."))
        self.check_result.setText("")
        self.reload()


def repair(path: Path, info: BookInfo, key: BookKey) -> RecoveryReport:
    """Rebuild the search index and indexes of a book whose records all read back (worker)."""
    from crmdesk.db.recover import repair_derived

    return repair_derived(path, info, key)


def _recover(path: Path, info: BookInfo, key: BookKey, keystore: Any) -> RecoveryReport:
    from crmdesk.db.recover import recover_book

    def pull(book: Any) -> object:
        from crmdesk.sync.client import SyncClient

        client = SyncClient(book, keystore=keystore)
        try:
            return client.pull()
        finally:
            client.close()

    return recover_book(path, info, key, pull=pull)
