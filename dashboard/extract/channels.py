"""Where a figure was published: the channel(s) some words name (`_where`), read with what the
whole report says (`_Report`: whose a bare 门户网站 is, the agency's own site names, its city),
the channel named earlier in a sentence (`_nearest`), and the channels of a 分别 list
(`_respective`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.domain.catalogue import Catalogue, ChannelReading
from dashboard.extract.numbers import _GROUP_END, _WORDS_REACH, NUMBER_RE, _bounds, _left_mark

# Another service number (“12333”人社服务热线, 12320卫生热线), not a count that starts with 12
_OTHER_HOTLINE = re.compile(
    r"(?<![0-9])12(?!345)[0-9]{3}(?![0-9])(?=[”\"」』]?[^，,。；;0-9]{0,8}(?:热线|服务|咨询|专线|平台))"
)
# “南京市栖霞区人民政府”网站: an agency's name in quotes before 网站 is that agency's site
_QUOTED_OWNER = re.compile(
    r"[“\"「『]([^”\"」』]{2,30}?(?:人民政府|政府|委员会|局|委|厅|办公室|中心))[”\"」』]"
    r"(?=(?:门户|官方)?(?:网站|官网|网))"
)
# (not “番禺政府网”微信公众号: an account named after the site)
_QUOTED_SITE = re.compile(
    # (“滨江区门户网站”: a district's portal by its place)
    # (“潼南区人民政府官网”: the government's official site, its portal)
    r"[“\"「『]([^”\"」』]{2,30}?(?:政府(?:门户)?(?:网站|官网)|[区市县]门户网站?))(?:[—\-－][^”\"」』]{2,24})?[”\"」』]"
    r"(?![^，,。；;]{0,4}(?:微信|微博|公众号|抖音|号))"
)
# 我局政府网站, 本局门户网站, 局政务网站: the agency's own site
# (市局互联网门户网站: a bureau's reports call it 市局, never a government's)
_OWN_SITE = re.compile(
    r"(?:(?:我|本)(?:局|委|厅|办|中心|单位)|(?:(?<![\u4e00-\u9fff])|(?<=[在过年的]))[市县区州]?局)"
    r"(?:互联网)?(?:政府|政务|门户|官方){0,2}(?:网站|官网|网)"
)
# the words name the government's portal (区政府网站, 政府门户网站), not a bare 门户网站 nor a
# bare 政府网站 — the name of any public body's site (州公安局通过政府网站…: its own, or whose?)
# 经开区互联网门户网站, 保税区政务网站, 新城门户网站: a site named by its zone
_ZONE_NAMED_SITE = re.compile(
    r"(?:开发区|高新区|经开区|新区|保税区|新城|园区|试验区)(?:互联网|政务)?(?:门户网|政务网)"
)
# 总局政府网站, 我局政府网站: a government site named by the agency's word for itself
_OWN_GOV_SITE = re.compile(r"(?:总局|本局|我局|本委|我委|本厅|我厅)政府(?:门户)?(?:网站|官网)")
_GOV_NAMED = re.compile(
    # (双兴镇人民政府信息网: a town government's site)
    r"(?:[区市县省州镇乡旗]|人民|[”\"」』])政府(?!信息)|政府门户|(?:[区市县镇乡旗]|人民)政府信息网"
    # 县政府信息公开平台 (the government's), not a bare 政府信息公开专栏 (whose?)
    r"|(?:[区市县省州镇乡旗]|人民)政府信息(?:公开)?(?:平台|专栏|专区|(?:管理)?系统|门户网站?)|政府信息公开网"
    # (衡山县党政门户网, 清流县信息门户网站, 青岛市政务网站: a place's portal by other words)
    r"|(?<!开发)(?<!高新)(?<!园)[区市县省州](?:党政|信息)?门户网|(?<=[区市县])政务网站"
    # (区官网公开…信息235条: the district's official site)
    r"|(?<![局委办厅心镇乡])(?<!片区)(?<!园区)(?<!开发区)(?<!新区)(?<=[区市县])官网"
    # 盟行署门户网站, 地区行政公署网站: a league's or prefecture's government (行政公署)
    r"|(?:行署|行政公署)(?:门户)?网"
    # (依托政府网站集约化平台: the platform the government's sites are built on, its portal's)
    r"|政府(?:网站)?(?:集约化|统一管理)平台"
    # 在政务公开平台: the government's, not 各级政务公开平台 (+6 right, none wrong, all sets)
    # nor 各类政务公开平台, 多个…: several, of which the government's is one
    r"|(?<![局委办厅心级类种个])政务公开平台"
    # 政府信息公开平台, 信息公开网: the government's disclosure platform (not 局信息公开网);
    # 福田政府在线: a district's portal by its name
    # (通过政府信息公开门户网站: the government's disclosure portal — 3 labels of 4)
    r"|(?<![局委厅办])政府(?:网站)?信息公开(?:统一)?平台(?!建设)|(?<![局委厅办])政府信息公开门户网|(?<![局委厅办门])信息公开网(?!站?[^，,。；;]{0,2}栏)|政府在线"
    # 市信息公开平台, 政府公开网, 首都之窗 (Beijing's portal)
    r"|(?<![\u4e00-\u9fff])[区市县省州]信息公开(?:平台|网)|(?<=[在过])[区市县省州]信息公开(?:平台|网)"
    r"|政府公开网|首都之窗|政务公开(?:信息)?网"
    # (长治市文化和旅游局信息公开平台, 我局信息公开平台: the body's part of the government's
    # disclosure platform, as the labels take it)
    r"|(?<=[局委厅办])信息公开平台"
    # (省政府信息公开目录管理系统: the government's catalogue of disclosed information)
    r"|政府信息公开目录(?:管理)?系统|(?<=[过在于])[区市县]官方网站"
)
# “巴彦淖尔市政务公开”: a place's disclosure platform by its name; 县人民政府外网: its public site
_NAMED_DISCLOSURE_PLATFORM = re.compile(
    # (“诸暨市政府信息公开”网站: the same, by the government's disclosure)
    r"[“\"「『]([^”\"」』]{2,12}?[区市县省州旗盟])(?:政务公开|政府信息公开)(?:平台|网)?[”\"」』]"
)
_GOVERNMENT_OUTER_SITE = re.compile(r"(?<=政府)外网")
# an app, alone or among other channels (where it stands for new media)
_APP = re.compile(r"APP|App|app|客户端")
_APP_JOINED = re.compile(rf"[、和及与][^、和及与，,。；;]{{0,10}}(?:{_APP.pattern})")
_APP_AMONG_OTHERS = re.compile(r"网|微信|微博|公众号|抖音|媒体|平台|[、和及与]")
# 我局网站广州金盾网: the report names its own site; “廣州金盾網” later is that site
_OWN_SITE_NAME = re.compile(
    r"(?:我|本)(?:局|委|厅|办|中心|单位)(?:门户|官方)?(?:网站|官网)[“\"「『]?"
    r"(?P<name>[\u4e00-\u9fff]{2,12}?网)(?![\u4e00-\u9fff])"
)
# 其他媒体平台, 其他方式, 政府公报: no channel the catalogue has
_NO_CHANNEL = re.compile(
    r"其他(?:媒体|方式|渠道|平台|途径|形式|网站)|公报|其他[^，,。；;0-9]{0,2}(?:广播|报纸|电视|报刊)"
    r"|微信(?:工作)?群"
)
_PORTAL_SUB_SITE = re.compile(r"(政府(?:门户)?网站?)([^，,。；;、]{0,12}?)子(?:网站|站点|站)")
# 在重庆市地质灾害综合防治信息系统中发布: a field's own system alone, no channel of the catalogue
# (beside a site it is one more way: 区政府网站、国家企业信用信息系统 — the total)
_FIELD_SYSTEM = re.compile(r"(?<!政府)(?<!政务)(?<!公开)信息系统")
_OWN_NEWS = re.compile(r"新闻(?=发布|发言|通稿|稿|动态|信息|中心)")
# 在网站和微信平台: a website no name tells
_BARE_SITE = re.compile(r"(?:^|(?<=[在和及与、过]))网站(?!群)")
# portals the report names with their owner, anywhere: 区政府门户网站 (the government's);
# 亳州市教育局门户网站, 《甘肃省教育厅》门户网站, 我局政府网站 (the agency's own)
_OWNED_SITE = re.compile(
    r"(?P<gov>政府)[”\"》」』]?(?:门户网|官网)"
    r"|(?P<own>局|委|厅|办|中心|委员会|单位)[”\"》」』]?(?:门户网|政府(?:门户)?网站|官网)"
)
_ZONE_SITE = re.compile(
    # (开发区政务网站: the zone's own)
    r"(?:管委会|管理委员会|开发区|经开区|高新区|园区|产业园)(?=(?:政府|政务)?(?:门户|官方)?(?:网站|官网))"
    r"(?:政府|政务)?(?:门户|官方)?"
)
_MEDIA_LEVEL = re.compile(r"(国家|中央|省|市|县|区)级(?:及以上|以上)?(?:主流|新闻|各类)?媒体")
# A list of ways (通过门户网、政务微博微信及新闻发布会等方式): the figure after it is the total
_OTHER_WAYS = re.compile(
    r"(?:和|及|与|、|以及)其[他它][^，,。；;]{0,8}(?:渠道|方式|途径|平台|载体|媒介|形式)"
    # (通过线下政务公开专栏、政务公开专区和线上政务服务平台相结合的方式: several ways together)
    r"|相结合的?(?:方式|形式|渠道)"
)
_SITE_AND_COLUMN = re.compile(
    r"(?:网站|门户网)[、和及与](?:本?单位|本?部门|本局|局|机关)?(?:政务|政府)?(?:信息)?公开(?:专栏|栏)"
)
_GOVERNMENT_ADDRESS = re.compile(
    r"人民政府\s*[（(]\s*(?:网址[：:]?)?(?:https?://)?[A-Za-z0-9][A-Za-z0-9.\-/_]*\.gov\.cn/?\s*[）)]"
)
# mentions that are no channel of the catalogue: a bare 网站, new media in general, other ways
_KINDLESS = ("website", "new_media", "other_ways")
_PROVINCE_PORTAL = re.compile(
    r"[“\"「『]?中国[·・•]?(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东"
    r"|海南|四川|贵州|云南|陕西|甘肃|青海|宁夏|新疆|西藏|内蒙古|广西)[”\"」』]?(?=门户网站|网站|网|政府网)"
)
# “中国永嘉”门户网站, 中国惠山网站, 中国温州政府网: a city's or county's portal by the name
# governments give it (not 中国政府网, the State Council's, nor a field's site: 中国林业网)
_PLACE_PORTAL = re.compile(
    r"[“\"「『]?中国[·・•]?(?!政府|林业|海事|新闻|经济|日报|青年|文明|教育|法院|检察|人大|政协|气象"
    r"|税务|海关|农业|水利|交通|质量|环境|知网|移动|联通|电信|银行|网信|警察|消防|邮政|铁路|民航"
    r"|科技|卫生|文化|体育|旅游|商务|政务|共产党|人民|国际|互联|搜索)"
    r"[\u4e00-\u9fff]{2,3}[”\"」』]?(?=门户网站?|网站|政府网|政务网站)"
)
# (微信公众号等宣传平台: the list's kind said with what it is for)
# (宿城区政府网站等公开渠道: the ways said by what they do)
_LISTED = re.compile(
    r"等(?:各类|各种|多种|多元|自媒体|新媒体|政务)?(?:宣传|发布|信息公开|公开|信息)?"
    r"(?:方式|渠道|平台|形式|途径|载体|媒介|媒体)"
    # (利用电子屏、公告栏等主动公开: ways listed, 等 right before the verb)
    r"|等(?=\s*(?:主动)?(?:公开|发布))"
)


@dataclass(frozen=True, slots=True)
class _Report:
    """What the whole report says that a figure's own clause may leave out."""

    year: int | None
    portal_owner: str | None  # whose a bare 门户网站 is (a channel id), when the report says
    city: str | None  # the agency's city: “中国杭州” is the portal of 杭州市's government
    own_sites: tuple[str, ...] = ()  # names the report gives its own site (广州金盾网)
    hr: bool = False  # an HR bureau: an 人社局网站 is its own site
    field: str | None = None  # the agency's field (民政 of 江苏省民政厅): 江苏民政网 is its site
    government: bool = False  # a government or its general office: a bare 门户网站 is its portal
    zone: bool = False  # a development zone's committee: 开发区门户网站 is its own site
    # the committee's office, or a body inside the zone (济宁太白湖新区市场监督管理局):
    # 管委会门户网站 is its government's portal, as a government office's 县政府门户网站 is
    zone_portal: bool = False
    # the agency's name without its place when it holds a channel's word (文化广电新闻出版局)
    media_name: str | None = None
    district: bool = False  # a district's or county's body: 市…局网站 is a body's above it
    # the report's own patterns, compiled once (`_where` runs for every number of the text):
    # its own sites' names, the sites named after its field, its city's portal by other names
    own_site_re: re.Pattern[str] | None = None
    field_body_re: re.Pattern[str] | None = None
    field_net_re: re.Pattern[str] | None = None
    city_portal_re: re.Pattern[str] | None = None
    # the portal of a place the agency's name holds, by the place's short name (崇明门户网站 in
    # 上海市崇明区东平镇's report)
    place_portal_re: re.Pattern[str] | None = None


