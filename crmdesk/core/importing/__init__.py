"""Reading contact files for import (Qt-free, SQLAlchemy-free).

A reader turns a file into a :class:`~crmdesk.core.importing.table.SourceTable`: column names and
rows of raw text, each row numbered as the user sees it in the file (header = row 1 for CSV and
Excel, card 1, 2, ... for vCard). ``fields.guess_mapping`` proposes which column goes to which
contact field; ``drafts.draft_from_row`` turns one row into a checked ``ContactDraft`` or raises a
``RowError`` naming the field. Planning against the book and writing it are in
``crmdesk.db.transfer``.

Modules: table (the shared shapes), source (pick a reader by format, decode bytes), vcard,
delimited (CSV), excel (.xlsx), fields (targets and the header guess), phones, birthdays, drafts.
"""
