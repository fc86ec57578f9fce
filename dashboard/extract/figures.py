"""Find the figures of an annual report's text and name them with the catalogue.

Rule-based and cautious: a number is kept only when its clause names a metric by one of the
phrasings reports use (`RULES`), its words read with `parse_value`, and nothing around it says it
is something else (a date, a phone number, a law's number, a change, a cumulative figure). Every
other number goes to `skipped` with its reason: a wrong figure that looks right is worse than a
missing one.

A channel is read where the words put it (在门户网站发布…, 发布2436条微博), else from the sentence
before (微信公众号……；累计发布416条) or from what the report says elsewhere (whose a bare 门户网站
is); lists are read as reports mean them (通过A、B分别发布, A和B同步公开, 网站和微信平台 together).
Numbers written in words (三百余条) are read with cn2an.

The rules are written per kind of wording that reports of any agency use, not per sentence: a
structure count (六个部分), a negation (不同意公开), two things in one number (予以公开或部分公开),
items given on request (依申请公开文件), a kind of item that is not the total (部门财政预决算信息),
a list of channels after a figure (其中，微博12984条、抖音号628条). A figure the rules infer (a
channel read from the sentence before, a number without its unit) gets a lower confidence, so
the review table highlights it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from dashboard.domain.catalogue import Catalogue, ChannelReading
from dashboard.domain.facts import Fact
from dashboard.domain.problems import Problem, ProblemCode, Severity
from dashboard.domain.script import to_simplified
from dashboard.domain.values import UNITS, Qualifier, normalize_text, parse_value, plain_number

# Below this confidence a figure is left out (kept in `skipped`).
MIN_CONFIDENCE = 0.6

# 工单42单: a hotline's work orders, a counting word the upload format does not know; read
# here (not 单位, 单独…) and as 件 by parse_value
_EXTRA_UNITS = ("单",)
_UNIT_RE = (
    "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + r"|单(?![\u4e00-\u9fff])"
)
# Chinese number words (三百, 两千, 十二, 一万), read with cn2an. Only with a counting word after
# them (三百余条), never after 第/每/统/进… (第二十条, 统一, 进一步), and not when the counting
# word begins another word (一件事, 一次性): 一是, 二十大 and 十四五 are never figures.
_CN_NUM = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
# A number as reports write it: 约/近/超过 7,100.5 余 万 条 以上, or 三百余条. Digits glued to
# other digits or letters are never a figure start (look-behind). Pages and PDFs often set a
# space around digits (165 条, 85.4 万): one space before the words after them is read too.
NUMBER_RE = re.compile(
    rf"""(?<![0-9A-Za-z.\-/:])
    (?P<pre>超过|突破|逾|约|近|不足|不到|将近|接近|大约)?
    (?:(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)
      |(?<![第每逐统唯进同之任某几零〇一二两三四五六七八九十百千万亿])(?P<cn>{_CN_NUM}))
    (?:[\x20\u00a0\u3000]?(?P<post1>余|多))?
    (?:[\x20\u00a0\u3000]?(?P<mult>[万亿]))?
    (?P<post2>余|多)?
    (?:[\x20\u00a0\u3000]?(?P<unit>{_UNIT_RE}))?
    (?(cn)(?(unit)|(?!)))
    (?P<post3>以上|左右)?
    (?(cn)(?![事性龙式站体化级]))""",
    re.VERBOSE,
)
# Clause boundaries: a figure's naming words are within its clause.
_CLAUSE_END = re.compile(r"[。；;！!？?\n，,、：:]")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")

# What a number right after or before it says it is not a figure.
_DATE_AFTER = re.compile(r"^\s?(?:年|月|日|号|时|点|周岁|岁)")
_PHONE = re.compile(r"^[0-9]{3,4}-[0-9]{7,8}|^1[3-9][0-9]{9}$")
_LAW_BEFORE = re.compile(r"(?:第|令)$")
_CHANGE_BEFORE = re.compile(
    r"(?:同比|较上年|比上年|较去年|比去年|环比|增长|增加|下降|减少|提高|上升)[^，,。；;]{0,6}$"
)
_AVERAGE_BEFORE = re.compile(r"(?:日均|月均|周均|每日|每天|每月|平均每)[^，,。；;0-9]{0,12}$")
# 以县政府和县政府办公室名义印发…文件17件: documents issued in another body's name
_ON_BEHALF_BEFORE = re.compile(r"(?:委托|代为|代办)[^，,。；;0-9]{0,24}$")
# 以县政府和县政府办公室名义印发…文件17件: documents of two bodies together (以县市场监督管理局
# 名义 alone is the agency's own)
_SEVERAL_NAMES_BEFORE = re.compile(
    r"以[^，,。；;0-9]{1,20}[和及与、][^，,。；;0-9]{1,20}名义[^，,。；;0-9]{0,24}$"
)
_PART_BEFORE = re.compile(r"其中[，,：:]?[^，,。；;]{0,12}$")
# 其中公开通知公告6条、部门动态4条，…政府信息公开36条: a later item of the list 其中 opens (a
# counted item between 其中 and the figure), a part as much as the first
_PART_LIST = re.compile(r"其中[^。；;]*?[0-9]+\s*[条件篇个份][^。；;0-9]*$")
# 共制作政府信息3021条，其中主动公开信息1027条: a total of all information the agency made (the
# 2008 form's first line); what was published (主动公开) is a part of it and the year's total
_MADE_TOTAL = re.compile(
    r"(?:制作|产生|生成|获取)[^，,。；;0-9]{0,10}[0-9]+\s*条[，,]?\s*其中[，,：:]?\s*主动公开[^，,。；;]{0,10}$"
)
_YEAR_WORD = re.compile(r"^(?:19|20)[0-9]{2}$")
_ORDINAL_AFTER = re.compile(r"^(?:个|项|大类|类|次会|名|位|家|所|个百分点|倍|期|批)")
# 报告由…六个部分组成, 共6项内容, 第三章: how the report is built, not a count of the year
# (matched at a position: no ^)
_STRUCTURE_AFTER = re.compile(r"(?:个|项|大)?(?:部分|方面|章|节|板块|篇章)|项内容")


@dataclass(frozen=True, slots=True)
class Rule:
    """Words before (or after) a number that name its metric.

    `channel`: "read" — the channel is read from the clause (`Catalogue.read_channel`), None
    when none is named; "must" — as "read" but a figure without a channel is skipped; "default"
    — the metric's default channel; "hotline" — the 12345 hotline when the words name it, and
    no figure when they name another hotline (12333, 12320…: the catalogue has no channel for
    them); "none" — no channel.
    """

    metric: str
    before: re.Pattern[str]
    channel: str = "none"
    units: tuple[str, ...] = ()  # units the figure must carry when written with one
    after: re.Pattern[str] | None = None
    percent: bool = False
    confidence: float = 0.9
    category: str | None = None  # the catalogue category of the figure (文件 → documents)
    unless: re.Pattern[str] | None = None  # found anywhere in the full sentence: not this rule
    # found in the full sentence before the number: needed for this rule (申请 for 不掌握)
    needs: re.Pattern[str] | None = None
    handled: bool = False  # 办理…申请: received or completed as its sentence tells (_handled)


def _r(text: str) -> re.Pattern[str]:
    return re.compile(text)


# 发布…信息稿件158份, 收到…申请7份: 份 counts items and requests as 件 does
# (发布各类主动公开信息96件: 件 counts items too)
_PUBLISH_UNITS = ("条", "篇", "则", "期", "个", "篇次", "条次", "份", "件")
_REQUEST_UNITS = ("件", "件次", "宗", "份")
# 被行政复议5宗, 行政诉讼0宗
_CASE_UNITS = ("件", "起", "宗")
# 热线咨询7000余人次, 受理来电44790起
_HOTLINE_UNITS = ("件", "个", "条", "件次", "人次", "起", "次", "单")
# First match wins: the specific phrasings before the general ones.
RULES: tuple[Rule, ...] = (
    Rule("hotline_closure_rate", _r(r"办结率"), "hotline", percent=True),
    Rule("hotline_satisfaction_rate", _r(r"满意率|满意度"), "hotline", percent=True),
    Rule(
        "hotline_received",
        _r(
            r"(?:12345|热线)[^，,。]{0,12}(?:受理|交办|接收|收到)|(?:受理|接收|收到)[^，,。]{0,12}(?:12345|热线)"
        ),
        "hotline",
        units=_HOTLINE_UNITS,
    ),
    Rule(
        "hotline_received",
        _r(r"(?:12345|热线)[^，,。0-9]{0,10}$"),
        "hotline",
        units=_HOTLINE_UNITS,
    ),
    # outcomes of requests: 不同意公开 is refused, 同意全部公开 disclosed; 可以公开的,
    # 不掌握 and 信息不存在 only where the sentence is about requests (申请)
    Rule("requests_refused", _r(r"(?:不予公开|不同意公开)[^，,。0-9]{0,4}$"), units=_REQUEST_UNITS),
    Rule(
        "requests_disclosed",
        _r(r"(?:予以公开|(?<!不)同意(?:全部)?公开)[^，,。0-9]{0,4}$"),
        units=_REQUEST_UNITS,
    ),
    Rule(
        "requests_disclosed",
        _r(r"(?<![不无])可以公开的?[^，,。0-9]{0,2}$"),
        units=_REQUEST_UNITS,
        needs=_r(r"申请"),
    ),
    Rule("requests_partial", _r(r"部分公开[^，,。0-9]{0,4}$"), units=_REQUEST_UNITS),
    Rule("requests_unavailable", _r(r"无法提供[^，,。0-9]{0,4}$"), units=_REQUEST_UNITS),
    Rule(
        "requests_unavailable",
        _r(r"(?:不掌握[^，,。0-9]{0,8}|信息不存在|不存在)[^，,。0-9]{0,2}$"),
        units=_REQUEST_UNITS,
        needs=_r(r"申请"),
        # …属于保护第三方合法权益73件，…本机关不掌握相关政府信息30件: the reasons a
        # sentence lists one by one, of which 不掌握 is one, not the outcome's total
        unless=_r(r"(?<!不)属于[^，,。；;0-9]{2,16}[0-9]+\s*[件宗]"),
    ),
    Rule("requests_not_processed", _r(r"不予处理[^，,。0-9]{0,4}$"), units=_REQUEST_UNITS),
    Rule("requests_other", _r(r"其他处理[^，,。0-9]{0,4}$"), units=_REQUEST_UNITS),
    Rule(
        "requests_new",
        _r(
            r"(?<!复议|诉讼)(?:收到|受理|新收|接收|接到)[^，,。0-9]{0,16}(?:申请|依申请)[^，,。0-9]{0,16}$"
        ),
        # 收到依申请公开17条, 收到…申请4次, 收到申请总数为1起: the counting word as written
        units=(*_REQUEST_UNITS, "个", "项", "例", "条", "次", "起"),
    ),
    Rule(
        "requests_new",
        _r(r"(?:收到|受理|新收|接收|接到)$"),
        after=_r(r"^(?:政府信息)?(?:依申请|公开申请|信息公开申请)"),
        units=(*_REQUEST_UNITS, "个", "项", "例"),
    ),
    # 2020年度和平街道发生依申请公开1次: requests that came in
    Rule(
        "requests_new",
        _r(r"发生[^，,。0-9]{0,4}(?:依申请公开|信息公开申请|公开申请)[^，,。0-9]{0,4}$"),
        units=(*_REQUEST_UNITS, "次", "例"),
    ),
    Rule("requests_completed", _r(r"办结[^，,。0-9]{0,20}$"), units=(*_REQUEST_UNITS, "项")),
    # 答复政府信息公开申请226件, 已完成依申请公开申请1件: requests answered
    Rule(
        "requests_completed",
        _r(r"(?:答复|完成)[^，,。0-9]{0,12}申请[^，,。0-9]{0,4}$"),
        units=(*_REQUEST_UNITS, "项"),
    ),
    # 办理政府信息公开申请7件: what came in or what was handled, as the sentence tells
    # (`_handled`) — unless it gives 办结 apart (共办理申请74件，办结71件)
    Rule(
        "requests_new",
        _r(r"(?<![转续])办理[^，,。0-9]{0,12}申请[^，,。0-9]{0,4}$"),
        units=(*_REQUEST_UNITS, "项"),
        confidence=0.8,
        unless=_r(r"办结"),
        handled=True,
    ),
    Rule(
        "requests_completed",
        _r(r"(?<![转续])办理[^，,。0-9]{0,12}申请[^，,。0-9]{0,4}$"),
        units=(*_REQUEST_UNITS, "项"),
        confidence=0.8,
        unless=_r(r"办结"),
        handled=True,
    ),
    Rule(
        "requests_completed",
        _r(r"^$"),
        after=_r(r"^[^，,。]{0,14}申请[^，,。]{0,6}(?:均|全部|已)?[^，,。]{0,4}(?:按时|依法)?办结"),
        units=("件", "件次"),
    ),
    # …收到申请6件，6件均按时答复: a clause that opens on the number of requests answered
    Rule(
        "requests_completed",
        _r(r"^$"),
        after=_r(r"^(?:均|全部)(?:已|已经)?[^，,。；;0-9]{0,12}(?:答复|办结)"),
        units=("件", "件次"),
        needs=_r(r"申请"),
    ),
    Rule("appeal_review", _r(r"行政复议[^，,。0-9]{0,6}$"), units=_CASE_UNITS),
    Rule("litigation_cases", _r(r"行政诉讼[^，,。0-9]{0,6}$"), units=_CASE_UNITS),
    # 发生2起关于政府信息公开的行政诉讼案件: the number before its noun
    Rule(
        "appeal_review",
        _r(r"(?:^|发生|引发|引起|收到|涉及|共有|共)$"),
        after=_r(r"^[^，,。；;0-9]{0,16}行政复议"),
        units=_CASE_UNITS,
    ),
    Rule(
        "litigation_cases",
        _r(r"(?:^|发生|引发|引起|收到|涉及|共有|共)$"),
        after=_r(r"^[^，,。；;0-9]{0,16}行政诉讼"),
        units=_CASE_UNITS,
    ),
    Rule(
        "interpretations",
        _r(r"(?<![及和与、])解读[^，,。0-9]{0,10}$"),
        units=("篇", "条", "期", "次", "个", "份", "项"),
    ),
    Rule("info_adopted", _r(r"(?:录用|采用)[^，,。0-9]{0,6}$"), units=("篇", "条")),
    Rule("info_submitted", _r(r"(?:报送|上报)[^，,。0-9]{0,12}$"), units=("篇", "条")),
    Rule(
        "media_reports",
        _r(
            r"(?:(?<![新自他])媒体|报刊|电视台|报纸)[^。]{0,24}"
            r"(?:刊发|刊登|刊载|报道|发稿|播发|播出|发布)"
            r"[^，,。0-9]{0,10}$"
        ),
        "default",
        units=("篇", "条", "次", "则"),
    ),
    Rule("meetings", _r(r"上会[^，,。0-9]{0,20}$"), units=("次",)),
    Rule(
        "meetings", _r(r"召开[^，,。0-9]{0,4}$"), after=_r(r"^[^，,。]{0,12}会"), units=("次", "场")
    ),
    Rule(
        "followers",
        _r(r"(?:粉丝|关注|观注|订阅|用户总数|用户数)[^，,。0-9]{0,8}$"),
        "must",
        units=("人", "万人", "人次", "户"),
    ),
    Rule("reads", _r(r"(?:阅读量|阅读数|浏览量|点击量|阅读|浏览)[^，,。0-9]{0,6}$"), "must"),
    Rule(
        "recruitment_notices",
        _r(r"(?:招聘|招录|招考)[^，,。0-9]{0,6}(?:信息|公告|通知|简章)[^，,。0-9]{0,4}$"),
        units=("条", "篇", "个", "期", "则", "份"),
    ),
    Rule(
        "items_published",
        _r(r"(?:发布|公开|公布|制发|印发|包括)[^，,。0-9]{0,10}文件[^，,。0-9]{0,4}$"),
        "none",
        units=("条", "件", "个", "篇", "份"),
        category="documents",
    ),
    # 主动公开信息89条，其中公开指南2条，…政策文件4条: the documents among the kinds of a
    # published total — when the list names one kind of document only (not 行政规范性文件1条，
    # 政策文件1条: two)
    Rule(
        "items_published",
        _r(r"^(?:行政规范性|规范性|政策|部门|政府)?文件(?:类)?(?:信息)?$"),
        "none",
        units=("条", "件", "个", "篇", "份"),
        category="documents",
        confidence=0.8,
        needs=_r(r"(?:公开|发布)[^。]*?[0-9]+\s*条[^。]*?其中|主动公开的(?:政府)?信息中"),
        unless=_r(r"文件[^，,。；;0-9]{0,4}[0-9]+[^。]*?文件[^，,。；;0-9]{0,4}[0-9]+"),
    ),
    Rule(
        "items_published",
        _r(r"(?:发布|公开|公布|推送|推文|更新|发送|刊发|上传|编发)[^，,。0-9]{0,30}$"),
        "read",
        units=_PUBLISH_UNITS,
        confidence=0.85,
    ),
    # 主动公开年度财政预决算、招生入学政策、…等群众关心关注的信息共计86条: a long list of kinds
    Rule(
        "items_published",
        _r(r"(?:发布|公开|公布)[^，,。0-9]{0,120}?等[^，,。0-9]{0,20}信息[^，,。0-9]{0,4}$"),
        "read",
        units=_PUBLISH_UNITS,
        confidence=0.8,
    ),
)


# the rule of a list item's figure (_list_item): items published on the channel it names
_LIST_RULE = Rule("items_published", _r(r"$"), "read", units=_PUBLISH_UNITS, confidence=0.8)


@dataclass
class Found:
    """One figure found in the text, named with the catalogue."""

    metric: str
    channel: str | None
    category: str | None
    value: float
    qualifier: Qualifier
    unit: str | None
    as_written: str
    quote: str
    start: int
    end: int
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        """The fields of a `validate --json` fact (without agency/year/note/row) and more."""
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {
            "metric": self.metric,
            "channel": self.channel,
            "category": self.category,
            "value": value,
            "qualifier": str(self.qualifier),
            "note": self.quote,
            "unit": self.unit,
            "as_written": self.as_written,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "confidence": self.confidence,
        }


@dataclass
class Skipped:
    """A number left out, with why."""

    number: str
    quote: str
    start: int
    end: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "reason": self.reason,
        }


@dataclass
class Extraction:
    agency: str | None
    year: int | None
    facts: list[Found] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # the agency or year not found


# An agency's name: the longer endings first, so that 番禺区人民政府办公室 (an office of a
# government that reports as its own agency) is not cut at 人民政府.
_NAME = (
    r"[\u4e00-\u9fff]{2,24}?(?:人民政府办公室|人民政府办公厅|政府办公室|委员会|人民政府|管委会"
    r"|街道办事处|办事处|局|厅|委|办公室|中心|开发区)"
)
_YEAR = r"(?:19|20)[0-9]{2}"
# (政府信息工作年度报告: a title that leaves out 公开)
_REPORT = (
    r"\s*(?:(?:政府信息|政务|信息)\s*公开|政府信息)\s*(?:工作)?\s*(?:的)?\s*(?:年度)?\s*(?:年度)?"
    r"(?:报告|年报)"
)
_TITLE_CHARS = r"[^\s，,。；;:：《》“”()（）/]{2,40}?"
# "XX局2019年政府信息公开工作年度报告" (the title may be broken over two lines)
_TITLE_RE = re.compile(rf"(?P<agency>{_TITLE_CHARS})\s*(?P<year>{_YEAR})\s*年度?{_REPORT}")
# "2017年XX局政府信息公开工作年度报告", also in a sentence that publishes it (特公布2022年XX局…)
_TITLE_YEAR_FIRST = re.compile(
    rf"(?:^|\n|公布|发布|现将)\s*(?P<year>{_YEAR})\s*年度?\s*(?P<agency>{_TITLE_CHARS}){_REPORT}"
)
# "XX局政府信息公开工作2019年度报告": the year inside the title
_TITLE_YEAR_INSIDE = re.compile(
    rf"(?P<agency>{_TITLE_CHARS})(?:政府信息|政务)\s*公开\s*(?:工作)?\s*(?P<year>{_YEAR})\s*年度?\s*"
    r"(?:报告|年报)"
)
# "请与XX局联系": the agency that answers for the report (its office or unit named or not:
# 请与闽侯县水利局政府信息公开工作领导小组办公室联系).
_CONTACT = re.compile(
    rf"请与(?P<agency>{_NAME})(?:[\u4e00-\u9fff]{{0,16}}?(?:办公室|办|科|股|室|组))?联系"
)
# "2025年，区教育局以…", "市教委坚持…": a short name opening a sentence, completed with the
# place of the government the report names in full (南京市栖霞区人民政府 → 南京市栖霞区教育局).
_SHORT_OPENING = re.compile(
    rf"(?:^|[。\n]|现将)\s*(?:{_YEAR}\s*年度?[,，]?\s*)?(?P<level>[区县市州])"
    r"(?P<short>[\u4e00-\u9fff]{1,8}?(?:局|委员会|委))(?=[\u4e00-\u9fff])"
)
# "电子版在市人社局门户网站…下载": the report is published on its agency's own site.
_SHORT_SITE = re.compile(
    r"电子版[^。\n]{0,8}?(?:在|从|于|通过)(?P<level>[区县市州])"
    r"(?P<short>[\u4e00-\u9fff]{1,8}?(?:局|委员会|委))(?:门户|官方)?(?:网站|官网|网)"
)
_GOVERNMENT = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,12}?[省市区县州])人民政府")
# Words a place name matched from the left may carry in front (和石城县, 主要有石城县).
_BEFORE_PLACE = re.compile(r"^.*[和与及在有由向对经据按于的是为从]")
# Short forms whose full name is the same everywhere.
_SHORT_FORMS = {
    "教委": "教育委员会",
    "卫健委": "卫生健康委员会",
    "发改委": "发展和改革委员会",
    "住建局": "住房和城乡建设局",
    "人社局": "人力资源和社会保障局",
    "教体局": "教育体育局",
    "卫健局": "卫生健康局",
    "工信局": "工业和信息化局",
}
# "由XX编制", "本报告由XX根据…": the agency that wrote the report.
_WRITTEN_BY = re.compile(
    rf"由(?P<agency>{_NAME})(?:办公室)?(?:根据|依据|负责|[^。，,；;由]{{0,12}}?)编制"
    rf"|报告由(?P<by>{_NAME})(?:根据|依据)"
)
# "佛冈县住房和城乡建设局特向社会公布2024年度本机关信息公开工作报告": the name publishing it
_PUBLISHES = re.compile(
    rf"(?:^|[。，,\n])\s*(?P<agency>{_NAME})(?:特|现|将)?(?:向社会)?(?:公布|发布|公开)\s*{_YEAR}\s*年度?"
    r"(?:本机关|本单位|本局|本部门)?[^。，,]{0,10}?(?:报告|年报)"
)
# "2022-01-25 14:48 武汉市住房保障和房屋管理局": a page's byline, the name alone after the date
_BYLINE = re.compile(
    rf"(?:^|\n)[ \t]*(?:19|20)[0-9]{{2}}-[0-9]{{1,2}}-[0-9]{{1,2}}[0-9: \t]*"
    rf"(?P<agency>{_NAME})[ \t]*(?=\n|$)"
)
# 玉林市民政局网站, 法制办网站: a name before its own site or account, for a report that calls
# itself 我局/我办 (the same last character)
_OWN_CHANNEL_NAME = re.compile(
    r"(?P<agency>[\u4e00-\u9fff]{2,14}?(?P<end>[局委办厅]))(?=(?:门户|官方)?(?:网站|官网|微信公众号))"
)
_NAME_FRONT = re.compile(r"^.*[和与及在有由向对经据按于的是为从站网过]")
# "XX(以下简称YY)": the full name stands, the short one is dropped
_AKA = re.compile(r"[(（]以下简称[^()（）]{1,16}[)）]")
# spaces a PDF's text layer sets between characters (成都市住房和城乡建设 局)
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
# "2023年，XX局认真…": a sentence opening with the year and the agency's full name.
_YEAR_OPENING = re.compile(
    rf"(?:^|[。\n])\s*{_YEAR}\s*年度?(?:以来)?[,，]?\s*(?!度)(?P<agency>{_NAME})"
    r"(?![\u4e00-\u9fff]{0,2}网)"
)
# 《XX局(机关)政府信息主动公开目录》: the agency's own disclosure rules name it in full.
_OWN_RULES = re.compile(rf"《(?P<agency>{_NAME})(?:机关)?(?:政府|网上)?(?:信息|政务)")
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
_PERIOD_RE = re.compile(
    rf"(?:统计期限|统计期|时间范围|期限|时限|统计时间)[^0-9。]{{0,8}}(?P<year>{_YEAR})\s*年\s*1\s*月"
    r"\s*1\s*日"
)
_YEAR_START = re.compile(rf"(?:^|[。\n])\s*(?P<year>{_YEAR})\s*年度?[,，]?")
# Words of the sentence before a title's name (特向社会公布, 制作, 编制本单位…)
_TITLE_NOISE = re.compile(
    r"^(?:[^，,。]*?(?:是|报告|年报)由|现予以公布|现予公布|现将|现公布|现发布|现编制|现向社会公布"
    r"|现特|特此发布|关于|[^，,。]*?(?:特|并|现)?向社会(?:公开|公布|发布)"
    r"|特?向社会公布|特公布|编制|制定|制作|形成|本|由|的)+"
)
# Not an agency: words of a sentence, a name without its place (区教育局), 我局/本单位, a party
# committee (区委).
_NOT_AGENCY = re.compile(
    r"关于|通知|做好|收到|公开|^[我本区市县省全该度]|国务院|中华人民共和国"
    r"|[0-9]|(?:区委|市委|县委|省委|州委|党委|党工委)$"
)
# … nor a name after a preposition (在区委、区政府的领导下) — unless it opens a title line
# (和平街道办事处2020年…: a name may begin with such a character).
_PREPOSITION = re.compile(r"^[在按经对向为与和及于从]")
_PLACE_END = re.compile(r"[县市区州旗]$")
# Pinyin glosses some sites add after characters (根據(jù)): not part of any name.
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def simplified_by_char(text: str) -> str:
    """`text` in simplified script, character by character: every position is kept, so a span
    found in the result is the same span of `text` (phrase conversion may change lengths)."""
    simple = to_simplified(text)
    if len(simple) == len(text):
        return simple
    out = []
    for char in text:
        converted = _char_simplified(char)
        out.append(converted if len(converted) == 1 else char)
    return "".join(out)


@cache
def _char_simplified(char: str) -> str:
    return to_simplified(char)


def _clean_agency(name: str, simple: str, *, line_start: bool = False) -> str | None:
    """The agency of a matched name (in the text's own script), or None when it is not one;
    `line_start`: the name opens a line (a title), where a leading 和 or 与 is part of it."""
    noise = _TITLE_NOISE.match(simple)
    cut = noise.end() if noise else 0
    name, simple = name[cut:].strip(), simple[cut:].strip()
    # XX局关于2019年政府信息公开工作的报告
    trailing = re.search(r"(?:关于|的)$", simple)
    if trailing:
        name, simple = name[: trailing.start()], simple[: trailing.start()]
    # 由XX局办公室编制: the office writes the report, the agency is the bureau
    office = re.search(r"(?<=[局委厅])(?:办公室)?(?:编制|印发|发布)?的?$", simple)
    if office:
        name, simple = name[: office.start()], simple[: office.start()]
    # 由XX街道办事处编制的2017年度…报告
    made = re.search(r"(?:编制|制定|制作|印发|发布)的?$", simple)
    if made:
        name, simple = name[: made.start()], simple[: made.start()]
    if len(simple) < 3 or _NOT_AGENCY.search(simple):
        return None
    if not line_start and _PREPOSITION.search(simple):
        return None
    # a place as the report's author: a title line (合江县2022年…年度报告) is its government's
    # report (合江县人民政府); a sentence naming it (现编制花溪区2017年…报告, 2022年，物流区坚持…)
    # gives the place as written — as the hand labels of all three corpora do (6 of 6)
    if line_start and _PLACE_END.search(simple):
        return name + "人民政府"
    return name


def find_agency_year(text: str) -> tuple[str | None, int | None]:
    """The agency and year of a report: from its title, else from the sentences naming them.
    The agency comes out in simplified script (廣州市公安局 → 广州市公安局), as tables key it."""
    original = _CJK_SPACE.sub("", _AKA.sub("", _PINYIN.sub("", text)))
    simple = simplified_by_char(original)
    agency: str | None = None
    year: int | None = None

    def cut(match: re.Match[str], group: str = "agency") -> str | None:
        at = match.start(group)
        # a title line may open with its year (2022年上海市政府信息公开工作年度报告)
        front = re.sub(rf"{_YEAR}\s*年度?\s*$", "", simple[max(0, at - 14) : at])
        opens_line = not front[-8:].strip(" \t\u3000")[-1:].strip("\n")
        return _clean_agency(original[at : match.end(group)], match[group], line_start=opens_line)

    for pattern in (_TITLE_RE, _TITLE_YEAR_FIRST, _TITLE_YEAR_INSIDE):
        for match in pattern.finditer(simple):
            name = cut(match)
            if name:
                agency, year = name, int(match["year"])
                break
        if agency:
            break
    for pattern in (_WRITTEN_BY, _PUBLISHES, _CONTACT, _MAKES_REPORT, _BYLINE):
        for match in pattern.finditer(simple) if agency is None else ():
            agency = cut(match, "by" if match.groupdict().get("by") else "agency")
            if agency:
                break
    if agency is None:
        # the name most often given in full
        names = [cut(m) for p in (_YEAR_OPENING, _OWN_RULES) for m in p.finditer(simple)]
        counted = Counter(n for n in names if n)
        if counted:
            agency = counted.most_common(1)[0][0]
    if agency is not None and to_simplified(agency) in _SHORT_FORMS:
        # 住建局2020年…年度报告: a title without its place, which the report names in full
        place = _one_place(simple, None)
        if place is not None:
            agency = place + _SHORT_FORMS[to_simplified(agency)]
    if agency is None:
        agency = _own_channel_name(original, simple)
    if agency is None:
        agency = _short_name(original, simple)
    if year is None:
        period = _PERIOD_RE.search(simple)
        opening = _YEAR_START.search(simple)
        # a text that names one year only (一年来，我局…: 2014年 once) is of that year
        years = {m["year"] for m in _ANY_YEAR.finditer(_QUOTED_TITLES.sub("", simple))}
        if period:
            year = int(period["year"])
        elif opening:
            year = int(opening["year"])
        elif len(years) == 1:
            year = int(years.pop())
    return (to_simplified(agency) if agency else None), year


def _own_channel_name(original: str, simple: str) -> str | None:
    """The agency of a report that calls itself 我局 (我办…) and names its own site or account
    (玉林市民政局网站, 法制办网站): that name, with the one government place the report names
    in full when it has no place of its own (乐山市人民政府 → 乐山市法制办)."""
    names: Counter[str] = Counter()
    for m in _OWN_CHANNEL_NAME.finditer(simple):
        if f"我{m['end']}" not in simple:
            continue
        # 在市政府入口网站和法制办网站: the words in front are no part of the name
        front = _NAME_FRONT.match(m["agency"])
        name = m["agency"][front.end() :] if front else m["agency"]
        if len(name) >= 3 and not _NOT_AGENCY.search(name):
            names[name] += 1
    ranked = names.most_common(2)
    # one name most often given, or none is taken
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    name = ranked[0][0]
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
        if level is None or place.endswith(level):
            places.add(place)
    return places.pop() if len(places) == 1 else None


def _short_name(original: str, simple: str) -> str | None:
    """The agency a report calls by a short name (区教育局, 市教委) when the report also names
    the government of its place in full: one place of that level, or none is taken."""
    short = _SHORT_OPENING.search(simple) or _SHORT_SITE.search(simple)
    if short is None:
        return None
    place = _one_place(simple, short["level"])
    if place is None:
        return None
    at = simple.find(place)
    words = short["short"]
    return original[at : at + len(place)] + _SHORT_FORMS.get(words, words)


# No clause or sentence is longer than this: boundaries are looked for this far either side
# only, so a long report (or a table's text with no punctuation at all) is read in linear time.
_REACH = 1000
# A figure's own words (its clause up to it) are shorter still: every rule reads them, so a
# text with no punctuation (a table's cells run together) costs this much per number, not more.
_WORDS_REACH = 300


@lru_cache(maxsize=16)
def _marks(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Where `pattern` (one punctuation character) matches in `text`, found once per text: each
    number's clause then takes two bisections instead of a scan (a str caches its hash, so the
    cache lookup does not rehash a long text)."""
    return [m.start() for m in pattern.finditer(text)]


@lru_cache(maxsize=4)
def _counted_ends(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the numbers with a unit (or 万/亿) in `text`, found once."""
    spans = [(m.start(), m.end()) for m in NUMBER_RE.finditer(text) if m["unit"] or m["mult"]]
    return [a for a, _ in spans], [b for _, b in spans]


def _left_mark(text: str, start: int, pattern: re.Pattern[str], reach: int = _REACH) -> int:
    """The end of the last `pattern` mark before `start` within `reach`, else the window's
    start."""
    window = max(0, start - reach)
    marks = _marks(text, pattern)
    at = bisect_right(marks, start - 1) - 1
    return marks[at] + 1 if at >= 0 and marks[at] >= window else window


def _bounds(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    """The clause (or sentence) around text[start:end]: after the mark before it, up to the mark
    after it, each at most `_REACH` away."""
    marks = _marks(text, pattern)
    at = bisect_left(marks, end)
    right = marks[at] if at < len(marks) else len(text)
    return _left_mark(text, start, pattern), min(right, end + _REACH)


# ── running totals: 累计, 截至, 以来 ─────────────────────────────────────────────────────────

_CUMULATIVE = re.compile(
    r"累计|历年|近[一二三四五两几]年|(?P<since>(?:19|20)[0-9]{2})\s*年[^，,。；;0-9]{0,6}以来"
    r"|(?P<asof>截至|截止|(?<![得达收接受看听遇做])到(?=\s*(?:(?:19|20)[0-9]{2}\s*年|年底|年末|目前)))"
)
_AS_OF = re.compile(
    r"\s*(?:(?P<y>(?:19|20)[0-9]{2})\s*年)?\s*(?:(?P<m>[0-9]{1,2})\s*月)?\s*(?:(?P<d>[0-9]{1,2})\s*日)?"
    r"\s*(?P<end>年底|年末|底|末)?"
)
# A clause opening with a time of its own (截至7月…，7-12月…) is out of an earlier mark's reach.
_NEW_TIME = re.compile(
    r"[，,；;]\s*(?:其中[，,]?\s*)?"
    r"(?:(?:19|20)[0-9]{2}\s*年|[0-9]{1,2}\s*[-—~至]\s*[0-9]{1,2}\s*月|本年|全年|今年)"
)
_IN_YEAR = re.compile(r"本年|全年|年度|今年|当年")


def _year_end(date: re.Match[str], year: int | None) -> bool:
    """Whether 截至 names the end of the report year (截至2025年12月31日, 截至年底)."""
    if date["y"] and (year is None or int(date["y"]) != year):
        return False
    if date["end"]:
        return not date["m"] or date["m"] == "12"
    # 截至12月19日: a report written in the last weeks of its year gives the year's figure
    return date["m"] == "12"


def _cumulative(period: str, year: int | None, paragraph: str = "") -> bool:
    """Whether a number is a running total rather than the report year's value, from the words
    before it in its sentence (`period`).

    累计 after 本年度/全年/the report year (2022年，全县累计公开…), in its sentence or earlier in
    its paragraph (`paragraph`: 2020年我处主动公开…六大类。累计公开186条信息), is the year's
    total; 截至 the year's end (截至2025年12月31日, 截至年底) gives the year's state; 截至 any
    other day (截至目前, 截至7月), 历年, 近三年 and 2018年以来 reach over other years or part of
    one.
    """
    if re.search(r"关注|粉丝|订阅|用户", period[-12:]):
        return False  # followers are counted on a day: the total is what the figure means
    # every mark holds one of these characters: a plain substring test spares the regex on the
    # long "sentences" of a table's text run together
    if not any(c in period for c in "累历近以截到"):
        return False
    marks = list(_CUMULATIVE.finditer(period))
    if not marks:
        return False
    mark = marks[-1]
    reach = mark.end()
    date = _AS_OF.match(period, reach) if mark["asof"] else None
    if date is not None:
        reach = date.end()
    if _NEW_TIME.search(period, reach):
        return False
    if date is not None:
        return not (date.end() > date.start() and _year_end(date, year))
    if mark["since"]:
        return year is None or int(mark["since"]) < year
    if mark[0] == "累计":
        head = period[: mark.start()]
        in_year = any(
            _IN_YEAR.search(words) or (year is not None and f"{year}年" in words)
            for words in (head, paragraph)
        )
        # 截至2023年底，累计发布…: since the start, whatever the year
        earlier = any(m[0] != "累计" for m in marks[:-1])
        return not in_year or earlier
    return True


def _skip_reason(
    text: str,
    match: re.Match[str],
    before: str,
    after: str,
    period: str = "",
    year: int | None = None,
) -> str | None:
    """Why a number is not a figure of the report year (a date, a phone number, a change…), from
    the words of its sentence before it (`before`; `period` up to the full stop)."""
    digits = match["num"] or ""
    if _LAW_BEFORE.search(before):
        return "law number"
    if _DATE_AFTER.match(after) and not match["unit"]:
        return "date"
    if _YEAR_WORD.match(digits) and not match["unit"]:
        return "year"
    line_start = text.rfind("\n", max(0, match.start() - 16), match.start()) + 1
    around = text[max(line_start, match.start() - 16) : match.end() + 16]
    # after 电话/传真…, a number of 7 digits or more (or with a dash) is a phone number; a count
    # (电话接听咨询约2.2万人次, 近64000人) is not
    phone_like = len(digits) >= 7 or text[match.end() : match.end() + 1] in "-－"
    if (
        re.search(r"电话|传真|邮编|热线电话|联系方式|地址", before[-24:]) and phone_like
    ) or _PHONE.match(text[match.start() : match.end() + 10]):
        return "phone"
    if _LAW_BEFORE.search(before) or re.match(r"^(?:号|条|款|章)", after):
        return "law number"
    if _ORDINAL_AFTER.match(after) and not match["unit"]:
        return "not a count of the report"
    number_end = match.end("num") if match["num"] else match.end("cn")
    if _STRUCTURE_AFTER.match(text, number_end) or _STRUCTURE_AFTER.match(after):
        return "not a count of the report"
    if "%" in around and match["unit"] == "%" and _CHANGE_BEFORE.search(before):
        return "change"
    if _CHANGE_BEFORE.search(before):
        return "change"
    # 日均发布信息3条以上: an average per day (or month) is never the year's figure
    if _AVERAGE_BEFORE.search(before):
        return "average"
    # 委托县自然资源局办理…申请25件: work done for (or by) another body
    if _ON_BEHALF_BEFORE.search(before):
        return "on behalf of another body"
    if _SEVERAL_NAMES_BEFORE.search(before):
        return "in several bodies' names"
    # the paragraph before the sentence (a line of the text, at most a few sentences back)
    line_start = (
        text.rfind("\n", max(0, match.start() - len(period) - 300), match.start() - len(period)) + 1
    )
    paragraph = text[
        max(line_start, match.start() - len(period) - 300) : match.start() - len(period)
    ]
    if _cumulative(period or before, year, paragraph):
        return "cumulative"
    if match.end() < len(text) and text[match.end() : match.end() + 1] in "-~－～至":
        return "range"
    return None


# How far a skipped number's quote reaches either side of it.
_QUOTE_REACH = 200

# What a quote does not start with: the space or the 、 before the figure's words.
_QUOTE_LEAD = " \t\u3000\u00a0、"


# 具体为…, 其中…: the head of a list that follows a figure
_LIST_HEAD = re.compile(r"^\s*(?:具体为|具体是|分别为|分别是|其中|包括|即)[：:，,]?\s*")


# …其中，局官网发布信息764条，: a 其中 list of counted items going on to the next item
_CHANNEL_LIST_GOES_ON = re.compile(r"其中[^。；;]*?[0-9]+\s*[条篇则][，,]\s*$")


def _list_item(
    text: str, match: re.Match[str], period: str, catalogue: Catalogue, report: _Report
) -> tuple[Naming, int] | str | None:
    """A number of a list of channels after a publishing figure (微信公众号发布信息1205条、微博
    12984条、抖音号628条) or a heading (公开了21218条政府信息，具体为局门户网站396条、区政府网站
    97条): its channel, from the item's words alone, and where they start; a reason when they
    name no channel that can be trusted; None when the number is no such item."""
    if match["unit"] not in _PUBLISH_UNITS:
        return None
    group_start = _left_mark(text, match.start(), _GROUP_END, _WORDS_REACH)
    item_start = _scope_start(text, match.start())
    words = text[item_start : match.start()]
    head = _LIST_HEAD.match(words)
    item = words[head.end() :] if head else words
    item_start += len(words) - len(item)
    joined = re.match(r"\s*(?:、|以及|和|及|与)\s*", item)
    if joined:
        item, item_start = item[joined.end() :], item_start + joined.end()
    if not item or len(item) > 24 or re.search(r"[0-9]", item) or _VERB.search(item):
        return None
    group = text[group_start:item_start]
    group_head = _LIST_HEAD.match(group)
    sentence_before = period[: len(period) - len(text[group_start : match.start()])]
    if head or (group_head and not joined and group_start == item_start - len(group)):
        # a heading: the sentence before it published a figure
        if not (_VERB.search(sentence_before) and NUMBER_RE.search(sentence_before)):
            return None
    elif joined:
        # an item joined to earlier ones: the first of them has the verb, or the list's heading
        # follows a published figure
        first = bool(_VERB.search(group))
        listed = bool(group_head) and bool(
            _VERB.search(sentence_before) and NUMBER_RE.search(sentence_before)
        )
        if not (first or listed) or not any(m["unit"] for m in NUMBER_RE.finditer(group)):
            return None
    else:
        # 其中，局官网发布信息764条，微信公众号2841条，微博2465条: an item after a comma that
        # continues a list of channel figures opened by 其中 after a published total
        before_item = period[: len(period) - len(text[item_start : match.start()])]
        if not (
            _CHANNEL_LIST_GOES_ON.search(before_item)
            and _VERB.search(before_item)
            and not head
            and not group_head
        ):
            return None
    where = _where(item, catalogue, report)
    if where.reason:
        return where.reason
    # the press (省级媒体21条、市级媒体68条) counts reports, by level: not a list of channels
    if where.channel in (None, "news_media") or len(where.mentioned) > 1:
        return None
    part = _part_reason(item, "")
    if part is not None:
        return part
    rule = _LIST_RULE
    return [(rule, where.channel, rule.confidence * where.confidence)], item_start


def _second_figure(
    result: Extraction,
    taken: dict[tuple[str, str | None, str | None], tuple[Found, int] | None],
    slot: tuple[str, str | None, str | None],
    period: str,
    period_start: int,
    words: str | None,
) -> str:
    """Why a second figure for a row is left out. Two in one full sentence, with no 其中 before
    them, each naming the row in its own `words` (None: the second's channel was read from its
    sentence) for the same account (“五邑人社”微信视频号发布视频151条；“五邑人社”抖音发布视频
    151条: one account on two platforms of one kind) say neither is the row's: the first is
    taken out too. Otherwise the first is kept (a summary restated, or 微信公众号…1082篇 before
    another unit's “亳州职教”微信公众平台…687篇)."""
    first = taken[slot]
    if first is None:
        return "two figures for one row"
    fact, first_period = first
    if first_period != period_start or "其中" in period or words is None:
        return "repeated"
    if set(_QUOTED.findall(words)) != set(_QUOTED.findall(fact.quote)):
        return "repeated"
    result.facts.remove(fact)
    number = fact.as_written
    result.skipped.append(
        Skipped(number, fact.quote, fact.start, fact.end, "two figures for one row")
    )
    taken[slot] = None
    return "two figures for one row"


def _whole_after_part(sentence: str, year: int | None) -> bool:
    """Whether a figure after 其中 is the year's whole all the same: the part of a running
    total that is the report year's (历年累计52条，其中2010年新增…14条), or what was published
    of all information made (共制作政府信息3021条，其中主动公开信息1027条)."""
    if _MADE_TOTAL.search(sentence):
        return True
    after = re.split(r"其中[，,：:]?", sentence)[-1].lstrip()
    return year is not None and after.startswith(f"{year}年")


def extract_figures(
    text: str,
    catalogue: Catalogue,
    *,
    tables: Sequence[Sequence[Sequence[str]]] = (),
    agency: str | None = None,
    year: int | None = None,
) -> Extraction:
    """The figures of a report's text, each named with the catalogue and quoted exactly."""
    found_agency, found_year = find_agency_year(text)
    result = Extraction(agency or found_agency, year or found_year)
    if result.agency is None:
        result.warnings.append(Problem(ProblemCode.REPORT_AGENCY_UNKNOWN, Severity.WARNING))
    if result.year is None:
        result.warnings.append(Problem(ProblemCode.REPORT_YEAR_UNKNOWN, Severity.WARNING))
    # each row's figure, with where its full sentence starts; None once two figures met there
    taken: dict[tuple[str, str | None, str | None], tuple[Found, int] | None] = {}
    original = text
    # Rules are written in simplified characters; the conversion keeps every position, so
    # quotes are still cut from the text as given.
    text = simplified_by_char(text)
    # 發(fā)布, 網(wǎng)站: pinyin glosses some sites put after characters break the words the rules
    # read; the rules read the text without them, and spans are mapped back to the text as given
    text, positions = _without_glosses(text)
    report = _report_context(text, result.agency, result.year)
    for match in NUMBER_RE.finditer(text):
        start, end = match.start(), match.end()
        clause_start, clause_end = _bounds(text, start, end, _CLAUSE_END)
        scope_start = _scope_start(text, start)
        before = text[scope_start:start]
        after = text[end:clause_end]
        sentence_start, _ = _bounds(text, start, end, _SENTENCE_END)
        period_start, period_end = _bounds(text, start, end, _PERIOD_END)
        sentence, period = text[sentence_start:start], text[period_start:start]
        reason = _skip_reason(text, match, sentence, after, period, result.year)
        if reason is None and _YEAR_WORD.match(match["num"] or "") and not match["unit"]:
            reason = "year"
        if reason is None and result.year and match["num"] == str(result.year):
            reason = "year"
        respective = None if reason else _respective(text, match, catalogue, report)
        if isinstance(respective, str):
            reason = respective
        elif respective is not None:  # 通过A、B分别发布…: the list's words name the figure
            scope_start = respective.start
            before = text[respective.verb_start : respective.verb_end]
        found = (
            None
            if reason
            else _name(
                match,
                before,
                after,
                sentence,
                period,
                report,
                catalogue,
                rest=text[end:period_end],
                channels=respective.channels if respective else None,
            )
        )
        if found is None and respective is None and not reason:
            # 具体为局门户网站396条、区政府网站97条: an item of a list of channels
            listed = _list_item(text, match, period, catalogue, report)
            if listed is not None and not isinstance(listed, str):
                found, scope_start = listed
            elif listed is not None:
                found = listed
        if found is None or isinstance(found, str):
            # at most _QUOTE_REACH either side: a table's text without punctuation would
            # otherwise give every skipped number a quote of thousands of characters
            skipped_quote = text[
                max(clause_start, start - _QUOTE_REACH) : min(clause_end, end + _QUOTE_REACH)
            ].strip() or match.group(0)
            result.skipped.append(
                Skipped(match.group(0), skipped_quote, start, end, reason or found or "unnamed")
            )
            continue
        value_text = _value_text(match)
        parsed = parse_value(value_text) if value_text else None
        if parsed is None or not parsed.ok or parsed.value is None:
            result.skipped.append(
                Skipped(match.group(0), before + match.group(0), start, end, "unreadable")
            )
            continue
        for rule, channel, confidence in found:
            skip = None
            # 其中工作动态270条: a part of the total that no channel or category names
            if (
                (_PART_BEFORE.search(sentence) or _PART_LIST.search(sentence))
                and channel is None
                and rule.category is None
                and rule.metric in ("items_published", "media_reports")
                and not _whole_after_part(sentence, result.year)
            ):
                skip = "part (其中)"
            slot = (rule.metric, channel, rule.category)
            if skip is None and confidence < MIN_CONFIDENCE:
                skip = "doubtful"
            if skip is None and slot in taken:
                words = text[scope_start:start]
                # the second names the row's channel in its own words (not from the sentence)
                own = channel is None or _where(words, catalogue, report).channel == channel
                own_words = words if own else None
                skip = _second_figure(
                    result, taken, slot, text[period_start:start], period_start, own_words
                )
            if skip is not None:
                quote = text[scope_start:start] + match.group(0)
                result.skipped.append(Skipped(match.group(0), quote, start, end, skip))
                continue
            words = text[scope_start:start]
            quote_start = scope_start + len(words) - len(words.lstrip(_QUOTE_LEAD))
            quote_end = end
            if rule.after is not None:
                if not rule.before.pattern.strip("^$"):
                    quote_start = start
                quote_end = end + rule.after.match(after).end()  # type: ignore[union-attr]
            extra_unit = match["unit"] in _EXTRA_UNITS
            fact = Found(
                metric=rule.metric,
                channel=channel,
                category=rule.category,
                value=parsed.value,
                qualifier=parsed.qualifier,
                unit=match["unit"] if extra_unit else parsed.unit,
                # number words as written (三百余条), digits as parse_value normalises them
                as_written=(
                    normalize_text(match.group(0))
                    if match["cn"] or match["pre"] == "突破" or extra_unit
                    else parsed.as_written or match.group(0)
                ),
                quote=original[quote_start:quote_end],
                start=quote_start,
                end=quote_end,
                confidence=round(confidence, 2),
            )
            result.facts.append(fact)
            taken[slot] = (fact, period_start)
    # The statutory tables' figures: a table's cell wins over the prose (tables.py builds on
    # this module, hence the import here).
    from dashboard.extract.tables import merge_tables

    if positions is not None:
        _map_back(result, original, positions)
    merge_tables(result, original, tables, catalogue)
    return result


Naming = list[tuple[Rule, str | None, float]]

# a pinyin gloss right after a character (發(fā)布): not one of the text's words
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def _without_glosses(text: str) -> tuple[str, list[int] | None]:
    """`text` without its pinyin glosses, and where each of its characters is in `text` (None
    when it has none)."""
    if not _GLOSS.search(text):
        return text, None
    kept: list[str] = []
    positions: list[int] = []
    at = 0
    for gloss in _GLOSS.finditer(text):
        kept.append(text[at : gloss.start()])
        positions.extend(range(at, gloss.start()))
        at = gloss.end()
    kept.append(text[at:])
    positions.extend(range(at, len(text)))
    return "".join(kept), positions


def _map_back(result: Extraction, original: str, positions: list[int]) -> None:
    """Spans found in the text without glosses as spans of the text as given: a fact's quote is
    cut again from the original (its glosses inside it), so it stays an exact substring."""

    def span(start: int, end: int) -> tuple[int, int]:
        return positions[start], positions[end - 1] + 1 if end > start else positions[start]

    for fact in result.facts:
        fact.start, fact.end = span(fact.start, fact.end)
        fact.quote = original[fact.start : fact.end]
    for skip in result.skipped:
        skip.start, skip.end = span(skip.start, skip.end)


def _name(
    match: re.Match[str],
    before: str,
    after: str,
    sentence: str,
    period: str,
    report: _Report,
    catalogue: Catalogue,
    *,
    rest: str = "",
    channels: Sequence[str] | None = None,
) -> Naming | str | None:
    """The rule naming a number and its channel(s), each with a confidence; or why none does.

    `before`: the words from the clause's start (or the figure before it) to the number;
    `sentence` and `period`: from the start of its sentence (；) and of its full sentence (。);
    `rest`: the words after the number to the end of its full sentence; `channels`: the
    channels a 分别 list gives the number.
    """
    unit = match["unit"]
    for rule in RULES:
        if rule.metric not in catalogue.metrics:
            continue
        found = rule.before.search(before)
        if not found:
            continue
        if rule.metric.startswith("requests_") and re.search(r"复议|诉讼", before):
            continue
        # Structural guards (round 5): what a clause is about decides which metrics it can
        # give, whatever its phrasing. A clause about requests (申请) never counts published
        # items; one about requests not yet closed (尚未办结, 结转) never gives an outcome.
        if rule.metric in _NOT_FROM_REQUESTS and _ABOUT_REQUESTS.search(before):
            return "not proactive (依申请, 不予公开)"
        if rule.metric in _CLOSED_OUTCOMES and _NOT_CLOSED.search(before):
            continue
        if rule.metric == "requests_completed" and re.search(r"12345|热线|工单|信访", sentence):
            continue
        if rule.after is not None and not rule.after.match(after):
            continue
        # the number itself too: 行政规范性文件9条，…政府文件19条 names two kinds of document
        if rule.unless is not None and rule.unless.search(period + match.group(0) + rest):
            continue
        if rule.needs is not None and not rule.needs.search(period):
            continue
        if rule.handled:
            handled = _handled(period, rest)
            if handled is None:
                return "doubtful (办理: received or completed?)"
            if handled != rule.metric:
                continue
        if rule.percent != (unit == "%"):
            continue
        if rule.percent and not re.search(r"12345|热线", sentence):
            return "rate of an unnamed hotline"
        if rule.units and unit and unit not in rule.units:
            continue
        # 两个子栏目, 三项制度: a number word with 个/项 counts parts of a list or a structure,
        # never a metric's figure (those are written 两条, 三件)
        if match["cn"] and unit in _LIST_UNITS:
            return "not a count of the report"
        # 行政处罚案件信息公开47期: issues are items only of a periodical (简报, 期刊, 专栏…)
        if rule.metric == "items_published" and unit == "期" and not _PERIODICAL.search(before):
            return "issues, not items"
        if rule.category == "documents":
            # 制作政府信息1971条，其中主动公开文件482条: what was published of all that was
            # made — the year's total, not a count of documents
            if _MADE_TOTAL.search(period):
                continue
            # 制发规范性文件4件: documents made; published only where the words say so
            if _MADE.search(before) and not _PUBLISHED.search(before):
                return "documents made, not said to be published"
            # 主动公开规范性文件101条，制发规范性文件4件: more published than made in the year —
            # the published count is not the year's own (a running total)
            made = _MADE_COUNT.search(period + match.group(0) + rest)
            if made and match["num"] and float(match["num"]) > float(made["n"]):
                return "more documents published than made"
        # 不予公开126: an outcome in prose carries its unit (件, 宗) unless its sentence has
        # counted requests in one (收到…申请6件…其中同意公开5); else a bare number is often a
        # count of items (制作政府信息184条，…不予公开126), not of requests
        if rule.metric in _OUTCOMES and not unit and not _REQUESTS_COUNTED.search(period):
            return "no unit"
        # 受理依申请公开62件(其中上年结转3件): with the requests carried over, not the new ones
        if rule.metric == "requests_new" and _CARRIED_OVER.match(rest):
            return "with requests carried over"
        # 发布…12: a bare number of a publishing clause is too often something else — unless
        # the clause ends on it right after what was published (发布信息3403，): then it is
        # taken, marked for review
        bare = not unit and rule.metric in ("items_published", "hotline_received")
        if bare and rule.metric == "hotline_received":
            continue
        if bare and not (not after.strip() and _BARE_END.search(before) and not match["cn"]):
            continue
        if rule.metric in ("appeal_review", "litigation_cases"):
            told = before + (rule.after.match(after)[0] if rule.after else "")  # type: ignore[index]
            if "复议" in told and "诉讼" in told:
                return "review and litigation together"
        combined = _combined(rule, before, found)
        if combined:
            return combined
        # 数字图文解读21条: one form of the interpretations, not their number
        if rule.metric == "interpretations" and _ONE_FORM.search(before):
            return "one form of interpretation"
        if rule.metric == "items_published" and _NOT_PROACTIVE.search(before[: found.start() + 2]):
            return "not proactive (依申请, 不予公开)"
        if channels is not None:
            if rule.channel != "read":
                return "分别: not a figure of a channel"
            return [(rule, c, rule.confidence) for c in channels]
        named = _channel_of(rule, found, before, sentence, period, rest, report, catalogue)
        if bare and not isinstance(named, str):
            named = [(r, c, min(conf, _BARE_CONFIDENCE)) for r, c, conf in named]
        return named
    return None


# Round 5's structural guards (see `_name`).
# metrics a clause about requests never gives: what was published
_NOT_FROM_REQUESTS = ("items_published", "media_reports", "interpretations")
_ABOUT_REQUESTS = re.compile(r"申请")
# outcomes and completions a clause about open or carried-over requests never gives
_CLOSED_OUTCOMES = (
    "requests_completed",
    "requests_disclosed",
    "requests_partial",
    "requests_refused",
    "requests_unavailable",
    "requests_not_processed",
    "requests_other",
)
_NOT_CLOSED = re.compile(r"尚未|未办结|未审结|未答复|结转|在办|办理中|答复状态")
# the counting words of a list's parts (两个子栏目, 三项制度)
_LIST_UNITS = ("个", "项")
# what is published in issues (期): periodicals, columns and new-media pushes
_PERIODICAL = re.compile(r"简报|期刊|专刊|刊物|杂志|报纸|周报|月报|专栏|公众号|微信|推送|节目|视频")
# documents made (制发, 印发, 制定, 出台) or said to be published (发布, 公开, 公布)
_MADE = re.compile(r"制发|印发|制定|出台|起草")
_PUBLISHED = re.compile(r"(?<!印)发布|公开|公布")
_ONE_FORM = re.compile(
    r"(?:图文|图解|视频|动漫|漫画|动画|H5|h5|文字|图片|音频|数字)解读[^，,。0-9]{0,6}$"
)
# two sites or accounts joined (市政府门户网站及本部门门户网站, 政府网站、政府信息公开平台)
_SITE_WORD = (
    r"(?:网站|官网|门户网|政务网|信息网|平台|公众号|微博|抖音号?|快手号?|视频号|头条号|公开栏)"
)
_TWO_SITES = re.compile(
    rf"{_SITE_WORD}[”\"」』]?(?:及|和|与|、|以及)(?!时)[^，,。；;0-9]{{1,20}}?{_SITE_WORD}"
)
_MADE_COUNT = re.compile(
    r"(?:制发|印发|出台)[^，,。；;0-9]{0,12}文件[^，,。；;0-9]{0,4}(?P<n>[0-9]+)\s*[件个份条篇]"
)

# 发布信息3403，: a number without its unit, at the end of a clause, after what was published
_BARE_END = re.compile(r"(?:信息|稿件|条目|文章)(?:数量|数|总数)?(?:为|达|共|共计)?\s*$")
_BARE_CONFIDENCE = 0.7  # taken, but below LOW_CONFIDENCE: the editor checks it
# 依申请公开文件12条, 不予公开信息1535条, 可以公开的信息: given on request, withheld or only
# publishable, not published
_NOT_PROACTIVE = re.compile(r"(?:申请|不予|不宜|不|未|可以|应当)(?:主动)?(?:公开|发布)$")
# Two outcomes (予以公开或部分公开1件) or two kinds of item (办事指南及政策解读42条) in one number
_OUTCOMES_JOINED = re.compile(r"(?:公开|提供|处理|不掌握|不存在)(?:或|和|及|与|、|/)")
_KINDS_JOINED = re.compile(r"[及和与、或][^，,。；;0-9]{0,10}解读")
# who applied (其中自然人6件，法人…), how (网上申请4件): the breakdown of requests received
_APPLICANTS = re.compile(
    r"^[，,；;：:（(]?\s*(?:其中)?[，,：:]?\s*(?:自然人|法人|公民|网上|网络|信函|当面|现场)"
)
# 收到…申请5件 before in the sentence: the requests received, given apart
_RECEIVED_BEFORE = re.compile(
    r"(?:收到|受理|新收|接收|接到)[^，,。；;0-9]{0,20}申请[^。；;]*?[0-9一二两三四五六七八九十]"
)


_OUTCOMES = (
    "requests_disclosed",
    "requests_partial",
    "requests_refused",
    "requests_unavailable",
    "requests_not_processed",
    "requests_other",
)
_REQUESTS_COUNTED = re.compile(
    r"申请[^。]*?[0-9]+\s*(?:件|宗|份)|[0-9]+\s*(?:件|宗|份)[^。]{0,8}申请"
)
_CARRIED_OVER = re.compile(r"\s*[(（]?\s*(?:其中|含|包括|包含)[^)）。；;]{0,6}上年结转")


def _combined(rule: Rule, before: str, found: re.Match[str]) -> str | None:
    """Why one number counts two things together, or None: two outcomes of requests joined by
    或/及 (予以公开或部分公开1件), two kinds of item before 解读 (办事指南及政策解读)."""
    # 因本机关不掌握或需要加工汇总等原因无法提供5宗: the reasons joined, not the outcomes
    if rule.metric in _OUTCOMES and _OUTCOMES_JOINED.search(
        re.sub(r"因[^，,。]*?原因", "", before)
    ):
        return "several kinds together"
    if rule.metric == "interpretations":
        # the words after the last verb (通过多渠道、多形式发布政策解读: the ways are no kinds)
        kinds = re.split(r"发布|公开|推出|刊发|编发|开展|制作|完成", before)[-1]
        if _KINDS_JOINED.search(kinds.lstrip("、，, ")):
            return "several kinds together"
    return None


def _media_reason(before: str, found: re.Match[str]) -> str | None:
    """Why a media figure is not the year's reports in the press: 通过…等媒体发布我局提供的
    新闻信息 is the agency publishing through outlets (its own among them); 报道政府常务会议
    12次 counts the reports of one kind of event."""
    words = before[found.start() :]
    verbs = list(re.finditer(r"刊发|刊登|刊载|报道|发稿|播发|播出|发布", words))
    tail = words[verbs[-1].end() :] if verbs else ""
    if re.search(r"会议|活动|会", tail):
        return "part (one kind of item)"
    through = re.search(r"通过[^，,。；;]{0,16}$", before[: found.start()])
    if verbs and verbs[-1][0] == "发布" and through:
        return "doubtful channel"
    return None


def _handled(period: str, rest: str) -> str | None:
    """What 办理…申请N件 counts: the requests that came in when the sentence goes on with who
    applied (其中自然人6件…, the received part of the form); those handled when it has given the
    received ones before (收到…申请5件，依法办理…申请4件); else it cannot be told (上年结转 may be
    in it), and None."""
    if _APPLICANTS.search(rest):
        return "requests_new"
    if _RECEIVED_BEFORE.search(period):
        return "requests_completed"
    return None


def _channel_of(
    rule: Rule,
    found: re.Match[str],
    before: str,
    sentence: str,
    period: str,
    rest: str,
    report: _Report,
    catalogue: Catalogue,
) -> Naming | str:
    """The channel of a figure its rule names, as its words (or its sentence's) say."""
    metric = catalogue.metrics[rule.metric]
    if rule.channel == "none":
        return [(rule, None, rule.confidence)]
    if rule.channel == "default":
        if rule.metric == "media_reports" and _one_media_level(before, period + rest):
            return "part (one level of media)"
        if _NO_CHANNEL.search(before):  # 新闻媒体等其他方式: the press among other ways
            return "doubtful channel"
        if rule.metric == "media_reports":
            media = _media_reason(before, found)
            if media:
                return media
        return [(rule, metric.default_channel, rule.confidence)]
    if rule.channel == "hotline":
        # 12345 only where the words name it: 12333, 12320, 12315… have no channel here
        if _OTHER_HOTLINE.search(sentence):
            return "a hotline the catalogue has no channel for"
        if not re.search(r"12345|政务服务热线|便民服务热线|政务热线|市民热线|市长热线", sentence):
            return "hotline not named"
        return [(rule, metric.default_channel, rule.confidence)]
    # where it was published is said before the verb (在门户网站发布); what was published after
    # it (新闻信息, 工作动态) is no channel
    publishing = rule.metric == "items_published"
    verb = _verb_at(before, found.start()) if publishing else len(before)
    words, what = before[:verb], before[verb:]
    where = _where(words, catalogue, report)
    if where.reason:
        return where.reason
    if publishing and where.channel is None and not where.mentioned:
        # 共发布微信消息500余条, 更新微博动态800余条, 发布2436条微博: the items named by their
        # channel (but 新闻信息 names what was published, not the press)
        for inside in (
            _where(what, catalogue, report),
            _where(re.split(r"[，,。；;、（(]", rest, maxsplit=1)[0][:8], catalogue, report),
        ):
            if inside.channel not in (None, "news_media") and not inside.reason:
                where, what = inside, ""
                break
    kind = catalogue.channels[where.channel].kind if where.channel in catalogue.channels else None
    part = (
        _part_reason(
            words,
            _own_items(what, report.field),
            new_media=kind == "new_media",
            total=where.channel is None,
        )
        # 制作政府信息1971条，其中主动公开文件482条: what was published of all that was made
        if publishing and not _MADE_TOTAL.search(period)
        else None
    )
    if part is not None:
        return part
    if where.channel is not None and where.listed:
        # 通过政府门户网站和政务新媒体等形式公开1.18万条: the site among other ways — the total
        # when the list joins a website with other kinds, else no channel can be told
        if (
            publishing
            and re.search(r"[和、及与]", words)
            and _site_and_more(
                (*where.mentioned, "new_media") if "新媒体" in words else where.mentioned, catalogue
            )
        ):
            return [(rule, None, 0.7)]
        return "several channels"
    if where.channel is not None:
        if re.search(r"同步|发布会", words):
            return "doubtful channel"
        # 通过市政府门户网站及本部门门户网站公开794条: two sites joined before one number,
        # even when the catalogue reads one channel in them — never that one channel's figure
        if _TWO_SITES.search(words):
            return "several channels"
        # 微信公众平台及美篇共计发布: the channel and a platform the catalogue has no channel for,
        # counted together
        joined = _JOINED_OTHER.search(words)
        if joined and not _where(joined["other"], catalogue, report).mentioned:
            return "several channels"
        if publishing and where.channel == "news_media":
            if _one_media_level(words, period + rest):
                return "part (one level of media)"
            media = rule_by_id("media_reports")
            return [(media, where.channel, media.confidence * where.confidence)]
        return [(rule, where.channel, rule.confidence * where.confidence)]
    if where.mentioned:
        if not publishing:
            return "several channels"
        # 杭州市教育局网站和杭州市政府网站同步公开1351条: the same items on both; the figure is
        # kept once, for the government's portal (the disclosure platform), never added twice
        if "同步" in words and "gov_portal" in where.mentioned:
            return [(rule, "gov_portal", rule.confidence * 0.85)]
        # 在网站和微信平台公布信息202条: the website and new media together — the total; two
        # sites with one number only when the words say together (在市政府网站和法制办网站进行了
        # 主动公开信息27条, 共计发布): else each site's share is unknown
        if _site_and_more(where.mentioned, catalogue) or _TOGETHER.search(words):
            return [(rule, None, 0.7)]
        return "several channels"
    if rule.channel == "must":
        earlier = _nearest(period[: len(period) - len(before)], catalogue, report)
        if earlier is None or earlier.channel is None:
            return "channel not named"
        return [(rule, earlier.channel, rule.confidence * 0.85)]
    if re.search(r"网站|平台|栏目|网|媒体|各类(?:平台|渠道|媒体|网站|载体)", words):
        return "doubtful channel"
    # no channel in the clause: the one its sentence names before it (微信公众号……；累计发布
    # 416条), or the total when the sentence lists several kinds (通过门户网、政务微博微信等方式)
    prior = period[: len(period) - len(before)]
    earlier = _nearest(prior, catalogue, report)
    if earlier is None:
        return [(rule, None, rule.confidence)]
    clauses = [c for c in re.split(r"[，,；;：:]", prior) if c.strip()]
    if earlier.channel is not None and clauses and _TWO_SITES.search(clauses[-1]):
        return "several channels"
    if earlier.channel is not None and not earlier.listed and earlier.channel != "news_media":
        return [(rule, earlier.channel, rule.confidence * 0.85)]
    if _site_and_more(earlier.mentioned, catalogue):
        return [(rule, None, 0.7)]
    return "channel named earlier in the sentence"


# …及美篇共计: a name joined to the channel's just before 共/共计 (not 及时)
_JOINED_OTHER = re.compile(
    r"(?:及|和|与|、)(?!时)(?P<other>[^，,。；;、及和与0-9]{1,8}?)(?:共计|合计|共)[^，,。；;、]{0,8}$"
)
# words saying one number is the channels' count together
_TOGETHER = re.compile(r"共计|合计|(?<![公总])共(?!享|同)|进行了")


# ── channels in the words ───────────────────────────────────────────────────────────────────

_PERIOD_END = re.compile(r"[。！!？?\n]")
# A figure's words start after the clause's punctuation or the figure before it; 、 does not
# end them (在亳州市人民政府网站主动公开发布文件、新闻动态和业务信息647条).
_GROUP_END = re.compile(r"[。；;！!？?\n，,：:]")
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
    r"[“\"「『]([^”\"」』]{2,30}?政府(?:门户)?网站)[”\"」』](?![^，,。；;]{0,4}(?:微信|微博|公众号|抖音|号))"
)
# 我局政府网站, 本局门户网站: the agency's own site
# (市局互联网门户网站: a bureau's reports call it 市局, never a government's)
_OWN_SITE = re.compile(
    r"(?:(?:我|本)(?:局|委|厅|办|中心|单位)|(?:(?<![\u4e00-\u9fff])|(?<=[在过年的]))[市县区州]局)"
    r"(?:互联网)?(?:政府|门户|官方){0,2}(?:网站|官网|网)"
)
# the words name the government's portal (区政府网站, 政府门户网站), not a bare 门户网站 nor a
# bare 政府网站 — the name of any public body's site (州公安局通过政府网站…: its own, or whose?)
_GOV_NAMED = re.compile(
    r"(?:[区市县省州镇乡旗]|人民|[”\"」』])政府(?!信息)|政府门户"
    # 县政府信息公开平台 (the government's), not a bare 政府信息公开专栏 (whose?)
    r"|(?:[区市县省州镇乡旗]|人民)政府信息公开(?:平台|专栏|专区)|政府信息公开网"
    r"|[区市县省州]门户网"
)
# a government's site named in full somewhere in the report: whose a bare 政府网站 is
_GOV_SITE_NAMED = re.compile(r"(?:[区市县省州镇乡旗]|人民)政府(?:门户)?(?:网站|网)")
# 我局网站广州金盾网: the report names its own site; “廣州金盾網” later is that site
_OWN_SITE_NAME = re.compile(
    r"(?:我|本)(?:局|委|厅|办|中心|单位)(?:门户|官方)?(?:网站|官网)[“\"「『]?"
    r"(?P<name>[\u4e00-\u9fff]{2,12}?网)(?![\u4e00-\u9fff])"
)
# 其他媒体平台, 其他方式, 政府公报: no channel the catalogue has
_NO_CHANNEL = re.compile(r"其他(?:媒体|方式|渠道|平台|途径|形式)|公报")
_OWN_NEWS = re.compile(r"新闻(?=发布|发言|通稿|稿|动态|信息|中心)")
# 在网站和微信平台: a website no name tells
_BARE_SITE = re.compile(r"(?:^|(?<=[在和及与、过]))网站(?!群)")
# portals the report names with their owner, anywhere: 区政府门户网站 (the government's);
# 亳州市教育局门户网站, 《甘肃省教育厅》门户网站, 我局政府网站 (the agency's own)
_OWNED_SITE = re.compile(
    r"(?P<gov>政府)[”\"》」』]?(?:门户网|官网)"
    r"|(?P<own>局|委|厅|办|中心|委员会|单位)[”\"》」』]?(?:门户网|政府网站|官网)"
)
_MEDIA_LEVEL = re.compile(r"(国家|中央|省|市|县|区)级(?:及以上)?(?:主流|新闻|各类)?媒体")
# A list of ways (通过门户网、政务微博微信及新闻发布会等方式): the figure after it is the total
_LISTED = re.compile(r"等(?:方式|渠道|平台|形式|途径|载体|媒介|媒体)")


@dataclass(frozen=True, slots=True)
class _Report:
    """What the whole report says that a figure's own clause may leave out."""

    year: int | None
    portal_owner: str | None  # whose a bare 门户网站 is (a channel id), when the report says
    city: str | None  # the agency's city: “中国杭州” is the portal of 杭州市's government
    gov_site: bool = False  # a bare 政府网站 is the government's portal: the report says whose
    own_sites: tuple[str, ...] = ()  # names the report gives its own site (广州金盾网)
    hr: bool = False  # an HR bureau: an 人社局网站 is its own site
    field: str | None = None  # the agency's field (民政 of 江苏省民政厅): 江苏民政网 is its site


def _report_context(text: str, agency: str | None, year: int | None) -> _Report:
    """The report's year, whose its bare 门户网站 is, and its agency's city."""
    owners = {"gov_portal" if m["gov"] else "dept_site" for m in _OWNED_SITE.finditer(text)}
    government = bool(agency and re.search(r"人民政府(?:办公室|办公厅)?$|政府办公室$", agency))
    if government:
        owners = {"gov_portal"}
    city = re.match(r"(?:[\u4e00-\u9fff]{2,3}省)?(?P<city>[\u4e00-\u9fff]{2,3}?)市", agency or "")
    return _Report(
        year,
        owners.pop() if len(owners) == 1 else None,
        city and city["city"],
        gov_site=government or bool(_GOV_SITE_NAMED.search(text)),
        own_sites=tuple(dict.fromkeys(m["name"] for m in _OWN_SITE_NAME.finditer(text))),
        hr=bool(agency and re.search(r"人力资源和社会保障|人力社保|人社", agency)),
        field=_field(agency),
    )


def _field(agency: str | None) -> str | None:
    """The field a bureau is named after (江苏省民政厅 → 民政, 杭州市教育局 → 教育), or None for a
    government, an office or a name that does not read so."""
    found = re.fullmatch(
        r"(?:[\u4e00-\u9fff]{1,8}?[省市区县州旗])+(?P<field>[\u4e00-\u9fff]{2,4}?)(?:局|厅|委员会)",
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


def _where(words: str, catalogue: Catalogue, report: _Report) -> _Where:
    """The channel(s) some words name, with the report's own names for its sites read."""
    plain = _QUOTED_OWNER.sub(r"\1", words)
    # “高淳区人民政府门户网站”: a site's full name in quotes reads as the name itself
    plain = _QUOTED_SITE.sub(r"\1", plain)
    for name in report.own_sites:
        plain = re.sub(rf"[“\"「『]?{re.escape(name)}[”\"」』]?", "本局网站", plain)
    plain = _OWN_SITE.sub("本局网站", plain)
    # 自媒体 is new media; 入口网站 (a portal, in Taiwan's words) and an agency's 政务外网 are sites
    plain = plain.replace("自媒体", "新媒体").replace("入口网站", "门户网站")
    plain = plain.replace("政务外网", "网站")
    # 青岛政务网, 石柱县人民政府公众信息网: a government's portal by other names
    plain = re.sub(r"(?<!部门)政务网(?!站)", "政府门户网站", plain)
    plain = plain.replace("政府公众信息网", "政府门户网站")
    # 江苏民政网: a site named after the agency's field is its own
    if report.field:
        plain = re.sub(rf"(?:[\u4e00-\u9fff]{{2,3}})?{report.field}网(?!站)", "本局网站", plain)
    if _NO_CHANNEL.search(plain):
        return _Where(reason="doubtful channel")
    if report.city:
        plain = re.sub(
            rf"中国{report.city}(?=[”\"」』]?(?:门户网站|网站|网|和|及|与|、|同步|上|$))",
            f"{report.city}市政府门户网站",
            plain,
        )
    # 新闻发布会, 新闻通稿, 新闻动态: the agency's own news, not the press
    plain = _OWN_NEWS.sub("    ", plain)
    reading: ChannelReading = catalogue.read_channel(plain)
    mentioned = list(reading.mentioned)
    if _BARE_SITE.search(plain):
        mentioned.append("website")
    listed = bool(_LISTED.search(plain))
    if len(mentioned) > 1:
        return _Where(None, tuple(mentioned), listed=listed)
    if reading.channel is None:
        return _Where(mentioned=tuple(mentioned), listed=listed)
    channel = reading.channel.id
    if channel == "gov_portal" and not _GOV_NAMED.search(plain):
        # a bare 门户网站: whose the report says elsewhere (亳州市教育局门户网站 → its own)
        if "门户网" in plain and report.portal_owner:
            return _Where(report.portal_owner, (report.portal_owner,), 0.85, listed=listed)
        if "门户网" not in plain and "政府网" in plain:
            # a bare 政府网站: the government's when the report names it in full elsewhere
            if report.gov_site:
                return _Where("gov_portal", ("gov_portal",), 0.85, listed=listed)
            return _Where(reason="doubtful channel (whose government site?)")
        return _Where(reason="doubtful channel (门户网站 of whom?)")
    if channel == "hrss_site" and report.hr:  # an HR bureau's own site
        channel = "dept_site"
    return _Where(channel, (channel,), listed=listed)


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


def _site_and_more(channels: Sequence[str], catalogue: Catalogue) -> bool:
    """Whether channels are a website and channels of other kinds (new media, the press): the
    agency's whole output, where 报刊、微信公众号 alone is only a part of it."""
    kinds = {
        c if c in ("website", "new_media") else catalogue.channels[c].kind
        for c in channels
        if c in ("website", "new_media") or c in catalogue.channels
    }
    return "website" in kinds and len(kinds) > 1


# What was published, said in general: 信息, 政府信息, 稿件, 图文, 作品… (then 数, 共计, 总量…)
_FILLER = (
    r"(?:发布|公开|公布|推送|更新|发送|刊发|上传|编发|主动|共计|共|累计|全年|了"
    r"|数量|数|总数|总量|量|合计|达到|达|为|的有|新增|的|\s)*"
)
_ITEMS = re.compile(
    rf"^{_FILLER}$|(?:信息|稿件|文章|消息|推文|作品|图文|微博|微信|视频|条目|资讯){_FILLER}$"
)
# … on a website or as a total, only items in general: 政府信息, 各类政务信息, 相关信息, 新闻信息,
# 《条例》第二十条规定的相关政府信息 — not 部门财政预决算信息, 招标与中标信息, 目录信息
_GENERAL_ITEMS = re.compile(
    rf"^{_FILLER}(?:[^，,。；;]{{0,24}}规定的)?(?:各类|各项|相关|有关|全部|所有|本级)?"
    r"(?:政府|政务|新闻|工作|网站)?(?:主动)?(?:公开)?"
    rf"(?:信息|稿件|文章|消息|推文|作品|图文|微博|微信|视频|短视频|条目|资讯)?{_FILLER}$"
)
_VERB = re.compile(
    r"(?:发布|公开|公布|推送|推文|更新|发送|刊发|上传|编发|制发|印发)"
    r"(?!平台|网|专栏|栏|专区|目录|指南|年报|工作)"
)
_QUOTED = re.compile(r"[“\"「『][^”\"」』]*[”\"」』]")


def _verb_at(before: str, first: int) -> int:
    """Where the publishing verb of a figure's words is, from `first` on: not inside an account's
    name (“浦口教育发布”微信订阅号发布…) nor part of a site's name (信息公开平台, 公开栏)."""
    quoted = [m.span() for m in _QUOTED.finditer(before)]
    for verb in _VERB.finditer(before, first):
        if not any(a <= verb.start() < b for a, b in quoted):
            return verb.start()
    return first


def _own_items(what: str, field: str | None) -> str:
    """What was published, with the words that only say it is the agency's own field taken out:
    涉公安政府信息, 卫生政府信息 (a 卫生局's) are all its items, not one kind of them."""
    own = rf"涉[\u4e00-\u9fff]{{1,4}}?|{field}" if field else r"涉[\u4e00-\u9fff]{1,4}?"
    return re.sub(rf"(?:{own})(?=(?:政府|政务)信息)", "", what)


def _part_reason(
    words: str, what: str, *, new_media: bool = False, total: bool = False
) -> str | None:
    """Why a publishing figure counts only a part of what went out: one column of a channel
    (通知公告栏目, 部门动态) or one kind of item (政策法规类信息, 通知公告) — not the agency's
    whole column on the government's portal (卫生健康局栏目, 信息公开栏目), nor a list of kinds
    (文件、新闻动态和业务信息等); None when it counts the whole.

    An account's posts are all it published (健康海棠公众号发布…相关资讯206篇: `new_media`);
    a site's or the agency's items must be items in general, and a figure without a channel
    (`total`) lists kinds only with 等 (公开人大建议、政协提案办理结果信息105条 is one kind)."""
    if re.search(r"栏目", words) and not re.search(
        r"(?:局|委|厅|办|中心|信息公开|政务公开)栏目|专栏", words
    ):
        return "part of a channel"
    if re.search(r"动态|(?<!各)类信息", words):
        return "part of a channel"
    if re.search(r"重点", words[-6:] + what):  # 重点公开…等重要信息71条: the chosen part
        return "part (one kind of item)"
    if re.search(r"各类(?:政府|政务)?信息", what):  # 工作动态和各类政府信息660条: all of them
        return None
    # 文件、新闻动态和业务信息等: all kinds
    listed = re.search(r"等[^、，,]{0,12}$" if total else r"等[^、，,]{0,12}$|、", what)
    # 发布市政府及政府办文件及解读信息66条: kinds of item
    if re.search(r"动态|(?<!各)类信息|文件|解读|公告|通知|简报", what) and not listed:
        return "part (one kind of item)"
    # 发布法定主动公开内容1条, 发布通知公告20条: what was published is one kind of item unless
    # the words say items in general (信息, 稿件, 图文…)
    general = _ITEMS if new_media else _GENERAL_ITEMS
    if what.strip() and not listed and not general.search(what):
        return "part (one kind of item)"
    return None


def _one_media_level(words: str, sentence: str) -> bool:
    """Whether a media figure is one level's of several its full sentence gives (国家级媒体发稿
    17篇，省级媒体发稿104篇…): parts of the whole, where 市级及以上媒体 alone is the figure."""
    if not _MEDIA_LEVEL.search(words):
        return False
    return len({m[1] for m in _MEDIA_LEVEL.finditer(sentence)}) > 1


def _scope_start(text: str, start: int) -> int:
    """Where the words of a number start: after the clause's punctuation (not 、) or the figure
    before it in the clause, whichever is later."""
    left = _left_mark(text, start, _GROUP_END, _WORDS_REACH)
    starts, ends = _counted_ends(text)
    at = bisect_right(ends, start) - 1
    return ends[at] if at >= 0 and starts[at] >= left else left


@dataclass(frozen=True, slots=True)
class _Respective:
    """A number of a 分别 list (通过区门户网站、教体局微信公众号分别发布500余条)."""

    channels: tuple[str, ...]  # the channel(s) the number is for
    start: int  # where the list's words start (the quote)
    verb_start: int  # where the words after 分别 start, to the first number (the rule reads
    verb_end: int  # them: 分别发布信息300条、120条 — 发布信息 names both)


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
    numbers = [m.start() for m in NUMBER_RE.finditer(text, verb_start, stop) if m["unit"]]
    if match.start() not in numbers:
        return "分别: not a figure of the list"
    names = [n for n in re.split(r"[、和及与]", head[:at]) if n.strip()]
    channels = []
    for name in names:
        where = _where(name, catalogue, report)
        if where.channel is None or where.reason:
            return "分别: a name that is not one channel"
        channels.append(where.channel)
    if len(set(channels)) != len(channels):
        return "分别: a channel named twice"
    if len(numbers) == 1:
        return _Respective(tuple(channels), group_start, verb_start, numbers[0])
    if len(numbers) == len(channels):
        pair = (channels[numbers.index(match.start())],)
        return _Respective(pair, group_start, verb_start, numbers[0])
    return "分别: names and numbers do not pair"


# ── numbers in words ────────────────────────────────────────────────────────────────────────


def _value_text(match: re.Match[str]) -> str | None:
    """The figure's words as `parse_value` reads them: number words in digits (三百余条 →
    300余条); None when the words do not read as one number."""
    if not match["cn"]:
        # 突破63.9万 (passed 639,000) says at least, as 超过 does
        written = match.group(0).replace("突破", "超过", 1)
        if match["unit"] in _EXTRA_UNITS:
            written = written[: match.end("unit") - match.start()][:-1] + "件"
        return written
    number = _cn_number(match["cn"])
    if number is None:
        return None
    rest = match.group(0)[match.end("cn") - match.start() :]
    return (match["pre"] or "").replace("突破", "超过") + plain_number(number) + rest


@cache
def _cn_number(words: str) -> float | None:
    """A Chinese number word as a number (三百 → 300, 两千 → 2000), by cn2an; None for what it
    does not read as one number (三四百: three or four hundred)."""
    import cn2an  # imported when a report writes a number in words: it takes ~80 ms to load

    try:
        return float(cn2an.cn2an(words.replace("两", "二"), "strict"))
    except ValueError:
        return None


def to_facts(extraction: Extraction, agency: str, year: int) -> list[Fact]:
    """The figures found as facts of one agency and year (the quote as their note)."""
    return [
        Fact(
            agency=agency,
            year=year,
            metric=f.metric,
            channel=f.channel,
            category=f.category,
            value=f.value,
            qualifier=f.qualifier,
            note=f.quote,
            unit=f.unit,
            as_written=f.as_written,
        )
        for f in extraction.facts
    ]


def rule_by_id(metric: str) -> Rule:
    """The rule of a metric (the first one)."""
    return next(r for r in RULES if r.metric == metric)
