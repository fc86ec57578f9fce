"""The command line: exit codes, JSON shapes, import/export/history/restore/seed, languages."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from dashboard.cli import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, main
from dashboard.domain.catalogue import Catalogue
from dashboard.platform.sample import validate_samples
from dashboard.platform.settings import DATABASE_URL_ENV
from dashboard.store.database import Store
from tests.conftest import SAMPLE_CSV, csv_bytes

PROJECT_ROOT = Path(__file__).resolve().parents[1]
AGENCY = "定海区教育局"
OTHER = "普陀区教育局"
PROBLEM_KEYS = {"row", "column", "value", "code", "message"}
FACT_KEYS = {
    "agency",
    "year",
    "metric",
    "channel",
    "category",
    "value",
    "qualifier",
    "note",
    "row",
    "unit",  # the report's words (issue 10): the unit and the value cell as written
    "as_written",
}
VERSION_KEYS = {
    "agency",
    "year",
    "version",
    "current",
    "created_at",
    "user",
    "action",
    "file_name",
    "file_sha256",
    "restored_from",
    "fact_count",
    "added",
    "changed",
    "removed",
}


@pytest.fixture(autouse=True)
def _fresh_store(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every CLI test runs against its own SQLite file, in the default language."""
    monkeypatch.delenv("DASHBOARD_LANG", raising=False)
    return db_url


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def history(db_url: str) -> list[tuple[str, int, int]]:
    store = Store(db_url)
    try:
        return [(v.agency, v.year, v.version) for v in store.history()]
    finally:
        store.close()


GOOD_2019 = (
    f"2019,{AGENCY},专题会议次数,,,2,召开了2次会议",
    f"2019,{AGENCY},发布信息条数,政府门户网站,,400余,公开信息 400余条",
    f"2019,{AGENCY},热线受理件数,12345,,111,",
)
GOOD_2020 = (
    f"2020,{AGENCY},专题会议次数,,,3,",
    f"2020,{AGENCY},发布信息条数,微信公众号,,500余,",
)
BAD_2021 = (
    f"2021,{AGENCY},专题会议次数,,,很多,",
    f"2021,{AGENCY},热线办结率,12345,,120%,",
)


# ── validate ────────────────────────────────────────────────────────────────────────────────


def test_validate_valid_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", SAMPLE_CSV)
    assert code == EXIT_OK
    assert "文件有效" in out
    assert "1 个数据集" in out


def test_validate_file_with_errors_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    path = write(tmp_path, "bad.csv", csv_bytes(*GOOD_2019, *BAD_2021))
    code, out, _ = run(capsys, "validate", path)
    assert code == EXIT_ERRORS
    assert "value-invalid" in out and "percent-out-of-range" in out
    assert "行 5" in out and "行 6" in out  # rows as the spreadsheet numbers them
    assert "2 个错误" in out
    assert history(db_url) == []  # validate never writes


def test_validate_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "没有这个文件.csv"
    code, out, err = run(capsys, "validate", missing)
    assert code == EXIT_UNREADABLE
    assert "无法读取文件" in err and str(missing) in err
    code, out, _ = run(capsys, "validate", missing, "--json")
    assert code == EXIT_UNREADABLE
    assert json.loads(out)["ok"] is False


def test_validate_binary_junk_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = write(tmp_path, "junk.csv", bytes(range(256)) * 64)
    code, out, _ = run(capsys, "validate", junk)
    assert code == EXIT_UNREADABLE
    assert "file-unreadable" in out
    fake_xlsx = write(tmp_path, "fake.xlsx", b"PK\x03\x04" + os.urandom(2000))
    code, out, _ = run(capsys, "validate", fake_xlsx, "--json")
    assert code == EXIT_UNREADABLE
    payload = json.loads(out)
    assert payload["ok"] is False
    assert [e["code"] for e in payload["errors"]] == ["file-unreadable"]


