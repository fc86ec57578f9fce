"""Seeded upload files as staff really fill them in, bad cells included, for checks of the whole
validation report (tests/test_ingest_golden.py, benchmarks/ingest_identity.py).

Each file holds a few datasets (agency × year) of coherent figures — channel totals with
categories, hotline counts with their rate, submissions and adoptions per recipient, the request
tables — and then damage: blanks, text numbers, qualifiers (约300, 400余, 3000多), separators
(1,200), multipliers (3.1万, 90.1万元), full-width and traditional spellings, negatives, percents
and fractions, units that contradict the metric, unknown or several channels, unknown metrics
and categories, duplicate rows and figures, relation failures, odd years, headers in English,
shuffled, doubled or missing, as CSV in the encodings Excel writes or as .xlsx with number cells.
`previous` gives last year's facts for some datasets, so that large changes are seen too.
"""

from __future__ import annotations

import csv
import io
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Fact
from dashboard.domain.values import Qualifier
from tests.test_reader import excel_file

HEADERS = {
    "year": ("年度", "year", "年份", " 年度 "),
    "agency": ("单位", "agency", "单位名称"),
    "metric": ("指标", "metric", "指标名称"),
    "channel": ("渠道", "channel"),
    "category": ("类别", "category"),
    "value": ("数值", "value", "数值(value)"),
    "note": ("备注", "note"),
}
AGENCIES = ("定海区教育局", "某某区人民政府办公室", "Test Bureau", "'=HYPERLINK(1)", "区  卫健委")
YEARS: tuple[object, ...] = (
    "2019",
    "2020年",
    "2021年度",
    "２０２２",
    "19",
    "2019.0",
    "二〇一九",
    "1989",
    "2999",
    "",
    " 2020 ",
    "2020.5",
    "²⁰²⁰",
)
ODD_VALUES: tuple[object, ...] = (
    "",
    " ",
    "约300",
    "300左右",
    "400余",
    "3000多",
    "1,200",
    "1，200",
    "3.1万",
    "90.1万元",
    "5000千元",
    "９００",
    "１，５２５",
    "-5",
    "－5",
    "−5",
    "12%",
    "98.5%",
    "0.95",
    "0.5",
    "未报告",
    "N/A",
    "—",
    "不详",
    "4 0 0",
    "400余余",
    "约400余",
    "不足0",
    "不足10",
    "1e24",
    "44444444444444444444",
    "４⁰⁰",
    "٤٠٠",
    "3.5萬",
    "1875條",
    "200餘",
    "3000人次",
    "58则",
    "3000余人次",
    "111件",
    "=1+1",
    "'-5",
    "'=5",
    "300+",
    "超过500",
    "近52000",
    "不到10",
    "约40%",
    "超过95%",
    "5.5",
    ".5",
    "5.",
    "0",
    "-0",
    "abc",
    "100以上",
    "1000万",
    "2亿",
    "３．５",
    "\u200b400",
    "400\u3000余",
    "12 345",
    "1 5",
)
ODD_METRICS = ("", "发布条数", "信息发布数量", "hotline received", "12345", "xyz", "关注人數")
ODD_CHANNELS = (
    "",
    "“XX发布”微信公众号",
    "官方微博“平安某某”",
    "微博微信",
    "微博、微信",
    "微信 微博 抖音",
    "某某APP",
    "<b>门户</b>",
    "ＷＥＣＨＡＴ",
    "政府网站",
    "新区“12345”",
    "两微一端",
)
ODD_CATEGORIES = (
    "",
    "总计",
    "合计",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "公开文件",
    "x",
    "文件",
)
NOTES = ("", "", "", "原文：公开信息 400余条", "含, 逗号", "第一行\n第二行", "<a href=x>y</a>")


@dataclass
class Upload:
    """One generated file: its name, bytes, and what the caller validates it with."""

    name: str
    content: bytes
    default_agency: str | None = None
    previous: dict[tuple[str, int], list[Fact]] = field(default_factory=dict)

    def previous_facts(self) -> Callable[[str, int], list[Fact]]:
        return lambda agency, year: list(self.previous.get((agency, year), []))


def _spelling(rng: random.Random, names: list[str]) -> str:
    """One of a name's spellings, sometimes full-width or spaced."""
    name = rng.choice(names)
    roll = rng.random()
    if roll < 0.05:
        return unicodedata.normalize("NFKC", name).translate(_FULL_WIDTH)
    if roll < 0.08:
        return " " + name + " "
    return name


_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def _names(entry: object) -> list[str]:
    zh, en = getattr(entry, "zh"), getattr(entry, "en")  # noqa: B009
    return [zh, zh, zh, en, getattr(entry, "id", zh), *getattr(entry, "aliases", ())]


