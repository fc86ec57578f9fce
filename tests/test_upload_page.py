"""AppTest of the staff workflow on the 数据 page: roles, upload, report, preview, commit,
history and restore — against a real SQLite store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button

if TYPE_CHECKING:
    import pandas as pd

from components.text import literal
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Dataset, Fact
from dashboard.domain.values import Qualifier
from dashboard.ingest.validate import validate_file
from dashboard.platform.auth import Actor, PermissionDenied, Role, add_user, hash_password
from dashboard.platform.sample import seed_if_empty
from dashboard.platform.settings import DATABASE_URL_ENV
from dashboard.platform.workflow import commit_upload
from dashboard.store.database import Store
from tests.faults import read_only_url

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
EDITOR = Actor("alice", Role.EDITOR)
HEADER = "年度,单位,指标,渠道,类别,数值,备注"
NEW_YEAR_ROWS = (
    "2020,定海区教育局,发布信息条数,政府门户网站,,450余,公开信息450余条",
    "2020,定海区教育局,发布信息条数,微博,,900余,",
    "2020,定海区教育局,热线受理件数,12345,,120,",
)


def gb18030_csv(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode("gb18030")


def open_data_page(actor: Actor | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if actor is not None:
        at.session_state["actor"] = actor
    at.run()
    return at.switch_page("views/data.py").run()


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, content, "text/csv"))
    return at.run()


def button(at: AppTest, label: str) -> Button:
    return next(b for b in at.button if b.label == label)


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page that has `column` (AppTest gives tables as pandas)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_viewer_sees_no_upload_controls(db_url: str) -> None:
    at = open_data_page()
    assert not at.exception
    assert len(at.file_uploader) == 0
    assert len(at.tabs) == 0
    assert not [b for b in at.button if b.label in ("第四步：保存", "恢复")]
    assert any("需要编辑人员登录" in c.value for c in at.caption)


def test_editor_signs_in_with_password(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets = tmp_path / "secrets.toml"
    add_user(secrets, "alice", "correct horse", Role.EDITOR)
    monkeypatch.setenv("DASHBOARD_SECRETS_FILE", str(secrets))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input(key="sign_in_user").input("alice")
    at.text_input(key="sign_in_password").input("wrong password")
    button(at, "登录").click().run()
    assert any("用户名或密码不正确" in e.value for e in at.error)
    assert "actor" not in at.session_state
    at.text_input(key="sign_in_user").input("alice")
    at.text_input(key="sign_in_password").input("correct horse")
    button(at, "登录").click().run()
    assert at.session_state["actor"] == EDITOR
    assert any("已登录：alice（编辑）" in c.value for c in at.sidebar.caption)
    at.switch_page("views/data.py").run()
    assert len(at.file_uploader) == 2  # a filled-in file, and annual reports to extract from


def test_upload_gb18030_preview_commit_and_overview_shows_new_year(db_url: str) -> None:
    at = open_data_page(EDITOR)
    assert not at.exception
    upload(at, "2020年数据.csv", gb18030_csv(*NEW_YEAR_ROWS))
    assert not at.exception
    assert any("定海区教育局 2020 年：新年度" in m.value for m in at.markdown)
    counts = {m.label: m.value for m in at.metric}
    assert counts == {"新增": "3", "修改": "0", "删除": "0"}
    button(at, "第四步：保存").click().run()
    assert not at.exception
    assert any("已保存" in s.value and "第 1 版" in s.value for s in at.success)
    history = Store(db_url).history("定海区教育局", 2020)
    assert [(v.version, v.user, v.file_name) for v in history] == [(1, "alice", "2020年数据.csv")]

    overview = AppTest.from_file(APP, default_timeout=60).run()
    assert overview.session_state["year"] == "2020"  # the latest year is the default
    values = {m.label: m.value for m in overview.metric}
    assert values["门户网站发布信息"] == "450余条"
    assert values["12345热线受理"] == "120件"


def test_replacing_a_year_needs_confirmation_and_shows_changes(db_url: str) -> None:
    at = open_data_page(EDITOR)
    upload(at, "fix.csv", gb18030_csv("2019,定海区教育局,专题会议次数,,,3,改为3次"))
    assert any("将替换当前第 1 版" in m.value for m in at.markdown)
    counts = {m.label: m.value for m in at.metric}
    assert counts == {"新增": "0", "修改": "1", "删除": "31"}
    save = button(at, "第四步：保存")
    assert save.disabled
    changes = table_with(at, "变化")
    assert {"修改", "删除"} <= set(changes["变化"])
    at.checkbox[0].check().run()
    button(at, "第四步：保存").click().run()
    assert not at.exception
    facts = Store(db_url).dataset_facts("定海区教育局", 2019)
    assert [(f.metric, f.value) for f in facts] == [("meetings", 3.0)]


def test_file_with_errors_lists_each_and_changes_nothing(db_url: str) -> None:
    at = open_data_page(EDITOR)
    store = Store(db_url)
    token = store.version_token()
    upload(
        at,
        "bad.csv",
        gb18030_csv(
            "2020,定海区教育局,发布信息数量,微博,,100,",
            "2020,定海区教育局,热线办结率,12345,,150%,",
            "2020,定海区教育局,专题会议次数,,,-2,",
        ),
    )
    assert not at.exception
    assert any("错误 3 个" in e.value for e in at.error)
    table = at.table[0].value
    assert list(table["行"]) == [2, 3, 4]
    assert list(table["列"]) == ["指标", "数值", "数值"]
    assert "发布信息条数" in table["问题"][0]  # the closest catalogue name is suggested
    assert "0–100%" in table["问题"][1]
    assert "负数" in table["问题"][2]
    assert not [b for b in at.button if b.label == "第四步：保存"]
    assert store.version_token() == token


def test_file_over_the_size_limit(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "0.0001")
    at = open_data_page(EDITOR)
    upload(at, "big.csv", gb18030_csv(*NEW_YEAR_ROWS * 20))
    table = at.table[0].value
    assert "超过上限 0\\.0001 MB" in table["问题"][0]  # escaped for st.table's Markdown


def test_restore_brings_back_the_old_figures(db_url: str) -> None:
    at = open_data_page(EDITOR)
    upload(at, "fix.csv", gb18030_csv("2019,定海区教育局,专题会议次数,,,3,"))
    at.checkbox[0].check().run()
    button(at, "第四步：保存").click().run()
    assert len(Store(db_url).dataset_facts("定海区教育局", 2019)) == 1

    at = open_data_page(EDITOR)
    history = table_with(at, "版本")
    assert list(history["版本"]) == [2, 1]
    at.selectbox(key="restore_version").set_value(1).run()
    restore = button(at, "恢复")
    assert restore.disabled  # confirmation first
    at.checkbox(key="restore_confirm_定海区教育局_2019_1").check().run()
    button(at, "恢复").click().run()
    assert not at.exception
    assert any("恢复为第 1 版" in s.value for s in at.success)
    store = Store(db_url)
    assert len(store.dataset_facts("定海区教育局", 2019)) == 32
    latest = store.history("定海区教育局", 2019)[0]
    assert (latest.version, latest.action, latest.user, latest.restored_from) == (
        3,
        "restore",
        "alice",
        1,
    )


def test_viewer_password_gate(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        f'[dashboard]\nviewer_password_hash = "{hash_password("meeting room 1")}"\n', "utf-8"
    )
    monkeypatch.setenv("DASHBOARD_SECRETS_FILE", str(secrets))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert not at.metric  # nothing of the dashboard before the password
    at.text_input(key="viewer_pw").input("guess")
    button(at, "进入").click().run()
    assert any("查看密码不正确" in e.value for e in at.error)
    assert not at.metric
    at.text_input(key="viewer_pw").input("meeting room 1")
    button(at, "进入").click().run()
    values = {m.label: m.value for m in at.metric}
    assert values["门户网站发布信息"] == "400余条"


def test_viewers_cannot_commit_even_by_calling_the_core(db_url: str, catalogue: Catalogue) -> None:
    store = Store(db_url)
    report = validate_file(gb18030_csv(*NEW_YEAR_ROWS), "x.csv", catalogue)
    with pytest.raises(PermissionDenied):
        commit_upload(
            store,
            report,
            actor=Actor("v", Role.VIEWER),
            file_name="x.csv",
            content=b"",
            confirmed_replace=True,
        )
    with pytest.raises(PermissionDenied):
        commit_upload(
            store, report, actor=None, file_name="x.csv", content=b"", confirmed_replace=True
        )
    assert store.is_empty()


def test_typed_markup_in_a_file_is_shown_as_typed(db_url: str) -> None:
    at = open_data_page(EDITOR)
    upload(at, "x.csv", gb18030_csv("2020,定海区教育局,专题会议次数,,,<b>5</b>,"))
    table = at.table[0].value
    # Escaped for st.table's Markdown: the browser shows <b>5</b>, never bold text.
    assert list(table["所填内容"]) == [literal("<b>5</b>")]
    assert literal("<b>5</b>") == r"\<b\>5\</b\>"


def test_editor_saves_a_meeting_deck(db_url: str) -> None:
    at = open_data_page(EDITOR)
    at.text_input(key="deck_name_").input("周例会")
    at.multiselect(key="deck_slides_").set_value(["hotline", "channels"])
    at.run()
    button(at, "保存演示文稿").click().run()
    assert not at.exception
    assert Store(db_url).deck("周例会") == ["hotline", "channels"]
    # (the link may be shown Markdown-escaped: `deck\=…`)
    assert any("/present?deck=" in s.value.replace("\\", "") for s in at.success)


# ── two editors at once; a store that cannot be written ─────────────────────────────────────


def someone_else_saves(db_url: str, year: int, value: float, user: str = "bob") -> None:
    """Another editor (another process) saves `year` of 定海区教育局 meanwhile."""
    fact = Fact("定海区教育局", year, "meetings", None, None, value, Qualifier.EXACT, None)
    store = Store(db_url)
    try:
        store.commit([Dataset("定海区教育局", year, [fact])], user=user, file_name="b.csv")
    finally:
        store.close()


def versions(db_url: str, year: int) -> list[tuple[int, str]]:
    store = Store(db_url)
    try:
        return [(v.version, v.user) for v in store.history("定海区教育局", year)]
    finally:
        store.close()


def test_a_save_on_a_stale_preview_writes_nothing_and_says_who(db_url: str) -> None:
    """The issue's scenario: A previews against version 1, B saves version 2, A confirms."""
    at = open_data_page(EDITOR)
    upload(at, "fix.csv", gb18030_csv("2019,定海区教育局,专题会议次数,,,3,"))
    assert any("将替换当前第 1 版" in m.value for m in at.markdown)
    at.checkbox[0].check().run()
    someone_else_saves(db_url, 2019, 7, user="**bob**")  # after A's confirmation, before save
    button(at, "第四步：保存").click().run()
    assert not at.exception

    [error] = [e.value for e in at.error]
    assert error.startswith("未保存：在你核对期间，其他人保存了新的版本。")
    assert "定海区教育局 2019 年：" in error
    assert literal("**bob**") in error  # a typed name is shown as typed, never as Markdown
    assert "保存了第 2 版（你看到的是第 1 版）" in error and "UTC" in error
    # Nothing of A's was written: B's figures are current, no version 3.
    assert versions(db_url, 2019)[0] == (2, "**bob**") and len(versions(db_url, 2019)) == 2
    # The preview is made again from version 2, and the confirmation is asked again.
    assert any("将替换当前第 2 版" in m.value for m in at.markdown)
    assert at.checkbox[0].value is False
    assert button(at, "第四步：保存").disabled
    assert at.file_uploader[0].value is not None  # the file stays chosen

    at.checkbox[0].check().run()
    button(at, "第四步：保存").click().run()
    assert any("已保存" in s.value and "第 3 版" in s.value for s in at.success)
    assert versions(db_url, 2019)[0] == (3, "alice")