def test_validate_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # One error (row 3), one warning (unknown channel, row 2), and facts from the good rows.
    path = write(
        tmp_path,
        "mixed.csv",
        csv_bytes(
            f"2019,{AGENCY},发布信息条数,火星频道,,12,自建渠道",
            f"2019,{AGENCY},专题会议次数,,,-1,",
            *GOOD_2019[1:],
        ),
    )
    code, out, _ = run(capsys, "validate", path, "--json")
    assert code == EXIT_ERRORS
    payload = json.loads(out)  # the whole output is ONE JSON object
    assert isinstance(payload, dict)
    assert set(payload) == {"ok", "errors", "warnings", "datasets", "mappings"}
    assert payload["ok"] is False
    assert [(e["row"], e["code"]) for e in payload["errors"]] == [(3, "value-negative")]
    assert ("channel-unknown", 2) in [(w["code"], w["row"]) for w in payload["warnings"]]
    for problem in payload["errors"] + payload["warnings"]:
        assert set(problem) >= PROBLEM_KEYS
        assert isinstance(problem["message"], str) and problem["message"]
    error = payload["errors"][0]
    assert (error["column"], error["value"]) == ("数值", "-1")
    [dataset] = payload["datasets"]
    assert (dataset["agency"], dataset["year"]) == (AGENCY, 2019)
    for fact in dataset["facts"]:
        assert set(fact) == FACT_KEYS
    by_metric = {(f["metric"], f["channel"]): f for f in dataset["facts"]}
    portal = by_metric[("items_published", "gov_portal")]
    assert (portal["value"], portal["qualifier"], portal["note"], portal["row"]) == (
        400,
        "at_least",
        "公开信息 400余条",
        4,
    )
    assert by_metric[("items_published", "火星频道")]["row"] == 2


def test_validate_json_of_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", SAMPLE_CSV, "--json")
    assert code == EXIT_OK
    payload = json.loads(out)
    assert payload["ok"] is True and payload["errors"] == []
    [dataset] = payload["datasets"]
    assert len(dataset["facts"]) == 32
    not_reported = [f for f in dataset["facts"] if f["qualifier"] == "not_reported"]
    assert len(not_reported) == 3 and all(f["value"] is None for f in not_reported)


# ── import ──────────────────────────────────────────────────────────────────────────────────


def test_import_commits_and_records_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    content = csv_bytes(*GOOD_2019, *GOOD_2020)
    path = write(tmp_path, "两年.csv", content)
    code, out, _ = run(capsys, "import", path, "--user", "张三")
    assert code == EXIT_OK
    assert "已保存为第 1 版" in out
    assert "新增 3" in out and "新增 2" in out

    code, out, _ = run(capsys, "history", "--json")
    assert code == EXIT_OK
    versions = json.loads(out)
    assert [(v["agency"], v["year"], v["version"]) for v in versions] == [
        (AGENCY, 2019, 1),
        (AGENCY, 2020, 1),
    ]
    for v in versions:
        assert v["user"] == "张三"
        assert v["file_name"] == "两年.csv"
        assert v["file_sha256"] == hashlib.sha256(content).hexdigest()
        assert v["action"] == "import"
    store = Store(db_url)
    try:
        assert store.current_facts().height == 5
    finally:
        store.close()


def test_reimport_says_unchanged_and_makes_no_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    path = write(tmp_path, "a.csv", csv_bytes(*GOOD_2019))
    assert run(capsys, "import", path, "--user", "a")[0] == EXIT_OK
    # The same figures in another order and file: still identical.
    again = write(tmp_path, "b.csv", csv_bytes(*reversed(GOOD_2019)))
    code, out, _ = run(capsys, "import", again, "--user", "b")
    assert code == EXIT_OK
    assert "未生成新版本" in out
    assert "已保存" not in out
    assert history(db_url) == [(AGENCY, 2019, 1)]

    code, out, _ = run(capsys, "import", again, "--json")
    assert code == EXIT_OK
    payload = json.loads(out)
    assert [(c["created"], c["version"]) for c in payload["commits"]] == [(False, 1)]
    assert history(db_url) == [(AGENCY, 2019, 1)]


def test_import_changed_file_makes_version_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    run(capsys, "import", write(tmp_path, "a.csv", csv_bytes(*GOOD_2019)), "--user", "a")
    changed = (f"2019,{AGENCY},专题会议次数,,,5,", *GOOD_2019[1:2])
    code, out, _ = run(capsys, "import", write(tmp_path, "b.csv", csv_bytes(*changed)))
    assert code == EXIT_OK
    assert "第 2 版" in out and "修改 1" in out and "删除 1" in out
    assert history(db_url) == [(AGENCY, 2019, 2), (AGENCY, 2019, 1)]


