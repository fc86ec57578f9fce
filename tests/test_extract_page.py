"""AppTest of "从年度报告提取" on the 数据 page: pasted report text → found figures in an
editable table → check → preview → save; the history names the report."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button

from components.extract import METRIC_WIDTH, NAME_WIDTH, column_width, highlighted
from dashboard.domain.values import Qualifier
from dashboard.extract.figures import Found
from dashboard.platform.auth import Actor, Role
from dashboard.store.database import Store

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
EDITOR = Actor("alice", Role.EDITOR)
REPORT = (
    "定海区教育局2020年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "2020年，本机关通过政府门户网站主动公开政府信息1200余条，微博发布信息300条。"
    "收到政府信息公开申请15件。\n"
)


def open_data_page(actor: Actor, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["actor"] = actor
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page("views/data.py").run()


def button(at: AppTest, label: str) -> Button:
    return next(b for b in at.button if b.label == label)


def check_and_save(at: AppTest, added: int) -> None:
    """Check the table, see `added` new figures in the preview, save."""
    button(at, "检查并预览").click().run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric} == {"新增": str(added), "修改": "0", "删除": "0"}
    button(at, "第四步：保存").click().run()
    assert not at.exception
    assert any("已保存" in s.value for s in at.success)


def test_pasted_report_is_extracted_checked_and_saved(db_url: str) -> None:
    at = open_data_page(EDITOR)
    assert not at.exception
    at.text_area(key="extract_paste_0").input(REPORT).run()
    assert not at.exception
    # The agency and year are read from the report, and the figures fill the table.
    [agency] = [w for w in at.text_input if str(w.key).startswith("extract_agency_")]
    assert agency.value == "定海区教育局"
    [year] = [w for w in at.number_input if str(w.key).startswith("extract_year_")]
    assert year.value == 2020
    table = next(d.value for d in at.dataframe if "note" in d.value.columns)
    assert {"1200余条", "300条", "15件"} <= set(table["value"])
    assert any("找到 3 个数字" in m.value for m in at.markdown)

    check_and_save(at, added=3)

    store = Store(db_url)
    facts = store.dataset_facts("定海区教育局", 2020)
    assert sorted(f.as_written or "" for f in facts) == ["1200余条", "15件", "300条"]
    assert any(f.note == "收到政府信息公开申请15件" for f in facts)
    [version] = store.history("定海区教育局", 2020)
    assert version.file_name == "extracted:粘贴的文本"
    assert version.file_sha256 == hashlib.sha256(REPORT.encode("utf-8")).hexdigest()


def report(agency: str, year: int, published: int) -> str:
    return (
        f"{agency}{year}年政府信息公开工作年度报告\n"
        f"{year}年，本机关通过政府门户网站主动公开政府信息{published}条。"
        "收到政府信息公开申请15件。\n"
    )


def editor_widths(at: AppTest) -> dict[str, int]:
    """The review table's column widths (px) as sent to the browser."""
    [editor] = [d for d in at.dataframe if "note" in d.value.columns]
    config = json.loads(editor.proto.columns)
    return {name: spec.get("width") for name, spec in config.items()}


def test_warnings_and_skip_reasons_are_shown_in_words_and_names_readable(db_url: str) -> None:
    at = open_data_page(EDITOR)
    # No title: neither the agency nor the year can be read from the text.
    untitled = "本机关通过政府门户网站主动公开政府信息1200余条，2021年1月5日更新。"
    at.text_area(key="extract_paste_0").input(untitled).run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("没有从报告中识别出单位" in w and "“单位”" in w for w in warnings), warnings
    assert any("没有从报告中识别出年度" in w for w in warnings), warnings
    # The numbers left out, each with why, in words (not the JSON's ids such as "date").
    [skipped] = [d.value for d in at.dataframe if "未采用的原因" in d.value.columns]
    assert "日期" in set(skipped["未采用的原因"]) and "date" not in set(skipped["未采用的原因"])
    assert any("未采用的数字" in e.label for e in at.expander)
    # 渠道 as wide as 政府门户网站 needs (the old "small" was 75 px); metric at least "medium"-ish.
    widths = editor_widths(at)
    assert widths["channel"] >= 6 * 14 and widths["metric"] >= 160

    english = open_data_page(EDITOR, lang="en")
    english.text_area(key="extract_paste_0").input(untitled).run()
    assert not english.exception
    warnings = [w.value for w in english.warning]
    assert any("The report's agency was not found" in w for w in warnings), warnings
    [skipped] = [d.value for d in english.dataframe if "Why left out" in d.value.columns]
    assert "a date" in set(skipped["Why left out"])


