"""agency_names: which spellings are one agency (agency_key), which stored agency a report's
own name stands for (stored_agency), and the words behind them read from the data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.domain.agency_names import (
    AUTONOMOUS,
    _spelt_out,
    agency_key,
    agency_vocabulary,
    same_agency,
    short_forms,
    stored_agency,
)
from dashboard.domain.places import division_names


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("大冶市政府办公室", "大冶市人民政府办公室"),
        ("六盘水市应急局", "六盘水市应急管理局"),
        ("苏州高新区管委会", "蘇州高新區管理委員會"),
        ("白河县", "白河县人民政府"),
        ("黔南州", "黔南州人民政府"),
        ("江西省", "江西省人民政府"),
        ("白洋街道", "白洋街道办事处"),
        ("龙湾区住建局", "龙湾区住房和城乡建设局"),
        ("甘南州卫生健康委", "甘南州卫生健康委员会"),
        ("常州经开区", "常州经济开发区"),
        ("重庆市万盛经开区关坝镇", "重庆市万盛经济技术开发区关坝镇"),
        ("重庆市两江新区商务委", "重庆市两江新区商务委员会"),
        ("福建省市场监管局", "福建省市场监督管理局"),
        ("陜西省人民政府办公厅", "陝西省人民政府辦公廳"),
        ("北京大兴国际机场临空经济区（廊坊）管理委员会", "北京大兴国际机场临空经济区(廊坊)管委会"),
        ("定海区 教育局", "定海区教育局"),
        # a street office (a town) is its district's government's, said or not
        ("南京市鼓楼区人民政府华侨路街道办事处", "南京市鼓楼区华侨路街道办事处"),
        ("天津市河东区人民政府春华街道办事处", "天津市河东区春华街道"),
        ("莒南县人民政府石莲子镇", "莒南县石莲子镇"),
        # short forms the reports use (市人民防空办, 区政务服务办, 住房城乡建设局)
        ("重庆市人民防空办", "重庆市人民防空办公室"),
        ("宁河区政务服务办", "宁河区政务服务办公室"),
        ("安居区住房城乡建设局", "安居区住房和城乡建设局"),
        # an autonomous division by its full name or its short one
        ("大化瑶族自治县教育局", "大化县教育局"),
        ("肃南裕固族自治县人民政府", "肃南县人民政府"),
        ("关岭布依族苗族自治县民族宗教事务局", "关岭自治县民族宗教事务局"),
        ("黔东南苗族侗族自治州商务局", "黔东南州商务局"),
        ("鄂温克族自治旗辉苏木", "鄂温克旗辉苏木"),
        ("木垒哈萨克自治县人民政府", "木垒县人民政府"),
        # a place written without its level, the one division of that stem
        ("荆门市司法局", "荆门司法局"),
        ("黑龙江省质量技术监督局", "黑龙江质量技术监督局"),
    ],
)
def test_spellings_of_one_agency_share_a_key(one: str, other: str) -> None:
    assert agency_key(one) == agency_key(other)
    assert same_agency(one, other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("大路镇", "琼海市大路镇"),  # many counties have a 大路镇: the key keeps the place
        ("荣成市人民政府办公室", "荣成市人民政府"),  # the office is not the government
        ("定海区教育局", "普陀区教育局"),
        ("苏州高新区", "苏州高新区管委会"),
        # (朝阳: 朝阳市, 朝阳区 and 朝阳县 — no level to write; 前进街道 is a street's name)
        ("朝阳区教育局", "朝阳教育局"),
        ("前进街道", "前进区街道"),
        # (the government's office of a district is no street office)
        ("鼓楼区人民政府办公室", "鼓楼区办公室"),
    ],
)
def test_different_agencies_keep_different_keys(one: str, other: str) -> None:
    assert agency_key(one) != agency_key(other)
    assert not same_agency(one, other)


def test_a_full_name_already_written_is_not_spelt_out_again() -> None:
    forms = short_forms()
    assert _spelt_out("甘南州卫生健康委员会", forms) == "甘南州卫生健康委员会"
    assert _spelt_out("甘南州卫生健康委", forms) == "甘南州卫生健康委员会"
    assert _spelt_out("杭州市发改委", forms) == "杭州市发展和改革委员会"
    assert agency_key("甘南州卫生健康委员会") == agency_key("甘南州卫健委")
    assert not same_agency("", "")
    assert not same_agency(None, "定海区教育局")


def test_the_stored_name_a_report_s_name_stands_for() -> None:
    stored = ["定海区教育局", "琼海市大路镇", "大冶市人民政府办公室", "广河县人民政府"]
    assert stored_agency("大冶市政府办公室", stored) == "大冶市人民政府办公室"
    assert stored_agency("定海區教育局", stored) == "定海区教育局"
    # the stored name puts its places before the report's name, or the report before the store's
    assert stored_agency("大路镇", stored) == "琼海市大路镇"
    assert stored_agency("临夏回族自治州广河县人民政府", stored) == "广河县人民政府"
    assert stored_agency("宁波市定海区教育局", stored) == "定海区教育局"
    # no stored agency, or two that fit: none is guessed
    assert stored_agency("普陀区教育局", stored) is None
    assert stored_agency("大路镇", [*stored, "文昌市大路镇"]) is None
    assert stored_agency("", stored) is None
    # words that end a stored name without a place before them are not its name
    assert stored_agency("教育局", ["定海区职业教育局"]) is None


def test_the_words_are_read_from_the_data_file(tmp_path: Path) -> None:
    forms, same = agency_vocabulary()
    assert forms["住建局"] == "住房和城乡建设局"
    assert same["人民政府"] == "政府"
    assert short_forms() is forms
    # longest first: 卫生健康委 is tried before 卫健委 and 卫计委 would be
    assert list(forms).index("卫生健康委") < list(forms).index("教委")
    mine = tmp_path / "names.toml"
    mine.write_text('[short_forms]\n"交警队" = "交通警察大队"\n', encoding="utf-8")
    assert agency_vocabulary(mine) == ({"交警队": "交通警察大队"}, {})


def test_listed_places_are_read_from_the_data_file(tmp_path: Path) -> None:
    from dashboard.domain.agency_names import listed_places

    assert "呼和浩特市" in listed_places()
    assert all(p[-1] in "省市区县州旗盟" for p in listed_places())
    mine = tmp_path / "names.toml"
    mine.write_text('[places]\nlisted = ["中山市"]\n', encoding="utf-8")
    assert listed_places(mine) == ("中山市",)


def test_the_same_agency_up_to_the_places_before_it() -> None:
    from dashboard.domain.agency_names import same_agency_placed

    assert same_agency_placed("西安市长安区卫生健康局", "长安区卫生健康局")
    assert same_agency_placed("锡山区东港镇", "东港镇")
    assert same_agency_placed("四川省乐山市气象局", "乐山市气象局")
    # another body, or a word before the name that is no place, is not
    assert not same_agency_placed("西安市长安区卫生健康局", "长安区教育局")
    assert not same_agency_placed("设立县民政局", "县民政局")
    assert not same_agency_placed(None, "东港镇")


def test_an_autonomous_divisions_short_name_never_stands_for_another_division() -> None:
    """The key writes 大化瑶族自治县 as 大化县 — but not 东乡族自治县 as 东乡县, once a county of
    抚州, nor a province's 自治区."""
    names = set(division_names())
    shortened = [name for name in names if AUTONOMOUS.search(name)]
    assert len(shortened) > 100  # the autonomous counties, banners and prefectures are read
    keys = {agency_key(name) for name in shortened}
    assert not keys & {agency_key(name) for name in names - set(shortened)}
    assert agency_key("东乡族自治县人民政府") != agency_key("东乡县人民政府")
    assert agency_key("新疆维吾尔自治区生态环境厅") == "新疆维吾尔自治区生态环境厅"
