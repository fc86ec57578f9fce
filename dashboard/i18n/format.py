"""Figures for people, in Chinese or English: `400余`, `310余万`, `约40`; `400+`, `3.1M+`, `~40`.

The qualifier words come from the message catalogue (`value.*`, `change.*`); what differs by
language beyond them is how a large number is shortened (万/亿 in Chinese, K/M/B in English).
Missing figures read `未报告` / `not reported`, never 0. The upload format's own writing of a
value (always Chinese) is `dashboard.domain.values.write_value`.

A figure stored with its written form (`as_written`) is shown as the report wrote it, never
rounded below the written precision: `3.17万` stays `3.17万` (`31.7K`), `98.76%` stays
`98.76%`, `21597` stays `21597` (`21,597`), and `近52000` keeps its 近 ("nearly"). Without one
(a figure stored before the words were kept, or one computed here) it is shortened as before.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from dashboard.domain.units import units
from dashboard.domain.values import (
    PREFIX_QUALIFIERS,
    Change,
    ChangeKind,
    ParsedValue,
    Qualifier,
    change_between,
    plain_number,
    written_form,
)
from dashboard.i18n.messages import DEFAULT_LANG, t


def in_language(zh: str, en: str, lang: str = DEFAULT_LANG) -> str:
    """One of a pair of names declared in both languages (catalogue rows and checks, headline
    labels): the Chinese one in Chinese, the English one in any other language."""
    return zh if lang == "zh" else en


def _compact_zh(value: float) -> tuple[str, str]:
    """Split a large number into its digits and the 万/亿 that follows them."""
    for mult, size in (("亿", 100_000_000), ("万", 10_000)):
        # 99,999,999 rounds up to 1亿 rather than reading 10000万; below 1万 numbers stay whole.
        scaled = round(value / size, 1)
        if abs(value) >= size or (mult == "亿" and abs(scaled) >= 1):
            digits = f"{scaled:.1f}".rstrip("0").rstrip(".") if scaled < 1000 else f"{scaled:.0f}"
            return digits, mult
    return plain_number(round(value, 2)), ""


def _compact_en(value: float) -> tuple[str, str]:
    """Split a large number into its digits and the K/M/B that follows them (`1,525` whole)."""
    for suffix, size in (("B", 1_000_000_000), ("M", 1_000_000), ("K", 10_000)):
        if abs(value) >= size:
            size = 1_000 if suffix == "K" else size
            return f"{value / size:.1f}".rstrip("0").rstrip("."), suffix
    if float(value).is_integer():
        return f"{int(value):,}", ""
    return f"{value:,.2f}".rstrip("0").rstrip("."), ""


# How each language shortens a count; a language without its own reads like English.
COMPACT: dict[str, Callable[[float], tuple[str, str]]] = {"zh": _compact_zh, "en": _compact_en}


def _lossless(number: float) -> str:
    """A number to as many decimals as it has (at most 6), without rounding it."""
    return plain_number(round(number, 6))


def _grouped(digits: str) -> str:
    """Digits as written, with English thousands separators: `21597.5` → `21,597.5`."""
    sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
    whole, dot, fraction = digits.partition(".")
    return f"{sign}{int(whole or 0):,}{dot}{fraction}"


def _written_en(written: ParsedValue) -> str:
    """The written number in English: `3.17万` → `31.7K`, `2841.6万` → `28.416M`, `21597` →
    `21,597`; shortened to K/M/B only when the report shortened it (with 万/亿)."""
    assert written.value is not None and written.digits is not None
    if not written.mult:
        return _grouped(written.digits)
    value = written.value
    for suffix, size in (("B", 1_000_000_000), ("M", 1_000_000), ("K", 1_000)):
        if abs(value) >= size and (suffix != "K" or abs(value) >= 10_000):
            return _lossless(value / size) + suffix
    return _grouped(_lossless(value))


def _written_zh(written: ParsedValue) -> str:
    """The figure in the report's own words, less its measure word: `逾50万`, `3000多`,
    `近52000`, `1200余`, `3.17万`, `98.76%` (the qualifier word and its place, the digits and
    万/亿 as written). A money unit (`90.1万元`) and any other measure word are added by
    `with_unit`, as for every figure."""
    assert written.as_written is not None
    text, unit = written.as_written, written.unit
    if unit and not written.percent and text.endswith(unit):
        text = text[: -len(unit)]
    return text


def _leading_word(written: ParsedValue) -> bool:
    """Whether the report put its qualifier word before the number (`逾50万`, `超过300`,
    `近52000`, `不足10`). Those words differ in shade and are shown as written; a word after
    the number (`3000多`, `400余`, `500以上`) reads as 余 as it always has, which says the same."""
    text = written.as_written or ""
    return any(text.startswith(word) for word in PREFIX_QUALIFIERS)


def usable_written(
    as_written: str | None, value: float | None, qualifier: Qualifier | str
) -> ParsedValue | None:
    """The written form of a figure, when its digits say the figure: same qualifier and number.
    A money amount written in the figure's own unit counts too (`90.1万元`, 901000 元, is the
    万元 figure 90.1); one written in another unit (`901000元` of that figure) does not: its
    digits are not the figure's."""
    written = written_form(as_written)
    if written is None or written.value is None or value is None:
        return None
    if written.qualifier != Qualifier(qualifier):
        return None
    size = units().money_size(written.unit) or 1
    if not math.isclose(written.value, value * size, rel_tol=1e-12, abs_tol=1e-9):
        return None
    return written


