"""File > Import contacts…: choose a file, map its columns (the preview shows the first rows as
decoded, under the text encoding found, so a wrong guess is seen and changed before anything is
written), decide on duplicates, see the rows with problems, import, and read the summary.

Threading: reading and planning (``jobs.prepare``/``jobs.replan``) and writing
(``jobs.run_import``) run on the database worker through the :class:`Desk`; a page whose Next
needs one of them starts it, stays put, and moves on from the op's success callback. Nothing
here touches the book directly.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crmdesk.core.importing.fields import TARGETS
from crmdesk.core.importing.phones import DEFAULT_REGION
from crmdesk.core.importing.plan import CHOICES, Choice, Duplicate, ImportPlan, ImportResult
from crmdesk.core.importing.table import FileFormat, SourceTable
from crmdesk.core.vocab import GENDERS
from crmdesk.db.transfer.audit import record_transfer
from crmdesk.db.transfer.exporting import write_error_report
from crmdesk.ui.desk import Desk
from crmdesk.ui.formats import list_text
from crmdesk.ui.forms import code_text, error_text
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP
from crmdesk.ui.labels import label as vocab_label
from crmdesk.ui.transfer import jobs
from crmdesk.ui.transfer.texts import (
    CHOICE_LABELS,
    FIELD_LABELS,
    IMPORT_PROBLEMS,
    REASON_LABELS,
    label,
)

PREVIEW_ROWS = 20
PERSISTENT_COMBOS = 300
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
_FORMATS: tuple[FileFormat | None, ...] = (None, "vcard", "csv", "xlsx")
# Encodings offered when the detected one reads a file wrong (names Python's codecs know).
ENCODINGS = ("UTF-8", "GB18030", "Big5", "Shift_JIS", "EUC-KR", "Windows-1252", "Windows-1250",
             "Windows-1251", "ISO-8859-2", "UTF-16")  # fmt: skip
_HOW = {"detected": QT_TRANSLATE_NOOP("ImportWizard", "detected"),
        "given": QT_TRANSLATE_NOOP("ImportWizard", "as chosen"),
        "bom": QT_TRANSLATE_NOOP("ImportWizard", "marked in the file"),
        "utf-8": QT_TRANSLATE_NOOP("ImportWizard", "valid UTF-8"),
        "ascii": QT_TRANSLATE_NOOP("ImportWizard", "plain ASCII")}  # fmt: skip


def _encoding_box(parent: QWidget, automatic: str) -> QComboBox:
    box = QComboBox(parent)
    box.addItem(automatic, None)
    for name in ENCODINGS:
        box.addItem(name, name)
    return box


def _item(text: Any, *, editable: bool = False) -> QStandardItem:
    item = QStandardItem("" if text is None else str(text))
    item.setEditable(editable)
    return item


def _table_view(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


class _Page(QWizardPage):
    """A page whose Next may have to wait for the worker."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("pageStatus")

    def show_error(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self.wiz.set_busy(False)


class FilePage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("vCard files from phones and address books, CSV or Excel sheets."))
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.format = QComboBox(self)
        for fmt, text in zip(
            _FORMATS,
            (self.tr("From the file name"), "vCard", "CSV", "Excel (.xlsx)"),
            strict=True,
        ):
            self.format.addItem(text, fmt)
        self.sheet = QLineEdit(self)
        self.sheet.setPlaceholderText(self.tr("the first sheet"))
        self.encoding = _encoding_box(self, self.tr("Detect automatically"))
        self.encoding.setObjectName("fileEncoding")
        self.region = QLineEdit(DEFAULT_REGION, self)
        self.region.setMaxLength(2)
        self.region.setToolTip(
            self.tr("Phone numbers without a country code are read as this region's")
        )
        form = QFormLayout()
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Excel sheet:"), self.sheet)
        form.addRow(self.tr("Text encoding:"), self.encoding)
        form.addRow(self.tr("Phone region:"), self.region)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import contacts"),
            self.path.text(),
            self.tr("Contact files (*.vcf *.vcard *.csv *.txt *.tsv *.xlsx);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        key = (self.path.text().strip(), self.format.currentData(), self.sheet.text().strip(),
               self.region.text().strip().upper(), self.encoding.currentData())  # fmt: skip
        if self.wiz.prepared is not None and self.wiz.prepared_for == key:
            return True
        self.status.setText(self.tr("Reading the file…"))
        self.wiz.set_busy(True)

        def done(prepared: jobs.Prepared) -> None:
            self.status.clear()
            self.wiz.accept_prepared(prepared, key)
            QTimer.singleShot(0, self.wiz.next)

        self.wiz.desk.read(
            jobs.prepare, Path(key[0]).expanduser(), key[1], key[2], key[3], key[4]
        ).success(done).failure(self.show_error).run()
        return False


class MappingPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Choose which contact field each column of the file goes to."))
        self.mapping_model = QStandardItemModel(self)
        self.mapping_view = _table_view(self)
        self.mapping_view.setObjectName("mappingView")
        self.mapping_view.setModel(self.mapping_model)
        self.mapping_view.setItemDelegateForColumn(2, _ChoiceDelegate(self, FIELD_LABELS, ""))
        self.mapping_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.preview_model = QStandardItemModel(self)
        self.preview = _table_view(self)
        self.preview.setObjectName("previewView")
        self.preview.setModel(self.preview_model)
        self.preview.horizontalHeader().setStretchLastSection(False)
        self.summary = QLabel(self)
        self.encoding_text = QLabel(self)
        self.encoding_text.setObjectName("previewEncoding")
        self.encoding_text.setWordWrap(True)
        self.encoding = _encoding_box(self, self.tr("Another encoding…"))
        self.encoding.setObjectName("previewEncodingChoice")
        self.encoding.activated.connect(lambda _i: self.reread(self.encoding.currentData()))
        encoding_row = QHBoxLayout()
        encoding_row.setContentsMargins(0, 0, 0, 0)
        encoding_row.addWidget(self.encoding_text, 1)
        encoding_row.addWidget(self.encoding)
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addLayout(encoding_row)
        preview_layout.addWidget(self.preview, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.mapping_view)
        split.addWidget(preview_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        table = self.wiz.table
        assert table is not None
        self.mapping_model.clear()
        self.mapping_model.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First value"), self.tr("Goes to")]
        )
        first = table.rows[0].cells if table.rows else ()
        for index, column in enumerate(table.columns):
            target = table.mapping.get(index, "")
            choice = _item(label(FIELD_LABELS, target), editable=True)
            choice.setData(target, CHOICE_ROLE)
            sample = first[index] if index < len(first) else ""
            self.mapping_model.appendRow(
                [_item(column or f"#{index + 1}"), _item(sample.replace("\n", " ")), choice]
            )
        self.mapping_view.resizeColumnsToContents()
        self.mapping_view.setColumnWidth(2, max(self.mapping_view.columnWidth(2), 160))
        # Combos shown, not hidden behind a click: a file has tens of columns, not thousands.
        for line in range(self.mapping_model.rowCount()):
            self.mapping_view.openPersistentEditor(self.mapping_model.index(line, 2))
        self.preview_model.clear()
        self.preview_model.setHorizontalHeaderLabels(
            [self.tr("Row"), *(c or f"#{i + 1}" for i, c in enumerate(table.columns))]
        )
        for row in table.preview(PREVIEW_ROWS):
            cells = [c.replace("\n", " ")[:80] for c in row.cells]
            self.preview_model.appendRow([_item(row.number), *(_item(c) for c in cells)])
        self.preview.resizeColumnsToContents()
        self._show_encoding(table)
        self._show_counts(self.wiz.plan)

    def _show_encoding(self, table: SourceTable) -> None:
        shown = table.encoding is not None
        self.encoding_text.setVisible(shown)
        self.encoding.setVisible(shown)
        if not shown:
            return
        how = _HOW.get(table.encoding_how or "")
        text = self.tr("Read as %1 (%2). Check the names below: if they look wrong, choose the "
                       "file's encoding.")  # fmt: skip
        text = text.replace("%1", str(table.encoding)).replace(
            "%2", QCoreApplication.translate("ImportWizard", how) if how else ""
        )
        if table.charsets:
            text += " " + self.tr("Cards that name their own charset: %1.").replace(
                "%1", list_text(table.charsets)
            )
        self.encoding_text.setText(text)
        self.encoding.setCurrentIndex(0)

    def reread(self, encoding: str | None) -> None:
        """Read the file again in ``encoding`` and show its rows (nothing is written)."""
        key = self.wiz.prepared_for
        if encoding is None or key is None:
            return
        new_key = (*key[:4], encoding)
        self.status.setText(self.tr("Reading the file as %1…").replace("%1", encoding))
        self.wiz.set_busy(True)

        def done(prepared: jobs.Prepared) -> None:
            self.status.clear()
            self.wiz.accept_prepared(prepared, new_key)
            self.wiz.file_page.encoding.setCurrentIndex(
                max(0, self.wiz.file_page.encoding.findData(encoding))
            )
            self.initializePage()

        self.wiz.desk.read(
            jobs.prepare, Path(key[0]).expanduser(), key[1], key[2], key[3], encoding
        ).success(done).failure(self.show_error).run()

    def _show_counts(self, plan: ImportPlan | None) -> None:
        if plan is None:
            return
        self.summary.setText(
            self.tr("%1 rows: %2 new, %3 duplicates, %4 rejected, %5 values kept in the notes")
            .replace("%1", f"{plan.total:,}")
            .replace("%2", f"{len(plan.creates):,}")
            .replace("%3", f"{len(plan.duplicates):,}")
            .replace("%4", f"{len(plan.rejected):,}")
            .replace("%5", f"{len(plan.warnings):,}")
        )

    def mapping(self) -> dict[int, str]:
        out = {}
        for row in range(self.mapping_model.rowCount()):
            code = self.mapping_model.item(row, 2).data(CHOICE_ROLE) or ""
            if code:
                out[row] = code
        return out

    def set_target(self, column: int, code: str) -> None:
        """Send ``column`` to ``code`` (as choosing it in the combo does)."""
        item = self.mapping_model.item(column, 2)
        item.setData(code, CHOICE_ROLE)
        item.setText(label(FIELD_LABELS, code))

    def validatePage(self) -> bool:
        mapping = self.mapping()
        if mapping == self.wiz.mapping:
            return True
        table = self.wiz.table
        assert table is not None
        self.status.setText(self.tr("Checking the rows…"))
        self.wiz.set_busy(True)

        def done(prepared: jobs.Prepared) -> None:
            self.status.clear()
            self.wiz.accept_plan(prepared.plan, mapping)
            QTimer.singleShot(0, self.wiz.next)

        plan = self.wiz.plan
        self.wiz.desk.read(
            jobs.replan, table, mapping, plan.region if plan else DEFAULT_REGION,
            plan.source if plan else "",
        ).success(done).failure(self.show_error).run()  # fmt: skip
        return False


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo box over a fixed set of codes; the code lives in CHOICE_ROLE, the label as text."""

    def __init__(self, parent: QWidget, labels: dict[str, str], codes: Any) -> None:
        super().__init__(parent)
        self.labels = labels
        self.codes = ["", *(t.code for t in TARGETS)] if codes == "" else list(codes)

    def createEditor(
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        _index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for code in self.codes:
            combo.addItem(label(self.labels, code), code)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(CHOICE_ROLE) or "")))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        code = editor.currentData() or ""
        model.setData(index, code, CHOICE_ROLE)
        model.setData(index, label(self.labels, code), Qt.ItemDataRole.DisplayRole)


class DuplicatesPage(_Page):
    choices_changed = Signal()

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Duplicates"))
        self.setSubTitle(
            self.tr("These rows match a contact in the book or an earlier row of the file. "
                    "Merging fills empty fields and adds new phones, e-mails and tags; it never "
                    "overwrites a value the book has.")
        )  # fmt: skip
        self.model = QStandardItemModel(self)
        self.view = _table_view(self)
        self.view.setObjectName("duplicatesView")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(4, _ChoiceDelegate(self, CHOICE_LABELS, CHOICES))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.diff = QTextBrowser(self)
        self.diff.setObjectName("duplicateDiff")
        self.all_choice = QComboBox(self)
        for code in CHOICES:
            self.all_choice.addItem(label(CHOICE_LABELS, code), code)
        apply_all = QPushButton(self.tr("Apply to all"), self)
        apply_all.clicked.connect(lambda: self.set_all(self.all_choice.currentData()))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("For every duplicate:"), self))
        row.addWidget(self.all_choice)
        row.addWidget(apply_all)
        row.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.diff)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        plan = self.wiz.plan
        assert plan is not None
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("In the file"), self.tr("Matches"), self.tr("Why"),
             self.tr("Action")]
        )  # fmt: skip
        for dup in plan.duplicates:
            where = (
                self.tr("row %1").replace("%1", str(dup.match_row))
                if dup.match_row is not None
                else self.tr("in the book")
            )
            choice = _item(label(CHOICE_LABELS, "merge"), editable=True)
            choice.setData("merge", CHOICE_ROLE)
            self.model.appendRow(
                [_item(dup.number), _item(dup.draft.name), _item(f"{dup.match_name} ({where})"),
                 _item(label(REASON_LABELS, dup.reason)), choice]
            )  # fmt: skip
        self.view.resizeColumnsToContents()
        # Visible combos for a usual file; a huge one keeps click-to-edit (and "Apply to all").
        if self.model.rowCount() <= PERSISTENT_COMBOS:
            for row in range(self.model.rowCount()):
                self.view.openPersistentEditor(self.model.index(row, 4))
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self.show_diff(cur.row())
        )
        if plan.duplicates:
            self.view.selectRow(0)
            self.show_diff(0)
        else:
            self.diff.setPlainText(self.tr("No duplicates: every good row is new."))

    def show_diff(self, row: int) -> None:
        plan = self.wiz.plan
        if plan is None or not 0 <= row < len(plan.duplicates):
            return
        dup: Duplicate = plan.duplicates[row]
        lines = []
        for change in dup.changes:
            name = label(FIELD_LABELS, change.field)
            if change.field == "gender":  # a code: show the word
                change = replace(
                    change,
                    before=vocab_label(GENDERS, change.before) if change.before else "",
                    after=vocab_label(GENDERS, change.after),
                )
            if change.kept:
                text = self.tr("%1: keeps “%2” (the file has “%3”)")
            elif change.before:
                text = self.tr("%1: “%2” becomes “%3”")
            else:
                text = self.tr("%1: adds “%3”")
            lines.append(
                text.replace("%1", name).replace("%2", change.before).replace("%3", change.after)
            )
        self.diff.setPlainText(
            "\n".join(lines) if lines else self.tr("Nothing new: merging changes nothing.")
        )

    def set_all(self, code: str) -> None:
        for row in range(self.model.rowCount()):
            self.set_choice(row, code)

    def set_choice(self, row: int, code: str) -> None:
        item = self.model.item(row, 4)
        item.setData(code, CHOICE_ROLE)
        item.setText(label(CHOICE_LABELS, code))
        editor = self.view.indexWidget(item.index())
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(code)))

    def choices(self) -> dict[int, Choice]:
        out: dict[int, Choice] = {}
        for row in range(self.model.rowCount()):
            number = int(self.model.item(row, 0).text())
            out[number] = self.model.item(row, 4).data(CHOICE_ROLE) or "merge"
        return out


class RejectedPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Rows with problems"))
        self.setSubTitle(
            self.tr("Each row is numbered as in the file. A row without a name is not imported; "
                    "any other bad value is kept as written in the contact's notes.")
        )  # fmt: skip
        self.model = QStandardItemModel(self)
        self.view = _table_view(self)
        self.view.setObjectName("rejectedView")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.save = QPushButton(self.tr("Save error report…"), self)
        self.save.setObjectName("saveReport")
        self.save.clicked.connect(self.save_report)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Import"))

    def initializePage(self) -> None:
        plan = self.wiz.plan
        assert plan is not None
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Field"), self.tr("What happens"), self.tr("Reason")]
        )
        rejected, kept = self.tr("Not imported"), self.tr("Imported; value in the notes")
        problems = sorted(
            [(e, rejected) for e in plan.rejected] + [(e, kept) for e in plan.warnings],
            key=lambda p: p[0].number,
        )
        for error, outcome in problems:
            # The translated sentence where the core's code has one; the full reason (which
            # quotes the bad value) stays at hand as the tooltip.
            text = (
                label(IMPORT_PROBLEMS, error.code)
                if error.code in IMPORT_PROBLEMS
                else code_text(error.code, error.reason)
            )
            reason = _item(text)
            reason.setToolTip(error.reason)
            self.model.appendRow(
                [_item(error.number), _item(label(FIELD_LABELS, error.field)), _item(outcome),
                 reason]
            )  # fmt: skip
        self.view.resizeColumnsToContents()
        self.save.setEnabled(bool(problems))
        choices = self.wiz.duplicates_page.choices()
        merges = sum(1 for c in choices.values() if c == "merge")
        news = sum(1 for c in choices.values() if c == "new")
        self.counts.setText(
            self.tr(
                "Ready: %1 new contacts, %2 merges; %3 rows rejected; %4 values kept in the notes."
            )
            .replace("%1", f"{len(plan.creates) + news:,}")
            .replace("%2", f"{merges:,}")
            .replace("%3", f"{len(plan.rejected):,}")
            .replace("%4", f"{len(plan.warnings):,}")
        )

    def save_report(self, path: str | None = None) -> None:
        plan = self.wiz.plan
        if plan is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save error report"), "import-errors.csv", self.tr("CSV (*.csv)")
            )
            if not path:
                return
        problems = sorted([*plan.rejected, *plan.warnings], key=lambda e: e.number)
        self.wiz.desk.runner.op(write_error_report, Path(path), problems).success(
            lambda _r: self.status.setText(self.tr("Saved %1").replace("%1", str(path)))
        ).failure(self.show_error).run()

    def validatePage(self) -> bool:
        if self.wiz.import_result is not None:
            return True
        plan = self.wiz.plan
        assert plan is not None
        if not plan.good:
            self.status.setText(self.tr("There is nothing to import."))
            return False
        self.status.setText(self.tr("Importing…"))
        self.wiz.set_busy(True)

        def done(result: ImportResult) -> None:
            self.status.clear()
            self.wiz.accept_result(result)
            QTimer.singleShot(0, self.wiz.next)

        self.wiz.desk.write(
            jobs.run_import, plan, self.wiz.duplicates_page.choices(), changes="*"
        ).success(done).failure(self.show_error).run()
        return False


class SummaryPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Imported"))
        self.setSubTitle(self.tr("The book is updated; its lists show the imported contacts."))
        self.text = QLabel(self)
        self.text.setObjectName("importSummary")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.wiz.import_result
        assert result is not None
        self.text.setText(
            self.tr("%1 contacts created, %2 merged, %3 skipped, %4 rejected. %5 new accounts.")
            .replace("%1", f"{result.created:,}")
            .replace("%2", f"{result.merged:,}")
            .replace("%3", f"{result.skipped:,}")
            .replace("%4", f"{result.rejected:,}")
            .replace("%5", f"{result.accounts_created:,}")
        )


class ImportWizard(QWizard):
    """The import, page by page; ``imported`` is emitted with the result after the write."""

    imported = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import contacts"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.table: SourceTable | None = None
        self.plan: ImportPlan | None = None
        self.mapping: dict[int, str] = {}
        self.prepared: jobs.Prepared | None = None
        self.prepared_for: tuple[Any, ...] | None = None
        self.import_result: ImportResult | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.duplicates_page = DuplicatesPage(self)
        self.rejected_page = RejectedPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.file_page, self.mapping_page, self.duplicates_page,
                     self.rejected_page, self.summary_page):  # fmt: skip
            self.addPage(page)
        self.resize(820, 560)

    def set_busy(self, busy: bool) -> None:
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def accept_prepared(self, prepared: jobs.Prepared, key: tuple[Any, ...]) -> None:
        self.set_busy(False)
        self.prepared = prepared
        self.prepared_for = key
        self.table = prepared.table
        self.accept_plan(prepared.plan, dict(prepared.table.mapping))

    def accept_plan(self, plan: ImportPlan, mapping: dict[int, str]) -> None:
        self.set_busy(False)
        self.plan = plan
        self.mapping = mapping

    def accept_result(self, result: ImportResult) -> None:
        self.set_busy(False)
        self.import_result = result
        book = self.desk.book
        if book is not None:
            self.desk.runner.op(record_transfer, book, "import", "contacts", result.written).run()
        self.imported.emit(result)
