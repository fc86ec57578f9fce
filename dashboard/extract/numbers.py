"""Numbers in a report's text and why one is not a figure of the report year.

`NUMBER_RE` finds a number as reports write it (约7,100.5余万条, 三百余条, with its unit and
qualifiers); `_skip_reason` says when it is something else — a date, a year, a phone number, a
law's number, a change, an average, a running total (`_cumulative`), a range. The clause and
sentence around a number (`_bounds`, `_scope_start`) are found here too, in linear time, and
number words are read with cn2an (`_value_text`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from dashboard.domain.values import UNITS, plain_number
from dashboard.extract.rules import ROSE_TO

# 工单42单: a hotline's work orders, a counting word the upload format does not know; read
# here (not 单位, 单独…) and as 件 by parse_value
_EXTRA_UNITS = ("单",)
_UNIT_RE = (
    "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + r"|单(?![\u4e00-\u9fff])"
)
# Chinese number words (三百, 两千, 十二, 一万), read with cn2an. Only with a counting word after
# them (三百余条), never after 第/每/统/进… (第二十条, 统一, 进一步), and not when the counting
# word begins another word (一件事, 一次性): 一是, 二十大 and 十四五 are never figures.
# (零件; of 已答复零件;: a stated zero, only with its counting word right before a clause's end —
# 零件 is also a word, parts)
# (上百条, 近千条: a hundred or more, nearly a thousand — the magnitude alone after 上 or 近)
# (千余条, 百余篇: the magnitude alone before 余/多 — not 数千余条 or 成千, several thousand)
_CN_NUM = (
    r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
    r"|(?<=[上近])[百千万]"
    r"|(?<![数成上近几])[百千万](?=[余多])"
    r"|零(?=[件条次个项宗篇](?:[;；，,。、)）]|\s*$))"
)
# A number as reports write it: 约/近/超过/超 7,100.5 余 万 条 以上, or 三百余条. Digits glued to
# other digits or letters are never a figure start (look-behind). Pages and PDFs often set a
# space around digits (165 条, 85.4 万, 超过 1 万条): one space beside the words around them is
# read too.
NUMBER_RE = re.compile(
    rf"""(?<![0-9A-Za-z.\-/])(?<![0-9A-Za-z]:)
    (?:(?P<pre>超过|突破|逾|约为|约|近|不足|不到|将近|接近|大约为|大约|超(?=[0-9])|上(?=[百千万]))[\x20\u00a0\u3000]?)?
    (?P<open>[(（](?=[0-9,.]+[)）]\s?(?:{_UNIT_RE})))?
    (?:(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)
      |(?<![第每逐统唯进同之任某几零〇一二两三四五六七八九十百千万亿])(?P<cn>{_CN_NUM}))
    (?:[\x20\u00a0\u3000]?(?P<post1>余|多))?
    (?:[\x20\u00a0\u3000]?(?P<mult>[万亿]))?
    (?P<post2>余|多)?
    # (发布政务信息(1386)条: a form's blank filled in, in its brackets)
    (?(open)[)）]\s?)
    (?:[\x20\u00a0\u3000]?(?P<unit>{_UNIT_RE}))?
    (?(cn)(?(unit)|(?!)))
    (?P<post3>以上|左右|余(?![额下量粮]))?  # (220条余: 余 after the counting word)
    (?(cn)(?![事性龙式站体化级]))""",
    re.VERBOSE,
)
# Clause boundaries: a figure's naming words are within its clause.
# A heading run into its text where line breaks became spaces (二、主动公开政府信息的情况 我局主动
# 公开…): the space after it ends a sentence as a line break does
_HEADING_END = r"|(?<=情况)[ \t\u3000](?=[ \t\u3000]*[\u4e00-\u9fff])"
# (the colon of a web address, 广昌县人民政府(http://www.jxgc.gov.cn), ends no clause)
_ADDRESS_COLON = r"|:(?!//)"
_CLAUSE_END = re.compile(r"[。；;！!？?\n，,、：]" + _ADDRESS_COLON + _HEADING_END)
_SENTENCE_END = re.compile(r"[。；;！!？?\n]" + _HEADING_END)

# What a number right after or before it says it is not a figure.
_DATE_AFTER = re.compile(r"^\s?(?:年|月|日|号|时|点|周岁|岁)")
_PHONE = re.compile(r"^[0-9]{3,4}-[0-9]{7,8}|^1[3-9][0-9]{9}$")
_LAW_BEFORE = re.compile(r"(?:第|令)$")
_CHANGE_BEFORE = re.compile(
    r"(?:同比|较上年|比上年|较去年|比去年|环比|增长|增加|下降|减少|提高|上升)[^，,。；;]{0,6}$"
)
# 上升至, 增长到: a count's change to the level it reached (the level is the year's figure)
_CHANGED_TO = rf"(?:{ROSE_TO}|(?:下降|减少|降低)(?:至|到))"
_RISEN_TO = re.compile(rf"{_CHANGED_TO}$|[增降]至$")
_RISE_AFTER = re.compile(rf"\s*{_CHANGED_TO}")
# (每日头条: a news app's name, not an average)
_AVERAGE_BEFORE = re.compile(
    r"(?:日均|月均|周均|场均|期均|篇均|每日(?!头条)|每天|每月|每周|平均每)[^，,。；;0-9]{0,12}$"
    # (周末及法定节假日至少更新4条: the least a site posts on such days, a standard)
    r"|(?:周末|节假日)[^，,。；;0-9]{0,8}(?:至少|不少于|不低于)[^，,。；;0-9]{0,6}$"
)
# 平均阅读量8072.8次: an average per item (not a rate: 平均满意率98% stays the rate)
_MEAN_BEFORE = re.compile(r"平均[^，,。；;0-9]{0,8}$")
# 单篇最高阅读量达8154: the most one item reached, not the year's count
_MAXIMUM_BEFORE = re.compile(
    r"(?:单篇|单条|单期|单日|单月|单场)[^，,。；;0-9]{0,8}$|最高[^，,。；;0-9]{0,4}$"
)
# 以县政府和县政府办公室名义印发…文件17件: documents issued in another body's name
# (配合市审批局回应和回复依申请公开1份: helping another body with its requests)
_ON_BEHALF_BEFORE = re.compile(
    r"(?:委托|代为|代办|配合[^，,。；;0-9]{1,8}?(?:局|委|办|部门|政府|中心))[^，,。；;0-9]{0,24}$"
)
# 以县政府和县政府办公室名义印发…文件17件: documents of two bodies together (以县市场监督管理局
# 名义 alone is the agency's own)
_SEVERAL_NAMES_BEFORE = re.compile(
    r"以[^，,。；;0-9]{1,20}[和及与、][^，,。；;0-9]{1,20}名义[^，,。；;0-9]{0,24}$"
)
# (在主动公开的信息中，政策法规类4条…: the same opener in other words)
# (…共36条，包括政务信息更新8条: 包括 after a figure opens its parts as 其中 does — not 包括…等,
# the list of what all of it was)
_PARTS_OPEN = (
    r"(?:其中|在[^，,。；;0-9]{1,12}(?:信息|内容)中[，,：:]|(?<=[，,；;])包括(?![^，,。；;0-9]*等))"
)
# (其中行政执法检查、行政处罚、安全生产事故信息等重点领域公开505条: a long list of kinds, no
# counted item among them)
_PART_BEFORE = re.compile(rf"{_PARTS_OPEN}[，,：:]?(?:[^，,。；;]{{0,12}}|[^，,。；;0-9]{{0,40}})$")
# 其中公开通知公告6条、部门动态4条，…政府信息公开36条: a later item of the list 其中 opens (a
# counted item between 其中 and the figure), a part as much as the first
_PART_LIST = re.compile(
    rf"{_PARTS_OPEN}[^。；;]*?[0-9]+\s*[条件篇个份][^。；;0-9]*$"
    # 全年主动公开政府信息3614条,要闻动态3485条,…,数据发布信息10条: the kinds listed right
    # after a total, without 其中 (a kind counted between the total and the figure)
    r"|主动公开[^，,。；;0-9]{0,12}[0-9]+\s*[条件篇][，,、]\s*"
    r"(?:[^，,。；;0-9]{1,12}[0-9]+\s*[条件篇个份][，,、]\s*)+[^，,。；;0-9]*$"
)
# 共制作政府信息3021条，其中主动公开信息1027条: a total of all information the agency made (the
# 2008 form's first line); what was published (主动公开) is a part of it and the year's total
_MADE_TOTAL = re.compile(
    # (not 产生政府文件信息22条，其中主动公开14条: documents made, then those published)
    # (共生成60条政府信息，其中主动公开60条: what was made named after its count)
    r"(?:制作|产生|生成|获取)(?![^，,。；;0-9]{0,10}(?:文件|公文))[^，,。；;0-9]{0,10}[0-9]+\s*条"
    r"(?:(?:政府|政务)?信息)?[，,]?\s*"
    r"其中[，,：:]?\s*主动公开[^，,。；;]{0,10}$"
)
# …，依申请公开信息数为6条，不予公开信息数为0条: the other kinds of information after the
# proactive ones (the old reports' three kinds of what an agency holds)
# (…24条，占比80%；依申请公开信息数6条: one short clause between)
_OTHER_KINDS = re.compile(
    # (主动公开信息为 120条(政策法规类 50条,…;业务管理类 70条,…);依申请公开信息44条: the
    # proactive count's kinds in brackets between)
    r"(?:\s*[(（][^()（）]{0,100}[)）])?"
    r"[^，,。；;、]{0,6}(?:[，,；;][^，,。；;]{0,10})?[，,；;、]\s*(?:作为)?可?(?:依申请|不予公开|不公开)"
)
_YEAR_WORD = re.compile(r"^(?:19|20)[0-9]{2}$")
_NUMBERED_HEADING = re.compile(r"[.．](?=\s*[\u4e00-\u9fff])")
# 12345, 12315, 12366…: a service hotline's number, and the words that say it is one
_HOTLINE_NUMBER = re.compile(r"123[0-9]{2}")
_HOTLINE_AFTER = re.compile(
    r"\s*[”\"」』]?\s*(?:政务服务|便民服务|市民服务|政务|便民|服务|市民)?(?:热线|平台|工单|来电)"
)
_ORDINAL_AFTER = re.compile(r"^(?:个|项|大类|类|次会|名|位|家|所|个百分点|倍|期|批)")
# 报告由…六个部分组成, 共6项内容, 第三章: how the report is built, not a count of the year
# (matched at a position: no ^)
_STRUCTURE_AFTER = re.compile(r"(?:个|项|大)?(?:部分(?!公开)|方面|章|节|板块|篇章)|项内容")


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
    """The starts and ends of the numbers with a unit (or 万/亿) in `text`, found once — not
    those inside a document's title (《…支持十条措施》: words of a name, which must not cut off
    the verb before the title from the count after it)."""
    spans = [
        (m.start(), m.end())
        for m in NUMBER_RE.finditer(text)
        if (m["unit"] or m["mult"]) and not in_title(text, m.start())
    ]
    return [a for a, _ in spans], [b for _, b in spans]


_TITLE_REACH = 120  # how far back a title's opening mark is looked for


def in_title(text: str, at: int) -> bool:
    """Whether position `at` of `text` is inside a 《…》 title."""
    opening = text.rfind("《", max(0, at - _TITLE_REACH), at)
    return opening >= 0 and "》" not in text[opening:at]


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
    # (not 结转至2023年度办理, 顺延至下年: requests carried forward to a year, no running total)
    r"|(?P<asof>截至到?|截止到?|(?<![得达收接受看听遇做截转延移推])[到至](?=\s*(?:(?:19|20)[0-9]{2}\s*年|年底|年末|目前)))"
    # 自街道成立以来…发布信息169条, 自公众号开通以来: since the body or channel began
    r"|(?P<founded>自[^，,。；;0-9]{1,12}?(?:成立|组建|开通|创建|上线|运行|设立|开设|建立)以来)"
    # (2024年1月1日起至今: from a date to now — since an earlier year only when it is one)
    r"|(?P<since_date>(?:19|20)[0-9]{2})\s*年[^，,。；;年]{0,8}?起至今"
    # (公众号开通以来，至今共发送信息1265条: up to now from a start no date gives — not
    # 2023年1月至今, the year's own span)
    r"|(?<![年月日0-9\s])(?<![年月日]起)至今"
)
# (截至202312月31日, 截至1231日: a page that lost its 年 or 月 — the year run into the month, the
# month into the day)
_AS_OF = re.compile(
    # (截至20231231日: the year, month and day all run together)
    r"\s*(?:(?P<y>(?:19|20)[0-9]{2})\s*年(?P<whole>度)?|(?P<yg>(?:19|20)[0-9]{2})(?=1[0-2]\s*月|[1-9]\s*月"
    r"|1[0-2][0-3][0-9]\s*日)|[今本]年度?)?"
    r"\s*(?:(?P<m>[0-9]{1,2})\s*月|(?P<mg>1[0-2])(?=[0-3][0-9]\s*日))?\s*(?:(?P<d>[0-9]{1,2})\s*日)?"
    r"\s*(?P<end>年底|年末|底|末)?"
)
# A clause opening with a time of its own (截至7月…，7-12月…) is out of an earlier mark's reach.
_NEW_TIME = re.compile(
    r"[，,；;]\s*(?:其中[，,]?\s*)?"
    r"(?:(?:19|20)[0-9]{2}\s*年|[0-9]{1,2}\s*[-—~至]\s*[0-9]{1,2}\s*月|本年|全年|今年)"
)


def _as_of_year_end(period: str, mark: re.Match[str], year: int | None) -> bool:
    """Whether a 截至 mark gives the report year's end (截至2013年底)."""
    if not mark["asof"]:
        return False
    date = _AS_OF.match(period, mark.end())
    return date is not None and date.end() > date.start() and _year_end(date, year)


