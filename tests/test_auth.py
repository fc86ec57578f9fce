"""Roles and sign-in: Argon2id hashes, the secrets file, add-user, the shared sign-in throttle.

Real argon2, real SQLite files under tmp_path, real subprocesses; time is passed in (`now=`),
never slept through.
"""

from __future__ import annotations

import io
import os
import stat
import string
import subprocess
import sys
import time
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from dashboard.cli import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, main
from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.values import Qualifier
from dashboard.i18n import messages
from dashboard.paths import PROJECT_ROOT
from dashboard.platform.auth import (
    BAD_CREDENTIALS,
    DEFAULT_SECRETS_PATH,
    FAILURE_WINDOW,
    LOCK_TIME,
    MAX_FAILURES,
    SECRETS_FILE_ENV,
    SIGNED_IN,
    THROTTLED,
    VIEWER_KEY,
    Actor,
    AuthSettings,
    CredentialRejected,
    PermissionDenied,
    Role,
    add_user,
    check_viewer_password,
    hash_password,
    load_auth_settings,
    load_secrets_file,
    require_editor,
    role_for_email,
    secrets_path,
    sign_in,
    sign_in_viewer,
    verify_password,
)
from dashboard.platform.settings import clear_settings_cache
from dashboard.store.database import Store
from dashboard.store.schema import MIGRATIONS

ALICE_PASSWORD = "correct horse 1"
VIEWER_PASSWORD = "shared-viewing"
T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def settings() -> AuthSettings:
    """alice (editor) and bob (viewer), a viewer password, OIDC roles — hashed once per module."""
    return load_auth_settings(
        {
            "dashboard": {
                "viewer_password_hash": hash_password(VIEWER_PASSWORD),
                "users": {
                    "alice": {"role": "editor", "password_hash": hash_password(ALICE_PASSWORD)},
                    "bob": {"role": "viewer", "password_hash": hash_password("bob-password")},
                },
                "oidc": {
                    "default_role": "viewer",
                    "roles": {"Chief@Dinghai.GOV.cn": "editor"},
                },
            }
        }
    )


def fail(settings: AuthSettings, store: Store, name: str, times: int, at: datetime) -> None:
    for i in range(times):
        result = sign_in(settings, store, name, "wrong password", now=at + timedelta(seconds=i))
        assert result.code == BAD_CREDENTIALS


# ── hashes ──────────────────────────────────────────────────────────────────────────────────


def test_hash_round_trip_is_argon2id_with_a_fresh_salt() -> None:
    first, second = hash_password("s3cret-pass"), hash_password("s3cret-pass")
    assert first.startswith("$argon2id$")
    assert first != second  # salted
    assert "s3cret-pass" not in first
    assert verify_password(first, "s3cret-pass")
    assert verify_password(second, "s3cret-pass")


def test_wrong_password_does_not_verify() -> None:
    stored = hash_password("s3cret-pass")
    assert not verify_password(stored, "s3cret-pasS")
    assert not verify_password(stored, "")


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "s3cret-pass",  # a password pasted where its hash belongs
        "$argon2id$v=19$m=65536",
        "$2b$12$abcdefghijklmnopqrstuv",  # bcrypt
        "$argon2id$v=19$m=65536,t=3,p=4$统一$码",
        None,
    ],
)
def test_malformed_hash_is_false_not_an_exception(bad: object) -> None:
    assert verify_password(bad, "s3cret-pass") is False  # type: ignore[arg-type]


def test_truncated_hash_is_false() -> None:
    stored = hash_password("s3cret-pass")
    assert verify_password(stored[:-6], "s3cret-pass") is False


# ── settings ────────────────────────────────────────────────────────────────────────────────


def test_load_auth_settings_reads_users_viewer_password_and_oidc(settings: AuthSettings) -> None:
    assert set(settings.users) == {"alice", "bob"}
    assert settings.users["alice"].role is Role.EDITOR
    assert settings.users["bob"].role is Role.VIEWER
    assert verify_password(settings.users["alice"].password_hash, ALICE_PASSWORD)
    assert settings.viewer_password_required
    assert settings.oidc_roles == {"chief@dinghai.gov.cn": Role.EDITOR}
    assert settings.oidc_default_role is Role.VIEWER
    # Hashes stay out of reprs (logs, tracebacks).
    assert "$argon2" not in repr(settings)


