"""Content hashes of many datasets at once, from validation's frame of facts.

`Dataset.content_hash` is the definition: SHA-256 of the JSON text (`json.dumps`, `ensure_ascii`
off) of each fact's `[*slot, *content]`, facts in slot order. Built fact by fact in Python, that
was 0.8 s of a 300,000-fact import; this module writes the very same text with Polars string
expressions and leaves to Python only what Polars would spell differently: strings holding a
character JSON escapes, floats that are not whole numbers (their `repr`), and written forms that
might equal `plain_number` of such a float. tests/test_ingest_hashes.py checks it against
`Dataset.content_hash` on every kind of upload.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from typing import Any

import polars as pl

from dashboard.domain.values import plain_number

# What json.dumps escapes in a string (ensure_ascii off): quote, backslash and C0 controls.
_ESCAPED = r'[\x00-\x1f"\\]'
# Every text plain_number can return: digits with a sign and decimals, or Decimal's words.
_PLAIN = r"^(?:-?[0-9]+(?:\.[0-9]+)?|NaN|-?Infinity)$"
# Whole numbers under this print as their digits: repr(1e15) is `1000000000000000.0`, repr(1e16)
# is `1e+16`. Zero is left to Python too (repr(-0.0) is `-0.0`).
_DIGITS_BELOW = 1e16
_SEPARATOR = ", "  # json.dumps's item separator
_WORDS = "__content_written"  # Fact.content's written form, as a column


def content_hashes(facts: pl.DataFrame) -> dict[int, str]:
    """`ds` → the content hash of that dataset's facts, from a frame with the columns `ds`,
    metric, channel, category, value, qualifier, note, unit and as_written, each dataset's rows
    in the order of its list of facts (the sort below is stable, as `sorted` is)."""
    if facts.is_empty():
        return {}
    ordered = facts.sort(
        [
            pl.col("ds"),
            pl.col("metric"),
            pl.col("channel").fill_null(""),
            pl.col("category").fill_null(""),
        ],
        maintain_order=True,
    )
    value = ordered.get_column("value").cast(pl.Float64)
    # The two pieces that need Python somewhere, as columns; the rest is one Polars query.
    numbers = _json_floats(value)
    ordered = ordered.with_columns(_words(value, ordered.get_column("as_written")).alias(_WORDS))
    texts = [
        pl.col("metric"),
        pl.col("channel"),
        pl.col("category"),
        None,
        pl.col("qualifier"),
        pl.when(pl.col("note") != "").then(pl.col("note")),  # `note or None`
        pl.col("unit"),
        pl.col(_WORDS),
    ]
    items = [pl.lit(numbers) if text is None else _json_text(text) for text in texts]
    escaped = pl.any_horizontal(
        [t.str.contains(_ESCAPED).fill_null(False) for t in texts if t is not None]
    )
    rows = ordered.select(
        "ds",
        pl.concat_str(items, separator=_SEPARATOR).alias("row"),
        escaped.alias("escaped"),
    )
    if rows.get_column("escaped").any():
        # A quote, backslash or control character somewhere in the row: json.dumps spells it.
        where = rows.get_column("escaped").arg_true()
        cells = ordered.filter(rows.get_column("escaped")).select(
            *(t.cast(pl.String).alias(str(i)) for i, t in enumerate(texts) if t is not None)
        )
        floats = numbers.gather(where).to_list()
        spelled = [
            _SEPARATOR.join(
                [json.dumps(x, ensure_ascii=False) for x in row[:3]]
                + [floats[n]]
                + [json.dumps(x, ensure_ascii=False) for x in row[3:]]
            )
            for n, row in enumerate(cells.iter_rows())
        ]
        rows = rows.with_columns(rows.get_column("row").scatter(where, spelled))
    # Each fact's items are the text between its brackets: "[" + "], [".join(rows) + "]" is the
    # dataset's list of lists.
    joined = rows.group_by("ds", maintain_order=True).agg(pl.col("row").str.join("], ["))
    return {
        int(ds): hashlib.sha256(f"[[{text}]]".encode()).hexdigest()
        for ds, text in joined.iter_rows()
    }


def _json_text(text: pl.Expr) -> pl.Expr:
    """A text as json.dumps writes one without escapes (`null` for None)."""
    return pl.when(text.is_null()).then(pl.lit("null")).otherwise(pl.lit('"') + text + pl.lit('"'))


def _json_floats(value: pl.Series) -> pl.Series:
    """Each number as json.dumps writes a float: whole numbers as their digits and `.0` here,
    any other (fractions, zero, huge, NaN) by json itself."""
    whole = _whole(value)
    digits = pl.select(
        pl.when(pl.lit(whole)).then(
            pl.lit(value).cast(pl.Int64, strict=False).cast(pl.String) + ".0"
        )
    ).to_series()
    digits = _patched(digits, ~whole & value.is_not_null(), value, _float_text)
    return digits.fill_null("null")


def _float_text(number: float) -> str:
    """json.dumps(number) without its cost per call: repr, or JSON's words for NaN and infinity."""
    return repr(number) if math.isfinite(number) else json.dumps(number)


def _words(value: pl.Series, written: pl.Series) -> pl.Series:
    """Fact.content's written form: None where it says no more than the number
    (`written == plain_number(value)`)."""
    written = written.cast(pl.String)
    whole = _whole(value)
    digits = pl.select(pl.lit(value).cast(pl.Int64, strict=False).cast(pl.String)).to_series()
    plain_whole = whole & (written == digits).fill_null(False)
    maybe = (
        ~whole
        & value.is_not_null()
        & written.is_not_null()
        & written.str.contains(_PLAIN).fill_null(False)
    )
    rows = maybe.arg_true()
    same = [
        text == plain_number(number)
        for number, text in zip(
            value.gather(rows).to_list(), written.gather(rows).to_list(), strict=True
        )
    ]
    drop = plain_whole.scatter(rows, same) if len(rows) else plain_whole
    return pl.select(pl.when(pl.lit(drop)).then(None).otherwise(pl.lit(written))).to_series()


def _whole(value: pl.Series) -> pl.Series:
    """Whole numbers that print as digits (0 < |value| < 1e16); False for null."""
    size = value.abs()
    return ((value == value.floor()) & (size > 0) & (size < _DIGITS_BELOW)).fill_null(False)


def _patched(
    texts: pl.Series, where: pl.Series, source: pl.Series, spell: Callable[[Any], str]
) -> pl.Series:
    """`texts` with the rows `where` is true spelled from `source` by Python's `spell`."""
    rows = where.arg_true()
    if not len(rows):
        return texts
    return texts.scatter(rows, [spell(x) for x in source.gather(rows).to_list()])