def test_a_new_year_saved_first_by_someone_else(db_url: str) -> None:
    at = open_data_page(EDITOR)
    upload(at, "2020.csv", gb18030_csv(*NEW_YEAR_ROWS))
    assert any("定海区教育局 2020 年：新年度" in m.value for m in at.markdown)
    someone_else_saves(db_url, 2020, 4)
    button(at, "第四步：保存").click().run()
    assert not at.exception
    assert any("你看到的是新年度" in e.value and "bob" in e.value for e in at.error)
    assert versions(db_url, 2020) == [(1, "bob")]
    assert any("将替换当前第 1 版" in m.value for m in at.markdown)


def test_a_preview_that_changed_before_the_click_is_shown_again(db_url: str) -> None:
    """B saves while A is still looking; A's next action (ticking the confirmation) shows the
    new preview with a notice, and the confirmation must be given again."""
    at = open_data_page(EDITOR)
    upload(at, "fix.csv", gb18030_csv("2019,定海区教育局,专题会议次数,,,3,"))
    someone_else_saves(db_url, 2019, 7)
    at.checkbox[0].check().run()
    assert not at.exception
    assert any(e.value.startswith("在你核对期间，其他人保存了新的版本") for e in at.error)
    assert any("将替换当前第 2 版" in m.value for m in at.markdown)
    assert at.checkbox[0].value is False
    assert len(versions(db_url, 2019)) == 2


