"""Find the figures of an annual report's text and name them with the catalogue.

Rule-based and cautious: a number is kept only when its clause names a metric by one of the
phrasings reports use (`RULES`), its words read with `parse_value`, and nothing around it says it
is something else (a date, a phone number, a law's number, a change, a cumulative figure). Every
other number goes to `skipped` with its reason: a wrong figure that looks right is worse than a
missing one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Fact
from dashboard.domain.script import to_simplified
from dashboard.domain.values import UNITS, Qualifier, parse_value

# Below this confidence a figure is left out (kept in `skipped`).
MIN_CONFIDENCE = 0.6

_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
# A number as reports write it: 约/近/超过 7,100.5 余 万 条 以上. Digits glued to other digits
# or letters are never a figure start (look-behind).
NUMBER_RE = re.compile(
    rf"""(?<![0-9A-Za-z.\-/:])
    (?P<pre>超过|逾|约|近|不足|不到|将近|接近|大约)?
    (?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)
    (?P<post1>余|多)?
    (?P<mult>[万亿])?
    (?P<post2>余|多)?
    (?P<unit>{_UNIT_RE})?
    (?P<post3>以上|左右)?""",
    re.VERBOSE,
)
# Clause boundaries: a figure's naming words are within its clause.
_CLAUSE_END = re.compile(r"[。；;！!？?\n，,、：:]")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")

# What a number right after or before it says it is not a figure.
_DATE_AFTER = re.compile(r"^(?:年|月|日|号|时|点|周岁|岁)")
_PHONE = re.compile(r"^[0-9]{3,4}-[0-9]{7,8}|^1[3-9][0-9]{9}$")
_LAW_BEFORE = re.compile(r"(?:第|令)$")
_CHANGE_BEFORE = re.compile(
    r"(?:同比|较上年|比上年|较去年|比去年|环比|增长|增加|下降|减少|提高|上升)[^，,。；;]{0,6}$"
)
_CUMULATIVE_BEFORE = re.compile(r"累计|历年|近[一二三四五两几]年|截至|截止")
_PART_BEFORE = re.compile(r"其中[^，,。；;]{0,12}$")
_YEAR_WORD = re.compile(r"^(?:19|20)[0-9]{2}$")
_ORDINAL_AFTER = re.compile(r"^(?:个|项|大类|类|次会|名|位|家|所|个百分点|倍|期|批)")


@dataclass(frozen=True, slots=True)
class Rule:
    """Words before (or after) a number that name its metric.

    `channel`: "read" — the channel is read from the clause (`Catalogue.read_channel`), None
    when none is named; "must" — as "read" but a figure without a channel is skipped; "default"
    — the metric's default channel; "none" — no channel.
    """

    metric: str
    before: re.Pattern[str]
    channel: str = "none"
    units: tuple[str, ...] = ()  # units the figure must carry when written with one
    after: re.Pattern[str] | None = None
    percent: bool = False
    confidence: float = 0.9
    category: str | None = None  # the catalogue category of the figure (文件 → documents)


def _r(text: str) -> re.Pattern[str]:
    return re.compile(text)


_PUBLISH_UNITS = ("条", "篇", "则", "期", "个")
# First match wins: the specific phrasings before the general ones.
RULES: tuple[Rule, ...] = (
    Rule("hotline_closure_rate", _r(r"办结率"), "default", percent=True),
    Rule("hotline_satisfaction_rate", _r(r"满意率|满意度"), "default", percent=True),
    Rule(
        "hotline_received",
        _r(
            r"(?:12345|热线)[^，,。]{0,12}(?:受理|交办|接收|收到)|(?:受理|接收|收到)[^，,。]{0,12}(?:12345|热线)"
        ),
        "default",
        units=("件", "个", "条", "件次"),
    ),
    Rule(
        "hotline_received",
        _r(r"(?:12345|热线)[^，,。0-9]{0,10}$"),
        "default",
        units=("件", "个", "条", "件次"),
    ),
    Rule("requests_disclosed", _r(r"(?:予以公开|同意公开)[^，,。0-9]{0,4}$"), units=("件", "件次")),
    Rule("requests_partial", _r(r"部分公开[^，,。0-9]{0,4}$"), units=("件", "件次")),
    Rule("requests_refused", _r(r"不予公开[^，,。0-9]{0,4}$"), units=("件", "件次")),
    Rule("requests_unavailable", _r(r"无法提供[^，,。0-9]{0,4}$"), units=("件", "件次")),
    Rule("requests_not_processed", _r(r"不予处理[^，,。0-9]{0,4}$"), units=("件", "件次")),
    Rule(
        "requests_new",
        _r(
            r"(?<!复议|诉讼)(?:收到|受理|新收|接收|接到)[^，,。0-9]{0,16}(?:申请|依申请)[^，,。0-9]{0,16}$"
        ),
        units=("件", "件次", "个", "宗", "项"),
    ),
    Rule(
        "requests_new",
        _r(r"(?:收到|受理|新收|接收|接到)$"),
        after=_r(r"^(?:依申请|政府信息公开申请|信息公开申请)"),
        units=("件", "件次", "个", "宗", "项"),
    ),
    Rule("requests_completed", _r(r"办结[^，,。0-9]{0,20}$"), units=("件", "件次", "项")),
    Rule(
        "requests_completed",
        _r(r"^$"),
        after=_r(r"^[^，,。]{0,14}申请[^，,。]{0,6}(?:均|全部|已)?[^，,。]{0,4}(?:按时|依法)?办结"),
        units=("件", "件次"),
    ),
    Rule("appeal_review", _r(r"行政复议[^，,。0-9]{0,6}$"), units=("件", "起")),
    Rule("litigation_cases", _r(r"行政诉讼[^，,。0-9]{0,6}$"), units=("件", "起")),
    Rule(
        "interpretations",
        _r(r"(?<![及和与、])解读[^，,。0-9]{0,10}$"),
        units=("篇", "条", "期", "次", "个"),
    ),
    Rule("info_adopted", _r(r"(?:录用|采用)[^，,。0-9]{0,6}$"), units=("篇", "条")),
    Rule("info_submitted", _r(r"报送[^，,。0-9]{0,12}$"), units=("篇", "条")),
    Rule(
        "media_reports",
        _r(
            r"(?:媒体|报刊|电视台|报纸)[^。]{0,24}(?:刊发|刊登|报道|发稿|播发|发布)[^，,。0-9]{0,10}$"
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
        _r(r"(?:粉丝|关注|订阅)[^，,。0-9]{0,8}$"),
        "must",
        units=("人", "万人", "人次", "户"),
    ),
    Rule("reads", _r(r"(?:阅读量|阅读数|浏览量|点击量|阅读)[^，,。0-9]{0,6}$"), "must"),
    Rule(
        "items_published",
        _r(r"(?:发布|公开|制发|印发)[^，,。0-9]{0,10}文件[^，,。0-9]{0,4}$"),
        "none",
        units=("条", "件", "个", "篇"),
        category="documents",
    ),
    Rule(
        "items_published",
        _r(r"(?:发布|公开|推送|更新|发送|刊发|上传|编发)[^，,。0-9]{0,30}$"),
        "read",
        units=_PUBLISH_UNITS,
        confidence=0.85,
    ),
)


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
    warnings: list[str] = field(default_factory=list)


_NAME = r"[\u4e00-\u9fff]{2,24}?(?:委员会|人民政府|管委会|局|厅|委|办公室|中心|开发区)"
_YEAR = r"(?:19|20)[0-9]{2}"
_REPORT = r"\s*(?:政府信息|政务)\s*公开\s*(?:工作)?\s*(?:年度)?\s*(?:年度)?报告"
_TITLE_CHARS = r"[^\s，,。；;:：《》“”()（）/]{2,40}?"
# "XX局2019年政府信息公开工作年度报告" (the title may be broken over two lines)
_TITLE_RE = re.compile(rf"(?P<agency>{_TITLE_CHARS})\s*(?P<year>{_YEAR})\s*年度?{_REPORT}")
# "2017年XX局政府信息公开工作年度报告"
_TITLE_YEAR_FIRST = re.compile(
    rf"(?:^|\n)\s*(?P<year>{_YEAR})\s*年度?\s*(?P<agency>{_TITLE_CHARS}){_REPORT}"
)
# "由XX编制", "本报告由XX根据…": the agency that wrote the report.
_WRITTEN_BY = re.compile(
    rf"由(?P<agency>{_NAME})(?:办公室)?(?:根据|依据|负责)?编制|报告由(?P<by>{_NAME})(?:根据|依据)"
)
# "2023年，XX局认真…": a sentence opening with the year and the agency's full name.
_YEAR_OPENING = re.compile(
    rf"(?:^|[。\n])\s*{_YEAR}\s*年度?[,，]?\s*(?P<agency>{_NAME})(?![\u4e00-\u9fff]{{0,2}}网)"
)
# 《XX局政府信息主动公开目录》: the agency's own disclosure rules name it in full.
_OWN_RULES = re.compile(rf"《(?P<agency>{_NAME})(?:政府|网上)?(?:信息|政务)")
_PERIOD_RE = re.compile(
    rf"(?:统计期限|统计期|时间范围|期限|统计时间)[^0-9。]{{0,8}}(?P<year>{_YEAR})\s*年\s*1\s*月\s*1\s*日"
)
_YEAR_START = re.compile(rf"(?:^|[。\n])\s*(?P<year>{_YEAR})\s*年度?[,，]?")
_TITLE_NOISE = re.compile(
    r"^(?:[^，,。]*?(?:是|报告|年报)由|现予以公布|现予公布|现将|现公布|现发布|特此发布|关于|本|由|的)+"
)
_NOT_AGENCY = re.compile(
    r"关于|通知|做好|收到|公开|^[我本区市县省全该]|国务院|中华人民共和国|[0-9]"
)
# Pinyin glosses some sites add after characters (根據(jù)): not part of any name.
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_PLACE_END = re.compile(r"[县市区州旗]$")


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


def _clean_agency(name: str, simple: str) -> str | None:
    """The agency of a matched name (in the text's own script), or None when it is not one."""
    noise = _TITLE_NOISE.match(simple)
    cut = noise.end() if noise else 0
    name, simple = name[cut:].strip(), simple[cut:].strip()
    # 由XX局办公室编制: the office writes the report, the agency is the bureau
    office = re.search(r"(?<=[局委厅])(?:办公室)?(?:编制|印发|发布)?的?$", simple)
    if office:
        name, simple = name[: office.start()], simple[: office.start()]
    if len(simple) < 3 or _NOT_AGENCY.search(simple):
        return None
    if _PLACE_END.search(simple):  # 合江县…年度报告: the place's government
        return name + "人民政府"
    return name


def find_agency_year(text: str) -> tuple[str | None, int | None]:
    """The agency and year of a report: from its title, else from the sentences naming them."""
    original = _PINYIN.sub("", text)
    simple = simplified_by_char(original)
    agency: str | None = None
    year: int | None = None

    def cut(match: re.Match[str], group: str = "agency") -> str | None:
        return _clean_agency(original[match.start(group) : match.end(group)], match[group])

    for pattern in (_TITLE_RE, _TITLE_YEAR_FIRST):
        for match in pattern.finditer(simple):
            name = cut(match)
            if name:
                agency, year = name, int(match["year"])
                break
        if agency:
            break
    if agency is None:
        for match in _WRITTEN_BY.finditer(simple):
            agency = cut(match, "agency" if match["agency"] else "by")
            if agency:
                break
    if agency is None:
        # the name most often given in full
        names = [cut(m) for p in (_YEAR_OPENING, _OWN_RULES) for m in p.finditer(simple)]
        counted = Counter(n for n in names if n)
        if counted:
            agency = counted.most_common(1)[0][0]
    if year is None:
        period = _PERIOD_RE.search(simple)
        opening = _YEAR_START.search(simple)
        if period:
            year = int(period["year"])
        elif opening:
            year = int(opening["year"])
    return agency, year


def _bounds(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    left = max((m.end() for m in pattern.finditer(text, 0, start)), default=0)
    found = pattern.search(text, end)
    return left, found.start() if found else len(text)


def _skip_reason(text: str, match: re.Match[str], before: str, after: str) -> str | None:
    digits = match["num"]
    if _LAW_BEFORE.search(before):
        return "law number"
    if _DATE_AFTER.match(after) and not match["unit"]:
        return "date"
    if _YEAR_WORD.match(digits) and not match["unit"]:
        return "year"
    line_start = text.rfind("\n", 0, match.start()) + 1
    around = text[max(line_start, match.start() - 16) : match.end() + 16]
    if re.search(r"电话|传真|邮编|热线电话|联系方式|地址", before[-24:]) or _PHONE.match(
        text[match.start() : match.end() + 10]
    ):
        return "phone"
    if _LAW_BEFORE.search(before) or re.match(r"^(?:号|条|款|章)", after):
        return "law number"
    if _ORDINAL_AFTER.match(after) and not match["unit"]:
        return "not a count of the report"
    if "%" in around and match["unit"] == "%" and _CHANGE_BEFORE.search(before):
        return "change"
    if _CHANGE_BEFORE.search(before):
        return "change"
    cumulative = _CUMULATIVE_BEFORE.search(before)
    # 本年度累计 / 全年累计: the year's total, not a running one
    if (
        cumulative
        and cumulative[0] == "累计"
        and re.search(r"(?:本年|全年|年度)[^。]{0,4}累计", before)
    ):
        cumulative = None
    if cumulative and not re.search(r"关注|粉丝|订阅|用户", before[-12:]):
        return "cumulative"
    if match.end() < len(text) and text[match.end() : match.end() + 1] in "-~－～至":
        return "range"
    return None


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
        result.warnings.append("agency not found: give it with --agency")
    if result.year is None:
        result.warnings.append("year not found: give it with --year")
    taken: set[tuple[str, str | None, str | None]] = set()
    original = text
    # Rules are written in simplified characters; the conversion keeps every position, so
    # quotes are still cut from the text as given.
    text = simplified_by_char(text)
    for match in NUMBER_RE.finditer(text):
        start, end = match.start(), match.end()
        clause_start, clause_end = _bounds(text, start, end, _CLAUSE_END)
        before = text[clause_start:start]
        after = text[end:clause_end]
        sentence_start, _ = _bounds(text, start, end, _SENTENCE_END)
        reason = _skip_reason(text, match, text[sentence_start:start], after)
        if reason is None and _YEAR_WORD.match(match["num"]):
            reason = "year"
        if reason is None and result.year and match["num"] == str(result.year):
            reason = "year"
        found = (
            None if reason else _name(match, before, after, text[sentence_start:start], catalogue)
        )
        if found is None or isinstance(found, str):
            skipped_quote = text[clause_start:clause_end].strip() or match.group(0)
            result.skipped.append(
                Skipped(match.group(0), skipped_quote, start, end, reason or found or "unnamed")
            )
            continue
        rule, channel, parsed_text = found
        parsed = parse_value(parsed_text)
        if not parsed.ok or parsed.value is None:
            result.skipped.append(
                Skipped(match.group(0), before + match.group(0), start, end, "unreadable")
            )
            continue
        confidence = rule.confidence
        if (
            _PART_BEFORE.search(text[sentence_start:start])
            and not rule.metric.startswith("requests_")
            and rule.category is None
        ):
            result.skipped.append(
                Skipped(match.group(0), before + match.group(0), start, end, "part (其中)")
            )
            continue
        slot = (rule.metric, channel, rule.category)
        if slot in taken:  # a second figure for one slot: the first (the total) is kept
            result.skipped.append(
                Skipped(match.group(0), before + match.group(0), start, end, "repeated")
            )
            continue
        if confidence < MIN_CONFIDENCE:
            result.skipped.append(
                Skipped(match.group(0), before + match.group(0), start, end, "doubtful")
            )
            continue
        taken.add(slot)
        quote_start = clause_start + (len(before) - len(before.lstrip()))
        quote_end = end
        if rule.after is not None and not rule.before.pattern.strip("^$"):
            quote_start = start
            quote_end = end + rule.after.match(after).end()  # type: ignore[union-attr]
        result.facts.append(
            Found(
                metric=rule.metric,
                channel=channel,
                category=rule.category,
                value=parsed.value,
                qualifier=parsed.qualifier,
                unit=parsed.unit,
                as_written=parsed.as_written or match.group(0),
                quote=original[quote_start:quote_end],
                start=quote_start,
                end=quote_end,
                confidence=confidence,
            )
        )
    return result


def _name(
    match: re.Match[str],
    before: str,
    after: str,
    sentence: str,
    catalogue: Catalogue,
) -> tuple[Rule, str | None, str] | str | None:
    """The rule naming a number, its channel and the value text; or why none does."""
    unit = match["unit"]
    written = match.group(0)
    for rule in RULES:
        if rule.metric not in catalogue.metrics:
            continue
        if not rule.before.search(before):
            continue
        if rule.metric.startswith("requests_") and re.search(r"复议|诉讼", before):
            continue
        if rule.metric == "requests_completed" and re.search(r"12345|热线|工单|信访", sentence):
            continue
        if rule.after is not None and not rule.after.match(after):
            continue
        if rule.percent != (unit == "%"):
            continue
        if rule.percent and not re.search(r"12345|热线", sentence):
            return "rate of an unnamed hotline"
        if rule.units and unit and unit not in rule.units:
            continue
        if rule.units and not unit and rule.metric in ("items_published", "hotline_received"):
            continue  # 发布…12: a bare number of a publishing clause is too often something else
        metric = catalogue.metrics[rule.metric]
        channel: str | None = None
        if rule.channel == "default":
            channel = metric.default_channel
        elif rule.channel in ("read", "must"):
            reading = catalogue.read_channel(before)
            if reading.channel is None and rule.channel == "must":
                reading = catalogue.read_channel(sentence)
            if reading.how == "several" or (reading.channel and reading.channel.combines):
                return "several channels"
            channel = reading.channel.id if reading.channel else None
            if channel is None and rule.channel == "must":
                return "channel not named"
            if re.search(r"同步|发布会", before):
                return "doubtful channel"
            # a bare 门户网站: the region's portal when a place names it (区门户网站); else
            # reports mean their own site as often as the government's, so it is left out
            if (
                channel == "gov_portal"
                and not re.search(r"政府(?!信息)|政府信息公开(?:网|平台)", before)
                and not re.search(r"[区市县省州]门户网", before)
            ):
                return "doubtful channel (门户网站 of whom?)"
            if channel is None and re.search(r"网站|平台|栏目|网|媒体|各类", before):
                return "doubtful channel"
            if channel is None and catalogue.read_channel(sentence).how != "unknown":
                return "channel named earlier in the sentence"
            if re.search(r"动态|类信息|栏目", before) and rule.metric == "items_published":
                return "part of a channel"
                return "doubtful channel"
            if rule.metric == "items_published" and channel == "news_media":
                return rule_by_id("media_reports"), channel, written
        return rule, channel, written
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
