"""Figures for people, in Chinese or English: `400余`, `310余万`, `约40`; `400+`, `3.1M+`, `~40`.

The qualifier words come from the message catalogue (`value.*`, `change.*`); what differs by
language beyond them is how a large number is shortened (万/亿 in Chinese, K/M/B in English).
Missing figures read `未报告` / `not reported`, never 0. The upload format's own writing of a
value (always Chinese) is `dashboard.domain.values.write_value`.
"""

from __future__ import annotations

from collections.abc import Callable

from dashboard.domain.values import Change, ChangeKind, Qualifier, change_between, plain_number
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


def format_value(
    value: float | None,
    qualifier: Qualifier | str,
    *,
    percent: bool = False,
    lang: str = DEFAULT_LANG,
) -> str:
    """The value for people: `400余`, `310余万`, `约40`, `100%`; `400+`, `3.1M+` in English."""
    qualifier = Qualifier(qualifier)
    if qualifier is Qualifier.NOT_REPORTED or value is None:
        return t("word.not_reported", lang)
    if percent:
        digits, mult = plain_number(round(value, 2)), "%"
    else:
        digits, mult = COMPACT.get(lang, _compact_en)(value)
    key = f"value.{qualifier}"
    if qualifier is Qualifier.AT_LEAST and percent:
        key = "value.at_least_percent"
    elif qualifier is Qualifier.AT_LEAST and "." in digits:
        key = "value.at_least_decimal"  # 310余万, but 1.2万余: 余 cannot follow a decimal digit
    return t(key, lang, digits=digits, mult=mult)


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
