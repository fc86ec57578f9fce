"""Reading and writing figures the way Chinese reports write them (DESIGN §2)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dashboard.domain.values import (
    MAX_MAGNITUDE,
    ChangeKind,
    Qualifier,
    change_between,
    parse_value,
    write_value,
)
from dashboard.i18n.format import format_rate, format_value

# Up to a trillion: well inside the integers a float holds exactly.
counts = st.integers(min_value=0, max_value=10**12)
Q = Qualifier


def full_width(text: str) -> str:
    """`123` → `１２３`, as Chinese input methods type digits."""
    return "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() else ch for ch in text)


def assert_reads(text: str, value: float, qualifier: Qualifier, *, percent: bool = False) -> None:
    parsed = parse_value(text)
    assert parsed.ok, (text, parsed)
    assert parsed.error is None
    assert parsed.value == value, (text, parsed)
    assert parsed.qualifier is qualifier, (text, parsed)
    assert parsed.percent is percent, (text, parsed)


# ── the examples of DESIGN §2 ───────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("400余", 400, Q.AT_LEAST),
        ("400余条", 400, Q.AT_LEAST),
        ("3000多", 3000, Q.AT_LEAST),
        ("3000多条", 3000, Q.AT_LEAST),
        ("逾50万", 500_000, Q.AT_LEAST),
        ("超过1200", 1200, Q.AT_LEAST),
        ("500以上", 500, Q.AT_LEAST),
        ("近300", 300, Q.APPROX),
        ("约40", 40, Q.APPROX),
        ("300左右", 300, Q.APPROX),
        ("不足10", 10, Q.AT_MOST),
        ("310余万", 3_100_000, Q.AT_LEAST),
        ("310余万人次", 3_100_000, Q.AT_LEAST),
        ("10多万", 100_000, Q.AT_LEAST),
        ("90.1万", 901_000, Q.EXACT),
        ("1.5万", 15_000, Q.EXACT),
        ("1,525", 1525, Q.EXACT),
        ("1,525条", 1525, Q.EXACT),
        ("１２３", 123, Q.EXACT),
        ("１，５２５", 1525, Q.EXACT),
        ("0", 0, Q.EXACT),
        ("111件", 111, Q.EXACT),
        (" 400 余 ", 400, Q.AT_LEAST),
    ],
)
def test_reads_the_ways_reports_write_figures(
    text: str, value: float, qualifier: Qualifier
) -> None:
    assert_reads(text, value, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("100%", 100, Q.EXACT),
        ("１００％", 100, Q.EXACT),
        ("98.5%", 98.5, Q.EXACT),
        ("超过50%", 50, Q.AT_LEAST),
        ("约95%", 95, Q.APPROX),
    ],
)
def test_reads_percentages(text: str, value: float, qualifier: Qualifier) -> None:
    assert_reads(text, value, qualifier, percent=True)
    assert parse_value(text).unit == "%"


def test_unit_is_recorded() -> None:
    assert parse_value("310余万人次").unit == "人次"
    assert parse_value("30篇").unit == "篇"
    assert parse_value("400").unit is None


@pytest.mark.parametrize("text", ["未报告", "未公开", "不详", "N/A", "——"])
def test_not_reported_words_give_no_value_rather_than_zero(text: str) -> None:
    parsed = parse_value(text)
    assert parsed.ok
    assert parsed.value is None
    assert parsed.qualifier is Q.NOT_REPORTED


def test_excel_numbers_are_exact() -> None:
    assert_reads(111, 111, Q.EXACT)  # type: ignore[arg-type]
    assert_reads(98.5, 98.5, Q.EXACT)  # type: ignore[arg-type]


def test_export_formula_guard_is_undone() -> None:
    assert_reads("'-5", -5, Q.EXACT)


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "约400余",  # contradictory: about, and at least
        "不足400余",
        "约300以上",
        "400余约",
        "1,52,5",
        "1e3",
        "4OO",
        "四百",
        "12-3",
        "400元条",
        "=SUM(A1:A2)",
        True,
        float("nan"),
        float("inf"),
    ],
)
def test_rejects_junk_with_value_invalid(text: object) -> None:
    parsed = parse_value(text)
    assert not parsed.ok
    assert parsed.error == "value-invalid"
    assert parsed.value is None


# ── stricter: what a slip of the keyboard or a paste from elsewhere produces ───────────────


@pytest.mark.parametrize(
    "text",
    [
        "400余余",  # the same suffix twice
        "400余多",
        "400多以上",
        "310余万余",
        "1e24",  # exponent notation
        "1E3",
        "4e2余",
        "0x1F",
        "1_000",
        "12.5.3",
    ],
)
def test_slips_are_value_invalid(text: str) -> None:
    parsed = parse_value(text)
    assert (parsed.error, parsed.value) == ("value-invalid", None)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("约300左右", 300, Q.APPROX),
        ("超过500以上", 500, Q.AT_LEAST),
        ("逾50万", 500_000, Q.AT_LEAST),
    ],
)
def test_a_qualifier_said_twice_in_words_still_reads(
    text: str, value: float, qualifier: Qualifier
) -> None:
    """约…左右 and 超过…以上 are how people write; only contradictions and repeats are refused."""
    assert_reads(text, value, qualifier)


@pytest.mark.parametrize(
    "text", ["4 0 0", "1 525", "1, 525", "1 ,525", "4\u00a0000", "４　０　０", "40 0余", "1. 5万"]
)
def test_spaces_between_digits_are_an_error(text: str) -> None:
    parsed = parse_value(text)
    assert (parsed.error, parsed.value) == ("value-spaced-digits", None)


@pytest.mark.parametrize(
    ("text", "value"), [("400 余条", 400), (" 1,525 ", 1525), ("90.1 万", 901_000), ("50 %", 50)]
)
def test_spaces_next_to_digits_are_fine(text: str, value: float) -> None:
    parsed = parse_value(text)
    assert parsed.ok and parsed.value == value


@pytest.mark.parametrize(
    "text",
    [
        "４⁰⁰",  # superscript zeros: NFKC would make them 400
        "²",
        "10²",
        "٤٠٠",  # Arabic-Indic digits: float() would read them
        "۴۰۰",  # Extended Arabic-Indic
        "४००",  # Devanagari
        "①",
        "𝟒𝟎𝟎",  # mathematical bold digits
    ],
)
def test_digits_other_than_ascii_and_full_width_are_an_error(text: str) -> None:
    parsed = parse_value(text)
    assert (parsed.error, parsed.value) == ("value-unusual-digits", None)


@pytest.mark.parametrize("text", ["不足0", "不到0", "少于0", "0以下", "不足0%", "不足0.0"])
def test_at_most_zero_is_an_error(text: str) -> None:
    parsed = parse_value(text)
    assert (parsed.error, parsed.value) == ("value-at-most-zero", None)


@pytest.mark.parametrize(
    "raw",
    [
        "44444444444444444444",  # beyond 2**53: a float would round it
        "9007199254740993",
        "1000000000000001",
        "1,000,000,000,000,001",
        "10000001亿",
        "9" * 400,  # float() gives inf
        44444444444444444444,  # as a number in an .xlsx cell
        2**53 + 1,
        1e16,
        -1e16,
    ],
)
def test_absurdly_large_figures_are_refused(raw: object) -> None:
    parsed = parse_value(raw)
    assert (parsed.error, parsed.value) == ("value-too-large", None)


@pytest.mark.parametrize("raw", [10**15, "1000000000000000", "10000000亿", float(10**15)])
def test_the_largest_accepted_figure(raw: object) -> None:
    assert parse_value(raw).value == 10**15


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000"])
def test_blank_cells_are_value_missing(raw: object) -> None:
    parsed = parse_value(raw)
    assert parsed.error == "value-missing"
    assert parsed.value is None


def test_negative_numbers_are_read_for_validation_to_reject() -> None:
    assert_reads("-5", -5, Q.EXACT)


# ── property tests: any count, in every style staff type it ────────────────────────────────


@given(counts)
def test_plain_integer(n: int) -> None:
    assert_reads(str(n), n, Q.EXACT)


@given(counts)
def test_thousands_separators(n: int) -> None:
    assert_reads(f"{n:,}", n, Q.EXACT)


@given(counts, st.booleans())
def test_full_width_digits(n: int, separators: bool) -> None:
    text = f"{n:,}".replace(",", "，") if separators else str(n)
    assert_reads(full_width(text), n, Q.EXACT)


@given(counts, st.sampled_from(["余", "多", "以上"]))
def test_at_least_suffixes(n: int, suffix: str) -> None:
    assert_reads(f"{n}{suffix}", n, Q.AT_LEAST)


@given(counts, st.sampled_from(["逾", "超过"]))
def test_at_least_prefixes(n: int, prefix: str) -> None:
    assert_reads(f"{prefix}{n}", n, Q.AT_LEAST)


@given(counts, st.sampled_from(["约", "近"]))
def test_approx_prefixes(n: int, prefix: str) -> None:
    assert_reads(f"{prefix}{n}", n, Q.APPROX)


@given(counts)
def test_approx_suffix(n: int) -> None:
    assert_reads(f"{n}左右", n, Q.APPROX)


@given(counts.filter(bool))
def test_at_most_prefix(n: int) -> None:
    assert_reads(f"不足{n}", n, Q.AT_MOST)


@given(
    counts,
    st.sampled_from(["条", "件", "人次", "篇", "次", "人"]),
    st.sampled_from([("", "", Q.EXACT), ("", "余", Q.AT_LEAST), ("约", "", Q.APPROX)]),
)
def test_with_a_unit(n: int, unit: str, style: tuple[str, str, Qualifier]) -> None:
    prefix, suffix, qualifier = style
    text = f"{prefix}{n}{suffix}{unit}"
    assert_reads(text, n, qualifier)
    assert parse_value(text).unit == unit


@given(
    st.integers(min_value=0, max_value=10**8),
    st.sampled_from([("", "", Q.EXACT), ("", "余", Q.AT_LEAST), ("逾", "", Q.AT_LEAST)]),
)
def test_whole_wan(wan: int, style: tuple[str, str, Qualifier]) -> None:
    prefix, suffix, qualifier = style
    assert_reads(f"{prefix}{wan}{suffix}万", wan * 10_000, qualifier)


@given(st.integers(min_value=0, max_value=10**9))
def test_one_decimal_wan(tenths: int) -> None:
    """`90.1万` is 901000 exactly (no binary noise such as 900999.99…)."""
    text = f"{tenths // 10}.{tenths % 10}万"
    parsed = parse_value(text)
    assert parsed.value == tenths * 1_000
    assert float(parsed.value).is_integer()
    assert parsed.qualifier is Q.EXACT


@given(st.integers(min_value=0, max_value=100))
def test_percent(n: int) -> None:
    assert_reads(f"{n}%", n, Q.EXACT, percent=True)


# ── write_value → parse_value ──────────────────────────────────────────────────────────────

written_qualifiers = st.sampled_from([Q.EXACT, Q.AT_LEAST, Q.APPROX, Q.AT_MOST])


@given(counts, written_qualifiers, st.booleans())
def test_write_then_parse_round_trip_integers(n: int, qualifier: Qualifier, percent: bool) -> None:
    assume(n or qualifier is not Q.AT_MOST)  # 不足0 is refused (test_at_most_zero_is_an_error)
    text = write_value(n, qualifier, percent=percent)
    assert_reads(text, n, qualifier, percent=percent)


@given(
    # Any number an upload accepts: larger ones are refused (value-too-large), so never stored.
    st.floats(min_value=-MAX_MAGNITUDE, max_value=MAX_MAGNITUDE),
    written_qualifiers,
    st.booleans(),
)
def test_write_then_parse_round_trip_any_number(
    value: float, qualifier: Qualifier, percent: bool
) -> None:
    """What the export writes, an upload reads back unchanged (the stored float itself)."""
    assume(value or qualifier is not Q.AT_MOST)
    text = write_value(value, qualifier, percent=percent)
    assert_reads(text, value, qualifier, percent=percent)


@pytest.mark.parametrize("qualifier", list(Q))
def test_write_not_reported(qualifier: Qualifier) -> None:
    text = write_value(None, qualifier)
    assert text == "未报告"
    parsed = parse_value(text)
    assert parsed.value is None
    assert parsed.qualifier is Q.NOT_REPORTED
    assert write_value(5, Q.NOT_REPORTED) == "未报告"


def test_write_examples() -> None:
    assert write_value(400, Q.AT_LEAST) == "400余"
    assert write_value(40, "approx") == "约40"
    assert write_value(10, Q.AT_MOST) == "不足10"
    assert write_value(100, Q.EXACT, percent=True) == "100%"
    assert write_value(901_000, Q.EXACT) == "901000"


# ── format_value (the formatting layer): for people ───────────────────────────────────────────────


@pytest.mark.parametrize(
    ("value", "qualifier", "percent", "zh", "en"),
    [
        (400, Q.AT_LEAST, False, "400余", "400+"),
        (3000, Q.AT_LEAST, False, "3000余", "3,000+"),
        (3_100_000, Q.AT_LEAST, False, "310余万", "3.1M+"),
        (901_000, Q.EXACT, False, "90.1万", "901K"),
        (90_000, Q.EXACT, False, "9万", "90K"),
        (40, Q.APPROX, False, "约40", "~40"),
        (10, Q.AT_MOST, False, "不足10", "<10"),
        (1525, Q.EXACT, False, "1525", "1,525"),
        (100, Q.EXACT, True, "100%", "100%"),
        (98.5, Q.EXACT, True, "98.5%", "98.5%"),
        (0, Q.EXACT, False, "0", "0"),
        (250_000_000, Q.EXACT, False, "2.5亿", "250M"),
    ],
)
def test_format_examples(
    value: float, qualifier: Qualifier, percent: bool, zh: str, en: str
) -> None:
    assert format_value(value, qualifier, percent=percent) == zh
    assert format_value(value, qualifier, percent=percent, lang="en") == en


@pytest.mark.parametrize("value", [None, 0, 5])
def test_format_not_reported_is_never_zero(value: float | None) -> None:
    qualifier = Q.NOT_REPORTED if value is not None else Q.EXACT
    assert format_value(value, qualifier) == "未报告"
    assert format_value(value, qualifier, lang="en") == "not reported"
    assert format_value(None, Q.AT_LEAST) == "未报告"


@given(st.integers(min_value=1, max_value=10**12))
def test_format_keeps_the_at_least_qualifier(n: int) -> None:
    assert "余" in format_value(n, Q.AT_LEAST)
    assert format_value(n, Q.AT_LEAST, lang="en").endswith("+")
    assert "余" not in format_value(n, Q.EXACT)
    assert not format_value(n, Q.EXACT, lang="en").endswith("+")


@given(st.integers(min_value=0, max_value=9999), written_qualifiers)
def test_format_small_numbers_reads_back(n: int, qualifier: Qualifier) -> None:
    """Below 万, what people see is also a valid upload value."""
    assume(n or qualifier is not Q.AT_MOST)
    assert_reads(format_value(n, qualifier), n, qualifier)


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (99_999_999, Qualifier.EXACT, "1亿"),
        (9_999, Qualifier.EXACT, "9999"),
        (12_000, Qualifier.AT_LEAST, "1.2万余"),
        (3_100_000, Qualifier.AT_LEAST, "310余万"),
        (123_456_789, Qualifier.EXACT, "1.2亿"),
    ],
)
def test_format_large_numbers_in_chinese_units(
    value: float, qualifier: Qualifier, expected: str
) -> None:
    assert format_value(value, qualifier) == expected


@pytest.mark.parametrize(("text", "expected"), [("90.1萬", 901_000), ("3億", 300_000_000)])
def test_traditional_multipliers(text: str, expected: float) -> None:
    assert parse_value(text).value == expected


def test_format_rate_marks_an_approximate_rate() -> None:
    assert format_rate(53.333, rough=False) == "53.3%"
    assert format_rate(53.333, rough=True) == "约53.3%"
    assert format_rate(53.333, rough=True, lang="en") == "~53.3%"


# ── changes, as numbers ─────────────────────────────────────────────────────────────────────


def test_change_between_counts_rates_and_from_zero() -> None:
    counts = change_between(400, "at_least", 500, "exact", percent=False, since=2019)
    assert counts is not None
    assert (counts.amount, counts.kind, counts.rough, counts.grew, counts.since) == (
        25.0,
        ChangeKind.RELATIVE,
        True,
        True,
        2019,
    )
    rates = change_between(98, "exact", 96, "exact", percent=True)
    assert rates is not None
    assert (rates.amount, rates.kind, rates.rough, rates.grew) == (
        -2,
        ChangeKind.POINTS,
        False,
        False,
    )
    from_zero = change_between(0, "exact", 5, "exact", percent=False)
    assert from_zero is not None
    assert (from_zero.amount, from_zero.kind) == (5, ChangeKind.ABSOLUTE)
    assert change_between(None, "not_reported", 5, "exact", percent=False) is None
    assert change_between(5, "exact", None, "not_reported", percent=False) is None