def test_no_dashboard_table_means_no_users_and_open_viewing() -> None:
    settings = load_auth_settings(
        {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback"}}
    )
    assert settings.users == {}
    assert not settings.viewer_password_required
    assert settings.oidc_roles == {}
    assert role_for_email(settings, "anyone@example.org") is None


def test_unknown_role_names_the_user() -> None:
    table = {"users": {"carol": {"role": "admin", "password_hash": hash_password("x" * 8)}}}
    with pytest.raises(ValueError, match=r"carol.*admin"):
        load_auth_settings({"dashboard": table})


@pytest.mark.parametrize(
    ("table", "pattern"),
    [
        ({"oidc": {"roles": {"a@x.gov.cn": "boss"}}}, r"a@x\.gov\.cn.*boss"),
        ({"oidc": {"default_role": "everyone"}}, r"default_role.*everyone"),
        ({"users": {"dave": {"role": "editor"}}}, r"dave.*password_hash"),
        ({"users": {"erin": {"role": "editor", "password_hash": "hunter22"}}}, r"erin.*Argon2"),
        ({"viewer_password_hash": "plain"}, r"viewer_password_hash.*Argon2"),
        ({"users": "alice"}, r"users.*table"),
    ],
)
def test_bad_settings_fail_loudly(table: dict, pattern: str) -> None:
    with pytest.raises(ValueError, match=pattern):
        load_auth_settings({"dashboard": table})


def test_role_for_email_is_case_insensitive_with_default(settings: AuthSettings) -> None:
    assert role_for_email(settings, " CHIEF@dinghai.gov.cn ") is Role.EDITOR
    assert role_for_email(settings, "clerk@dinghai.gov.cn") is Role.VIEWER
    assert role_for_email(settings, "") is None
    assert role_for_email(settings, None) is None
    strict = load_auth_settings({"dashboard": {"oidc": {"roles": {"a@x.gov.cn": "editor"}}}})
    assert role_for_email(strict, "A@X.gov.cn") is Role.EDITOR
    assert role_for_email(strict, "b@x.gov.cn") is None  # not listed, no default: refused


def test_viewer_password(settings: AuthSettings) -> None:
    assert check_viewer_password(settings, VIEWER_PASSWORD)
    assert not check_viewer_password(settings, ALICE_PASSWORD)
    # No viewer password set: viewing is open, and no password "matches".
    assert not check_viewer_password(AuthSettings(), VIEWER_PASSWORD)


def test_secrets_path_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(SECRETS_FILE_ENV, raising=False)
    assert secrets_path() == DEFAULT_SECRETS_PATH == PROJECT_ROOT / ".streamlit" / "secrets.toml"
    monkeypatch.setenv(SECRETS_FILE_ENV, str(tmp_path / "s.toml"))
    clear_settings_cache()  # settings are read once per process
    assert secrets_path() == tmp_path / "s.toml"


def test_load_secrets_file(tmp_path: Path) -> None:
    assert load_secrets_file(tmp_path / "missing.toml") == {}
    good = tmp_path / "good.toml"
    good.write_text('[dashboard]\nviewer_password_hash = "$argon2id$x"\n', "utf-8")
    assert load_secrets_file(good) == {"dashboard": {"viewer_password_hash": "$argon2id$x"}}
    bad = tmp_path / "bad.toml"
    bad.write_text("[dashboard\n", "utf-8")
    with pytest.raises(ValueError, match=r"bad\.toml"):
        load_secrets_file(bad)


# ── add_user ────────────────────────────────────────────────────────────────────────────────


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_add_user_creates_a_private_file_and_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / ".streamlit" / "secrets.toml"
    assert add_user(path, "alice", ALICE_PASSWORD, Role.EDITOR) is False
    assert mode(path) == 0o600
    settings = load_auth_settings(load_secrets_file(path))
    assert settings.users["alice"].role is Role.EDITOR
    assert settings.users["alice"].password_hash.startswith("$argon2id$")
    assert verify_password(settings.users["alice"].password_hash, ALICE_PASSWORD)
    assert [p.name for p in path.parent.iterdir()] == ["secrets.toml"]  # no temporary left


def test_add_user_keeps_the_rest_of_the_file_and_updates_a_user(tmp_path: Path) -> None:
    path = tmp_path / "secrets.toml"
    path.write_text(
        '[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\n'
        'cookie_secret = "abc"\n\n[auth.microsoft]\nclient_id = "id-1"\n\n'
        '[dashboard]\nviewer_password_hash = "$argon2id$keep"\n\n'
        '[dashboard.oidc.roles]\n"a@x.gov.cn" = "editor"\n\n'
        '[dashboard.users.bob]\nrole = "viewer"\npassword_hash = "$argon2id$bob"\n\n'
        '[dashboard.users.alice]\nrole = "viewer"\npassword_hash = "$argon2id$old"\n'
        'display_name = "Alice Wang"\n',
        "utf-8",
    )
    path.chmod(0o644)
    before = tomllib.loads(path.read_text("utf-8"))

    assert add_user(path, "alice", ALICE_PASSWORD, "editor") is True

    after = load_secrets_file(path)
    assert mode(path) == 0o600
    assert after["auth"] == before["auth"]
    assert after["dashboard"]["viewer_password_hash"] == "$argon2id$keep"
    assert after["dashboard"]["oidc"] == before["dashboard"]["oidc"]
    assert after["dashboard"]["users"]["bob"] == before["dashboard"]["users"]["bob"]
    alice = after["dashboard"]["users"]["alice"]
    assert alice["role"] == "editor"
    assert alice["display_name"] == "Alice Wang"  # a hand-added key of the user survives
    assert alice["password_hash"] != "$argon2id$old"
    assert verify_password(alice["password_hash"], ALICE_PASSWORD)

    # A second change of password: the old one stops working.
    add_user(path, "alice", "another password", Role.EDITOR)
    alice = load_secrets_file(path)["dashboard"]["users"]["alice"]
    assert verify_password(alice["password_hash"], "another password")
    assert not verify_password(alice["password_hash"], ALICE_PASSWORD)


@pytest.mark.parametrize(
    ("name", "password", "code"),
    [
        ("alice", "", "password_empty"),
        ("alice", "1234567", "password_too_short"),
        ("", ALICE_PASSWORD, "user_name_invalid"),
        ("alice wang", ALICE_PASSWORD, "user_name_invalid"),
        ("alice\t", ALICE_PASSWORD, "user_name_invalid"),
        ("a" * 201, ALICE_PASSWORD, "user_name_invalid"),
    ],
)
def test_add_user_rejects_and_writes_nothing(
    tmp_path: Path, name: str, password: str, code: str
) -> None:
    path = tmp_path / "secrets.toml"
    path.write_text('[auth]\ncookie_secret = "abc"\n', "utf-8")
    with pytest.raises(CredentialRejected) as raised:
        add_user(path, name, password, Role.EDITOR)
    assert raised.value.code == code
    assert isinstance(raised.value, ValueError)
    assert path.read_text("utf-8") == '[auth]\ncookie_secret = "abc"\n'


def test_add_user_accepts_exactly_eight_characters(tmp_path: Path) -> None:
    path = tmp_path / "secrets.toml"
    add_user(path, "alice", "12345678", Role.VIEWER)
    assert verify_password(stored_hash(path, "alice"), "12345678")


def test_add_user_rejects_an_unknown_role(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="admin"):
        add_user(tmp_path / "secrets.toml", "alice", ALICE_PASSWORD, "admin")
    assert not (tmp_path / "secrets.toml").exists()


# ── roles ───────────────────────────────────────────────────────────────────────────────────


def test_require_editor() -> None:
    editor = Actor("alice", Role.EDITOR)
    assert editor.is_editor
    assert require_editor(editor) is editor
    viewer = Actor("bob", Role.VIEWER)
    assert not viewer.is_editor
    with pytest.raises(PermissionDenied):
        require_editor(viewer)
    with pytest.raises(PermissionDenied):
        require_editor(None)


# ── sign-in ─────────────────────────────────────────────────────────────────────────────────


def test_sign_in_success_gives_the_actor(settings: AuthSettings, store: Store) -> None:
    result = sign_in(settings, store, "alice", ALICE_PASSWORD)
    assert result.ok and result.code == SIGNED_IN and result.retry_after == 0
    assert result.actor == Actor("alice", Role.EDITOR)
    viewer = sign_in(settings, store, " bob ", "bob-password")  # typed with spaces around
    assert viewer.ok and viewer.actor == Actor("bob", Role.VIEWER)


def test_wrong_password_and_unknown_user_look_the_same(
    settings: AuthSettings, store: Store
) -> None:
    started = time.perf_counter()
    wrong = sign_in(settings, store, "alice", "not the password", now=T0)
    wrong_time = time.perf_counter() - started
    started = time.perf_counter()
    unknown = sign_in(settings, store, "mallory", ALICE_PASSWORD, now=T0)
    unknown_time = time.perf_counter() - started

    assert wrong == unknown
    assert not wrong.ok and wrong.actor is None and wrong.code == BAD_CREDENTIALS
    # Both pay for one Argon2 verification (≈0.1 s); a skipped check would take ~1 ms.
    assert unknown_time > 0.5 * wrong_time
    # Unknown names count as failures too.
    assert len(store.sign_in_failures_since("mallory", T0 - timedelta(seconds=1))) == 1
    assert len(store.sign_in_failures_since("alice", T0 - timedelta(seconds=1))) == 1


def test_five_failures_lock_the_name_even_for_the_right_password(
    settings: AuthSettings, store: Store
) -> None:
    fail(settings, store, "alice", MAX_FAILURES, T0)
    last = T0 + timedelta(seconds=MAX_FAILURES - 1)

    locked = sign_in(settings, store, "alice", ALICE_PASSWORD, now=last + timedelta(seconds=10))
    assert not locked.ok and locked.actor is None and locked.code == THROTTLED
    assert locked.retry_after == LOCK_TIME.total_seconds() - 10
    # The refused attempt is not a failure: it does not push the lock further.
    assert len(store.sign_in_failures_since("alice", T0)) == MAX_FAILURES

    still = sign_in(
        settings, store, "alice", ALICE_PASSWORD, now=last + LOCK_TIME - timedelta(milliseconds=1)
    )
    assert still.code == THROTTLED and still.retry_after == 1

    after = sign_in(settings, store, "alice", ALICE_PASSWORD, now=last + LOCK_TIME)
    assert after.ok and after.code == SIGNED_IN
    # A success forgets the failures: one new mistake does not lock again.
    assert store.sign_in_failures_since("alice", T0) == []
    again = sign_in(settings, store, "alice", "typo", now=last + LOCK_TIME + timedelta(seconds=1))
    assert again.code == BAD_CREDENTIALS


def test_the_lock_is_per_name(settings: AuthSettings, store: Store) -> None:
    fail(settings, store, "mallory", MAX_FAILURES, T0)
    assert sign_in(settings, store, "mallory", "x", now=T0 + timedelta(minutes=1)).code == THROTTLED
    other = sign_in(settings, store, "alice", ALICE_PASSWORD, now=T0 + timedelta(minutes=1))
    assert other.ok


def test_failures_older_than_the_window_do_not_count(settings: AuthSettings, store: Store) -> None:
    fail(settings, store, "alice", MAX_FAILURES - 1, T0)
    later = T0 + FAILURE_WINDOW + timedelta(minutes=1)
    fail(settings, store, "alice", 1, later)
    result = sign_in(settings, store, "alice", ALICE_PASSWORD, now=later + timedelta(seconds=5))
    assert result.ok


def test_failures_are_shared_between_processes(settings: AuthSettings, db_url: str) -> None:
    # Two Store objects on one SQLite file, as two app processes have.
    first, second = Store(db_url), Store(db_url)
    try:
        fail(settings, first, "alice", 3, T0)
        fail(settings, second, "alice", 2, T0 + timedelta(seconds=3))
        assert len(first.sign_in_failures_since("alice", T0)) == MAX_FAILURES
        locked = sign_in(settings, first, "alice", ALICE_PASSWORD, now=T0 + timedelta(seconds=30))
        assert locked.code == THROTTLED
        unlock = T0 + timedelta(seconds=4) + LOCK_TIME
        assert sign_in(settings, second, "alice", ALICE_PASSWORD, now=unlock).ok
        # The success through one process cleared the failures for the other.
        assert first.sign_in_failures_since("alice", T0) == []
    finally:
        first.close()
        second.close()


def test_store_keeps_failure_times_in_utc_order(store: Store) -> None:
    plus8 = datetime(2024, 5, 2, 1, 0, 1, tzinfo=timezone(timedelta(hours=8)))
    store.record_sign_in_failure("alice", T0 + timedelta(seconds=2))
    store.record_sign_in_failure("alice", plus8)  # T0 + 8 h + 1 s, written in another zone
    store.record_sign_in_failure("alice", T0)
    store.record_sign_in_failure("bob", T0)
    times = store.sign_in_failures_since("alice", T0)
    assert times == [T0, T0 + timedelta(seconds=2), T0 + timedelta(hours=8, seconds=1)]
    assert all(t.tzinfo is not None and t.utcoffset() == timedelta(0) for t in times)
    assert store.sign_in_failures_since("alice", T0 + timedelta(seconds=1)) == times[1:]
    store.clear_sign_in_failures("alice")
    assert store.sign_in_failures_since("alice", T0) == []
    assert store.sign_in_failures_since("bob", T0) == [T0]


def test_old_failures_of_any_name_are_forgotten(store: Store) -> None:
    store.record_sign_in_failure("guess-1", T0)
    store.record_sign_in_failure("guess-2", T0 + timedelta(minutes=1))
    later = T0 + timedelta(hours=1)
    store.record_sign_in_failure("guess-3", later, forget_before=later - FAILURE_WINDOW)
    epoch = datetime(2000, 1, 1, tzinfo=UTC)
    assert store.sign_in_failures_since("guess-1", epoch) == []
    assert store.sign_in_failures_since("guess-2", epoch) == []
    assert store.sign_in_failures_since("guess-3", epoch) == [later]


def test_viewer_password_sign_in_is_throttled(settings: AuthSettings, store: Store) -> None:
    assert sign_in_viewer(AuthSettings(), store, "").ok  # open viewing
    for i in range(MAX_FAILURES):
        wrong = sign_in_viewer(settings, store, "guess", now=T0 + timedelta(seconds=i))
        assert wrong.code == BAD_CREDENTIALS
    locked = sign_in_viewer(settings, store, VIEWER_PASSWORD, now=T0 + timedelta(seconds=10))
    assert locked.code == THROTTLED and locked.retry_after > 0
    # The viewer lock is not a user's lock.
    assert sign_in(settings, store, "alice", ALICE_PASSWORD, now=T0 + timedelta(seconds=10)).ok
    ok = sign_in_viewer(settings, store, VIEWER_PASSWORD, now=T0 + timedelta(minutes=6))
    assert ok.ok and ok.actor is not None and ok.actor.role is Role.VIEWER
    assert store.sign_in_failures_since(VIEWER_KEY, T0) == []


# ── migration 0002 ──────────────────────────────────────────────────────────────────────────


def test_migration_0002_is_recorded(store: Store, db_url: str) -> None:
    assert [name for name, _ in MIGRATIONS][:2] == ["0001_initial", "0002_sign_in_failures"]
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as c:
            names = list(c.scalars(sa.text("SELECT name FROM schema_migrations ORDER BY name")))
            indexes = {i["name"] for i in sa.inspect(c).get_indexes("sign_in_failures")}
        assert "0002_sign_in_failures" in names
        assert "ix_sign_in_failures_user_name" in indexes
    finally:
        engine.dispose()


def test_migration_0002_upgrades_a_version_1_database(db_url: str) -> None:
    fact = Fact("定海区教育局", 2019, "meetings_held", None, None, 2.0, Qualifier.EXACT, None, 2)
    old = Store(db_url)
    old.commit([Dataset("定海区教育局", 2019, [fact])], user="a")
    old.close()
    # Turn it back into a database that has seen only 0001.
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as c:
            c.execute(sa.text("DELETE FROM schema_migrations WHERE name = '0002_sign_in_failures'"))
            c.execute(sa.text("DROP TABLE sign_in_failures"))
        with engine.connect() as c:
            assert "sign_in_failures" not in sa.inspect(c).get_table_names()

        upgraded = Store(db_url)
        try:
            upgraded.record_sign_in_failure("alice", T0)
            assert upgraded.sign_in_failures_since("alice", T0) == [T0]
            assert upgraded.dataset_facts("定海区教育局", 2019)[0].value == 2.0  # data kept
        finally:
            upgraded.close()
        with engine.connect() as c:
            rows = c.execute(sa.text("SELECT name FROM schema_migrations ORDER BY name")).all()
        assert [r.name for r in rows][:2] == ["0001_initial", "0002_sign_in_failures"]
    finally:
        engine.dispose()


# ── the add-user command ────────────────────────────────────────────────────────────────────

NEW_CLI_KEYS = [
    "user_added",
    "user_updated",
    "role_editor",
    "role_viewer",
    "password_prompt",
    "password_repeat",
    "password_mismatch",
    "password_empty",
    "password_too_short",
    "user_name_invalid",
    "secrets_invalid",
]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASHBOARD_LANG", raising=False)


def stored_hash(path: Path, name: str) -> str:
    return load_secrets_file(path)["dashboard"]["users"][name]["password_hash"]


def test_cli_reads_the_password_from_a_pipe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], chinese
) -> None:
    path = tmp_path / ".streamlit" / "secrets.toml"
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ALICE_PASSWORD}\r\nsecond line\n"))
    code = main(["add-user", "alice", "--role", "editor", "--secrets", str(path)])
    out, err = capsys.readouterr()
    assert code == EXIT_OK, err
    assert out.strip() == f"已将用户 alice（编辑者）的密码哈希写入 {path}。"
    hashed = stored_hash(path, "alice")
    assert verify_password(hashed, ALICE_PASSWORD)
    assert ALICE_PASSWORD not in out + err and hashed not in out + err
    assert load_auth_settings(load_secrets_file(path)).users["alice"].role is Role.EDITOR
    assert mode(path) == 0o600


