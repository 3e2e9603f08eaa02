"""The serial database worker: order, threads, and how failures are sorted."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kommunpolis.domain.errors import InvalidInput, KnownError
from kommunpolis.ui.tasks import DatabaseWorker


@pytest.fixture
def bugs() -> list[BaseException]:
    """Collect what the worker reports as bugs."""
    return []


@pytest.fixture
def worker(bugs: list[BaseException]) -> Iterator[DatabaseWorker]:
    """A running worker whose bugs are collected instead of shown."""
    worker = DatabaseWorker(on_bug=bugs.append)
    yield worker
    worker.stop()


def test_job_runs_on_worker_and_result_arrives_on_gui_thread(
    qtbot: QtBot, qapp: QApplication, worker: DatabaseWorker
) -> None:
    """The job runs off the GUI thread; its callback runs on it."""
    seen: dict[str, object] = {}
    results: list[int] = []

    def job() -> int:
        seen["job_thread"] = threading.get_ident()
        return 42

    def on_success(value: int) -> None:
        seen["callback_is_gui"] = QThread.currentThread() == qapp.thread()
        results.append(value)

    worker.submit(job, on_success)
    qtbot.waitUntil(lambda: results == [42])
    assert seen["callback_is_gui"] is True
    assert seen["job_thread"] != threading.get_ident()


def test_known_error_goes_to_on_failure(qtbot: QtBot, worker: DatabaseWorker) -> None:
    """A KnownError is delivered to on_failure, not to on_success or the crash reporter."""
    failures: list[KnownError] = []
    successes: list[object] = []

    def job() -> None:
        raise InvalidInput("name", "a name is required")

    worker.submit(job, successes.append, failures.append)
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert [type(error) for error in failures] == [InvalidInput]
    assert successes == []


def test_other_exceptions_are_bugs(
    qtbot: QtBot, worker: DatabaseWorker, bugs: list[BaseException]
) -> None:
    """An unexpected exception goes to the crash reporter, not to on_failure."""
    failures: list[KnownError] = []
    worker.submit(lambda: 1 // 0, None, failures.append)
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert failures == []
    assert [type(error) for error in bugs] == [ZeroDivisionError]


def test_known_error_without_any_handler_is_a_bug(
    qtbot: QtBot, worker: DatabaseWorker, bugs: list[BaseException]
) -> None:
    """A KnownError nobody handles is reported rather than silently lost."""

    def job() -> None:
        raise InvalidInput("name", "too long")

    worker.submit(job)
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert [type(error) for error in bugs] == [InvalidInput]


def test_fallback_failure_handler(qtbot: QtBot, bugs: list[BaseException]) -> None:
    """Without on_failure, a KnownError goes to the worker's fallback handler."""
    handled: list[KnownError] = []
    worker = DatabaseWorker(on_bug=bugs.append, on_unhandled_failure=handled.append)
    try:

        def job() -> None:
            raise InvalidInput("role", "unknown")

        worker.submit(job)
        qtbot.waitUntil(lambda: worker.pending == 0)
    finally:
        worker.stop()
    assert [type(error) for error in handled] == [InvalidInput]
    assert bugs == []


def test_jobs_run_and_deliver_in_submission_order(qtbot: QtBot, worker: DatabaseWorker) -> None:
    """Jobs run one at a time, in the order submitted, and report back in that order."""
    ran: list[int] = []
    delivered: list[int] = []
    running = threading.Semaphore(1)

    def job(number: int) -> int:
        assert running.acquire(blocking=False), "two jobs ran at once"
        try:
            # Later jobs are quicker: a pool of threads would finish them first.
            time.sleep((20 - number) / 2000)
            ran.append(number)
            return number
        finally:
            running.release()

    for number in range(20):
        worker.submit(functools.partial(job, number), delivered.append)
    qtbot.waitUntil(lambda: len(delivered) == 20)
    assert ran == list(range(20))
    assert delivered == list(range(20))


def test_busy_changed_brackets_the_work(qtbot: QtBot, worker: DatabaseWorker) -> None:
    """busy_changed says True when work starts and False when the last result arrives."""
    states: list[bool] = []
    worker.busy_changed.connect(states.append)
    gate = threading.Event()
    worker.submit(gate.wait)
    worker.submit(lambda: None)
    assert worker.pending == 2
    gate.set()
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert states == [True, False]


def test_stop_finishes_the_queue_then_refuses_work(bugs: list[BaseException]) -> None:
    """stop() lets queued jobs run to the end; afterwards submit() is a programming error."""
    worker = DatabaseWorker(on_bug=bugs.append)
    ran: list[int] = []

    def slow_job(number: int) -> None:
        time.sleep(0.01)
        ran.append(number)

    for number in range(5):
        worker.submit(functools.partial(slow_job, number))
    worker.stop()
    assert ran == [0, 1, 2, 3, 4]
    assert not worker.running
    with pytest.raises(RuntimeError):
        worker.submit(lambda: None)
    worker.stop()  # a second stop is harmless


def test_results_for_a_destroyed_owner_are_dropped(qtbot: QtBot) -> None:
    """A widget closed while its query ran never gets (or crashes on) the answer."""
    worker = DatabaseWorker()
    owner = QObject()
    delivered: list[object] = []
    release = threading.Event()
    worker.submit(lambda: release.wait(5), delivered.append, owner=owner)
    shiboken6.delete(owner)
    release.set()
    worker.submit(lambda: "after", delivered.append)
    qtbot.waitUntil(lambda: delivered == ["after"], timeout=5000)
    worker.stop()
