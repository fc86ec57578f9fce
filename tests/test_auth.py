"""Roles and sign-in: Argon2id hashes, accounts in the store, the secrets file, add-user, the
shared sign-in throttle (on SQLite and PostgreSQL).

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
from collections.abc import Iterator
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
    import_file_users,
    load_auth_settings,
    load_secrets_file,
    require_editor,
    role_for_email,
    save_user,
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


@pytest.fixture
def db_url(any_db_url: str) -> str:
    """Accounts and the throttle live in the store: every test here runs on SQLite and on
    PostgreSQL."""
    return any_db_url


@pytest.fixture
def store(db_url: str, settings: AuthSettings) -> Iterator[Store]:
    """A fresh store holding alice and bob, imported from the settings' users (as at start)."""
    s = Store(db_url)
    assert sorted(import_file_users(settings, s)) == ["alice", "bob"]
    yield s
    s.close()


def fail(settings: AuthSettings, store: Store, name: str, times: int, at: datetime) -> None:
    for i in range(times):
        result = sign_in(store, name, "wrong password", now=at + timedelta(seconds=i))
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


# ── add_user: the secrets file (the pre-store form, imported at start) ──────────────────────


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
    file_hash = load_secrets_file(path)["dashboard"]["users"]["alice"]["password_hash"]
    assert verify_password(file_hash, "12345678")


def test_add_user_rejects_an_unknown_role(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="admin"):
        add_user(tmp_path / "secrets.toml", "alice", ALICE_PASSWORD, "admin")
    assert not (tmp_path / "secrets.toml").exists()


# ── accounts in the store ───────────────────────────────────────────────────────────────────


def test_save_user_creates_and_updates_an_account(db_url: str) -> None:
    store = Store(db_url)
    try:
        assert save_user(store, "carol", ALICE_PASSWORD, Role.VIEWER) is False
        created = store.account("carol")
        assert created is not None and created.role == "viewer"
        assert verify_password(created.password_hash, ALICE_PASSWORD)
        assert "$argon2" not in repr(created)  # the hash stays out of logs
        # Timezone-aware UTC times on both databases.
        assert created.created_at.utcoffset() == timedelta(0) == created.updated_at.utcoffset()
        assert abs(datetime.now(UTC) - created.created_at) < timedelta(minutes=5)

        assert save_user(store, "carol", "another password", "editor") is True
        updated = store.account("carol")
        assert updated is not None and updated.role == "editor"
        assert updated.created_at == created.created_at  # kept
        assert updated.updated_at >= created.updated_at
        assert sign_in(store, "carol", "another password").actor == Actor("carol", Role.EDITOR)
        assert sign_in(store, "carol", ALICE_PASSWORD).code == BAD_CREDENTIALS
        assert [a.name for a in store.accounts()] == ["carol"]
    finally:
        store.close()


def test_save_user_rejects_before_writing(db_url: str) -> None:
    store = Store(db_url)
    try:
        with pytest.raises(CredentialRejected):
            save_user(store, "carol", "short", Role.EDITOR)
        with pytest.raises(ValueError, match="admin"):
            save_user(store, "carol", ALICE_PASSWORD, "admin")
        assert not store.has_accounts()
    finally:
        store.close()


def test_an_account_saved_through_one_replica_signs_in_through_another(db_url: str) -> None:
    first, second = Store(db_url), Store(db_url)
    try:
        assert sign_in(second, "dave", ALICE_PASSWORD).code == BAD_CREDENTIALS
        save_user(first, "dave", ALICE_PASSWORD, Role.EDITOR)
        assert sign_in(second, "dave", ALICE_PASSWORD).actor == Actor("dave", Role.EDITOR)
    finally:
        first.close()
        second.close()


def test_file_users_are_imported_once_and_never_overwrite_the_store(
    settings: AuthSettings, db_url: str
) -> None:
    store = Store(db_url)
    try:
        save_user(store, "alice", "changed in the store", Role.VIEWER)
        assert import_file_users(settings, store) == ["bob"]  # alice is already in the store
        assert import_file_users(settings, store) == []  # a second start imports nothing
        assert import_file_users(AuthSettings(), store) == []
        alice = sign_in(store, "alice", "changed in the store")
        assert alice.actor == Actor("alice", Role.VIEWER)  # the store's account won
        assert sign_in(store, "alice", ALICE_PASSWORD).code == BAD_CREDENTIALS
        assert sign_in(store, "bob", "bob-password").actor == Actor("bob", Role.VIEWER)
    finally:
        store.close()