def test_cli_updates_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "secrets.toml"
    add_user(path, "bob", "first-password", Role.EDITOR)
    monkeypatch.setattr(sys, "stdin", io.StringIO("second-password\n"))
    code = main(["--lang", "en", "add-user", "bob", "--role", "viewer", "--secrets", str(path)])
    assert code == EXIT_OK
    assert capsys.readouterr().out.strip() == (
        f"Updated the password hash of user bob (viewer) in {path}."
    )
    assert verify_password(stored_hash(path, "bob"), "second-password")
    assert load_auth_settings(load_secrets_file(path)).users["bob"].role is Role.VIEWER


@pytest.mark.parametrize(
    ("stdin", "name", "message"),
    [
        ("short\n", "alice", "密码至少需要 8 个字符，未写入任何内容。"),
        ("\n", "alice", "密码为空，未写入任何内容。"),
        ("", "alice", "密码为空，未写入任何内容。"),
        (f"{ALICE_PASSWORD}\n", "alice wang", "用户名“alice wang”无效"),
    ],
)
def test_cli_rejects_with_exit_1_and_writes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    chinese,
    stdin: str,
    name: str,
    message: str,
) -> None:
    path = tmp_path / "secrets.toml"
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["add-user", name, "--role", "editor", "--secrets", str(path)])
    out, err = capsys.readouterr()
    assert code == EXIT_ERRORS
    assert message in err and out == ""
    assert not path.exists()


