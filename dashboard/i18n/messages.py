"""The message catalogue: every user-facing text, looked up by key in Chinese or English."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT_LANG: Lang = "zh"

MESSAGES_FILE = Path(__file__).resolve().parent / "messages.toml"


class _Blank(dict[str, Any]):
    """Leaves unknown placeholders visible instead of failing, so a missing value is noticed."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@cache
def _catalogue() -> dict[str, Any]:
    return tomllib.loads(MESSAGES_FILE.read_text("utf-8"))


def _entry(key: str) -> dict[str, str]:
    node: Any = _catalogue()
    for part in key.split("."):
        node = node[part]
    return node


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text for a dotted key (`cli.valid`), in `lang`, with `{placeholders}` filled."""
    entry = _entry(key)
    template = entry.get(lang) or entry[DEFAULT_LANG]
    return template.format_map(_Blank(params))


def has(key: str) -> bool:
    """Whether the catalogue holds a key (used by tests that pin every code's texts)."""
    try:
        _entry(key)
    except KeyError:
        return False
    return True


def problem_codes() -> list[str]:
    """Every problem code the catalogue documents."""
    return sorted(_catalogue()["problem"])
