"""The unlocked book as the GUI sees it: every database call becomes an :class:`Op` on the worker.

Widgets and models never hold a session and never write SQL: they name a query or service function
(``crmdesk.db.browse``, ``crmdesk.db.services``) and get its plain result on the GUI thread::

    desk.read(browse.contact_ids, filt, sort=sort).key("contacts").success(self._on_ids).run()
    desk.write(contacts.delete_contact, changes="contact", contact_id=cid).success(done).run()

``read`` runs the function in a read transaction, ``write`` in a write transaction that commits
when the function returns, and then emits :attr:`Desk.changed` with the kind it ``changes``, so
every view of that kind refreshes (data never changes without a signal).

Locking drops the desk: :meth:`close` queues the book's closing behind the tasks already started
(they finish on the open book), and from then on every new op fails with a ``BookError``. The key
lives only inside the book's engine, which the close disposes of.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from crmdesk.ui.tasks import Op, TaskRunner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crmdesk.db.book import Book

T = TypeVar("T")


class Desk(QObject):
    """An open book plus the runner its work goes through."""

    # A record of this kind ("contact", "account", "interaction", ...) was written.
    changed = Signal(str)

    def __init__(self, book: Book, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._book: Book | None = book
        self.runner = runner
        self.path: Path = book.path
        self.key_source: str = book.info.key_source

    @property
    def is_open(self) -> bool:
        return self._book is not None

    @property
    def book(self) -> Book | None:
        """The open book, for work queued on the worker thread only (None once locked)."""
        return self._book

    def _session_call(
        self, fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any], write: bool
    ) -> Callable[[], T]:
        book = self._book

        def job() -> T:
            # Runs on the worker thread.
            if book is None:
                from crmdesk.core.errors import BookError

                raise BookError("the book is locked")
            session: Session
            if write:
                with book.session() as session, session.begin():
                    return fn(session, *args, **kwargs)
            # A read: the session's implicit transaction is rolled back when it closes.
            with book.session() as session:
                return fn(session, *args, **kwargs)

        return job

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Op[T]:
        """An op running ``fn(session, *args, **kwargs)`` in a read transaction."""
        return self.runner.op(self._session_call(fn, args, kwargs, write=False))

    def write(self, fn: Callable[..., T], *args: Any, changes: str, **kwargs: Any) -> Op[T]:
        """An op running ``fn`` in a write transaction; ``changed(changes)`` follows a success."""
        job = self._session_call(fn, args, kwargs, write=True)
        return self.runner.op(job).after_success(lambda _result: self.changed.emit(changes))

    def close(self, *, forget: bool = True) -> None:
        """Close the book after the tasks already queued; later ops fail as locked.

        ``forget=False`` when the app quits: the process ends and takes the book's memory and
        key with it, so the collection that frees them in a running app (a full pass over the
        heap, 0.1–0.4 s) would only hold up the exit.
        """
        if self._book is None:
            return
        holder = [self._book]
        self._book = None
        if forget:
            self.runner.run_on_worker(lambda: _close_and_forget(holder))
        else:
            self.runner.run_on_worker(lambda: holder.pop().close())


def _close_and_forget(holder: list[Book]) -> None:
    """Close the book and free its engine, and with it the key (worker).

    The engine holds the key in its connection factory. It sits in reference cycles, so only the
    cyclic collector frees it — and the app freezes its long-lived objects out of that
    collector's way (see ``crmdesk.ui.app.build``), which would keep a book opened before a
    freeze alive for good. So: unfreeze, collect, freeze again.
    """
    book = holder.pop()
    book.close()
    del book
    gc.unfreeze()
    gc.collect()
    gc.freeze()
