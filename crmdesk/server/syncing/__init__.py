"""The server half of the sync protocol (see ``docs/sync.md``), one module per part: the book
writer that locks books and hands out sequence numbers, push (idempotent, merged, validated),
pull and restore check, ownership moves, and the tombstone purge."""

from crmdesk.server.syncing.push import *  # noqa: F403 - the rename commit; split next
