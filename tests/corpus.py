"""The acceptance measure of issue 10 on a corpus of real report excerpts (tests/data/corpus).

Each report's hand labels are typed as staff would type them into an upload file (the value
cell is the label's `as_written`, the note its `quote`, the row named as in `LABEL_ROWS`),
imported with the real CLI, exported again, and looked for on the dashboard's pages. Three
figures come out of it:

- stored right: the exported row of a label gives the label's number and qualifier;
- shown: the label's figure appears as written in the text of a page other than 数据;
- KPI 未报告: the share of overview KPI cards that read 未报告.

Shared by tests/test_corpus.py, tests/test_browser_corpus.py and benchmarks/bench_corpus.py,
so the same measure runs on any corpus file of the same format. Nothing here trusts the
product to judge itself: written figures are read and normalised by the small independent
reader below, not by `dashboard.domain.values`; the catalogue is used only to resolve names
to ids (to find a row again) and for a metric's default unit.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the browser part is imported only by what drives a browser
    from playwright.sync_api import Locator, Page

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus" / "reports-dev.jsonl"
COLUMNS_TOML = ROOT / "data" / "catalogue" / "columns.toml"

# The upload file's header, in the order of data/samples/*.csv.
UPLOAD_HEADER = ("年度", "单位", "指标", "渠道", "类别", "数值", "备注")
IMPORT_USER = "corpus"


# ── the corpus ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Label:
    """One hand-checked figure of a report (see tests/data/corpus/README.md)."""

    metric: str  # a label id: publish_total, wechat_posts, …
    value: float  # in plain units: 310余万 → 3100000
    qualifier: str  # exact, at_least, approx, at_most
    unit: str  # the labeller's unit (人次 for 310余万 reads), also when none was written
    as_written: str  # the figure as the report writes it: 1200余条, 4件次, 90.1萬
    quote: str  # the report's sentence around it


@dataclass(frozen=True)
class Report:
    id: str
    agency: str
    year: int
    script: str
    labels: tuple[Label, ...]
    url: str = ""


def load_reports(path: Path = CORPUS) -> list[Report]:
    """Every report of a corpus file (one JSON object a line)."""
    reports = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        labels = tuple(
            Label(
                metric=x["metric"],
                value=float(x["value"]),
                qualifier=x["qualifier"],
                unit=x.get("unit") or "",
                as_written=x["as_written"],
                quote=x["quote"],
            )
            for x in data["labels"]
        )
        reports.append(
            Report(
                id=data["id"],
                agency=data["agency"],
                year=int(data["year"]),
                script=data.get("script", "simplified"),
                labels=labels,
                url=data.get("url", ""),
            )
        )
    return reports


def label_ids(report: Report) -> list[str]:
    """A test id per label of a report, unique within it (a metric labelled twice gets #2)."""
    seen: Counter[str] = Counter()
    ids = []
    for label in report.labels:
        seen[label.metric] += 1
        suffix = f"#{seen[label.metric]}" if seen[label.metric] > 1 else ""
        ids.append(f"{report.id}:{label.metric}{suffix}")
    return ids


# ── label → upload row (the table of issue 10) ─────────────────────────────────────────────


@dataclass(frozen=True)
class Home:
    """Where a label's figure is typed: 指标, 渠道, 类别 ("" for blank)."""

    metric: str
    channel: str = ""
    category: str = ""


LABEL_ROWS: dict[str, Home] = {
    "publish_total": Home("发布信息条数"),
    "publish_portal": Home("发布信息条数", "政府门户网站"),
    "publish_dept_site": Home("发布信息条数", "部门网站"),
    "publish_documents": Home("发布信息条数", "", "文件"),
    "wechat_posts": Home("发布信息条数", "微信公众号"),
    "weibo_posts": Home("发布信息条数", "微博"),
    "video_posts": Home("发布信息条数", "短视频"),
    "wechat_followers": Home("关注人数", "微信公众号"),
    "weibo_followers": Home("关注人数", "微博"),
    "wechat_reads": Home("阅读量", "微信公众号"),
    "media_reports": Home("媒体报道篇数", "新闻媒体"),
    "interpretations": Home("政策解读篇数"),
    "submitted_info": Home("报送信息篇数"),
    "adopted_info": Home("录用信息篇数"),
    "hotline_received": Home("热线受理件数", "12345"),
    "hotline_closed": Home("热线办结件数", "12345"),
    "hotline_closure_rate": Home("热线办结率", "12345"),
    "hotline_satisfaction_rate": Home("满意率", "12345"),
    "recruitment_notices": Home("招聘公告条数"),
    "recruitment_hires": Home("招聘人数"),
    "requests_received": Home("新收申请数"),
    "requests_completed": Home("办理结果总计"),
    "requests_disclosed": Home("予以公开"),
    "requests_partial": Home("部分公开"),
    "requests_refused": Home("不予公开"),
    "requests_unavailable": Home("无法提供"),
    "requests_not_processed": Home("不予处理"),
    "requests_other": Home("其他处理"),
    "review_cases": Home("行政复议"),
    "litigation_cases": Home("行政诉讼"),
    "meetings": Home("专题会议次数"),
}


@dataclass(frozen=True)
class UploadRow:
    """One typed row and the label it carries; `row` is its spreadsheet row (header = 1)."""

    label: Label
    label_id: str
    cells: tuple[str, ...]
    row: int


@dataclass(frozen=True)
class Skipped:
    """A label left out of the upload file, and why (a second figure for one slot, no row)."""

    label: Label
    label_id: str
    reason: str  # "collision" (the slot is taken by `other`) or "no-home" (unknown label id)
    other: str | None = None


@dataclass(frozen=True)
class Typed:
    """A report typed into upload rows."""

    report: Report
    rows: tuple[UploadRow, ...]
    skipped: tuple[Skipped, ...]


def upload_rows(report: Report, first_row: int = 2) -> Typed:
    """The report's labels as upload rows, one dataset (its agency and year).

    Two labels that fall into one slot (指标, 渠道, 类别) cannot both be typed: the first is
    kept, the other is counted as skipped.
    """
    rows: list[UploadRow] = []
    skipped: list[Skipped] = []
    taken: dict[Home, str] = {}
    for label, label_id in zip(report.labels, label_ids(report), strict=True):
        home = LABEL_ROWS.get(label.metric)
        if home is None:
            skipped.append(Skipped(label, label_id, "no-home"))
            continue
        if home in taken:
            skipped.append(Skipped(label, label_id, "collision", taken[home]))
            continue
        taken[home] = label_id
        cells = (
            str(report.year),
            report.agency,
            home.metric,
            home.channel,
            home.category,
            label.as_written,
            label.quote,
        )
        rows.append(UploadRow(label, label_id, cells, first_row + len(rows)))
    return Typed(report, tuple(rows), tuple(skipped))


def csv_text(rows: Sequence[Sequence[str]]) -> bytes:
    """Rows under the upload header, as UTF-8 CSV (quoted where needed)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(UPLOAD_HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def upload_csv(reports: Sequence[Report]) -> bytes:
    """One upload file holding every report: one dataset per (agency, year)."""
    rows: list[tuple[str, ...]] = []
    for report in reports:
        rows.extend(r.cells for r in upload_rows(report, first_row=2 + len(rows)).rows)
    return csv_text(rows)


# ── reading written figures, independently of the product ─────────────────────────────────

# Traditional → simplified, for the words figures are written with (units, qualifiers, 万/亿)
# and the common words of report sentences; enough to compare written forms, not a converter.
_T2S_PAIRS = (
    "條条 萬万 億亿 餘余 項项 則则 個个 場场 約约 過过 將将 兩两 幾几 與与 區区"
    " 縣县 門门 戶户 網网 發发 佈布 資资 訊讯 報报 導导 關关 註注 數数 據据 務务"
    " 開开 衛卫 員员 會会 處处 請请 辦办 結结 類类 複复 議议 訴诉 訟讼 統统 計计"
    " 總总 體体 動动 態态 圖图 書书 館馆 檔档 單单 機机 構构 職职 責责 業业 錄录"
    " 應应 稱称 規规 範范 實实 際际 標标 準准 達达 滿满 熱热 線线 號号 視视 頻频"
    " 載载 頭头 讀读 閱阅 覽览 瀏浏 點点 擊击 訪访 談谈 徵征 問问 題题 調调 絡络"
    " 蓋盖 經经 濟济 醫医 療疗 學学 師师 獎奖 勵励 補补 貼贴 費费 財财 預预 決决"
    " 審审 許许 罰罚 強强 層层 級级 環环 護护 災灾 險险 專专 權权 們们 內内 從从"
    " 後后 來来 時时 對对 說说 這这 裡里 為为 國国 紀纪 現现 當当 並并 產产 陽阳"
    " 寧宁 蘇苏 漢汉 廣广 東东 雲云 貴贵 遼辽 龍龙 長长 濱滨 灣湾 豐丰 廳厅 鄉乡"
    " 鎮镇 莊庄 邊边 監监 稅税 營营 運运 輸输 農农 鐵铁 華华 眾众 團团 黨党 軍军"
    " 隊队 優优 質质 講讲 課课 試试 驗验 證证 輔辅 續续 興兴 舉举 築筑 設设 備备"
    " 舊旧 歷历 屆届 詢询 諮咨 響响 頁页 欄栏 屬属 歸归 檢检 節节 齊齐 須须 帶带"
    " 擔担 掛挂 幣币 較较 勞劳 藝艺 術术 樂乐 領领 觀观 圍围 隨随 殘残 貿贸 遞递"
    " 傳传 無无 訂订 細细 閒闲 愛爱 參参 進进 選选 戰战 擇择 記记 錢钱 額额 價价"
    " 廢废 執执 頒颁 讓让 認认 識识 齡龄 義义 雜杂 納纳 製制 廠厂 臺台 圓圆"
)
T2S = str.maketrans({pair[0]: pair[1] for pair in _T2S_PAIRS.split()})

PREFIXES = {
    "超过": "at_least",
    "多于": "at_least",
    "大于": "at_least",
    "逾": "at_least",
    "超": "at_least",
    "大约": "approx",
    "接近": "approx",
    "将近": "approx",
    "约": "approx",
    "近": "approx",
    "不足": "at_most",
    "不到": "at_most",
    "少于": "at_most",
}
SUFFIXES = {
    "余": "at_least",
    "多": "at_least",
    "以上": "at_least",
    "+": "at_least",
    "左右": "approx",
    "上下": "approx",
    "以下": "at_most",
}
MULTIPLIERS = {"千": 1e3, "万": 1e4, "亿": 1e8}


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


# A figure: qualifier words, a number (thousands separators allowed), 千/万/亿, the counting
# word as written (any letters left: 条, 件次, 人次, %, 万元 …), qualifier words after it.
_FIGURE = re.compile(
    rf"""^(?P<pre>{_alternation(PREFIXES)})?
    (?P<num>[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?)
    (?P<post1>{_alternation(SUFFIXES)})?
    (?P<mult>[千万亿](?!元))?
    (?P<post2>{_alternation(SUFFIXES)})?
    (?P<unit>[^0-9]*?)
    (?P<post3>{_alternation(SUFFIXES)})?$""",
    re.VERBOSE,
)


def normalise(text: str) -> str:
    """Simplified script, half-width (NFKC), no spaces: how a written figure is compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(T2S))


@dataclass(frozen=True)
class Written:
    """A written figure read: number in plain units, qualifier, counting word (None if none)."""

    value: float
    qualifier: str
    unit: str | None


def read_written(text: str) -> Written | None:
    """`1200余条` → 1200, at_least, 条; `310余万` → 3100000, at_least, None; None if unreadable."""
    plain = normalise(text)
    if plain.startswith("'"):  # the export's guard before a formula-like cell
        plain = plain[1:]
    match = _FIGURE.match(plain)
    if match is None:
        return None
    qualifiers = {PREFIXES[match["pre"]]} if match["pre"] else set()
    qualifiers |= {SUFFIXES[match[k]] for k in ("post1", "post2", "post3") if match[k]}
    if len(qualifiers) > 1:
        return None
    number = float(match["num"].replace(",", ""))
    if match["mult"]:
        number = round(number * MULTIPLIERS[match["mult"]], 6)
    return Written(number, qualifiers.pop() if qualifiers else "exact", match["unit"] or None)


def same_number(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def written_unit(label: Label) -> str | None:
    """The counting word the report wrote with the figure (simplified), None when none."""
    read = read_written(label.as_written)
    return read.unit if read else None


# ── import → export with the real command line ──────────────────────────────────────────────


@contextlib.contextmanager
def store_environment(db_url: str) -> Iterator[None]:
    """The CLI's settings pointed at `db_url` (and no configured agency), restored afterwards."""
    from dashboard.platform.settings import DATABASE_URL_ENV, clear_settings_cache

    saved = {k: os.environ.get(k) for k in (DATABASE_URL_ENV, "DASHBOARD_AGENCY")}
    os.environ[DATABASE_URL_ENV] = db_url
    os.environ.pop("DASHBOARD_AGENCY", None)
    clear_settings_cache()
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        clear_settings_cache()


def run_cli(*argv: str) -> tuple[int, str]:
    """`python -m dashboard …` run in this process: (exit code, stdout)."""
    from dashboard.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(argv))
    return code, out.getvalue()


@dataclass
class Imported:
    """What importing one report's file did."""

    typed: Typed
    exit_code: int
    errors: list[dict[str, Any]]
    warnings: list[dict[str, Any]]
    dataset: tuple[str, int] | None  # the (agency, year) stored, as the store names it


def import_reports(reports: Sequence[Report], db_url: str, folder: Path) -> list[Imported]:
    """Each report as its own upload file, imported with `python -m dashboard import --json`.

    One file per report: a file with an error imports nothing, and one report's refusal must
    not hide whether the others are stored right.
    """
    outcomes = []
    with store_environment(db_url):
        for report in reports:
            typed = upload_rows(report)
            path = folder / f"{report.id}.csv"
            path.write_bytes(csv_text([r.cells for r in typed.rows]))
            code, out = run_cli("import", str(path), "--json", "--user", IMPORT_USER)
            try:
                payload = json.loads(out)
            except json.JSONDecodeError:
                payload = {"errors": [{"row": None, "code": "no-json", "message": out[-300:]}]}
            commits = payload.get("commits") or []
            dataset = (commits[0]["agency"], int(commits[0]["year"])) if commits else None
            outcomes.append(
                Imported(
                    typed,
                    code,
                    payload.get("errors", []),
                    payload.get("warnings", []),
                    dataset,
                )
            )
    return outcomes


def _column_fields() -> dict[str, str]:
    """Header spelling (normalised) → upload field, from data/catalogue/columns.toml."""
    spec = tomllib.loads(COLUMNS_TOML.read_text(encoding="utf-8"))
    return {
        _header_key(name): field_name
        for field_name, column in spec["column"].items()
        for name in column["names"]
    }


def _header_key(text: str) -> str:
    return re.sub(r"[\s()（）]", "", unicodedata.normalize("NFKC", text)).lower()


def export_rows(db_url: str, folder: Path) -> list[dict[str, str]]:
    """`python -m dashboard export --format csv`, read back: a dict of field → cell per row."""
    path = folder / "export.csv"
    with store_environment(db_url):
        code, out = run_cli("export", "--format", "csv", "-o", str(path))
    if code != 0:
        raise RuntimeError(f"export failed ({code}): {out}")
    fields = _column_fields()
    reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    header = [fields.get(_header_key(h), h) for h in next(reader)]
    return [dict(zip(header, row, strict=False)) for row in reader]


# ── stored right: the exported row of every label ─────────────────────────────────────────


@dataclass
class LabelOutcome:
    """How one label fared: `cause` None when its exported row gives its number and qualifier."""

    report: Report
    label: Label
    label_id: str
    cause: str | None = None  # refused, misfiled, rounded (wrong number/qualifier), dropped, …
    detail: str = ""
    dataset: tuple[str, int] | None = None
    exported: str | None = None  # the value cell exported for its slot


# Causes of a miss, in the order they are listed.
CAUSES = {
    "refused": "refused by validation",
    "misfiled": "misfiled (stored under another row)",
    "rounded": "rounded or changed (number or qualifier)",
    "dropped": "missing from the export",
    "collision": "two labels for one slot (only the first typed)",
    "no-home": "label id without a row in LABEL_ROWS",
    "not-shown": "not shown on any page",
}


class Resolver:
    """Names → catalogue ids, to find a label's row again however the export spells it."""

    def __init__(self) -> None:
        from dashboard.domain.catalogue import default_catalogue

        self.catalogue = default_catalogue()

    def metric(self, name: str) -> str:
        metric = self.catalogue.find_metric(name)
        return metric.id if metric else f"?{normalise(name)}"

    def channel(self, name: str) -> str | None:
        if not name.strip():
            return None
        channel = self.catalogue.find_channel(name)
        return channel.id if channel else f"?{normalise(name)}"

    def category(self, metric_name: str, name: str) -> str | None:
        if not name.strip():
            return None
        metric = self.catalogue.find_metric(metric_name)
        if metric is not None and metric.category in self.catalogue.vocabularies:
            known, term = self.catalogue.find_term(metric.category, name)
            if known:
                return term
        if metric is not None and metric.category == "free":
            # a known category of a free one is stored by its id (文件 → documents)
            return self.catalogue.free_category(metric, name)
        return normalise(name)

    def slot(self, home: Home) -> tuple[str, str | None, str | None]:
        return (
            self.metric(home.metric),
            self.channel(home.channel),
            self.category(home.metric, home.category),
        )

    def default_unit(self, label: Label) -> str:
        """The unit a page adds to a figure written without one: the metric's, else the label's."""
        home = LABEL_ROWS.get(label.metric)
        metric = self.catalogue.find_metric(home.metric) if home else None
        return metric.unit if metric is not None and metric.unit else label.unit


@dataclass
class StoreMeasure:
    """The stored-right part of the measure, for every label of a corpus."""

    db_url: str
    imported: list[Imported]
    outcomes: list[LabelOutcome]
    export: list[dict[str, str]]

    @property
    def right(self) -> int:
        return sum(o.cause is None for o in self.outcomes)

    @property
    def ratio(self) -> float:
        return self.right / len(self.outcomes) if self.outcomes else 1.0

    def outcome(self, label_id: str) -> LabelOutcome:
        return next(o for o in self.outcomes if o.label_id == label_id)


def _row_text(row: dict[str, str]) -> str:
    return " / ".join(row.get(k, "") for k in ("metric", "channel", "category")) + (
        f" = {row.get('value', '')}"
    )


def judge_store(imported: list[Imported], export: list[dict[str, str]]) -> list[LabelOutcome]:
    """Each label against the exported rows of its dataset."""
    resolve = Resolver()
    by_dataset: dict[tuple[str, int], list[dict[str, str]]] = defaultdict(list)
    for row in export:
        try:
            by_dataset[(row["agency"], int(row["year"]))].append(row)
        except (KeyError, ValueError):
            continue
    outcomes: list[LabelOutcome] = []
    for item in imported:
        report = item.typed.report
        for skip in item.typed.skipped:
            detail = f"slot taken by {skip.other}" if skip.other else "no row for this label"
            outcomes.append(
                LabelOutcome(report, skip.label, skip.label_id, skip.reason, detail, item.dataset)
            )
        rows = by_dataset.get(item.dataset, []) if item.dataset else []
        for typed in item.typed.rows:
            outcome = LabelOutcome(report, typed.label, typed.label_id, dataset=item.dataset)
            outcomes.append(outcome)
            if item.dataset is None:
                own = [e for e in item.errors if e.get("row") == typed.row]
                errors = own or [e for e in item.errors if e.get("row") is None] or item.errors
                outcome.cause = "refused"
                outcome.detail = "; ".join(
                    f"[{e.get('code')}] {e.get('message', '')}" for e in errors[:2]
                ) + ("" if own else " (another row of the file)")
                continue
            want = resolve.slot(LABEL_ROWS[typed.label.metric])
            found = [
                r
                for r in rows
                if (
                    resolve.metric(r.get("metric", "")),
                    resolve.channel(r.get("channel", "")),
                    resolve.category(r.get("metric", ""), r.get("category", "")),
                )
                == want
            ]
            if not found:
                quote = normalise(typed.label.quote)
                elsewhere = [r for r in rows if normalise(r.get("note", "")) == quote]
                if elsewhere:
                    outcome.cause = "misfiled"
                    outcome.detail = "stored as " + "; ".join(_row_text(r) for r in elsewhere)
                else:
                    outcome.cause = "dropped"
                    outcome.detail = "no exported row for " + " / ".join(typed.cells[2:5])
                continue
            outcome.exported = found[0].get("value", "")
            read = read_written(outcome.exported)
            label = typed.label
            if (
                read is None
                or not same_number(read.value, label.value)
                or read.qualifier != label.qualifier
            ):
                outcome.cause = "rounded"
                got = f"{read.value:g} {read.qualifier}" if read else "unreadable"
                outcome.detail = (
                    f"typed {label.as_written!r} ({label.value:g} {label.qualifier}), "
                    f"exported {outcome.exported!r} ({got})"
                )
    return outcomes


def measure_store(reports: Sequence[Report], db_url: str, folder: Path) -> StoreMeasure:
    """Import every report (a file each) into the store at `db_url`, export, judge each label."""
    imported = import_reports(reports, db_url, folder)
    # With nothing stored, `export` finds no dataset (exit 1): nothing to read back.
    export = export_rows(db_url, folder) if any(i.dataset for i in imported) else []
    return StoreMeasure(db_url, imported, judge_store(imported, export), export)


# ── shown: the figure, as written, in a page's text ─────────────────────────────────────────

# Pages other than 数据, as URL paths (the overview is ""); the pages actually read are those
# the sidebar lists (`page_paths`), so that a page added later is read too.
PAGE_PATHS = ("", "channels", "new-media", "hotline", "recruitment", "requests")
SKIPPED_PATHS = ("data", "present")  # the raw table, and the slides shown on a projector
NOT_REPORTED = "未报告"
_EITHER_AT_LEAST = {"余": "[余多]", "多": "[余多]"}  # 3000多 may read 3000余, and back


def expected_figure(label: Label, resolve: Resolver) -> str:
    """What a page must show: the figure as written (simplified, half-width), with its unit as
    written, or the metric's default unit when none was written (`5` → `5件`)."""
    text = normalise(label.as_written)
    return text if written_unit(label) else text + resolve.default_unit(label)


def figure_pattern(expected: str) -> re.Pattern[str]:
    """The expected figure in running text: spaces allowed between its parts, thousands
    separators between digits (21,597条), 余 and 多 interchangeable; not inside a longer number
    (5件 is not found in 15件)."""
    parts: list[str] = []
    for index, char in enumerate(expected):
        if index:
            previous = expected[index - 1]
            both_digits = previous.isdigit() and char.isdigit()
            parts.append(",?" if both_digits else r"\s?")
        parts.append(_EITHER_AT_LEAST.get(char) or re.escape(char))
    return re.compile(r"(?<![0-9.,])" + "".join(parts) + (r"(?![0-9])" if expected else ""))


@dataclass
class PageText:
    """What one page of one report's view holds as text."""

    path: str
    text: str  # the main block's innerText and every chart's SVG text
    kpi_values: list[str] = field(default_factory=list)  # overview only
    problem: str | None = None  # why the page is broken (an exception box, no title …)
    tables: list[list[list[str]]] = field(default_factory=list)  # text tables: rows of cells


# A quote this much longer than its figure is a sentence of the report (a note shown verbatim);
# shorter ones are a name and the figure (`不予公开1件`), as a summary line may well read.
SENTENCE_EXTRA = 8


def page_text(text: str) -> str:
    """Page text compared like written figures (simplified, half-width), its line breaks and
    spaces kept as one space: two numbers on two lines never read as one."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).translate(T2S))


def scrub_quotes(text: str, labels: Sequence[Label]) -> str:
    """Page text with the report's own sentences taken out: a note shown verbatim is not the
    figure shown (every quote contains its figure)."""
    plain = page_text(text)
    quotes = {
        normalise(x.quote)
        for x in labels
        if len(normalise(x.quote)) >= len(normalise(x.as_written)) + SENTENCE_EXTRA
    }
    for quote in sorted(quotes, key=len, reverse=True):
        plain = re.sub(r"\s*".join(map(re.escape, quote)), " ", plain)
    return plain


@dataclass
class ShownOutcome:
    report: Report
    label: Label
    label_id: str
    expected: str
    shown_on: list[str]  # page paths where it appears
    hint: str = ""  # for a figure not shown: where its number appears without its unit


@dataclass
class PagesMeasure:
    """The shown part of the measure: labels found on pages, KPI cards reading 未报告."""

    outcomes: list[ShownOutcome]
    kpi_cards: int
    kpi_not_reported: int
    per_report_kpis: dict[str, tuple[int, int]]  # report id → (cards, 未报告)
    exceptions: list[str]  # "report id /path: problem" of the pages that broke

    @property
    def shown(self) -> int:
        return sum(bool(o.shown_on) for o in self.outcomes)

    @property
    def ratio(self) -> float:
        return self.shown / len(self.outcomes) if self.outcomes else 1.0

    @property
    def kpi_ratio(self) -> float:
        return self.kpi_not_reported / self.kpi_cards if self.kpi_cards else 0.0


# Text of the main block (not the sidebar's selectors), plus every SVG text: Plotly draws its
# labels as SVG, which innerText does not always include. Scoped to the main block so the
# agency list of the sidebar never counts as a figure.
_PAGE_TEXT_JS = """() => {
    const main = document.querySelector('[data-testid=stMain]') || document.body;
    const svg = [...main.querySelectorAll('svg text')].map(t => t.textContent).join('\\n');
    const kpis = [...main.querySelectorAll('[data-testid=stMetric]')].map(m => {
        const v = m.querySelector('[data-testid=stMetricValue]');
        return (v ? v.innerText : m.innerText).trim();
    });
    const box = document.querySelector('[data-testid=stException]');
    const exception = box ? box.innerText.split('\\n').slice(0, 3).join(' ') : '';
    const title = !!main.querySelector('h1');
    const tables = [...main.querySelectorAll('table')].map(
        t => [...t.rows].map(r => [...r.cells].map(c => c.innerText)));
    return {
        text: main.innerText + '\\n' + svg,
        kpis: kpis,
        exception: exception,
        title: title,
        tables: tables,
        path: location.pathname,
    };
}"""
_DRAWN = (
    "[data-testid=stMain] h1, [data-testid=stException], [data-testid=stMain] [data-testid=stAlert]"
)
WAIT_MS = 20_000  # per step of drawing one page; a page slower than this is counted as broken
_CHARTS_DRAWN_JS = (
    "!document.querySelector('[data-testid^=stSkeleton]') && "
    "[...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
    ".every(c => c.querySelector('svg.main-svg'))"
)


def _switch_page(page: Page, link: Locator) -> bool:
    """Click a page link and wait until the new page is drawn; False if that did not happen."""
    from playwright.sync_api import Error as PlaywrightError

    from tests.browser_helpers import IDLE, wait_for_run, watch_for_run

    try:
        # Watch for the run from before the click, so that a run that starts and ends quickly
        # is still seen; then wait until the new page's run is over.
        mark = watch_for_run(page)
        link.click()
        wait_for_run(page, mark, timeout_ms=WAIT_MS)
        page.wait_for_selector(IDLE, timeout=WAIT_MS)
        page.wait_for_function(_CHARTS_DRAWN_JS, timeout=WAIT_MS)
    except PlaywrightError:
        return False
    return True


def read_page(page: Page, url: str, path: str, *, switch: bool = False) -> PageText:
    """Open one page and read its text.

    The first page of a view is loaded from its URL (a fresh session: the URL's agency and year
    apply); with `switch`, the page is reached instead through the sidebar's page link, as a
    user moves between pages: the session and its view are kept, and no reload is paid for
    (a link that is not there falls back to loading the URL). A page that breaks (an exception
    box, an error instead of its title, never idle) is read as it is and marked, so that one
    broken page does not stop the measure.
    """
    from playwright.sync_api import Error as PlaywrightError

    from tests.browser_helpers import IDLE

    problem = None
    link = page.locator(f'[data-testid=stSidebarNav] a[href$="/{path}"]')
    if switch and link.count() == 1 and _switch_page(page, link):
        pass
    else:  # the first page of a view, or a switch that went astray: load it from its URL
        step = "load"
        try:
            page.goto(url)
            # The page's title, or whatever stands in for it when the script failed early.
            step = "title"
            page.wait_for_selector(_DRAWN, timeout=WAIT_MS)
            step = "idle"
            page.wait_for_selector(IDLE, timeout=WAIT_MS)
            step = "charts"
            page.wait_for_function(_CHARTS_DRAWN_JS, timeout=WAIT_MS)
        except PlaywrightError as error:
            problem = f"not drawn ({step}): " + str(error).splitlines()[0]
    data = page.evaluate(_PAGE_TEXT_JS)
    if problem is None and data["exception"]:
        problem = "exception: " + data["exception"][:200]
    if problem is None and not data["title"]:
        problem = "no page title"
    if problem is None and data["path"].rstrip("/") != f"/{path}".rstrip("/"):
        problem = f"landed on {data['path']}"
    return PageText(path, data["text"], list(data["kpis"]), problem, list(data["tables"]))


def page_paths(page: Page) -> tuple[str, ...]:
    """The pages the sidebar links to, besides the overview, 数据 and the slides; the known
    list when the sidebar shows none."""
    from urllib.parse import urlparse

    hrefs = page.eval_on_selector_all(
        "[data-testid=stSidebarNav] a", "links => links.map(a => a.href)"
    )
    paths = [urlparse(h).path.strip("/") for h in hrefs]
    found = tuple(p for p in dict.fromkeys(paths) if p and p not in SKIPPED_PATHS)
    return found or PAGE_PATHS[1:]


def view_url(base: str, path: str, dataset: tuple[str, int]) -> str:
    from urllib.parse import urlencode

    agency, year = dataset
    return f"{base}/{path}?{urlencode({'agency': agency, 'year': year})}"


def bare_figure(label: Label) -> str:
    """The figure without its counting word (`5件` → `5`, `1200余条` → `1200余`)."""
    text = normalise(label.as_written)
    unit = written_unit(label)
    return text.replace(unit, "", 1) if unit else text


# Numbering before a row name in the statutory forms: 三（一）, 一、, 1.
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]?|\([一二三四五六七八九十]+\)|[0-9]+[、.])"
)


def row_metrics(header: str, resolve: Resolver) -> set[str]:
    """The catalogue metrics a table row's first cell names (`三（一）予以公开` →予以公开)."""
    text = normalise(header)
    names = {text}
    while (match := _NUMBERING.match(text)) and match.end() < len(text):
        text = text[match.end() :]
        names.add(text)
    found = (resolve.catalogue.find_metric(n) for n in names)
    return {m.id for m in found if m is not None}


def shown_in_table(label: Label, tables: list[list[list[str]]], resolve: Resolver) -> bool:
    """Whether a text table (a statutory form) gives the figure in the row of its metric: a
    cell of that row reads the figure as written, with its unit or without (the forms print
    bare counts under their own headings)."""
    metric = resolve.metric(LABEL_ROWS[label.metric].metric) if label.metric in LABEL_ROWS else ""
    patterns = (figure_pattern(bare_figure(label)), figure_pattern(expected_figure(label, resolve)))
    for table in tables:
        for row in table:
            if len(row) < 2 or metric not in row_metrics(row[0], resolve):
                continue
            cells = [normalise(c) for c in row[1:]]
            if any(p.fullmatch(c) for p in patterns for c in cells):
                return True
    return False


def unit_hint(label: Label, scrubbed: list[tuple[str, str]]) -> str:
    """For a figure not shown: the pages where its number appears without its unit (numbers of
    three characters or more; shorter ones are everywhere)."""
    bare = bare_figure(label)
    if len(bare) < 3:
        return ""
    pattern = re.compile(figure_pattern(bare).pattern + r"(?![.0-9])")
    pages = [f"/{path}" for path, text in scrubbed if pattern.search(text)]
    return f"{bare!r} without its unit on {','.join(pages)}" if pages else ""


def measure_pages(page: Page, base: str, store: StoreMeasure) -> PagesMeasure:
    """Every report's view on every page but 数据, with one browser page reused throughout."""
    resolve = Resolver()
    outcomes: list[ShownOutcome] = []
    kpi_cards = kpi_not_reported = 0
    per_report: dict[str, tuple[int, int]] = {}
    exceptions: list[str] = []
    paths: tuple[str, ...] = ()  # the pages besides the overview, as the first view lists them
    for item in store.imported:
        report = item.typed.report
        typed_labels = [(r.label, r.label_id) for r in item.typed.rows]
        texts: list[PageText] = []
        if item.dataset is not None:
            texts.append(read_page(page, view_url(base, "", item.dataset), ""))
            paths = paths or page_paths(page)
            for path in paths:
                url = view_url(base, path, item.dataset)
                texts.append(read_page(page, url, path, switch=True))
        scrubbed = [(t.path, scrub_quotes(t.text, report.labels)) for t in texts]
        for label, label_id in typed_labels:
            expected = expected_figure(label, resolve)
            pattern = figure_pattern(expected)
            where = [f"/{p}" for p, text in scrubbed if pattern.search(text)]
            where += [
                f"/{t.path} (table)"
                for t in texts
                if f"/{t.path}" not in where and shown_in_table(label, t.tables, resolve)
            ]
            hint = "" if where else unit_hint(label, scrubbed)
            outcomes.append(ShownOutcome(report, label, label_id, expected, where, hint))
        # A label left out of the upload is shown nowhere, whatever a page says by chance.
        outcomes += [
            ShownOutcome(report, s.label, s.label_id, expected_figure(s.label, resolve), [])
            for s in item.typed.skipped
        ]
        overview = next((t for t in texts if t.path == ""), None)
        cards = overview.kpi_values if overview else []
        blank = sum(NOT_REPORTED in normalise(v) for v in cards)
        kpi_cards += len(cards)
        kpi_not_reported += blank
        per_report[report.id] = (len(cards), blank)
        exceptions += [f"{report.id} /{t.path}: {t.problem}" for t in texts if t.problem]
    return PagesMeasure(outcomes, kpi_cards, kpi_not_reported, per_report, exceptions)


# ── printing ────────────────────────────────────────────────────────────────────────────────


def store_misses(measure: StoreMeasure) -> str:
    """The labels not stored right, grouped by cause."""
    lines = []
    for cause, title in CAUSES.items():
        misses = [o for o in measure.outcomes if o.cause == cause]
        if misses:
            lines.append(f"{title}: {len(misses)}")
            lines += [f"  {o.label_id} {o.label.as_written!r}: {o.detail}" for o in misses]
    return "\n".join(lines)


def shown_misses(measure: PagesMeasure) -> str:
    """Per report, the labels whose figure no page shows."""
    by_report: dict[str, list[ShownOutcome]] = defaultdict(list)
    for o in measure.outcomes:
        if not o.shown_on:
            by_report[o.report.id].append(o)
    lines = []
    for report_id, misses in by_report.items():
        described = (
            f"{o.label.metric} {o.expected}" + (f" [{o.hint}]" if o.hint else "") for o in misses
        )
        lines.append(f"  {report_id}: " + ", ".join(described))
    return "\n".join(lines)


def temporary_store() -> tuple[tempfile.TemporaryDirectory[str], str]:
    """A scratch folder and the URL of a new SQLite store in it."""
    folder = tempfile.TemporaryDirectory(prefix="corpus-")
    return folder, f"sqlite:///{Path(folder.name) / 'store.sqlite'}"
