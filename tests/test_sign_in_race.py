"""The sign-in throttle under a crowd: many attempts at the same moment, in threads of one
process and in several processes sharing the store, get at most MAX_FAILURES passwords
verified; all the others are refused as THROTTLED without a verification.

The attempt is recorded in the store before the password is checked, in the write transaction
that decides the lock, so parallel attempts cannot all pass a check made before any of them was
counted. Verifications are counted by wrapping `verify_password` (the real Argon2 check still
runs); real SQLite files and a real PostgreSQL server, real threads, real processes.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from dashboard.platform import auth
from dashboard.platform.auth import (
    BAD_CREDENTIALS,
    LOCK_TIME,
    MAX_FAILURES,
    SIGNED_IN,
    THROTTLED,
    AuthSettings,
    hash_password,
    import_file_users,
    load_auth_settings,
    sign_in,
    sign_in_viewer,
)
from dashboard.store.database import Store

PASSWORD = "correct horse 1"
CROWD = 30


@pytest.fixture(scope="module")
def settings() -> AuthSettings:
    return load_auth_settings(
        {
            "dashboard": {
                "viewer_password_hash": hash_password("shared-viewing"),
                "users": {"alice": {"role": "editor", "password_hash": hash_password(PASSWORD)}},
            }
        }
    )


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """Every race here runs on SQLite and on a real PostgreSQL server."""
    return any_db_url


@pytest.fixture
def store(db_url: str, settings: AuthSettings) -> Iterator[Store]:
    """A fresh store holding alice's account (imported from the settings, as at start)."""
    s = Store(db_url)
    import_file_users(settings, s)
    yield s
    s.close()


def count_verifications() -> tuple[dict[str, int], Callable[[str, str], bool]]:
    """A counting wrapper around the real verify_password, and its counter."""
    real = auth.verify_password
    calls = {"n": 0}
    lock = threading.Lock()

    def counted(password_hash: str, password: str) -> bool:
        with lock:
            calls["n"] += 1
        return real(password_hash, password)

    return calls, counted


def at_once(attempt: Callable[[], Any], n: int) -> list[Any]:
    """Run `attempt` in n threads released together; their results."""
    start = threading.Barrier(n)
    results: list[Any] = [None] * n

    def run(i: int) -> None:
        start.wait()
        results[i] = attempt()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return results


@pytest.mark.parametrize("name", ["alice", "mallory"])  # a known and an unknown name
def test_thirty_threads_get_at_most_five_verifications(
    settings: AuthSettings, store: Store, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    calls, counted = count_verifications()
    monkeypatch.setattr(auth, "verify_password", counted)

    results = at_once(lambda: sign_in(store, name, "wrong password"), CROWD)

    codes = Counter(r.code for r in results)
    assert calls["n"] == MAX_FAILURES
    assert codes == {BAD_CREDENTIALS: MAX_FAILURES, THROTTLED: CROWD - MAX_FAILURES}
    assert all(r.retry_after > 0 for r in results if r.code == THROTTLED)
    # Only the verified attempts count: the refused ones do not lengthen the lock.
    assert len(store.sign_in_failures_since(name, datetime.now(UTC) - timedelta(hours=1))) == 5

    # The right password during the lock is refused, and not even checked.
    locked = sign_in(store, name, PASSWORD)
    assert locked.code == THROTTLED and locked.actor is None
    assert calls["n"] == MAX_FAILURES


def test_the_attempt_is_recorded_before_the_password_is_checked(
    settings: AuthSettings, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real = auth.verify_password
    since = datetime.now(UTC) - timedelta(minutes=1)

    def watching(password_hash: str, password: str) -> bool:
        seen.append(len(store.sign_in_failures_since("alice", since)))
        return real(password_hash, password)

    monkeypatch.setattr(auth, "verify_password", watching)
    assert sign_in(store, "alice", "wrong password").code == BAD_CREDENTIALS
    assert sign_in(store, "alice", "also wrong").code == BAD_CREDENTIALS
    assert sign_in(store, "alice", PASSWORD).code == SIGNED_IN
    assert seen == [1, 2, 3]  # each attempt was in the store while its password was checked
    assert store.sign_in_failures_since("alice", since) == []  # the success cleared them


def test_the_viewer_password_is_throttled_alike(
    settings: AuthSettings, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls, counted = count_verifications()
    monkeypatch.setattr(auth, "verify_password", counted)
    results = at_once(lambda: sign_in_viewer(settings, store, "guess"), CROWD)
    assert calls["n"] == MAX_FAILURES
    assert Counter(r.code for r in results)[THROTTLED] == CROWD - MAX_FAILURES
    assert sign_in_viewer(settings, store, "shared-viewing").code == THROTTLED


def test_the_lock_ends_after_lock_time(settings: AuthSettings, store: Store) -> None:
    t0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    results = at_once(lambda: sign_in(store, "alice", "wrong password", now=t0), MAX_FAILURES + 3)
    assert Counter(r.code for r in results)[BAD_CREDENTIALS] == MAX_FAILURES
    assert sign_in(store, "alice", PASSWORD, now=t0 + LOCK_TIME).ok


# ── several processes ───────────────────────────────────────────────────────────────────────


def _attempts_in_a_process(
    url: str, settings: AuthSettings, threads: int, start: Any, results: Any
) -> None:
    """One app process: its own Store on the shared file, `threads` attempts at once."""
    calls, counted = count_verifications()
    auth.verify_password = counted  # this child process only
    store = Store(url)
    try:
        start.wait(timeout=120)  # every process ready: go together
        codes = at_once(lambda: sign_in(store, "alice", "wrong password").code, threads)
    finally:
        store.close()
    results.put((calls["n"], codes))


def test_several_processes_get_at_most_five_verifications(
    settings: AuthSettings, db_url: str
) -> None:
    ready = Store(db_url)  # the schema and alice's account exist before the crowd arrives
    import_file_users(settings, ready)
    ready.close()
    processes, threads = 5, CROWD // 5
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(processes)
    results = context.Queue()
    children = [
        context.Process(
            target=_attempts_in_a_process, args=(db_url, settings, threads, start, results)
        )
        for _ in range(processes)
    ]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=180) for _ in children]
    for child in children:
        child.join(timeout=60)
        assert child.exitcode == 0

    verified = sum(n for n, _ in outcomes)
    codes = Counter(code for _, process_codes in outcomes for code in process_codes)
    assert verified == MAX_FAILURES
    assert codes == {BAD_CREDENTIALS: MAX_FAILURES, THROTTLED: CROWD - MAX_FAILURES}

    store = Store(db_url)
    try:
        assert sign_in(store, "alice", PASSWORD).code == THROTTLED
    finally:
        store.close()
