"""Figures as Chinese reports write them: read `400余`, `310余万`, `１２３`, `100%` and back.

A figure carries a qualifier as well as a number: `400余` is a lower bound, not 400. The
qualifier travels with the value from the upload file to the chart and the export, and so do the
report's words: the unit as written (`58则`, `4件次`) and the value cell as written (`3.17万`,
`近52000`), which the formatting layer shows without rounding below the written precision. Cells
in traditional script (`1875條`, `3.5萬`) are read as simplified. A change between two figures is
kept as numbers too (`Change`); how figures and changes read for people, in Chinese or English,
is the formatting layer's (`dashboard.i18n.format`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from dashboard.domain.script import to_simplified
from dashboard.domain.units import PERCENT, units


class Qualifier(StrEnum):
    """How the written number relates to the true figure."""

    EXACT = "exact"
    AT_LEAST = "at_least"  # 余 / 多 / 逾 / 超过 / 以上
    APPROX = "approx"  # 约 / 近 / 左右
    AT_MOST = "at_most"  # 不足 / 不到
    NOT_REPORTED = "not_reported"  # the report does not give the figure; never shown as 0


PREFIX_QUALIFIERS: dict[str, Qualifier] = {
    "超过": Qualifier.AT_LEAST,
    "多于": Qualifier.AT_LEAST,
    "大于": Qualifier.AT_LEAST,
    "逾": Qualifier.AT_LEAST,
    "超": Qualifier.AT_LEAST,
    "大约为": Qualifier.APPROX,  # (主动公开政府信息约为103条)
    "大约": Qualifier.APPROX,
    "约为": Qualifier.APPROX,
    "接近": Qualifier.APPROX,
    "将近": Qualifier.APPROX,
    "约": Qualifier.APPROX,
    "近": Qualifier.APPROX,
    "不足": Qualifier.AT_MOST,
    "不到": Qualifier.AT_MOST,
    "少于": Qualifier.AT_MOST,
    "小于": Qualifier.AT_MOST,
}
SUFFIX_QUALIFIERS: dict[str, Qualifier] = {
    "余": Qualifier.AT_LEAST,
    "多": Qualifier.AT_LEAST,
    "以上": Qualifier.AT_LEAST,
    "+": Qualifier.AT_LEAST,
    "左右": Qualifier.APPROX,
    "以下": Qualifier.AT_MOST,
}
# What a qualifier word says beyond its qualifier, where the display must keep it: 近 is "nearly"
# (just under the figure), not 约 "about". Other words read as their qualifier's usual word
# (3000多 → 3000余, 300左右 → 约300): they say the same thing.
QUALIFIER_SHADES: dict[str, str] = {"近": "nearly", "接近": "nearly", "将近": "nearly"}
# 萬 and 億 are the traditional forms, found in reports published in traditional characters
# (the cell is converted to simplified first; they stay here for text read without it).
MULTIPLIERS: dict[str, int] = {
    "百": 100,
    "千": 1_000,
    "万": 10_000,
    "萬": 10_000,
    "亿": 100_000_000,
    "億": 100_000_000,
}
# The units a value may carry: every unit of data/catalogue/units.toml (counting words, %, money).
UNITS: tuple[str, ...] = tuple(sorted(units().words))

NOT_REPORTED_WORDS = frozenset(
    {
        "未报告",
        "未公开",
        "未统计",
        "未提及",
        "不详",
        "无数据",
        "notreported",
        "n/a",
        "na",
        "—",
        "——",
    }
)

# Leading characters that spreadsheet programs treat as formulae; exports prefix them with `'`.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


# Counts beyond a thousand trillion are not figures of any report, but typos or junk; above
# 2**53 (about 9e15) a float could not even hold every integer, so the figure would be rounded.
MAX_MAGNITUDE = 1e15
# The only digits accepted: ASCII and the full-width ones Chinese input methods type. NFKC would
# quietly turn superscripts (⁴⁰⁰) into digits, and `\d` and float() accept Arabic-Indic and
# other scripts' digits: all of these are more likely a slip than the figure meant.
ALLOWED_DIGITS = frozenset("0123456789０１２３４５６７８９")
# Digits with spaces between them (4 0 0, 1 525, 1, 525): one number or several? Not guessed.
_SPACED_DIGITS = re.compile(r"[0-9０-９][,.，．]?\s+[,.，．]?[0-9０-９]")

_PRE = _alternation(PREFIX_QUALIFIERS)
_POST = _alternation(SUFFIX_QUALIFIERS)
_VALUE_RE = re.compile(
    rf"""^(?P<pre>{_PRE})?
    (?P<sign>-)?
    (?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)
    (?P<post1>{_POST})?
    (?P<mult>[百千万萬亿億])?
    (?P<post2>{_POST})?
    (?P<unit>{_alternation(UNITS)})?
    (?P<post3>{_POST})?$""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """The outcome of reading one value cell: a number with its qualifier, or an error code.

    `value` is in plain units (`310余万` → 3100000; `90.1万元` → 901000, in 元). The words
    are kept as well: `unit` as written (`则`, `人次`, `万元`; None without one), `as_written`
    (the cell normalised: half-width, simplified script, no spaces), and what the display needs
    to write the figure as the report did — `digits` as written (`3.17`), the multiplier
    written after them (`万`; None when it is part of a money unit such as 万元) and the
    qualifier word's `shade` (`nearly` for 近).
    """

    value: float | None
    qualifier: Qualifier
    percent: bool = False
    unit: str | None = None
    error: str | None = None
    as_written: str | None = None
    digits: str | None = None
    mult: str | None = None
    shade: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def normalize_text(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), simplified script, inner spaces
    removed."""
    return re.sub(r"\s+", "", to_simplified(unicodedata.normalize("NFKC", text)))


def has_unusual_digits(text: str) -> bool:
    """Whether the text holds a digit other than ASCII or full-width 0–9 (², ⁰, ①, ٤, …)."""
    if text.isascii():
        return False
    return any(unicodedata.digit(ch, None) is not None and ch not in ALLOWED_DIGITS for ch in text)


def strip_formula_guard(text: str) -> str:
    """Undo the `'` that exports put before cells starting like a formula."""
    if len(text) >= 2 and text[0] == "'" and text[1] in FORMULA_PREFIXES:
        return text[1:]
    return text


def parse_value(raw: object) -> ParsedValue:
    """Read one cell of the value column as staff type it.

    Numbers coming straight from Excel cells (int/float) are exact. Text is read with the
    qualifiers of DESIGN §2, in any script and width; an unreadable cell gives
    `error="value-invalid"` (or a more telling code: spaced or unusual digits, `不足0`, a number
    too large) rather than raising.
    """
    if raw is None:
        return ParsedValue(None, Qualifier.EXACT, error="value-missing")
    if isinstance(raw, bool):
        return ParsedValue(None, Qualifier.EXACT, error="value-invalid")
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not math.isfinite(raw):
            return ParsedValue(None, Qualifier.EXACT, error="value-invalid")
        if abs(raw) > MAX_MAGNITUDE:  # an int is compared exactly, before any rounding
            return ParsedValue(None, Qualifier.EXACT, error="value-too-large")
        # A number cell reads as the shortest text of its number: what Excel shows for it.
        written = plain_number(raw)
        return ParsedValue(float(raw), Qualifier.EXACT, as_written=written, digits=written)
    typed = strip_formula_guard(str(raw))
    if has_unusual_digits(typed):
        return ParsedValue(None, Qualifier.EXACT, error="value-unusual-digits")
    if _SPACED_DIGITS.search(typed):
        return ParsedValue(None, Qualifier.EXACT, error="value-spaced-digits")
    text = normalize_text(typed)
    text = text.replace("−", "-").replace("～", "~")
    if not text:
        return ParsedValue(None, Qualifier.EXACT, error="value-missing")
    if text.lower() in NOT_REPORTED_WORDS:
        return ParsedValue(None, Qualifier.NOT_REPORTED, as_written=text)
    return _parse_text(text)


@lru_cache(maxsize=4096)
def _parse_text(text: str) -> ParsedValue:
    """Read a normalised value text (cached: pages format the same written values over again)."""
    match = _VALUE_RE.match(text)
    if match is None:
        return ParsedValue(None, Qualifier.EXACT, error="value-invalid")
    suffixes = [SUFFIX_QUALIFIERS[match[k]] for k in ("post1", "post2", "post3") if match[k]]
    if len(suffixes) > 1:  # 400余余, 400多以上: a slip, not a figure
        return ParsedValue(None, Qualifier.EXACT, error="value-invalid")
    qualifiers = {PREFIX_QUALIFIERS[match["pre"]] if match["pre"] else None, *suffixes} - {None}
    # 约300左右 and 超过500以上 say the same thing twice, as people write; 约400余 contradicts
    # itself: ask the user to choose.
    if len(qualifiers) > 1:
        return ParsedValue(None, Qualifier.EXACT, error="value-invalid")
    qualifier = qualifiers.pop() if qualifiers else Qualifier.EXACT
    digits = match["num"].replace(",", "")
    number = float(digits)
    mult, unit = match["mult"], match["unit"]
    if mult:
        # Round away binary noise such as 90.1 * 10000 = 900999.99...
        number = round(number * MULTIPLIERS[mult], 6)
        mult = to_simplified(mult)
        # 90.1万元: the multiplier is part of the money unit written (万元), not of the digits.
        if unit and not match["post2"] and units().money_size(mult + unit) is not None:
            mult, unit = None, mult + unit
    if match["sign"]:
        number = -number
    if not abs(number) <= MAX_MAGNITUDE:  # also catches inf from a thousand-digit number
        return ParsedValue(None, Qualifier.EXACT, error="value-too-large")
    if qualifier is Qualifier.AT_MOST and number == 0:  # 不足0: fewer than none
        return ParsedValue(None, Qualifier.EXACT, error="value-at-most-zero")
    return ParsedValue(
        number,
        qualifier,
        percent=unit == PERCENT,
        unit=unit,
        as_written=text,
        digits=("-" if match["sign"] else "") + digits,
        mult=mult,
        shade=QUALIFIER_SHADES.get(match["pre"] or ""),
    )


def written_form(as_written: str | None) -> ParsedValue | None:
    """A stored written value read again, for display; None when there is none or it does not
    read as a figure (it then says nothing the number does not)."""
    if not as_written:
        return None
    parsed = _parse_text(as_written)
    return parsed if parsed.ok and parsed.value is not None else None


def in_metric_unit(parsed: ParsedValue, metric_unit: str) -> ParsedValue:
    """A value read for a metric counted in a money unit (元, 万元 …), in that unit.

    `90.1万元` (901000 元) in a metric counted in 万元 is 90.1, and so is `5000千元`'s
    5,000,000 元 there 500 (its unit then the metric's: the number is in it). `90.1万` there is
    90.1 too: in a money column 万 can only be 万元, and its written form becomes `90.1万元`, so
    that the page shows it as such. A bare number is already in the metric's unit; anything else
    is returned as it is.
    """
    size = units().money_size(metric_unit)
    if parsed.value is None:
        return parsed
    if size is None:
        # Money written for a metric that is not (a warning says so): the number is in 元, and
        # so is the unit kept with it (`1.2万元` shows as 1.2万元, not 1.2万万元).
        if (units().money_size(parsed.unit) or 1) != 1:
            return replace(parsed, unit=units().money_unit(1))
        return parsed
    if parsed.unit is None and parsed.mult and parsed.as_written:
        completed = _parse_text(parsed.as_written + "元")
        parsed = completed if completed.ok else parsed
    written_size = units().money_size(parsed.unit)
    if written_size is None or parsed.value is None:
        return parsed
    # The number is now in the metric's unit, and so is the unit kept with it: `901000元` of a
    # 万元 figure is 90.1万元 (its written form stays for the export).
    unit = parsed.unit if written_size == size else metric_unit
    return replace(parsed, value=round(parsed.value / size, 6), unit=unit)


def plain_number(value: float) -> str:
    """Shortest faithful decimal text of a number: 400.0 → `400`, 90.1 → `90.1`."""
    if float(value).is_integer():
        return str(int(value))
    # repr is the shortest text that reads back as the same float; Decimal spells out its
    # exponent (1e-07 → 0.0000001), which parse_value does not read.
    return format(Decimal(repr(float(value))), "f")


def write_value(value: float | None, qualifier: Qualifier | str, *, percent: bool = False) -> str:
    """The value as the upload format writes it; `parse_value` reads it back unchanged.

    This is the file format (always Chinese, whatever the reader's language); the value for
    people, in their language, is `dashboard.i18n.format.format_value`.
    """
    qualifier = Qualifier(qualifier)
    if qualifier is Qualifier.NOT_REPORTED or value is None:
        return "未报告"
    number = plain_number(value) + ("%" if percent else "")
    return {
        Qualifier.EXACT: number,
        Qualifier.AT_LEAST: number + "余" if not percent else "超过" + number,
        Qualifier.APPROX: "约" + number,
        Qualifier.AT_MOST: "不足" + number,
    }[qualifier]


# ── figures and changes, as numbers (the formatting layer writes them out) ──────────────────


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as reported: a number (None when not reported) and its qualifier, with the
    report's words where known: the unit to show (as written, else the metric's; None for a
    rate) and the value cell as written (`3.17万`; None for a figure computed here)."""

    value: float | None
    qualifier: str  # a Qualifier value
    percent: bool = False
    unit: str | None = None
    as_written: str | None = None


def is_rough(*qualifiers: str) -> bool:
    """A change between qualified figures (400余 → 500余) is itself only approximate."""
    return any(q != Qualifier.EXACT for q in qualifiers)


class ChangeKind(StrEnum):
    """What the amount of a change measures."""

    RELATIVE = "relative"  # per cent of the earlier figure (counts): +25 means +25%
    POINTS = "points"  # percentage points (rates): 95% → 96.5% is +1.5
    ABSOLUTE = "absolute"  # the difference itself, when the earlier figure is 0


@dataclass(frozen=True, slots=True)
class Change:
    """A figure against an earlier one, as numbers: `amount` of `kind`, signed."""

    amount: float
    kind: ChangeKind
    rough: bool  # a qualified figure is involved (400余 → 500余): the change is approximate
    grew: bool  # the later figure is at least the earlier one
    since: int | None = None  # the earlier year, when the change is between years


def change_between(
    old: float | None,
    old_qualifier: str,
    new: float | None,
    new_qualifier: str,
    *,
    percent: bool,
    since: int | None = None,
) -> Change | None:
    """The change from `old` to `new`: percentage points for rates, per cent of the old figure
    for counts (the difference itself from 0); None without both figures."""
    if old is None or new is None:
        return None
    if percent:
        amount, kind = new - old, ChangeKind.POINTS
    elif old == 0:
        amount, kind = new - old, ChangeKind.ABSOLUTE
    else:
        amount, kind = (new - old) / old * 100, ChangeKind.RELATIVE
    return Change(amount, kind, is_rough(old_qualifier, new_qualifier), new >= old, since)
