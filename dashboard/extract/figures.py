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

The rules live in modules of their own: `numbers` (the numbers and the skip reasons of dates,
phone numbers, laws…), `agency` (`find_agency_year`), `rules` (`Rule`, `RULES`), `channels`
(where a figure was published) and `naming` (`_name`: a number's metric and channel). This module
runs them over a text (`extract_figures`) and keeps what callers import from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.facts import Fact
from dashboard.domain.problems import Problem, ProblemCode, Severity
from dashboard.domain.script import PINYIN_GLOSS
from dashboard.domain.values import Qualifier, normalize_text, parse_value
from dashboard.extract.agency import (
    INVISIBLE,
    find_agency_year,
    names_its_place,
    page_publisher,
    simplified_by_char,
    unplaced_name,
)
from dashboard.extract.channels import (
    _LIST_UNIT,
    _Report,
    _report_context,
    _respective,
    _where,
)
from dashboard.extract.furniture import blank_furniture
from dashboard.extract.naming import (
    _QUOTED,
    _RUNNING_WORDS,
    _VERB,
    SET_UP,
    _name,
    _part_reason,
)
from dashboard.extract.numbers import (
    _CLAUSE_END,
    _EXTRA_UNITS,
    _GROUP_END,
    _MADE_TOTAL,
    _OTHER_KINDS,
    _PART_BEFORE,
    _PART_LIST,
    _PARTS_OPEN,
    _PERIOD_END,
    _SENTENCE_END,
    _WORDS_REACH,
    _YEAR_WORD,
    CLAUSE_YEAR,
    HEADING_NUMBER,
    NUMBER_RE,
    OPENING_YEAR,
    SENTENCE_OPENING_YEAR,
    _bounds,
    _left_mark,
    _scope_start,
    _skip_reason,
    _value_text,
)
from dashboard.extract.review import cap_doubtful
from dashboard.extract.rules import _LIST_RULE, _PUBLISH_UNITS, RULES, Naming, Rule, rule_by_id

__all__ = [
    "MIN_CONFIDENCE",
    "NUMBER_RE",
    "RULES",
    "Extraction",
    "Found",
    "Rule",
    "Skipped",
    "extract_figures",
    "find_agency_year",
    "rule_by_id",
    "simplified_by_char",
    "to_facts",
]

# 以县政府和县政府办公室名义: documents in the names of a government and its office
_GOVERNMENT_NAMES = re.compile(
    r"以[^，,。；;0-9]{0,8}政府(?:办公室|办公厅|办)?[和及与、][^，,。；;0-9]{0,8}政府(?:办公室|办公厅|办)?(?:的)?名义"
)
# 报送并被采用信息179条，其中…: a list of parts of what was sent up or adopted
_SENT_UP_PARTS = re.compile(
    r"(?:报送|上报|采用|录用)[^，,。；;]{0,20}[0-9]+\s*[条篇件][，,；;:：]?\s*其中"
)
# Below this confidence a figure is left out (kept in `skipped`).
MIN_CONFIDENCE = 0.6


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


# 累计公开信息7976条(2022年新增435条): the year's part of a running total, right after it
_YEAR_PART_AFTER = re.compile(
    r"\s*[(（]\s*(?:其中)?\s*(?P<year>(?:19|20)[0-9]{2})\s*年度?(?:新增|新公开|公开)"
)
# 累计主动公开4002条。2019年新增主动公开362条: the year's part in the next words, after 累计
_YEAR_PART_NEXT = re.compile(
    r"\s*(?:信息)?[。；;，,]\s*(?P<year>(?:19|20)[0-9]{2})\s*年度?[^，,。；;0-9]{0,8}(?:新增|公开)"
    r"[^，,。；;0-9]{0,12}[0-9]"
)
# …457条，其中2016年…: a figure's part for one year, after it
_YEARS_PART_NEXT = re.compile(
    r"\s*[，,；;]?\s*其中[，,：:]?\s*(?:19|20)[0-9]{2}\s*年(?!以来|起|至)"
)
# 累计, 截至目前: the words of a running total, whose year's part may be named next
_RUNNING_MARK = re.compile(r"累计|截[至止]目前")
_THIS_YEAR_ADDED_NEXT = re.compile(
    r"\s*[，,；;]\s*(?:今年|本年度?|当年)新增[^，,。；;0-9]{0,12}[0-9]"
)
# (…累计主动公开信息6674条，本年度主动公开信息1068条: the year's own count, said next)
_THIS_YEAR_NEXT = re.compile(
    r"\s*[，,；;]\s*(?:今年|本年度?|当年)(?:共|全年)?(?:主动)?(?:公开|发布)[^，,。；;0-9]{0,12}[0-9]"
)
# 累计公开206条，其中主动公开信息数为200条，依申请公开…: a count of all three kinds, proactive
# or not — no figure of what was published
_THREE_KINDS_NEXT = re.compile(
    r"\s*[，,；;]?\s*其中[，,：:]?\s*主动公开[^，,。；;0-9]{0,10}[0-9]+\s*[条件篇]"
    + _OTHER_KINDS.pattern
)


# the year of what was published, right after its verb (主动公开了2023年各类政府信息)
_VERB_YEAR = re.compile(
    r"(?:发布|公开|公布)了?(?P<year>(?:19|20)[0-9]{2})\s*年度?(?!以来|来|[0-9]|\s*[0-9]{1,2}\s*月)"
)
# a clause opening on a year (…，2022年度共收到…), as `CLAUSE_YEAR` reads it
_CLAUSE_OPENING_YEAR = re.compile(r"(?:^|[，,；;。\n])" + CLAUSE_YEAR.pattern)


def _opening_year(period: str) -> re.Match[str] | None:
    """The year a full sentence opens on, with its comma (2024年，…) or without it (2022年我镇
    收到…), not a running total's start or a span (2022年以来, 2022年底, 2022年1-6月)."""
    heading = HEADING_NUMBER.match(period)
    return OPENING_YEAR.match(period) or CLAUSE_YEAR.match(period, heading.end() if heading else 0)


# 。其中,上年结转申请1件: the requests carried over, told at the next sentence's start
_CARRIED_NEXT = re.compile(r"\s*[。；;]\s*其中[，,：:]?\s*(?:包括|含)?上(?:一)?年度?结转")
# 本年度新增237条: the year's new count, with no words of its own for what it counts
_YEAR_ADDED = re.compile(r"(?:今年|本年度?|当年)新增(?:了)?(?:共|共计)?")
_APPLICANTS_JUST_BEFORE = re.compile(r"(?<![0-9])[0-9]+\s*(?:个|名|位)$")
_BY_APPLICANTS = re.compile(r"(?:申请人|自然人|法人|公民)[^，,。；;0-9]{0,24}申请")
# 54期97条: a count of issues right before the count of the items they held
_ITEMS_AFTER_ISSUES = re.compile(r"\s*[0-9]+\s*(?:条|篇|则)")
_ISSUES_JUST_BEFORE = re.compile(r"(?<![0-9])[0-9]+\s*[期项]\s*$")

# How far a skipped number's quote reaches either side of it.
_QUOTE_REACH = 200

# What a quote does not start with: the space or the 、 before the figure's words.
_QUOTE_LEAD = " \t\u3000\u00a0、"


# 具体为…, 其中…: the head of a list that follows a figure
_LIST_HEAD = re.compile(r"^\s*(?:具体为|具体是|分别为|分别是|其中|包括|即)[：:，,]?\s*")
_COLON_HEAD = re.compile(r"(?:具体为|具体是|分别为|分别是|其中|包括|即)\s*[：:，,]\s*$")
# (政务新媒体7319条(微博5548条、微信1771条): a figure's parts by channel, in brackets after it)
_BRACKET_HEAD = re.compile(r"[0-9]\s*万?(?:余|多)?\s*[条篇则]\s*$")


# …其中，局官网发布信息764条，: a 其中 (包括, 具体为…) list of counted items going on to the
# next item; …发布“山东海洋”政务微信公众号1122篇，: a channel's figure, the next channel's after it
_CHANNEL_LIST_GOES_ON = re.compile(
    r"(?:其中|包括|具体为|具体是|分别为|分别是)[^。；;]*?[0-9.]+\s*万?(?:余|多)?\s*[条篇则]"
    # (…128条(公告公示8条),政务微信698条: an aside in brackets after the figure)
    r"(?:[(（][^()（）]{0,20}[)）])?[，,、]\s*$"
    r"|(?:发布|推送|公开|更新|推出)[^，,。；;0-9]{0,30}?"
    r"(?:公众号|微信|微博|抖音|头条号|视频号|快手|网站|官网)[^，,。；;0-9]{0,8}[0-9.]+\s*万?(?:余|多)?\s*[条篇则][，,]\s*$"
)


# 全年局门户网站主动公开信息2978条,政务微信321条,政务微博260条: a channel's figure with its
# verb after the channel, and the list going on over short items of channels alone
_CHANNEL_FIRST_LIST_GOES_ON = re.compile(
    r"(?:公众号|微信|微博|抖音|头条号|视频号|快手|网站|官网)[^，,。；;0-9]{0,8}?"
    r"(?:发布|推送|公开|更新|推出)[^，,。；;0-9]{0,12}[0-9.]+\s*万?(?:余|多)?\s*[条篇则]"
    r"(?:[，,][^，,。；;0-9]{1,6}[0-9.]+\s*万?(?:余|多)?\s*[条篇则])*[，,]\s*$"
)


def _goes_on(before_item: str, item: str, unit: str | None) -> bool:
    """Whether an item continues a list of channel figures (see the two patterns above); the
    channel-first list only over short items counted as posts are (政务微博260条, not
    解决微博投诉问题16件)."""
    if _CHANNEL_LIST_GOES_ON.search(before_item):
        return True
    return (
        unit in ("条", "篇", "则")
        and len(item) <= 6
        and bool(_CHANNEL_FIRST_LIST_GOES_ON.search(before_item))
    )


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
    # (其中:局门户网站361条: the heading's colon or comma ends the words before the item; a
    # figure's bracket opens its parts)
    head_before = head is None and bool(
        _COLON_HEAD.search(text, max(0, item_start - 8), item_start)
    )
    bracket = re.match(r"[(（]\s*", item)
    if head is None and bracket and _BRACKET_HEAD.search(text, max(0, item_start - 12), item_start):
        item, item_start, head_before = item[bracket.end() :], item_start + bracket.end(), True
    joined = re.match(r"\s*(?:、|以及|和|及|与)\s*", item)
    if joined:
        item, item_start = item[joined.end() :], item_start + joined.end()
    # (其中，通过委官方网站提交申请表的862件: how requests came in, no channel's items)
    if not item or len(item) > 24 or re.search(r"[0-9]|申请", item) or _VERB.search(item):
        return None
    group = text[group_start:item_start]
    group_head = _LIST_HEAD.match(group)
    sentence_before = period[: len(period) - len(text[group_start : match.start()])]
    # (…共公开各类政府信息20889条。其中，区政府网站4266条: the list's figure in the sentence
    # before the one its 其中 opens)
    lead = _lead(text, match.start() - len(period)) if re.match(r"\s*其中", period) else ""
    sentence_before = lead + sentence_before
    if (
        head
        or head_before
        or (group_head and not joined and group_start == item_start - len(group))
    ):
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
        # (其中网站319条，微信851条、微博2348条: a list going on, joined with 、)
        going_on = bool(
            _CHANNEL_LIST_GOES_ON.search(
                period[: len(period) - len(text[group_start : match.start()])]
            )
        )
        if not (first or listed or going_on) or not any(
            m["unit"] for m in NUMBER_RE.finditer(group)
        ):
            return None
    else:
        # 其中，局官网发布信息764条，微信公众号2841条，微博2465条: an item after a comma that
        # continues a list of channel figures opened by 其中 after a published total
        before_item = period[: len(period) - len(text[item_start : match.start()])]
        if not (
            _goes_on(before_item, item, match["unit"])
            and _VERB.search(lead + before_item)
            and not head
            and not group_head
        ):
            return None
    # 开设政务微信1个: an account set up, not its items
    if match["unit"] == "个" and SET_UP.search(item):
        return "not a count of the report"
    # 其中通过县政府网站在线提交10件，信函申请3件: requests by the way they came, not items
    if _SUBMITTED_BY.search(item):
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


_SUBMITTED_BY = re.compile(r"(?:提交|申请|来信|来电|受理|收到)[^，,。；;0-9]{0,4}$")
# a figure said to be all of its kind: 共受理, 合计收到, 全年共
_ALL_OF_THEM = re.compile(r"(?:全年|本年度?|[0-9]{4}年度?)?\s*(?:共计|合计|总计|共)")
# (更新公开和新增公开信息280条: one of two kinds joined, not the year's new alone)
_NEW_OF_YEAR = re.compile(r"(?<![和及与、])(?:新收|新增|新受理|新接收)")


def _running_total(words: str) -> bool:
    """Whether words give a running total: 累计, not said of the year (2024年累计, 全年累计)."""
    return "累计" in words and not re.search(r"(?:年度?|全年|今年|当年)\s*累计", words)


# 通过市政府网站公开信息2100条，通过县政府门户网站发布政府信息5469条: in a county's (district's)
# report, the city's portal is a higher government's; the county's own is the row's
_CITY_PORTAL = re.compile(r"(?<![区县旗])市(?:人民)?政府(?:门户)?网站?")
_OWN_LEVEL_PORTAL = re.compile(r"[区县旗](?:人民)?政府(?:门户)?网站?")


def _higher_portal(
    result: Extraction,
    taken: dict[tuple[str, str | None, str | None], tuple[Found, int] | None],
    slot: tuple[str, str | None, str | None],
    words: str | None,
    district: bool,
) -> str | None:
    """Why, of two portal figures in a county's report, one is not the row's: the city's
    portal beside the county's own (None when that is not the case)."""
    first = taken[slot]
    if not district or slot[1] != "gov_portal" or first is None or words is None:
        return None
    fact = first[0]
    if _CITY_PORTAL.search(words) and _OWN_LEVEL_PORTAL.search(fact.quote):
        return "another body's site"
    if _CITY_PORTAL.search(fact.quote) and _OWN_LEVEL_PORTAL.search(words):
        _take_out(result, fact, "another body's site")
        del taken[slot]  # (the county's figure is then taken as the row's)
        return None
    return None


# (含…, 其中…, 包括…: what opens a bracket of parts after a figure)
_PART_IN_BRACKETS = re.compile(r"\s*[(（]\s*(?:含|其中|包括)")


_SUM_WORD = re.compile(r"合计|总计|共计|总共|合共")
_LISTED_NUMBER = re.compile(r"(?<![0-9.])([0-9]+)\s*[条件篇]")


def _take_out(result: Extraction, fact: Found, why: str) -> None:
    """Move a figure already taken to the numbers left out, with the reason."""
    result.facts.remove(fact)
    result.skipped.append(Skipped(fact.as_written, fact.quote, fact.start, fact.end, why))


def _sums_the_list(
    text: str, first: Found, start: int, value: float, words: str, *, of_its_channel: bool = False
) -> bool:
    """Whether a figure said to be a sum (合计, 共计) adds up the counts listed from the row's
    first figure on (县住房城乡建委共公开行政许可24条，公开政务信息23条，发布公告公示51条，工作动态
    28条。全年合计发布各类信息126条): the first was one kind of the list, not the row's.
    `of_its_channel`: the sum took the first's channel as the channel of its whole list."""
    if not _SUM_WORD.search(words) or first.value >= value:
        return False
    if first.channel is not None and not of_its_channel:
        return False
    # (from the opening of the first's sentence: the kinds listed before it count too)
    opening = max(text.rfind(mark, 0, first.start) for mark in "。\n；;") + 1
    listed = [float(n) for n in _LISTED_NUMBER.findall(text[opening:start])]
    return len(listed) >= 3 and first.value in listed and sum(listed) == value


def _channel_of_the_list(
    taken: dict[tuple[str, str | None, str | None], tuple[Found, int] | None],
    text: str,
    period_start: int,
    start: int,
    catalogue: Catalogue,
    report: _Report,
) -> str | None:
    """The channel of the counts a sum adds up (通过花溪区人民政府门户网站平台主动公开财政信息26条、
    部门动态59条…，总共120条: the portal's 120): the channel the sentence's first count was
    read with, when no other channel is named between it and the sum (门户网站发布100条、微信
    200条，合计300条 sums two channels: none)."""
    counts = [
        held[0]
        for (metric, channel, category), held in taken.items()
        if held is not None and held[1] == period_start and metric == "items_published"
    ]
    if not counts:
        return None
    first = min(counts, key=lambda fact: fact.start)
    # (网站主动公开信息233条,微信公众号发布信息295条,共计528条: the sentence's first count was
    # left unread, so the first taken is not the list's first)
    listed = _LISTED_NUMBER.search(text, period_start, start)
    if listed is None or listed.end() != first.end:
        return None
    if first.category or _where(text[first.end : start], catalogue, report).mentioned:
        return None
    return first.channel


def _second_figure(
    result: Extraction,
    taken: dict[tuple[str, str | None, str | None], tuple[Found, int] | None],
    slot: tuple[str, str | None, str | None],
    period: str,
    period_start: int,
    words: str | None,
) -> str | None:
    """Why a second figure for a row is left out (None: it is taken, the first left out).
    Two in one full sentence, with no 其中 before them, each naming the row in its own `words`
    (None: the second's channel was read from its sentence) for the same account
    (“五邑人社”微信视频号发布视频151条；“五邑人社”抖音发布视频151条: one account on two
    platforms of one kind) say neither is the row's: the first is taken out too. Otherwise
    the first is kept (a summary restated, or 微信公众号…1082篇 before another unit's
    “亳州职教”微信公众平台…687篇)."""
    first = taken[slot]
    if first is None:
        return "two figures for one row"
    fact, first_period = first
    # the words between the first figure and this one, in the same sentence
    between = period[max(0, fact.end - period_start) :]
    # 本年度新收申请数112件，…共受理…121件; 新增的主动公开政府信息30条，累计…305条: of two
    # figures in one sentence, the one said to be the year's new is the row's
    # (累计主动公开政府信息305条,全文电子化率达100%。2022年新增的…30条: a running total, the
    # year's new count in the next sentence)
    if words is not None and (first_period == period_start or "累计" in fact.quote):
        first_new, second_new = _NEW_OF_YEAR.search(fact.quote), _NEW_OF_YEAR.search(words)
        if first_new and not second_new and first_period == period_start:
            return "repeated"
        if second_new and not first_new:
            _take_out(result, fact, "repeated")
            return None
    # 截止2010年12月31日,全街累计公开政务信息7条。2010年,我街主动公开政府信息4条: a running
    # total, then a sentence opening on the report's year with its own count — the year's
    if (
        words is not None
        and first_period != period_start
        and result.year is not None
        and _running_total(fact.quote)
        and not _running_total(period)
        and re.match(rf"\s*{result.year}\s*年度?[,，]", period)
    ):
        _take_out(result, fact, "cumulative")
        return None
    # 全区主动公开政府信息1952件,累计公开政府信息8479件: of two figures in one sentence, a
    # running total (累计) after the year's figure is not the year's
    # (2024年累计发布解读信息27条, 全年累计: the year's, said so; 累计公开信息80条，主动公开75条:
    # 累计 first, then another count — which is the year's is left open, as before)
    if (
        words is not None
        and first_period == period_start
        and _running_total(words)
        and not _running_total(fact.quote)
    ):
        return "cumulative"
    # 收到政府信息公开申请1521宗(含区规划资源分局收到申请1187宗): a part, in brackets right after
    # the figure it is part of (after the year's new count, which the rules above put first)
    # (not 申请151件(含上年结转13件)，办结146件: a figure after the bracket has closed)
    if (
        first_period == period_start
        and _PART_IN_BRACKETS.match(between)
        and not re.search(r"[)）]", between)
    ):
        return "part (其中)"
    # 共受理…申请29件，通过政府信息公开网申请25件，接受书面申请4件: the first said to be all
    # (共, 合计) and the second after it in its sentence — a part of it, not another figure (for
    # requests and interpretations — 共发布政策解读信息总数105条，解读材料数量12条 — : of items
    # published, 共 opens other kinds' counts as often)
    if (
        words is not None
        and first_period == period_start
        and (
            slot[0] == "requests_new"
            # (共制作解读材料6篇，多形式解读产品7个: two kinds; 总数 says which is all)
            or (slot[0] == "interpretations" and re.search(r"总数|总量|总计|合计", fact.quote))
        )
        and _ALL_OF_THEM.match(fact.quote)
        and not _ALL_OF_THEM.match(words)
    ):
        return "repeated"
    # 平度公安微信粉丝量37056人，…平度交警微信粉丝量5.1万人: two accounts' followers (or
    # reads) in one sentence — neither is the agency's account
    # 其中省级以上媒体录用10篇，市级媒体录用52篇: the items each adopter took — neither is all
    # (录用16篇，其中2篇被省委录用; 阅读总量124.64万，其中阅读量超过1万…: the second a part of
    # the first, which stands)
    if (
        slot[0] in ("followers", "reads", "info_adopted")
        and first_period == period_start
        and "其中" not in between
    ):
        return _both_out(result, taken, slot, fact)
    # 其中…微信微视频发布18条，抖音发布38条: two items of one 其中 list, each naming its own
    # platform of one kind — neither is the row's figure
    # (其中…微信公众号“健康合江”发布440条，微信服务号“健康合江服务”发布37条: two accounts,
    # each quoted by its name)
    named_apart = (
        _QUOTED.search(words or "")
        and _QUOTED.search(fact.quote)
        and set(_QUOTED.findall(words or "")) != set(_QUOTED.findall(fact.quote))
    )
    listed_apart = (
        slot[0] == "items_published"
        and slot[1] is not None
        and first_period == period_start
        and "其中" in period
        and words is not None
        and (named_apart or (not _QUOTED.search(words) and not _QUOTED.search(fact.quote)))
        # (short: a list's item, its quoted name aside)
        and len(_QUOTED.sub("", words)) <= 20
        and len(_QUOTED.sub("", fact.quote)) <= 24
    )
    if listed_apart:
        return _both_out(result, taken, slot, fact)
    if first_period != period_start or "其中" in period or words is None:
        return "repeated"
    if set(_QUOTED.findall(words)) != set(_QUOTED.findall(fact.quote)):
        return "repeated"
    return _both_out(result, taken, slot, fact)


def _both_out(
    result: Extraction,
    taken: dict[tuple[str, str | None, str | None], tuple[Found, int] | None],
    slot: tuple[str, str | None, str | None],
    fact: Found,
) -> str:
    """Take the first figure of a row out again: two figures for one row, neither is its."""
    _take_out(result, fact, "two figures for one row")
    taken[slot] = None
    return "two figures for one row"


def _lead(text: str, period_start: int) -> str:
    """The full sentence before a figure's (…公开信息138条。其中：概况3条…), at most
    _QUOTE_REACH characters of it."""
    # (…申请6件。⏎⏎2019年共答复6件: the sentence before the blank lines, not the blank)
    end = period_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    lead_start, _ = _bounds(text, max(0, end - 1), end, _PERIOD_END)
    return text[max(lead_start, end - _QUOTE_REACH) : period_start]


def _whole_after_part(sentence: str, rest: str, year: int | None) -> bool:
    """Whether a figure after 其中 is the year's whole all the same: the part of a running
    total that is the report year's (历年累计52条，其中2010年新增…14条), or what was published
    of all information made (共制作政府信息3021条，其中主动公开信息1027条) or of the three
    kinds a count holds (累计公开206条，其中主动公开…200条，依申请公开…6条: `rest`, the words
    after it)."""
    if _MADE_TOTAL.search(sentence):
        return True
    # (not 收到政务公开申请11件，其中：主动公开1件，依申请公开4件: requests, by what they asked)
    held = re.search(r"其中[，,：:]?\s*主动公开[^，,。；;0-9]{0,10}$", sentence)
    if held and "申请" not in sentence[: held.start()] and _OTHER_KINDS.match(rest):
        return True
    # (the words after the last 其中 or 包括, not the sentence's: 2020年1月1日至12月31日，我镇共主动
    # 公开政府信息832条，包括：基层政务公开189条 — the year opens the sentence, not the part)
    opened = [m.end() for m in re.finditer(_PARTS_OPEN, sentence)]
    after = sentence[opened[-1] :].lstrip(" ，,：:") if opened else sentence.lstrip()
    # (…累计主动公开政府信息16条，其中本年度新增的主动公开信息1条: the year's, said so)
    if re.match(r"(?:本年度?|今年|当年)(?:新增|新发布|新公开)", after):
        return True
    return year is not None and after.startswith(f"{year}年")


# a title that names a report (…年度报告, …年报): not a site's name (某某市人民政府门户网站)
_REPORT_TITLE = re.compile(r"报告|年报|報告|年報")


def _named_by_titles(titles: Sequence[str], agency: str | None, year: int | None) -> Problem | None:
    """What the first title naming a report gives of the agency and year the text left out, as
    the warning that says so (its params: `agency`, `year`, and `given`, the two as shown); None
    when no title gives either."""
    for title in titles:
        if not _REPORT_TITLE.search(title):
            continue
        named, dated = find_agency_year(title)
        named, dated = (named if agency is None else None), (dated if year is None else None)
        if named is None and dated is None:
            continue
        given = " / ".join(str(v) for v in (named, dated) if v is not None)
        params: dict[str, Any] = {"given": given}
        if named is not None:
            params["agency"] = named
        if dated is not None:
            params["year"] = dated
        return Problem(
            ProblemCode.REPORT_NAMED_BY_TITLE, Severity.WARNING, value=title, params=params
        )
    return None


def extract_figures(
    text: str,
    catalogue: Catalogue,
    *,
    tables: Sequence[Sequence[Sequence[str]]] = (),
    agency: str | None = None,
    year: int | None = None,
    titles: Sequence[str] = (),
    sites: Sequence[str] = (),
    sources: Sequence[str] = (),
) -> Extraction:
    """The figures of a report's text, each named with the catalogue and quoted exactly.

    `titles`: what the file calls itself outside its text (a page's <title>, a title property,
    the file's name), read for the agency and year when the text names neither. `sites` and
    `sources`: what the web page it came from says of who published it (`ReportDocument`), read
    for the agency's place when the text leaves it out, then for the agency itself."""
    given = text
    # (上一篇：某县水利局2022年…报告 below a report copied with its page: neither its title nor
    # its words; blanked, so positions hold)
    text = blank_furniture(text)
    found_agency, found_year = find_agency_year(text)
    titled: Problem | None = None
    if (agency or found_agency) is None or (year or found_year) is None:
        titled = _named_by_titles(titles, agency or found_agency, year or found_year)
        if titled is not None:
            found_agency = found_agency or titled.params.get("agency")
            found_year = found_year or titled.params.get("year")
    placed: Problem | None = None
    # (a page's words only fill what the text leaves out: read when it gives no name, or one
    # without its place)
    if (
        agency is None
        and (sites or sources)
        and not (titled and "agency" in titled.params)
        and (found_agency is None or not names_its_place(found_agency))
    ):
        by_page, _ = find_agency_year(text, sites=sites, sources=sources)
        if by_page is not None and by_page != found_agency:
            found_agency = by_page
            publisher = page_publisher(by_page, sites, sources)
            placed = Problem(
                ProblemCode.REPORT_NAMED_BY_PAGE,
                Severity.WARNING,
                value=publisher,
                params={"agency": by_page},
            )
    result = Extraction(agency or found_agency, year or found_year)
    for said in (titled, placed):
        if said is not None:
            result.warnings.append(said)
    if result.agency is None:
        # (市交通运输局2018年…报告 with no page around it: say what the report calls itself, so
        # the editor only adds the place)
        unplaced = unplaced_name(text)
        result.warnings.append(
            Problem(ProblemCode.REPORT_AGENCY_UNPLACED, Severity.WARNING, value=unplaced)
            if unplaced
            else Problem(ProblemCode.REPORT_AGENCY_UNKNOWN, Severity.WARNING)
        )
    if result.year is None:
        result.warnings.append(Problem(ProblemCode.REPORT_YEAR_UNKNOWN, Severity.WARNING))
    # each row's figure, with where its full sentence starts; None once two figures met there
    taken: dict[tuple[str, str | None, str | None], tuple[Found, int] | None] = {}
    original = given
    # Rules are written in simplified characters; the conversion keeps every position, so
    # quotes are still cut from the text as given.
    text = simplified_by_char(text)
    # 發(fā)布, 網(wǎng)站: pinyin glosses some sites put after characters break the words the rules
    # read; the rules read the text without them, and spans are mapped back to the text as given
    text, positions = _without_glosses(text)
    report = _report_context(text, result.agency, result.year)
    added_to: str | None = None  # the words of a running total the next clause adds the year to
    own_year_opens = result.year is not None and any(
        int(m["year"]) == result.year for m in SENTENCE_OPENING_YEAR.finditer(text)
    )
    # (…，2022年度共收到0条依申请公开: the report's year opening a clause of its own)
    own_year_clause = result.year is not None and any(
        int(m["year"]) == result.year for m in _CLAUSE_OPENING_YEAR.finditer(text)
    )
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
        # 以县政府和县政府办公室名义制发的各类文件121件 in the government's or its office's own
        # report (`report.government`): both names are its own (the labels take such counts,
        # 15 to 5; the five are two kinds of document with no count of all, which the
        # documents rule refuses)
        if (
            reason == "in several bodies' names"
            and report.government
            and _GOVERNMENT_NAMES.search(sentence)
        ):
            reason = None
        # 2024年，本镇共产生政府文件12件 in the report of 2025, whose own sentences open with
        # 2025年: a sentence on another year (not when the year read may be the wrong one)
        # (2022年我镇收到依申请公开申请事项0件 in 2023's report: the year opening the sentence
        # without its comma, the same)
        opening = _opening_year(period) if reason is None and own_year_opens else None
        if opening and int(opening["year"]) != result.year:
            reason = "another year"
        # 2014年…主动公开政府信息206条，2013年主动公开政府信息202条: a clause opening on
        # another year than the report's, which the same sentence names too (not 2013年以来,
        # 2013年底累计…: a running total's start)
        clause_year = CLAUSE_YEAR.match(text, scope_start, start) if reason is None else None
        if (
            clause_year
            and result.year
            and int(clause_year["year"]) != result.year
            and (scope_start == 0 or text[scope_start - 1] in "，,；;。\n")
            # (…,2021年度共主动公开政府信息4条 in 2022's report, whose own clauses open with
            # 2022年度: the year before's)
            and (
                own_year_clause
                or re.search(rf"(?<![0-9]){result.year}\s*年", text[period_start:period_end])
            )
        ):
            reason = "another year"
        # 主动公开了2022年各类政府信息193条 in 2023's report: the items of another year, named
        # right after the verb
        verb_year = _VERB_YEAR.search(text, scope_start, start) if reason is None else None
        if verb_year and result.year and int(verb_year["year"]) != result.year:
            reason = "another year"
        # 累计公开信息7976条(2022年新增435条): a running total, the year's part given after it
        part = _YEAR_PART_AFTER.match(text, end) if reason is None else None
        # (截至目前共发布592条信息，2019年公开政府信息60条: the year's part named next)
        if part is None and reason is None and _RUNNING_MARK.search(period):
            part = _YEAR_PART_NEXT.match(text, end)
        if part is not None and result.year == int(part["year"]):
            reason = "cumulative"
        if reason is None and _RUNNING_MARK.search(before) and _THIS_YEAR_NEXT.match(text, end):
            reason = "cumulative"
        # 截止2016年底…公开信息457条，其中2016年公开政务信息46条: a running total, its parts by
        # year after it
        if (
            reason is None
            and _YEARS_PART_NEXT.match(text, end)
            and _RUNNING_WORDS.search(text, period_start, start)
        ):
            reason = "cumulative"
        # 在县政府网站共主动公开政府信息615条，今年新增94条: a total the year added to
        if (
            reason in (None, "cumulative")
            and match["unit"]
            and _THIS_YEAR_ADDED_NEXT.match(text, end)
        ):
            reason = "cumulative"
            added_to = before
        elif added_to is not None and _YEAR_ADDED.fullmatch(before.strip()):
            # …累计主动公开政府信息3044条,本年度新增237条: the year's new count, named by the
            # words of the total it is added to
            before = _RUNNING_MARK.sub("", added_to)
            added_to = None
        else:
            added_to = None
        # 发布信息54期97条: the issues, then the items they held — the items are the figure,
        # read with the words before the issues
        # (共主动公开政府信息16项65条: the kinds, then the items of them)
        if (
            reason is None
            and match["unit"] in ("期", "项")
            and _ITEMS_AFTER_ISSUES.match(text, end)
        ):
            reason = "issues, items counted after"
        # 主动公开信息数:175条, 微信公众号：600条: a name, a colon, then its number — the name's
        # words are the number's (not 其中：, 具体为：, which open a list)
        if (
            not text[scope_start:start].strip()
            and scope_start > 0
            and text[scope_start - 1] in "：:"
        ):
            head_start = _scope_start(text, scope_start - 1)
            head = text[head_start : scope_start - 1]
            # (not 发布41条信息：2条…: the words after a figure are its own)
            # (but 截至2023年12月31日,…: a date before is no figure)
            after_figure = re.search(
                r"[0-9](?![0-9]*\s*[年月日号])", text[max(0, head_start - 3) : head_start]
            )
            # (2023年度主动公开政府信息数:2652条: the year opening the name is no figure)
            if (
                head.strip()
                and not re.search(r"[0-9]", re.sub(r"(?:19|20)[0-9]{2}\s*年度?", "", head))
                and not after_figure
                and not _COLON_HEAD.search(text, head_start, scope_start)
            ):
                scope_start, before = head_start, head
        issues = _ISSUES_JUST_BEFORE.search(text, max(0, start - 12), start)
        if issues is not None and not text[scope_start:start].strip():
            scope_start = _scope_start(text, issues.start())
            before = text[scope_start : issues.start()]
        # 收到187个申请人提出的政府信息公开申请583件: the applicants counted on the way, the
        # words before them are the requests' too
        applicants = _APPLICANTS_JUST_BEFORE.search(text, max(0, scope_start - 12), scope_start)
        if applicants is not None and _BY_APPLICANTS.match(before):
            scope_start = _scope_start(text, applicants.start())
            before = text[scope_start:start]
        # (not 全年累计主动公开…46条，其中主动公开公文14条: proactive already; nor requests)
        if (
            reason is None
            and match["unit"]
            and _THREE_KINDS_NEXT.match(text, end)
            and not re.search(r"主动|申请", text[clause_start:start])
        ):
            reason = "all kinds of information, proactive or not"
        if reason is None and _YEAR_WORD.match(match["num"] or "") and not match["unit"]:
            reason = "year"
        # (2025年共受理12345投诉件2025件: a count equal to the year, with its counting word)
        if (
            reason is None
            and result.year
            and match["num"] == str(result.year)
            and match["unit"] in (None, "", "年", "年度")
        ):
            reason = "year"
        respective = None if reason else _respective(text, match, catalogue, report)
        if isinstance(respective, str):
            reason = respective
        elif respective is not None:  # 通过A、B分别发布…: the list's words name the figure
            scope_start = respective.start
            before = text[respective.verb_start : respective.verb_end]
        # (分别发布信息268、53条: 268 has the list's unit)
        shared = _LIST_UNIT.match(text, end) if respective and not match["unit"] else None
        list_unit = shared["unit"] if shared else None
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
                list_unit=list_unit,
                lead=_lead(text, period_start),
            )
        )
        # 共收到政府信息公开申请3件。其中,上年结转申请1件: the received count with the requests
        # carried over, told in the next sentence
        # (a completed count named with it keeps them: it counts them by definition)
        if (
            isinstance(found, list)
            and any(rule.metric == "requests_new" for rule, _, _ in found)
            and _CARRIED_NEXT.match(text, end)
        ):
            kept = [named for named in found if named[0].metric != "requests_new"]
            found = kept or "with requests carried over"
        if found is None and respective is None and not reason:
            # 具体为局门户网站396条、区政府网站97条: an item of a list of channels
            listed = _list_item(text, match, period, catalogue, report)
            if listed is not None and not isinstance(listed, str):
                found, scope_start = listed
            elif listed is not None:
                found = listed
        if not found or isinstance(found, str):
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
            of_its_channel = False
            if rule.sums and channel is None:
                channel = _channel_of_the_list(taken, text, period_start, start, catalogue, report)
                of_its_channel = channel is not None
            # 其中工作动态270条: a part of the total that no channel or category names
            # (其中，通过区政府网站公开信息49条，通过邮箱等形式报送信息25条: what was sent up is
            # a way the year's items went out, not all the agency sent up)
            if (
                (_PART_BEFORE.search(sentence) or _PART_LIST.search(sentence))
                and channel is None
                and rule.category is None
                and rule.metric in ("items_published", "media_reports", "info_submitted")
                and not _whole_after_part(sentence, text[end:period_end], result.year)
            ):
                skip = "part (其中)"
            # 向政府主站报送并被采用信息179条，其中…法规公文37条: the kinds of what was sent up
            # and adopted, not documents published
            if rule.category == "documents" and _SENT_UP_PARTS.search(sentence):
                skip = "part (其中)"
            slot = (rule.metric, channel, rule.category)
            if skip is None and confidence < MIN_CONFIDENCE:
                skip = "doubtful"
            first = taken.get(slot) if skip is None else None
            # 累计公开信息80条，主动公开80条: a total said twice in one sentence, the same both
            # times (not two accounts' equal counts, which name a channel)
            if (
                first is not None
                and channel is None
                and first[1] == period_start
                and (first[0].value, first[0].qualifier) == (parsed.value, parsed.qualifier)
            ):
                skip = "repeated"
            if skip is None and slot in taken:
                words = text[scope_start:start]
                # the second names the row's channel in its own words (not from the sentence)
                own = channel is None or _where(words, catalogue, report).channel == channel
                own_words = words if own else None
                skip = _higher_portal(result, taken, slot, own_words, report.district)
                first = taken.get(slot)
                if (
                    skip is None
                    and first is not None
                    and _sums_the_list(
                        text, first[0], start, parsed.value, words, of_its_channel=of_its_channel
                    )
                ):
                    # the first was one kind of the list this figure sums: this one is the row's
                    _take_out(result, first[0], "part (one kind of item)")
                    del taken[slot]
                if skip is None and slot in taken:
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
                unit=match["unit"] if extra_unit else list_unit or parsed.unit,
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
    # kinds the rules often get wrong: highlighted for review whatever rule read them
    cap_doubtful(result.facts)
    return result


