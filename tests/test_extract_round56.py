"""Round 56, written on the openings of real report pages gathered for the tables' crawl layouts
(not a labelled set), each rule checked on all labelled sets (no agency changed there): a body
named after the words on its leaders (2023年，在区委、区政府的坚强领导下，官洲街道办事处认真…),
a street office by its 办事处 name, and a hijacked mirror's words in a place's name (新葡京博彩
官网区) in no agency's name. The first text is a real page's opening (Guangzhou 官洲街道, 2023);
the others are made up after real ones. And a report saying its own year (现将我局2020年度…报告如下)
over the years in a table's remarks."""

from __future__ import annotations

from dashboard.extract.agency import find_agency_year


def test_a_body_named_after_the_words_on_its_leaders() -> None:
    text = (
        "一、总体情况\n2023年,在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实《中华人民"
        "共和国政府信息公开条例》,坚持“依法、公开、客观、及时”的原则。"
    )
    assert find_agency_year(text)[0] == "官洲街道办事处"
    text = (
        "一、总体情况\n2023年,在市委、市政府的坚强领导下,衡阳市统计局认真贯彻落实《条例》,"
        "扎实推进政府信息公开工作。"
    )
    assert find_agency_year(text)[0] == "衡阳市统计局"
    # the leaders themselves are no body of the report
    text = "一、总体情况\n2023年,在区委、区政府的坚强领导下,认真贯彻落实《条例》。"
    assert find_agency_year(text)[0] is None


def test_a_hijacked_mirrors_words_are_in_no_agencys_name() -> None:
    text = (
        "一、总体情况\n2020年,在区委、区政府的正确领导下,新葡京博彩官网区人民政府北京街道办事处"
        "认真贯彻落实《条例》。为推进政府信息公开工作,北京街结合自己实际情况,进一步完善"
        "《北京街道办事处信息公开指南》。"
    )
    assert find_agency_year(text)[0] == "北京街道办事处"
    # the same page without the mirror's words names the office in full
    clean = text.replace("新葡京博彩官网区", "越秀区")
    assert find_agency_year(clean)[0] == "越秀区北京街道办事处"


def test_the_report_saying_its_own_year_outweighs_a_tables_remarks() -> None:
    # 现将我局2020年度…报告如下, then table 二's header remarks (指2019年事项数, 指2020年办件量):
    # the report's year is the one it says is its own (a real page's opening, traditional)
    text = (
        "根據市政務服務和大數據管理局轉發的《湖北省人民政府辦公廳關於做好2020年政府信息公開"
        "年度報告編制和發布工作的通知》有關要求,現將我局2020年度政府信息公開情況報告如下。\n"
        "第二十條第(五)項 |\n信息內容 | 上一年項目數量(指2019年事項數) | "
        "本年增/減(指2020年增加或減少的事項數) | 處理決定數量(指2020年辦件量) |"
    )
    assert find_agency_year(text)[1] == 2020
    # without that sentence, the remarks' two years leave the year open
    assert find_agency_year(text.split("現將")[0] + "\n" + text.split("\n", 1)[1])[1] is None