def test_import_with_one_bad_dataset_commits_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    run(capsys, "import", write(tmp_path, "a.csv", csv_bytes(*GOOD_2019)), "--user", "a")
    mixed = write(
        tmp_path, "mixed.csv", csv_bytes(f"2019,{AGENCY},专题会议次数,,,9,", *GOOD_2020, *BAD_2021)
    )
    code, out, _ = run(capsys, "import", mixed, "--user", "b")
    assert code == EXIT_ERRORS
    assert "未导入任何数据" in out
    assert history(db_url) == [(AGENCY, 2019, 1)]

    code, out, _ = run(capsys, "import", mixed, "--json")
    assert code == EXIT_ERRORS
    payload = json.loads(out)
    assert payload["ok"] is False and payload["commits"] == []
    assert history(db_url) == [(AGENCY, 2019, 1)]


def test_import_unreadable_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    assert run(capsys, "import", tmp_path / "missing.csv")[0] == EXIT_UNREADABLE
    code, out, err = run(capsys, "import", tmp_path / "missing.csv", "--json")
    assert code == EXIT_UNREADABLE and "无法读取文件" in err
    payload = json.loads(out)  # --json always prints one object, even for a missing file
    assert payload["ok"] is False and payload["commits"] == []
    junk = write(tmp_path, "junk.xlsx", b"\xd0\xcf\x11\xe0" + bytes(1000))
    assert run(capsys, "import", junk)[0] == EXIT_UNREADABLE
    assert history(db_url) == []


# ── export and template ─────────────────────────────────────────────────────────────────────


def exported_rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_export_filters_by_agency_and_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = (f"2019,{OTHER},专题会议次数,,,7,",)
    run(capsys, "import", write(tmp_path, "in.csv", csv_bytes(*GOOD_2019, *GOOD_2020, *other)))

    everything = tmp_path / "all.csv"
    code, out, _ = run(capsys, "export", "--format", "csv", "-o", everything)
    assert code == EXIT_OK and "6 项" in out
    assert len(exported_rows(everything)) == 1 + 6

    year = tmp_path / "2020.csv"
    assert run(capsys, "export", "--year", "2020", "--format", "csv", "-o", year)[0] == EXIT_OK
    rows = exported_rows(year)
    assert rows[0] == ["年度", "单位", "指标", "渠道", "类别", "数值", "备注"]
    assert {r[0] for r in rows[1:]} == {"2020"} and len(rows) == 1 + 2

    agency = tmp_path / "other.csv"
    assert run(capsys, "export", "--agency", OTHER, "--format", "csv", "-o", agency)[0] == 0
    assert exported_rows(agency)[1:] == [["2019", OTHER, "专题会议次数", "", "", "7", ""]]

    both = tmp_path / "both.xlsx"
    code, _, _ = run(
        capsys, "export", "--agency", AGENCY, "--year", "2019", "--format", "xlsx", "-o", both
    )
    assert code == EXIT_OK
    sheet = openpyxl.load_workbook(both).worksheets[0]
    data = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(data) == 3 and {(r[0], r[1]) for r in data} == {(2019, AGENCY)}

    nothing = tmp_path / "nothing.csv"
    code, out, _ = run(capsys, "export", "--year", "1999", "--format", "csv", "-o", nothing)
    assert code == EXIT_ERRORS
    assert "没有找到" in out and not nothing.exists()


def test_export_reimports_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    run(capsys, "seed")
    seeded = history(db_url)
    assert (AGENCY, 2019, 1) in seeded
    for fmt in ("csv", "xlsx"):
        path = tmp_path / f"export.{fmt}"
        assert run(capsys, "export", "--format", fmt, "-o", path)[0] == EXIT_OK
        code, out, _ = run(capsys, "import", path)
        assert code == EXIT_OK
        assert out.count("未生成新版本") == len(seeded) and "已保存" not in out
    assert history(db_url) == seeded