def test_a_long_metric_name_gets_a_wide_column() -> None:
    long_name = "不予处理-要求行政机关确认或重新出具已获取信息"  # the catalogue's longest
    assert column_width(["发布信息条数"], *METRIC_WIDTH) == METRIC_WIDTH[0]
    wide = column_width(["发布信息条数", long_name, None], *METRIC_WIDTH)
    assert wide > 300 and wide <= METRIC_WIDTH[1]
    assert column_width(["政府门户网站"], *NAME_WIDTH) > 6 * 14
    assert column_width([], *NAME_WIDTH) == NAME_WIDTH[0]


def test_a_folder_of_reports_is_read_in_name_order_and_saved_at_once(db_url: str) -> None:
    at = open_data_page(EDITOR)
    at.toggle(key="extract_folder_mode").set_value(True).run()
    assert not at.exception
    uploader = at.file_uploader(key="extract_folder_0")
    assert uploader.proto.accept_directory
    uploader.set_value(
        [
            ("报告/2021.txt", report("定海区教育局", 2021, 900).encode(), "text/plain"),
            ("报告/2020.txt", report("定海区教育局", 2020, 800).encode(), "text/plain"),
        ]
    ).run()
    assert not at.exception
    years = [w.value for w in at.number_input if str(w.key).startswith("extract_year_")]
    assert years == [2020, 2021]
    button(at, "检查并预览").click().run()
    assert not at.exception
    button(at, "第四步：保存").click().run()
    assert any("已保存" in s.value for s in at.success)
    store = Store(db_url)
    versions = store.history("定海区教育局")
    assert sorted((v.year, v.file_name) for v in versions if v.year in (2020, 2021)) == [
        (2020, "extracted:报告/2020.txt"),
        (2021, "extracted:报告/2021.txt"),
    ]


def test_two_reports_of_one_agency_year_cannot_be_saved(db_url: str) -> None:
    at = open_data_page(EDITOR)
    at.file_uploader(key="extract_files_0").set_value(
        [
            ("a.txt", report("岱山县教育局", 2021, 900).encode(), "text/plain"),
            ("b.txt", report("岱山县教育局", 2021, 950).encode(), "text/plain"),
        ]
    ).run()
    button(at, "检查并预览").click().run()
    assert not at.exception
    # The report of the check names both files.
    [problems] = [t.value for t in at.table]  # Markdown cells: the file names escaped
    [message] = [m.replace("\\", "") for m in problems["问题"]]
    assert message == "“b.txt”与“a.txt”是同一单位同一年度（岱山县教育局 2021 年）的报告。"
    assert not [b for b in at.button if b.label == "第四步：保存"]
    assert Store(db_url).history("岱山县教育局") == []


def test_a_report_s_name_for_a_stored_agency_fills_in_the_stored_name(db_url: str) -> None:
    """宁波市定海区教育局 (the report's title) is the stored 定海区教育局: its figures join that
    agency's years, the page says which name the report wrote; a new agency keeps its name and
    is announced as new when checked."""
    at = open_data_page(EDITOR)  # the seeded store holds 定海区教育局
    at.text_area(key="extract_paste_0").input(report("宁波市定海区教育局", 2024, 700)).run()
    assert not at.exception
    [agency] = [w for w in at.text_input if str(w.key).startswith("extract_agency_")]
    assert agency.value == "定海区教育局"
    assert any(
        "宁波市定海区教育局" in c.value and "已对应到已有单位“定海区教育局”" in c.value
        for c in at.caption
    )
    button(at, "检查并预览").click().run()
    assert not any("新单位" in w.value for w in at.warning)
    button(at, "第四步：保存").click().run()
    assert any("已保存" in s.value for s in at.success)
    assert Store(db_url).current_version("定海区教育局", 2024) is not None
    assert Store(db_url).current_version("宁波市定海区教育局", 2024) is None

    at = open_data_page(EDITOR)
    at.text_area(key="extract_paste_0").input(report("普陀区教育局", 2024, 500)).run()
    [agency] = [w for w in at.text_input if str(w.key).startswith("extract_agency_")]
    assert agency.value == "普陀区教育局"
    assert not any("已对应到已有单位" in c.value for c in at.caption)
    button(at, "检查并预览").click().run()
    assert any("新单位：普陀区教育局" in w.value for w in at.warning)


