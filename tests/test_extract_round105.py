"""Round 105, on the agency names over all 108 sets: the body whose year's work the report is
made from, after 按照; an institute's other name in brackets before a title with its year inside;
a zone's bracketed district given back to a name spelt out; a placed name ending in a short form
spelt out, and a government's office by its government's full name, as the labels write them."""

from __future__ import annotations

from dashboard.extract.agency import find_agency_year


def test_the_body_whose_work_the_report_is_made_from_after_anzhao() -> None:
    text = (
        "本年度报告是根据《条例》的要求,按照2024年杭州市上城区财政局政府信息公开工作实际编制而成。"
        "\n一、总体情况\n全年主动公开政府信息30条。"
    )
    assert find_agency_year(text) == ("杭州市上城区财政局", 2024)


def test_an_institutes_other_name_before_a_title_with_its_year_inside() -> None:
    text = (
        "中国科学院北京基因组研究所(国家生物信息中心)信息公开工作2023年度报告\n"
        "根据《中华人民共和国政府信息公开条例》,编制本报告。"
    )
    assert find_agency_year(text) == ("中国科学院北京基因组研究所", 2023)


def test_a_zones_district_is_given_back_to_a_name_spelt_out() -> None:
    text = (
        "根据《条例》规定,现公布泰州医药高新区(高港区)住建局2021年政府信息公开工作年度报告。"
        "\n一、总体情况\n"
    )
    assert find_agency_year(text) == ("泰州医药高新区(高港区)住房和城乡建设局", 2021)


def test_a_placed_short_form_is_spelt_out() -> None:
    for short, full in (
        ("璧山区商务委", "璧山区商务委员会"),
        ("沂源县食品药品监管局", "沂源县食品药品监督管理局"),
        ("乌兰浩特市政府办公室", "乌兰浩特市人民政府办公室"),
    ):
        text = f"{short}2019年政府信息公开工作年度报告\n一、总体情况\n"
        assert find_agency_year(text) == (full, 2019), short
    # a name already in full, and a town's government, stay as they are
    for name in ("乌兰浩特市人民政府办公室", "璧山区商务委员会"):
        text = f"{name}2019年政府信息公开工作年度报告\n一、总体情况\n"
        assert find_agency_year(text) == (name, 2019), name
