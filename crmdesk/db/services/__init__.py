"""The services: what the GUI and the CLI do to a book, as keyword-only functions.

Each function takes a SQLAlchemy ``Session`` and leaves the transaction to the caller::

    with book.session() as s, s.begin():
        view = contacts.add_contact(s, name="张伟", tier="A")

Functions return plain views (``crmdesk.core.views``), never ORM objects. Every input is checked
before anything is written; a bad one raises ``ValidationError`` naming its field, a missing record
``NotFoundError``. Edits take ``UNSET`` (the default) for "leave as is". Deletes are soft and
return a ``DeletionView``; the matching ``restore_*`` undoes exactly that delete.

Modules: accounts, contacts, preferences, family, important_dates, interactions, followups,
opportunities, complaints, tiers, lookup (ids and names as a user types them).
"""

from crmdesk.db.services._common import UNSET, Unset

__all__ = ["UNSET", "Unset"]
