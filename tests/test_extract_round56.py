"""Round 56, written on the openings of real report pages gathered for the tables' crawl layouts
(not a labelled set), each rule checked on all labelled sets (no agency changed there): a body
named after the words on its leaders (2023年，在区委、区政府的坚强领导下，官洲街道办事处认真…),
a street office by its 办事处 name, and a hijacked mirror's words in a place's name (新葡京博彩
官网区) in no agency's name. The first text is a real page's opening (Guangzhou 官洲街道, 2023);
the others are made up after real ones."""

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
