"""The desktop app (the only package that imports PySide6).

Importing it first checks for a reference-counting bug of PySide6 6.12 under Python 3.11 (see
:mod:`crmdesk.ui._refcount`).
"""

from crmdesk.ui._refcount import guard_singletons

guard_singletons()