def _report_context(text: str, agency: str | None, year: int | None) -> _Report:
    """The report's year, whose its bare 门户网站 is, and its agency's city."""
    owners = {"gov_portal" if m["gov"] else "dept_site" for m in _OWNED_SITE.finditer(text)}
    government = bool(agency and re.search(r"人民政府(?:办公室|办公厅)?$|政府办公室$", agency))
    # (not 常州工商行政管理局高新区分局: a bureau in the zone)
    zone = bool(
        agency
        and re.search(
            r"(?:开发区|经开区|高新区|管委会|管理委员会|园区|产业园|管理区)"
            r"(?:[(（][^()（）]{1,10}[)）])?(?:管委会|管理委员会)?(?:党政)?(?:办公室)?$",
            agency,
        )
    )
    zone_office = zone and bool(re.search(r"(?:管委会|管理委员会)办公室$", agency or ""))
    # (济宁太白湖新区市场监督管理局, not 阿拉善高新技术产业开发区乌兰布和生态沙产业示范区: a zone
    # itself)
    in_zone = bool(
        not zone
        and not government
        and re.search(r"(?:新区|开发区|高新区|经开区|示范区|管理区)[\u4e00-\u9fff]", agency or "")
        and not re.search(r"(?:新区|示范区)$", agency or "")
    )
    if government or zone_office:
        owners = {"gov_portal"}
    # (not 新疆维吾尔自治区市场监督管理局: 市场 is no city)
    city = re.match(
        r"(?:[\u4e00-\u9fff]{2,3}省)?(?P<city>[\u4e00-\u9fff]{2,3}?)市(?!场)", agency or ""
    )
    own_sites = tuple(dict.fromkeys(m["name"] for m in _OWN_SITE_NAME.finditer(text)))
    own_sites += _own_name_sites(agency, government)
    field = _field(agency)
    return _Report(
        year,
        owners.pop() if len(owners) == 1 else None,
        city and city["city"],
        own_sites=own_sites,
        government=government,
        hr=bool(agency and re.search(r"人力资源和社会保障|人力社保|人社", agency)),
        field=field,
        media_name=_media_name(agency),
        zone=zone and not zone_office,
        zone_portal=zone_office or in_zone,
        district=bool(
            # (not 新疆维吾尔自治区市场监督管理局: a region's 区)
            agency and re.search(r"[\u4e00-\u9fff]{2,}(?<!自治)[区县旗][\u4e00-\u9fff]{2,}", agency)
        ),
        own_site_re=_own_site_re(own_sites),
        field_body_re=field
        and re.compile(
            # (贵州司法行政门户网站, a 司法厅's: its field's 行政 after it)
            rf"[省市县区州]?{field}(?:行政)?(?:局|厅|委员会|委)?(?:互联网)?(?:门户|官方|政府|政务)?"
            r"(?=网站|官网)"
        ),
        field_net_re=field
        and re.compile(
            # (厦门司法行政网: a 司法局's, its field's 行政 after it)
            rf"(?:[\u4e00-\u9fff]{{2,3}})?{field}(?:行政)?(?:信息|政务)?网(?!站)"
            # (通过“宿迁档案”网站: a site named after the field, in quotes)
            rf"|[“\"「](?:[\u4e00-\u9fff]{{2,3}})?{field}[”\"」]网站"
        ),
        city_portal_re=city
        and re.compile(
            # (“中国·合肥”: its quotes go too, or the name would be set aside as an account's)
            rf"[“\"「『]?中国[·・•]?{city['city']}(?:[”\"」』](?=(?:主动)?(?:公开|发布)|$))?"
            rf"(?=[”\"」』]?(?:门户网站|网站|网|和|及|与|、|同步|上|公开|发布|主动|$))"
        ),
        place_portal_re=_place_portal_re(agency),
    )


