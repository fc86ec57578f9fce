"""A report that names its agency by its level without its place (市交通运输局): no agency is
taken, and the warning says the name the report gives, so the editor only adds the place."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.problems import ProblemCode
from dashboard.extract.agency import unplaced_name
from dashboard.extract.figures import extract_figures
from dashboard.i18n.problems import problem_message


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("市住房和城乡建设局2019年政府信息公开工作年度报告\n一、总体情况", "市住房和城乡建设局"),
        ("县人民政府办公室2020年政府信息公开工作年度报告\n一、总体情况", "县人民政府办公室"),
        # a page's table of facts, copied with the text (黄石 2018)
        (
            "索引号 | 000014349/2019-01306 |\n发布机构 | 市交通运输局 | 发文日期 | 2019-02-13 |\n"
            "本报告中所列数据的统计期限自2018年1月1日起",
            "市交通运输局",
        ),
        # placed, or no name at all: nothing to say back
        ("安顺市住房和城乡建设局2019年政府信息公开工作年度报告", None),
        ("我局2019年政府信息公开工作年度报告\n一、总体情况", None),
        ("市级2019年政府信息公开工作年度报告", None),
    ],
)
def test_the_name_without_its_place(text: str, name: str | None) -> None:
    assert unplaced_name(text) == name


def test_the_warning_names_what_the_report_calls_itself(catalogue: Catalogue) -> None:
    text = "市住房和城乡建设局2022年政府信息公开工作年度报告\n2022年，我局主动公开政府信息120条。"
    found = extract_figures(text, catalogue)
    assert found.agency is None
    [warning] = found.warnings
    assert (warning.code, warning.value) == (
        ProblemCode.REPORT_AGENCY_UNPLACED,
        "市住房和城乡建设局",
    )
    assert "“市住房和城乡建设局”，没有写明是哪个地方的" in problem_message(warning, "zh")
    assert "without its place" in problem_message(warning, "en")
    # a report that gives no name at all keeps the general warning
    none = extract_figures("2022年，我局主动公开政府信息120条。", catalogue)
    assert [w.code for w in none.warnings] == [ProblemCode.REPORT_AGENCY_UNKNOWN]
    # a name given in full: no warning on the agency
    placed = extract_figures("安顺" + text, catalogue)
    assert placed.agency == "安顺市住房和城乡建设局" and placed.warnings == []


def test_the_command_line_prints_it() -> None:
    text = "发布机构 | 市交通运输局 |\n2018年，我局主动公开政府信息58条。"
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "extract", "-", "--json"],
        input=text.encode(),
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode()
    out = json.loads(run.stdout)
    assert out["agency"] is None
    assert [(w["code"], w["value"]) for w in out["warnings"]] == [
        ("report-agency-unplaced", "市交通运输局")
    ]
    # --agency gives the name: nothing left to ask
    given = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "extract",
            "-",
            "--json",
            "--agency",
            "黄石市交通运输局",
        ],
        input=text.encode(),
        capture_output=True,
        check=False,
    )
    assert json.loads(given.stdout)["warnings"] == []
