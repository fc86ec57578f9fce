"""AppTest of "从年度报告提取" on the 数据 page: pasted report text → found figures in an
editable table → check → preview → save; the history names the report."""

from __future__ import annotations

import hashlib
from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button

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


def open_data_page(actor: Actor) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["actor"] = actor
    at.run()
    return at.switch_page("views/data.py").run()


def button(at: AppTest, label: str) -> Button:
    return next(b for b in at.button if b.label == label)


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

    button(at, "检查并预览").click().run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric} == {"新增": "3", "修改": "0", "删除": "0"}
    button(at, "第四步：保存").click().run()
    assert not at.exception
    assert any("已保存" in s.value for s in at.success)

    store = Store(db_url)
    facts = store.dataset_facts("定海区教育局", 2020)
    assert sorted(f.as_written or "" for f in facts) == ["1200余条", "15件", "300条"]
    assert any(f.note == "收到政府信息公开申请15件" for f in facts)
    [version] = store.history("定海区教育局", 2020)
    assert version.file_name == "extracted:粘贴的文本"
    assert version.file_sha256 == hashlib.sha256(REPORT.encode("utf-8")).hexdigest()
