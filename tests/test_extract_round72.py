"""Round 72, written on blind56 after it was measured once (each rule checked on all 62 sets):
the key fields' items listed (…等重点领域信息) are a part; documents sent to a higher office
are not published; the people's questions answered (求助、投诉、咨询等) are no items; the
documents explained, counted before them (对5件…文件进行了政策解读), are interpretations; a site
and a way no channel is named for, listed 等政务公开平台 clauses before the count, give the total.
The texts are excerpts of blind56's reports (六盘水市民政局 2022, 辽宁省卫生健康委员会 2020,
重庆市武隆区人力资源和社会保障局 2021, 重庆市铜梁区住房和城乡建设委员会 2022, 海盐县沈荡镇 2023)
and of blind57 (枣庄市市中区人民政府 2023)."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from tests.extract_cases import left_out, taken


def test_the_key_fields_items_listed_are_a_part(catalogue: Catalogue) -> None:
    listed = "全年主动公开稳岗就业、社会福利、社会救助、乡村振兴等重点领域信息 657条。"
    assert left_out(listed, catalogue)["657条"] == "part (one kind of item)"
    fields = "梳理并公开“基本民生保障、基本社会服务、基层社会治理”重点领域等各类信息62条。"
    assert left_out(fields, catalogue)["62条"] == "part (one kind of item)"
    # (controls: the key fields as what all of it was about, or among every kind counted)
    about = "围绕环境保护等重点领域公开政府信息4517条。"
    assert ("items_published", None, None, 4517.0) in taken(about, catalogue)
    among = "共发布包括食品、药品、特种设备信息等重点领域信息在内的各类信息516条。"
    assert ("items_published", None, None, 516.0) in taken(among, catalogue)


def test_documents_sent_to_a_higher_office_are_not_published(catalogue: Catalogue) -> None:
    text = "向省政府办公厅送交主动公开文件45件。"
    assert not taken(text, catalogue)
    assert left_out(text, catalogue)["45件"] == "sent to another body"
    control = "全年主动公开文件45件。"
    assert ("items_published", None, "documents", 45.0) in taken(control, catalogue)


def test_the_peoples_questions_answered_are_no_items(catalogue: Catalogue) -> None:
    text = "充分运用公开信箱等平台,回应公众关注热点,处理并公开求助、投诉、咨询等共11件。"
    assert not taken(text, catalogue)
    assert left_out(text, catalogue)["11件"] == "questions and complaints, not items"


def test_documents_explained_counted_before_them(catalogue: Catalogue) -> None:
    text = "2022年,对5件重要政策文件进行了政策解读。"
    assert ("interpretations", None, None, 5.0) in taken(text, catalogue)
    # (control: a meeting to explain them is no interpretation)
    meeting = "对5件重要政策文件进行了解读会。"
    assert not taken(meeting, catalogue)
    assert left_out(meeting, catalogue)["5件"] == "unnamed"


def test_a_site_and_an_unnamed_way_listed_clauses_before_give_the_total(
    catalogue: Catalogue,
) -> None:
    text = (
        "2023年度,我镇依托海盐门户网站、爱海盐等政务公开平台,定期发布事关群众切身利益的重点领域,"
        "做好常态化更新,主动公开政府信息400余条。"
    )
    assert ("items_published", None, None, 400.0) in taken(text, catalogue)
    # (control: the portal alone named before, its figure stays the portal's)
    alone = "2023年度,我镇依托县政府门户网站,做好常态化更新,主动公开政府信息400余条。"
    assert ("items_published", "gov_portal", None, 400.0) in taken(alone, catalogue)