def _year_end(date: re.Match[str], year: int | None) -> bool:
    """Whether 截至 names the end of the report year (截至2025年12月31日, 截至年底)."""
    written_year, month = date["y"] or date["yg"], date["m"] or date["mg"]
    if written_year and (year is None or int(written_year) != year):
        return False
    if date["end"]:
        return not month or month == "12"
    # 截至2021年度: the whole year, to its end
    if date["whole"] and not month:
        return True
    # 截至12月19日: a report written in the last weeks of its year gives the year's figure
    return month == "12"


# 417条(此数含2008年以来…): an aside saying the figure reaches back over earlier years
_SINCE_ASIDE = re.compile(
    r"\s*[(（][^()（）]{0,8}含[^()（）]{0,12}(?:19|20)[0-9]{2}\s*年(?:以来|起|至今|来)"
)


# …累计主动公开政府信息267条，其中本年度新增76条: the year's own part, named after the total;
# …累计…401条,其中公文类信息150条,全文电子化率达100%: the stock the template reports on
# (…累计共主动公开政府信息1323条，其中2014年主动公开政府信息130条: the year's part by its year;
# not 全文电子化率达100%, which the same template writes whether a year's part follows or not —
# the labels take 到2017年底累计…144条，全文电子化率达100% as the year's, 11 times to 1)
# (not 在2010年公开的7条信息中: the same items, said again)
_YEAR_PART_WORDS = re.compile(
    # (其中2016年全年主动公开政府信息14条: the year's whole, by its year)
    r"新增|本年度|今年|当年|本年|(?<!在)(?:19|20)[0-9]{2}\s*年度?(?:全年)?(?:主动)?公开(?!的)"
)
# 2004年5月1日起本局开始开展政府信息公开工作: the year the agency's disclosure began, before
# which no 累计 starts (a later 到2017年底累计… runs from it; from the report year, the year's)
_STARTED = re.compile(
    r"(?P<year>(?:19|20)[0-9]{2})\s*年[^。，,；;]{0,10}起[^。，,；;]{0,8}开始(?:开展|实施|推行)?"
    r"(?:政府)?信息公开工作"
)