def test_an_account_with_a_role_this_version_does_not_know_cannot_sign_in(db_url: str) -> None:
    store = Store(db_url)
    try:
        store.save_account("erin", "admin", hash_password(ALICE_PASSWORD))
        assert sign_in(store, "erin", ALICE_PASSWORD).code == BAD_CREDENTIALS
    finally:
        store.close()


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
    result = sign_in(store, "alice", ALICE_PASSWORD)
    assert result.ok and result.code == SIGNED_IN and result.retry_after == 0
    assert result.actor == Actor("alice", Role.EDITOR)
    viewer = sign_in(store, " bob ", "bob-password")  # typed with spaces around
    assert viewer.ok and viewer.actor == Actor("bob", Role.VIEWER)


def test_wrong_password_and_unknown_user_look_the_same(
    settings: AuthSettings, store: Store
) -> None:
    started = time.perf_counter()
    wrong = sign_in(store, "alice", "not the password", now=T0)
    wrong_time = time.perf_counter() - started
    started = time.perf_counter()
    unknown = sign_in(store, "mallory", ALICE_PASSWORD, now=T0)
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

    locked = sign_in(store, "alice", ALICE_PASSWORD, now=last + timedelta(seconds=10))
    assert not locked.ok and locked.actor is None and locked.code == THROTTLED
    assert locked.retry_after == LOCK_TIME.total_seconds() - 10
    # The refused attempt is not a failure: it does not push the lock further.
    assert len(store.sign_in_failures_since("alice", T0)) == MAX_FAILURES

    still = sign_in(
        store, "alice", ALICE_PASSWORD, now=last + LOCK_TIME - timedelta(milliseconds=1)
    )
    assert still.code == THROTTLED and still.retry_after == 1

    after = sign_in(store, "alice", ALICE_PASSWORD, now=last + LOCK_TIME)
    assert after.ok and after.code == SIGNED_IN
    # A success forgets the failures: one new mistake does not lock again.
    assert store.sign_in_failures_since("alice", T0) == []
    again = sign_in(store, "alice", "typo", now=last + LOCK_TIME + timedelta(seconds=1))
    assert again.code == BAD_CREDENTIALS


def test_the_lock_is_per_name(settings: AuthSettings, store: Store) -> None:
    fail(settings, store, "mallory", MAX_FAILURES, T0)
    assert sign_in(store, "mallory", "x", now=T0 + timedelta(minutes=1)).code == THROTTLED
    other = sign_in(store, "alice", ALICE_PASSWORD, now=T0 + timedelta(minutes=1))
    assert other.ok


def test_failures_older_than_the_window_do_not_count(settings: AuthSettings, store: Store) -> None:
    fail(settings, store, "alice", MAX_FAILURES - 1, T0)
    later = T0 + FAILURE_WINDOW + timedelta(minutes=1)
    fail(settings, store, "alice", 1, later)
    result = sign_in(store, "alice", ALICE_PASSWORD, now=later + timedelta(seconds=5))
    assert result.ok


def test_failures_are_shared_between_processes(settings: AuthSettings, db_url: str) -> None:
    # Two Store objects on one SQLite file, as two app processes have.
    first, second = Store(db_url), Store(db_url)
    try:
        import_file_users(settings, first)
        fail(settings, first, "alice", 3, T0)
        fail(settings, second, "alice", 2, T0 + timedelta(seconds=3))
        assert len(first.sign_in_failures_since("alice", T0)) == MAX_FAILURES
        locked = sign_in(first, "alice", ALICE_PASSWORD, now=T0 + timedelta(seconds=30))
        assert locked.code == THROTTLED
        unlock = T0 + timedelta(seconds=4) + LOCK_TIME
        assert sign_in(second, "alice", ALICE_PASSWORD, now=unlock).ok
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
    assert sign_in(store, "alice", ALICE_PASSWORD, now=T0 + timedelta(seconds=10)).ok
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


def stored_hash(url: str, name: str) -> str:
    store = Store(url)
    try:
        account = store.account(name)
    finally:
        store.close()
    assert account is not None, name
    return account.password_hash


def location(url: str) -> str:
    store = Store(url)
    store.close()
    return store.location