def test_a_word_97_report_is_uploaded_read_and_saved(db_url: str) -> None:
    # the seed report as staff keep it: a .doc (tests/data/reports/README.md)
    doc = (Path(__file__).parent / "data" / "reports" / "dinghai-edu-2019.doc").read_bytes()
    at = open_data_page(EDITOR)
    at.file_uploader(key="extract_files_0").set_value(
        [("定海区教育局2019年报.doc", doc, "application/msword")]
    ).run()
    assert not at.exception
    [agency] = [w for w in at.text_input if str(w.key).startswith("extract_agency_")]
    assert agency.value == "定海区教育局"
    table = next(d.value for d in at.dataframe if "note" in d.value.columns)
    assert {"400余条", "3000多条", "111件", "100%"} <= set(table["value"])
    button(at, "检查并预览").click().run()
    # the sample data hold 2019 already: replacing it is confirmed first
    [confirm] = [c for c in at.checkbox if str(c.key).startswith("extract_confirm_")]
    confirm.check().run()
    button(at, "第四步：保存").click().run()
    assert any("已保存" in s.value for s in at.success)
    store = Store(db_url)
    latest = max(store.history("定海区教育局", 2019), key=lambda v: v.version)
    assert latest.file_name == "extracted:定海区教育局2019年报.doc"
    assert latest.file_sha256 == hashlib.sha256(doc).hexdigest()
    facts = store.dataset_facts("定海区教育局", 2019)
    assert {"400余条", "3000多条", "111件", "100%"} <= {f.as_written for f in facts}


def test_a_number_left_out_is_added_to_the_table_with_its_metric_and_saved(db_url: str) -> None:
    at = open_data_page(EDITOR)
    text = REPORT + "全年开展政务公开培训3次。\n"
    at.text_area(key="extract_paste_0").input(text).run()
    assert not at.exception
    [pick] = [
        s for s in at.selectbox if str(s.key).startswith("extract_adopt_") and "metric" not in s.key
    ]
    [chosen] = [i for i, o in enumerate(pick.options) if o.startswith("3次 · ")]
    assert pick.options[chosen] == "3次 · 全年开展政务公开培训3次"
    pick.set_value(chosen).run()
    [metric] = [s for s in at.selectbox if str(s.key).startswith("extract_adopt_metric_")]
    metric.set_value("培训次数").run()
    button(at, "加入上表").click().run()
    assert not at.exception
    # The number is a row of the table, marked, with the metric chosen and its quote; the
    # rows found before are still there.
    table = next(d.value for d in at.dataframe if "note" in d.value.columns)
    rows = table.to_dict("records")
    assert [r["value"] for r in rows] == ["1200余条", "300条", "15件", "3次"]
    assert rows[-1] == {
        "metric": "培训次数",
        "channel": "",
        "category": "",
        "value": "3次",
        "note": "全年开展政务公开培训3次",
        "confidence": "⚠",
    }
    assert any("1 个手动加入的数字" in i.value for i in at.info)
    # the text beside the table shows the number added on its own highlight
    assert any(":blue-background[**3次**]" in m.value for m in at.markdown)

    check_and_save(at, added=4)
    facts = Store(db_url).dataset_facts("定海区教育局", 2020)
    [training] = [f for f in facts if f.as_written == "3次"]
    assert training.value == 3 and training.note == "全年开展政务公开培训3次"


def test_a_number_added_without_a_metric_is_refused_by_the_checks(db_url: str) -> None:
    at = open_data_page(EDITOR)
    at.text_area(key="extract_paste_0").input(REPORT + "全年开展政务公开培训3次。\n").run()
    [pick] = [
        s for s in at.selectbox if str(s.key).startswith("extract_adopt_") and "metric" not in s.key
    ]
    pick.set_value(next(i for i, o in enumerate(pick.options) if o.startswith("3次 · "))).run()
    button(at, "加入上表").click().run()
    button(at, "检查并预览").click().run()
    assert not at.exception
    # the check names the row and what is missing, and nothing can be saved
    assert any("错误 1 个" in e.value for e in at.error)
    [problems] = [t.value for t in at.table]
    [problem] = problems.to_dict("records")
    assert problem["列"] == "指标" and problem["问题"] == "第 5 行没有填写指标。"
    assert not [b for b in at.button if b.label == "第四步：保存"]


def test_the_text_highlights_figures_found_and_numbers_added_apart() -> None:
    text = "发布信息*300*条。\n培训3次。"
    found = Found(
        metric="items_published",
        channel=None,
        category=None,
        value=300.0,
        qualifier=Qualifier.EXACT,
        unit="条",
        as_written="*300*条",
        quote="发布信息*300*条",
        start=0,
        end=10,
        confidence=0.9,
    )
    shown = highlighted(text, [found], added=[(text.index("3次"), text.index("3次") + 2)])
    # the text's own Markdown characters are escaped; the quote and the number added each
    # on their own colour, lines kept
    assert shown == (
        ":orange-background[**发布信息\\*300\\*条**]。  \n培训:blue-background[**3次**]。"
    )
