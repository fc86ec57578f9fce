"""Round 96, written on blind95 after its one measure: government information counted without its
unit at a clause's end (主动公开政府信息473，) is taken for review; the units under a bureau
(局属…机构) publish their own figures; and the agency's name read past a title's stray 政府, a
body's second plate in brackets, a street office's office of several duties, a hall (大厅) and
characters t2s would send outside the basic plane."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.script import to_simplified
from dashboard.extract.figures import extract_figures
from dashboard.platform.extraction import LOW_CONFIDENCE
from tests.extract_cases import left_out, taken


def _agency(text: str, catalogue: Catalogue) -> str | None:
    return extract_figures(text, catalogue).agency


def test_government_information_without_its_unit_is_taken_for_review(
    catalogue: Catalogue,
) -> None:
    text = "2017年,我局主动公开政府信息473,包括工作动态、通知公告。"
    found = extract_figures(text, catalogue, agency="某局", year=2017)
    assert [(f.metric, f.channel, f.value) for f in found.facts] == [
        ("items_published", None, 473.0)
    ]
    assert found.facts[0].confidence < LOW_CONFIDENCE
    # before its parts in brackets, the same
    parts = (
        "临海市水利局2020年度公开政府信息189(其中组织机构信息33条,政策文件信息9条),"
        "政务微信公开政府信息111条。"
    )
    assert taken(parts, catalogue, year=2020) == {
        ("items_published", None, None, 189.0),
        ("items_published", "wechat", None, 111.0),
    }


def test_a_bare_number_on_one_account_or_of_unnamed_information_stays_out(
    catalogue: Catalogue,
) -> None:
    account = "通过微信订阅号“醉美褒河”公开政务信息193,阅读量2万次。"
    assert left_out(account, catalogue, year=2020)["193"] == "no unit"
    posts = "中心微信公众号全年发布信息59,阅读量2万次。"
    assert left_out(posts, catalogue, year=2020)["59"] == "no unit"
    # several ways listed, one of them an account: all the information, taken
    listed = "主动在政府信息平台、微博、微信等媒介上公开政务信息4287。"
    assert taken(listed, catalogue, year=2014) == {("items_published", None, None, 4287.0)}


def test_the_units_under_a_bureau_publish_their_own_figures(catalogue: Catalogue) -> None:
    text = (
        "2020年我局主动公开信息50条,局属基层医疗卫生机构通过宣传展板、宣传册、电子屏、"
        "微信公众号等渠道公开各类信息8000余条。"
    )
    assert taken(text, catalogue, year=2020) == {("items_published", None, None, 50.0)}
    assert left_out(text, catalogue, year=2020)["8000余条"] == "other bodies' figures"
    # the bureau with its units: its own figure
    joint = "2022年我局机关及局属各单位在中国福州门户网站信息公开专栏上主动公开政府信息154条。"
    assert taken(joint, catalogue, year=2022) == {("items_published", "gov_portal", None, 154.0)}


def test_a_titles_stray_government_word_is_no_part_of_the_name(catalogue: Catalogue) -> None:
    text = "2008年政府鹿城区人事劳动局信息公开工作年度报告\n今年以来,我局主动公开政府信息共157条。"
    assert _agency(text, catalogue) == "鹿城区人事劳动局"


def test_a_bodys_second_plate_in_brackets_and_a_hall(catalogue: Catalogue) -> None:
    title = "白城市民委(宗教局)\n2009年度政府信息公开工作年度报告\n"
    body = "特向社会公布本年度报告。委(局)共发布各类信息36条。"
    assert _agency(title + body, catalogue) == "白城市民族事务委员会"
    # a hall where an inquiry point is set up names no body
    hall = "本单位2009年度政府信息公开工作年度报告\n在市政务大厅也设立了公开查询点。" + body
    assert _agency(hall, catalogue) is None


def test_a_street_office_answering_by_its_office_of_several_duties(catalogue: Catalogue) -> None:
    text = (
        "如对本年度报告有疑问,请与广元市利州区人民政府河西街道办事处党政综合与社区建设办公室联系"
        "(地址:广元市利州区河西街道开泰路3号)。2023年度河西街道主动公开政府信息152条。"
    )
    assert _agency(text, catalogue) == "广元市利州区河西街道办事处"


def test_characters_are_not_sent_outside_the_basic_plane() -> None:
    # t2s writes 蔄 as 𬜬 (U+2C72C), which mainland pages do not use and fonts lack
    assert to_simplified("威海临港经济技术开发区蔄山镇") == "威海临港经济技术开发区蔄山镇"
    assert to_simplified("蔄山鎮發布1875條") == "蔄山镇发布1875条"