def test_cli_reads_the_password_from_a_pipe(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], chinese
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ALICE_PASSWORD}\r\nsecond line\n"))
    code = main(["add-user", "alice", "--role", "editor"])
    out, err = capsys.readouterr()
    assert code == EXIT_OK, err
    assert out.strip() == f"已将用户 alice（编辑者）的账户写入数据库 {location(db_url)}。"
    hashed = stored_hash(db_url, "alice")
    assert verify_password(hashed, ALICE_PASSWORD)
    assert ALICE_PASSWORD not in out + err and hashed not in out + err
    store = Store(db_url)
    try:
        assert sign_in(store, "alice", ALICE_PASSWORD).actor == Actor("alice", Role.EDITOR)
    finally:
        store.close()


def test_cli_updates_in_english(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(db_url)
    save_user(store, "bob", "first-password", Role.EDITOR)
    store.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO("second-password\n"))
    code = main(["--lang", "en", "add-user", "bob", "--role", "viewer"])
    assert code == EXIT_OK
    assert capsys.readouterr().out.strip() == (
        f"Updated the account of user bob (viewer) in the store {location(db_url)}."
    )
    assert verify_password(stored_hash(db_url, "bob"), "second-password")
    assert not verify_password(stored_hash(db_url, "bob"), "first-password")
    store = Store(db_url)
    try:
        assert stored_user_role(store, "bob") == "viewer"
    finally:
        store.close()


def stored_user_role(store: Store, name: str) -> str | None:
    account = store.account(name)
    return None if account is None else account.role


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
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    chinese,
    stdin: str,
    name: str,
    message: str,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["add-user", name, "--role", "editor"])
    out, err = capsys.readouterr()
    assert code == EXIT_ERRORS
    assert message in err and out == ""
    # Refused before the store was opened: not even the database file was made.
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()


def test_cli_asks_twice_on_a_terminal(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], chinese
) -> None:
    monkeypatch.setattr(sys, "stdin", FakeTerminal())
    answers = iter(["typed-once-1", "typed-once-2"])
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", typed)
    code = main(["add-user", "alice", "--role", "editor"])
    assert code == EXIT_ERRORS
    assert "两次输入的密码不一致" in capsys.readouterr().err
    assert prompts == ["alice 的密码：", "再次输入密码："]
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()

    answers = iter(["same-password", "same-password"])
    assert main(["add-user", "alice", "--role", "editor"]) == EXIT_OK
    assert verify_password(stored_hash(sqlite_url, "alice"), "same-password")


def test_cli_reports_a_store_it_cannot_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-file").write_text("", "utf-8")
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{tmp_path / 'a-file' / 's.sqlite'}")
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ALICE_PASSWORD}\n"))
    code = main(["--lang", "en", "add-user", "alice", "--role", "editor"])
    assert code == 3  # a storage fault, as for every command that opens the store
    err = capsys.readouterr().err
    assert "Cannot open the store" in err and ALICE_PASSWORD not in err


def test_cli_has_no_secrets_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["add-user", "alice", "--role", "editor", "--secrets", "s.toml"])
    assert exited.value.code == EXIT_UNREADABLE


def test_cli_as_a_real_process(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'deploy' / 'store.sqlite'}"
    secrets = tmp_path / "deploy" / "secrets.toml"
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "DASHBOARD_DATABASE_URL": url,  # the store the setting names, as for other commands
        SECRETS_FILE_ENV: str(secrets),
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
    assert "store.sqlite" in done.stdout and "编辑者" in done.stdout
    hashed = stored_hash(url, "alice")
    assert hashed.startswith("$argon2id$")
    assert ALICE_PASSWORD not in done.stdout + done.stderr
    assert hashed not in done.stdout + done.stderr
    assert not secrets.exists()  # the secrets file is not where accounts go any more
    store = Store(url)
    try:
        assert sign_in(store, "alice", ALICE_PASSWORD).actor == Actor("alice", Role.EDITOR)
    finally:
        store.close()


@pytest.mark.parametrize("key", NEW_CLI_KEYS)
def test_cli_messages_exist_in_both_languages(key: str) -> None:
    entry = messages._entry(f"cli.{key}")
    zh, en = entry["zh"], entry["en"]
    assert zh.strip() and en.strip() and zh != en
    fields = {f for _, f, _, _ in string.Formatter().parse(zh) if f}
    assert fields == {f for _, f, _, _ in string.Formatter().parse(en) if f}