@lru_cache(maxsize=8)
def _started_before(text: str, year: int) -> bool:
    """Whether the report says its disclosure work began in a year before the report's."""
    started = _STARTED.search(text)
    return started is not None and int(started["year"]) < year


# 本年度累计, 全年累计: 累计 said of the report year
_THIS_YEAR_END = re.compile(r"(?:本年度?|全年|今年|当年)\s*$")
# 2024年累计, 2024年度全年累计: a year named right before 累计
_YEAR_RIGHT_BEFORE = re.compile(r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})\s*年度?\s*(?:全年)?\s*$")


_ADDED_BEFORE = re.compile(
    r"新增[^，,。；;0-9]{0,24}[0-9]+\s*[条件篇个份项]\s*[，,；;][^。；;0-9]{0,10}$"
)


def _cumulative(period: str, year: int | None, *, year_part_follows: bool = True) -> bool:
    """Whether a number is a running total rather than the report year's value, from the words
    before it in its sentence (`period`).

    累计 alone (累计公开186条信息) or after 本年度/全年 is the year's total; 截至 the year's
    end (截至2025年12月31日, 截至年底) gives the year's state; 截至 any
    other day (截至目前, 截至7月), 历年, 近三年 and 2018年以来 reach over other years or part of
    one.
    """
    if re.search(r"关注|粉丝|订阅|用户", period[-12:]):
        return False  # followers are counted on a day: the total is what the figure means
    # every mark holds one of these characters: a plain substring test spares the regex on the
    # long "sentences" of a table's text run together
    if not any(c in period for c in "累历近以截到至"):
        return False
    marks = list(_CUMULATIVE.finditer(period))
    # 截至2025年末，门户网站累计发布信息1354条，…公众号推送文章928条: a 累计 of an earlier
    # clause is that clause's; the figure after it is read by the marks before (the labels take
    # such figures as the year's, 3 of 3)
    # (not a part of that total: 到2017年底累计公开401条，其中公文类信息150条)
    while (
        len(marks) > 1
        and marks[-1][0] in ("累计", "历年")
        and re.search(r"[，,；;]", period[marks[-1].end() :])
        and "其中" not in period[marks[-1].end() :]
    ):
        # 梳理…信息25条，历年累计101条，在…网站…发布…信息25条: the years' total of an earlier
        # clause, 历年累计 said whole, leaves the next clause's figure the year's
        if (
            marks[-1][0] == "累计"
            and marks[-2][0] == "历年"
            and marks[-2].end() == marks[-1].start()
        ):
            marks.pop()
        marks.pop()
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
        # 截至目前，我局通过…网发布各类信息共98条: the day the report was written, with no 累计
        # of the figure's own — the year's (the labels, 5 of 6); not a new-media account's
        # (截至目前，区级政务微信发布信息1321条: since it began) unless the report year is
        # named after it (截止目前，…街道2021年度…微信公众号公开信息111条: the year's posts)
        if (
            re.match(r"\s*目前", period[mark.end() :])
            and not re.search(r"累计|历年", period[reach:])
            and (
                not re.search(r"微信|微博|公众号|抖音|头条|视频号|快手", period[reach:])
                or (
                    year is not None
                    and re.search(rf"{year}\s*年度?(?!以来|来)", period[reach:]) is not None
                )
            )
        ):
            return False
        return not (date.end() > date.start() and _year_end(date, year))
    if mark["since"] or mark["since_date"]:
        return year is None or int(mark["since"] or mark["since_date"]) < year
    if mark["founded"]:
        return True
    if mark[0] == "累计":
        # 公开信息动态348条(累计公开3808条): the running total set beside the year's figure
        bracketed = re.search(r"[0-9]\s*[\u4e00-\u9fff]{0,2}\s*[(（]\s*$", period[: mark.start()])
        if bracketed and not re.search(r"[)）]", period[mark.end() :]):
            return True
        # 新增主动公开规范性文件7件，累计公开42件: the stock, after the year's new ones
        if _ADDED_BEFORE.search(period[: mark.start()]):
            return True
        # (2024年累计公开信息达265条: the report year named right before 累计, the year's)
        named = _YEAR_RIGHT_BEFORE.search(period[: mark.start()])
        this_year = _THIS_YEAR_END.search(period[: mark.start()]) is not None or (
            named is not None and year is not None and int(named["year"]) == year
        )
        # 累计…已达657条, 累计主动公开政府信息达301条: a total that has grown to a size, over
        # the years
        # (…公开政府信息累计达173条, 2010年新增49条: the same, 达 right after 累计)
        if re.search(
            r"已达|已经达到|(?:公开|发布)[^，,。；;]{0,16}达\s*$|^\s*达到?\s*$",
            period[mark.end() :],
        ):
            return not this_year
        # 截至2023年底，累计发布…: since the start, whatever the year — but 截至2013年底，本年度
        # 累计…: the year's end and the year named (the year's total); 累计公开信息167条 with no
        # other time of its own, in an annual report: the year's (the labels of every set say so)
        # (…至今共发送信息1265条，2021年累计阅读量22.1万: a mark before a time of the clause's
        # own is that earlier clause's)
        earlier = [m for m in marks[:-1] if not _NEW_TIME.search(period[: mark.start()], m.end())]
        if this_year and all(_as_of_year_end(period, m, year) for m in earlier):
            return False
        # 截至2018年底，我局累计主动公开政府信息14条 (到2008年底累计…): the report year's end
        # with 累计 and no earlier start — the year's total, as the labels take it (11 to 6) and
        # the adjudicators judged it; not when the year's own part follows (`year_part_follows`)
        if (
            earlier
            and all(_as_of_year_end(period, m, year) for m in earlier)
            and not year_part_follows
        ):
            return False
        return any(m[0] != "累计" for m in earlier)
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
    # 《…积极生育支持十条措施(试行)的通知》: a number in a document's title
    if in_title(text, match.start()):
        return "not a count of the report"
    if _ORDINAL_AFTER.match(after) and not match["unit"]:
        return "not a count of the report"
    # 受理和办结12345政务服务热线工单3218件: a hotline's number, not a count
    if _HOTLINE_NUMBER.fullmatch(digits) and _HOTLINE_AFTER.match(after):
        return "not a count of the report"
    # 2.政府信息公开行政复议: a numbered heading, not a count
    if not match["unit"] and _NUMBERED_HEADING.match(text, match.end()):
        return "not a count of the report"
    number_end = match.end("num") if match["num"] else match.end("cn")
    if _STRUCTURE_AFTER.match(text, number_end) or _STRUCTURE_AFTER.match(after):
        return "not a count of the report"
    # 粉丝数量从982人上涨至5800人: the value it rose from, not the year's
    if before.endswith(("从", "由")) and _RISE_AFTER.match(after):
        return "change"
    if "%" in around and match["unit"] == "%" and _CHANGE_BEFORE.search(before):
        return "change"
    # (累计关注人数上升至15210人: the level it rose to, the year's figure)
    if _CHANGE_BEFORE.search(before) and not _RISEN_TO.search(before):
        return "change"
    # 日均发布信息3条以上: an average per day (or month) is never the year's figure
    if _AVERAGE_BEFORE.search(before):
        return "average"
    # (总阅读量达375.4万次，平均阅读量8072.8次)
    if _MEAN_BEFORE.search(before) and match["unit"] != "%":
        return "average"
    if _MAXIMUM_BEFORE.search(before) and match["unit"] != "%":
        return "a maximum"
    # 委托县自然资源局办理…申请25件: work done for (or by) another body
    if _ON_BEHALF_BEFORE.search(before):
        return "on behalf of another body"
    if _SEVERAL_NAMES_BEFORE.search(before):
        return "in several bodies' names"
    # (the year's part may be named in the next sentence: …累计…83条,全文电子化率达100%。本年度
    # 新增的主动公开政府信息31条)
    follows = "累计" in (period or before) and (
        bool(_YEAR_PART_WORDS.search(text, match.end(), match.end() + 120))
        or (year is not None and _started_before(text, year))
    )
    if _cumulative(period or before, year, year_part_follows=follows) or _SINCE_ASIDE.match(after):
        return "cumulative"
    if match.end() < len(text) and text[match.end() : match.end() + 1] in "-~－～至":
        return "range"
    return None