# a pinyin gloss right after a character (發(fā)布): not one of the text's words
# (共?1340條: the question mark a mirror left for a character it lost, before a number);
# characters a page sets inside words that show nothing (zero-width spaces and joiners, the
# soft hyphen, a stray byte-order mark: 政府\u200b门户网站)
_GLOSS = re.compile(
    rf"{PINYIN_GLOSS.pattern}|(?<=[\u4e00-\u9fff])\?+(?=[0-9])"
    rf"|{INVISIBLE.pattern}"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACED_PAIR = re.compile(r"[\u4e00-\u9fff][ \u3000](?=[\u4e00-\u9fff])")
# a space beside a character or a Chinese punctuation mark (not between two digits: the cells
# of a table row)
_CJK_MARK = r"\u4e00-\u9fff，。、；：！？（）“”"
_GLOSS_OR_SPACE = re.compile(
    rf"{_GLOSS.pattern}|(?<=[{_CJK_MARK}])[ \u3000]+(?=\S)|(?<=\S)[ \u3000]+(?=[{_CJK_MARK}])"
)


def _spaced_out(text: str) -> bool:
    """Whether the text sets a space between its characters (a PDF that places each glyph
    apart: 主 动 公 开 政 府 信 息): most of its characters are followed by a space and another."""
    characters = len(_CJK.findall(text))
    return characters >= 20 and len(_SPACED_PAIR.findall(text)) > characters * 0.3


def _without_glosses(text: str) -> tuple[str, list[int] | None]:
    """`text` without its pinyin glosses (and, in a text spaced out character by character,
    without the spaces beside its characters), and where each of its characters is in `text`
    (None when it has none)."""
    pattern = _GLOSS_OR_SPACE if _spaced_out(text) else _GLOSS
    if not pattern.search(text):
        return text, None
    kept: list[str] = []
    positions: list[int] = []
    at = 0
    for gloss in pattern.finditer(text):
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
