"""File > Import contacts… (a wizard) and File > Export… (a dialog).

Reading, planning, writing and exporting all run on the database worker (``Desk.read`` /
``Desk.write``); the widgets get plain dataclasses (``SourceTable``, ``ImportPlan``,
``ImportResult``, ``ExportResult``) back on the GUI thread.
"""

from crmdesk.ui.transfer.export_dialog import ExportDialog
from crmdesk.ui.transfer.import_wizard import ImportWizard

__all__ = ["ExportDialog", "ImportWizard"]