def format_value(
    value: float | None,
    qualifier: Qualifier | str,
    *,
    percent: bool = False,
    lang: str = DEFAULT_LANG,
    as_written: str | None = None,
    round_to: int | None = None,
) -> str:
    """The value for people: `400余`, `310余万`, `约40`, `100%`; `400+`, `3.1M+` in English.

    With `as_written` (the figure's value cell as stored), the digits, 万/亿 and the shade of the
    qualifier word (近) are the report's; `round_to` rounds only a figure without one (a rate to
    one decimal, as the hotline tables show a computed rate).
    """
    qualifier = Qualifier(qualifier)
    if qualifier is Qualifier.NOT_REPORTED or value is None:
        return t("word.not_reported", lang)
    written = usable_written(as_written, value, qualifier)
    if written is not None and lang == "zh" and _leading_word(written):
        return _written_zh(written)
    if written is not None:
        assert written.digits is not None
        if lang == "zh":
            digits, mult = written.digits, written.mult or ""
        else:
            digits, mult = _written_en(written), ""
        if percent:
            mult += "%"
    else:
        if round_to is not None:
            value = round(value, round_to)
        if percent:
            digits, mult = plain_number(round(value, 2)), "%"
        else:
            digits, mult = COMPACT.get(lang, _compact_en)(value)
    key = f"value.{qualifier}"
    if written is not None and written.shade:
        key = f"value.{written.shade}"  # 近52000: "nearly", not 约 "about"
    elif qualifier is Qualifier.AT_LEAST and percent:
        key = "value.at_least_percent"
    elif qualifier is Qualifier.AT_LEAST and "." in digits:
        key = "value.at_least_decimal"  # 310余万, but 1.2万余: 余 cannot follow a decimal digit
    return t(key, lang, digits=digits, mult=mult)


def with_unit(text: str, unit: str | None, lang: str = DEFAULT_LANG) -> str:
    """A value text with its measure word: `58则`, `3000余人次` in Chinese; English leaves the
    Chinese word out (`3,000+`). No unit for a rate (its text has the %)."""
    return t("value.with_unit", lang, value=text, unit=unit or "")


def format_rate(rate: float, *, rough: bool, lang: str = DEFAULT_LANG) -> str:
    """A computed rate to one decimal (`53.3%`), marked approximate when it comes from qualified
    figures (`约53.3%` / `~53.3%`)."""
    key = "value.approx" if rough else "value.exact"
    return t(key, lang, digits=f"{rate:.1f}", mult="%")


def change_delta(change: Change, lang: str = DEFAULT_LANG, *, mark_rough: bool = False) -> str:
    """`+12%` (relative) for counts, `+1.5个百分点` / `+1.5 pp` for rates, `+5` from 0.

    With `mark_rough`, a change between qualified figures reads `约+25%` / `~+25%`; without it
    the caller says so elsewhere (st.metric reads the direction from the leading sign).
    """
    if change.kind is ChangeKind.POINTS:
        amount = f"{change.amount:+.1f}".removesuffix(".0")
        delta = t("change.points", lang, amount=amount)
    elif change.kind is ChangeKind.ABSOLUTE:
        delta = f"{change.amount:+.15g}"  # `g` alone writes 1200000 as 1.2e+06
    else:
        delta = f"{change.amount:+.0f}%"
    return t("change.approx", lang, delta=delta) if mark_rough and change.rough else delta


def change_text(
    old: float | None,
    old_qualifier: str,
    new: float | None,
    new_qualifier: str,
    *,
    percent: bool,
    lang: str = DEFAULT_LANG,
    mark_rough: bool = True,
) -> str | None:
    """The change between two figures as text (see `change_delta`); None without both."""
    change = change_between(old, old_qualifier, new, new_qualifier, percent=percent)
    return None if change is None else change_delta(change, lang, mark_rough=mark_rough)
