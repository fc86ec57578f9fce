"""The message catalogue: every user-facing text, looked up by key in Chinese or English.

A message is a text per language, or, for a counted message, a table of plural forms per
language (`{ one = "…", other = "…" }`) picked by the `count` parameter; the format is described
at the top of messages.toml.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT_LANG: Lang = "zh"

MESSAGES_FILE = Path(__file__).resolve().parent / "messages.toml"

# The plural form a count takes, per language (the CLDR categories for cardinal numbers).
# English: "one" for exactly 1, "other" for everything else (0 figures, 2 figures, 1.5 figures).
# Chinese has one form: a measure word follows the number whatever it is (1 个, 2 个).
PLURAL_RULES: dict[Lang, Callable[[int | float], str]] = {
    "zh": lambda count: "other",
    "en": lambda count: "one" if count == 1 else "other",
}
PLURAL_FORMS = frozenset({"one", "other"})


class _Blank(dict[str, Any]):
    """Leaves unknown placeholders visible instead of failing, so a missing value is noticed."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@cache
def _catalogue() -> dict[str, Any]:
    return tomllib.loads(MESSAGES_FILE.read_text("utf-8"))


def _entry(key: str) -> dict[str, Any]:
    node: Any = _catalogue()
    for part in key.split("."):
        node = node[part]
    return node


def lang_or_default(value: object) -> Lang:
    """`value` when it names a language of the catalogue, else the default (for `?lang=` or an
    environment variable, which may hold anything)."""
    return cast(Lang, value) if value in LANGS else DEFAULT_LANG


def plural_form(lang: str, count: float) -> str:
    """The plural form (`one`, `other`) that `count` takes in `lang`."""
    return PLURAL_RULES[lang_or_default(lang)](count)


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text for a dotted key (`cli.valid`), in `lang`, with `{placeholders}` filled.

    A counted message (plural forms) takes its form from the `count` parameter.
    """
    entry = _entry(key)
    # An empty text is a choice (nothing to show in that language), not a missing one.
    template = entry[lang] if lang in entry else entry[DEFAULT_LANG]
    if isinstance(template, dict):
        if "count" not in params:
            raise TypeError(f"message {key} has plural forms: give it count=")
        form = plural_form(lang, params["count"])
        template = template.get(form, template["other"])
    return template.format_map(_Blank(params))


def keys() -> Iterator[str]:
    """Every message key of the catalogue (dotted), in file order."""

    def walk(node: dict[str, Any], prefix: str) -> Iterator[str]:
        for name, child in node.items():
            if not isinstance(child, dict):
                continue
            key = f"{prefix}{name}"
            if set(child) & set(LANGS):  # a message: its languages are its leaves
                yield key
            else:
                yield from walk(child, f"{key}.")

    return walk(_catalogue(), "")


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
