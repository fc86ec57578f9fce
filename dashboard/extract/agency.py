"""The agency and year of an annual report (`find_agency_year`), from its title or else from the
sentences that name them: who wrote, publishes or answers for the report, its byline, a short
name completed with the place of the government the report names in full.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache, cached_property
from itertools import pairwise

from dashboard.domain.agency_names import listed_places, short_forms
from dashboard.domain.places import (
    division_codes,
    division_names,
    has_towns_directly,
    is_county_level,
)
from dashboard.domain.script import to_simplified

# A ministry's name ends in 部, as many words do (全部, 干部, 内部): only the two to eight
# characters of a department's name before it (水利部, 交通运输部, 人力资源和社会保障部).
_MINISTRY = r"(?<![全干内外局总本各支分])部(?![门分署])"
# An agency's name: the longer endings first, so that 番禺区人民政府办公室 (an office of a
# government that reports as its own agency) is not cut at 人民政府.
_NAME = (
    r"[\u4e00-\u9fff]{2,24}?(?:人民政府办公室|人民政府办公厅|政府办公室|委员会|人民政府|管委会"
    # (雅安经开区认真贯彻…: a zone by its short name)
    # (中国人民银行绍兴市中心支行: a central bank's branch)
    # (分管局长: a person, not a body)
    # (市政务大厅: a hall, not a department — 厅 ends neither 大厅 nor 展厅)
    r"|街道办事处|办事处|局(?!长)|(?<![大展餐客])厅|委|办公室|中心支行|中心|开发区|经开区|高新区|示范区|产业园(?!区)|工业园(?!区)"
    r"|供销合作社联合社|供销合作社|供销社"
    # (中国科学院武汉病毒研究所: a research institute that reports as a public body)
    r"|研究所|研究院"
    # (安徽财贸职业学院, 广西师范大学: a college reporting under the colleges' disclosure rules;
    # 西双版纳热带植物园, 云南天文台: institutes of the Academy by other names)
    r"|(?<![我本该全])(?:(?<!科)学院|大学)|植物园|天文台"
    # (请与将乐县政府办电子政务科联系: the government's office said short)
    r"|政府办(?![公事])"
    r"|供销合作联社|供销联社|联合会"
    # (太和县中医院, 通榆县广播电视台, 桐乡市水务集团有限公司: a hospital, a broadcaster or a
    # state-owned company that publishes its own report; 襄阳中环水务有限公司: one named by its
    # trade)
    r"|医院|卫生院|广播电视台|(?<=集团|水务|投资|发展|建设)有限公司|有限责任公司"
    # (北京市交通执法总队, 交警支队: law-enforcement, fire and traffic-police corps)
    r"|总队|支队|大队"
    # (熊口管理区: an administrative area; 莘庄工业区: an industrial zone)
    r"|管理区|(?<![一二三四五六七八九十几个各本该])工业区"
    # (蒋湖农场, 东风垦殖场: a state farm, which reports as its own body)
    r"|(?<![家庭个])农场|林场|牧场|垦殖场"
    # (审计署党组高度重视…: the national audit office; 地区行政公署: a prefecture's office —
    # not 署 alone, which ends 工作部署)
    # (深圳市坪山区投资推广服务署: a district's service agency)
    r"|海关总署|海关|总署|(?<=审计)署|(?<=服务)署|行政公署"
    rf"|{_MINISTRY})"
)
_YEAR = r"(?:19|20)[0-9]{2}"
_PILOT_ZONE = re.compile(
    r"中国\s*[(（]\s*(?P<province>[\u4e00-\u9fff]{2,3})\s*[)）]\s*(?=自由贸易)"
)
# 泰州医药高新区(高港区)卫生健康委员会, 苏州高新区管委会(虎丘区人民政府): a zone and the
# district it is one with, in brackets no other name has
# (北京大兴国际机场临空经济区(廊坊)管理委员会, 阿拉善高新技术产业开发区(乌斯太镇)…中心: a
# place's short name, or the town the zone is one with, inside the name)
_PLACE_ALIAS = re.compile(
    r"(?<=[区县市城会])[(（](?!以下|简称)"
    r"(?:[\u4e00-\u9fff]{2,10}?(?:区|县|市|城|镇|乡|街道|人民政府)|街道|[\u4e00-\u9fff]{2,3}(?=[)）][\u4e00-\u9fff]))"
    r"[)）]"
)
# (政府信息工作年度报告: a title that leaves out 公开)
# (政府信息年度公开报告: the year's word before 公开)
# (温郊乡人民政府信息公开工作进展情况报告: the work's progress)
_REPORT = (
    r"\s*(?:(?:政府信息|政务信息|政务|信息)\s*(?:年度)?\s*公开|政府信息)\s*(?:年度)?\s*(?:工作)?\s*(?:的)?\s*(?:年度)?\s*(?:年度)?"
    r"(?:进展)?(?:情况)?(?:报告|年报)"
)
# (长春市人民政府外事(侨务)办公室: a name holding another in brackets)
# (not (图文)海宁市人民政府: a page's tag before the name)
_TITLE_CHAR = r"[^\s，,。；;:：《》“”()（）/]"
_TITLE_CHARS = rf"{_TITLE_CHAR}(?:{_TITLE_CHAR}|[(（][\u4e00-\u9fff]{{1,12}}[)）]){{1,39}}?"
# "XX局2019年政府信息公开工作年度报告" (the title may be broken over two lines)
# (广州海关2015年海关政府信息公开年度报告: the field's word again before the report's)
_TITLE_RE = re.compile(
    # (上海市宝山区大场镇人民政府\n关于2025年政府信息公开工作年度报告: 关于 before the year)
    rf"(?P<agency>{_TITLE_CHARS})\s*(?:关于\s*)?(?P<year>{_YEAR})\s*"
    r"(?:年度?|(?=[ \t]*\n)|(?=政府信息|政务公开))"
    rf"(?:[\u4e00-\u9fff]{{2}}(?=政府信息))?{_REPORT}"
)
# 樂山高新區管委會2010年年報根據…: a line opening with the name and the year's report (年报)
_TITLE_YEARS_REPORT = re.compile(
    rf"(?:^|\n)[ \t]*(?P<agency>{_TITLE_CHARS})\s*(?P<year>{_YEAR})\s*年度?\s*年报"
)
# 现公布南强街道办事处2024年度政府信息公开情况: the body and year of the state it publishes
_STATE_PUBLISHED = re.compile(
    rf"现(?:公布|将|予公布|公开|发布)\s*(?P<agency>{_NAME})\s*(?P<year>{_YEAR})\s*年度?\s*"
    r"(?:政府信息|政务信息|政务)公开(?:工作)?(?:的)?(?:有关)?情况"
)
# 中国科学院、水利部成都山地灾害与环境研究所: an institute run by the Academy and a ministry
_CO_OWNED = re.compile(
    r"(?:中国科学院|中国社会科学院|中国工程院|[\u4e00-\u9fff]{1,6}部)、[\u4e00-\u9fff]{1,6}?部"
    r"[\u4e00-\u9fff]{2,24}?(?:研究所|研究院|研究中心|植物园|天文台)$"
)
# 2022~2023学年度, 2021—2022学年: a college's school year, `year` the one it ends in
_SCHOOL_YEARS = rf"{_YEAR}\s*(?:年\s*)?[~～\-—–－至到]\s*(?P<year>{_YEAR})\s*(?:年\s*)?学年度?"
# 广西师范大学2022~2023学年度信息公开工作报告: a college's report of its school year, the year
# it ends (the labels' year of such reports, 3 of 3)
_TITLE_SCHOOL_YEAR = re.compile(rf"(?P<agency>{_TITLE_CHARS})\s*{_SCHOOL_YEARS}{_REPORT}")
# "会同县林业局信息公开工作年度报告" on a line of its own, without the year
# (东河区和平路街道 政府信息公开工作年度报告: a street office or town by its own name)
_TITLE_NO_YEAR = re.compile(
    rf"(?:^|\n)[ \t]*(?P<agency>{_NAME}|[\u4e00-\u9fff]{{2,16}}?(?:街道|镇|乡)){_REPORT}"
    # (…工作年度报告 (2019年): the year in brackets after the title)
    rf"[ \t]*(?:[(（]\s*{_YEAR}\s*年?度?\s*[)）])?[ \t]*(?=\n|$)"
)
# "现编制臺州市安全生产监督管理局政府信息公开工作年度报告": the title, without its year, in the
# sentence making or publishing it
# (本报告为舟山市发展和改革委员会政府信息公开工作年度报告: the report saying whose it is)
_TITLE_MADE = re.compile(
    rf"(?:编制|公布|发布|现将|本报告为|本年报为)(?:了)?\s*(?P<agency>{_NAME}){_REPORT}"
)
# "2017年XX局政府信息公开工作年度报告", also in a sentence that publishes it (特公布2022年XX局…)
_TITLE_YEAR_FIRST = re.compile(
    # (2022度珠晖区粤汉街道…报告: 年 left out)
    rf"(?:^|\n|公布|发布|现将|汇总|编制|形成)\s*(?P<year>{_YEAR})\s*(?:年度?|度)\s*(?P<agency>{_TITLE_CHARS}){_REPORT}"
)
# "XX局政府信息公开工作2019年度报告": the year inside the title
_TITLE_YEAR_INSIDE = re.compile(
    rf"(?P<agency>{_TITLE_CHARS})(?:政府信息|政务|信息)\s*公开\s*(?:工作)?\s*(?P<year>{_YEAR})\s*年度?\s*"
    r"(?:报告|年报)"
)
# "根据2023年眉山市司法局信息公开工作实际编制而成": the agency whose year's work the report
# is made from (结合嵊州市人民政府办公室政府信息公开年度工作情况编制而成: without the year)
_WORK_OF_THE_YEAR = re.compile(
    # (根据精河工业园区管理委员会的政府信息公开年度工作情况: 的 after the name)
    # (按照2024年杭州市上城区财政局政府信息公开工作实际编制而成)
    # (结合绍兴市人民政府2020年度政府信息公开工作编制而成: the year after the name)
    rf"(?:根据|结合|按照)\s*(?:{_YEAR}\s*年度?)?\s*(?P<agency>{_NAME})的?(?:{_YEAR}\s*年度?)?"
    r"(?:政府)?信息公开(?:年度)?工作(?:的)?(?:实际|情况|编制)"
)
# "请与XX局联系": the agency that answers for the report (its office or unit named or not:
# 请与闽侯县水利局政府信息公开工作领导小组办公室联系).
_CONTACT = re.compile(
    rf"(?:请|可)与(?P<agency>{_NAME})(?:[\u4e00-\u9fff]{{0,16}}?(?:办公室|办|科|股|室|组))?联系"
    # (请联系吉林市人民政府外事办公室综合处,: the body, by its section's name)
    # (请联系永嘉县人民政府办公室政务公开服务中心(地址…: an office by its centre, before the
    # centre is read as a name of its own)
    rf"|请联系[：:]?\s*(?P<section>{_NAME})[\u4e00-\u9fff]{{1,6}}?(?:(?<!办事)[处科股]|服务中心)[(（;；，,]"
    # (请联系中村乡人民政府党政办公室,联系电话…; 可致电福州市晋安区人民政府办公室,电话…)
    # (可联系伊吾县人民政府办公室(电子政务办公室),电话…)
    rf"|(?:(?:[请可]联系)+[：:]?|可?致电)\s*(?P<by>{_NAME})[(（;；，,]"
)
# "本报告的电子版可在“连云港经济技术开发区管理委员会”网站下载": the report is published on its
# agency's own site, named in full
_OWN_SITE = re.compile(
    rf"电子版[^。\n]{{0,8}}?(?:在|从|于|通过)\s*[“\"]?(?P<agency>{_NAME})[”\"]?"
    # (可以从乌海市统计局门户网(http://…)下载: 门户网 without 站)
    r"(?:政府)?(?:门户网站?|官方网站|官网|网站)"
    # (常州高新区网站: a zone's portal, which carries the reports of the bodies in it)
    r"(?<!开发区网站)(?<!高新区网站)(?<!经开区网站)"
)
# "2025年，区教育局以…", "市教委坚持…": a short name opening a sentence, completed with the
# place of the government the report names in full (南京市栖霞区人民政府 → 南京市栖霞区教育局).
_SHORT_OPENING = re.compile(
    rf"(?:^|[。\n]|现将)\s*(?:{_YEAR}\s*年度?[,，]?\s*)?(?P<level>[区县市州省])"
    # (not 市委常委会议: the Party committee's standing members)
    r"(?P<short>(?!委)[\u4e00-\u9fff]{1,8}?(?:局|委员会|委|厅))(?<!常委)(?=[\u4e00-\u9fff])"
)
# "电子版在市人社局门户网站…下载": the report is published on its agency's own site.
_SHORT_SITE = re.compile(
    r"电子版[^。\n]{0,8}?(?:在|从|于|通过)(?P<level>[区县市州])"
    r"(?P<short>[\u4e00-\u9fff]{1,8}?(?:局|委员会|委))(?:门户|官方)?(?:网站|官网|网)"
)
# "…有关规定，县政府编制了2020年度…报告": a short name making the report
_SHORT_MAKER = re.compile(
    rf"(?:^|[。，,\n])\s*(?P<level>[区县市州])(?P<short>政府|[\u4e00-\u9fff]{{1,8}}?(?:局|委员会|委))"
    rf"编制(?:了)?\s*{_YEAR}\s*年"
)
# "一、总体情况\n衡阳市统计局坚持…": a full name opening a sentence with what it did
# (今年以来，东胜区统计局以…; 部署，中旺镇紧扣…: after the words on the year or the orders)
_OPENING_VERBS = (
    "认真|坚持|深入|严格|紧紧|全面|按照|围绕|高度|始终|积极|进一步|不断|继续|切实|持续|着力"
    "|紧扣|聚焦|扎实"
)
# (本年度,兴发乡严格依照…: the year said without its number)
_SINCE_WORDS = rf"(?:今年以来|本年度|{_YEAR}\s*年(?:度|以来)?)"
_SINCE = rf"(?:{_SINCE_WORDS}[,，]\s*)?"
# (…的通知》要求,砚山县交通运输局认真贯彻…: after the words on the orders it follows)
_NAME_OPENING = re.compile(
    # (…规范化水平,台州市住房公积金管理中心天台分中心认真开展…: after any comma but a number's)
    rf"(?:^|[。\n]|情况|(?<![0-9])[，,])\s*{_SINCE}(?P<agency>{_NAME})(?={_OPENING_VERBS}|主动|共|通过|以)"
)
# "2022年，大寨镇认真贯彻…", "白云街以…": a town or street office by its own name, opening a
# sentence (after its year) with what it did
# (在县委县政府的坚强领导下，止戈镇人民政府始终坚持…: after the words on its leaders, by its
# government's name)
_TOWN_OPENING = re.compile(
    rf"(?:^|[。\n]|情况|领导下[，,]|指导下[，,]|部署[，,])\s*"
    rf"(?:{_SINCE_WORDS}[,，]?\s*)?"
    r"(?P<agency>[\u4e00-\u9fff]{2,5}?(?:街道|镇|乡|街))(?:人民政府|办事处)?"
    # (2022年狮子山街道通过高新区政府信息公开栏…主动公开信息30条: by the way it published)
    rf"(?={_OPENING_VERBS}|以|政府信息公开工作在|通过|依托|主动公开)"
)
# (在区委区政府领导下,城固县全面贯彻…: after the words on its leaders)
# 松涛镇镇: a town's level written twice
_LEVEL_TWICE = re.compile(r"([镇乡])\1$")
_PLACE_OPENING = re.compile(
    rf"(?:^|[。\n]|情况|领导下[，,]|指导下[，,])\s*(?:{_YEAR}\s*年度?[,，]?\s*)?"
    # (福州市仓山区坚持…: the district with its city before it)
    r"(?P<agency>(?:[\u4e00-\u9fff]{2,4}?[市州](?=[\u4e00-\u9fff]{2,4}?[县区旗]))?[\u4e00-\u9fff]{2,4}?[县区市旗])"
    r"(?=认真|坚持|深入|严格|紧紧|全面|按照|围绕|高度|始终|积极|进一步|不断|继续|切实|持续|着力"
    r"|贯彻|依托)"
)
_GOVERNMENT = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,12}?[省市区县州])人民政府")
# Words a place name matched from the left may carry in front (和石城县, 主要有石城县).
_BEFORE_PLACE = re.compile(r"^.*[和与及在有由向对经据按于的是为从以]")
# Short forms whose full name is the same everywhere (data/catalogue/agency_names.toml).
_SHORT_FORMS = short_forms()
# "由XX编制", "本报告由XX根据…": the agency that wrote the report.
_WRITTEN_BY = re.compile(
    # (由北京商务中心区管理委员会根据本单位政府信息公开情况编制: what it was made from, between)
    rf"由(?P<agency>{_NAME})(?:办公室)?(?:(?:根据|依据)[^。，,；;由]{{0,24}}?|负责|[^。，,；;由]{{0,12}}?)"
    rf"(?:编制|制作|编写)"
    rf"|报告由(?P<by>{_NAME})(?:根据|依据)"
)
# "佛冈县住房和城乡建设局特向社会公布2024年度本机关信息公开工作报告": the name publishing it
_PUBLISHES = re.compile(
    rf"(?:^|[。，,\n])\s*(?P<agency>{_NAME})(?:特|现|将)?(?:向社会)?(?:公布|发布|公开)\s*{_YEAR}\s*年度?"
    r"(?:本机关|本单位|本局|本部门)?[^。，,]{0,10}?(?:报告|年报)"
)
# "2022-01-25 14:48 武汉市住房保障和房屋管理局": a page's byline, the name alone after the date
_BYLINE = re.compile(
    rf"(?:^|\n)[ \t]*(?:发布时间[:：]\s*)?(?:19|20)[0-9]{{2}}-[0-9]{{1,2}}-[0-9]{{1,2}}[0-9: \t]*"
    rf"(?:(?:信息)?来源[:：]\s*)?(?P<agency>{_NAME})[ \t]*(?=\n|$)"
)
# 成立了由常务副区长任组长的大兴区政务公开领导小组; 北京市东城区人民政府外事办公室政府信息公开
# 工作领导小组由我办主要领导担任组长: the body whose disclosure leading group it is, read when
# the text names it nowhere else (not 根据市政务公开领导小组的工作要求: the group a body follows)
_LEADING_GROUP = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=成立)|(?<=调整)|(?<=充实)|(?<=组建)|(?<=了)|(?<=的))"
    r"(?P<agency>(?:(?!成立|调整|充实|组建|根据|按照|依据|依照|遵照|[我本由的了在各])[\u4e00-\u9fff]){2,24}?)"
    # (not 市政务公开领导小组办公室: the office of a group, most often a higher body's)
    r"(?:政务公开|政府信息公开|信息公开)(?:工作)?领导小组(?!办公室)"
)
# "来 源: | 汉中市统计局 | 发布机构: | 汉中市统计局 |": the publisher in a page's table of facts
_PUBLISHER = re.compile(
    # (来源 安康市卫生局 |: a page's field with a space for its colon, which goes with the
    # spaces between Chinese characters)
    # (工作机构名称:东阳市市场监督管理局: the disclosure office's card at the top)
    # (来源 : 深圳市福田区集体经济发展服务署: a space before the colon too)
    rf"(?:发布机构|发布单位|发文机关|来源|工作机构名称|机构名称|单位名称)[ \t]*[:：]?\s*[|｜]?\s*"
    # (发文机关宋村镇人民政府 主题词: the next field on the same line, the space between Chinese
    # characters dropped)
    rf"(?P<agency>{_NAME}|[\u4e00-\u9fff]{{2,8}}?(?:街道|镇|乡|苏木))(?=\s*(?:[|｜\n]|$)"
    r"|[ \t\u3000]*(?:主题词|主题分类|发布日期|发文日期|成文日期|发文字号|文号|索引号|公开方式))"
)
# a bureau named right after its zone (大连高新区应急管理局, …新区财政金融局), before the words
# that follow a name
_ZONE_BUREAU = re.compile(
    r"(?!门户|网站|政府|管委|管理委员|信息|政务|公开)[\u4e00-\u9fff]{2,8}?(?:局|委员会)"
    r"(?=[\u4e00-\u9fff]{0,2}[^\u4e00-\u9fff]|深入|认真|坚持|严格|按照|政府信息|20)"
)
# a street office or town named right after its zone (济宁高新区黄屯街道主动发布…)
_ZONE_TOWN = re.compile(
    rf"[\u4e00-\u9fff]{{1,6}}?(?:街道办事处|街道|镇|乡)(?={_OPENING_VERBS}|主动|共|全年|收到|受理)"
)
# what follows 国家税务总局 in a local tax bureau's name: its place, 税务局, and a branch of it
_TAX_BUREAU = re.compile(
    r"[\u4e00-\u9fff]{2,16}?税务局(?:第[一二三四五六七八九十]{1,3}税务分局|[\u4e00-\u9fff]{1,6}?(?:税务分局|稽查局))?"
)
# 玉林市民政局网站, 法制办网站: a name before its own site or account, for a report that calls
# itself 我局/我办 (the same last character)
_OWN_CHANNEL_NAME = re.compile(
    r"(?P<agency>[\u4e00-\u9fff]{2,14}?(?P<end>[局委办厅]))(?=(?:门户|官方)?(?:网站|官网|微信公众号))"
)
_QUOTED_OWN_CHANNEL = re.compile(
    r"[“\"](?P<agency>[\u4e00-\u9fff]{2,24}?(?P<end>[局委办厅]))[”\"]"
    r"(?=(?:门户|官方)?(?:网站|官网|微信公众号|公众号))"
)
_FRONT_CHARS = "和与及在有由向对经据按于的是为从站网过以至将了"  # words a name follows
_NAME_FRONT = re.compile(rf"^.*[{_FRONT_CHARS}]")
# the words before 和 inside a body's name (自然资源和规划局, 住房和城乡建设局): the short forms'
# full names give most; these are the others reports use
_JOINED_STEM = re.compile(
    "(?:"
    + "|".join(
        sorted(
            {full.split("和")[0] for full in _SHORT_FORMS.values() if "和" in full}
            | {"自然资源", "文化广电", "教育", "林业", "住房保障", "科学技术", "交通运输"},
            key=len,
            reverse=True,
        )
    )
    + ")$"
)
# "海关总署(本级机关)": the body itself, said in brackets after its name
_OWN_LEVEL = re.compile(r"[(（](?:本级机关|机关本级|本级)[)）]")
# "XX(以下简称YY)": the full name stands, the short one is dropped; so does a body's second
# name in brackets before the report's year (朔州市人民政府外事办公室(朔州市人民政府台港澳事务
# 办公室)2023年…: one body, two plaques)
_AKA = re.compile(
    r"[(（]以下简称[^()（）]{1,16}[)）]"
    # (白城市民委(宗教局)\n2009年度…: the same body's second name, one of two plates)
    r"|(?<=[局室会办委])[(（][\u4e00-\u9fff]{2,24}?(?:局|办公室|委员会)[)）](?=\s*(?:19|20)[0-9]{2}\s*年)"
    # (淮北市妇幼保健计划生育服务中心(市妇幼保健院)2021年…: a centre's other name, its hospital)
    r"|(?<=中心)[(（][\u4e00-\u9fff]{3,16}?(?:院|馆|所|站)[)）](?=\s*(?:19|20)[0-9]{2}\s*年)"
    # (中国科学院北京基因组研究所(国家生物信息中心)信息公开工作2023年度报告: an institute's
    # other name, its centre, before a title that has its year inside)
    r"|(?<=[所院])[(（][\u4e00-\u9fff]{3,16}?中心[)）](?=(?:政府)?信息公开)"
)
# 遵义市播州区人民政府(区政府办公室)2021年…报告: a government's report written by its office,
# which the labels name as the body (7 of 9 such titles)
_GOVERNMENT_BY_OFFICE = re.compile(
    r"人民政府[(（][省市县区州旗盟]?(?:人民)?政府(?P<office>办公室|办公厅)[)）]"
    r"(?=\s*(?:19|20)[0-9]{2}\s*年)"
)
# spaces a PDF's text layer sets between characters (成都市住房和城乡建设 局)
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
# "2023年，XX局认真…": a sentence opening with the year and the agency's full name.
_YEAR_OPENING = re.compile(
    # (在2024年期间,驻马店市科学技术局依据…)
    # ((二)2024年，汕头市政务服务和数据管理局通过…: after a heading's number)
    # (一、总体情况 2023年，…: after a heading on the same line)
    # (2025,吐鲁番市高昌区住建局以…: the year without 年)
    # (按照…的要求,2024年临沂市生态环境局兰陵县分局进一步…: after the rules it follows)
    # (2023年1月1日至12月31日,楚雄州生态环境局禄丰分局在…: the year's whole span)
    rf"(?:^|[。\n]|情况[ \t\u3000]+|(?:要求|规定|部署)[,，])\s*"
    rf"(?:[(（][一二三四五六七八九十]{{1,3}}[)）])?(?:在)?"
    # (2021-2022学年,安徽财贸职业学院严格落实…: a college's school year)
    rf"(?:{_SCHOOL_YEARS}|{_YEAR}\s*(?:年度?(?:1月1日至(?:{_YEAR}年)?12月31日)?|(?=[,，])))"
    rf"(?:以来|期间|全年)?[,，]?\s*(?!度)"
    # (2023年，在区委、区政府的坚强领导下，XX局认真…: the words on its leaders between)
    r"(?:在[^。，,；;]{2,24}?(?:领导|部署|指导|带领)下[,，]\s*)?"
    rf"(?P<agency>{_NAME})"
    r"(?![\u4e00-\u9fff]{0,2}网)"
)
# 《XX局(机关)政府信息主动公开目录》: the agency's own disclosure rules name it in full.
# (《上营乡信息公开保密审查机制》: a town's, by its own name)
_OWN_RULES = re.compile(
    rf"《(?P<agency>{_NAME}|[\u4e00-\u9fff]{{2,8}}?(?:镇|乡|街道))(?:机关)?(?:政府|网上)?(?:信息|政务)"
    # (not 《辽宁省人民政府办公厅政务公开办公室关于做好…的通知》: a higher body's notice)
    r"(?![^《》]{0,60}(?:关于|通知))"
)
# "XX局结合单位实际，编制本单位2022年度…报告": the name that opens the sentence making the report.
_MAKES_REPORT = re.compile(
    rf"(?:^|[。，,\n])\s*(?P<agency>{_NAME})[^。，,；;]{{0,12}}[，,]\s*(?:编制|制作|形成)"
    rf"[^。]{{0,12}}?{_YEAR}\s*年度?[^。]{{0,12}}?(?:报告|年报)"
)
# a year named as such (2014年，我局…), not in a date (更新于2022年1月5日: a day of another year)
_ANY_YEAR = re.compile(rf"(?<![0-9])(?P<year>{_YEAR})\s*年(?!代|\s*[0-9]{{1,2}}\s*月)")
# Titles of documents and their numbers (《…2014年…通知》, 〔2019〕60号): their years are not
# the report's.
_QUOTED_TITLES = re.compile(r"《[^》]*》|〔[^〕]*〕|\[[^\]]*\]")


def _report_title_kept(title: re.Match[str]) -> str:
    """A cited title dropped, unless it is a report's (《XX局2023年…年度报告》: its own) — not a
    notice on the reports (《平武县人民政府办公室关于2021年度…年度报告编制工作的通知》)."""
    return (
        title[0]
        if re.search(r"(?:报告|年报)[^《》]{0,12}》$", title[0])
        and not re.search(r"通知》$", title[0])
        else ""
    )


# (统计限自2021年1月1日: a word dropped; 自2015-1-1起: the date in figures)
_PERIOD_RE = re.compile(
    rf"(?:统计期限|统计期|时间范围|期限|时限|统计时间|统计限|统计时段)[^0-9。]{{0,8}}(?P<year>{_YEAR})"
    r"\s*(?:年\s*1\s*月\s*1\s*日|[-/.]0?1[-/.]0?1(?![0-9]))"
)
# 数据统计时间为2022年9月1日至2023年8月31日: a school year, the report's year the one it ends in
_SCHOOL_YEAR_PERIOD = re.compile(
    # (2022年9月至2023年8月: the months alone)
    rf"{_YEAR}\s*年\s*[89]\s*月(?:\s*1\s*日)?\s*(?:起)?\s*[至到~～\-—–－]+\s*"
    rf"(?P<year>{_YEAR})\s*年\s*[78]\s*月(?:\s*3[01]\s*日|底)?(?![0-9])"
)
# 截至2022年12月31日, 截至2022年底: the end of the year the report is about
_YEAR_END = re.compile(rf"(?:截至|截止|到)\s*(?P<year>{_YEAR})\s*年\s*(?:12\s*月\s*31\s*日|底|末)")
# 现将我局2020年度政府信息公开情况报告如下: the report saying its own year
_REPORTS_ITS_YEAR = re.compile(
    rf"现将[^。，,；;《]{{0,12}}?(?P<year>{_YEAR})\s*年度?[^。，,；;《]{{0,24}}?"
    r"(?:报告|情况|年报)(?:如下|予以公布|公布|发布)"
)
# (2019年12月3日星期二: a page's date, not a sentence opening with its year)
_YEAR_START = re.compile(rf"(?:^|[。\n])\s*(?P<year>{_YEAR})\s*年度?(?!\s*[0-9]{{1,2}}\s*月)[,，]?")
# (not the 本 of 本溪市, a listed place, nor of 本溪高新技术产业开发区: its name without its level)
_NOT_A_LISTED_PLACE = "".join(
    f"(?!{re.escape(place[1:-1])})" for place in listed_places() if place.startswith("本")
)
# Words of the sentence before a title's name (特向社会公布, 制作, 编制本单位…)
_TITLE_NOISE = re.compile(
    # (本年度报告是罗庄区人民政府办公室按照…: the report saying whose it is)
    r"^(?:[^，,。]*?(?:是|报告|年报)由|(?:本年度|本)?(?:报告|年报)(?:是|为)|现予以公布|现予公布|现将|现把|现就|现公布|现公开|现发布|现(?:组织|认真)?编制|现向社会公布"
    r"|现特|特此发布|特编制|特制定|关于|[^，,。]*?(?:特|并|现)?向社会(?:公开|公布|发布)"
    r"|特?向社会公布|特公布|(?:梳理|认真|组织|研究|汇总)?(?:编制|编写)了?|制定|制作|形成|发布|公布|印发"
    # (清凉镇人民政府编制了清凉镇2019年…报告: the maker, then the title — the title's name)
    r"|[^，,。]{2,24}?(?:编制|编写|制作|形成)了(?=[\u4e00-\u9fff]{2})"
    r"|标题[:：]?|内容概述[:：]?|题名[:：]?"
    # (名称 新兴镇…报告, 文件下载 宿迁市信访局2016年…: a page's fields before the title)
    # (包括五凤街道办事处2022年…报告: the title of a report listed among the year's items)
    r"|名称[:：]?|文件下载[:：]?|附件[:：]?|包括"
    # (2025年年度五通桥区教育局加强…: the year said twice, no name opens with 年度)
    r"|年度"
    # (2008年政府鹿城区人事劳动局信息公开…报告: a title's 政府 put before the name, not its part)
    r"|政府(?=[\u4e00-\u9fff]{1,6}?[市区县旗][\u4e00-\u9fff]{2})"
    # (2014年是国家铁路局全面履职第一年: the copula before the name)
    rf"|本{_NOT_A_LISTED_PLACE}|由|的|并|是"
    # (原安丘市机关事务管理局: a body since merged, by the name it reports under — not 原阳县,
    # 原州区, whose place's name opens with 原)
    r"|原(?=[\u4e00-\u9fff]{2,4}[省市县区]))+"
)
# 在市政府信息公开办公室的正确指导下: a name followed by the guidance it gives
_GUIDED_BY = re.compile(
    r"的?(?:正确|精心|大力|具体|悉心|有力|统一)?(?:指导|领导|带领|部署|督导)(?:下|和)"
)
# 清水县政务服务网中设立民政局网站子群: a sentence about a site set up, whose words are no name
# nor a site's place
_SETTING_UP = "设立|开设|开通|设置"
# Not an agency: words of a sentence, a name without its place (区教育局, but 市中区 is a
# district's name), 我局/本单位, a party committee (区委).
# (全州县, 本溪市: listed places that open with a word of the report's own voice)
_OPENS_LIKE_A_VOICE = "我本区市县省全该度就"
# (本溪高新技术产业开发区: 本溪 is never the report's voice, whatever follows it)
_VOICE_LIKE_PLACES = "".join(
    f"|{re.escape(place[:-1] if place.startswith('本') else place)}"
    for place in listed_places()
    if place[0] in _OPENS_LIKE_A_VOICE
)
_NOT_AGENCY = re.compile(
    r"关于|通知|做好|收到|公开|坚持|贯彻|为中心|召开"
    rf"|^(?!市[中南北]区{_VOICE_LIKE_PLACES})[{_OPENS_LIKE_A_VOICE}]"
    # (新区科技局, 高新区管委会: a zone's body by the zone's level word alone, no place)
    r"|^(?:新区|开发区|高新区|经开区|园区|自贸区)"
    # (由自治州科技局编制: an autonomous prefecture's body by its level word alone, as 州科技局)
    r"|^(?:自治)?州(?![府市])"
    r"|国务院|中华人民共和国|根据|依据|按照|简称"
    # (2025年，利用市民委门户网站…: a verb of using opening the clause, no name)
    r"|^(?:围绕|依托|通过|结合|推进|加强|落实|开展|组织|面向|利用|借助|运用|使用)"
    r"|[我本](?:局|委|厅|办|单位|机关|部门|街道?|镇|乡|苏木|区|县|市|旗)"
    # (市委常委会议: the Party committee's standing members, no body of the government)
    r"|[0-9]|(?:区委|市委|县委|省委|州委|党委|党工委)(?:常委)?$"
    # (由…办公室综合区政府各部门和全区各乡镇…编制: the bodies whose reports it put together)
    # (在2018年度西城区政府各委、办、局…的…报告的基础上编制: each of its bodies, no one name)
    r"|各部门|各乡镇|各单位|各街道|政府各[委办局]"
    rf"|{_SETTING_UP}|网中"
    # (赣州开发区门户网站区劳动监察局, 狮子山街道通过高新区: a sentence's words run into a name)
    r"|网站|通过"
    # (通过衡阳市政府党政门户网和市信访局官网: two sites listed, no name)
    r"|网[和及与、]"
    # (确保各项工作落到实处依法按时完成长通街道, 三是街道, 创建国家食品安全示范城市: the same)
    r"|完成|确保|落到实处|^[一二三四五六七八九十]是|示范城市|文明城市|卫生城市"
    # (合阳县政府在省市政务公开办公室…支持下, 黄屯街道在高新区党工委…领导下: a body, then
    # what it did where)
    r"|(?:[府局委]|街道|[镇乡])在"
)
# … nor a name after a preposition (在区委、区政府的领导下) — unless it opens a title line
# (和平街道办事处2020年…: a name may begin with such a character).
# (经 of 经济开发区 opens a name)
_PREPOSITION = re.compile(r"^(?:[在按对向为与和及于从]|经(?!济)|以及)")
# (随县经济开发区, 高新区, 度假区: a zone, not a place whose government reports)
# (永嘉三江商务区: a business zone)
_PLACE_END = re.compile(r"(?<![发园新景验税范作假旅务业])(?<!经开)(?<!管理)[省县市区州旗]$")
# a place alone that has a people's government: not a zone (开发区, 物流区, 港区), a town, or a
# league or prefecture (阿拉善盟, 阿里地区: an administrative office, 行政公署, not a government)
# (浦东新区, 滨海新区: districts with a government, though named 新区 as zones are)
_BARE_PLACE = re.compile(
    r"[^镇乡街道盟]{1,12}(?<![发园新景验税范作流港地假旅务业])(?<!经开)(?<!管理)[省县市区州旗]"
    r"|[^镇乡街道盟]{0,8}(?:浦东新区|天津市滨海新区)"
)
# what a body's name (or a place's) ends with: not 认真编制了 of a sentence
_BODY_END = re.compile(
    r"(?:[局厅委办室院所站队处部署会镇乡街道省市县区州旗盟府社馆]|中心|中心支行|办事处|管理区|开发区|新区|产业园"
    # (雨山区残联: a people's organisation by its short name)
    r"|工业园|海关|苏木|(?:残|妇|侨|文|工商)联"
    # (怀远二中, 泰山学院附属中学: a public school's own report)
    r"|中学|小学|学校|大学|(?<=[一二三四五六七八九十])中"
    # (通榆县广播电视台, 桐乡市水务集团有限公司)
    r"|电视台|有限公司|有限责任公司"
    # (蒋湖农场, 东风垦殖场: a state farm; 西双版纳热带植物园: an institute of the Academy)
    r"|农场|林场|牧场|垦殖场|植物园|天文台)$"
)
# Pinyin glosses some sites add after characters (根據(jù)): not part of any name.
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


# Full-width digits (２０２２年, １２３条: typed so by an input method) read as ASCII ones; one
# character for one, so spans are kept.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")


def simplified_by_char(text: str) -> str:
    """`text` in simplified script and ASCII digits, character by character: every position is
    kept, so a span found in the result is the same span of `text` (phrase conversion may
    change lengths)."""
    simple = to_simplified(text)
    if len(simple) != len(text):
        out = []
        for char in text:
            converted = _char_simplified(char)
            out.append(converted if len(converted) == 1 else char)
        simple = "".join(out)
    if simple != text and _TAIWAN_WORDING.search(simple):
        simple = _TAIWAN_DOCUMENTS.sub("文件", simple.replace("入口网站", "门户网站"))
    # (其它 and 其他 are one word, "other", as reports write it either way)
    return simple.replace("其它", "其他").translate(_HALF_WIDTH)


# A page turned into traditional script with Taiwan's wording (OpenCC's s2twp, as some mirrors
# and older sites do) writes 入口網站 for 门户网站 and 檔案 for 文件 (規範性檔案): read back, word
# for word of the same length, where the text shows that wording. (檔案館, 檔案局: archives.)
_TAIWAN_WORDING = re.compile(r"入口网站|软体|网路|资讯|最佳化")
_TAIWAN_DOCUMENTS = re.compile(r"档案(?![馆局室管工])")


@cache
def _char_simplified(char: str) -> str:
    return to_simplified(char)


# Words a hijacked mirror puts into a page (for a place's name, before a body's): in no
# agency's name.
_SPAM = re.compile(r"博彩|官网|娱乐城|彩票|赌场|棋牌|真人视讯")


# (常熟经济技术开发区党政办公室: a zone's own office — not in a title: 宿迁经济技术开发区党政办公室
# 2023年…报告 is the office's own report, as the labels take it, 3 of 3)
_ZONE_OFFICE = r"|(?:(?<=开发区)|(?<=高新区)|(?<=园区))党政(?:综合)?办公室(?:编制|印发|发布)?的?$"


def _clean_agency(name: str, simple: str, *, line_start: bool = False) -> str | None:
    """The agency of a matched name (in the text's own script), or None when it is not one;
    `line_start`: the name opens a line (a title), where a leading 和 or 与 is part of it."""
    if _SPAM.search(simple):
        return None  # a hijacked mirror's words put in for a place's name (XX博彩官网区)
    noise = _TITLE_NOISE.match(simple)
    cut = noise.end() if noise else 0
    name, simple = name[cut:].strip(), simple[cut:].strip()
    # XX局关于2019年政府信息公开工作的报告
    trailing = re.search(r"(?:关于|的)$", simple)
    if trailing:
        name, simple = name[: trailing.start()], simple[: trailing.start()]
    # 由XX局办公室编制: the office writes the report, the agency is the bureau
    # (硚口区民政局局党政办公室: the bureau's office, its 局 said twice)
    office = re.search(
        # (硚口区机关事务服务中心党政办公室: a centre's own office)
        r"(?:(?<=[局委厅镇乡馆院])|(?<=中心))(?:局(?=党政))?(?:党政)?(?:办公室)?(?:编制|印发|发布)?的?$"
        # (梧州学院院长办公室: a college's own office)
        r"|(?:(?<=学院)|(?<=大学)|(?<=学校))(?:院长|校长|党政|党委|党院)?办公室$"
        # (硚口区易家街道办事处党政综合办公室: the street office's own office)
        # (永宁街道办事处综合事务部: its department of general affairs)
        # (桂山街道综合管理办公室: its office of general management)
        r"|(?:(?<=办事处)|(?<=街道))(?:党政)?(?:综合)?(?:管理)?(?:办公室|事务部|事务办)$"
        # (厚镇人民政府综合与经济发展办公室: a town government's office that answers for it)
        r"|(?<=[镇乡]人民政府)[\u4e00-\u9fff]{2,10}?办公室$"
        # (请与舒城县财政局信息中心联系: the bureau's information centre that answers for it)
        r"|(?<=[局委厅])信息中心$"
        # (昆都仑区市府东路街道党群服务中心: the street office's centre that answers for it)
        r"|(?:(?<=办事处)|(?<=街道))党群服务中心$"
        # (淮安生态文旅区综合管理部: a zone's department of general management)
        r"|(?<=区)综合管理部$" + ("" if line_start else _ZONE_OFFICE),
        simple,
    )
    if office:
        name, simple = name[: office.start()], simple[: office.start()]
    # (2022年,松涛镇镇坚持…: a town's level written twice)
    if _LEVEL_TWICE.search(simple):
        name, simple = name[:-1], simple[:-1]
    # 由XX街道办事处编制的2017年度…报告
    # (中马街道办事处特编制2019年度…报告: the name, then the words making it)
    made = re.search(r"(?:[特现])?(?:编制|制定|制作|印发|发布|公布)(?:完成|完毕|了)?的?$", simple)
    if made:
        name, simple = name[: made.start()], simple[: made.start()]
    # 上海市水务局上海市海洋局: one body's two plaques, run together — the first name
    plaques = re.fullmatch(
        r"(?P<first>(?P<place>[\u4e00-\u9fff]{2,6}?[省市区县])[\u4e00-\u9fff]{1,10}?局)"
        r"(?P=place)[\u4e00-\u9fff]{1,10}?局",
        simple,
    )
    if plaques:
        name, simple = name[: plaques.end("first")], simple[: plaques.end("first")]
    # 北京市大兴区北京市大兴区发展和改革委员会: a place said twice over
    twice = re.match(r"(?P<place>[\u4e00-\u9fff]{2,12}?[省市区县州旗盟])(?P=place)", simple)
    if twice:
        name, simple = name[len(twice["place"]) :], simple[len(twice["place"]) :]
    # 上海普陀上海市普陀区宜川路街道办事处: the places written short, then in full
    # (not 东营市东营区人民政府办公室: a city and its district of one name, each with its level)
    for size in range(2, 7):
        rest = simple[size:]
        if (
            rest[:1] not in "省市区县州旗"
            and re.match(r"[\u4e00-\u9fff]{1,6}?[省市区县州旗]", rest)
            and re.sub(r"[省市区县州旗]", "", rest).startswith(simple[:size])
            and simple[:size] != rest[:size]
        ):
            name, simple = name[size:], rest
            break
    # 由乌拉特后旗政务公开领导小组办公室编制: a place's disclosure office writes its government's
    # report
    disclosure = re.search(
        r"(?<=[县区市旗州])(?:政务公开|政府信息公开)(?:工作)?(?:领导小组)?办公室$", simple
    )
    place_before = simple[: disclosure.start()] if disclosure else ""
    if disclosure and not re.search(r"[局委厅]|开发区$|园区$|新区$", place_before):
        name, simple = (
            name[: disclosure.start()] + "人民政府",
            simple[: disclosure.start()] + "人民政府",
        )
    # (将乐县政府办: the government's office said short, spelt out as its labels write it)
    if re.search(r"(?<=[区县市州旗])政府办$", simple):
        name, simple = name[:-3] + "人民政府办公室", simple[:-3] + "人民政府办公室"
    # 湛江海关关区: the customs house's district, reported by the customs house
    if re.search(r"海关关区$", simple):
        name, simple = name[:-2], simple[:-2]
    # 城口县人民政府机关: the government's own offices report as the government
    if simple.endswith("机关") and len(simple) > 4:
        name, simple = name[:-2], simple[:-2]
    # 【图文】嘉兴市市场监督管理局: a page's tag before the title
    tag = re.match(r"[【\[][^】\]]{1,6}[】\]]", simple)
    if tag:
        name, simple = name[tag.end() :], simple[tag.end() :]
    # puroview.com沙头镇: a mirror site's name run into the title
    junk = re.match(r"[A-Za-z0-9.:/_\-?？]+", simple)
    if junk:
        name, simple = name[junk.end() :], simple[junk.end() :]
    if len(simple) < 3 or _NOT_AGENCY.search(simple) or not _BODY_END.search(simple):
        return None
    # 编制管委会2022年度…报告: a kind of body, no body's name
    if re.fullmatch(
        r"管委会|管理委员会|委员会|(?:党政)?(?:综合)?办公室|(?:街道)?办事处|人民政府|领导小组",
        simple,
    ):
        return None
    # (现公布从江县人民政府…: after the words publishing it, 从 starts the name)
    if not line_start and not cut and _PREPOSITION.search(simple):
        return None
    # a place as the report's author: a title line (合江县2022年…年度报告) is its government's
    # report (合江县人民政府); a place named in a sentence (现编制花溪区2017年…报告) is given as
    # written here, and made its government's at the end when it is a place with one (物流区,
    # a zone, is not)
    if line_start and _PLACE_END.search(simple):
        return name + "人民政府"
    # 马鞍山市政府2019年…报告: a government by its short name, spelt out as the rule writes it
    if re.fullmatch(r"[\u4e00-\u9fff]{1,12}[省市县区州旗]政府", simple):
        return name[:-2] + "人民政府"
    return name


# characters that show nothing: zero-width spaces and joiners, the soft hyphen, a stray BOM
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


# A title printed over two lines (a PDF's or a Word file's big centred title): its second line
# a piece without a year that ends it (作年度报告, 信息公开工作年度报告), or its first line a
# place alone (某某市某某区 / 教育局2024年…报告).
_TITLE_TAIL = re.compile(r"^[\u4e00-\u9fff]{1,14}(?:报告|年报)$")
_TITLE_HEAD = re.compile(rf"{_YEAR}\s*年.{{0,30}}[\u4e00-\u9fff]$")
_PLACE_LINE = re.compile(r"^[\u4e00-\u9fff]{2,14}(?:省|市|区|县|州|旗|镇|乡|街道)$")
# (a body without a place of its own: 阳城县横河镇 above 横河镇人民政府2020年…报告 is a site's
# header above a whole title)
_TITLE_AFTER_PLACE = re.compile(
    rf"^(?:(?!省|市|区|县|州|旗|镇|乡|街道)[\u4e00-\u9fff]){{2,20}}{_YEAR}\s*年.{{0,30}}(?:报告|年报)$"
)
# (定州市环境保护局 / 政府信息公开工作2014年度报告: the body's name on a line of its own above
# a title that leaves it out)
_NAME_LINE = re.compile(rf"^{_NAME}$")
_TITLE_WITHOUT_NAME = re.compile(
    rf"^(?:{_YEAR}\s*年度?)?\s*(?:政府信息|政务信息|政务|信息)\s*公开\s*(?:工作)?\s*"
    rf"(?:{_YEAR}\s*年度?)?\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)$"
)
_TITLE_LINES = 6  # the title is among a report's first lines


def _title_lines_joined(text: str) -> str:
    """`text` with a title printed over two lines of its opening put on one (read in simplified
    script: 政府信息公開工作2021年度報告 is such a line too)."""
    lines = text.split("\n")
    shown = [at for at, line in enumerate(lines) if line.strip()][:_TITLE_LINES]
    simple = {at: simplified_by_char(lines[at]).strip() for at in shown}
    for first, second in pairwise(shown):
        head, tail = simple[first], simple[second]
        if (
            (_TITLE_HEAD.search(head) and _TITLE_TAIL.match(tail))
            or (_PLACE_LINE.match(head) and _TITLE_AFTER_PLACE.match(tail))
            or (_NAME_LINE.match(head) and _TITLE_WITHOUT_NAME.match(tail))
        ):
            joined = lines[first].strip() + lines[second].strip()
            return "\n".join([*lines[:first], joined, *lines[second + 1 :]])
    return text


# 《平武县人民政府办公室关于2021年度政府信息公开工作年度报告编制工作的通知》: the title of a
# notice on the reports, cited — its body is the one that asked for the report
_NOTICE_END = re.compile(r"[^《》\n]{0,30}?(?:通知|意见|办法|方案|要点|函)》")


def _in_cited_notice(simple: str, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` lie inside a cited notice's title (《…的通知》)."""
    opened = simple.rfind("《", max(0, start - 40), start + 1)
    return (
        opened >= 0
        and "》" not in simple[opened:end]
        and _NOTICE_END.match(simple, end) is not None
    )


def find_agency_year(
    text: str, *, sites: Sequence[str] = (), sources: Sequence[str] = ()
) -> tuple[str | None, int | None]:
    """The agency and year of a report: from its title, else from the sentences naming them.
    The agency comes out in simplified script (廣州市公安局 → 广州市公安局), as tables key it.

    `sites` and `sources`: what the page the report came from says of who published it (the
    site's name, 安顺市人民政府; the article's source, 安顺市住房和城乡建设局), read only for what
    the text leaves out: the place of a name the text gives without one (市住房和城乡建设局), or
    the name itself when the text gives none."""
    text = INVISIBLE.sub("", text)  # (some pages set zero-width spaces inside names)
    text = _title_lines_joined(text)
    # 中国(福建)自由贸易试验区: a pilot zone's name holds its province in brackets, which no
    # name's characters do; read without them, given back with them
    zones = {m["province"]: m[0].replace(" ", "") for m in _PILOT_ZONE.finditer(text)}
    text = _PILOT_ZONE.sub(lambda m: "中国" + m["province"], text)
    aliased = text
    text = _PLACE_ALIAS.sub("", text)
    text = _GOVERNMENT_BY_OFFICE.sub(r"人民政府\g<office>", text)
    original = _CJK_SPACE.sub("", _AKA.sub("", _PINYIN.sub("", _OWN_LEVEL.sub("", text))))
    simple = simplified_by_char(original)
    agency: str | None = None
    year: int | None = None
    cited = _CitedTitles(simple)

    @cache
    def town_voice() -> bool:
        """Whether the report speaks as its town or street office (2022年,浦沿街道…; 本街道)."""
        return bool(_TOWN_OPENING.search(simple) or _SELF_TOWN.search(simple))

    # the first name matched and set aside (市气象局, a title without its place): completed from
    # the text only when nothing better is found
    set_aside: list[str] = []

    def cut(match: re.Match[str], group: str = "agency") -> str | None:
        at, end = match.start(group), match.end(group)
        words = match[group]
        # 城南办事处、城南园区2024年…报告: two plaques of one body, the first named
        listed = words.find("、")
        # (中国科学院、水利部成都山地灾害与环境研究所: an institute its two owners name, one name)
        if listed > 1 and _CO_OWNED.match(words):
            listed = -1
        if listed > 1:
            end, words = at + listed, words[:listed]
        # 高新区管委會: 委 of 委会 is no name's end
        if words.endswith("委") and simple.startswith("会", end):
            end, words = end + 1, words + "会"
        # 番禺经济技术开发区管委会: the zone's committee, not the zone
        committee = re.match(r"管委会|管理委员会", simple[end : end + 5])
        if re.search(r"开发区|高新区|园区|新区|工业区", words) and committee:
            end, words = end + committee.end(), words + committee[0]
            # 郑州高新技术产业开发区管委会城市管理局: a bureau of the zone's committee
            bureau = re.match(
                r"[\u4e00-\u9fff]{2,8}?(?:局|委员会)(?=[\u4e00-\u9fff]{0,2}[^\u4e00-\u9fff]|深入|认真|坚持|严格|按照|政府信息|20)",
                simple[end : end + 14],
            )
            if bureau:
                end, words = end + bureau.end(), words + bureau[0]
        elif re.search(r"(?:开发区|高新区|经开区|新区)$", words):
            # 大连高新区应急管理局: a bureau of the zone, named right after it
            bureau = _ZONE_BUREAU.match(simple, end) or _ZONE_TOWN.match(simple, end)
            if bureau:
                end, words = bureau.end(), words + bureau[0]
        # 国家税务总局广州市白云区税务局: a tax bureau under the State Taxation Administration,
        # named after it (and its branches: …税务局第三税务分局)
        taxes = _TAX_BUREAU.match(simple, end) if words.endswith("国家税务总局") else None
        if taxes:
            end, words = taxes.end(), words + taxes[0]
        # 舟山市生态环境局定海分局, 上海市公安局长宁分局: a bureau's branch, not the bureau
        # (not 指导定海分局: a verb, then a branch of it); 肇庆市公安局交警支队第三大队: its corps
        branch = re.match(
            rf"(?![{_PLACE_LEAD}]|指导|督促|要求|联合|会同|协助|配合|组织|推动|带领)"
            r"[\u4e00-\u9fff]{1,8}?(?:分局|支队(?:第[一二三四五六七八九十]{1,3}大队)?|总队|大队)",
            simple[end : end + 10],
        )
        if words.endswith("局") and branch:
            end, words = end + branch.end(), words + branch[0]
        # 2012年泾县人民政府信息公开年度报告: the government's 政府 read as the report's
        if words.endswith("人民") and simple.startswith("政府", end):
            end, words = end + 2, words + "政府"
        # 由东城区人民政府东华门街道办事处编制: the street office, not the government before it
        office = _OFFICE_AFTER.match(simple, end)
        if words.endswith("政府") and office:
            end, words = office.end(), words + office[0]
        # (2014年在市政府信息公开办公室的正确指导下: the office that guides, not the writer)
        if _GUIDED_BY.match(simple, end):
            return None
        # a title line may open with its year (2022年上海市政府信息公开工作年度报告)
        front = re.sub(rf"{_YEAR}\s*年度?\s*$", "", simple[max(0, at - 14) : at])
        opens_line = not front[-8:].strip(" \t\u3000")[-1:].strip("\n")
        name = _clean_agency(original[at:end], words, line_start=opens_line)
        if name is None and not set_aside:
            set_aside.append(words)
        return name

    for pattern in (
        _TITLE_RE,
        _TITLE_YEAR_FIRST,
        _TITLE_YEAR_INSIDE,
        _TITLE_YEARS_REPORT,
        _TITLE_SCHOOL_YEAR,
        _STATE_PUBLISHED,
    ):
        for match in pattern.finditer(simple):
            if _in_cited_notice(simple, match.start(), match.end()):
                continue
            name = cut(match)
            if name and agency is None:
                agency, year = name, int(match["year"])
                break
            # 现将教育局2021年…报告 and the title 2021年东湖高新区教育局…报告: the same body,
            # by the title that gives its place
            if name and _with_place_of(agency, name):
                agency, year = name, int(match["year"])
                break
        if agency and re.search(_HAS_PLACE, to_simplified(agency)):
            break
    if agency is not None and year is not None:
        agency = _formal_name(agency, year, simple, cut)
    if agency is not None:
        # 2024年福田区福田街道…报告, 由深圳市福田区福田街道办事处负责编写: the title's name,
        # given in full by the sentence saying who wrote the report
        written = _WRITTEN_BY.search(simple)
        fuller = cut(written, "by" if written["by"] else "agency") if written else None
        # (only a place put before it: 建章路街道 is not made 建章路街道办事处 by its byline)
        if fuller and to_simplified(fuller).find(to_simplified(agency)) > 0:
            agency = fuller
    written_patterns = (
        _TITLE_NO_YEAR,
        _TITLE_MADE,
        _WRITTEN_BY,
        _PUBLISHES,
        # (根据精河工业园区管理委员会的…工作情况进行编制 … 请与工业园区办公室联系: the body
        # whose year's work the report is, before the office answering for it)
        _WORK_OF_THE_YEAR,
        _CONTACT,
    )
    for pattern in (*written_patterns, _MAKES_REPORT, _BYLINE):
        for match in pattern.finditer(simple) if agency is None else ():
            named = match.groupdict()
            group = "by" if named.get("by") else "section" if named.get("section") else "agency"
            agency = cut(match, group)
            # (结合杭州市滨江区人民政府2022年度…工作编制而成, then 2022年,浦沿街道信息公开工作…:
            # a street office's report on its district's template)
            if (
                agency
                and pattern is _WORK_OF_THE_YEAR
                and to_simplified(agency).endswith("人民政府")
                and town_voice()
            ):
                agency = None
            if agency and pattern in (_CONTACT, _WRITTEN_BY):
                agency = _government_of_its_office(agency, simple)
            if agency:
                break
    if agency is None:
        # the name most often given in full
        names = [cut(m) for p in (_YEAR_OPENING, _OWN_RULES) for m in p.finditer(simple)]
        # 黄庄镇持续遵照《宝坻区人民政府政务公开工作制度》: a town citing its government's rules
        if town_voice():
            names = [n for n in names if n and not to_simplified(n).endswith("人民政府")]
        # 我局…以《西安市雁塔区人民政府信息公开暂行办法》为遵循: a body named only in the title of
        # rules the report cites is refused below; the names after it are read instead
        # (雁塔区卫生健康局严格落实…)
        names = [n for n in names if n and not cited.only(to_simplified(n))]
        counted = _short_names_merged(Counter(n for n in names if n))
        if counted:
            agency = counted.most_common(1)[0][0]
    if agency is None and set_aside:
        agency = _short_title(set_aside[0], simple)
    if agency is None and set_aside and (sites or sources):
        # 市住房和城乡建设局2022年…报告 on the site 安顺市人民政府: the title's body, of the
        # site's place of its level
        agency = _placed_by_site(set_aside[0], (*sources, *sites))
    if agency is not None and to_simplified(agency) in _SHORT_FORMS:
        # 住建局2020年…年度报告: a title without its place, which the report names in full
        place = _one_place(simple, None)
        if place is not None:
            agency = place + _SHORT_FORMS[to_simplified(agency)]
    if agency is None:
        agency = _own_channel_name(original, simple)
    if agency is None:
        agency = _short_name(original, simple)
    if agency is None:
        agency = _self_named(simple)
    if agency is None:
        named = Counter(n for m in _NAME_OPENING.finditer(simple) if (n := cut(m)))
        agency = _dominant(named)
    if agency is None:
        # (2025年,武山县城关镇全面贯彻… and 城关镇主动公开…: one town, in full and short)
        # (松涛镇镇坚持…: the level written twice)
        towns = _short_names_merged(
            Counter(_LEVEL_TWICE.sub(r"\1", m["agency"]) for m in _TOWN_OPENING.finditer(simple)),
            front=_PLACE_FRONT,
        )
        town = _dominant(towns)
        # (本街道, 全镇: the report's words for itself, no name)
        if (
            town is not None
            and not _NOT_AGENCY.search(town)
            and not re.search(r"[全本该各我对现将在由为从]", town)
        ):
            agency = town
    if agency is None:
        # 2022年,城固县认真贯彻…: a county (district, city) opening a sentence with what it did,
        # as written: its government's report
        places = Counter(
            m["agency"]
            for m in _PLACE_OPENING.finditer(simple)
            # (a city before a district, 福州市仓山区: listed places, whatever their words)
            if (
                "".join(_leading_places(m["agency"])) == m["agency"]
                or not _NOT_PLACE.search(m["agency"][:-1])
            )
            and not _PREPOSITION.match(m["agency"])
            and _PLACE_END.search(m["agency"])  # (开发区, 管理区: zones, no place)
        )
        agency = _dominant(places)
    if agency is None:
        agency = _town_speaking(simple)
    if agency is None:
        agency = _government_summing(simple)
    if agency is None:
        agency = _government_speaking(simple)
    for match in _PUBLISHER.finditer(simple) if agency is None else ():
        agency = cut(match)
        if agency:
            break
    # (the last resort: a report is as often put on its government's portal as on its own site)
    for match in _OWN_SITE.finditer(simple) if agency is None else ():
        agency = cut(match)
        if agency:
            break
    if agency is None:
        agency = _owner_named(simple)
    if agency is None:
        agency = _short_in_its_division(simple)
    for match in _LEADING_GROUP.finditer(simple) if agency is None else ():
        # (a place or town alone: its government's group, made its government's below)
        words = match["agency"]
        bare = re.fullmatch(_BARE_TOWN, words) or _BARE_PLACE.fullmatch(words)
        agency = words if bare and not _PREPOSITION.match(words) else cut(match)
        if agency:
            break
    if agency is not None:
        agency = _completed(agency, simple)
    if agency is not None and (office := _OWN_OFFICE.search(to_simplified(agency))):
        # 莒南县石莲子镇人民政府办公室: a town's office compiles the town's report; it is no
        # disclosure body of its own (the labels write the town 4 times to 0); nor is a
        # bureau's own office (no label names one)
        agency = to_simplified(agency)[: office.start()]
    if agency is not None:
        agency = _level_said_twice(agency, simple)
        agency = _as_written_in_full(agency, simple)
    if agency is not None and re.fullmatch(_BARE_TOWN, to_simplified(agency)):
        # 大路镇 and …琼海市大路镇… elsewhere: a town by the place its own text puts before it
        # (the labels of the sets named from the text alone, 11 to 5)
        agency = _placed_town(to_simplified(agency), simple)
        if agency == to_simplified(agency) and re.fullmatch(_BARE_TOWN, agency):
            agency = _town_of_its_county(agency, simple)
    if agency is not None and not re.search(_HAS_PLACE, to_simplified(agency)):
        # 应急管理局2020年…年度报告: a name the text gives nowhere with its place, under the
        # one government the report names in full
        place = _one_place(simple, None)
        if place is not None and to_simplified(agency).startswith(place[:-1]):
            # (义乌工商职业技术学院 and 义乌市人民政府: a name that opens with its place's stem)
            agency = to_simplified(agency)
        elif place is not None:
            agency = place + to_simplified(agency)
        else:
            agency = _in_its_division(to_simplified(agency), simple)
        site_place = _publishers_place((*sources, *sites), None)
        if site_place is not None and not re.search(_HAS_PLACE, agency):
            # (应急管理局 the text places nowhere, on a page of 汝州市人民政府's site)
            agency = site_place + _SHORT_FORMS.get(agency, agency)
    if agency is not None and _PLACELESS_ZONE.fullmatch(to_simplified(agency)):
        # 请与经济开发区管委会党政办公室联系, 定州市人民政府门户: a zone named by its kind alone,
        # under the one government the report names in full
        place = _one_place(simple, None)
        if place is not None:
            agency = place + to_simplified(agency)
    if agency is not None and _BARE_PLACE.fullmatch(to_simplified(agency)):
        # 2022年城固县政府信息公开工作年度报告: a county's (district's, city's) report is its
        # government's (the labels write XX县人民政府 13 times to 1 where the text names the place)
        agency = to_simplified(agency) + "人民政府"
    if agency is not None and cited.only(to_simplified(agency)):
        agency = None
    if agency is None:
        # a report whose text names no body (我局…), on a page naming its source in full
        agency = _source_named(sources, sites)
    stated = _PERIOD_RE.search(simple)
    if year is not None and stated is not None and int(stated["year"]) != year:
        # 《田黄镇2020年…年度报告》 beside 统计期限自2021年1月1日起: the period the figures cover
        # is the report's year (the labels' year is the statistics year)
        year = int(stated["year"])
    if year is None:
        period = (
            stated
            or _SCHOOL_YEAR_PERIOD.search(simple)
            or _REPORTS_ITS_YEAR.search(simple)
            or _YEAR_END.search(simple)
        )
        opening = _YEAR_START.search(simple)
        # a text that names one year only (一年来，我局…: 2014年 once) is of that year
        years = {m["year"] for m in _ANY_YEAR.finditer(_QUOTED_TITLES.sub("", simple))}
        if period:
            year = int(period["year"])
        elif opening:
            year = int(opening["year"])
        elif len(years) == 1:
            year = int(years.pop())
    if year is not None and stated is not None and year == int(stated["year"]):
        year = _year_told(simple, year)
    for province, written in zones.items():
        if agency is not None and agency.startswith("中国" + province + "自由贸易"):
            agency = written + agency[2 + len(province) :]
    if agency is not None and _PLACE_ALIAS.search(aliased):
        agency = _with_alias(agency, aliased)
    if agency is not None:
        agency = _short_form_spelt_out(agency)
    return (to_simplified(agency) if agency else None), year


class _CitedTitles:
    """Whether a name (simplified) is only that of a body whose rules the report cites, the
    text read once for all the names asked about: 我局…按照《咸宁市人民政府信息公开指南》 — a
    government named only inside a title is not the bureau's report's body; 根据《生态环境部
    政府信息公开实施办法》…结合市生态环境局工作情况 — nor a ministry whose rules a city's bureau
    cites (not a bureau or department named only in its own guide's title, 《广州市体育局政府
    信息公开指南》: bodies below a ministry cite their own; a report's own title in 《》 names
    its body too)."""

    def __init__(self, simple: str) -> None:
        self.simple = simple

    @cached_property
    def bureau_voice(self) -> bool:
        return bool(_BUREAU_VOICE.search(self.simple))

    @cached_property
    def outside_titles(self) -> str:
        return _QUOTED_TITLES.sub(_report_title_kept, self.simple)

    def only(self, name: str) -> bool:
        cited = self.bureau_voice if name.endswith("政府") else name.endswith("部")
        return cited and name not in self.outside_titles


# 2022年，黔南州交通运输局…; 一、总体情况 2024年，…: a sentence opening with the year whose work it
# tells (not a date, 2023年01月30日, nor 2021年以来)
_SENTENCE_YEAR = re.compile(
    r"(?:^|[。\n；;：:）)])\s*(?:[（(]?[一二三四五六七八九十]+[、)）]\s*[^。\n]{0,8}?)?"
    rf"({_YEAR})\s*年度?(?!\s*[0-9一二三四五六七八九十]|[以来至底末初])"
)


def _year_told(simple: str, year: int) -> int:
    """The year whose work a report's sentences tell (2022年，…) when its statistics period
    names another that no sentence opens with (统计期限自2021年1月1日起 in a report whose
    sentences open 2022年 three times: a period copied from last year's report); else `year`."""
    opens = Counter(int(y) for y in _SENTENCE_YEAR.findall(simple))
    if not opens or opens.get(year):
        return year
    told, times = opens.most_common(1)[0]
    return told if times >= 2 else year


def _short_form_spelt_out(agency: str) -> str:
    """A placed name that ends in a short form, spelt out (南京市浦口区卫健委 → 南京市浦口区卫生
    健康委员会), as the labels write it: the short form's full name is the same everywhere."""
    simple = to_simplified(agency)
    # (硚口区政府办公室 → 硚口区人民政府办公室: the labels write the government in full, 12 to 7)
    if re.search(rf"[{_LEVELS}]政府办公室$", simple):
        return simple[:-5] + "人民政府办公室"
    for short, full in _SHORT_FORMS.items():  # (longest first)
        if simple.endswith(short) and len(simple) > len(short) + 1:
            if simple[-len(short) - 1] in _LEVELS:
                return simple[: -len(short)] + full
            # (武汉市武昌区人民政府国资局, 西藏自治区政府国资委: a government's bureau, named
            # with its government, which the labels write in full)
            if simple[: -len(short)].endswith("政府"):
                return re.sub(rf"(?<=[{_LEVELS}])政府$", "人民政府", simple[: -len(short)]) + full
            return agency
    return agency


_OPENING_CHARS = 5000  # how far into a report its words on itself are looked for

# 市住房和城乡建设局, 县人民政府办公室: a body's name after its level alone, with no place
_LEVEL_ONLY_NAME = re.compile(
    r"[省市县区州旗盟](?!级)[\u4e00-\u9fff]{2,20}?"
    r"(?:局|委员会|委|办公室|中心|厅|办|人民政府|政府|供销社|供销合作社)"
)


def unplaced_name(text: str) -> str | None:
    """The name a report gives itself with its level but not its place (市交通运输局 of a title
    `市交通运输局2018年政府信息公开工作年度报告` or a page's `发布机构 | 市交通运输局`), for the
    message that asks for the place when `find_agency_year` finds no agency; None when its title
    and publisher give no such name."""
    simple = simplified_by_char(INVISIBLE.sub("", _title_lines_joined(text)))
    for pattern in (_TITLE_RE, _PUBLISHER):
        for match in pattern.finditer(simple, 0, _OPENING_CHARS):
            words = match["agency"].strip()
            # the title's words whole, or what follows the words in front of the name
            for at in range(len(words)):
                front = at == 0 or words[at - 1] in _FRONT_CHARS
                if front and _LEVEL_ONLY_NAME.fullmatch(words, at):
                    return words[at:]
    return None


def _formal_name(
    agency: str, year: int, simple: str, cut: Callable[[re.Match[str]], str | None]
) -> str:
    """The title's name, or the fuller one another sentence gives the same year's report (中山市
    金融局2010年度…报告, 现公布中山市人民政府金融工作局2010年…年度报告): the same place and ending,
    each of the title's characters in it, in order."""
    short = to_simplified(agency)
    # (the report's own words on itself open it: a long text is not read through for them)
    for match in _TITLE_RE.finditer(simple, 0, _OPENING_CHARS):
        if int(match["year"]) != year:
            continue
        name = cut(match)
        full = to_simplified(name) if name else ""
        # (not 由安庆市数据资源管理局局编制的…: the title's name with a character said twice)
        if (
            len(full) > len(short)
            and not full.startswith(short)
            and full[:2] == short[:2]
            and full[-1] == short[-1]
            and _in_order(short, full)
        ):
            return name or agency
    return agency


def _in_order(short: str, full: str) -> bool:
    """Whether each character of `short` is in `full`, in the same order."""
    chars = iter(full)
    return all(char in chars for char in short)


def _with_place_of(agency: str | None, name: str) -> bool:
    """Whether `name` is `agency` (a name without its place: 教育局) with a place before it."""
    if agency is None or re.search(_HAS_PLACE, to_simplified(agency)):
        return False
    plain, fuller = to_simplified(agency), to_simplified(name)
    return fuller.endswith(plain) and fuller != plain and bool(re.search(_HAS_PLACE, fuller))


def _with_alias(agency: str, text: str) -> str:
    """The name with the bracketed district the text writes inside or after it (泰州医药高新区
    卫生健康委员会 → 泰州医药高新区(高港区)卫生健康委员会), as the text writes it most."""
    written: Counter[str] = Counter()
    simple = to_simplified(agency)
    for m in _PLACE_ALIAS.finditer(text):
        before, after = (
            to_simplified(text[max(0, m.start() - len(agency)) : m.start()]),
            text[m.end() :],
        )
        for k in range(2, len(simple) + 1):
            if (
                before.endswith(simple[:k])
                and to_simplified(after[: len(simple) - k]) == simple[k:]
            ):
                written[simple[:k] + m[0] + simple[k:]] += 1
    # 泰州医药高新区(高港区)住建局, spelt out: the rest of the name is not as written, so the
    # bracket goes back after the zone whose words the text writes before it
    zone = re.match(r".{2,}?(?:高新区|开发区|园区|新区|试验区)(?=.)", simple)
    if not written and zone:
        for m in _PLACE_ALIAS.finditer(text):
            if to_simplified(text[max(0, m.start() - zone.end()) : m.start()]) == zone[0]:
                written[zone[0] + m[0] + simple[zone.end() :]] += 1
    return written.most_common(1)[0][0] if written else agency


# Characters that end the words before a place (以渭南市, 年安阳县, 过安居区), and words that
# look like a place but name none (全市, 我县, 省市)
_PLACE_LEAD = "和与及在有由向对经据按于的是为从以至将把过被年中全我本该各并同等或、好含了系"
_NOT_PLACE = re.compile(rf"[{_PLACE_LEAD}省市县区委党政府局厅办会现编]")
_LEVELS = "省市区县州旗盟"
_NAME_MARKS = _PLACE_LEAD + _LEVELS  # the characters a place's name may follow


def _by_level(places: tuple[str, ...]) -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
    """The listed places by their level character, as sets of names of one length, longest
    first (a set lookup per length: the divisions are thousands of names)."""
    grouped: dict[str, dict[int, set[str]]] = {}
    for place in places:
        grouped.setdefault(place[-1], {}).setdefault(len(place), set()).add(place)
    return {
        level: tuple((n, frozenset(names)) for n, names in sorted(by_length.items(), reverse=True))
        for level, by_length in grouped.items()
    }


# Places whose names hold characters that elsewhere end the words before a name (和, 中, 同…):
# read as places only as listed (data/catalogue/agency_names.toml); and the divisions down to the
# county (data/catalogue/places.csv), known wherever they stand (主动公开湖南省司法厅: no mark
# before 湖南 tells where the place starts)
_KNOWN_PLACES = listed_places() + division_names()
_LISTED_BY_LEVEL = _by_level(_KNOWN_PLACES)
_DIVISIONS = frozenset(_KNOWN_PLACES)


def _listed_place_start(simple: str, level_at: int) -> int | None:
    """Where a listed place ending at `level_at` starts, if one does."""
    for length, names in _LISTED_BY_LEVEL.get(simple[level_at], ()):
        start = level_at + 1 - length
        if start >= 0 and simple[start : level_at + 1] in names:
            return start
    return None


# words of a sentence that run into a level character (全面推进市体育局): no place's name
_NOT_PLACE_WORDS = re.compile(
    r"推进|加强|落实|贯彻|做好|开展|组织|通过|围绕|按照|结合|面向|处理|利用|依托|登录|转发|更新|发布|维护|包括"
    r"|召开|参加|提交|报请|经过|提供"
    # (及时全面的反映县安监局各阶段的工作情况: a verb, no place 反映县)
    r"|反映|体现|展现|展示|宣传|报道"
    # (成立县水利局宣传信息报道工作领导小组: a group set up, no place 成立县)
    r"|成立|建立|健全|完善|调整|明确|制定|印发"
    # (形成县食品药品监管局2011年信息公开工作报告: the report made, no place 形成县)
    r"|形成|编写|汇总"
    # (创建国家食品安全示范城市, 全国文明城市: a title a city strives for, no city's name)
    r"|示范城|文明城|卫生城|园林城|创建"
)


def _place_at(simple: str, level_at: int) -> str | None:
    """The place whose level character is at `level_at` (渭南市 of 以渭南市为…, 石家庄市 of
    在石家庄市, 长春市南关区 of 为长春市南关区…), or None when the words before it name none.
    Two characters before the level unless the words mark a third as the name's start."""
    if level_at < 2 or simple[level_at] not in _LEVELS:
        return None
    # 市民, 市场, 区域, 县级: words, not a place's level
    after = simple[level_at + 1 : level_at + 3]
    if after[:1] in _NOT_LEVEL_AFTER and after != "民政":
        return None
    two = simple[level_at - 2 : level_at]
    listed = _listed_place_start(simple, level_at)
    if listed is None and (not _CJK_ONLY.fullmatch(two) or _NOT_PLACE.search(two)):
        return None
    # where the name starts must be marked (a mark, a function word): 正式推出市教育局 names
    # no place 推出市
    if listed is not None:
        name_start = listed  # 呼和浩特市, 汉中市: a place whose name has such words
    elif _starts_name(simple, level_at - 2):
        name_start = level_at - 2
    else:
        three = simple[level_at - 3 : level_at] if level_at >= 3 else ""
        if not (
            _CJK_ONLY.fullmatch(three)
            and not _NOT_PLACE.search(three)
            and _starts_name(simple, level_at - 3)
        ):
            return None
        name_start = level_at - 3
    place = simple[name_start : level_at + 1]
    if _NOT_PLACE_WORDS.search(simple[max(0, name_start - 1) : level_at]):
        return None
    # 长春市南关区: the place of the level above, right before it — not a province before a
    # county or district (福建省罗源县白塔乡 of an address: the labels never write it, 0 of 964)
    if name_start >= 3 and simple[name_start - 1] in _LEVELS:
        above = _place_at(simple, name_start - 1)
        if above is not None and not (above.endswith("省") and simple[level_at] in "县区旗"):
            place = above + place
    return place


# the places a town's full name puts before its short one (武山县 of 武山县城关镇)
_PLACE_FRONT = re.compile(r"[\u4e00-\u9fff]{1,8}[省市区县旗]")


def _short_names_merged(
    counted: Counter[str], front: re.Pattern[str] | None = None
) -> Counter[str]:
    """Names counted, each short one given to the one full name it ends (黄石港工业园区管委会 once,
    园区管委会 twice: the full one's three times) — not to words run into a name before it
    (未发生涉及卫生健康局); with `front`, only to a full name whose words before the short one
    it matches whole (towns: 武山县城关镇 and 城关镇, one town)."""

    def before_ok(words: str) -> bool:
        if front:
            return bool(front.fullmatch(words))
        # (海门区公共资源交易中心 and 交易中心: a listed place, then the name's own words)
        place = "".join(_leading_places(words))
        return not _NOT_PLACE.search(words[len(place) :])

    def fuller(short: str) -> list[str]:
        return [
            m for m in counted if m != short and m.endswith(short) and before_ok(m[: -len(short)])
        ]

    for short in [n for n in counted if len(fuller(n)) == 1]:
        counted[fuller(short)[0]] += counted.pop(short)
    return counted


# the bureaus that run a place's disclosure office (政务服务和大数据管理局, 数据局, 行政审批局),
# after their place: they answer for the government's report as well as for their own
_DISCLOSURE_BUREAU = re.compile(
    r"(?<=[市区县州旗])(?:政务服务|行政审批|大数据|数据|数字化|营商环境)[\u4e00-\u9fff]{0,12}局$"
)
# a report in the voice of a bureau: 我局, 本局, or its short name opening what it did (区政务服务局
# 严格按照…)
_BUREAU_VOICE = re.compile(
    rf"[我本]局|(?:^|[。\n，,])\s*[区县市州旗]?[\u4e00-\u9fff]{{2,10}}局(?={_OPENING_VERBS})"
)


def _government_of_its_bureau(agency: str, simple: str) -> str:
    """The government whose report a disclosure bureau answers for (请与钦州市行政审批局联系, in a
    report that says 我市 and never 我局; 全文包括乌海市海南区人民政府政府信息公开…): the government
    — the bureau's own report speaks as the bureau."""
    name = to_simplified(agency)
    bureau = _DISCLOSURE_BUREAU.search(name)
    if bureau is None or _BUREAU_VOICE.search(simple):
        return agency
    place = name[: bureau.start()]
    # (鄂尔多斯市东胜区 said 东胜区 where the report speaks as it: the last level alone)
    last = re.search(r"(?<=[省市州盟])[\u4e00-\u9fff]{2,8}?[区县市旗]$", place)
    spoken = f"(?:{re.escape(place)}|{re.escape(last[0])})" if last else re.escape(place)
    # (我市; 2025年,鄂温克族自治旗坚持…, 德惠市政府坚持…: the place opening what it did)
    own = (
        rf"[我本][{place[-1]}]|{re.escape(place)}(?:人民)?政府(?:政府)?信息公开|汇总编制{re.escape(place)}"
        rf"|(?:^|[。\n])\s*(?:{_YEAR}\s*年度?[,，]?\s*)?{spoken}(?:人民)?(?:政府)?(?={_OPENING_VERBS})"
    )
    if not re.search(own, simple):
        return agency
    return place + "人民政府"


def _government_of_its_office(agency: str, simple: str) -> str:
    """The government whose office answers for its report (请与昌江区人民政府办公室联系, in a
    report that calls itself 我区 or opens sentences with its place: 靖安县深入贯彻…): the
    government, not the office — unless the report is the office's own (我办, 本办, 我厅)."""
    if _DISCLOSURE_BUREAU.search(to_simplified(agency)):
        return _government_of_its_bureau(agency, simple)
    # (请与钟楼区政府办公室联系: the government said short)
    office = re.search(
        r"(?<=[区县市州旗]政府)(?:办公室|办公厅)$|(?<=人民政府)(?:办公室|办公厅)$",
        to_simplified(agency),
    )
    # (我区政府办公室, 我办: the office's own report)
    # (2020年,包头市人民政府办公室以…为指导, …包头市人民政府办公室政府信息公开总体情况: the
    # office, by its full name, doing the work the report tells)
    if (
        office is None
        or re.search(r"[我本](?:办|厅|室)|[我本][区县市州旗]政府办公", simple)
        or re.search(
            # (not 罗庄区人民政府办公室按照…根据区政府组成部门…报告: compiling the place's)
            rf"{re.escape(to_simplified(agency))}"
            r"(?:以|坚持|认真|深入|全面|积极|始终|紧紧|扎实|持续|政府信息公开(?:总体|工作))",
            simple,
        )
    ):
        return agency
    # (…我县…, or 靖安县深入贯彻…: the report speaks as the place)
    place = re.sub(r"(?:人民)?政府$", "", to_simplified(agency)[: office.start()])
    # (2023年,伊吾县政府信息公开工作按照…: the place's disclosure work, the government's)
    # (由南阳市人民政府办公室综合…各县(区)、市直部门…年度报告…编制, 由许昌市人民政府办公室汇总
    # 全市各县(市、区)…工作情况编制: the whole place's report)
    speaks = (
        any(place.endswith(m["agency"]) for m in _PLACE_OPENING.finditer(simple))
        or bool(
            re.search(rf"{re.escape(place)}(?:人民)?政府(?={_DOING.pattern}|信息公开工作)", simple)
        )
        or bool(re.search(r"办公[室厅](?:综合|汇总)[^。]{0,30}各(?:县|区|部门|单位)", simple))
    )
    if not re.search(r"[我本][区县市州旗]", simple) and not speaks:
        return agency
    return place + "人民政府"


def _level_said_twice(agency: str, simple: str) -> str:
    """A town's level written twice (由彩云镇镇人民政府…编制) once, when the text writes the town's
    government with it once elsewhere (彩云镇人民政府) — not 古镇镇 or 壶镇镇, towns so named,
    whose government the text never writes 古镇人民政府."""
    twice = re.search(r"(?P<town>[\u4e00-\u9fff]{1,4}?(?P<level>[镇乡]))(?P=level)$", agency)
    if twice and re.search(re.escape(twice["town"]) + "(?:人民)?政府", simple):
        return agency[:-1]
    return agency


def _placed_town(town: str, simple: str) -> str:
    """A town or street office named in a sentence (大寨镇), with the place the text writes right
    before it elsewhere (…云县大寨镇…), when it writes one place only."""
    kept = _longest_places(_places_before(town, simple, "县区市", short=True))
    return kept.pop() + town if len(kept) == 1 else town


def _places_before(name: str, simple: str, levels: str, *, short: bool = False) -> set[str]:
    """The places the text writes right before `name` (云县 of …云县大寨镇…), each ending in one
    of `levels`; `short` also reads a place written short (`_short_place`)."""
    places = {
        _place_at(simple, m.start() - 1) or (_short_place(simple, m.start() - 1) if short else None)
        for m in re.finditer(re.escape(name), simple)
        if m.start() > 0 and simple[m.start() - 1] in levels
    }
    return {p for p in places if p}


def _as_written_in_full(agency: str, simple: str) -> str:
    """The name as the text writes it elsewhere in full: 迎宾路街道 as 迎宾路街道办事处 (the labels
    write the office 8 times to 2), 通道县卫生健康局 as 通道侗族自治县卫生健康局, and a
    district's body with its city (`_fullest_written`)."""
    name = to_simplified(agency)
    if name.endswith("街道") and name + "办事处" in simple:
        name = agency = name + "办事处"
    # (title 新港街2023年…报告, text 新港街道办事处2023年度…: the office a title writes short)
    elif name.endswith("街") and not name.endswith("大街") and name[-3:] + "道办事处" in simple:
        name = agency = name + "道办事处"
    if short := re.match(r"([\u4e00-\u9fff]{2,3})县", name):
        rest = name[short.end() :]
        full = re.search(rf"{short[1]}[\u4e00-\u9fff]{{1,8}}?自治县(?={re.escape(rest)})", simple)
        if full:
            agency = full[0] + rest
    return _fullest_written(agency, simple)


def _fullest_written(agency: str, simple: str) -> str:
    """A district's body named from its district (阎良区信访局) with the city the text writes
    right before it elsewhere (…西安市阎良区信访局…), when it writes one city only: the labels
    name a district's body with its city (21 to 2 in the sets where the text has both), but a
    county's or a town's by the text's short form most often (15 to 1), so those are left."""
    name = to_simplified(agency)
    if not _DISTRICT_BODY.fullmatch(name):
        return agency
    cities = _longest_places(_places_before(name, simple, "市"))
    kept = {c for c in cities if not re.search("[省区县]", c)}
    return kept.pop() + name if len(kept) == 1 else agency


# a district's body named from the district on (南沙区审计局, 麒麟区人民政府, 南关区盛世街道办事处),
# not a town's (towns are placed by `_placed_town`)
_DISTRICT_BODY = re.compile(
    r"[\u4e00-\u9fff]{1,4}区(?![\u4e00-\u9fff]*(?:镇|乡)$)[\u4e00-\u9fff]{2,20}"
)


def _longest_places(places: set[str]) -> set[str]:
    """The places named, each once in its fullest form (东昌区 within 通化市东昌区, 泸县 within
    泸州市泸县: one place, written short once)."""
    return {p for p in places if not any(o != p and o.endswith(p) for o in places)}


# a zone's committee by its kind alone (经济开发区管委会, 高新区管理委员会)
_PLACELESS_ZONE = re.compile(
    r"(?:经济技术|经济|高新技术产业|高新技术|高新|工业)?(?:开发区|园区|高新区|经开区)"
    r"(?:管委会|管理委员会)"
)
# the office of a town's government (…镇人民政府办公室, …乡党政办公室)
# (石江乡单位办公室, 白沙镇综合党政办公室)
# (…镇人民政府办公室, 乌沙镇政府党政办公室)
# 南京市浦口区卫健委党政办: a bureau's (commission's) own office, which compiles its report —
# not a government's office (区政府办公室), a Party committee's (市委办公室, 党委办公室) nor a
# zone committee's (管委办公室)
_OWN_OFFICE = re.compile(
    r"(?<=[镇乡])(?:(?:人民)?政府)?(?:综合|单位|党政)*办公室$"
    r"|(?<=[局委])(?<![省市县区州旗盟党管]委)(?:党政|综合)?办(?:公室)?$"
)
# a town, township or street office with no place before it
# (紫溪市镇, 胡市镇: a town whose name holds 市 before 镇, no city)
_BARE_TOWN = r"(?:[^省市县区旗州]{2,8}?(?:镇|乡|苏木|街道|街道办事处|街)|[^省市县区旗州]{1,3}市镇)"
_GOVERNMENT_NAMED = re.compile(r"(?<=[县区市旗])(?:人民)?政府")


# "由漳州市人民政府办公室综合各县(区)…的年度报告编制而成", "汇总曲靖市所辖各县(市、区)…":
# a report summing its counties' and departments' reports
_SUMS_COUNTIES = re.compile(
    r"(?:由(?P<office>[\u4e00-\u9fff]{2,10}?[省市区县州旗盟])人民政府办公[室厅])?"
    r"(?:综合|汇总)了?(?P<place>[\u4e00-\u9fff]{2,10}?[省市区县州旗盟])?(?:所辖|所属)?"
    r"各(?:县|区|市|乡|镇|街道|旗)"
)


def _government_summing(simple: str) -> str | None:
    """The government of a report that sums its counties' (or districts', towns') reports: a
    place's report, whose own office compiles it."""
    for m in _SUMS_COUNTIES.finditer(simple):
        place = m["office"] or m["place"]
        if place and not _NOT_PLACE.search(place[:-1]) and not _PREPOSITION.match(place):
            return place + "人民政府"
    return None


# 我镇, 本乡, 我街: a report in a town's or street office's own voice
_SELF_TOWN = re.compile(r"[我本](?P<kind>镇|乡|街道|街|苏木)")


def _town_speaking(simple: str) -> str | None:
    """The town a report in a town's own voice (我镇, 我乡, 我街) names most often, by names
    of its kind (2014年,南薰乡未收取…; 对照《殷祖镇基层政务公开标准目录》): a town's report
    names no other town as often as itself. None when it names none, or two as often."""
    kinds = {m["kind"] for m in _SELF_TOWN.finditer(simple)}
    if not kinds:
        return None
    kind = "街道" if "街" in kinds else kinds.pop()  # (我街 writes its name …街道)
    named: Counter[str] = Counter()
    for m in re.finditer(kind, simple):
        # (立足镇域工作实际: 镇域, 镇情, 镇级 are words, no town's name)
        if simple[m.end() : m.end() + 1] in ("域", "情", "级", "内"):
            continue
        for size in (2, 3):
            at = m.start() - size
            words = simple[at : m.start()] if at >= 0 else ""
            # (本年度小河镇: 年度 ends the words before the name)
            starts = _starts_name(simple, at) or simple[max(0, at - 2) : at] == "年度"
            if _CJK_ONLY.fullmatch(words) and starts:
                if not _NOT_PLACE.search(words) and not _NOT_PLACE_WORDS.search(words):
                    named[words + kind] += 1
                break
    return _dominant(named)


def _place_after_verb(simple: str, level_at: int) -> str | None:
    """A place of two characters and its level right after a verb (更新巧家县人民政府网)."""
    two, verb = simple[level_at - 2 : level_at], simple[max(0, level_at - 4) : level_at - 2]
    # (组织召开县政府新闻发布会: 召开 is the verb, no place)
    if (
        level_at < 4
        or not _CJK_ONLY.fullmatch(two)
        or _NOT_PLACE.search(two)
        or _NOT_PLACE_WORDS.fullmatch(two)
    ):
        return None
    return two + simple[level_at] if _NOT_PLACE_WORDS.fullmatch(verb) else None


def _governments_named(simple: str) -> list[str]:
    """The place of each county-level government the text names (巧家县人民政府网, 区政府), once
    per mention."""
    return [
        place
        for m in _GOVERNMENT_NAMED.finditer(simple)
        if (place := _place_at(simple, m.start() - 1) or _place_after_verb(simple, m.start() - 1))
    ]


def _towns_under(place: str) -> bool:
    """Whether towns may be directly under `place`: not a listed prefecture or province that has
    counties (a name not listed, 青岛西海岸新区, may be)."""
    return place not in _DIVISION_CODES or has_towns_directly(place)


def _town_of_its_county(town: str, simple: str) -> str:
    """A town the text never writes after its county (小河镇), under the one county-level
    government the text names (巧家县人民政府网, 《仁寿县人民政府办公室关于…》): the government a
    town's report cites and publishes on is its county's. Unchanged when the text names none or
    several."""
    # (《自治区人民政府…》: a region's government by its level alone, no county's)
    kept = _longest_places(set(_governments_named(simple)) - {"自治区"})
    if len(kept) == 1 and not _towns_under(city := next(iter(kept))):
        # (《威海市人民政府办公室…》 in 成山镇's report: a city its towns are not directly under —
        # the labels name such a town with its county-level city, 荣成市成山镇: the one of the
        # city's counties the text names, if one)
        prefix = _DIVISION_CODES[city][:4]
        counties = {c for c in _divisions_named(simple)[0] if _DIVISION_CODES[c][:4] == prefix}
        return counties.pop() + town if len(counties) == 1 else town
    if not kept:
        # (…乌拉特前旗… and no government named: the one county the text names)
        kept = _divisions_named(simple)[0]
    return kept.pop() + town if len(kept) == 1 else town


# the divisions' names without their level (阜阳 of 阜阳市): a name opening with one has its place
_DIVISION_CODES = division_codes()
_DIVISION_STEMS = frozenset(name[:-1] for name in _DIVISION_CODES if len(name) >= 3)


def _divisions_named(simple: str) -> tuple[set[str], set[str]]:
    """The divisions of the list the text names, each once in its fullest form as `_place_at`
    reads it before a level character: (those of county level, those above)."""
    county: set[str] = set()
    above: set[str] = set()
    for level in re.finditer(rf"[{_LEVELS}]", simple):
        start = _listed_place_start(simple, level.start())
        division = simple[start : level.end()] if start is not None else ""
        if division in _DIVISION_CODES:
            (county if is_county_level(division) else above).add(division)
    return _longest_places(county), _longest_places(above)


def _in_its_division(name: str, simple: str) -> str:
    """A bureau named by its kind alone (应急管理局, 科技局) whose place no one government named
    in full gives: under the one county-level division the text names (…汝州市…), else, when
    the text calls it 市…局, the one city; as written with the level the text puts before it
    (县统计局 under a 县). Unchanged when the name opens with a place of its own (阜阳气象局),
    when the text names two governments other than a province's, or none or several such
    divisions."""
    if not re.search(r"(?:局|委员会|委|厅|办)$", name) or any(
        name[:n] in _DIVISION_STEMS for n in range(2, 6)
    ):
        return name
    # (《安吉县人民政府办公室…》 and 《湖州市人民政府办公室…》: which one cannot be told; a
    # province's government, whose rules every report cites, tells nothing)
    governments = {m["place"] for m in _GOVERNMENT.finditer(simple)}
    if len({g for g in governments if not re.search("省$|自治区$", g)}) > 1:
        return name
    levels = {m[1] for m in re.finditer(rf"([{_LEVELS}]){re.escape(name)}", simple)}
    counties, aboves = _divisions_named(simple)
    county = {d for d in counties if not levels or d[-1] in levels}
    above = {d for d in aboves if d[-1] in levels}
    kept = county or above
    if len(kept) != 1:
        return name
    return kept.pop() + _SHORT_FORMS.get(name, name)


# 我县, 我区, 本级政府: a report in a county's (district's, city's) own voice; 我局, 本单位…: a
# body's, which a government's report does not use for itself
_SELF_GOVERNMENT = re.compile(r"[我全](?P<level>[区县市旗])(?![委局办])|本级政府")
_ZONE_WORDS = re.compile(r"开发区|高新区|经开区|新区|园区|管委会|管理委员会|管理区")
_SELF_BODY = re.compile(r"[我本](?:局|委|办|厅|中心|所|院|单位|部门|处|署|站|队|镇|乡|街)")


def _government_speaking(simple: str) -> str | None:
    """The government of a report in a county's (district's, city's) own voice that names no
    body of its own, when it names one government of that level (吴起县人民政府门户网站, “思明区人民
    政府”网站, 请与泰宁县人民政府办公室联系). None when it names none or several."""
    voices = list(_SELF_GOVERNMENT.finditer(simple))
    if _ZONE_WORDS.search(simple):
        # (全县 is a county's word for itself, as 我县 — but 全区 a zone's too, of its 经开区)
        voices = [m for m in voices if not m[0].startswith("全")]
    if not voices or _SELF_BODY.search(simple):
        return None
    levels = {m["level"] for m in voices if m["level"]}
    places = Counter(p for p in _governments_named(simple) if not levels or p[-1] in levels)
    # (小店区 and 太原市小店区: one place; 《厦门市人民政府…》 cited once beside 思明区's three)
    kept = _longest_places(set(places))
    counted = Counter({k: sum(n for p, n in places.items() if k.endswith(p)) for k in kept})
    place = _dominant(counted)
    return None if place is None else place + "人民政府"


def _short_place(simple: str, level_at: int) -> str | None:
    """A place of one character and its level (云县 of 。云县大寨镇), where a mark or the start
    of the text comes right before it."""
    if level_at < 1 or simple[level_at] not in "县区市":
        return None
    if level_at >= 2 and re.match(r"[\u4e00-\u9fff]", simple[level_at - 2]):
        return None
    return (
        simple[level_at - 1 : level_at + 1] if _CJK_ONLY.fullmatch(simple[level_at - 1]) else None
    )


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_NOT_LEVEL_AFTER = set("民场域级长直属内外面容貌况")


def _starts_name(simple: str, at: int) -> bool:
    """Whether a name may start at `at`: the text's start, or after a mark or a function word."""
    # (2018年度永嘉县: 度 of 年度 starts no name)
    if simple[at : at + 1] == "度" and simple[at - 1 : at] == "年":
        return False
    return at == 0 or not _CJK_ONLY.match(simple[at - 1]) or simple[at - 1] in _NAME_MARKS


def _places(simple: str, level: str) -> Counter[str]:
    """The places of one level the text names (渭南市 in 以渭南市为…), counted."""
    found: Counter[str] = Counter()
    for m in re.finditer(level, simple):
        place = _place_at(simple, m.start())
        if place is not None:
            found[place] += 1
    return found


def _dominant(counted: Counter[str]) -> str | None:
    """The one name of a count, or the one named at least twice as often as any other."""
    ranked = counted.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


# 胡市镇人民政府 → 胡市镇; 东城区人民政府东华门街道办事处 → 东城区东华门街道办事处: a town or a
# street office goes by its own name, whichever form a year's report uses (the hand labels of
# eight sets name them so, 22 to 2)
# (苏木: a township of Inner Mongolia)
_TOWN_GOVERNMENT = re.compile(r"(?:(?<=[镇乡])|(?<=苏木))(?:人民)?政府$")
_DISTRICT_GOVERNMENT = re.compile(r"(?<=[区县市])(?:人民)?政府(?=.+(?:街道办事处|街道|镇|乡)$)")


_SHORT_BRANCH = re.compile(
    r"(?P<bureau>.*[省市区县州旗盟])(?P<short>"
    + "|".join(re.escape(short) for short in _SHORT_FORMS if short.endswith("局"))
    + r")(?P<branch>[\u4e00-\u9fff]{1,8}分局)"
)


def _completed(agency: str, simple: str) -> str:
    """`_completed_place`, with a common short form spelt out at the end of the name
    (文登区住建局 → 文登区住房和城乡建设局: one name for an agency whichever its reports use),
    and a town's or street office's government words dropped."""
    name = _level_restored(to_simplified(_completed_place(agency, simple)), simple)
    for short, full in _SHORT_FORMS.items():
        # (城中区文体旅游科技局: 科技局 of a longer name is the name, not a short form)
        # (国家民委, 国家疾控局: a national body's, after 国家 — not 国家卫生健康委, which is
        # how the commission writes itself, 员会 left off only)
        national = name[: -len(short)] == "国家" and full != short + "员会"
        if name.endswith(short) and (
            re.search(r"[省市区县州旗盟]$", name[: -len(short)]) or national
        ):
            name = name[: -len(short)] + full
            break
    # (泉州市工商局洛江分局: a bureau's branch, the bureau spelt out the same)
    branch = _SHORT_BRANCH.fullmatch(name)
    if branch:
        name = branch["bureau"] + _SHORT_FORMS[branch["short"]] + branch["branch"]
    name = _DISTRICT_GOVERNMENT.sub("", _TOWN_GOVERNMENT.sub("", name))
    # (烟台开发区管委: the committee's 会 dropped, as some reports write it)
    if name.endswith("管委"):
        name += "会"
    return name if name != to_simplified(agency) else agency


def _level_restored(name: str, simple: str) -> str:
    """A county's or district's bureau written without its place's level (武进地税局, 平江档案局)
    with the level the text gives that place elsewhere (武进区政府信息公开工作规定 → 武进区地税局):
    one listed place of that stem only. A city's is left as written (连云港海事局, 深圳海事局: the
    labels write it so), as is a name whose stem runs on into a place (昌吉州, 黄石港区)."""
    # (a bureau's name only: 和平街道办事处 is a street office, not 和平区's)
    if not re.search(r"(?:局|委员会|委|办公室|办)$", name):
        return name
    found = {
        place
        for size in (2, 3)
        for place in (name[:size] + level for level in "区县旗")
        if place in _DIVISIONS
        and place in simple
        and not re.match(r"[省市区县州旗盟]|地区|港区", name[size:])
        and not re.match(
            r"[\u4e00-\u9fff]{0,4}(?:街道|镇|乡|开发区|新区|园|高新|经开)", name[size:]
        )
    }
    if len(found) != 1:
        return name
    place = found.pop()
    return place + name[len(place) - 1 :]


def _fuller_place(place: str, body: str, simple: str) -> str | None:
    """The one full name the text gives for a body whose place is written short (牡市 of
    牡丹江市: the same first character and level, more characters between)."""
    found = {
        m["place"] + body
        for m in re.finditer(
            rf"(?P<place>{place[0]}[\u4e00-\u9fff]{{1,3}}{place[-1]}){body}", simple
        )
    }
    return found.pop() if len(found) == 1 else None


def _completed_place(agency: str, simple: str) -> str:
    """A name without its place (区卫生健康局, 卫生健康局) completed with the full name the text
    gives elsewhere (雁江区卫生健康局), or with the one place of its level the text names
    (市民政局 + 渭南市)."""
    plain = to_simplified(agency)
    # 市中区民政局: a district named 市中区 (市南区, 市北区), not a city's 中区
    if re.match(r"市[中南北]区", plain):
        fuller = {
            place
            for m in re.finditer(re.escape(plain[:3]), simple)
            if m.start() > 0 and (place := _place_at(simple, m.start() - 1))
        }
        return fuller.pop() + plain if len(fuller) == 1 else agency
    if plain.startswith(("自治区", "省")):
        region = _region_named(simple, plain.startswith("省"))
        return agency if region is None else region + plain
    level = plain[0] if plain[0] in "市区县州" else None
    core = plain[1:] if level else plain
    short_place = re.fullmatch(
        r"(?P<place>[\u4e00-\u9fff][市县])(?P<body>[\u4e00-\u9fff]{2,14})", plain
    )
    if level is None and short_place:
        # 牡市文化广电新闻出版局 beside 牡丹江市文化广电新闻出版局: a place's short form
        fuller = _fuller_place(short_place["place"], short_place["body"], simple)
        if fuller is not None:
            return fuller
    if level is None and re.search(rf"[{_LEVELS}]|自治区|地区|街道|镇|乡|政府", plain):
        return agency  # it has its place
    if len(core) < 2:
        return agency
    # the full name given elsewhere: a place (or places) right before the same words
    fuller: Counter[str] = Counter()
    for m in re.finditer(re.escape(core), simple):
        if m.start() == 0 or simple[m.start() - 1] not in (level or _LEVELS):
            continue
        place = _place_at(simple, m.start() - 1)
        if place is not None:
            fuller[place + core] += 1
    full = _dominant(fuller)
    if full is not None:
        return full
    if level is not None:
        place = _dominant(_places(simple, level))
        if place is not None:
            return place + core
    return agency


# a name that says where its body is (a level, or a kind of place)
_HAS_PLACE = rf"[{_LEVELS}]|自治|地区|街道|镇|乡|部$|署$|国家|中国|全国"
# (荣昌区人民政府安富街道办事处坚持…, 请与…人民政府新街街道办事处办公室联系, 福州市人民政府外事
# 办公室编制…: a body under the government, named with it, doing what the report tells)
_OFFICE_AFTER = re.compile(
    # (not 高城镇人民政府党政办公室: a town's own office, which reports as the town)
    r"(?!党政|综合)[\u4e00-\u9fff]{1,8}?(?:街道办事处|办事处|街道|镇|乡|办公室|研究室)"
    # (请与杭州市萧山区人民政府蜀山街道办事处党政综合办公室联系: the street office, by its own
    # office; …河西街道办事处党政综合与社区建设办公室联系: an office of more than one duty)
    # (…人民政府石井坡街道办事处在区委、区政府指导下: the office under its district's lead)
    r"(?=[\u4e00-\u9fff]{0,8}?(?:编制|制作|编写)|坚持|认真|深入|全面|在(?:[区县市州旗]委|[区县市]政府|上级)"
    r"|(?:(?:党政|党群|综合)[\u4e00-\u9fff]{0,8}?)?办公室|联系)"
)
# (市政府研究室2019年…报告, 市政务服务中心…: a research office, a centre)
_SHORT_TITLE = re.compile(
    r"(?P<level>自治区|[省市区县州])"
    r"(?P<core>[\u4e00-\u9fff]{2,12}?(?:局|委员会|委|(?<![大展餐客])厅|办公室|办|研究室|中心))"
)
_PROVINCES = (
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
)
_AUTONOMOUS_REGIONS = ("新疆维吾尔", "广西壮族", "宁夏回族", "西藏", "内蒙古")


def _short_title(name: str, simple: str) -> str | None:
    """A title's name without its place (市气象局2017年…报告, 自治区市场监督管理局…), completed
    as `_completed_place` does, or from the one province or autonomous region the text names;
    None when the text gives no place for it."""
    noise = _TITLE_NOISE.match(name)
    name = name[noise.end() :] if noise else name
    short = _SHORT_TITLE.fullmatch(name.strip())
    if short is None or short["core"][0] in _NOT_LEVEL_AFTER:  # 市场监督管理局
        return None
    # (区政府在市委、市政府的领导下: a sentence running on to the party committee, no body's name)
    if "在" in short["core"]:
        return None
    level, core = short["level"], short["core"]
    if level in "市区县州":
        full = to_simplified(_completed_place(name.strip(), simple))
        return full if full != name.strip() else None
    region = _region_named(simple, level == "省")
    return None if region is None else region + level + core


def _leading_places(name: str) -> list[str]:
    """The listed places a name opens with, the outermost first (安顺市 of 安顺市人民政府;
    成都市, 锦江区 of 成都市锦江区人民政府)."""
    places: list[str] = []
    at = 0
    while True:
        longest = range(min(len(name), at + _PLACE_MAX), at + 2, -1)
        found = next((name[at:end] for end in longest if name[at:end] in _DIVISIONS), None)
        if found is None:
            return places
        places.append(found)
        at += len(found)


_PLACE_MAX = 12  # the longest place name looked for (黔东南苗族侗族自治州: 10)


def _publishers_place(publishers: Sequence[str], level: str | None) -> str | None:
    """The innermost place of the first publisher that opens with a place, of `level` (市, 区,
    省, 自治区…) when one is asked for: 安顺市 of 安顺市人民政府 for 市…局, 锦江区 of
    成都市锦江区人民政府 for 区…局."""
    for publisher in publishers:
        places = _leading_places(to_simplified(publisher))
        kept = [p for p in places if level is None or p.endswith(level)]
        if kept:
            return kept[-1]
    return None


def _placed_by_site(name: str, publishers: Sequence[str]) -> str | None:
    """A title's name without its place (市住房和城乡建设局, 区卫生健康局) under the publishers'
    place of its level; None when no publisher opens with a place of that level."""
    noise = _TITLE_NOISE.match(name)
    name = name[noise.end() :] if noise else name
    short = _SHORT_TITLE.fullmatch(to_simplified(name).strip())
    if short is None or short["core"][0] in _NOT_LEVEL_AFTER:
        return None
    place = _publishers_place(publishers, short["level"])
    return None if place is None else place + _SHORT_FORMS.get(short["core"], short["core"])


def names_its_place(agency: str) -> bool:
    """Whether an agency's name carries its place (安顺市住房和城乡建设局, not 应急管理局)."""
    return bool(re.search(_HAS_PLACE, to_simplified(agency)))


def page_publisher(agency: str, sites: Sequence[str], sources: Sequence[str]) -> str:
    """Which of a page's publishers gave `agency` its place or name: the first whose place (or
    whole name) the agency holds; "" when none does."""
    for publisher in (*sources, *sites):
        name = to_simplified(publisher)
        places = _leading_places(name)
        if name == agency or any(place in agency for place in places):
            return publisher
    return ""


# the ends of a body's name (a page's source may be a column or a newspaper instead)
_SOURCE_BODY_END = re.compile(
    r"(?:局|委员会|委|厅|办公室|办|中心|人民政府|街道办事处|街道|镇|乡|管委会|管理委员会|院|所|署)$"
)


def _source_named(sources: Sequence[str], sites: Sequence[str]) -> str | None:
    """The first source a page names that is a body with its place (安顺市住房和城乡建设局),
    or one without it placed by the site (市住建局 on 安顺市人民政府's site)."""
    for source in sources:
        name = to_simplified(source)
        if not _SOURCE_BODY_END.search(name):
            continue
        if _leading_places(name):
            return name
        placed = _placed_by_site(name, sites)
        if placed is not None:
            return placed
    return None


def _region_named(simple: str, province: bool) -> str | None:
    """The one province (or autonomous region) the text names, without its level word."""
    names = _PROVINCES if province else _AUTONOMOUS_REGIONS
    named = {n for n in names if n + ("省" if province else "自治区") in simple}
    return named.pop() if len(named) == 1 else None


# 我局, 本街道: how a report calls itself, and the endings of its own name that go with it
_SELF = {
    "局": "局",
    "委": "(?:委员会|委)",
    "厅": "厅",
    "办": "(?:办公室|办)",
    "街道": "街道办事处",
    "镇": "镇",
    "乡": "乡",
    "中心": "中心",
}


# 人民政府网站浩口乡专栏: a town's column on its county's (district's) site, named after the
# place the site's government is of
_TOWN_COLUMN = re.compile(
    r"(?:人民)?政府(?:门户)?网站?(?P<town>[\u4e00-\u9fff]{2,6}?(?:镇|乡|街道))(?=专栏|栏目|子站)"
)


def _self_named(simple: str) -> str | None:
    """The agency of a report with no title or byline: the full name (with its place) most
    often given that ends as the report calls itself (我局 → …局, 我街道 → …街道办事处)."""
    for word, ending in _SELF.items():
        if not re.search(rf"[我本]{word}", simple):
            continue
        names: Counter[str] = Counter()
        # (《沐川县赋予乡镇县级…清单》: 乡镇, 镇村, 乡级 are words, no town's name)
        body = re.compile(
            rf"[\u4e00-\u9fff]{{1,10}}?{ending}(?![\u4e00-\u9fff]{{0,2}}(?:网|号|平台|领导|党))"
            r"(?![镇村级])"
        )
        for level in re.finditer(rf"[{_LEVELS}]", simple):
            place = _place_at(simple, level.start())
            named = body.match(simple, level.end()) if place else None
            if named and not _NOT_AGENCY.search(named[0]) and "政府" not in named[0]:
                names[place + named[0]] += 1
            # (重庆市武隆区人民政府网站浩口乡专栏 in a report of 我乡: the town's column on its
            # district's site)
            column = _TOWN_COLUMN.match(simple, level.end()) if place else None
            if column and column["town"].endswith(word):
                names[place + column["town"]] += 1
        return _dominant(names)
    return None


# a bureau (commission, department) named in full as the owner of the report's guide, work, site
# or account (制定了“驻马店市文化广电和旅游局政府信息公开指南”, 承担盐津县公安局政府信息公开工作,
# 在河北省体育局门户网站): not a government's or an office's, whose portal carries other bodies'
# reports too
_OWNED = re.compile(
    r"[\u4e00-\u9fff]{2,14}?(?:局|委员会|厅)(?=[“”]?(?:政府信息公开指南|政府信息公开工作"
    r"|信息公开工作|政务公开工作|门户网站|网站|官网|官方网站|微信|政务微博))"
)


def _owner_named(simple: str) -> str | None:
    """The agency of a report that names itself nowhere else but speaks as a bureau (我局,
    本单位, 局机关…): the one bureau (or the one named at least twice as often as any other)
    that owns its guide, work, site or account, with a place of the division list before it
    (驻马店市, 盐津县; not 接受监督市…)."""
    names: Counter[str] = Counter()
    for level in re.finditer(rf"[{_LEVELS}]", simple):
        if _listed_place_start(simple, level.start()) is None:
            continue
        place = _place_at(simple, level.start())
        owned = _OWNED.match(simple, level.end()) if place else None
        if owned and not _NOT_AGENCY.search(owned[0]) and not re.search("[、，,及与]", owned[0]):
            names[f"{place}{owned[0]}"] += 1
    # (only a report that speaks as such a body: 2022年,台州市统计局网站公开信息120条 alone is
    # another body's site)
    kinds = {name: "委" if name.endswith("委员会") else name[-1] for name in names}
    return _dominant(Counter({n: c for n, c in names.items() if _speaks_as(kinds[n], simple)}))


def _speaks_as(kind: str, simple: str) -> bool:
    """Whether the report speaks as a body of `kind` (局: 我局, 本单位, 局机关, 局属…)."""
    return bool(re.search(rf"[我本](?:{kind}|单位|机关|部门)|{kind}(?:机关|属|党组|领导)", simple))


def _after_front(words: str) -> str:
    """The name in `words` after the words in front of it (在市政府入口网站和法制办网站 → 法制办),
    keeping a body's own 和 (通过南通市自然资源和规划局 → 南通市自然资源和规划局)."""
    front = _NAME_FRONT.match(words)
    at = front.end() if front else 0
    while at and words[at - 1] == "和" and _JOINED_STEM.search(words[: at - 1]):
        earlier = _NAME_FRONT.match(words[: at - 1])
        at = earlier.end() if earlier else 0
    return words[at:]


def _own_channel_name(original: str, simple: str) -> str | None:
    """The agency of a report that calls itself 我局 (我办…) and names its own site or account
    (玉林市民政局网站, 法制办网站): that name, with the one government place the report names
    in full when it has no place of its own (乐山市人民政府 → 乐山市法制办)."""
    names: Counter[str] = Counter()
    # (通过“西乌珠穆沁旗人力资源和社会保障局”微信公众号: the account's name in quotes, whole)
    for m in _QUOTED_OWN_CHANNEL.finditer(simple):
        if f"我{m['end']}" in simple and not _NOT_AGENCY.search(m["agency"]):
            names[m["agency"]] += 1
    for m in _OWN_CHANNEL_NAME.finditer(simple) if not names else ():
        if f"我{m['end']}" not in simple:
            continue
        # 在市政府入口网站和法制办网站: the words in front are no part of the name
        name = _after_front(m["agency"])
        # (局信息中心负责局门户网站: words of a clause on who runs the site, no name)
        clause = re.search(r"负责|承办|维护", name) or name[0] in "局委办"
        if len(name) >= 3 and not _NOT_AGENCY.search(name) and not clause:
            names[name] += 1
    ranked = names.most_common(2)
    # one name most often given, or none is taken
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    name = ranked[0][0]
    placed = re.match(
        r"(?P<place>[\u4e00-\u9fff]{2,8}?[省市])(?P<core>[\u4e00-\u9fff]{2,12})$", name
    )
    lower = placed and re.search(rf"[区县]{placed['core']}", simple)
    if placed and lower:
        # 通过杭州市审计局门户网站 in a report of 区审计局: the site of the body above it, and the
        # agency the district's, by the district the text names
        fuller = to_simplified(_completed_place(lower[0], simple))
        if fuller != lower[0]:
            return fuller
        kept = _longest_places(set(_places(simple, lower[0][0])))
        return kept.pop() + placed["core"] if len(kept) == 1 else None
    if re.search(r"[省市区县州旗]", name):
        return name
    place = _one_place(simple, None)
    return None if place is None else place + name


def _one_place(simple: str, level: str | None) -> str | None:
    """The one place (of `level`, when given) whose government the report names in full."""
    places = set()
    for m in _GOVERNMENT.finditer(simple):
        place = m["place"]
        # 和石城县人民政府: the words in front are no part of the place (a name of two
        # characters and its level, 于都县, keeps its first one)
        front = _BEFORE_PLACE.match(place)
        if front and len(place) - front.end() >= 3:
            place = place[front.end() :]
        # 我局主动通过市人民政府网站, 推荐至市人民政府: words, not a place (the name's start
        # must be marked, as `_place_at` asks)
        marked = _place_at(simple, m.end("place") - 1)
        if marked is None or re.search(r"[我本局厅委办党]", place[:-1]):
            continue
        # (通过息烽县人民政府: the marked place, without the verb before it)
        if not place.endswith(marked) or _NOT_PLACE_WORDS.search(place[: -len(marked)]):
            place = marked
        if level is None or place.endswith(level):
            places.add(place)
    return places.pop() if len(places) == 1 else None


def _short_name(original: str, simple: str) -> str | None:
    """The agency a report calls by a short name (区教育局, 市教委) when the report also names
    the government of its place in full: one place of that level, or none is taken."""
    short = (
        _SHORT_OPENING.search(simple) or _SHORT_SITE.search(simple) or _SHORT_MAKER.search(simple)
    )
    if short is None:
        return _short_with_site(simple)
    place = _one_place(simple, short["level"]) or _dominant(_places(simple, short["level"]))
    # (省政府办公厅: the people's government's office)
    words = re.sub(r"^政府", "人民政府", short["short"])
    if place is None:
        # 市审计局…把盘锦审计网作为…窗口: the place of the agency's own site, named by its field
        site = _site_place(simple, words)
        return None if site is None else site + short["level"] + _SHORT_FORMS.get(words, words)
    at = simple.find(place)
    return original[at : at + len(place)] + _SHORT_FORMS.get(words, words)


# 发挥市科技局…领导小组作用: a short name anywhere in a sentence
_SHORT_ANYWHERE = re.compile(
    r"(?:^|(?<=[^省市区县州]))(?P<level>[市区县])(?P<short>[\u4e00-\u9fff]{2,6}?局)"
)


# what follows a body that leads or guides the report's own (…局的具体指导下)
_GUIDING = re.compile(r"的[^，,。；;]{0,8}?(?:指导|领导|支持|帮助|督促)下?")
# what a body opening a clause goes on to do (县民政局坚持…, 市教育局认真贯彻…)
_DOING = re.compile(r"坚持|认真|严格|高度|深入|全面|积极|始终|紧紧|扎实|持续|按照|围绕")


def _short_with_site(simple: str) -> str | None:
    """A report that calls itself 我局 and names itself short only inside its sentences (发挥市
    科技局…作用), completed by the place of its own site (“汕尾科技网”), else by the one place of
    that level whose government the text names, else — for a short name opening a clause on what
    it did (，县民政局坚持…) — by the place of that level the text names most: the one such name."""
    if "我局" not in simple:
        return None
    # (县民政局 with no site's place, and 清水县 the one county the text names: that place)
    named = {
        place + _SHORT_FORMS.get(m["short"], m["short"])
        for m in _SHORT_ANYWHERE.finditer(simple)
        # (在县委、县政府的正确领导、县政务和大数据局的具体指导下，我局…: the body guiding it)
        if not _GUIDING.match(simple, m.end())
        and (
            place := ((site := _site_place(simple, m["short"])) and site + m["level"])
            or _one_place(simple, m["level"])
            # (，县民政局坚持…: the short name opening a clause on what it did — not 城市管理
            # 行政执法局 read as 市管理…局, nor 县政务和大数据局的指导下, another body)
            or (
                not re.match(r"[\u4e00-\u9fff]", simple[m.start() - 1 : m.start()])
                and _DOING.match(simple, m.end())
                and _dominant(_places(simple, m["level"]))
            )
        )
    }
    return named.pop() if len(named) == 1 else None


# 省体育局, 区司法局, 市人防办: a body by its level and kind, anywhere in a sentence
_SHORT_BODY = re.compile(
    rf"(?:(?<![\u4e00-\u9fff])|(?<=[{_PLACE_LEAD}立]))(?P<level>[省市区县])"
    r"(?P<short>[\u4e00-\u9fff]{1,8}?(?:局|厅|委员会|委(?!会)|办公室|办(?!公)))"
)
# short names of a government's offices and of the bodies that steer disclosure work: a
# report cites them whoever wrote it
# (…and words run into a name: 全县公安机关在县委)
_NOT_OWN_SHORT = re.compile(
    r"政府|政务公开|党|人大|政协|纪委|领导小组|机关|[在由向对于的是为从将把被了]"
    # (全市共办结…: a sentence's verb, not a body's name)
    r"|^[共已均并都总另]"
)


def _short_in_its_division(simple: str) -> str | None:
    """The last resort for a report that names itself short only (2012年省体育局…, 区司法局在
    区委区政府坚强领导下): the one short name of a body the text gives, under the one division of
    the list of that level it names (湖南省 → 湖南省体育局); None when either is not one."""
    shorts = set()
    for m in _SHORT_BODY.finditer(simple):
        level, short = m["level"], m["short"]
        # (市场监督管理局: 市 of 市场, no level; 市外侨办 a short form all the same)
        no_level = short[0] in _NOT_LEVEL_AFTER and short not in _SHORT_FORMS
        if no_level or _NOT_OWN_SHORT.search(short) or _GUIDING.match(simple, m.end()):
            continue
        shorts.add((level, _SHORT_FORMS.get(short, short)))
    if len(shorts) != 1:
        return None
    level, short = shorts.pop()
    county, above = _divisions_named(simple)
    pool = county if level in "区县" else above if level == "省" else county | above
    places = {p for p in pool if p.endswith(level)}
    return places.pop() + short if len(places) == 1 else None


# words that stand where a site's place would (中国审计网, 政府信息网): no place
_NOT_SITE_PLACE = re.compile(
    rf"中国|全国|国家|人民|政府|政务|信息|门户|官方|我|本|{_SETTING_UP}|建立"
)
# what ends the words before a site's place (把盘锦审计网, “汕尾科技网”)
_SITE_PLACE_FRONT = re.compile(rf"[^\u4e00-\u9fff]|[{_PLACE_LEAD}]")


def _site_place(simple: str, short: str) -> str | None:
    """The place of a short name's own site (市审计局 and 盘锦审计网, 市科技局 and “汕尾科技网”):
    the one place written before the name's field and 网; None when the text has none or two."""
    field = re.sub(r"(?:局|委员会|委)$", "", short)
    if len(field) < 2 or field == short:
        return None
    found = set()
    # (九江科技局门户网站: the field, its body's word, then the site)
    for m in re.finditer(
        rf"{field}(?:局|委)?(?:门户)?网(?!站)|{field}(?:局|委)(?:门户)?网站", simple
    ):
        place = _SITE_PLACE_FRONT.split(simple[max(0, m.start() - 3) : m.start()])[-1]
        if len(place) >= 2 and not _NOT_PLACE.search(place) and not _NOT_SITE_PLACE.search(place):
            found.add(place)
    return found.pop() if len(found) == 1 else None