def test_restore_on_a_stale_history_writes_nothing(db_url: str) -> None:
    at = open_data_page(EDITOR)
    upload(at, "fix.csv", gb18030_csv("2019,定海区教育局,专题会议次数,,,3,"))
    at.checkbox[0].check().run()
    button(at, "第四步：保存").click().run()  # version 2 (alice)

    at = open_data_page(EDITOR)
    at.selectbox(key="restore_version").set_value(1).run()
    at.checkbox(key="restore_confirm_定海区教育局_2019_1").check().run()
    someone_else_saves(db_url, 2019, 7)  # version 3 (bob), while A looks at version 2
    button(at, "恢复").click().run()
    assert not at.exception
    assert any("未恢复" in e.value and "bob" in e.value for e in at.error)
    assert versions(db_url, 2019)[0] == (3, "bob") and len(versions(db_url, 2019)) == 3


def test_a_read_only_store_gives_a_message_not_a_traceback(
    db_url: str, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(db_url)
    seed_if_empty(store, catalogue)
    store.close()
    someone_else_saves(db_url, 2019, 7)  # a version 2, so that version 1 can be restored
    token = versions(db_url, 2019)
    path = db_url.removeprefix("sqlite:///")
    monkeypatch.setenv(DATABASE_URL_ENV, read_only_url(Path(path)))

    at = open_data_page(EDITOR)
    upload(at, "2020.csv", gb18030_csv(*NEW_YEAR_ROWS))
    button(at, "第四步：保存").click().run()
    assert not at.exception
    [error] = [e.value for e in at.error]
    assert error.startswith("未保存。数据库是只读的，没有写入任何内容")
    assert "请检查该文件及其所在文件夹是否允许写入" in error

    at = open_data_page(EDITOR)
    at.selectbox(key="restore_version").set_value(1).run()
    at.checkbox(key="restore_confirm_定海区教育局_2019_1").check().run()
    button(at, "恢复").click().run()
    assert not at.exception
    assert any("数据库是只读的" in e.value for e in at.error)
    assert versions(db_url, 2019) == token
    assert versions(db_url, 2020) == []


def test_sign_in_on_a_read_only_store_is_refused_with_a_message(
    db_url: str, catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each attempt is recorded before its password is checked: when the store cannot record
    it, nobody is let in (the throttle cannot be dodged), and the page says why."""
    store = Store(db_url)
    seed_if_empty(store, catalogue)
    store.close()
    secrets = tmp_path / "secrets.toml"
    add_user(secrets, "alice", "correct horse", Role.EDITOR)
    monkeypatch.setenv("DASHBOARD_SECRETS_FILE", str(secrets))
    monkeypatch.setenv(DATABASE_URL_ENV, read_only_url(Path(db_url.removeprefix("sqlite:///"))))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    at.text_input(key="sign_in_user").input("alice")
    at.text_input(key="sign_in_password").input("correct horse")
    button(at, "登录").click().run()
    assert not at.exception
    assert "actor" not in at.session_state
    assert any(e.value.startswith("暂时无法登录：数据库是只读的") for e in at.error)


def test_the_report_lists_each_channel_read_by_rule_as_plain_text(db_url: str) -> None:
    # Issue 10 §3: staff see every mapping before they save; names from the file stay literal.
    at = open_data_page(EDITOR)
    upload(
        at,
        "accounts.csv",
        gb18030_csv(
            "2020,定海区教育局,发布信息条数,“平安**某某**”官方微博,,900余,",
            "2020,定海区教育局,发布信息条数,XX教育抖音号,,58,",
            "2020,定海区教育局,发布信息条数,微信,,300,",
        ),
    )
    assert not at.exception
    assert any("渠道识别 2 处" in i.value for i in at.info)
    [listing] = [m.value for m in at.markdown if "→" in m.value]
    assert listing.splitlines() == [
        "- " + literal("第 2 行：“平安**某某**”官方微博 → 微博"),
        "- " + literal("第 3 行：XX教育抖音号 → 短视频"),
    ]
    assert any(b.label == "第四步：保存" for b in at.button)  # a mapping is not a problem


def test_history_times_read_as_plain_utc(tmp_path: Path) -> None:
    # The column says (UTC): the times read 2026-12-02 14:26:02, not the ISO form the store gives.
    import re

    from components.upload import _history_table
    from dashboard.domain.catalogue import default_catalogue

    store = Store(f"sqlite:///{tmp_path / 'history.sqlite'}")
    try:
        seed_if_empty(store, default_catalogue())
        table = _history_table(store, None, "zh")
    finally:
        store.close()
    times = table["时间（UTC）"].to_list()
    assert times and all(re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", x) for x in times)
