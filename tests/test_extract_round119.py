"""Round 119, on blind112 after its one measure: who the report is by when its title does not say
(the year's work it is made from, with the year after the name; an office answering through its
centre; a page's field followed by the next on one line), a 分别 list whose first number leaves
its unit to the last and names a platform with no channel, the year's part of a running total by
its year, and documents counted before their noun."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.agency import find_agency_year
from tests.extract_cases import left_out, taken


def test_the_years_work_with_the_year_after_the_name() -> None:
    text = (
        "本报告根据《中华人民共和国政府信息公开条例》要求,结合绍兴市人民政府2020年度政府信息"
        "公开工作编制而成。本报告中所列数据的统计期限从2020年1月1日到12月31日止。"
    )
    assert find_agency_year(text) == ("绍兴市人民政府", 2020)
    # a street office's report on its district's template: the office, which the text speaks as
    street = (
        "本报告结合杭州市滨江区人民政府2022年度政府信息公开工作编制而成。统计期限从2022年1月1日"
        "到12月31日。\n一、总体情况\n2022年,浦沿街道信息公开工作在区委、区政府的正确领导下,"
        "认真贯彻落实《条例》。本街道全年主动公开信息30条。"
    )
    assert find_agency_year(street)[0] != "杭州市滨江区人民政府"
    assert find_agency_year(street) == ("杭州市滨江区浦沿街道", 2022)
    assert find_agency_year(street.replace("本街道", "全年"))[0] == "杭州市滨江区人民政府"


def test_an_office_answering_through_its_centre() -> None:
    text = (
        "本年度报告中所列数据统计期限从2024年1月1日到12月31日止。如对本报告有任何疑问,请联系"
        "永嘉县人民政府办公室政务公开服务中心(地址:永嘉县北城街道县前路94号)。"
    )
    assert find_agency_year(text) == ("永嘉县人民政府办公室", 2024)
    # (…宗关街道办事处,: a street office, whose 处 is no section's)
    street = (
        "所列统计数据时间范围为2025年1月1日至2025年12月31日。如本报告有疑问,请联系:"
        "硚口区人民政府宗关街道办事处,地址:硚口区解放大道461号。\n一、总体情况\n"
        "2025年以来,宗关街道深入学习贯彻习近平新时代中国特色社会主义思想。"
    )
    assert find_agency_year(street)[0] == "硚口区宗关街道办事处"


def test_a_pages_field_followed_by_the_next_on_its_line() -> None:
    text = (
        "索引号000014349/2024-03341\n发文机关宋村镇人民政府 主题词\n"
        "标题2023年政府信息公开工作年度报告\n"
        "一年来,我镇依托长子县人民政府门户网站共主动公开政府信息290条。"
    )
    assert find_agency_year(text) == ("长子县宋村镇", 2023)


def test_a_respective_list_whose_last_number_carries_the_unit(catalogue: Catalogue) -> None:
    text = "2025年,通过中心微信公众号、“福地E政务”小程序分别发布信息268、53条。"
    # the account's number; the mini-program's has no channel
    assert taken(text, catalogue) == {("items_published", "wechat", None, 268.0)}
    both = "2025年,通过局门户网站、局微信公众号分别发布信息268、53条。"
    assert taken(both, catalogue) == {
        ("items_published", "dept_site", None, 268.0),
        ("items_published", "wechat", None, 53.0),
    }


def test_the_years_part_of_a_running_total_on_a_site(catalogue: Catalogue) -> None:
    text = "截止2016年底我局通过局门户网站公开信息457条,其中2016年公开政务信息46条。"
    assert taken(text, catalogue, year=2016) == {("items_published", None, None, 46.0)}
    assert left_out(text, catalogue, year=2016)["457条"] == "cumulative"
    # (another year's part: the total is a running one all the same, the part not the year's)
    older = "截至2019年底,高新区主动公开的政府信息数为109条,其中2009年11条。"
    assert left_out(older, catalogue, year=2019)["109条"] == "cumulative"
    assert taken(older, catalogue, year=2019) == set()


def test_documents_counted_before_their_noun(catalogue: Catalogue) -> None:
    text = "2022年我市共发布20个规范性文件,并对文件进行文字和图文访谈两种以上形式的深度解读。"
    assert taken(text, catalogue, year=2022) == {("items_published", None, "documents", 20.0)}