def test_template_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], catalogue: Catalogue
) -> None:
    path = tmp_path / "模板.xlsx"
    code, out, _ = run(
        capsys, "template", "--format", "xlsx", "-o", path, "--agency", AGENCY, "--year", "2021"
    )
    assert code == EXIT_OK and f"{len(catalogue.metrics)} 个指标" in out
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(catalogue.metrics)
    assert {(r[0], r[1]) for r in rows} == {(2021, AGENCY)}
    plain = tmp_path / "模板.csv"
    assert run(capsys, "template", "--format", "csv", "-o", plain)[0] == EXIT_OK
    names = [r[2] for r in exported_rows(plain)[1:]]
    assert sorted(names) == sorted(m.zh for m in catalogue.metrics.values())


# ── history, restore, seed ──────────────────────────────────────────────────────────────────


def test_history_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "history")
    assert code == EXIT_ERRORS and "没有找到" in out
    code, out, _ = run(capsys, "history", "--json")
    assert code == EXIT_ERRORS and json.loads(out) == []

    run(
        capsys,
        "import",
        write(tmp_path, "a.csv", csv_bytes(*GOOD_2019, *GOOD_2020)),
        "--user",
        "u1",
    )
    run(capsys, "import", write(tmp_path, "b.csv", csv_bytes(*GOOD_2019[:2])), "--user", "u2")

    code, out, _ = run(capsys, "history", "--year", "2019", "--json")
    assert code == EXIT_OK
    versions = json.loads(out)
    assert isinstance(versions, list)
    for v in versions:
        assert set(v) == VERSION_KEYS
    assert [(v["year"], v["version"], v["current"], v["user"]) for v in versions] == [
        (2019, 2, True, "u2"),
        (2019, 1, False, "u1"),
    ]
    assert (versions[0]["added"], versions[0]["changed"], versions[0]["removed"]) == (0, 0, 1)
    assert versions[0]["fact_count"] == 2

    code, out, _ = run(capsys, "history", "--agency", AGENCY)
    assert code == EXIT_OK
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("*") and "v2" in lines[0] and "b.csv" in lines[0]
    code, out, _ = run(capsys, "history", "--agency", OTHER, "--json")
    assert code == EXIT_ERRORS and json.loads(out) == []


def test_restore_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    run(capsys, "import", write(tmp_path, "a.csv", csv_bytes(*GOOD_2019)), "--user", "a")
    run(capsys, "import", write(tmp_path, "b.csv", csv_bytes(GOOD_2019[0])), "--user", "b")

    code, out, _ = run(capsys, "restore", AGENCY, "2019", "1", "--user", "恢复人")
    assert code == EXIT_OK
    assert "已将第 1 版恢复为第 3 版" in out
    code, out, _ = run(capsys, "history", "--json")
    latest = json.loads(out)[0]
    assert (latest["version"], latest["action"], latest["restored_from"], latest["user"]) == (
        3,
        "restore",
        1,
        "恢复人",
    )
    assert latest["fact_count"] == 3
    store = Store(db_url)
    try:
        assert store.current_facts().height == 3
        assert set(store.current_facts()["version"]) == {3}
    finally:
        store.close()

    code, out, _ = run(capsys, "restore", AGENCY, "2019", "9")
    assert code == EXIT_ERRORS
    assert "没有第 9 版" in out
    assert len(history(db_url)) == 3


def test_seed_fills_empty_store_once(
    capsys: pytest.CaptureFixture[str], db_url: str, catalogue: Catalogue
) -> None:
    samples = validate_samples(catalogue)
    datasets = [d for _, report in samples for d in report.datasets]
    code, out, _ = run(capsys, "seed")
    assert code == EXIT_OK and f"已载入示例数据：{len(datasets)} 个数据集" in out
    assert sorted(history(db_url)) == sorted((d.agency, d.year, 1) for d in datasets)
    store = Store(db_url)
    try:
        token = store.version_token()
        assert store.current_facts().height == sum(len(d.facts) for d in datasets)
        assert store.current_facts(AGENCY, 2019).height == 32
    finally:
        store.close()

    code, out, _ = run(capsys, "seed")
    assert code == EXIT_OK and "未载入示例数据" in out
    store = Store(db_url)
    try:
        assert store.version_token() == token
        assert len(store.history()) == len(datasets)
    finally:
        store.close()


# ── extract: several reports ────────────────────────────────────────────────────────────────


