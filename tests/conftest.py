"""Shared fixtures: the real catalogue, a fresh SQLite store per test, and for the store's own
tests the same on a throwaway PostgreSQL server (tests/pg.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.paths import CATALOGUE_DIR
from dashboard.platform.settings import DATABASE_URL_ENV, clear_settings_cache
from dashboard.store.database import Store
from tests.appserver import CHROMIUM, CHROMIUM_ARGS
from tests.pg import PostgresServer, PostgresUnavailable, start_server

SAMPLE_CSV = Path(__file__).resolve().parents[1] / "data" / "samples" / "dinghai-education-2019.csv"


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Settings are read once per process; each test reads them from its own environment."""
    clear_settings_cache()
    yield
    clear_settings_cache()


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return default_catalogue()


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh SQLite file, also set as DASHBOARD_DATABASE_URL for code that reads it."""
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    monkeypatch.delenv("DASHBOARD_AGENCY", raising=False)
    return url


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """The test's store URL: SQLite. A module whose tests must hold on both databases overrides
    it with `any_db_url` (see tests/test_store.py)."""
    return sqlite_url


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL cluster for the session, started on first use and stopped at the end.
    Unavailable PostgreSQL fails every test that needs it: never a silent skip."""
    try:
        server = start_server()
    except PostgresUnavailable as error:
        pytest.fail(f"PostgreSQL is needed by this test and could not be started: {error}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh PostgreSQL database, set as DASHBOARD_DATABASE_URL; dropped after the test."""
    url = postgres_server.database()
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    monkeypatch.delenv("DASHBOARD_AGENCY", raising=False)
    yield url
    postgres_server.drop(url)


# For a test of a SQLite file itself (a full disk, a read-only file) in a module on both databases.
sqlite_only = pytest.mark.parametrize("any_db_url", ["sqlite"], indirect=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest) -> str:
    """A fresh store URL on each database in turn: the test runs once on SQLite, once on
    PostgreSQL."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    yield s
    s.close()


def csv_bytes(
    *rows: str, header: str = "年度,单位,指标,渠道,类别,数值,备注", encoding: str = "utf-8"
) -> bytes:
    """An upload file from CSV lines (header added)."""
    return ("\n".join([header, *rows]) + "\n").encode(encoding)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for all browser tests; each test opens its own pages."""
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def catalogue_copy(tmp_path: Path) -> Path:
    """A writable copy of data/catalogue, for tests that break it on purpose."""
    target = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE_DIR, target)
    return target


def edit_once(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file (which must be there) by `new`."""
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")
