"""Settings read from the environment, in one place (documented in README, checked by a test)."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass

from dashboard.core.store import DATABASE_URL_ENV, database_url

AGENCY_ENV = "DASHBOARD_AGENCY"
LANG_ENV = "DASHBOARD_LANG"


@dataclass(frozen=True)
class Settings:
    database_url: str
    agency: str | None  # the configured agency: default view, and the agency of agency-less files
    lang: str


def load_settings() -> Settings:
    lang = os.environ.get(LANG_ENV, "zh")
    return Settings(
        database_url=database_url(),
        agency=os.environ.get(AGENCY_ENV) or None,
        lang=lang if lang in ("zh", "en") else "zh",
    )


def current_user() -> str:
    """Who runs the command line, for the audit record when --user is not given."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


__all__ = [
    "AGENCY_ENV",
    "DATABASE_URL_ENV",
    "LANG_ENV",
    "Settings",
    "current_user",
    "load_settings",
]