def _number(rng: random.Random, low: int, high: int) -> int:
    return rng.randint(low, high)


def _dataset_rows(
    rng: random.Random, catalogue: Catalogue, agency: str, year: object
) -> list[list[object]]:
    """Coherent figures of one agency and year (most relations hold, some by chance not)."""
    metrics, channels = catalogue.metrics, catalogue.channels
    rows: list[list[object]] = []

    def add(metric: str, value: object, channel: str = "", category: str = "") -> None:
        m = metrics[metric]
        ch = _spelling(rng, _names(channels[channel])) if channel in channels else channel
        rows.append([year, agency, _spelling(rng, _names(m)), ch, category, value, ""])

    for channel in rng.sample(["gov_portal", "dept_site", "wechat", "weibo", "short_video"], 3):
        total = _number(rng, 20, 3000)
        written: object = total
        if rng.random() < 0.3:
            total = total // 100 * 100 or 100
            written = rng.choice((f"{total}余", f"{total}多", f"约{total}", f"{total}余条"))
        add("items_published", written, channel)
        for category in rng.sample(["政务动态", "通知公告", "政策文件", "公开文件"], 2):
            add("items_published", int(total * rng.uniform(0.05, 0.7)), channel, category)
    if rng.random() < 0.5:
        add("items_published", _number(rng, 100, 9000))
    received = _number(rng, 5, 3000)
    closed = received - rng.randint(-3, max(1, received // 20))
    add("hotline_received", received, "hotline_12345")
    add("hotline_closed", closed, "hotline_12345")
    rate = round(closed / received * 100, rng.choice((0, 1)))
    add(
        "hotline_closure_rate", rng.choice((f"{rate:g}%", rate, f"约{rate:g}%", "超过95%")), "12345"
    )
    for recipient in rng.sample(["区政府", "市政府", "市教育网"], 2):
        submitted = _number(rng, 1, 300)
        add("info_submitted", submitted, category=recipient)
        add("info_adopted", submitted - rng.randint(-2, submitted), category=recipient)
    new = _number(rng, 0, 40)
    disclosed = rng.randint(0, new)
    add("requests_new", new)
    add("requests_carried_over", rng.choice((0, 0, 1)))
    add("requests_disclosed", disclosed)
    add("requests_unavailable", new - disclosed)
    add("requests_completed", new + rng.choice((0, 0, 0, 1)))
    add("requests_carried_forward", rng.choice((0, 0, 2)))
    if rng.random() < 0.4:
        for term in rng.sample(["natural_person", "commercial", "research", "total"], 2):
            category = "" if term == "total" else term
            add("requests_new", rng.randint(0, 20), category=category)
    add("followers", _number(rng, 100, 90000), "wechat")
    add("recruitment_notices", rng.choice(("未报告", 3, "不详")), "dept_site")
    add("meetings", rng.randint(1, 8))
    return rows


def _damage(rng: random.Random, rows: list[list[object]], catalogue: Catalogue) -> None:
    """Bad and odd cells, duplicates and relation failures, in place."""
    for _ in range(rng.choice((0, 0, 1, 2, 4, len(rows) // 4))):
        row = rng.choice(rows)
        column = rng.choice((0, 0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5, 5, 6))
        pool: tuple[object, ...] = (
            YEARS,
            (*AGENCIES, ""),
            ODD_METRICS,
            ODD_CHANNELS,
            ODD_CATEGORIES,
            ODD_VALUES,
            NOTES,
        )[column]
        row[column] = rng.choice(pool)
    for _ in range(
        rng.choice((0, 0, 1, 3))
    ):  # exact repeats, repeats with another value or spelling
        copy = list(rng.choice(rows))
        roll = rng.random()
        if roll < 0.3 and isinstance(copy[5], int):
            copy[5] = copy[5] + rng.randint(1, 50)
        elif roll < 0.5 and copy[3]:
            copy[3] = rng.choice(("微信", "官方微信", "“XX发布”微信公众号", copy[3]))
        rows.insert(rng.randrange(len(rows) + 1), copy)
    for _ in range(rng.randint(0, 2)):  # unfilled template rows, blank rows, note-only rows
        blank: list[object] = rng.choice(
            (
                ["", "", "", "", "", "", ""],
                [2020, "某局", "专题会议次数", "", "", "", ""],
                [2020, "某局", "专题会议次数", "", "", "", "只有备注"],
                ["", "", "", "", "", "5", ""],
            )
        )
        rows.insert(rng.randrange(len(rows) + 1), list(blank))
    metric_names = [m.zh for m in catalogue.metrics.values()]
    for _ in range(rng.randint(0, 2)):  # a metric that exists, with a value of any shape
        rows.append(
            [
                rng.choice(YEARS[:3]),
                rng.choice(AGENCIES[:2]),
                rng.choice(metric_names),
                rng.choice(("", "", "微信", "12345", "门户网站")),
                rng.choice(("", "", "自然人", "合计")),
                rng.choice((*ODD_VALUES, rng.randint(0, 500), rng.uniform(0, 2))),
                "",
            ]
        )


def _header(rng: random.Random) -> tuple[list[str], list[int]]:
    """Header cells and, per header cell, the field index it carries (-1: an extra column)."""
    order = list(range(7))
    if rng.random() < 0.3:
        rng.shuffle(order)
    if rng.random() < 0.15:
        order.remove(rng.choice((3, 4, 6)))  # an optional column left out
    if rng.random() < 0.04:
        order.remove(rng.choice((0, 2, 5)))  # a required column missing
    fields = list(HEADERS)
    header = [
        rng.choice(HEADERS[fields[i]]) if rng.random() < 0.3 else HEADERS[fields[i]][0]
        for i in order
    ]
    roll = rng.random()
    if roll < 0.06:
        at = rng.randrange(len(order) + 1)
        order.insert(at, -1)
        header.insert(at, rng.choice(("说明", "单位（参考）", "上年数值（参考）", "")))
    elif roll < 0.08:
        order.append(order[0])
        header.append(header[0])  # the same column twice
    return header, order


def _previous(rng: random.Random, agency: str, year: int) -> list[Fact]:
    """Last year's stored figures for a dataset: some tenfold off this year's."""
    out = [
        Fact(
            agency,
            year,
            "hotline_received",
            "hotline_12345",
            None,
            rng.choice((3.0, 50.0, 30000.0, 200.0)),
            Qualifier.EXACT,
        ),
        Fact(
            agency,
            year,
            "followers",
            "wechat",
            None,
            rng.choice((10.0, 5e6, 1000.0)),
            Qualifier.EXACT,
        ),
        Fact(agency, year, "meetings", None, None, 100.0, Qualifier.AT_LEAST, as_written="100余"),
        Fact(agency, year, "hotline_closure_rate", "hotline_12345", None, 1.0, Qualifier.EXACT),
        Fact(agency, year, "requests_new", None, None, None, Qualifier.NOT_REPORTED),
    ]
    return rng.sample(out, rng.randint(1, len(out)))


def generate(catalogue: Catalogue, count: int, seed: int = 20_250_101) -> list[Upload]:
    """`count` seeded upload files: CSV in several encodings and delimiters, and .xlsx."""
    rng = random.Random(seed)
    uploads: list[Upload] = []
    for index in range(count):
        rows: list[list[object]] = []
        previous: dict[tuple[str, int], list[Fact]] = {}
        keys = [(a, y) for a in AGENCIES[:3] for y in (2019, 2020, 2021, "2022年")]
        for agency, year in rng.sample(keys, rng.randint(1, 3)):
            rows += _dataset_rows(rng, catalogue, agency, year)
            if rng.random() < 0.5 and isinstance(year, int):
                previous[(agency, year - 1)] = _previous(rng, agency, year - 1)
        _damage(rng, rows, catalogue)
        default_agency = None
        if rng.random() < 0.1:
            default_agency = "默认单位"
            for row in rows:
                if rng.random() < 0.5:
                    row[1] = ""
        header, order = _header(rng)
        table = [[("" if i < 0 else row[i]) for i in order] for row in rows]
        kind = rng.random()
        if kind < 0.25:
            cells = [[_excel_cell(rng, v) for v in r] for r in table]
            content = excel_file([header, *cells])
            name = f"messy-{index:03d}.xlsx"
        else:
            content = _csv(rng, header, table)
            name = f"messy-{index:03d}.csv"
        uploads.append(Upload(name, content, default_agency, previous))
    return uploads


def _excel_cell(rng: random.Random, value: object) -> object:
    """A cell as Excel keeps it: numbers typed as numbers, blanks as nothing."""
    if value == "":
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit() and rng.random() < 0.5:
        return int(value)
    if isinstance(value, float) and rng.random() < 0.5:
        return round(value, rng.choice((1, 3, 6)))
    return value


def _csv(rng: random.Random, header: list[str], table: list[list[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    delimiter = rng.choice((",", ",", ",", "\t", ";"))
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=rng.choice(("\r\n", "\n")))
    writer.writerow(header)
    for row in table:
        writer.writerow(["" if v is None else v for v in row])
    text = buffer.getvalue()
    encoding = rng.choice(("utf-8", "utf-8", "utf-8-sig", "gb18030"))
    return text.encode(encoding, errors="replace")
