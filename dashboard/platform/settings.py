"""The deployment's settings, in one place, read once per process (documented in README).

They come from `DASHBOARD_*` environment variables (read by pydantic-settings), over
`data/settings.toml` (read by a pydantic model that forbids unknown keys). A value that is not
allowed stops the app or the command at start with a message naming the variable, the value and
what is allowed (`SettingsError`) — never a silent fall back to the default, which would run a
deployment with settings nobody chose.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from dashboard.domain.config_files import ConfigError, key_path, read_toml, shown_path
from dashboard.i18n.messages import DEFAULT_LANG, Lang, t
from dashboard.paths import DATA_DIR, DEFAULT_DATABASE_PATH, PROJECT_ROOT

DATABASE_URL_ENV = "DASHBOARD_DATABASE_URL"
AGENCY_ENV = "DASHBOARD_AGENCY"
DEFAULT_AGENCY_ENV = "DASHBOARD_DEFAULT_AGENCY"
LANG_ENV = "DASHBOARD_LANG"
MAX_UPLOAD_ENV = "DASHBOARD_MAX_UPLOAD_MB"
SECRETS_FILE_ENV = "DASHBOARD_SECRETS_FILE"

DEFAULT_DATABASE_URL = f"sqlite:///{DEFAULT_DATABASE_PATH}"
DEFAULT_MAX_UPLOAD_MB = 20.0
DEFAULT_SECRETS_PATH = PROJECT_ROOT / ".streamlit" / "secrets.toml"
SETTINGS_FILE = DATA_DIR / "settings.toml"


# ── the environment ─────────────────────────────────────────────────────────────────────────


class Environment(BaseSettings):
    """The `DASHBOARD_*` environment variables, checked. An empty variable counts as unset."""

    # Each field names its variable in full (no prefix magic): grep finds them, and a
    # validation error's location is the variable's name.
    model_config = SettingsConfigDict(
        case_sensitive=True, env_ignore_empty=True, extra="forbid", frozen=True
    )

    database_url: str = Field(DEFAULT_DATABASE_URL, validation_alias=DATABASE_URL_ENV)
    agency: str | None = Field(None, validation_alias=AGENCY_ENV)
    default_agency: str | None = Field(None, validation_alias=DEFAULT_AGENCY_ENV)
    lang: Lang = Field(DEFAULT_LANG, validation_alias=LANG_ENV)
    max_upload_mb: float = Field(
        DEFAULT_MAX_UPLOAD_MB, gt=0, allow_inf_nan=False, validation_alias=MAX_UPLOAD_ENV
    )
    secrets_file: Path = Field(DEFAULT_SECRETS_PATH, validation_alias=SECRETS_FILE_ENV)


# What each variable allows, for the message (a key of `settings.allowed.*`); others take text.
_ALLOWED = {LANG_ENV: "lang", MAX_UPLOAD_ENV: "positive_number"}


# ── data/settings.toml ──────────────────────────────────────────────────────────────────────


class _FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ViewSettings(_FileModel):
    default_agency: str | None = None  # overridden by DASHBOARD_DEFAULT_AGENCY


class SettingsFile(_FileModel):
    view: ViewSettings = ViewSettings()


def _known_keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The dotted keys a settings file may hold (`view.default_agency`), for the message."""
    keys = []
    for name, info in model.model_fields.items():
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            keys.extend(_known_keys(kind, f"{prefix}{name}."))
        else:
            keys.append(f"{prefix}{name}")
    return keys


# ── the settings ────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Settings:
    database_url: str
    agency: str | None  # the configured agency: the agency of files without an agency column
    default_agency: str | None  # the agency the dashboard opens on
    lang: Lang  # the command line's language
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB  # larger uploads are refused with a message
    secrets_file: Path = DEFAULT_SECRETS_PATH


class SettingsError(ValueError):
    """A setting that is not allowed. `key` is its message (`settings.invalid`, `settings.unknown`,
    `settings.file_invalid`), `params` plain data naming the setting, its value and what is
    allowed (`allowed`: a `settings.allowed.*` key suffix, or the list of known keys)."""

    def __init__(self, key: str, **params: str) -> None:
        self.key, self.params = key, params
        super().__init__(self.text("en"))

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """What is wrong and what to do, in one line."""
        params = dict(self.params)
        if self.key == "settings.invalid":
            params["allowed"] = t(f"settings.allowed.{params['allowed']}", lang)
        return t(self.key, lang, **params)


def read_settings(path: Path = SETTINGS_FILE) -> Settings:
    """The environment over the settings file, read and checked now; raises SettingsError."""
    env = _environment()
    view = _settings_file(path).view
    return Settings(
        database_url=env.database_url,
        agency=env.agency,
        default_agency=env.default_agency or env.agency or view.default_agency,
        lang=env.lang,
        max_upload_mb=env.max_upload_mb,
        secrets_file=env.secrets_file,
    )


@cache
def load_settings() -> Settings:
    """The settings of this process: read and checked on the first call, then shared (every
    rerun of every session asks for them). Changing one takes a restart."""
    return read_settings()


def clear_settings_cache() -> None:
    """Forget the settings read, so the next `load_settings()` reads them again (tests that
    change the environment)."""
    load_settings.cache_clear()


def _environment() -> Environment:
    try:
        return Environment()
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        name = str(first["loc"][0])
        value, allowed = str(first["input"]), _ALLOWED.get(name, "text")
        raise SettingsError("settings.invalid", name=name, value=value, allowed=allowed) from None


def _settings_file(path: Path) -> SettingsFile:
    shown = shown_path(path)
    try:
        data = read_toml(path, missing_ok=True)
    except ConfigError as error:
        raise SettingsError("settings.file_invalid", path=shown, error=error.detail) from None
    try:
        return SettingsFile.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        key = key_path(first["loc"])
        if first["type"] == "extra_forbidden":
            known = ", ".join(_known_keys(SettingsFile))
            raise SettingsError("settings.unknown", path=shown, name=key, allowed=known) from None
        # Only [view] is a table; every value under it is text.
        allowed = "table" if first["type"] in ("dict_type", "model_type") else "text"
        value = str(first["input"])
        raise SettingsError(
            "settings.invalid", name=f"{shown}: {key}", value=value, allowed=allowed
        ) from None


def current_user() -> str:
    """Who runs the command line, for the audit record when --user is not given."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"
