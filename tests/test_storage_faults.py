"""Storage faults give a clear message and an exit code, never a traceback, and nothing
half-written: a full disk, a read-only store, a store path that cannot be opened or created, a
file that is not a database, output files (`-o`) that cannot be written, and internal errors.

Every fault is real (see tests/faults.py): SQLite itself answers "database or disk is full" or
"attempt to write a readonly database"; /sys refuses new files even to root; /dev/full is full.
On PostgreSQL (a real server, tests/pg.py): no server, no such database, a read-only database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dashboard.cli import EXIT_INTERNAL, EXIT_OK, EXIT_STORAGE, main
from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.values import Qualifier
from dashboard.platform.settings import DATABASE_URL_ENV
from dashboard.store.database import (
    STORE_CORRUPT,
    STORE_FULL,
    STORE_READ_ONLY,
    STORE_UNOPENABLE,
    Store,
    StoreUnavailable,
)
from tests.conftest import SAMPLE_CSV, csv_bytes
from tests.faults import UNWRITABLE_FOLDER, full_disk, integrity, read_only_url
from tests.pg import PostgresServer

PROJECT_ROOT = Path(__file__).resolve().parents[1]
AGENCY = "定海区教育局"
GOOD = (
    f"2019,{AGENCY},专题会议次数,,,2,",
    f"2019,{AGENCY},发布信息条数,火星频道,,12,",  # a warning: unknown channel
)


def many_facts(year: int, n: int = 400) -> Dataset:
    note = "说明" * 40
    facts = [
        Fact(AGENCY, year, "items_published", "gov_portal", f"类别{i}", i, Qualifier.EXACT, note)
        for i in range(n)
    ]
    return Dataset(AGENCY, year, facts)


def small(value: float) -> Dataset:
    fact = Fact(AGENCY, 2019, "meetings", None, None, value, Qualifier.EXACT, None)
    return Dataset(AGENCY, 2019, [fact])


def store_path(db_url: str) -> Path:
    return Path(db_url.removeprefix("sqlite:///"))


def state(store: Store) -> tuple[object, ...]:
    return (store.version_token(), store.current_facts().to_dicts(), store.decks())


@pytest.fixture
def seeded(db_url: str) -> Path:
    """A store holding 2019 version 1; its file."""
    store = Store(db_url)
    store.commit([small(2)], user="seed")
    store.close()
    return store_path(db_url)


@pytest.fixture(autouse=True)
def _chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASHBOARD_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ── the store ───────────────────────────────────────────────────────────────────────────────


def test_a_read_only_store_reads_but_refuses_every_write(
    seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    writable = Store(f"sqlite:///{seeded}")
    writable.commit([small(3)], user="bob")  # version 2, so version 1 can be restored
    writable.close()
    store = Store(read_only_url(seeded))
    try:
        before = state(store)
        assert [v.version for v in store.history()] == [2, 1]  # reading works
        now = datetime.now(UTC)
        writes = [
            lambda: store.commit([small(4)], user="alice"),
            lambda: store.restore(AGENCY, 2019, 1, user="alice"),
            lambda: store.save_deck("周例会", ["hotline"], user="alice"),
            lambda: store.begin_sign_in_attempt(
                "alice", now, since=now - timedelta(minutes=15), lock=lambda _: 0
            ),
        ]
        for write in writes:
            with pytest.raises(StoreUnavailable) as raised:
                write()
            assert raised.value.code == STORE_READ_ONLY
            assert raised.value.location == str(seeded)
            assert "readonly" in raised.value.detail
        assert state(store) == before
    finally:
        store.close()
    # The `file:` URI named the file itself: no stray folder called "file:" was made.
    assert not (tmp_path / "file:").exists()


def test_a_full_disk_refuses_the_commit_and_keeps_the_old_version(seeded: Path) -> None:
    url = f"sqlite:///{seeded}"
    with full_disk():
        store = Store(url)
        try:
            before = state(store)
            with pytest.raises(StoreUnavailable) as raised:
                store.commit([small(3), many_facts(2020)], user="alice")
            assert raised.value.code == STORE_FULL
            assert "full" in raised.value.detail
            assert state(store) == before
        finally:
            store.close()
    assert integrity(seeded) == "ok"
    store = Store(url)  # room again: the same commit goes through
    try:
        assert [r.version for r in store.commit([small(3), many_facts(2020)], user="a")] == [2, 1]
    finally:
        store.close()


def unopenable_urls(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "a-file").write_text("not a folder", "utf-8")
    (tmp_path / "a-folder.sqlite").mkdir()
    return {
        "the store path is a folder": f"sqlite:///{tmp_path / 'a-folder.sqlite'}",
        "its folder cannot be created": f"sqlite:///{tmp_path / 'a-file' / 'sub' / 's.sqlite'}",
        "a read-only store that does not exist": read_only_url(tmp_path / "missing.sqlite"),
        "a folder where nobody may create files": f"sqlite:///{UNWRITABLE_FOLDER / 's.sqlite'}",
    }


@pytest.mark.parametrize(
    "case",
    [
        "the store path is a folder",
        "its folder cannot be created",
        "a read-only store that does not exist",
        "a folder where nobody may create files",
    ],
)
def test_a_store_that_cannot_be_opened(tmp_path: Path, case: str) -> None:
    url = unopenable_urls(tmp_path)[case]
    with pytest.raises(StoreUnavailable) as raised:
        Store(url)
    assert raised.value.code == STORE_UNOPENABLE
    assert raised.value.location.endswith("sqlite")


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("not a url at all", "not a url at all"),
        ("mysql://clerk:s3cret@db.example/x", "mysql://clerk:***@db.example/x"),  # no driver
    ],
)
def test_a_database_url_that_cannot_be_used(url: str, location: str) -> None:
    with pytest.raises(StoreUnavailable) as raised:
        Store(url)
    assert (raised.value.code, raised.value.location) == (STORE_UNOPENABLE, location)
    assert "s3cret" not in str(raised.value.location)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 20)
    with pytest.raises(StoreUnavailable) as raised:
        Store(f"sqlite:///{junk}")
    assert (raised.value.code, raised.value.location) == (STORE_CORRUPT, str(junk))


# ── the command line: store faults ──────────────────────────────────────────────────────────


def test_import_into_a_read_only_store(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, read_only_url(seeded))
    path = tmp_path / "u.csv"
    path.write_bytes(csv_bytes(*GOOD))

    code, out, err = run(capsys, "import", path, "--user", "alice")
    assert code == EXIT_STORAGE
    assert "数据库是只读的，没有写入任何内容" in err and str(seeded) in err
    assert "请检查该文件及其所在文件夹是否允许写入" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in out + err
    assert "已保存" not in out

    code, out, err = run(capsys, "--lang", "en", "import", path, "--json")
    assert code == EXIT_STORAGE
    payload = json.loads(out)  # exactly one JSON object on stdout
    assert payload["ok"] is False and payload["commits"] == []
    [error] = payload["errors"]
    assert error["code"] == "store-read-only"
    assert str(seeded) in error["message"] and error["message"].startswith("The store is read-only")
    assert error["action"]
    # What the validation found is kept: the warning and the dataset that were not saved.
    assert [w["code"] for w in payload["warnings"]] == ["channel-unknown"]
    assert [(d["agency"], d["year"]) for d in payload["datasets"]] == [(AGENCY, 2019)]
    assert "The store is read-only" in err

    check = Store(f"sqlite:///{seeded}")
    try:
        assert [(v.version, v.user) for v in check.history()] == [(1, "seed")]
    finally:
        check.close()


def test_import_on_a_full_disk(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.csv"  # enough figures to need new pages in the file
    rows = (
        f"2020,{AGENCY},发布信息条数,政府门户网站,类别{i},{i},{'说明' * 40}" for i in range(300)
    )
    path.write_bytes(csv_bytes(*rows))
    with full_disk():
        code, out, err = run(capsys, "import", path)
        assert code == EXIT_STORAGE
        assert "数据库所在的磁盘已满，没有写入任何内容" in err and str(seeded) in err
        code, out, err = run(capsys, "--lang", "en", "import", path, "--json")
        assert code == EXIT_STORAGE
        assert json.loads(out)["errors"][-1]["code"] == "store-full"
        assert "The disk holding the store is full" in err
    assert integrity(seeded) == "ok"
    store = Store(f"sqlite:///{seeded}")
    try:
        assert [(v.year, v.version) for v in store.history()] == [(2019, 1)]
    finally:
        store.close()


@pytest.mark.parametrize(
    "argv",
    [
        ("history",),
        ("history", "--json"),
        ("export", "--format", "csv", "-o", "{tmp}/out.csv"),
        ("restore", AGENCY, "2019", "1"),
        ("seed",),
        ("deck", "--agency", AGENCY, "--year", "2019", "-o", "{tmp}/d.pptx"),
    ],
)
def test_every_command_reports_a_store_that_cannot_be_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch, argv: tuple[str, ...]
) -> None:
    folder = tmp_path / "store-is-a-folder.sqlite"
    folder.mkdir()
    monkeypatch.setenv(DATABASE_URL_ENV, f"sqlite:///{folder}")
    code, out, err = run(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert code == EXIT_STORAGE
    assert f"无法打开数据库：{folder}。" in err and "DASHBOARD_DATABASE_URL" in err
    assert out == "" and "Traceback" not in err
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "d.pptx").exists()


@pytest.mark.parametrize("command", ["import", "validate"])
def test_json_is_one_object_whatever_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch, command: str
) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 100)
    monkeypatch.setenv(DATABASE_URL_ENV, f"sqlite:///{junk}")
    path = tmp_path / "u.csv"
    path.write_bytes(csv_bytes(*GOOD))
    code, out, err = run(capsys, command, path, "--json")
    payload = json.loads(out)
    if command == "validate":  # validating needs no store at all
        assert code == EXIT_OK and payload["ok"] is True
    else:
        assert code == EXIT_STORAGE
        assert [e["code"] for e in payload["errors"]] == ["store-corrupt"]
        assert payload["commits"] == [] and "不是可用的数据库文件" in err


# ── the command line: internal errors ───────────────────────────────────────────────────────


def test_an_internal_error_is_one_line_and_one_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch, db_url: str
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug\nover two lines")

    # The command imports the validator when it runs (not at the CLI's start-up).
    monkeypatch.setattr("dashboard.ingest.validate.validate_file", broken)
    code, out, err = run(capsys, "validate", SAMPLE_CSV, "--json")
    assert code == EXIT_INTERNAL
    payload = json.loads(out)
    assert set(payload) == {"ok", "errors", "warnings", "datasets", "mappings"}
    assert payload["ok"] is False
    [error] = payload["errors"]
    assert error["code"] == "internal-error"
    assert "ZeroDivisionError: a bug over two lines" in error["message"]
    assert err.count("\n") == 1 and err.startswith("程序内部出错：ZeroDivisionError")
    assert "Traceback" not in err

    code, out, err = run(capsys, "import", SAMPLE_CSV)
    assert code == EXIT_INTERNAL and out == "" and err.count("\n") == 1


def test_an_internal_error_while_committing_keeps_the_report(
    capsys: pytest.CaptureFixture[str], monkeypatch, db_url: str
) -> None:
    def broken(self: Store, *args: object, **kwargs: object) -> None:
        raise KeyError("oops")

    monkeypatch.setattr(Store, "commit", broken)
    code, out, err = run(capsys, "--lang", "en", "import", SAMPLE_CSV, "--json")
    assert code == EXIT_INTERNAL
    payload = json.loads(out)
    assert payload["ok"] is False and payload["commits"] == []
    assert [e["code"] for e in payload["errors"]] == ["internal-error"]
    assert len(payload["datasets"]) == 1
    assert err.startswith("Internal error: KeyError: 'oops'")


# ── the command line: output files ──────────────────────────────────────────────────────────


@pytest.fixture
def with_data(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SAMPLE_CSV)]) == EXIT_OK
    capsys.readouterr()


def output_cases(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("x", "utf-8")
    return {
        "missing folder": (
            tmp_path / "missing" / "out.x",
            f"文件夹 {tmp_path / 'missing'} 不存在，未写入任何内容。请先创建该文件夹",
        ),
        "a folder in the way": (tmp_path / "a-folder", "无法写入"),
        "a file where the folder should be": (tmp_path / "a-file" / "out.x", "无法写入"),
        "a folder nobody may write": (UNWRITABLE_FOLDER / "out.x", "无法写入"),
        "a full disk": (Path("/dev/full"), "磁盘已满，未写入任何内容"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing folder",
        "a folder in the way",
        "a file where the folder should be",
        "a folder nobody may write",
        "a full disk",
    ],
)
@pytest.mark.parametrize("command", ["export", "template", "deck"])
def test_output_files_that_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], with_data: None, case: str, command: str
) -> None:
    target, words = output_cases(tmp_path)[case]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    argv = {
        "export": ["export", "--format", "csv"],
        "template": ["template", "--format", "xlsx"],
        "deck": ["deck", "--agency", AGENCY, "--year", "2019"],
    }[command]
    code, out, err = run(capsys, *argv, "-o", target)
    assert code == EXIT_STORAGE
    assert words in err and str(target) in err
    assert out == "" and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # no file, no temporary left


def test_an_output_file_is_replaced_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], with_data: None
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    assert run(capsys, "export", "--format", "csv", "-o", target)[0] == EXIT_OK
    assert target.read_bytes().decode("utf-8-sig").startswith("年度,单位,指标")
    assert target.stat().st_mode & 0o777 == 0o640  # its mode is kept
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary
    fresh = tmp_path / "new.csv"
    assert run(capsys, "template", "--format", "csv", "-o", fresh)[0] == EXIT_OK
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


def test_english_output_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], with_data: None
) -> None:
    target = tmp_path / "missing" / "out.csv"
    code, _, err = run(capsys, "--lang", "en", "export", "--format", "csv", "-o", target)
    assert code == EXIT_STORAGE
    assert f"the folder {tmp_path / 'missing'} does not exist; nothing was written" in err


# ── a real process ──────────────────────────────────────────────────────────────────────────


def test_a_real_process_on_a_read_only_store(seeded: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        DATABASE_URL_ENV: read_only_url(seeded),
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    env.pop("DASHBOARD_LANG", None)
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", str(SAMPLE_CSV), "--json"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == EXIT_STORAGE
    assert json.loads(done.stdout)["errors"][-1]["code"] == "store-read-only"
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert "数据库是只读的" in done.stderr


# ── PostgreSQL ──────────────────────────────────────────────────────────────────────────────


def test_a_postgres_server_that_is_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No server behind the socket folder: the store cannot be opened, and the message names
    the server without its password."""
    url = f"postgresql+psycopg://clerk:s3cret@/dashboard?host={tmp_path}&port=5432"
    with pytest.raises(StoreUnavailable) as raised:
        Store(url)
    assert raised.value.code == STORE_UNOPENABLE
    assert "s3cret" not in raised.value.location and "clerk:***@" in raised.value.location
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    code, out, err = run(capsys, "history")
    assert code == EXIT_STORAGE
    assert "无法打开数据库" in err and "s3cret" not in out + err and "Traceback" not in err