# a full sentence that opens with a whole year (2024年，…; (二)2024年度…), not a day of it
# (2024年1月…), a span (2024年以来, 2024—2025年) or a year said in passing
# (a heading's number may come first: (二), 2、)
HEADING_NUMBER = re.compile(
    r"\s*(?:[(（][一二三四五六七八九十0-9]{1,3}[)）]|[0-9一二三四五六七八九十]{1,2}[、.．])?\s*"
)
OPENING_YEAR = re.compile(
    HEADING_NUMBER.pattern + r"(?:在)?"
    r"(?P<year>(?:19|20)[0-9]{2})\s*年度?(?!\s*[0-9]{1,2}\s*月|以来|来|[至到—\-~－～]|[0-9])"
    r"(?:全年|期间)?\s*[,，]"
)
# the same, at the start of any full sentence of a text
SENTENCE_OPENING_YEAR = re.compile(r"(?:^|[。\n])" + OPENING_YEAR.pattern)
# 2013年主动公开…: a clause opening on a year (not 2013年以来, 2013年底, 2013年…累计)
CLAUSE_YEAR = re.compile(
    r"\s*(?P<year>(?:19|20)[0-9]{2})\s*年度?(?!\s*[0-9]{1,2}\s*月|以来|来|[至到—\-~－～]|[0-9]|底|末)"
    r"(?![^，,。；;]*(?:累计|以来|截至|截止))"
)


