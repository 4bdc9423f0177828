"""The task runner: one database worker thread, results delivered on the GUI thread.

Modelled on Anki's ``aqt/taskman.py`` (a single-worker executor for the collection) and its
``CollectionOp`` builder. SQLite wants one writer, and a single worker also gives a simple order:
tasks run one after another, in the order they were started.

Threading contract
------------------
* The function given to :meth:`TaskRunner.op` runs on the worker thread. It must not touch any
  ``QObject`` that lives on the GUI thread (widgets, models); it gets plain arguments and returns a
  plain value (a view dataclass, a list of ids).
* ``success`` and ``failure`` callbacks run on the GUI thread, in the order the tasks finished.
* An op started with a ``key`` supersedes any earlier op with the same key: an earlier one that has
  not started yet is skipped, and one that already ran has its result dropped. Search-as-you-type
  uses this so that only the latest query's answer reaches the table.
* ``inline=True`` (tests) runs each function at once on the calling thread and calls the callbacks
  before ``run()`` returns — the FakeThreadPool idea from Picard's test suite.

A failure without a ``failure`` callback goes to the runner's ``unhandled`` handler (the main
window shows it); in inline mode with no handler set it is raised, so a test cannot miss it.

On quit, :meth:`TaskRunner.stop` drops the queued tasks, interrupts the running one (SQLite's
``interrupt``: a query stops, a write rolls back) and waits a bounded time for it: closing the
window never waits for a 100,000-contact load to finish.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

SuccessCallback = Callable[[T], None]
FailureCallback = Callable[[BaseException], None]


@dataclass
class _Delivery:
    """A finished task travelling to the GUI thread."""

    op: Op[Any]
    result: Any = None
    error: BaseException | None = None
    skipped: bool = False


@dataclass
class Op(Generic[T]):
    """One piece of background work and what to do with its outcome (a builder).

    ``runner.op(fn, arg).success(cb).failure(cb).run()``.
    """

    runner: TaskRunner
    fn: Callable[..., T]
    args: tuple[Any, ...]
    _success: SuccessCallback[T] | None = None
    _failure: FailureCallback | None = None
    _key: str | None = None
    _token: int = 0
    _done: Callable[[], None] | None = field(default=None, repr=False)
    _after: list[SuccessCallback[T]] = field(default_factory=list, repr=False)

    def success(self, callback: SuccessCallback[T]) -> Op[T]:
        self._success = callback
        return self

    def failure(self, callback: FailureCallback) -> Op[T]:
        self._failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Op[T]:
        """Called on the GUI thread after success or failure (not when superseded)."""
        self._done = callback
        return self

    def after_success(self, callback: SuccessCallback[T]) -> Op[T]:
        """Also call ``callback`` after the success callback (for announcing changes)."""
        self._after.append(callback)
        return self

    def key(self, key: str) -> Op[T]:
        """Supersede earlier ops with the same key (see the module docstring)."""
        self._key = key
        return self

    def run(self) -> None:
        self.runner._start(self)


class TaskRunner(QObject):
    """Runs database work on one worker thread; see the module docstring for the contract."""

    # Emitted from the worker; connected with a queued connection, so the slot runs on the
    # thread this runner lives on (the GUI thread).
    _finished = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self.inline = inline
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._latest: dict[str, int] = {}
        self._counter = 0
        self._pending = 0
        self._futures: set[Future[Any]] = set()
        self.unhandled: FailureCallback | None = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # -- public -----------------------------------------------------------------------------

    def op(self, fn: Callable[..., T], *args: Any) -> Op[T]:
        return Op(self, fn, args)

    def run_on_worker(self, fn: Callable[[], Any]) -> Future[Any] | None:
        """Queue ``fn`` with no callbacks (e.g. closing the book after the tasks before it)."""
        if self.inline:
            fn()
            return None
        return self._submit(fn)

    @property
    def pending(self) -> int:
        """Tasks started whose callbacks have not run yet."""
        return self._pending

    def is_idle(self) -> bool:
        return self._pending == 0

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop taking work; with ``wait`` finish what is queued first."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=wait, cancel_futures=not wait)

    def stop(self, *, timeout: float, interrupt: Callable[[], None] | None = None) -> bool:
        """Quit promptly: drop every queued task, ``interrupt`` the running one (from this
        thread), and wait up to ``timeout`` seconds for it. True if the worker is idle."""
        executor, self._executor = self._executor, None
        if executor is None:
            return True
        executor.shutdown(wait=False, cancel_futures=True)
        running = {f for f in list(self._futures) if not f.done()}
        if running and interrupt is not None:
            interrupt()
        _done, left = wait_futures(running, timeout=timeout)
        return not left

    # -- internals --------------------------------------------------------------------------

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crmdesk-db")
        return self._executor

    def _start(self, op: Op[Any]) -> None:
        with self._lock:
            self._counter += 1
            op._token = self._counter
            if op._key is not None:
                self._latest[op._key] = op._token
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        if self.inline:
            self._deliver(self._execute(op))
            return
        self._submit(self._work, op)

    def _submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future = self._pool().submit(fn, *args)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        return future

    def _superseded(self, op: Op[Any]) -> bool:
        if op._key is None:
            return False
        with self._lock:
            return self._latest.get(op._key) != op._token

    def _execute(self, op: Op[Any]) -> _Delivery:
        if self._superseded(op):
            return _Delivery(op, skipped=True)
        try:
            return _Delivery(op, result=op.fn(*op.args))
        except Exception as exc:  # handed to the failure callback on the GUI thread
            return _Delivery(op, error=exc)

    def _work(self, op: Op[Any]) -> None:
        # Runs on the worker thread.
        self._finished.emit(self._execute(op))

    @Slot(object)
    def _deliver(self, delivery: _Delivery) -> None:
        # Runs on the GUI thread.
        self._pending -= 1
        try:
            op = delivery.op
            if delivery.skipped or self._superseded(op):
                return
            if delivery.error is not None:
                self._fail(op, delivery.error)
            else:
                if op._success is not None:
                    op._success(delivery.result)
                for callback in op._after:
                    callback(delivery.result)
            if op._done is not None:
                op._done()
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def _fail(self, op: Op[Any], error: BaseException) -> None:
        if op._failure is not None:
            op._failure(error)
            return
        if self.unhandled is not None:
            self.unhandled(error)
            return
        if self.inline:
            raise error
        log.error("background task failed", exc_info=error)