def _place_portal_re(agency: str | None) -> re.Pattern[str] | None:
    """The short names of the places the agency's name holds (上海, 崇明 of 上海市崇明区东平镇),
    right before 门户网站 or 政府网 (在荔湾政府网上 in a street office of 荔湾区): that place's
    government portal."""
    places = {m[1] for m in re.finditer(r"([\u4e00-\u9fff]{2,3}?)[市区县](?!场)", agency or "")}
    places.discard("自治")
    if not places:
        return None
    names = "|".join(sorted(map(re.escape, places), key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[过在于、和及与的“\"]))(?:{names})(?:门户网站?|政府网站?)")


def _own_site_re(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the report's own sites' names, in quotes or not: the names in the order
    given (the text's own first), as they were replaced one after another."""
    if not names:
        return None
    return re.compile("|".join(rf"[“\"「『]?{re.escape(name)}[”\"」』]?" for name in names))


def _own_name_sites(agency: str | None, government: bool) -> tuple[str, ...]:
    """A body's site called by its own full name (海南省地震局政府网站, 市园林绿化局门户网站);
    a government's is its portal, read as such."""
    if agency is None:
        return ()
    sites = ("政府门户网站", "政府网站", "门户网站", "官方网站", "网站", "官网")
    # (全年通过管委会网站主动公开政府信息3089条 in a zone's (its committee's) own report: its own
    # site, by the word for the committee — in another body's report, the zone's portal)
    if re.search(
        r"(?:开发区|示范区|管理区|新区|高新区|园区|保税区|试验区)(?:人民政府)?$", agency
    ) or (re.search(r"管委会$|管理委员会$", agency) and not government):
        return tuple(f"{name}{site}" for name in ("管委会", "管理委员会") for site in sites)
    if government:
        return ()
    # 桃园街道办事处网站 in 平原县桃园街道办事处's report: a street office's site by its own
    # name, without the places before it (a bureau's, 统计局网站, may be any 统计局's)
    street = re.search(r"(?<=[省市县区旗州])([\u4e00-\u9fff]{2,6}?街道(?:办事处)?)$", agency)
    if street:
        return tuple(f"{name}{site}" for name in (agency, street[1]) for site in sites)
    if not re.search(r"[局委厅办]$|办公室$|中心$", agency):
        return ()
    # (潜江市生态环境局政府门户网站: its own, by its full name, however the site is called)
    return tuple(f"{agency}{site}" for site in sites)


_PRESS_NAME_WORDS = ("新闻", "广播", "电视", "广电", "出版")
_PRESS_BODY = re.compile(
    rf"[\u4e00-\u9fff]{{0,6}}?(?:{'|'.join(_PRESS_NAME_WORDS)})[\u4e00-\u9fff]{{0,6}}?"
    r"(?:局|厅|委员会|(?<=新闻)办|办公室|总署)(?![\u4e00-\u9fff]{0,2}(?:网|号|台|报))"
)


def _media_name(agency: str | None) -> str | None:
    """The name of a body whose words name a channel (牡丹江市文化广电新闻出版局 → 文化广电新闻
    出版局): in its own report the name is the agency, not the press."""
    found = re.fullmatch(
        r"(?:[\u4e00-\u9fff]{1,8}?[省市区县州旗])*(?P<core>(?![省市区县州旗])[\u4e00-\u9fff]{2,14}"
        r"(?:局|厅|委员会|委|办公室|中心|总署|署|台))",
        agency or "",
    )
    if found is None or not re.search(r"新闻|广播|电视|广电|出版|媒体", found["core"]):
        return None
    return found["core"]


def _field(agency: str | None) -> str | None:
    """The field a bureau is named after (江苏省民政厅 → 民政, 杭州市教育局 → 教育), or None for a
    government, an office or a name that does not read so."""
    found = re.fullmatch(
        # (湖州市水利局: 州 of 湖州 is no level, the field does not start at 市)
        r"(?:[\u4e00-\u9fff]{1,8}?[省市区县州旗])+(?P<field>(?![省市区县州旗])[\u4e00-\u9fff]{2,4}?)"
        # (宿迁市档案馆: an archive, named after its field too)
        r"(?:局|厅|委员会|馆)",
        agency or "",
    )
    if found is None or re.search(r"政府|办公|管理区|开发区", found["field"]):
        return None
    return found["field"]


@dataclass(frozen=True, slots=True)
class _Where:
    """Where a figure was published, as some words say."""

    channel: str | None = None  # the one channel named
    mentioned: tuple[str, ...] = ()  # every channel named (a bare 网站 as "website")
    confidence: float = 1.0  # of the reading, times the rule's
    reason: str | None = None  # why the words give no channel that can be trusted
    listed: bool = False  # the words list ways to publish (…等方式)


# 其余政府信息网站发布12条: the sites left over after those counted, not the one named
# (其余信息通过微信公众号发布20条: the items left over, on a channel named)
_LEFT_OVER = re.compile(
    r"\s*(?:通过|在)?(?:其余|剩余|余下)(?:的)?(?!(?:政府)?信息(?!网)|内容)\D{0,8}?网"
)


def _where(words: str, catalogue: Catalogue, report: _Report) -> _Where:
    """The channel(s) some words name, with the report's own names for its sites read."""
    if _LEFT_OVER.match(words):
        return _Where(reason="the channels left over (其余)")
    plain = _QUOTED_OWNER.sub(r"\1", words)
    # “高淳区人民政府门户网站”: a site's full name in quotes reads as the name itself
    plain = _QUOTED_SITE.sub(r"\1", plain)
    if report.own_site_re is not None:
        plain = report.own_site_re.sub("本局网站", plain)
    plain = _OWN_SITE.sub("本局网站", plain)
    # 自媒体 is new media; 入口网站 (a portal, in Taiwan's words) and an agency's 政务外网 are sites
    plain = plain.replace("自媒体", "新媒体").replace("入口网站", "门户网站")
    plain = plain.replace("政务外网", "网站")
    # 区政府信息公开发布平台: the disclosure platform, by a longer name
    plain = plain.replace("信息公开发布平台", "信息公开平台")
    # 在“巴彦淖尔市政务公开”: a place's disclosure platform, by its name, is its portal
    plain = _NAMED_DISCLOSURE_PLATFORM.sub(r"\1政府门户网站", plain)
    # 县人民政府外网: the government's public site
    plain = _GOVERNMENT_OUTER_SITE.sub("门户网站", plain)
    # 青岛政务网, 石柱县人民政府公众信息网: a government's portal by other names
    plain = re.sub(r"(?<!部门)政务网(?!站)", "政府门户网站", plain)
    plain = plain.replace("政府公众信息网", "政府门户网站")
    # 通过广昌县人民政府(http://www.jxgc.gov.cn): a government named with its site's address
    plain = _GOVERNMENT_ADDRESS.sub("人民政府门户网站", plain)
    # 萧山政府网微博公众号, 萧山政府网微信公众号: an account named after the site, not the site
    # (and a 微博公众号 is a Weibo account, not a WeChat one)
    # (政府网站微信公众号更新量: the site's own account, the same)
    # (“中国兴化政府网”微信公众号: the account's name in quotes)
    plain = re.sub(r"(?:政府)?网站?(?=[”\"」』]?(?:官方)?(?:微博|微信|公众号))", "", plain)
    plain = plain.replace("微博公众号", "微博")
    # 区政府门户网站大石街道子站点, 璧山区人民政府网站子站: a body's sub-site on the government's
    # portal, the portal's (the labels, 6 of 6 — not 本局子网站, 区交通运输委子网站: its own)
    plain = _PORTAL_SUB_SITE.sub(r"\1\2", plain)
    # 县政府信息网站, 区人民政府政务公开网站: the government's portal
    plain = re.sub(r"(?<=政府)(?:信息|政务公开|信息公开)网站", "门户网站", plain)
    # 管委会门户网站, 开发区门户网站: a zone's own site (in its own report)
    if report.zone:
        plain = _ZONE_SITE.sub("本局网站", plain)
    elif report.zone_portal:
        plain = _ZONE_SITE.sub("政府门户", plain)
    # 省水利厅网站, 市水务局官网: the site of a body of the agency's field is its own;
    # 江苏民政网: a site named after the agency's field is its own
    if report.field_body_re is not None and report.field_net_re is not None:
        plain = report.field_net_re.sub("本局网站", report.field_body_re.sub("本局", plain))
    if report.media_name:
        plain = plain.replace(report.media_name, "本局")
    # (区文化新闻出版局累计公开…, 市新闻办: a body named after the press, not the press; the
    # plain test spares the regex on the words of every other number)
    if any(word in plain for word in _PRESS_NAME_WORDS):
        plain = _PRESS_BODY.sub("某局", plain)
    # (其他媒体, 其他网站 alone name no channel; 门户网站和其他信息公开渠道 is read below)
    other = _OTHER_WAYS.search(plain)
    after_channels = other is not None and re.search(
        r"网|平台|微信|微博|媒体", plain[: other.start()]
    )
    # 通过省政府门户网站、《广东省人民政府公报》及官方微博微信等: a gazette among the channels
    # listed — all of them, the total
    gazette_among = bool(
        re.search(r"公报", plain)
        and re.search(r"[、及和与]", plain)
        and re.search(r"网站|微博|微信|新媒体|网", plain.replace("公报", ""))
        and not re.search(r"其他|微信(?:工作)?群", plain)
    )
    if _NO_CHANNEL.search(plain) and not after_channels and not gazette_among:
        return _Where(reason="doubtful channel")
    if _FIELD_SYSTEM.search(plain) and not re.search(r"[、和及与]", plain):
        return _Where(reason="doubtful channel")
    # 在大美仁寿APP公开发布内容26条: an app alone, a channel the catalogue has no name for (in a
    # list of channels it stands for new media)
    if _APP.search(plain) and not _APP_AMONG_OTHERS.search(plain):
        return _Where(reason="doubtful channel")
    # “中国·合肥”: the city government's portal
    if report.city_portal_re is not None:
        plain = report.city_portal_re.sub(f"{report.city}市政府门户网站", plain)
    # “中国河北”门户网站: a province's portal by its other name
    plain = _PROVINCE_PORTAL.sub("省政府门户网站", plain)
    plain = _PLACE_PORTAL.sub("市政府门户网站", plain)
    # 新闻发布会, 新闻通稿, 新闻动态: the agency's own news, not the press
    plain = _OWN_NEWS.sub("    ", plain)
    reading: ChannelReading = catalogue.read_channel(plain)
    mentioned = list(reading.mentioned)
    if _BARE_SITE.search(plain):
        mentioned.append("website")
    # 天津科技政务网站、政务微博: a site the catalogue has no name for, beside channels it has;
    # 市政府网站、政务新媒体等: new media in general beside them
    if re.search(r"[、和及与]", plain):
        kinds = {catalogue.channels[c].kind for c in mentioned if c in catalogue.channels}
        if mentioned and "website" not in kinds and "website" not in mentioned and "网站" in plain:
            mentioned.append("website")
        if mentioned and "new_media" not in kinds and re.search(r"新媒体|客户端|APP", plain):
            mentioned.append("new_media")
        # 通过诸暨发布微信公众号和西施眼APP客户端发布37条: an account and an app, together
        elif mentioned and _APP_JOINED.search(plain):
            mentioned.append("app")
    # 通过门户网站和其他信息公开渠道: a channel and every other way — the whole output
    if mentioned and (_OTHER_WAYS.search(plain) or gazette_among):
        mentioned.append("other_ways")
    listed = bool(_LISTED.search(plain)) or "other_ways" in mentioned
    if listed and len(mentioned) == 1 and _unnamed_way_listed(plain, catalogue):
        # 通过政府门户网、电子屏等多种形式: a channel and a way the catalogue has no name for,
        # listed together — the whole output
        mentioned.append("other_ways")
    if len(mentioned) == 1 and _SITE_AND_COLUMN.search(plain):
        # 通过政府门户网站、单位政务公开专栏公开: the site and the agency's own board or column,
        # which no channel is named for — both ways, the total (the labels, 4 to 1)
        mentioned.append("other_ways")
    if len(mentioned) > 1:
        return _Where(None, tuple(mentioned), listed=listed)
    if reading.channel is None:
        return _Where(mentioned=tuple(mentioned), listed=listed)
    channel = reading.channel.id
    if channel == "gov_portal" and _OWN_GOV_SITE.search(plain):
        # 总局政府网站, 我局政府网站: the agency's own site, by the word the report calls it
        return _Where("dept_site", ("dept_site",), 0.85, listed=listed)
    if channel == "gov_portal" and not _GOV_NAMED.search(plain):
        # a bare 门户网站: whose the report says elsewhere (亳州市教育局门户网站 → its own)
        if "门户网" in plain and report.portal_owner:
            return _Where(report.portal_owner, (report.portal_owner,), 0.85, listed=listed)
        # 通过大连高新区门户网站, 在保税区政务网站: a site named by its zone and not read as the
        # zone committee's own above — the zone's government portal (the labels since blind17
        # read it so, 6 to 1; in a committee's own report its 开发区门户网站 stays its own site,
        # as the older sets label it, 7 to 2)
        if _ZONE_NAMED_SITE.search(plain):
            return _Where("gov_portal", ("gov_portal",), 0.85, listed=listed)
        # 通过崇明门户网站 in a town of 崇明区: its district's portal, by the place's short name
        # (在荔湾政府网上 in a street office of 荔湾区 too)
        if report.place_portal_re is not None and report.place_portal_re.search(plain):
            return _Where("gov_portal", ("gov_portal",), 0.85, listed=listed)
        if "门户网" not in plain and "政府网" in plain:
            # a bare 政府网站, even in a government's own report or one naming a government's
            # site elsewhere: the labels of every blind set leave it out (11 to 3)
            return _Where(reason="doubtful channel (whose government site?)")
        return _Where(reason="doubtful channel (门户网站 of whom?)")
    if channel == "hrss_site" and report.hr:  # an HR bureau's own site
        channel = "dept_site"
    return _Where(channel, (channel,), listed=listed)


def _unnamed_way_listed(plain: str, catalogue: Catalogue) -> bool:
    """Whether a list of ways before 等…形式 (渠道, 方式…) holds one that names no channel."""
    listed = _LISTED.search(plain)
    # (杭州日报、余杭晨报、网络和电视等媒体: the press by its papers' names, each a medium)
    if listed is None or listed[0].endswith(("媒体", "媒介")):
        return False
    items = re.split(r"[、和及与]", plain[: listed.start()])
    if len(items) < 2:
        return False
    # the first way is read from the verb that opens the list (利用电子屏、…), if one does
    opening = re.search(r"(?:通过|利用|依托|借助|运用)([^、和及与]*)$", items[0])
    ways = [opening[1], *items[1:]] if opening else items[1:]
    return any(
        item.strip() and not catalogue.read_channel(item).mentioned and not _BARE_SITE.search(item)
        for item in ways
    )


def _nearest(prior: str, catalogue: Catalogue, report: _Report) -> _Where | None:
    """The channel(s) named by the clause nearest before a figure in its sentence (`prior`)."""
    clauses = [c for c in re.split(r"[，,；;：:]", prior) if c.strip()]
    for at in range(len(clauses) - 1, -1, -1):
        where = _where(clauses[at], catalogue, report)
        if where.reason:
            return where
        if where.mentioned:
            # 通过门户网、政务微博微信，及新闻发布会…等方式: a list over two clauses
            if re.match(r"\s*(?:及|和|以及|并|与)", clauses[at]) and at > 0:
                both = _where(clauses[at - 1] + "、" + clauses[at], catalogue, report)
                return _Where(None, both.mentioned, listed=True)
            return where
    return None


def _new_media_only(channels: Sequence[str], catalogue: Catalogue) -> bool:
    """Whether channels are all new-media accounts (微信公众号、微博、抖音账号)."""
    return bool(channels) and all(
        c == "new_media" or (c in catalogue.channels and catalogue.channels[c].kind == "new_media")
        for c in channels
    )


def _site_and_more(channels: Sequence[str], catalogue: Catalogue) -> bool:
    """Whether channels are a website and channels of other kinds (new media, the press): the
    agency's whole output, where 报刊、微信公众号 alone is only a part of it."""
    kinds = {
        c if c in _KINDLESS else catalogue.channels[c].kind
        for c in channels
        if c in _KINDLESS or c in catalogue.channels
    }
    return "website" in kinds and len(kinds) > 1


@dataclass(frozen=True, slots=True)
class _Respective:
    """A number of a 分别 list (通过区门户网站、教体局微信公众号分别发布500余条)."""

    channels: tuple[str, ...]  # the channel(s) the number is for
    start: int  # where the list's words start (the quote)
    verb_start: int  # where the words after 分别 start, to the first number (the rule reads
    verb_end: int  # them: 分别发布信息300条、120条 — 发布信息 names both)


# 分别发布信息268、53条: the unit the list's last number carries, for the numbers before it
_LIST_UNIT = re.compile(r"(?:\s*[、和及与]\s*[0-9][0-9,.]*)+\s*(?P<unit>[条篇件个项次期])")


def _listed_numbers(text: str, start: int, stop: int) -> list[int]:
    """Where the numbers of a list between `start` and `stop` start: those with their unit, and
    those whose unit the list's last number carries (分别发布信息268、53条)."""
    return [
        m.start()
        for m in NUMBER_RE.finditer(text, start, stop)
        if m["unit"] or _LIST_UNIT.match(text, m.end(), stop)
    ]


def _respective(
    text: str, match: re.Match[str], catalogue: Catalogue, report: _Report
) -> _Respective | str | None:
    """The channels of a number after 分别: the i-th name with the i-th number, or every name
    with a single number; None when no 分别 comes before it in its clause."""
    group_start = _left_mark(text, match.start(), _GROUP_END, _WORDS_REACH)
    head = text[group_start : match.start()]
    at = head.rfind("分别")
    if at < 0:
        return None
    verb_start = group_start + at + 2
    _, stop = _bounds(text, match.start(), match.end(), _GROUP_END)
    numbers = _listed_numbers(text, verb_start, stop)
    if match.start() not in numbers:
        return "分别: not a figure of the list"
    names = [n for n in re.split(r"[、和及与]", head[:at]) if n.strip()]
    # 通过区政府网站、社区政务公开栏等，分别在…等领域主动公开政府信息71条: no names in its own
    # clause — 分别 spreads over the fields, and the clause before is read as for any figure
    if not names:
        return None
    channels: list[str | None] = []
    for name in names:
        where = _where(name, catalogue, report)
        # 在街道政务微博微信公开信息分别为459条和456条: one name run together from several
        # channels, which the numbers take in the order it names them
        fused = len(names) == 1 and len(where.mentioned) > 1
        if (
            fused
            and where.channel is None
            and not where.reason
            and all(c in catalogue.channels and c not in _KINDLESS for c in where.mentioned)
        ):
            channels.extend(where.mentioned)
            continue
        # (通过中心微信公众号、“福地E政务”小程序分别发布信息268、53条: the account's number is
        # read; the mini-program's, a platform with no channel, is not)
        channels.append(None if where.channel is None or where.reason else where.channel)
    named = [c for c in channels if c is not None]
    if len(set(named)) != len(named):
        return "分别: a channel named twice"
    # 通过政务微博、微信公开信息分别为459条和456条: no verb after 分别, the list's words say what
    # was done (and the channels are given apart)
    if not re.search(r"[^\s为是达有：:]", text[verb_start : numbers[0]]):
        verb_start = group_start
    if len(numbers) == 1 and None not in channels:
        return _Respective(tuple(named), group_start, verb_start, numbers[0])
    if len(numbers) == len(channels) > 1:
        channel = channels[numbers.index(match.start())]
        if channel is None:
            return "分别: a name that is not one channel"
        return _Respective((channel,), group_start, verb_start, numbers[0])
    if None in channels:
        return "分别: a name that is not one channel"
    return "分别: names and numbers do not pair"