def report_text(agency: str, year: int, published: int) -> bytes:
    """A short annual report of `agency` for `year` with three figures."""
    return (
        f"{agency}{year}年政府信息公开工作年度报告\n一、总体情况\n"
        f"{year}年，主动公开政府信息{published}条。\n"
        "收到政府信息公开申请25件，办结25件。\n"
    ).encode()


def reports_folder(tmp_path: Path, *reports: tuple[str, bytes]) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, content in reports:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    return folder


def test_extract_a_folder_gives_every_report_and_one_importable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    folder = reports_folder(
        tmp_path,
        ("2021.txt", report_text(AGENCY, 2021, 1100)),
        ("old/2020.txt", report_text(AGENCY, 2020, 1000)),  # a subfolder is read too
        ("notes.md", b"not a report"),  # not a report's suffix: left alone
        ("~$2021.docx", b"Word's lock file"),
    )
    code, out, _ = run(capsys, "extract", folder, "--json")
    assert code == EXIT_OK
    payload = json.loads(out)
    assert set(payload) == {"reports", "errors"}
    # In name order, each one today's object with its file.
    assert [Path(r["file"]).name for r in payload["reports"]] == ["2021.txt", "2020.txt"]
    assert [(r["agency"], r["year"]) for r in payload["reports"]] == [
        (AGENCY, 2021),
        (AGENCY, 2020),
    ]
    for report in payload["reports"]:
        assert {"facts", "skipped", "warnings", "errors"} <= set(report) and report["facts"]

    out_file = tmp_path / "all.csv"
    reports = (folder / "old" / "2020.txt", folder / "2021.txt")
    code, out, _ = run(capsys, "extract", *reports, "-o", out_file)
    assert code == EXIT_OK
    assert "共 2 份报告：2 份提取成功" in out and str(out_file) in out
    code, out, _ = run(capsys, "import", out_file, "--json")
    assert code == EXIT_OK
    assert sorted((c["agency"], c["year"]) for c in json.loads(out)["commits"]) == [
        (AGENCY, 2020),
        (AGENCY, 2021),
    ]
    assert sorted(history(db_url)) == [(AGENCY, 2020, 1), (AGENCY, 2021, 1)]


def test_extract_several_exit_codes_and_nothing_written_unless_all_succeed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "good.txt", report_text(AGENCY, 2021, 1100))
    menu = write(tmp_path, "menu.txt", "今日菜单：米饭、青菜、豆腐。".encode())
    broken = write(tmp_path, "broken.docx", b"PK\x03\x04 not a zip")
    out_file = tmp_path / "out.csv"

    # Read, but one gave no figures: 1, and -o is not written.
    code, out, err = run(capsys, "extract", good, menu, "-o", out_file)
    assert code == EXIT_ERRORS and not out_file.exists()
    assert "report-no-figures" in out and str(out_file) in err
    # Any report that cannot be read: 2, whatever the others gave.
    code, out, _ = run(capsys, "extract", good, menu, broken, "--json")
    assert code == EXIT_UNREADABLE
    reports = json.loads(out)["reports"]
    assert [[e["code"] for e in r["errors"]] for r in reports] == [
        [],
        ["report-no-figures"],
        ["report-unreadable"],
    ]
    assert reports[0]["facts"] and reports[2]["facts"] == []
    code, _, _ = run(capsys, "extract", good, tmp_path / "missing.pdf")
    assert code == EXIT_UNREADABLE
    # A folder without a report file cannot give any.
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "extract", empty, "--json")
    assert code == EXIT_UNREADABLE and json.loads(out) == {"reports": [], "errors": []}
    assert str(empty) in err


def test_extract_two_reports_of_one_agency_year_is_an_error_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path, "a.txt", report_text(AGENCY, 2021, 1100))
    second = write(tmp_path, "b.html", report_text(AGENCY, 2021, 1200))
    other = write(tmp_path, "c.txt", report_text(OTHER, 2021, 900))
    out_file = tmp_path / "out.xlsx"
    code, out, _ = run(capsys, "extract", first, second, other, "--json", "-o", out_file)
    assert code == EXIT_ERRORS and not out_file.exists()
    reports = json.loads(out)["reports"]
    assert [len(r["errors"]) for r in reports] == [0, 1, 0]
    [error] = reports[1]["errors"]
    assert error["code"] == "report-duplicate"
    assert str(first) in error["message"] and str(second) in error["message"]
    code, out, _ = run(capsys, "--lang", "en", "extract", first, second)
    assert code == EXIT_ERRORS
    assert "are reports of the same agency and year" in out and "(report-duplicate)" in out