def test_cli_asks_twice_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], chinese
) -> None:
    path = tmp_path / "secrets.toml"
    monkeypatch.setattr(sys, "stdin", FakeTerminal())
    answers = iter(["typed-once-1", "typed-once-2"])
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", typed)
    code = main(["add-user", "alice", "--role", "editor", "--secrets", str(path)])
    assert code == EXIT_ERRORS
    assert "两次输入的密码不一致" in capsys.readouterr().err
    assert prompts == ["alice 的密码：", "再次输入密码："]
    assert not path.exists()

    answers = iter(["same-password", "same-password"])
    assert main(["add-user", "alice", "--role", "editor", "--secrets", str(path)]) == EXIT_OK
    assert verify_password(stored_hash(path, "alice"), "same-password")


def test_cli_reports_a_broken_secrets_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "secrets.toml"
    path.write_text("[auth\n", "utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ALICE_PASSWORD}\n"))
    code = main(["--lang", "en", "add-user", "alice", "--role", "editor", "--secrets", str(path)])
    assert code == EXIT_UNREADABLE
    assert f"Cannot use the secrets file {path}" in capsys.readouterr().err
    assert path.read_text("utf-8") == "[auth\n"  # left as it was


def test_cli_as_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "deploy" / "secrets.toml"
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        SECRETS_FILE_ENV: str(path),  # no --secrets: the setting decides where it goes
    }
    env.pop("DASHBOARD_LANG", None)
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "add-user", "alice", "--role", "editor"],
        input=f"{ALICE_PASSWORD}\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert str(path) in done.stdout and "编辑者" in done.stdout
    hashed = stored_hash(path, "alice")
    assert hashed.startswith("$argon2id$")
    assert ALICE_PASSWORD not in done.stdout + done.stderr
    assert hashed not in done.stdout + done.stderr
    assert mode(path) == 0o600
    settings = load_auth_settings(load_secrets_file(path))
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    try:
        assert sign_in(settings, store, "alice", ALICE_PASSWORD).actor == Actor(
            "alice", Role.EDITOR
        )
    finally:
        store.close()


@pytest.mark.parametrize("key", NEW_CLI_KEYS)
def test_cli_messages_exist_in_both_languages(key: str) -> None:
    entry = messages._entry(f"cli.{key}")
    zh, en = entry["zh"], entry["en"]
    assert zh.strip() and en.strip() and zh != en
    fields = {f for _, f, _, _ in string.Formatter().parse(zh) if f}
    assert fields == {f for _, f, _, _ in string.Formatter().parse(en) if f}
