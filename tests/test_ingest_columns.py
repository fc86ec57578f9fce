"""The column-wise reading agrees with the Python rules it replaces, on many generated inputs:
whitespace and cell cleaning, CSV lines split by Polars, value cells read by expressions, and
the screen that picks the datasets `check_dataset` looks at."""

from __future__ import annotations

import random
import re
import sys

import polars as pl
import pytest

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Fact
from dashboard.domain.values import (
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    UNITS,
    Qualifier,
    parse_value,
    strip_formula_guard,
)
from dashboard.ingest import reader
from dashboard.ingest.cells import PY_WHITESPACE, clean_cell, clean_text, is_blank, is_filled
from dashboard.ingest.limits import Limits
from dashboard.ingest.numbers import normalised, read_text, skeleton
from dashboard.ingest.plain_csv import plain_rows
from dashboard.ingest.relations import check_dataset
from dashboard.ingest.screen import flagged

SEED = 20_251_202


def test_whitespace_is_pythons_over_all_of_unicode() -> None:
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    assert {c for c in every if c.isspace()} == set(PY_WHITESPACE)
    assert {c for c in every if re.match(r"\s", c)} == set(PY_WHITESPACE)


PIECES = [" ", "\u3000", "\xa0", "\x1c", "\t", "\r", "'", "=", "-", "a", "发布", "4", "\u200b"]


def test_cleaning_and_filled_agree_with_python() -> None:
    rng = random.Random(SEED)
    texts = ["".join(rng.choices(PIECES, k=rng.randint(0, 6))) for _ in range(5_000)]
    frame = pl.DataFrame({"c": [*texts, None]}, schema={"c": pl.String}).select(
        clean_text(pl.col("c")).alias("clean"),
        is_filled(pl.col("c")).alias("filled"),
        is_blank(pl.col("c")).alias("blank"),
    )
    expected = [re.sub(r"\s+", " ", strip_formula_guard(t)).strip() for t in texts] + [""]
    assert frame.get_column("clean").to_list() == expected
    assert [clean_cell(t) for t in [*texts, None]] == expected
    assert frame.get_column("blank").to_list() == [t == "" for t in expected]
    assert frame.get_column("filled").to_list() == [t.strip() != "" for t in texts] + [False]


CSV_PIECES = ["2019", "局", ",", ",", "\t", ";", " ", "400余", "\r\n", "\n", "\r", "\u3000", "x"]


@pytest.mark.parametrize("limits", [Limits(), Limits(max_rows=5, max_columns=4, max_cells=30)])
def test_plain_csv_lines_are_the_csv_modules_rows(limits: Limits) -> None:
    rng = random.Random(SEED)
    compared = 0
    for _ in range(1_500):
        text = "".join(rng.choices(CSV_PIECES, k=rng.randint(0, 60)))
        plain = plain_rows(text, limits)
        if plain is None:  # a line wider than twice the column limit: the csv module reads it
            assert max(len(re.split("[,\t;]", line)) for line in text.splitlines()) > 8
            continue
        rows = reader._Rows(limits)
        reader._read_csv(text, rows)
        assert plain.problems == rows.problems, repr(text)
        assert (plain.header, plain.header_row if plain.header else 1) == (
            rows.header,
            rows.header_row,
        ), repr(text)
        table = reader.RawTable(frame=plain.frame)
        assert table.rows == rows.rows, repr(text)
        compared += 1
    assert compared > 1_000


def test_quotes_and_broken_characters_are_left_to_the_csv_module() -> None:
    for text in ('a,"b"\n', "a\x00b\n", "a\ufffd\n", "a," + "x" * 40_000 + "\n", "," * 120):
        assert plain_rows(text, Limits()) is None


def value_cells(rng: random.Random) -> list[str]:
    prefixes = ["", "", "", *PREFIX_QUALIFIERS]
    suffixes = ["", "", "", *SUFFIX_QUALIFIERS]
    units = ["", "", *UNITS, "萬", "條", "亿", "万"]
    numbers = ["0", "5", "400", "1,200", "1,2000", "90.1", ".5", "5.", "0.0", "1" * 17, "007"]
    out = []
    for _ in range(12_000):
        number = rng.choice([*numbers, str(rng.randint(0, 10**6)), f"{rng.uniform(0, 2):.3f}"])
        sign = rng.choice(["", "", "-"])
        parts = [rng.choice(prefixes), sign, number, rng.choice(suffixes)]
        parts += [rng.choice(units), rng.choice(suffixes)]
        if rng.random() < 0.1:
            parts.insert(rng.randrange(len(parts)), rng.choice([" ", "余", "%", "x", "约"]))
        out.append("".join(parts))
    return out


