"""Settings read from the environment, in one place (documented in README, checked by a test)."""

from __future__ import annotations

import getpass
import os
import tomllib
from dataclasses import dataclass

from dashboard.paths import DATA_DIR
from dashboard.store.database import database_url

AGENCY_ENV = "DASHBOARD_AGENCY"
DEFAULT_AGENCY_ENV = "DASHBOARD_DEFAULT_AGENCY"
LANG_ENV = "DASHBOARD_LANG"
MAX_UPLOAD_ENV = "DASHBOARD_MAX_UPLOAD_MB"
DEFAULT_MAX_UPLOAD_MB = 20.0
SETTINGS_FILE = DATA_DIR / "settings.toml"


@dataclass(frozen=True)
class Settings:
    database_url: str
    agency: str | None  # the configured agency: the agency of files without an agency column
    default_agency: str | None  # the agency the dashboard opens on
    lang: str
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB  # larger uploads are refused with a message


def load_settings() -> Settings:
    lang = os.environ.get(LANG_ENV, "zh")
    agency = os.environ.get(AGENCY_ENV) or None
    view = _file_settings().get("view", {})
    return Settings(
        database_url=database_url(),
        agency=agency,
        default_agency=os.environ.get(DEFAULT_AGENCY_ENV) or agency or view.get("default_agency"),
        lang=lang if lang in ("zh", "en") else "zh",
        max_upload_mb=_positive_float(os.environ.get(MAX_UPLOAD_ENV), DEFAULT_MAX_UPLOAD_MB),
    )


def _positive_float(text: str | None, default: float) -> float:
    try:
        value = float(text) if text else default
    except ValueError:
        return default
    return value if value > 0 else default


def _file_settings() -> dict:
    if not SETTINGS_FILE.exists():
        return {}
    return tomllib.loads(SETTINGS_FILE.read_text("utf-8"))


def current_user() -> str:
    """Who runs the command line, for the audit record when --user is not given."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"