def test_a_postgres_database_that_does_not_exist(postgres_server: PostgresServer) -> None:
    with pytest.raises(StoreUnavailable) as raised:
        Store(postgres_server.url("no_such_database"))
    assert raised.value.code == STORE_UNOPENABLE
    assert "no_such_database" in raised.value.detail


def test_a_read_only_postgres_database_reads_but_refuses_every_write(
    postgres_server: PostgresServer,
    pg_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A database whose transactions are read-only (as on a standby, or set by an
    administrator): SQLSTATE 25006 is `store-read-only`, reads work, nothing is written."""
    writable = Store(pg_url)
    writable.commit([small(2)], user="seed")
    writable.commit([small(3)], user="bob")
    writable.close()
    name = pg_url.split("@/", 1)[1].split("?", 1)[0]
    postgres_server.execute(
        pg_url, f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'
    )
    store = Store(pg_url)  # nothing to migrate: opening reads only
    try:
        before = state(store)
        assert [v.version for v in store.history()] == [2, 1]
        now = datetime.now(UTC)
        writes = [
            lambda: store.commit([small(4)], user="alice"),
            lambda: store.commit([many_facts(2021)], user="alice"),  # a new dataset
            lambda: store.restore(AGENCY, 2019, 1, user="alice"),
            lambda: store.save_deck("周例会", ["hotline"], user="alice"),
            lambda: store.begin_sign_in_attempt(
                "alice", now, since=now - timedelta(minutes=15), lock=lambda _: 0
            ),
        ]
        for write in writes:
            with pytest.raises(StoreUnavailable) as raised:
                write()
            assert raised.value.code == STORE_READ_ONLY
            assert "read-only" in raised.value.detail
        assert state(store) == before
    finally:
        store.close()
    path = tmp_path / "u.csv"
    path.write_bytes(csv_bytes(*GOOD))
    code, out, err = run(capsys, "import", path, "--user", "alice")
    assert code == EXIT_STORAGE
    assert "数据库是只读的，没有写入任何内容" in err and "Traceback" not in out + err