def test_value_cells_read_by_expressions_read_as_parse_value_reads_them() -> None:
    cells = value_cells(random.Random(SEED))
    frame = read_text(pl.DataFrame({"raw": cells}), "raw").with_columns(
        skeleton(pl.col("raw")).alias("shape")
    )
    kept = normalised(frame.get_column("shape").unique().to_list())
    frame = frame.filter(pl.col("plain") & pl.col("shape").is_in(sorted(kept)))
    assert frame.height > 2_000  # the check has something to compare
    for raw, value, qualifier, unit, error in frame.select(
        "raw", "plain_value", "plain_qualifier", "plain_unit", "plain_error"
    ).iter_rows():
        parsed = parse_value(raw)
        if parsed.error:
            assert error == parsed.error, raw
            continue
        assert error is None, raw
        assert (value, qualifier, unit, raw) == (
            parsed.value,
            str(parsed.qualifier),
            parsed.unit,
            parsed.as_written,
        ), raw
        assert repr(value) == repr(parsed.value), raw  # -0.0 is -0.0
        assert parsed.mult is None and (parsed.unit is None or not parsed.unit.endswith("元"))


# ── the screen never misses a dataset that check_dataset would report on ────────────────────

SCREENED = [
    ("hotline_received", "hotline_12345", None),
    ("hotline_closed", "hotline_12345", None),
    ("hotline_closure_rate", "hotline_12345", None),
    ("info_submitted", None, "区政府"),
    ("info_adopted", None, "区政府"),
    ("requests_new", None, None),
    ("requests_carried_over", None, None),
    ("requests_completed", None, None),
    ("requests_carried_forward", None, None),
    ("requests_disclosed", None, None),
    ("requests_unavailable", None, None),
    ("requests_unavailable_not_held", None, None),
    ("requests_new", None, "natural_person"),
    ("requests_new", None, "commercial"),
    ("items_published", None, None),
    ("items_published", "wechat", None),
    ("items_published", "weibo", None),
    ("items_published", "weibo_wechat", None),
    ("items_published", "gov_portal", None),
    ("items_published", "gov_portal", "政策文件"),
    ("items_published", None, "政策文件"),
    ("followers", "wechat", None),
    ("meetings", None, None),
]


# Each check on its own too: figures of one relation only, so that no other check flags them.
POOLS = [
    SCREENED,
    SCREENED[:3],
    SCREENED[3:5],
    [*SCREENED[5:9], ("requests_new", None, "natural_person")],
    [*SCREENED[9:12], ("requests_completed", None, None)],
    [*SCREENED[12:14], ("requests_new", None, None)],
    SCREENED[14:21],
    SCREENED[21:],
]


def random_facts(rng: random.Random, agency: str, year: int) -> list[Fact]:
    facts = []
    pool = rng.choice(POOLS)
    for metric, channel, category in rng.sample(pool, rng.randint(1, len(pool))):
        qualifier = rng.choice(list(Qualifier) + [Qualifier.EXACT] * 4)
        value = None
        if qualifier is not Qualifier.NOT_REPORTED:
            value = float(rng.choice([0, 1, 5, 10, 20, 100, 200, 400, 1000, rng.randint(0, 3000)]))
            if rng.random() < 0.1:
                value = round(rng.uniform(0, 100), 1)
        facts.append(Fact(agency, year, metric, channel, category, value, qualifier))
    if rng.random() < 0.2:
        facts.append(rng.choice(facts))
    return facts


def test_the_screen_flags_every_dataset_check_dataset_reports_on(catalogue: Catalogue) -> None:
    rng = random.Random(SEED)
    header = {f: f for f in ("year", "agency", "metric", "channel", "category", "value", "note")}
    datasets = [random_facts(rng, f"局{i}", 2020) for i in range(1_500)]
    previous = [
        random_facts(rng, f"局{i}", 2019) if rng.random() < 0.5 else [] for i in range(1_500)
    ]
    rows = [
        (ds, f.metric, f.channel, f.category, f.value, str(f.qualifier))
        for ds, facts in enumerate(datasets)
        for f in facts
    ]
    schema = ["ds", "metric", "channel", "category", "value", "qualifier"]
    frame = pl.DataFrame(rows, schema=schema, orient="row").with_columns(
        pl.col("ds").cast(pl.UInt32)
    )
    before = pl.DataFrame(
        [
            (ds, f.metric, f.channel, f.category, f.value)
            for ds, fs in enumerate(previous)
            for f in fs
        ],
        schema=schema[:5],
        orient="row",
    ).with_columns(pl.col("ds").cast(pl.UInt32))
    suspects = flagged(frame, before, catalogue)
    reported = set()
    for ds, facts in enumerate(datasets):
        kept, problems = check_dataset(facts, catalogue, header, previous[ds])
        if problems or len(kept) != len(facts):
            reported.add(ds)
    assert reported - suspects == set()
    assert len(reported) > 400  # the generator does break the rules
    assert len(suspects - reported) < 0.2 * len(suspects)  # and the screen is not everything
