"""Who may do what: viewer and editor roles, password hashes, sign-in with a shared throttle.

Editors (and named viewers) sign in with a user name and password. Their accounts (role and
Argon2id hash) live in the store's `users` table, written by `python -m dashboard add-user`, so
every app replica signs in against the same accounts. The secrets file (`.streamlit/secrets.toml`)
keeps the deployment's own secrets: the shared viewer password and the OIDC roles. Users still
listed there (`[dashboard.users.*]`, the pre-store form) are imported into the store at start when
the store has no account of that name (`import_file_users`); the store's account always wins.
Viewing is open unless a shared viewer password is set. With OIDC (`st.login`), e-mail addresses
map to roles. Sign-in attempts are counted in the store before the password is checked, so every
app process throttles alike and parallel attempts cannot slip past the limit.
The upload workflow's core functions call `require_editor`, so a role is checked below the UI too.
"""

from __future__ import annotations

import base64
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Protocol

import tomli_w
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import AfterValidator, BaseModel, ConfigDict

from dashboard.domain.config_files import read_toml, shown_path, validated
from dashboard.platform.settings import (  # noqa: F401 (re-exported: the secrets file's place)
    DEFAULT_SECRETS_PATH,
    SECRETS_FILE_ENV,
    load_settings,
)
from dashboard.store.database import Account

SECTION = "dashboard"

MIN_PASSWORD_LENGTH = 8
MAX_FAILURES = 5  # failed sign-ins for one name within FAILURE_WINDOW lock that name …
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_TIME = timedelta(minutes=5)  # … for this long after the last failure

# Sign-in result codes (stable: the UI picks its message by them).
SIGNED_IN = "signed-in"
BAD_CREDENTIALS = "bad-credentials"
THROTTLED = "throttled"

# The throttle key of the shared viewer password: contains a space, so never a user name.
VIEWER_KEY = "viewer password"
ANONYMOUS_VIEWER = "viewer"  # the actor behind the shared viewer password
MAX_NAME_LENGTH = 200  # the store's user_name column

# argon2-cffi's defaults are RFC 9106's low-memory profile (Argon2id, t=3, m=64 MiB, p=4).
_HASHER = PasswordHasher()


class Role(StrEnum):
    VIEWER = "viewer"
    EDITOR = "editor"


@dataclass(frozen=True)
class Actor:
    """Whoever is using the app or a core function: the name goes into the audit record."""

    name: str
    role: Role

    @property
    def is_editor(self) -> bool:
        return self.role is Role.EDITOR


class PermissionDenied(Exception):
    """A viewer (or nobody) asked for something only an editor may do."""


def require_editor(actor: Actor | None) -> Actor:
    """The actor, if an editor; raises PermissionDenied otherwise (the core's own role check)."""
    if actor is None or not actor.is_editor:
        raise PermissionDenied("editor role required")
    return actor


# ── password hashes ─────────────────────────────────────────────────────────────────────────