def test_extract_one_file_keeps_its_json_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "r.txt", report_text(AGENCY, 2021, 1100))
    code, out, _ = run(capsys, "extract", path, "--json")
    assert code == EXIT_OK
    assert set(json.loads(out)) == {"agency", "year", "facts", "skipped", "warnings", "errors"}


# ── language and the real entry point ───────────────────────────────────────────────────────


def test_lang_en_prints_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "validate", SAMPLE_CSV)
    assert code == EXIT_OK and "The file is valid" in out
    bad = write(tmp_path, "bad.csv", csv_bytes(*BAD_2021))
    code, out, _ = run(capsys, "--lang", "en", "validate", bad)
    assert code == EXIT_ERRORS
    assert "[error] row 2" in out and "nothing was imported" in out
    assert "错误" not in out
    code, out, _ = run(capsys, "--lang", "en", "validate", bad, "--json")
    messages = [e["message"] for e in json.loads(out)["errors"]]
    assert len(messages) == 2
    assert all(re.search(r"[\u4e00-\u9fff]", m.replace("很多", "")) is None for m in messages)
    assert messages[0].startswith("Row 2")
    good = write(tmp_path, "good.csv", csv_bytes(*GOOD_2019))
    run(capsys, "import", good)
    code, out, _ = run(capsys, "--lang", "en", "import", good)
    assert code == EXIT_OK and "no new version was made" in out
    code, out, _ = run(capsys, "--lang", "en", "seed")
    assert "The store already holds data" in out


def test_lang_from_environment(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setenv("DASHBOARD_LANG", "en")
    assert run(capsys, "history")[1].startswith("No matching dataset")
    assert "没有找到" in run(capsys, "--lang", "zh", "history")[1]


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "pdf", "-o", "x.pdf"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2


def test_python_m_dashboard_subprocess(tmp_path: Path, db_url: str) -> None:
    env = {**os.environ, DATABASE_URL_ENV: db_url, "PYTHONPATH": str(PROJECT_ROOT)}
    env.pop("DASHBOARD_LANG", None)

    def dashboard(*args: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "dashboard", *map(str, args)],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )

    validated = dashboard("validate", SAMPLE_CSV, "--json")
    assert validated.returncode == EXIT_OK, validated.stderr
    assert json.loads(validated.stdout)["ok"] is True

    imported = dashboard("import", SAMPLE_CSV, "--user", "subprocess")
    assert imported.returncode == EXIT_OK, imported.stderr
    assert "已保存为第 1 版" in imported.stdout

    # The subprocess wrote to the store named by DASHBOARD_DATABASE_URL, not to data/.
    store = Store(db_url)
    try:
        assert [(v.agency, v.year, v.version, v.user) for v in store.history()] == [
            (AGENCY, 2019, 1, "subprocess")
        ]
    finally:
        store.close()


def test_import_says_a_new_agency_looks_like_a_stored_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    """宁波市定海区教育局 beside a stored 定海区教育局: saved (a warning, not an error), and the
    warning names the stored agency, in text and in JSON; a different agency gets none."""
    code, _, _ = run(capsys, "import", write(tmp_path, "a.csv", csv_bytes(*GOOD_2019)))
    assert code == EXIT_OK
    longer = csv_bytes(*(row.replace(AGENCY, "宁波市" + AGENCY, 1) for row in GOOD_2019))
    code, out, _ = run(capsys, "import", write(tmp_path, "b.csv", longer), "--json")
    assert code == EXIT_OK
    payload = json.loads(out)
    [warning] = [p for p in payload["warnings"] if p["code"] == "agency-lookalike"]
    assert warning["value"] == "宁波市定海区教育局"
    assert "定海区教育局" in warning["message"] and "另一种写法" in warning["message"]
    assert payload["commits"]
    other = csv_bytes(*(row.replace(AGENCY, OTHER, 1) for row in GOOD_2019))
    code, out, _ = run(capsys, "import", write(tmp_path, "c.csv", other))
    assert code == EXIT_OK
    assert "另一种写法" not in out
