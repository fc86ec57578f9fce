"""Places known from China's division names (data/catalogue/places.csv), wherever they stand in
a sentence: a report's agency found where no mark tells where its place's name starts, and a town
or a district's body given with the place the text writes before it. The texts are excerpts of
real reports of the labelled sets (湖南省司法厅 2023, 钦州市钦北区审计局 2023,
枣庄市市中区交通运输局 2025, 东至县大渡口镇 2022), and one whole (阳新县自然资源和规划局 2022)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from dashboard.domain.places import division_names
from dashboard.extract.agency import find_agency_year


def test_the_divisions_down_to_the_county_current_and_older() -> None:
    names = set(division_names())
    # a province, a prefecture by its full name, a county-level city and its county before 2021
    assert {"湖南省", "黔东南苗族侗族自治州", "祁阳市", "祁阳县", "枣庄市", "市中区"} <= names
    # a district that is no zone though named 新区
    assert "滨海新区" in names
    # the zones the codes list among counties are no places; nor 市辖区, nor two-character words
    assert not [n for n in names if re.search("开发区|高新|管理区|辖", n)]
    assert all(len(n) >= 3 and n[-1] in "省市区县州旗盟" for n in names)
    assert len(names) > 2800


def test_a_place_no_mark_starts() -> None:
    text = (
        "一、总体情况\n2023年,我厅坚持以公开为常态、不公开为例外,不断提升政府信息公开的工作效率。\n"
        "(一)主动公开\n2023年,湖南司法行政网公开发布各类政务动态信息6770条,主动公开湖南省"
        "司法厅2023年部门预算和2022年度部门决算,依法依规公开行政许可信息。"
    )
    assert find_agency_year(text) == ("湖南省司法厅", 2023)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "一、总体情况\n根据《钦州市钦北区政府信息公开领导小组办公室关于转发自治区做好2023年"
            "政府信息公开工作年度报告发布和报送工作的通知》文件规定,现向社会公布钦州市钦北区审计局"
            "2023年度政府信息公开工作情况。\n(一)政府信息主动公开情况\n2023年,我局在政府信息公开"
            "平台累积发布信息32条。",
            "钦州市钦北区审计局",
        ),
        (
            "市中区交通运输局2025年政府信息公开工作年度报告\n如对本报告有疑问,可与市中区交通运输局"
            "联系(地址枣庄市市中区振兴南路68号,邮编:277100)。",
            "枣庄市市中区交通运输局",
        ),
        (
            "本报告中所列数据统计期限为2022年1月1日至12月31日。如对本报告有任何疑问,请与东至县"
            "大渡口镇政府党政办联系(地址:东至县大渡口镇南大街2号;邮编:247210)。\n一、总体情况\n"
            "2022年,我镇的政务公开工作在县委、县政府的统一领导和部署下,取得了明显的效果。",
            "东至县大渡口镇",
        ),
    ],
)
def test_a_body_with_the_place_written_before_it(text: str, agency: str) -> None:
    assert find_agency_year(text)[0] == agency


def test_a_body_guiding_the_report_is_not_its_own() -> None:
    # (…在县委、县政府的正确领导、县政务和大数据局的具体指导下,我局…: the whole report, whose
    # 阳新县人民政府信息网站 places the short name 县政务和大数据局 as well)
    corpus = Path(__file__).parent / "data" / "corpus" / "reports-blind8.jsonl"
    reports = (json.loads(line) for line in corpus.read_text("utf-8").splitlines())
    text = next(r["text"] for r in reports if r["id"] == "yx-zrzygh-2022")
    assert "县政务和大数据局的具体指导下" in text
    assert find_agency_year(text) == ("阳新县自然资源和规划局", 2022)


def test_the_bureau_owning_the_reports_guide_or_work_when_nothing_else_names_it() -> None:
    # (excerpts of 驻马店市文化广电和旅游局 2020 and 盐津县公安局 2016, whose texts have no title,
    # byline or contact line)
    guide = (
        "(三)政府信息管理及规范化建设情况\n一是专门成立了由市文化广电和旅游局主要负责人任组长的"
        "领导小组,推进、指导和监督市文化广电和旅游局政府信息公开工作。二是完善依申请公开制度。"
        "严格按照《信息公开条例》,制定了“驻马店市文化广电和旅游局政府信息公开指南”,确定了我局"
        "受理申请的机构。"
    )
    assert find_agency_year(guide)[0] == "驻马店市文化广电和旅游局"
    work = (
        "一、总体情况\n2016年度,全县公安机关在县委、县政府的正确领导下,主动通过政府网站发布信息。"
        "主动发布各类信息314条,其中,局机关发布信息64条。安排2名民警和1名合同制工作人员承担"
        "盐津县公安局政府信息公开工作。"
    )
    assert find_agency_year(work)[0] == "盐津县公安局"
    # (a report that does not speak as a bureau: another body's work)
    assert find_agency_year(work.replace("局机关", "机关"))[0] is None
    # a government's portal carries other bodies' reports: no owner of this one
    portal = "一、总体情况\n2024年,我局通过祁阳市人民政府网站主动公开政府信息120条。"
    assert find_agency_year(portal)[0] is None


def test_a_bureau_named_by_its_kind_alone_under_the_one_county_the_text_names() -> None:
    # (excerpts of 汝州市应急管理局 2019 and 同心县统计局 2021: no government named in full)
    emergency = (
        "一、总体情况\n2019年,作为新组建部门,市应急管理局严格按照新修订的《中华人民共和国政府信息"
        "公开条例》,全面推进政务公开工作。\n(一)主动公开情况\n2019年,应急管理局通过政府门户网站"
        "和微信公众平台主动公开信息942条。\n(五)政府信息公开监督保障及教育培训情况\n参加了汝州市"
        "政府组织的政务公开培训班。"
    )
    assert find_agency_year(emergency)[0] == "汝州市应急管理局"
    statistics = (
        "现将统计局2021年政府信息公开年度报告编制和公布工作有关情况报告如下。\n一、总体情况\n"
        "我局严格依照《宁夏回族自治区实施(中华人民共和国政府信息公开条例)办法》有关规定,坚持以"
        "公开为常态。主动公开文件及时在同心县政府公众网公开。"
    )
    assert find_agency_year(statistics)[0] == "同心县统计局"
    # the county a city's bureau (市…局) names in passing is not its place
    city = emergency.replace("汝州市政府", "宝丰县政府")
    assert find_agency_year(city)[0] == "应急管理局"
    # two counties named: no place is taken
    two = statistics + "并抄送海原县政府。"
    assert find_agency_year(two)[0] == "统计局"


def test_a_town_under_the_one_county_the_text_names() -> None:
    # (沙德格苏木 2021, a page of 乌拉特前旗's disclosure platform)
    text = (
        "您好,欢迎登录乌拉特前旗政务公开平台\n发布机构 沙德格苏木\n"
        "沙德格苏木2021年度政府信息公开工作年度报告\n一、总体情况\n2021年,沙德格苏木认真围绕重点"
        "工作和年度目标任务,扎实有序推进政务公开工作落实。现将我苏木2021年政府信息公开年度报告"
        "公布如下。2021年,我苏木在“巴彦淖尔市政务公开”主动公开沙德格苏木政府信息28条。"
    )
    assert find_agency_year(text) == ("乌拉特前旗沙德格苏木", 2021)


def test_the_list_is_rebuilt_by_its_script_with_its_rules(tmp_path: Path) -> None:
    """scripts/build_places.py: provinces, prefectures and counties; no functional zone (codes
    xx xx 71–80) and no 市辖区 or two-character name; an older name kept beside the current one,
    and a name both sources give keeps the current code."""
    script = Path(__file__).parents[1] / "scripts" / "build_places.py"
    spec = importlib.util.spec_from_file_location("build_places", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "provinces.csv").write_text('code,name\n43,"湖南省"\n', "utf-8")
    (dist / "cities.csv").write_text(
        'code,name,provinceCode\n4301,"长沙市",43\n4390,"省直辖县级行政区划",43\n', "utf-8"
    )
    (dist / "areas.csv").write_text(
        "code,name,cityCode,provinceCode\n"
        '430102,"芙蓉区",4301,43\n430171,"长沙经济技术开发区",4301,43\n'
        '430181,"浏阳市",4301,43\n430103,"城区",4301,43\n430100,"市辖区",4301,43\n',
        "utf-8",
    )
    adcodes = tmp_path / "adcodes.csv"
    adcodes.write_text(
        "adcode,name,longitude,latitude\n431121000000,祁阳县,0,0\n430181000000,浏阳市,0,0\n"
        "430181999999,浏阳市,0,0\n",
        "utf-8",
    )
    built = module.build(dist, adcodes)
    assert built.rows() == [
        ("430000", "湖南省", "nbs-2023"),
        ("430100", "长沙市", "nbs-2023"),
        ("430102", "芙蓉区", "nbs-2023"),
        ("430181", "浏阳市", "nbs-2023"),
        ("431121", "祁阳县", "cpca-adcodes"),
    ]


def test_a_body_named_short_under_the_one_division_of_its_level() -> None:
    # (excerpts of 湖南省体育局 2012 and 盐都区司法局 2022: no title, no name in full)
    province = (
        "本报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。\n一、概述\n按照《中华"
        "人民共和国政府信息公开条例》的要求,2012年省体育局政府信息公开工作取得了新的进展。\n"
        "1.《湖南省全民健身条例》经湖南省十一届人大常委会第二十九次会议通过。"
    )
    assert find_agency_year(province) == ("湖南省体育局", 2012)
    district = (
        "本报告的电子版可在盐城市盐都区政府网站政府信息公开专栏下载。如对本报告有任何疑问,请与"
        "区司法局办公室联系(地址:盐都区行政中心一楼0107)。\n一、总体情况\n2022年,区司法局在区委"
        "区政府坚强领导下,切实做好2022年政府信息公开年度报告编制和发布工作。"
    )
    # (盐城市 is a city: a district's body takes the district, the one of its level)
    assert find_agency_year(district)[0] == "盐都区司法局"
    # a short name spelt out (市人防办, 区政务服务办)
    assert find_agency_year(province.replace("省体育局", "省人防办"))[0] == "湖南省人民防空办公室"
    # two districts named: no place is taken
    assert find_agency_year(district + "并抄送亭湖区政府。")[0] is None
    # two short names: which is the report's own is not known
    assert find_agency_year(district + "区财政局予以配合。")[0] is None
    # the body guiding the report is not its own
    guided = province.replace("2012年省体育局政府", "在省教育厅的指导下,政府")
    assert find_agency_year(guided)[0] is None


def test_a_name_opening_a_sentence_after_the_words_on_the_year() -> None:
    # (excerpts of 东胜区统计局 2023 and 中旺镇 2025)
    bureau = (
        "一、总体情况\n今年以来,东胜区统计局以习近平新时代中国特色社会主义思想为指导,全面贯彻落实"
        "党的二十大精神,扎实做好政府信息公开工作。"
    )
    assert find_agency_year(bureau)[0] == "东胜区统计局"
    town = (
        "按照《中华人民共和国政府信息公开条例》要求及静海区政府《关于做好2025年度我区行政机关政府"
        "信息公开年度报告的编制和发布工作的通知》部署,中旺镇紧扣乡村振兴、产业发展等中心工作,"
        "持续提升政务公开规范化水平。"
    )
    assert find_agency_year(town)[0] == "静海区中旺镇"
