"""The server half of the sync protocol (see ``docs/sync.md``), one module per part: the book
writer that locks books and hands out sequence numbers, push (idempotent, merged, validated),
pull and restore check, ownership moves, and the tombstone purge.

Every function runs inside the caller's transaction; the caller commits."""

from crmdesk.server.syncing.ownership import move_records, reassign, record_tree
from crmdesk.server.syncing.pull import changed_since, pull, restore_check
from crmdesk.server.syncing.purge import purge
from crmdesk.server.syncing.push import push, quarantine_revoked
from crmdesk.server.syncing.writer import NOTIFY_CHANNEL, BookWriter, change_of, find, lock_book

__all__ = [
    "NOTIFY_CHANNEL",
    "BookWriter",
    "change_of",
    "changed_since",
    "find",
    "lock_book",
    "move_records",
    "pull",
    "purge",
    "push",
    "quarantine_revoked",
    "reassign",
    "record_tree",
    "restore_check",
]
