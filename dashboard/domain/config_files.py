"""Hand-edited TOML files read through pydantic models, with errors naming the file and the key.

The upload columns, the overview's headlines, the settings file and the secrets file are edited
by people. A typo in one must stop the program at start-up saying where it is (`headlines.toml:
headline[3].metric: unknown metric 'meetngs'`), not surface later as a KeyError or be ignored.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from dashboard.paths import PROJECT_ROOT

# Pydantic's error types that mean "this should have been a table" (a dict or a model).
_TABLE_ERRORS = frozenset({"dict_type", "model_type", "model_attributes_type"})

M = TypeVar("M", bound=BaseModel)


class ConfigError(ValueError):
    """A hand-edited file that is not what it should be.

    `source` is the file (relative to the project when inside it), `key` the dotted key of the
    entry (list positions count from 1, as people count `[[headline]]` tables; empty when the
    whole file is wrong), `detail` what is wrong with it.
    """

    def __init__(self, source: str, key: str, detail: str) -> None:
        self.source, self.key, self.detail = source, key, detail
        super().__init__(f"{source}: {key}: {detail}" if key else f"{source}: {detail}")


def shown_path(path: Path) -> str:
    """The path as the project's people know it: relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def read_toml(path: Path, *, missing_ok: bool = False) -> dict[str, Any]:
    """The parsed file; `{}` for a missing file when `missing_ok`. Raises ConfigError for text
    that is not TOML (FileNotFoundError for a missing file otherwise)."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        if missing_ok:
            return {}
        raise
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(shown_path(path), "", f"not valid TOML ({error})") from None


def key_path(loc: Sequence[str | int]) -> str:
    """`("headline", 3, "metric")` → `headline[4].metric` (positions counted from 1)."""
    text = ""
    for part in loc:
        if part == "[key]":  # pydantic's mark of a table key that is not allowed: the key is named
            continue
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def describe(error: ErrorDetails, *, hidden: Collection[str] = ()) -> str:
    """What is wrong, in one line; the value typed is shown unless its key is in `hidden`
    (a password pasted where its hash belongs must not end up in a log)."""
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required key is missing"
    if kind in _TABLE_ERRORS:
        return "must be a table"
    message = error["msg"].removeprefix("Value error, ")
    last = error["loc"][-1] if error["loc"] else None
    if last in hidden:
        return message
    return f"{message} (got {error['input']!r})"


def config_error(
    error: ValidationError, source: str, *, prefix: str = "", hidden: Collection[str] = ()
) -> ConfigError:
    """The first of pydantic's errors as a ConfigError (the others are counted: fix one at a
    time, each message says exactly where). `prefix` goes before the key (`dashboard.`)."""
    errors = error.errors(include_url=False)
    # A misspelt key is both unknown and, under its right name, missing: name the misspelling.
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    detail = describe(first, hidden=hidden)
    if len(errors) > 1:
        detail += f" (and {len(errors) - 1} more)"
    key = key_path(first["loc"])
    return ConfigError(source, f"{prefix}{key}" if prefix and key else prefix or key, detail)


def validated(
    model: type[M],
    data: Any,
    source: str,
    *,
    context: Any = None,
    prefix: str = "",
    hidden: Collection[str] = (),
) -> M:
    """`model` checked from `data`; raises ConfigError naming `source` and the key."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        raise config_error(error, source, prefix=prefix, hidden=hidden) from None
