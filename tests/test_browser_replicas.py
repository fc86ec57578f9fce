"""Two replicas on one PostgreSQL, in a real Chromium (issue 12, item 3).

Two Streamlit app processes are started on one fresh, empty PostgreSQL database (a throwaway
server, tests/pg.py) and their first pages are opened at the same moment, so that both open the
store — migrate and seed — together. Asserted: both serve pages; every named migration is
recorded once and Alembic's version table holds one row, the head revision; the bundled sample
was stored once (version 1 of each sample dataset, nothing more); an editor's upload saved
through replica A is seen by a session of replica B that was open all along, on its next rerun,
without restarting B; no traceback in either log.

Sticky sessions, as behind a proxy (docs/deployment.md): each browser page keeps its websocket
to one replica; what they share is the database only.
"""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, expect

from dashboard.domain.catalogue import default_catalogue
from dashboard.platform.auth import Role, add_user
from dashboard.platform.sample import SAMPLE_USER, validate_samples
from dashboard.store.schema import ALEMBIC_VERSION_TABLE, MIGRATIONS, head_revision
from tests.appserver import AppServer, running_server
from tests.browser_helpers import count_runs, screenshot, wait_until_idle
from tests.test_browser_upload import (
    NEW_YEAR,
    PASSWORD,
    choose_year,
    csv_bytes,
    go_to,
    metric,
    no_exception,
    sign_in_as_alice,
    upload,
    upload_tab,
)

pytestmark = pytest.mark.browser

AGENCY = "定海区教育局"


@pytest.fixture
def replicas(pg_url: str, tmp_path: Path) -> Iterator[tuple[AppServer, AppServer]]:
    """Two app processes on the same fresh PostgreSQL database, sharing a secrets file (one
    editor, alice) as replicas share their deployment's configuration."""
    secrets = tmp_path / "secrets.toml"
    add_user(secrets, "alice", PASSWORD, Role.EDITOR)
    env = {"DASHBOARD_SECRETS_FILE": str(secrets), "DASHBOARD_DEFAULT_AGENCY": AGENCY}
    with ExitStack() as stack:
        # The health check answers before any script runs: neither process has opened the store
        # when both are up; the first pages, opened together below, open it at the same time.
        first = stack.enter_context(running_server(pg_url, env=env, timeout=90))
        second = stack.enter_context(running_server(pg_url, env=env, timeout=90))
        yield first, second


def health(server: AppServer) -> int:
    with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=10) as response:
        return int(response.status)


def test_two_replicas_on_one_postgres_migrate_once_and_see_each_others_commits(
    browser: Browser, pg_url: str, replicas: tuple[AppServer, AppServer]
) -> None:
    a, b = replicas
    assert health(a) == health(b) == 200
    # Neither has touched the database yet: the store is opened by the first script run.
    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as connection:
            tables = sa.inspect(connection).get_table_names()
        assert "schema_migrations" not in tables, tables

        # Both replicas' first pages at once: two processes migrate and seed together.
        editor = browser.new_page(viewport={"width": 1280, "height": 800})
        watcher = browser.new_page(viewport={"width": 1280, "height": 800})
        count_runs(editor)
        count_runs(watcher)
        editor.goto(f"{a.url}/", wait_until="commit")
        watcher.goto(f"{b.url}/", wait_until="commit")
        for page in (editor, watcher):
            wait_until_idle(page)
            main = page.get_by_test_id("stMain")
            expect(main.get_by_text(f"{AGENCY} · 2019")).to_be_visible()
            expect(metric(main, "门户网站发布信息")).to_have_text("400余条")
            no_exception(page)

        with engine.connect() as connection:
            migrations = connection.execute(
                sa.text("SELECT name, count(*) FROM schema_migrations GROUP BY name ORDER BY name")
            ).all()
            revisions = connection.execute(
                sa.text(f"SELECT version_num FROM {ALEMBIC_VERSION_TABLE}")
            ).all()
            seeded = connection.execute(
                sa.text(
                    "SELECT d.agency, d.year, v.version, v.user_name, v.action "
                    "FROM versions v JOIN datasets d ON d.id = v.dataset_id "
                    "ORDER BY d.agency, d.year, v.version"
                )
            ).all()
        # Every migration of the code recorded, each once (one replica applied them; the other
        # waited on the start-up lock and found nothing left to do).
        assert {name for name, _ in migrations} >= {name for name, _ in MIGRATIONS}, migrations
        assert {count for _, count in migrations} == {1}, migrations
        assert [tuple(r) for r in revisions] == [(head_revision(),)]  # Alembic: one row, at head
        samples = sorted(
            (d.agency, d.year)
            for _, report in validate_samples(default_catalogue())
            for d in report.datasets
        )
        # Stored once: one version per sample dataset, by the sample user, and nothing else.
        assert sorted((r.agency, r.year) for r in seeded) == samples
        assert {(r.version, r.user_name, r.action) for r in seeded} == {(1, SAMPLE_USER, "sample")}

        # An editor saves a new year through replica A.
        sign_in_as_alice(editor)
        panel = upload_tab(editor)
        upload(panel, "2020.csv", csv_bytes(*NEW_YEAR, encoding="utf-8"), "text/csv")
        panel.get_by_role("button", name="第四步：保存").click()
        expect(editor.get_by_text(f"已保存：{AGENCY} 2020 年")).to_be_visible(timeout=30_000)
        no_exception(editor)
        editor.close()

        # The session of replica B, open all along, sees it on its next reruns: the year list
        # offers 2020 and its figures are those saved through A. B was not restarted.
        watched = watcher.get_by_test_id("stMain")
        go_to(watcher, "发布渠道")
        expect(watched.get_by_text(f"{AGENCY} · 2019")).to_be_visible()
        choose_year(watcher, "2020")
        go_to(watcher, "总览")
        expect(watched.get_by_text(f"{AGENCY} · 2020")).to_be_visible()
        expect(metric(watched, "门户网站发布信息")).to_have_text("450余条")
        no_exception(watcher)
        screenshot(watcher, "replicas-b-sees-commit-through-a")
        watcher.close()

        with engine.connect() as connection:
            saved = connection.execute(
                sa.text(
                    "SELECT v.version, v.user_name FROM versions v JOIN datasets d "
                    "ON d.id = v.dataset_id WHERE d.agency = :a AND d.year = 2020"
                ),
                {"a": AGENCY},
            ).all()
        assert [tuple(s) for s in saved] == [(1, "alice")]
    finally:
        engine.dispose()

    assert a.process.poll() is None and b.process.poll() is None  # B was never restarted
    for server in (a, b):
        log = server.log()
        assert not re.search(r"Traceback|IntegrityError|UniqueViolation", log), log[-4000:]