def hash_password(password: str) -> str:
    """An Argon2id hash (`$argon2id$…`) with a fresh salt."""
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` matches; False (never an exception) for a wrong or malformed hash."""
    if not isinstance(password_hash, str) or not isinstance(password, str):
        return False
    try:
        return _HASHER.verify(password_hash, password)
    # ValueError covers a hash that is not even ASCII (UnicodeEncodeError).
    except (VerificationError, InvalidHashError, ValueError):
        return False


def _dummy_hash() -> str:
    """A well-formed hash with the hasher's own cost that no password matches.

    Unknown user names are verified against it, so they cost the same time as known ones and
    the answer time does not tell which names exist. Built from random bytes, not by hashing,
    so importing this module costs nothing.
    """

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii").rstrip("=")

    h = _HASHER
    params = f"m={h.memory_cost},t={h.time_cost},p={h.parallelism}"
    return f"$argon2id$v=19${params}${b64(os.urandom(h.salt_len))}${b64(os.urandom(h.hash_len))}"


_DUMMY_HASH = _dummy_hash()


# ── settings from the secrets file ──────────────────────────────────────────────────────────


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    password_hash: str = field(repr=False)  # kept out of logs and tracebacks


@dataclass(frozen=True)
class AuthSettings:
    # Users still in the secrets file (the pre-store form): imported into the store at start.
    users: dict[str, User] = field(default_factory=dict)
    viewer_password_hash: str | None = field(default=None, repr=False)
    oidc_roles: dict[str, Role] = field(default_factory=dict)  # lower-cased e-mail → role
    oidc_default_role: Role | None = None

    @property
    def viewer_password_required(self) -> bool:
        return self.viewer_password_hash is not None


def _argon2_hash(value: str) -> str:
    # A password pasted where its hash belongs would otherwise just never match.
    if not value.startswith("$argon2"):
        raise ValueError("password_hash is not an Argon2 hash (use add-user to make one)")
    return value


Argon2Hash = Annotated[str, AfterValidator(_argon2_hash)]
# Never shown in an error message: a "hash" that is not one may be a pasted password.
_HIDDEN_KEYS = frozenset({"password_hash", "viewer_password_hash"})


class _UserEntry(BaseModel):
    # Other keys of a user's table (a display name added by hand) are allowed and kept by
    # add-user; a misspelt role or password_hash still fails, as a missing key.
    model_config = ConfigDict(extra="ignore", frozen=True)

    role: Role
    password_hash: Argon2Hash


class _OidcTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    default_role: Role | None = None
    roles: dict[str, Role] = {}  # e-mail → role


class _DashboardTable(BaseModel):
    """The `[dashboard]` table of the secrets file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    users: dict[str, _UserEntry] = {}
    viewer_password_hash: Argon2Hash | None = None
    oidc: _OidcTable = _OidcTable()


def load_auth_settings(mapping: Mapping[str, Any], source: str = "secrets") -> AuthSettings:
    """Read the `[dashboard]` table of a secrets mapping (st.secrets or a parsed TOML file).

    No table means no users and open viewing. An unknown key, a role, hash or table that is not
    what it should be raises ConfigError (a ValueError) naming `source` and the key, so a typo
    fails at start-up, not at sign-in.
    """
    section = mapping.get(SECTION)
    if section is None:
        return AuthSettings()
    table = validated(
        _DashboardTable, _plain(section), source, prefix=f"{SECTION}.", hidden=_HIDDEN_KEYS
    )
    return AuthSettings(
        users={
            name: User(name=name, role=entry.role, password_hash=entry.password_hash)
            for name, entry in table.users.items()
        },
        viewer_password_hash=table.viewer_password_hash,
        oidc_roles={email.strip().lower(): role for email, role in table.oidc.roles.items()},
        oidc_default_role=table.oidc.default_role,
    )


def _plain(value: Any) -> Any:
    """Mappings (st.secrets' own types) as dicts, for the models; anything else as it is."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _role(value: Any, who: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise ValueError(f"{who}: unknown role {value!r} (allowed: {allowed})") from None


def secrets_path() -> Path:
    """`DASHBOARD_SECRETS_FILE`, or `.streamlit/secrets.toml` in the project (see settings)."""
    return load_settings().secrets_file


def load_secrets_file(path: Path) -> dict[str, Any]:
    """The parsed TOML file; an empty dict when it does not exist. Raises ConfigError (a
    ValueError) naming the file when it is not TOML."""
    return read_toml(path, missing_ok=True)


def load_auth_settings_file(path: Path) -> AuthSettings:
    """The auth settings of a secrets file, errors naming the file."""
    return load_auth_settings(load_secrets_file(path), shown_path(path))


# ── writing a user ──────────────────────────────────────────────────────────────────────────


class CredentialRejected(ValueError):
    """A user name or password add-user refuses; `code` names the rule (a message key suffix)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def check_new_credentials(name: str, password: str) -> None:
    """Raise CredentialRejected unless the name and password may be stored."""
    if (
        not name
        or len(name) > MAX_NAME_LENGTH
        or any(c.isspace() or not c.isprintable() for c in name)
    ):
        raise CredentialRejected(
            "user_name_invalid",
            f"user name {name!r} must be 1 to {MAX_NAME_LENGTH} characters, without spaces",
        )
    if not password:
        raise CredentialRejected("password_empty", "the password is empty")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise CredentialRejected(
            "password_too_short",
            f"the password must have at least {MIN_PASSWORD_LENGTH} characters",
        )


class AccountStore(Protocol):
    """The part of the Store that keeps user accounts."""

    def save_account(self, name: str, role: str, password_hash: str) -> bool: ...

    def add_missing_accounts(self, accounts: Iterable[tuple[str, str, str]]) -> list[str]: ...

    def account(self, name: str) -> Account | None: ...


def save_user(store: AccountStore, name: str, password: str, role: Role | str) -> bool:
    """Create (or replace) the user's account in the store: role and a fresh Argon2id hash.

    Returns whether the user existed before. Raises CredentialRejected (a ValueError) for a bad
    name or password, before anything is written.
    """
    check_new_credentials(name, password)
    role = _role(role, f"user {name!r}")
    return store.save_account(name, role.value, hash_password(password))


def import_file_users(settings: AuthSettings, store: AccountStore) -> list[str]:
    """Copy the users of the secrets file into the store, where it has no account of that name;
    the names copied. Run at start: an account changed in the store since is never overwritten
    by the file's older entry."""
    if not settings.users:
        return []
    return store.add_missing_accounts(
        (user.name, user.role.value, user.password_hash) for user in settings.users.values()
    )


def stored_user(store: AccountStore, name: str) -> User | None:
    """The store's account `name` as a User; None when there is none (or its role is not one
    this version knows: such an account cannot sign in)."""
    account = store.account(name)
    if account is None:
        return None
    try:
        role = Role(account.role)
    except ValueError:
        return None
    return User(name=account.name, role=role, password_hash=account.password_hash)


def add_user(path: Path, name: str, password: str, role: Role | str) -> bool:
    """Write (or replace) the user's role and password hash in the secrets file at `path`: the
    pre-store form of an account, which the app imports into the store at start. `add-user`
    writes to the store (`save_user`); this stays for deployments that provision by file.

    Every other table and key of the file is kept (comments are not: TOML is rewritten). The
    file is replaced atomically and readable by its owner only (0600). Returns whether the user
    existed before. Raises CredentialRejected (a ValueError) for a bad name or password.
    """
    check_new_credentials(name, password)
    role = _role(role, f"user {name!r}")
    data = load_secrets_file(path)
    users = _subtable(_subtable(data, SECTION, f"[{SECTION}]"), "users", f"[{SECTION}.users]")
    existed = name in users
    # Keys of the user's table other than these two (added by hand) are kept.
    entry = _subtable(users, name, f"[{SECTION}.users.{name}]")
    entry.update(role=role.value, password_hash=hash_password(password))
    _write_private(path, tomli_w.dumps(data))
    return existed


def _subtable(parent: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = parent.setdefault(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"{where} in the secrets must be a table")
    return value


def _write_private(path: Path, text: str) -> None:
    # mkstemp creates the file 0600, so the hashes are never readable by others, not even
    # briefly; os.replace makes the new file appear whole or not at all.
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# ── signing in ──────────────────────────────────────────────────────────────────────────────


class SignInStore(AccountStore, Protocol):
    """The part of the Store sign-in uses: the accounts, and the throttle's attempts (shared by
    every process)."""

    def begin_sign_in_attempt(
        self,
        name: str,
        at: datetime,
        *,
        since: datetime,
        lock: Callable[[list[datetime]], int],
        forget_before: datetime | None = None,
    ) -> int: ...

    def clear_sign_in_failures(self, name: str) -> None: ...


@dataclass(frozen=True)
class SignInResult:
    ok: bool
    actor: Actor | None
    code: str  # SIGNED_IN, BAD_CREDENTIALS or THROTTLED
    retry_after: int = 0  # seconds until a throttled name may try again


def sign_in(
    store: SignInStore,
    name: str,
    password: str,
    *,
    now: datetime | None = None,
) -> SignInResult:
    """Check a user name and password against the store's accounts, throttled per name.

    The attempt is recorded as a failure *before* the password is verified, in the same write
    transaction that decides whether the name is locked; a success then clears the name's
    failures. So any number of parallel attempts count one by one, and at most MAX_FAILURES of
    them are ever verified within a lock window. A locked name is refused without looking at the
    password, so guessing during the lock learns nothing. A wrong password and an unknown name
    give the same code in the same time, and both count as failures.
    """
    now = now or datetime.now(UTC)
    name = name.strip()
    key = name[:MAX_NAME_LENGTH]  # any typed text is a throttle key; the column has a limit
    wait = _begin_attempt(store, key, now)
    if wait:
        return SignInResult(False, None, THROTTLED, wait)
    user = stored_user(store, name)
    # Verify even for an unknown name, against a hash of the same cost: equal answer times.
    matched = verify_password(user.password_hash if user else _DUMMY_HASH, password)
    if user is None or not matched:
        return SignInResult(False, None, BAD_CREDENTIALS)  # the attempt stays as a failure
    store.clear_sign_in_failures(key)
    return SignInResult(True, Actor(user.name, user.role), SIGNED_IN)


def sign_in_viewer(
    settings: AuthSettings, store: SignInStore, password: str, *, now: datetime | None = None
) -> SignInResult:
    """The shared viewer password, throttled like a user name; the actor is an anonymous viewer.

    With no viewer password set, viewing is open and this signs in without checking anything.
    """
    viewer = Actor(ANONYMOUS_VIEWER, Role.VIEWER)
    if not settings.viewer_password_required:
        return SignInResult(True, viewer, SIGNED_IN)
    now = now or datetime.now(UTC)
    wait = _begin_attempt(store, VIEWER_KEY, now)
    if wait:
        return SignInResult(False, None, THROTTLED, wait)
    if not check_viewer_password(settings, password):
        return SignInResult(False, None, BAD_CREDENTIALS)
    store.clear_sign_in_failures(VIEWER_KEY)
    return SignInResult(True, viewer, SIGNED_IN)


def _begin_attempt(store: SignInStore, key: str, now: datetime) -> int:
    """Record an attempt for `key` unless it is locked; 0, or the seconds it stays locked."""
    return store.begin_sign_in_attempt(
        key,
        now,
        since=now - FAILURE_WINDOW,
        lock=lambda failures: _lock_remaining(failures, now),
        forget_before=now - FAILURE_WINDOW,
    )


def _lock_remaining(failures: list[datetime], now: datetime) -> int:
    """Seconds the name stays locked (0: not locked), given its failures within the window."""
    if len(failures) < MAX_FAILURES:
        return 0
    remaining = (max(failures) + LOCK_TIME - now).total_seconds()
    return max(0, math.ceil(remaining))


def check_viewer_password(settings: AuthSettings, password: str) -> bool:
    """Whether `password` is the shared viewer password; False when none is set (open viewing
    needs no check: ask `settings.viewer_password_required` first)."""
    if settings.viewer_password_hash is None:
        return False
    return verify_password(settings.viewer_password_hash, password)


def role_for_email(settings: AuthSettings, email: str | None) -> Role | None:
    """The role of an OIDC e-mail address (case-insensitive), the default role when it is not
    listed, None when it gets no role (sign-in refused)."""
    if not email or not email.strip():
        return None
    return settings.oidc_roles.get(email.strip().lower(), settings.oidc_default_role)