# ── clause marks ────────────────────────────────────────────────────────────────────────────

_PERIOD_END = re.compile(r"[。！!？?\n]" + _HEADING_END)
# A figure's words start after the clause's punctuation or the figure before it; 、 does not
# end them (在亳州市人民政府网站主动公开发布文件、新闻动态和业务信息647条).
_GROUP_END = re.compile(r"[。；;！!？?\n，,：]" + _ADDRESS_COLON + _HEADING_END)


def _scope_start(text: str, start: int) -> int:
    """Where the words of a number start: after the clause's punctuation (not 、) or the figure
    before it in the clause, whichever is later."""
    left = _left_mark(text, start, _GROUP_END, _WORDS_REACH)
    starts, ends = _counted_ends(text)
    at = bisect_right(ends, start) - 1
    return ends[at] if at >= 0 and starts[at] >= left else left


# ── numbers in words ────────────────────────────────────────────────────────────────────────


def _value_text(match: re.Match[str]) -> str | None:
    """The figure's words as `parse_value` reads them: number words in digits (三百余条 →
    300余条); None when the words do not read as one number."""
    if not match["cn"]:
        # 突破63.9万 (passed 639,000) says at least, as 超过 does
        written = match.group(0).replace("突破", "超过", 1)
        if match["unit"] in _EXTRA_UNITS:
            written = written[: match.end("unit") - match.start()][:-1] + "件"
        if match["open"]:  # (1386)条: the number without the form's brackets
            written = re.sub(r"[(（)）]\s?", "", written)
        return written
    number = _cn_number(match["cn"])
    if number is None:
        return None
    rest = match.group(0)[match.end("cn") - match.start() :]
    # (上百: a hundred or more, at least, as 超过 says)
    pre = (match["pre"] or "").replace("突破", "超过").replace("上", "超过")
    return pre + plain_number(number) + rest


@cache
def _cn_number(words: str) -> float | None:
    """A Chinese number word as a number (三百 → 300, 两千 → 2000), by cn2an; None for what it
    does not read as one number (三四百: three or four hundred)."""
    import cn2an  # imported when a report writes a number in words: it takes ~80 ms to load

    if words in ("百", "千", "万"):  # (上百, 近千: the magnitude alone)
        words = "一" + words
    try:
        return float(cn2an.cn2an(words.replace("两", "二"), "strict"))
    except ValueError:
        return None
