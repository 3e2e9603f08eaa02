"""Run database work on one serial worker thread; deliver results on the GUI thread.

SQLite has one writer and its connections belong to the thread that opened them, so
every job runs on the same thread, one at a time, in submission order. Callbacks are
always called on the GUI thread (through a queued signal), never on the worker, so
they may touch widgets.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal

from kommunpolis.domain.errors import KnownError

log = logging.getLogger(__name__)

T = TypeVar("T")

SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[KnownError], None]
BugHandler = Callable[[BaseException], None]


def report_bug(error: BaseException) -> None:
    """Hand an unexpected exception to ``sys.excepthook`` (the crash reporter)."""
    sys.excepthook(type(error), error, error.__traceback__)


@dataclass(eq=False)
class _Job:
    function: Callable[[], Any]
    on_success: SuccessCallback | None
    on_failure: FailureCallback | None
    owner: QObject | None = None
    result: Any = None
    error: BaseException | None = field(default=None)


class _WorkerThread(QThread):
    """The thread that takes jobs from the queue and runs them."""

    job_finished = Signal(object)

    def __init__(self, jobs: queue.SimpleQueue[_Job | None]) -> None:
        super().__init__()
        self._jobs = jobs
        self.setObjectName("kommunpolis-db-worker")

    def run(self) -> None:  # Qt override
        """Run jobs until the stop marker arrives."""
        threading.current_thread().name = self.objectName()
        while (job := self._jobs.get()) is not None:
            try:
                job.result = job.function()
            except Exception as error:  # delivered to the GUI thread, sorted there
                job.error = error
            # Emitted from this thread to an object living in the GUI thread:
            # Qt queues the call, so the callbacks run on the GUI thread.
            self.job_finished.emit(job)
            # Let go of the job here: otherwise this thread holds its callbacks (and the
            # widgets they capture) until the next job, and may be the one to free them.
            del job


class DatabaseWorker(QObject):
    """One serial worker for database jobs, with success and failure callbacks."""

    busy_changed = Signal(bool)

    def __init__(
        self,
        *,
        on_bug: BugHandler = report_bug,
        on_unhandled_failure: FailureCallback | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_bug = on_bug
        self._on_unhandled_failure = on_unhandled_failure
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._pending = 0
        self._stopped = False
        self._thread = _WorkerThread(self._jobs)
        self._thread.job_finished.connect(self._deliver)
        self._thread.start()

    @property
    def pending(self) -> int:
        """How many submitted jobs have not yet been delivered."""
        return self._pending

    @property
    def running(self) -> bool:
        """Whether jobs are still accepted."""
        return not self._stopped

    def submit(
        self,
        function: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: FailureCallback | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``function`` on the worker; call back on the GUI thread when it is done.

        A ``KnownError`` goes to ``on_failure`` (or the worker's fallback); any other
        exception is a bug and goes to the crash reporter. If ``owner`` (the widget or
        model the callbacks belong to) has been destroyed by then, the result is dropped.
        """
        if self._stopped:
            raise RuntimeError("the database worker has been stopped")
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._jobs.put(_Job(function, on_success, on_failure, owner))

    def stop(self) -> None:
        """Finish the queued jobs, then end the thread; later results are dropped."""
        if self._stopped:
            return
        self._stopped = True
        self._jobs.put(None)
        self._thread.wait()

    def _deliver(self, job: _Job) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if self._stopped:
            if job.error is not None:
                log.warning("dropped after shutdown: %r", job.error, exc_info=job.error)
            return
        if job.owner is not None and not shiboken6.isValid(job.owner):
            log.debug("dropped: its owner was destroyed while the job ran")
            return
        error = job.error
        if error is None:
            if job.on_success is not None:
                job.on_success(job.result)
            return
        if isinstance(error, KnownError):
            log.info("known error from a database job: %s", error)
            handler = job.on_failure or self._on_unhandled_failure
            if handler is not None:
                handler(error)
                return
        self._on_bug(error)
