"""The rules naming a number's metric: `Rule` and the `RULES` table (the phrasings reports use
before or after a figure, the specific ones first), with the counting words each accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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
    # the number must be the sum of the counts its sentence listed before it (…通知公告63条、
    # 政策解读2条…；共计200条): a total said after its parts (`naming._sum_of_listed`)
    sums: bool = False
    # the words after the number to its sentence's end must start so (…16条，均已主动公开)
    then: re.Pattern[str] | None = None


def _r(text: str) -> re.Pattern[str]:
    return re.compile(text)


# 发布…信息稿件158份, 收到…申请7份: 份 counts items and requests as 件 does
# (发布各类主动公开信息96件: 件 counts items too)
_PUBLISH_UNITS = ("条", "篇", "则", "期", "个", "篇次", "条次", "份", "件", "项")
# 发 alone as the publishing verb (共发367条信息) — not 发布, 发放, 发生… (the verbs of their own)
FA_ALONE = r"发(?![布送出表文生展放现])"
# 具体分类为:…, 从内容分类看,…: the head of a list of kinds, in the sentence after the total
# (按信息公开类别分,主要包括:…: the disclosure's kinds)
KINDS_HEAD = (
    r"(?:具体)?分类(?:为|是|如下)"
    r"|[从按](?:信息公开|公开)?(?:内容|类别|信息类别)(?:分类)?(?:看|分|来看)"
)
# 新增信息, 新增政府信息数: items a channel added in the year, 新增 their verb (not 新增规范性文件:
# documents, which may be made rather than published)
ADDED_ITEMS = r"新增(?=(?:的)?(?:主动公开的?)?(?:政府|政务)?信息)"
# (收到信息公开申请22起，…答复22起: 起 counts requests too)
_REQUEST_UNITS = ("件", "件次", "宗", "份", "封", "起")
# what may follow an outcome's name before its number: a few words (予以公开的申请), or its count
# named so (“予以公开”的件数为1件)
_OUTCOME_TAIL = r"(?:[^，,。0-9]{0,4}|[”\"」]?的?(?:件数|数量|数)(?:为|是)?)$"
# an outcome's reason in brackets before its count (不予公开(三类内部事务信息)2条,
# 无法提供(本机关不掌握相关政府信息)8件)
_REASON_NOTE = r"(?:[(（][^()（）0-9]{1,20}[)）])?"
# 上涨至, 增长到: risen to a level (numbers.py skips the number it rose from by the same words)
ROSE_TO = r"(?:上涨|增长|增加|提升|上升|提高)(?:至|到)"
# 被行政复议5宗, 行政诉讼0宗
_CASE_UNITS = ("件", "起", "宗", "条", "次", "项")
# (收到申请63项…同意公开的9项: 项 counts an outcome's requests too)
_OUTCOME_UNITS = (*_REQUEST_UNITS, "项")
# 热线咨询7000余人次, 受理来电44790起
_HOTLINE_UNITS = ("件", "个", "条", "件次", "人次", "起", "次", "单")
# 收到政府信息公开申请4条: the sentence has counted the requests received (any counting word)
# (受理依申请公开信息 10宗: the words after 申请 before the count)
# (收到187个申请人提出的…申请583件: the applicants counted before the requests; 共办理…申请80件，
# 已答复69件: the requests handled)
_APPLICANTS_COUNTED = r"(?:[^，,。；;0-9]{0,8}[0-9]+\s*(?:个|名|位)(?:申请人|自然人|法人|公民))?"
_RECEIVED = (
    rf"(?:收到|受理|新收|接收|接受|接到|办理){_APPLICANTS_COUNTED}[^，,。；;0-9]{{0,20}}申请"
    r"[^，,。；;0-9]{0,6}[0-9]+\s*"
)
# (收到7条政府信息公开申请: the count before the requests)
# (共办理8件政府信息公开申请: the requests handled, counted before them)
# 收到, 受理…: the requests received (not 未受理一件, 没有收到: none were)
_RECEIVED_VERB = r"(?<![未没])(?<!没有)(?:收到|受理|新收|接收|接到)"
_RECEIVED_FIRST = r"(?:收到|受理|新收|接收|接受|接到|办理)[^，,。；;0-9]{0,6}[0-9]+\s*"
_RECEIVED_REQUESTS = re.compile(
    rf"{_RECEIVED}[件宗份条个次起]|{_RECEIVED_FIRST}[件宗份条个次起][^，,。；;0-9]{{0,12}}申请"
)
# … counted in 条 or 次 (收到…申请4条，…予以公开3条; 收到依申请公开3次，其中：予以公开2次: the
# outcomes are counted in the same word)
RECEIVED_IN = re.compile(
    rf"{_RECEIVED}(?P<unit>[条次])|{_RECEIVED_FIRST}(?P<first>[条次])[^，,。；;0-9]{{0,12}}申请"
)
# (另外5件…, 其余3件…: the words opening a further outcome's clause)
_ANOTHER = "其中|另外|另有|另|其余|剩余|余下"
# (其中处理结果4件为不予公开: the outcomes named as such before their numbers)
_RESULTS = r"(?:其中)?(?:处理|办理|答复)结果(?:中)?"
# (1件为不予处理, 2件属于本机关不掌握…: the outcome said to be what the requests were)
_IS = r"(?:为|属于?|系|是)?"
_OF_THEM = (
    f"对|其中|对其中|其余|剩余|余下|{_RESULTS}"  # (the words that may open an outcome's clause)
    # (最终答复口径分别为:5件予以公开: the outcomes listed after 分别为)
    r"|分别为[：:]?|如下[：:]"
)


def _number_first(metric: str, lead: str, outcome: str) -> Rule:
    """A request's outcome written after its number (其中3件予以公开): `lead`, the words that may
    open the clause before the number; `outcome`, the words after it. Counted in the requests'
    own counting words, or in 条, where a sentence names the requests received."""
    return Rule(
        metric,
        _r(rf"(?:^|{lead})$"),
        after=_r(outcome),
        units=(*_REQUEST_UNITS, "条"),
        needs=_OUTCOMES_TOLD,
    )


# …where a sentence names the requests received, or says it gives the answers' outcomes
# (最终答复口径分别为:5件予以公开…, a sentence or two after the requests were counted)
_OUTCOMES_TOLD = re.compile(rf"{_RECEIVED_REQUESTS.pattern}|(?:答复|办理|处理)(?:口径|结果)")


# 办理政府信息公开申请7件: requests handled, read as received or completed by their sentence
# (not 完成办理上年度申请2件: only the requests carried over)
_HANDLED_REQUESTS = _r(
    # (办理依申请公开政府信息18件, 处理依申请公开件1起: the requests by what they asked for)
    # (not 协助办理市政府…依申请信息公开7件: others' requests, helped with)
    # (not 办理结果为予以公开的申请5条: an outcome of the handling)
    r"(?<![转续])(?<!协助)(?:办理|处理)(?!结果|情况)(?:(?!上年|结转)[^，,。0-9]){0,12}申请"
    r"(?:的政府信息|公开(?:政府)?信息|公开件)?[^，,。0-9]{0,4}$"
)


# First match wins: the specific phrasings before the general ones.
# the meetings that take up disclosure work: a body's own (会议, 办公会) or its Party group's
_MEETING_BODIES = "会议|党组会|党委会|党工委会|办公会|常务会"

RULES: tuple[Rule, ...] = (
    Rule("hotline_closure_rate", _r(r"办结率"), "hotline", percent=True),
    Rule("hotline_satisfaction_rate", _r(r"满意率|满意度"), "hotline", percent=True),
    # 全年办结12345政风热线2638件: the hotline's cases closed, 办结 before the hotline's name
    Rule(
        "hotline_closed",
        _r(
            r"(?:^|[，,；;]|全年|共|已|累计)(?:办结|办理完结|处理完毕)[“\"]?(?:12345|[^，,。0-9]{1,8}热线)"
            r"[^，,。0-9]{0,12}$"
        ),
        "hotline",
        units=_HOTLINE_UNITS,
    ),
    # 通过“12345”便民服务热线回应并办结群众诉求64件: closed, said after the hotline's name
    Rule(
        "hotline_closed",
        # (not 受理并办结: received and closed in one number)
        # (12345政务服务热线工单办结48件: closed, with no connecting word)
        _r(
            r"(?:12345|热线)(?:(?!受理|收到|接收|交办)[^，,。0-9]){0,12}(?:并|且|均|已)?办结"
            r"[^，,。0-9]{0,10}$"
        ),
        "hotline",
        units=_HOTLINE_UNITS,
    ),
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
        # (开展“局长接听12345热线”采访活动1次: events about the hotline, not its cases)
        unless=_r(r"(?:12345|热线)[^，,。0-9]{0,10}(?:活动|采访|节目|培训|会议)"),
    ),
    # 通过“12345市民服务热线”办理各类咨询及问题反映1336条: the cases handled, named at length
    # after the hotline's verb
    Rule(
        "hotline_received",
        _r(r"(?:12345|热线)[^，,。0-9]{0,8}(?:办理|回复|答复|处理|转办)[^，,。0-9]{0,14}$"),
        "hotline",
        units=_HOTLINE_UNITS,
        confidence=0.8,
        # (not the hotline's and a mailbox's cases, or several platforms', together)
        unless=_r(r"信箱|留言板|、[^，,。0-9]{0,12}12345"),
    ),
    # 12345热线…受理8000件，办结7990件: the hotline's cases closed, in a sentence on the hotline
    # (12345平台办件受理95件结案95件: closed right after the count received)
    Rule(
        "hotline_closed",
        _r(
            r"(?:^|[，,；;]\s*|(?<=[0-9]件))(?:已|共|全部)?(?:办结|结案|办理完成|处理完毕)"
            r"[^，,。0-9]{0,6}$"
        ),
        "hotline",
        units=_HOTLINE_UNITS,
        needs=_r(r"12345|热线|工单"),
    ),
    # outcomes of requests: 不同意公开 is refused, 同意全部公开 disclosed; 可以公开的,
    # 不掌握 and 信息不存在 only where the sentence is about requests (申请)
    # (不予公开(三类内部事务信息)2条: the outcome with its reason in brackets)
    Rule(
        "requests_refused",
        # (not 不予公开文件数55件: the documents an old report kept back)
        _r(rf"(?:不予公开|不同意公开)(?!的?文件){_REASON_NOTE}{_OUTCOME_TAIL}"),
        units=_OUTCOME_UNITS,
    ),
    Rule(
        "requests_disclosed",
        # (not 部分予以公开1件: the partial ones)
        _r(
            rf"(?:(?<!部分)(?<!部份)予以公开|(?<!不)(?<!部分)(?<!部份)同意(?:全部)?公开){_OUTCOME_TAIL}"
        ),
        units=_OUTCOME_UNITS,
    ),
    # 其中,属于公开范围的55件: the requests within what is public, the old tables' disclosed
    # (not 属于主动公开范围1件: information already published, told apart from 同意公开)
    Rule(
        "requests_disclosed",
        _r(r"(?:^|其中[，,：:]?)\s*(?<!不)属于公开范围的?$"),
        units=_OUTCOME_UNITS,
        needs=_r(r"申请"),
    ),
    # 其中给予公开7件: given out, in a sentence on requests
    Rule(
        "requests_disclosed",
        # (准予公开: granted)
        _r(rf"(?<!部分)(?:给予|准予)公开{_OUTCOME_TAIL}"),
        units=_OUTCOME_UNITS,
        needs=_r(r"申请"),
    ),
    Rule(
        "requests_disclosed",
        _r(r"(?<![不无])可以公开的?[^，,。0-9]{0,2}$"),
        units=_OUTCOME_UNITS,
        needs=_r(r"申请"),
    ),
    # 收到申请3起，其中公开1起，不予公开2起: 公开 alone, as an outcome beside the others
    Rule(
        "requests_disclosed",
        # (其中向社会公开3条: made public, to all)
        _r(r"(?:^|其中|[，,；;：:])\s*(?:已|均)?(?:向社会|向申请人)?公开$"),
        units=_OUTCOME_UNITS,
        needs=_r(r"申请[^。]{0,40}?[0-9]+\s*[件宗起份条][^。]*?公开$"),
    ),
    # (予以部份公开: 部份, a common variant of 部分)
    # (部分同意公开3件)
    # (区分处理后公开的2件: the 2021 table's own words for the partial ones)
    Rule(
        "requests_partial",
        # (区分处理9件: the table's own words, without 后公开)
        _r(rf"(?:(?:部[分份](?:予以|同意)?|区分处理后(?:予以)?)公开|区分处理){_OUTCOME_TAIL}"),
        units=_OUTCOME_UNITS,
    ),
    # (无法提供(本机关不掌握相关政府信息)8件: the outcome with its reason in brackets)
    # (其中,无法提供的政府信息1件: the information it could not give, counted in requests)
    Rule(
        "requests_unavailable",
        _r(rf"无法提供{_REASON_NOTE}(?:的?(?:政府)?信息)?{_OUTCOME_TAIL}"),
        units=_OUTCOME_UNITS,
    ),
    Rule(
        "requests_unavailable",
        # (非本机关掌握信息2件: not held by this body)
        _r(
            r"(?:不掌握[^，,。0-9]{0,8}|非本(?:机关|部门|单位)掌握[^，,。0-9]{0,4}|信息不存在|不存在)"
            r"[^，,。0-9]{0,2}$"
        ),
        units=_OUTCOME_UNITS,
        needs=_r(r"申请"),
        # …属于保护第三方合法权益73件，…本机关不掌握相关政府信息30件: the reasons a
        # sentence lists one by one, of which 不掌握 is one, not the outcome's total
        # (not 属于公开范围的55件: the disclosed ones, an outcome)
        unless=_r(r"(?<!不)属于(?!公开范围)[^，,。；;0-9]{2,16}[0-9]+\s*[件宗]"),
    ),
    Rule(
        "requests_not_processed",
        _r(rf"不予处理{_REASON_NOTE}{_OUTCOME_TAIL}"),
        units=_OUTCOME_UNITS,
    ),
    Rule("requests_other", _r(rf"其他处理{_OUTCOME_TAIL}"), units=_OUTCOME_UNITS),
    # 逾期未补正不再处理1件: the applicant did not complete the request in time — the table's
    # 其他处理 (申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请)
    Rule(
        "requests_other",
        _r(r"逾期(?:未|不)补正[^，,。；;0-9]{0,12}$"),
        units=_OUTCOME_UNITS,
        # (…逾期未补正2件，其他处理5件: one of the kinds beside their own count — a part)
        unless=_r(r"其他处理[^，,。；;0-9]{0,4}[0-9]"),
    ),
    # …部分公开1件，无法提供3件，其他0件: 其他 alone, the last of a list of outcomes
    Rule(
        "requests_other",
        _r(r"^\s*其他(?:情[况形])?$"),
        units=_OUTCOME_UNITS,
        needs=_r(
            # (本办不掌握相关政府信息2件，其他1件: after a reason it could not be given)
            r"(?:予以公开|部分公开|无法提供|不予公开|不予处理|不掌握|不存在)[^，,。；;0-9]{0,12}[0-9]+\s*"
            r"[件宗条次起项个]\s*[，,、；;]\s*其他(?:情[况形])?$"
        ),
    ),
    # 主动公开概况信息、人事任免…等15类政府信息，共计232条: the items published, the count said
    # in a clause of its own after what they were
    Rule(
        "items_published",
        _r(r"^\s*(?:共计|合计|总计)$"),
        "read",
        units=("条",),
        confidence=0.8,
        needs=_r(
            r"主动(?:公开|发布)[^。；;，,]{0,80}等(?:[0-9]+|[一二三四五六七八九十]+)?[类项种]?"
            r"(?:政府|政务)?信息[，,]\s*(?:共计|合计|总计)$"
        ),
    ),
    # 在…门户网及时公开主站通知公告63条、…规范性文件管理8条；子站动态信息6条…，共计200条: the
    # items published, counted by kind and then added up — the number checked against its parts
    Rule(
        "items_published",
        _r(r"^\s*(?:共计|合计|总计|总共|总数为?|共)$"),
        "none",
        # (in 条 or 篇 only: 共27件 after requests counted by how they came, 共104件 after
        # documents of several kinds, are other sums)
        units=("条", "篇"),
        confidence=0.8,
        sums=True,  # (the sum is of the counts after the sentence's publishing verb)
    ),
    # 收到依申请公开线上4件，线下23件，共27件: the online and offline ones added up
    Rule(
        "requests_new",
        _r(r"(?:^|[，,；;])\s*(?:共计?|合计|总计)$"),
        units=(*_REQUEST_UNITS, "条"),
        needs=_r(
            r"申请[^。]{0,30}(?:线上|网上|网络)[^。]{0,16}[0-9]+[^。]{0,20}(?:线下|书面|信函)"
            r"[^。]{0,16}[0-9]+[^。0-9]{0,6}(?:共计?|合计|总计)$"
        ),
    ),
    # 受理依申请公开301件，上年度结转申请3件，新增298件; 共办理…依申请公开件659宗，其中，新收到
    # 610宗，上年结转49宗: the new ones, beside the carried-over ones
    Rule(
        "requests_new",
        _r(
            # (其中上年结转1件、本年度新收并办结2件: new, and completed in the same number)
            # (申请12件(含新收11件、上年结转1件): the new ones inside the brackets)
            r"(?:^|[，,；;、]|其中[，,：:]?|[(（]含)\s*(?:本年度?|今年|当年)?(?:新增|新收到?|新接收|新受理)"
            r"(?:申请)?(?:并(?:全部)?办结)?$"
        ),
        units=_REQUEST_UNITS,
        needs=_r(
            r"申请[^。]{0,40}结转[^。]{0,16}(?:新增|新收|新接收|新受理)(?:申请)?(?:并(?:全部)?办结)?$"
            # (上年结转政府信息公开申请0件，本年新收105件: the carried-over ones named first)
            r"|结转[^。]{0,12}申请[^。]{0,12}[，,；;]\s*(?:本年度?|今年|当年)?(?:新增|新收)$"
            # (累计处理政府信息依申请公开92件，其中，本年度新接收91件)
            r"|申请公开[^。]{0,4}[0-9]+\s*[件宗][，,；;]\s*其中[，,：:]?\s*(?:本年度?|今年|当年)?"
            r"(?:新增|新收到?|新接收|新受理)$"
            r"|申请[^。]{0,12}[0-9]+\s*[件宗][，,；;]\s*其中[，,：:]?\s*(?:本年度?|今年|当年)?"
            r"(?:新增|新收到?)(?:申请)?$"
            r"|申请[^。]{0,12}[0-9]+\s*[件宗][(（]含(?:本年度?|今年|当年)?新收$"
        ),
    ),
    Rule(
        "requests_new",
        _r(
            # (受理公民、法人和其他组织提出的政府信息公开申请2件; 向区政府提交…申请187件)
            # (全年收政府信息公开申请464件, 核收…申请, 群众…提交政府信息公开申请55件: the requests
            # the agency got, by other verbs)
            r"(?<!复议|诉讼)(?:收到|受理|新收|接收|接到|接受|核收|(?<=[年共])收|(?<!未)(?<!未能)(?<!不)提交"
            r"|向[^，,。0-9]{1,8}提交)"
            rf"{_APPLICANTS_COUNTED}[^，,。0-9]{{0,24}}"
            # (收到信息公开请求1件: a request by another word)
            # (受理政府信息公开1件, 收到政府信息公开21件: the requests, their noun left out)
            r"(?:(?:申请|依申请|信息公开请求)[^，,。0-9]{0,16}|(?:政府)?信息公开)$"
        ),
        # 收到依申请公开17条, 收到…申请4次, 收到申请总数为1起: the counting word as written
        # (收到公众来信申请…1人次: the requests by the people who made them)
        units=(*_REQUEST_UNITS, "个", "项", "例", "条", "次", "起", "人次"),
    ),
    Rule(
        "requests_new",
        _r(rf"{_RECEIVED_VERB}(?:和处理|并处理|了)?[^，,。0-9申]{{0,6}}$"),
        # (收到社会各界4宗政府信息公开申请, 收到2份政府环境信息公开申请, 收到60条信息公开的申请)
        # (not 收到2个自然人的…申请: the applicants)
        # (收到2条群众提交的政府信息公开申请)
        # (not 收到8件因政府信息公开申请提起的行政复议: the reviews the requests led to; not
        # 接到了45起行政复议申请: applications for review)
        after=_r(
            r"^(?:[件条项个份宗]?(?:(?!复议|诉讼)[^，,。0-9人]){0,14}?"
            r"(?:依申请|公开申请|公开的申请|公开事务申请|申请)"
            r"(?![人者]|[^，,。；;0-9]{0,3}提起))"
        ),
        units=(*_REQUEST_UNITS, "个", "项", "例", "条", "起"),
    ),
    # 依申请公开数量为1条: the requests counted by name
    Rule(
        "requests_new",
        _r(r"(?:^|[，,；;])\s*依申请公开(?:申请)?(?:数量|件数|总数|数)(?:为|是|共|共计)?$"),
        units=("件", "条", "个", "宗"),
    ),
    # 政府信息依申请公开件53件: the requests by their cases' name (件 after 公开, not 依申请公开
    # 信息N条: the information given on them, as some labellers take it)
    Rule(
        "requests_new",
        _r(r"(?:^|[，,；;、])\s*(?:政府信息)?依申请公开(?:申请)?件(?:数|数量)?(?:共|共计|为)?$"),
        units=("件",),
    ),
    # 收到当面申请、电子邮件、传真、信函、和其他形式的政府信息公开申请0条: the ways listed at
    # length, then the requests (not …向市政府及市政府办公室提出的…申请5件, made to a government
    # another body's report names)
    Rule(
        "requests_new",
        _r(
            r"(?:收到|受理|接收)(?:(?!向[市区县省州](?:人民)?政府)[^，,。0-9]){0,44}"
            r"(?:政府)?信息公开申请(?:共|共计)?$"
        ),
        units=(*_REQUEST_UNITS, "条"),
    ),
    # 收到1条自然人通过“汕尾市政府信息依申请公开系统”提交的申请: the requests counted first, who
    # made them and how after (not 收到2个自然人的申请: the applicants, in 个)
    Rule(
        "requests_new",
        _r(rf"{_RECEIVED_VERB}(?:了)?[^，,。0-9申]{{0,6}}$"),
        after=_r(r"^[件条份宗]?[^，,。0-9]{0,30}?提交的(?:政府信息公开|信息公开)?申请"),
        units=("件", "条", "份", "宗"),
    ),
    # 收到1件自然人提起的…申请: counted in 件, the requests, whoever made them
    Rule(
        "requests_new",
        _r(rf"{_RECEIVED_VERB}(?:和处理|并处理|了)?[^，,。0-9申]{{0,6}}$"),
        # (收到1条自然人公开信息申请: in 条 too)
        after=_r(
            r"^(?:(?!复议|诉讼)[^，,。0-9]){0,14}?(?:公开申请|公开的申请|公开信息申请|申请)"
            r"(?![^，,。；;0-9]{0,3}提起)"
        ),
        units=("件", "件次", "宗", "份", "起", "条"),
    ),
    # 2019年依申请公开共受理2件, 依申请公开受理和办结6件: the requests named first
    Rule(
        "requests_new",
        _r(
            # (依申请公开政府信息共收到37件: what was asked for, then the verb)
            r"(?:依申请公开|信息公开申请|公开申请|依申请)[^，,。0-9]{0,6}(?:受理|收到|接收)"
            r"(?:[和并及](?:全部)?办结)?(?:了)?[^，,。0-9]{0,2}$"
        ),
        units=(*_REQUEST_UNITS, "条", "个", "次"),
    ),
    # 依法依规做好政府信息依申请公开工作,全年共受理48件: the requests named by the clause
    # before, the work on them
    Rule(
        "requests_new",
        _r(r"(?:^|[，,])\s*(?:全年|本年度?|今年)?(?:共计?)?(?:受理|收到|接收)(?:了)?$"),
        units=_REQUEST_UNITS,
        needs=_r(r"依申请公开工作[，,][^，,。；;0-9]{0,8}$"),
    ),
    # 共受理申请15件,其中新收到14件: the new ones of the requests counted before
    # (其中本机关新收5件: the agency's own)
    Rule(
        "requests_new",
        _r(
            r"其中(?:本机关|本单位)?(?:本年度?|今年|当年)?(?:新收到|新收|新受理|新接收)(?:的)?(?:申请)?$"
        ),
        units=(*_REQUEST_UNITS, "条"),
        needs=_RECEIVED_REQUESTS,
    ),
    # 2025年度有1件依申请公开信息, 共有0例依申请公开, 发生1起依申请公开政府信息情况: the
    # requests there were, counted before their name (not 其中有…: a part)
    Rule(
        "requests_new",
        _r(
            r"(?:^|[，,：:；;]|年度?|我[局委办]|本[局委办]|本单位|本机关|[街镇乡])\s*(?:共有|有|发生)(?:了)?$"
        ),
        after=_r(r"^\s*[件项例起个条宗]?\s*依申请公开(?:的)?(?:政府)?(?:信息)?(?:事项|申请|件)?"),
        units=(*_REQUEST_UNITS, "个", "项", "例", "条", "起"),
    ),
    # 2020年度和平街道发生依申请公开1次: requests that came in
    Rule(
        "requests_new",
        _r(r"发生[^，,。0-9]{0,4}(?:依申请公开|信息公开申请|公开申请)[^，,。0-9]{0,4}$"),
        units=(*_REQUEST_UNITS, "次", "例"),
    ),
    # (累计收到82件，办结61件 after a sentence on online approvals is not: naming.py's
    # _OTHER_APPLICATIONS)
    Rule(
        "requests_completed",
        _r(r"(?:办结|办理完毕|处理完毕|办理完结|办理完成)[^，,。0-9]{0,20}$"),
        units=(*_REQUEST_UNITS, "项"),
    ),
    # 辦結依申請公開事項3條: the requests completed, counted in 条 where they are named
    Rule(
        "requests_completed",
        _r(r"(?:办结|答复)(?:了)?(?:依申请公开|政府信息公开申请)(?:事项|申请)?$"),
        units=("条",),
    ),
    # 答复政府信息公开申请226件, 已完成依申请公开申请1件: requests answered
    Rule(
        "requests_completed",
        # (回复…申请0条, 答复依申请公开政府信息75件)
        # (not 回复网络申请公开事项5条: a kind of item published)
        _r(
            # (not 完成办理上年度申请2件: only the requests carried over)
            r"(?:答复|回复|完成)(?:(?!上年|结转)[^，,。0-9]){0,12}(?:申请|依申请公开(?:政府)?信息)"
            r"[^，,。0-9事]{0,4}$"
            # (依申请公开信息答复数2条: the answers counted so)
            r"|依申请公开(?:政府)?(?:信息)?答复(?:数|数量|件数)(?:为)?$"
            # (答复个人依申请事项2件, 完成依申请公开主办件1件: the requests by other words)
            r"|(?:答复|回复|完成)(?:(?!上年|结转)[^，,。0-9]){0,14}依申请(?:公开)?(?:事项|(?:主办|办理)?件)$"
        ),
        units=(*_REQUEST_UNITS, "项", "个", "条"),
    ),
    # 依申请公开申请数为21件: the count of requests, named so
    Rule(
        "requests_new",
        # (not 上年结转…申请数量0件: the requests carried over)
        _r(
            # (依申请公开受理数量为0件: counted by the verb)
            r"^(?:(?!结转|上年)[^，,。；;])*?(?:(?:依申请公开|信息公开|公开)申请|依申请公开(?:受理|收到|新收))"
            r"(?:总)?(?:数|数量|件数)"
            r"(?:为|是|共|达)?$"
        ),
        units=(*_REQUEST_UNITS, "个", "项", "条"),
    ),
    # 2023年全年依申请公开政府信息申请 4件: requests named with no verb, as 申请 (依申请公开0件
    # alone is left: labellers split between the requests and the information given on them)
    Rule(
        "requests_new",
        _r(
            r"^\s*(?!.*(?:办理|办结|答复|处理|不予|结转|上年|主动))[^，,。0-9]{0,12}?"
            r"(?:[0-9]{4}年度?[^，,。0-9]{0,6}?)?(?:全年|共)?依申请公开(?:政府|政务)?信息申请"
            r"(?:数|数量)?(?:共计?|合计|为|是)*$"
        ),
        units=_REQUEST_UNITS,
    ),
    # 办理政府信息公开申请7件: what came in or what was handled, as the sentence tells
    # (`_handled`) — unless it gives 办结 apart (共办理申请74件，办结71件)
    Rule(
        "requests_new",
        _HANDLED_REQUESTS,
        units=(*_REQUEST_UNITS, "项"),
        confidence=0.8,
        unless=_r(r"办结\s*[0-9]"),
        handled=True,
    ),
    Rule(
        "requests_completed",
        _HANDLED_REQUESTS,
        units=(*_REQUEST_UNITS, "项"),
        confidence=0.8,
        unless=_r(r"办结\s*[0-9]"),
        handled=True,
    ),
    # 受理依申请公开来件29件，续办上年度结转办件1件，共办理30件: all the requests handled, told
    # by the sentence as the others (`_handled`: after the received ones, those completed)
    Rule(
        "requests_completed",
        _r(r"(?:^|[，,；;]\s*)(?:共|合计|共计|总计)(?:办理|处理)$"),
        units=(*_REQUEST_UNITS, "项"),
        confidence=0.8,
        needs=_r(r"申请"),
        unless=_r(r"办结\s*[0-9]"),
        handled=True,
    ),
    Rule(
        "requests_completed",
        _r(r"^$"),
        after=_r(r"^[^，,。]{0,14}申请[^，,。]{0,6}(?:均|全部|已)?[^，,。]{0,4}(?:按时|依法)?办结"),
        units=("件", "件次"),
    ),
    # …收到申请5件，其中3件已按要求书面回复: the part of the requests answered (…，26件次
    # 按时限要求办结: the clause opening on them)
    Rule(
        "requests_completed",
        _r(r"(?:^|其中)$"),
        # (not 2件结转下年答复, 1件被复议机关撤销答复, 1件结果为要求重新作出答复: a review's
        # outcome)
        after=_r(
            r"^(?![^，,。；;]{0,14}(?:结转|下年|撤销|复议|诉讼|重新))(?:均|全部)?(?:已|已经)?"
            r"[^，,。；;0-9]{0,14}(?<!正在)(?:答复|回复|办结)"
        ),
        units=("件", "件次"),
        needs=_r(r"申请"),
    ),
    # 对49份政府信息公开申请依法作出答复: the requests answered, counted after 对
    # (not 对1件申请进行了补正告知: another step)
    Rule(
        "requests_completed",
        _r(r"(?:^|[，,；;]|年)\s*[^，,。；;0-9]{0,8}对(?:于)?$"),
        after=_r(
            r"^\s*[件份宗条项]?(?:政府)?(?:信息)?(?:公开)?申请(?:事项)?[，,]?\s*(?:均|全部|已)?"
            r"(?:依法|按时|按期|及时)?(?:作出|予以|进行了?)?(?:了)?(?:书面)?(?:答复|回复)"
        ),
        units=_REQUEST_UNITS,
    ),
    # 已到答复期的45件申请全部按期答复: the requests due an answer, all answered
    Rule(
        "requests_completed",
        _r(r"已到(?:答复|办理)期(?:限)?的$"),
        after=_r(
            r"^\s*(?:政府信息公开)?申请[^，,。；;]{0,6}(?:全部|均)[^，,。；;]{0,6}(?:答复|办结)"
        ),
        units=_REQUEST_UNITS,
    ),
    # 在收到的依申请公开事项中，已答复59件; 对申请的办理情况:已答复件数12件: the requests
    # answered, in a sentence on them, or counted by name
    Rule(
        "requests_completed",
        _r(
            # (书面答复33件, 目前已答复1件, 答复1181件: how or when, or the bare verb)
            # (按规定在法定期限内答复229件: within the time the law sets)
            # (2025年回复36件: the year's answers, after the requests it received)
            r"(?:^|中[，,]?)\s*(?:[0-9]{4}\s*年度?)?(?:目前|现已)?(?:按规定|依规)?"
            r"(?:在?(?:法定|规定)(?:期限|时限)内)?"
            # (已处理回复7条: handled and answered, in 条 as the requests were counted)
            # (按期回复1件: answered in time)
            # (在法定时限内规范答复151件: answered as the rules ask)
            r"(?:已|均已|已经|共|全部)?(?:书面|依法|按时|按期|及时|规范)?(?:处理)?"
            r"(?:答复|答覆|办结|(?<=处理|按期|按时|及时)回复|(?<=[年度])回复)$"
            # (2023年答复量为421件)
            r"|(?<![未不])(?:已)?(?:答复|办结)(?:件数|数量|总数|量)(?:为|是|共)?$"
        ),
        units=(*_REQUEST_UNITS, "条"),
        needs=_r(r"申请"),
    ),
    # 做出政府信息公开答复 80件: the answers given, in a sentence on requests
    Rule(
        "requests_completed",
        _r(r"(?:作出|做出)[^，,。0-9]{0,10}答复$"),
        units=_REQUEST_UNITS,
        needs=_r(r"申请"),
    ),
    # 在已经答复的0件申请中, 在办结的5件申请中: the requests answered, before their outcomes
    Rule(
        "requests_completed",
        _r(r"在(?:已经|已)?(?:答复|办结|回复)(?:了)?的$"),
        after=_r(r"^[^，,。；;]{0,4}申请中"),
        units=_REQUEST_UNITS,
    ),
    # …收到申请6件，6件均按时答复: a clause that opens on the number of requests answered
    Rule(
        "requests_completed",
        _r(r"^$"),
        # (19件已按照规定时限和程序依法依规进行了答复)
        after=_r(r"^(?:(?:均|全部)(?:已|已经)?|已|已经)[^，,。；;0-9]{0,20}(?:答复|办结)"),
        units=("件", "件次"),
        needs=_r(r"申请"),
    ),
    # 收到政府信息公开申请4条，回复4条: the requests answered, in a sentence that counted the
    # requests received before
    Rule(
        "requests_completed",
        # (按时答复2件, 已依法答复2件)
        _r(
            # (全年作出答复579件, 进行回复52件)
            # (已经答复2件; 其中本年度答复21件)
            r"(?:^|[，,；;]\s*)(?:其中)?(?:全年|共|共计|本年度?|当年)?(?:已经|已|均已|全部)?"
            r"(?:依法|按时|及时|依法依规)?"
            r"(?:予以|作出|做出|进行)?(?:办理)?(?:回复|答复|办结|完成)[^，,。0-9]{0,2}$"
        ),
        units=(*_REQUEST_UNITS, "条"),
        needs=_RECEIVED_REQUESTS,
    ),
    # 对其中3件予以公开，1件部分公开，1件不公开: the number before its outcome
    # (8件按申请事项全部予以公开: the outcome after the way it was given; 其中8件已公开: said in
    # the past)
    _number_first(
        "requests_disclosed",
        _OF_THEM,
        # (5件为可以公开的政府信息)
        rf"^\s*{_IS}(?:按[^，,。；;0-9]{{1,8}}?)?(?:全部)?(?:予以公开|同意公开|准予公开|全部公开|已(?:予以?)?公开"
        r"|可以公开|可公开)",
    ),
    _number_first(
        "requests_partial", _OF_THEM, rf"^\s*{_IS}(?:予以)?(?:部[分份]公开|公开部分内容)"
    ),
    _number_first("requests_refused", _OF_THEM, rf"^\s*{_IS}(?:不予公开|不公开|不同意公开)"),
    # 另外5件办理结果为其他处理, 2件不予处理
    _number_first(
        "requests_not_processed",
        f"{_ANOTHER}|{_RESULTS}",
        rf"^\s*(?:办理结果为|予以|{_IS})不予以?处理"
        # (1件涉及信访举报投诉类不予以处理: the outcome after what the request was)
        rf"|^\s*(?:因|涉及|属于|系)[^，,。；;0-9]{{0,20}}?不予以?处理",
    ),
    _number_first(
        "requests_other", f"{_ANOTHER}|{_RESULTS}", rf"^\s*(?:办理结果为|作|予以|{_IS})其他处理"
    ),
    # 其中6件申请进入行政复议程序: requests taken to administrative review
    Rule(
        "appeal_review",
        _r(r"(?:^|其中)$"),
        after=_r(r"^\s*(?:申请人)?(?:申请)?(?:进入|提起|申请)行政复议"),
        units=_CASE_UNITS,
    ),
    # 1条因不属于本行政机关负责公开无法提供; 2条本机关不掌握相关政府信息 (the outcome by its
    # reason, as table 三 words it)
    # (另1件因所申请信息不存在，无法提供; 2件为不存在的政府信息)
    _number_first(
        "requests_unavailable",
        f"{_ANOTHER}|{_RESULTS}",
        rf"^\s*(?:因|属于|系)?[^，,。；;0-9]{{0,24}}[，,]?\s*无法提供"
        # (8宗我办不掌握相关政府信息: the agency by its own short word)
        rf"|^\s*{_IS}(?:本机关|本行政机关|本单位|本办|我办|我局|我委|本局)不掌握|^\s*{_IS}不存在的",
    ),
    # (行政复议类信息24条: published items about reviews)
    Rule(
        # (not 行政复议(指南)1条: a guide published, one kind of item)
        "appeal_review",
        # (主动公开典型行政复议案件决定书34件: the decisions published, not cases)
        _r(r"行政复议(?![^，,。0-9]{0,6}(?:信息|指南|决定书|文书))[^，,。0-9]{0,6}$"),
        units=_CASE_UNITS,
    ),
    Rule(
        "litigation_cases",
        _r(r"行政诉讼(?![^，,。0-9]{0,6}(?:信息|指南|判决书|裁定书|文书))[^，,。0-9]{0,6}$"),
        units=_CASE_UNITS,
    ),
    # 复议案件共计1件, 被诉讼的案件共计1件: the cases, without 行政 (not 民事诉讼, 刑事诉讼)
    Rule(
        "appeal_review",
        _r(r"(?<![行政])复议(?:的)?案件(?:共|共计|合计|数|数量)?(?:为|是)?$"),
        units=_CASE_UNITS,
    ),
    Rule(
        "litigation_cases",
        _r(r"(?<![行政民事刑])诉讼(?:的)?案件(?:共|共计|合计|数|数量)?(?:为|是)?$"),
        units=_CASE_UNITS,
    ),
    # 涉及复议0件，诉讼0件: review and litigation said short, after the requests
    Rule(
        "appeal_review",
        _r(r"^\s*(?:涉及|引起|引发|发生)复议(?:案件)?$"),
        units=_CASE_UNITS,
    ),
    Rule(
        "litigation_cases",
        _r(r"(?:^|[，,、])\s*诉讼(?:案件)?$"),
        units=_CASE_UNITS,
        # (涉及复议0件(其中2022年延续下来的0件)，诉讼0件: a note in brackets after the reviews)
        needs=_r(r"复议\s*[0-9]+\s*[件起宗](?:[(（][^()（）]{0,30}[)）])?\s*[，,、]\s*诉讼$"),
    ),
    # 共接收群众申请公开4件，其中提起诉讼的1件: the requests that went to court
    Rule(
        "litigation_cases",
        _r(r"其中[，,]?\s*(?:提起|引起|引发)(?:行政)?诉讼(?:的)?$"),
        units=_CASE_UNITS,
    ),
    Rule(
        "appeal_review",
        _r(r"其中[，,]?\s*(?:申请|提起|引起|引发)(?:行政)?复议(?:的)?$"),
        units=_CASE_UNITS,
    ),
    # 发生2起关于政府信息公开的行政诉讼案件: the number before its noun
    Rule(
        "appeal_review",
        # (本年度有0件行政复议案件; 因政府信息公开还引发了3起行政诉讼)
        _r(r"(?:^|发生|引发|引起|收到|涉及|共有|共|有)(?:了)?$"),
        # (not 14件信息公开申请在办理过程中未产生行政复议: the requests, with none taken further)
        after=_r(r"^(?:(?!未|没有|无)[^，,。；;0-9]){0,16}行政复议"),
        units=_CASE_UNITS,
    ),
    Rule(
        "litigation_cases",
        _r(r"(?:^|发生|引发|引起|收到|涉及|共有|共|有)(?:了)?$"),
        # (not 14件信息公开申请在办理过程中未产生行政复议: the requests, with none taken further)
        after=_r(r"^(?:(?!未|没有|无)[^，,。；;0-9]){0,16}行政诉讼"),
        units=_CASE_UNITS,
    ),
    # 对5件重要政策文件进行了政策解读: the documents explained, counted before them
    Rule(
        "interpretations",
        # (对其中13件进行了图文解读: of the documents counted before)
        _r(r"(?:^|[，,；;])\s*(?:全年|本年度?|并)?(?:共)?(?:对|就)(?:其中)?$"),
        after=_r(
            r"^[件份个篇项]?(?:[^，,。；;0-9]{0,12}?(?:文件|政策))?[^，,。；;0-9]{0,4}?"
            r"(?:进行了?|开展了?|作了?|做了?)[^，,。；;0-9]{0,4}?解读(?![^，,。；;]{0,6}(?:会|培训))"
        ),
        units=("件", "份", "个", "篇", "项"),
    ),
    # 发布41条信息：2条政策解读、0条政府信息公开指南: the interpretations counted before their
    # name, in a list of such counts
    Rule(
        "interpretations",
        # (发布《浙江省…细则(试行)》等12个文件解读: one of them named before the count)
        _r(r"(?:^|[、：:]|(?:发布|公开|公布|制作|推出)(?:《[^》]{1,40}》等)?)$"),
        # (制作发布51份多元形式政策解读产品: the forms said before them)
        after=_r(
            r"^(?:[^，,。；;0-9、]{0,6}?(?:政策|文件|图文|图解)|政策|文件|图文|图解)?解读"
            r"(?:材料|稿件?|文章|信息|产品)?(?=[，,。；;、]|$)"
        ),
        units=("篇", "条", "期", "个", "份", "件"),
    ),
    Rule(
        "interpretations",
        # (公开并解读1件: documents published and explained, counted as documents)
        # (not 解读会议19次, 政策解读活动15次: meetings explained, events held; 回应解读信息数175次:
        # responses and interpretations run together)
        # (解读《厦门市行政调解规定》等政策文件3份: the first document named in its title marks)
        _r(r"(?<![及和与、并])(?<!回应)解读(?!会|活动)(?:《[^》]{1,40}》)?[^，,。0-9]{0,10}$"),
        units=("篇", "条", "期", "次", "个", "份", "项", "件", "件次"),
        # 解读及回应信息共计110条: explanations and responses together
        unless=_r(r"解读[及和与、]回应|回应[及和与、]解读"),
    ),
    # 我局共计开展4次政策解读: the interpretations, their number before them
    Rule(
        "interpretations",
        # (进行5条政策解读)
        _r(r"(?:开展|发布|制作|编发|进行)(?:了)?$"),
        # (not 开展2次政策解读培训: a training on them)
        after=_r(
            r"^\s*(?:[次条篇期个份项])?(?:的)?政策(?:文件)?解读(?![及和与、]回应|培训|会|工作|活动)"
        ),
        units=("篇", "条", "期", "次", "个", "份", "项"),
    ),
    # 录用结果信息19条: the results of a recruitment, not information others adopted
    Rule(
        "recruitment_notices",
        _r(
            # (not 财政预(决)算、政府采购、招考录用等信息357条: one kind listed of all)
            r"录用(?:结果|名单|人员)(?:信息|公示|公告)[^，,。0-9]{0,4}$"
            r"|(?:招考|招聘|招录)录用(?![^，,。0-9]{0,2}等)[^，,。0-9]{0,4}$"
        ),
        units=("条", "篇", "个", "期", "则", "份"),
    ),
    # 被各类媒体录用信息18篇, 地方党报等纸媒采用信息35篇, 被区级媒体转载62篇: taken up by the
    # press, reports in the media (the labels, 6 to 0) — not 被…各媒体、网站采用, 审计署官网…等媒体
    # 上采用: sites, where information sent up is adopted; not 政务新媒体上转载: the agency's own
    # accounts
    Rule(
        "media_reports",
        _r(
            r"(?:^|[，,；;])(?:(?!网站|官网|官微|专网|政府)[^，,。；;0-9])*(?:纸媒|(?<![新自])媒体)(?:上)?"
            r"[^，,。；;0-9网]{0,6}(?:录用|采用|采纳|转载)[^，,。；;0-9(（]{0,6}$"
        ),
        "default",
        units=("篇", "条", "次", "篇次", "条次"),
    ),
    Rule(
        "info_adopted",
        # (被上级采纳信息51条: adopted by the level above, named between)
        _r(
            r"(?<!招考)(?<!招聘)(?<!招录)(?:录用|采用|被[^，,。0-9]{0,4}?采纳)(?!结果|名单|人员)"
            r"[^，,。0-9]{0,6}$"
        ),
        units=("篇", "条"),
    ),
    # 其中7篇被生态环境部采用: the number before its word
    Rule(
        "info_adopted",
        _r(r"(?:^|其中)$"),
        after=_r(r"^[^，,。；;0-9]{0,12}(?:采用|录用|被采纳)"),
        units=("篇", "条"),
    ),
    # (not 市级以上报刊发稿3篇: 以上 and 报刊, no 上报)
    Rule("info_submitted", _r(r"(?:报送|(?<!以)上报)[^，,。0-9]{0,12}$"), units=("篇", "条")),
    Rule(
        "media_reports",
        _r(
            r"(?:(?<![新自他])媒体|报刊|电视台|报纸)[^。]{0,24}"
            # (新华网、新华日报…等媒体刊用约423篇)
            r"(?:刊发|刊登|刊载|刊播|刊用|报道|发稿|播发|播出|发布|发表)"
            r"[^，,。0-9]{0,10}$"
        ),
        "default",
        units=("篇", "条", "次", "则", "篇次"),
        # 各主流媒体共刊发转发…报道共计19.23万条: reports and reposts together (not 源发报道
        # 2000篇，网络转载18万篇: the reposts counted apart)
        unless=_r(r"(?:发|播|和|及|、)(?:转发|转载)[^，,。；;0-9]{0,30}[0-9]"),
    ),
    # 开展专题新闻报道73篇次: reports in the press
    Rule(
        "media_reports",
        _r(r"新闻报道[^，,。0-9]{0,4}$"),
        "default",
        units=("篇", "篇次", "条", "次", "则"),
        confidence=0.8,
    ),
    Rule("meetings", _r(r"上会[^，,。0-9]{0,20}$"), units=("次",)),
    # 召开政务公开工作会议或专题会议数2次: meetings on disclosure work, counted
    # (开展政务公开工作推进会3次: held, by another verb)
    Rule(
        "meetings",
        _r(
            r"(?:召开|开展|举办|组织)(?:了)?[^，,。0-9]{0,6}(?:政务公开|信息公开)[^，,。0-9]{0,12}"
            r"会议?[^，,。0-9]{0,4}$"
        ),
        units=("次", "场"),
    ),
    # 全年党组会议专题研究政务公开工作2次: meetings that took up disclosure work
    Rule(
        "meetings",
        _r(
            # (通过党组会、专题会等形式研究政府信息公开工作7次)
            # (乡党委会先后研究政务公开工作2次)
            rf"(?:{_MEETING_BODIES}|专题会)[^，,。0-9]{{0,4}}(?:专题)?(?:研究|部署|听取)"
            r"[^，,。0-9]{0,8}(?:政务公开|信息公开)[^，,。0-9]{0,6}$"
        ),
        units=("次",),
    ),
    # 通过党组扩大会议两次专题研究信息公开工作: the count between the meeting and its subject
    Rule(
        "meetings",
        _r(rf"(?:{_MEETING_BODIES})$"),
        after=_r(r"^\s*次?\s*(?:专题)?(?:研究|部署|听取)[^，,。；;0-9]{0,8}(?:政务公开|信息公开)"),
        units=("次",),
    ),
    # 本年度共开展了14次政务公开工作会议: meetings on disclosure work, held
    Rule(
        "meetings",
        _r(r"(?:开展|举办|组织)(?:了)?$"),
        after=_r(r"^\s*[^，,。；;0-9]{0,4}(?:政务公开|信息公开)[^，,。；;0-9]{0,6}会议"),
        units=("次", "场"),
    ),
    Rule(
        "meetings",
        _r(r"召开[^，,。0-9]{0,4}$"),
        # 召开4次新闻发布会: press events, not meetings on disclosure work (nor 政策说明会, the
        # policies explained to the public; nor 局长办公会, 主任办公会: the body's executive
        # meetings on all its work — the labels leave them out, 3 of 3)
        after=_r(
            r"^(?![^，,。]{0,12}(?:发布会|通气会|吹风会|见面会|说明会|办公会))[^，,。]{0,12}会"
        ),
        units=("次", "场"),
    ),
    Rule(
        "followers",
        _r(r"(?:粉丝|关注|观注|订阅|用户总数|用户数)[^，,。0-9]{0,8}$"),
        "must",
        units=("人", "万人", "人次", "户"),
    ),
    # 粉丝数量从982人上涨至5800人: the number it rose to, the figure before it the one it rose from
    Rule(
        "followers",
        _r(rf"^\s*{ROSE_TO}$"),
        "must",
        units=("人", "万人", "户"),
        needs=_r(rf"(?:粉丝|关注|订阅)[^，,。；;0-9]{{0,8}}[从由][0-9.]+万?[人户]?{ROSE_TO}$"),
    ),
    # 微信官方公众号现有1.46万人关注: the followers named after their number, the account
    # before it
    Rule(
        "followers",
        _r(
            r"(?:公众号|微信|微博|抖音|头条号|视频号|快手)[^，,。0-9]{0,6}(?:现有|拥有|共有|已有|有)$"
        ),
        "must",
        units=("人", "万人", "户"),
        after=_r(r"^\s*(?:关注|订阅|粉丝)"),
    ),
    # 订阅数达56.2万个, 粉丝量达2900个: subscribers counted as accounts
    Rule(
        "followers",
        _r(
            r"(?:(?:订阅|用户)(?:数|量|人数|总数)?|(?:粉丝|关注)(?:数|量|人数|总数))"
            r"(?:达|为|已达|达到)?$"
        ),
        "must",
        units=("个",),
    ),
    Rule(
        "reads",
        _r(r"(?:阅读量|阅读数|浏览量|点击量|阅读|浏览)[^，,。0-9]{0,6}$"),
        "must",
        # 总阅读人数和总阅读次数均超过100万: two measures, one number
        unless=_r(r"(?:人数|次数|量)[和及与、](?:总)?(?:阅读|浏览)"),
    ),
    Rule(
        "recruitment_notices",
        _r(r"(?:招聘|招录|招考)[^，,。0-9]{0,6}(?:信息|资讯|公告|通知|简章)[^，,。0-9]{0,4}$"),
        units=("条", "篇", "个", "期", "则", "份"),
        # 人事任免、招录信息15条, 环评公示、人员招聘等通知公告信息15条: other kinds counted with it
        unless=_r(
            r"(?<![0-9条件篇个项期则份])[、和与及][^，,。、0-9]{0,6}(?:招聘|招录|招考)[^，,。0-9]{0,6}"
            r"(?:信息|资讯|公告|通知|简章)[^，,。0-9]{0,4}[0-9]"
            r"|(?:招聘|招录|招考)[^，,。0-9]{0,2}[、和与][^，,。0-9]{0,8}[0-9]"
            # (人事招聘任免信息1条: recruitment and appointments, one count)
            r"|(?:招聘|招录|招考)(?:及|和|与)?任免"
        ),
    ),
    # 招考录用1项, 公务员招考及录用结果4项: recruitment and its results, as one kind of item
    Rule(
        "recruitment_notices",
        _r(r"(?:招聘|招录|招考)[^，,。0-9]{0,2}(?:及)?录用(?:结果)?$"),
        units=("条", "篇", "个", "项", "则", "份"),
    ),
    Rule(
        "items_published",
        # (政策文件等信息: kinds of item, of which documents are one)
        _r(
            # (not a clause on 其他主动公开文件19条, the other ones after a kind; not 法规文件及
            # 解读3条, documents and explanations together)
            # (新制定出台规范性文件2个，均已公开: made, then said to be published — the made-only
            # ones are told apart after)
            r"^(?!\s*其他)[^，,。；;]*?(?<!不予)(?<!不)(?:发布|公开|公布|制发|印发|制定|出台|包括)"
            # (公开市政府暨市政府办公室政策文件23件: the government's and its office's; not
            # 公开其他政策文件404件, the other ones beside a kind)
            r"(?![^，,。0-9]{0,6}(?:其他|其它|其余))"
            # (发布区政府办公室行政规范性文件5件: the office's, named at length)
            # (发布《…十条措施(试行)的通知》、《…》等行政规范性文件16件: titles named first)
            # (发布2021年市本级行政规范性文件24件: the year's, by its number)
            r"(?:[^，,。0-9]{0,12}|(?:19|20)[0-9]{2}\s*年度?[^，,。0-9]{0,12}"
            r"|[^，,。0-9]{0,8}政府(?:及|和|暨|与)[^，,。0-9]{0,12}"
            r"|(?:《[^《》]{1,80}》[、和及与]?){1,6}等[^，,。0-9《》]{0,10})"
            # (主动公开行政发文11件: the documents issued, by that word)
            r"(?:文件|公文|(?<=行政)发文)"
            # (文件、通知等1506条: documents among kinds listed)
            # (not 公开各类文件、信息37条: documents and information, all of it)
            r"(?![及和与]其?解读|[、及和与](?:各类)?(?:政府|政务)?信息)"
            r"(?:类政府信息|(?![^，,。0-9]{0,6}等(?![)）]))[^，,。0-9]{0,4})$"
        ),
        "none",
        units=("条", "件", "个", "篇", "份", "项"),
        category="documents",
        # (公开政策文件10件、规范性文件1件: two kinds of document and no count of all; 公开其他
        # 法定信息、政策文件共30条: documents and another kind, counted together)
        unless=_r(
            r"文件(?!解读)[^，,。；;0-9]{0,4}[0-9]+\s*[件条个篇份项]、"
            r"[^，,。；;0-9]{0,8}文件[^，,。；;0-9]{0,4}[0-9]"
            r"|信息[、和及与][^，,。；;0-9]{0,8}(?:文件|公文)(?:共|共计|合计)[0-9]"
            # (公开文件立改废7条: documents made, changed or repealed, not published)
            r"|(?:文件|公文)(?:的)?立改废"
        ),
    ),
    # 全年主动公开政府信息1464条，其中政府发文6条: the documents issued, one part of the items
    Rule(
        "items_published",
        _r(r"^[，,]?\s*其中[，,：:]?\s*(?:政府|本级|机关|部门|本机关|本单位)?发文$"),
        "none",
        units=("条", "件", "个", "篇", "份"),
        category="documents",
        needs=_r(
            r"主动公开[^。]{0,30}[0-9]+\s*[条件篇][，,；;：:]?\s*其中[，,：:]?[^，,。；;0-9]{0,8}$"
        ),
    ),
    # 官方微信信息数30条, 政务微信信息数9条: an account's items counted by name (the account
    # must be named: 政务动态信息数221条 is one kind of item)
    Rule(
        "items_published",
        _r(
            # (珲春市水利局门户网站信息数159条: a site's, by its name)
            r"(?:公众号|微信|微博|抖音|头条号|视频号|快手|网站)[^，,。0-9]{0,4}"
            r"(?:信息|文章|推文|发文|图文)(?:数|数量|总数)(?:为|达|共|共计)?$"
        ),
        "must",
        units=("条", "篇", "则", "个"),
    ),
    # 泸州市水务局政务网站信息796条, 泸州水务微博信息162条: a channel's items, named by the channel
    # right before them with no verb between
    Rule(
        "items_published",
        _r(
            # (the words from the clause's start: the channel's whole name)
            r"(?:^|(?<=[，,；;：:、]))[^，,。；;：:0-9]{0,16}?"
            # (英雄达茂视频号发稿328条: an account's posts by the press's word)
            r"(?:网站|公众号|微信|微博|抖音号?|头条号|视频号)(?:信息|文章|推文|图文|发稿|发文)(?:共|共计)?$"
        ),
        "must",
        units=("条", "篇", "则"),
        confidence=0.8,
    ),
    # 新浪微博860余条, 区林业局微信公众号115条, 部门官方微信150期: an account named with its count
    # and nothing between, in a sentence on what was published
    Rule(
        "items_published",
        _r(
            r"(?:^|(?<=[，,；;：:、]))[^，,。；;：:0-9]{0,24}?"
            r"(?:公众号|微信|微博|抖音号?|头条号|视频号|微信公众平台)[”\"」]?"
            # (微信“莲都发布”1767条: the account's name after its kind)
            r"(?:[“\"「][^”\"」，,。；;0-9]{1,12}[”\"」])?(?:共|共计)?$"
        ),
        "must",
        units=("条", "篇", "期"),
        confidence=0.7,
        needs=_r(r"发布|推送|公开|更新|推文|发文|刊发"),
    ),
    # 通过官网公布3份文件: documents published, the noun after the number
    # (主动公开《…的通知》《…》等32件规范性文件: the first titles named before it)
    Rule(
        "items_published",
        _r(
            r"(?<!不予)(?<!不)(?:发布|公开|公布|印发)(?:了)?(?:《[^《》]{1,80}》[、和及与]?){0,6}等?$"
        ),
        "none",
        units=("件", "个", "篇", "份"),
        category="documents",
        after=_r(
            # (not 等1件规范性文件及《…》: documents and another kind, counted together)
            # (等国资监管非涉密政策文件14件: what the documents are about, before their kind)
            r"^\s*(?:[^，,。；;0-9《》、]{0,8}?(?:政策性?|行政规范性|规范性)|政府|部门)?(?:文件|公文)"
            r"(?![^，,。；;]{0,4}解读|[及和与]《)"
        ),
    ),
    # 本年度产生政府文件信息22条，其中主动公开14条; 我委备案公文136件，主动公开136件: the
    # documents made, then how many of them were published
    Rule(
        "items_published",
        _r(r"(?:^|其中|均)\s*(?:主动)?公开(?:发布)?(?:了)?$"),
        "none",
        units=("条", "件", "个", "篇", "份"),
        category="documents",
        needs=_r(
            # (新制定规范性文件33件，公开发布5件)
            # (制发公文总数3个，主动公开3个: the documents' number, said as such)
            r"(?:产生|制发|备案|制作|制定|印发|发文)[^，,。；;0-9]{0,8}(?:公文|文件)(?:类)?(?:信息)?"
            r"(?:总数|数量)?(?:为|是)?(?:共|共计)?\s*[0-9]+\s*[条件个篇份][^。；;]*?(?:其中|均|[，,])\s*(?:主动)?公开"
            # (我局公开发文207件，其中主动公开197件: the documents issued, counted as 发文)
            r"|发文(?:共|共计)?\s*[0-9]+\s*[件份条个][，,]\s*其中\s*主动公开"
        ),
    ),
    # 2020年度共生成70条政府信息，均已主动公开; 全年累计产生政府信息16条，均已主动公开: the
    # information made, all of it published — the year's items (the labels, 2 of 2); not
    # documents made (`_MADE_TOTAL`'s 其中主动公开 names a part)
    Rule(
        "items_published",
        _r(
            r"(?:^|[，,；;])\s*(?:(?:19|20)[0-9]{2}\s*年度?|全年|本年度?)?(?:共计?|累计)?"
            r"(?:生成|产生|制作|形成)(?:了)?(?:(?:政府|政务)信息(?:共计?)?)?$"
        ),
        units=("条",),
        then=_r(
            r"^\s*(?:(?:政府|政务)?信息)?[，,]\s*(?:均|全部|均已|已全部)(?:已)?(?:主动)?"
            r"(?:公开|发布)(?!\s*[0-9])"
        ),
        confidence=0.8,
    ),
    # 全区公文类政府信息主动公开数为1322条: the documents' class, counted by name (not 所有政府
    # 信息(包含非公文类信息)的主动公开数, all of it)
    Rule(
        "items_published",
        _r(
            r"(?<!非)公文类(?:政府)?信息(?:[(（][^()（）]{0,20}[)）])?(?:的)?(?:主动)?公开"
            r"(?:数|数量|件数)(?:为|是|共)?$"
        ),
        units=("条", "件"),
        category="documents",
    ),
    # 新增政府公文信息44条 beside 新增主动公开信息210条: the documents among the items added
    # (not 新增规范性文件8份, which may be documents made: the labels split 3 to 3)
    Rule(
        "items_published",
        _r(r"新增(?:的)?(?:主动公开的?)?(?:政府)?公文(?:类)?(?:政府)?信息(?:共|共计)?$"),
        units=("条", "件"),
        category="documents",
    ),
    # 公文发布数74件: documents published, counted by name
    Rule(
        "items_published",
        _r(r"(?:文件|公文)(?:发布|公开)(?:数|数量|件数)(?:为|是|共)?$"),
        units=("条", "件", "个", "篇", "份"),
        category="documents",
    ),
    # 主动公开信息89条，其中公开指南2条，…政策文件4条: the documents among the kinds of a
    # published total — when the list names one kind of document only (not 行政规范性文件1条，
    # 政策文件1条: two)
    Rule(
        "items_published",
        _r(
            r"^[\s、，,；;]*(?:[(（][一二三四五六七八九十0-9]{1,2}[)）]|[0-9]{1,2}[.．、])?"
            # (其中,属于公文类的信息26条: those of the documents' class)
            # (政策与规范性文件类3条: policy and normative documents)
            # ((其中:本部门文件30条: the list in brackets after the total)
            r"[(（]?(?:其中[，,：:]?)?(?:涵盖|包括|包含|占|属于)?(?:政策[、和及与]?)?[“\"「]?"
            # (其中市级行政规范性文件14条: the level's own)
            # (其中财政局文件4件: the bureau's own documents, by its name)
            # (其中街道本级政策文件41条: the street office's own)
            # (本部门文件30条, 街道办事处文件8条: the body's own, by its kind)
            r"(?:(?:街道|乡镇|镇|乡)?本级|本机关|本单位|本局|本部门(?=文件)|[\u4e00-\u9fff]{2}(?=政策)|乡镇|镇|乡"
            r"|街道(?:办事处)?|办事处|[省市县区]级"
            r"|[\u4e00-\u9fff]{2,6}?(?:局|委)(?=文件))?"
            # (政府规范性文件类信息4条)
            # (行政文件4件: the administration's documents)
            # (政府规章文件类信息15条: the rules' and documents' class)
            r"(?:政府|部门)?(?:行政规范性|规范性|政策性?|政策类|部门|政府|业务|公文|法规|规章(?=文件类)|局发|行政)?"
            # (规范性文件数1条, 部门文件数3条: counted by name)
            r"(?:文件|公文)(?:法规)?(?:类)?(?:的)?(?:政府)?(?:信息)?(?:数|数量)?[”\"」]?(?:公开)?$"
        ),
        "none",
        units=("条", "件", "个", "篇", "份", "部", "项"),  # (规范性文件14部, 政策文件8项)
        category="documents",
        confidence=0.8,
        # (…主动公开信息138条。其中：…政策文件信息31条: the sentence before is read too)
        needs=_r(
            # (…发布1725条信息，包括…; …主要类别情况：…; 在新公开信息中：…)
            # (…累计公开各类信息11000余条，其中…: the total with its qualifier)
            # (制发主动公开文件18份，其中…: counted in 份)
            # (共公布信息49条，其中，部门文件1条…: 公布 as the verb)
            r"(?:公开|发布|公布|更新)[^。]*?[0-9.]+\s*万?(?:余|多)?\s*[条件份][^。]*?(?:。\s*)?"
            # (。具体分类为:…, 。从内容分类看,…: the list's head in the next sentence)
            rf"(?:其中|涵盖|包括|具体为|具体是|分别为|主要类别|{KINDS_HEAD}|[：:])"
            # (公开类别：…; 主要类别包括：…)
            r"|类别(?:包括|有)?[：:]"
            r"|主动公开(?:的)?(?:政府)?信息中|新公开(?:的)?(?:政府)?信息中"
            # (主动公开政府信息1783条，本局消息66条、…部门文件信息4条: the kinds right after)
            # (发布动态要闻300余条，通知公告11条，…: the first with its qualifier)
            r"|(?:公开|发布|更新)[^，,。；;]*?[0-9]+\s*(?:余|多)?[条篇件份][、，,][^。；;]*?[0-9]+\s*[条篇件份][、，,]"
            r"|主要类别(?:情况)?有?[：:]"
            # (主动公开政府信息42条,规范性文件类信息2条、…: the first kind right after the total)
            # (not 公开现行有效的政府规章6件、规范性文件212件: the documents in force)
            # (发布市政府规章1部、行政规范性文件70件; 发布…会议信息33期、政策文件355件: a kind
            # before them counted in its own word)
            r"|(?:公开|发布|更新)(?![^，,。；;0-9]*现行)[^，,。；;0-9]*?[0-9]+\s*(?:余|多)?[条篇件份部期][、，,]"
            r"\s*[^，,。；;0-9]*$"
        ),
        # (政策文件4条；政策文件解读3条: one kind of document and the interpretations; but
        # 民政政策文件13件(含规范性文件1件) is one count and the part it holds)
        unless=_r(
            # (本级政府文件2条、政策文件及解读1条: documents with their interpretations, mixed)
            # (not 政策文件14件,解读政策文件5条: the second the documents explained)
            r"文件(?![及和与]?解读)[^，,。；;0-9]{0,4}[0-9]+[^。]*?[，,；;、](?:(?!解读)[^，,。；;0-9]){0,16}?"
            r"文件(?![及和与]?解读)[^，,。；;0-9]{0,4}[0-9]+"
        ),
    ),
    Rule(
        "items_published",
        _r(
            # (坚持公开为原则,不公开为例外原则主动公开…: the verb of the items, not of the rule)
            r"(?:发布|(?<!不)公开(?!栏|专栏|专区|平台|目录|指南|年报|为例外)|公布|推送|推文|推出|更新|发送|发出|刊发"
            # (主动公示84条信息: 公示 as the proactive publishing, not a kind of item)
            r"|上传|编发|主动公示"
            # (“好例坪上”微信公众号共发367条信息: 发 alone, after 共)
            rf"|(?<=共){FA_ALONE}"
            # (官方微博“科兰之声”发表微博156条: an account's posts, by their own word)
            r"|发表(?=微博|推文)"
            # (“…街道党工委办事处”公众微信号发表文章602篇: an account's articles)
            r"|(?<=号)发表(?=文章)"
            # (门户网站新增信息数16条: the items a site added in the year)
            # (主动公开了2023年各类政府信息193条: the year's items, its year named — another
            # year's are told apart after)
            rf"|{ADDED_ITEMS})(?:[^，,。0-9]{{0,30}}|(?:了|的)?(?:19|20)[0-9]{{2}}\s*年度?[^，,。0-9]{{0,24}})$"
        ),
        "read",
        units=_PUBLISH_UNITS,
        confidence=0.85,
    ),
    # 主动公开各类政府信息148次: all the kinds, counted in 次 (not 公开会议信息13次, 发布信息16次
    # at press conferences: one kind, or times something was done)
    Rule(
        "items_published",
        _r(r"主动公开各类(?:政府|政务)?信息(?:共计?)?$"),
        "read",
        units=("次",),
        confidence=0.8,
    ),
    # 在弥勒市人民政府网站公示共23条: posted on a site (公示 elsewhere names a kind of item:
    # 行政执法公示信息)
    Rule(
        "items_published",
        # (通过政府门户网站共公示工作动态及其他信息46条: the kinds between the verb and the count)
        _r(
            r"(?:(?<=网站)|(?<=平台)|(?<=网)|(?<=专栏))(?:共计?|累计)?公示(?:了)?(?:的)?"
            r"(?:[^，,。；;0-9]{0,16}?信息)?(?:共计|共)?$"
            # (区经信局共公示信息30条: the body's items, all it posted — not 公示政务信息28条
            # without 共, which a body's report also uses of one column)
            r"|(?<=[局委办心镇乡道])共计?公示(?:了)?(?:[^，,。；;0-9]{0,8}?信息)(?:共计|共)?$"
        ),
        "read",
        units=_PUBLISH_UNITS,
        confidence=0.85,
    ),
    # 通过红桥区政府门户网站主动公开…、财政预决算等内容，共计25条信息: a list of kinds in the
    # clause before, then its count alone (no count between: marked for review)
    Rule(
        "items_published",
        _r(r"^\s*(?:共计|合计|总计|共)$"),
        "read",
        units=_PUBLISH_UNITS,
        confidence=0.75,
        needs=_r(
            r"(?:发布|公开|公布)[^。；;0-9]{0,120}?等[^，,。；;0-9]{0,12}(?:内容|信息|方面)"
            r"[^，,。；;0-9]{0,4}[，,]\s*(?:共计|合计|总计|共)$"
        ),
    ),
    # 主动公开年度财政预决算、招生入学政策、…等群众关心关注的信息共计86条: a long list of kinds
    Rule(
        "items_published",
        _r(
            r"(?:发布|公开|公布)[^，,。0-9]{0,120}?等[^，,。0-9]{0,20}信息[^，,。0-9]{0,4}$"
            r"|(?:发布|公开|公布)(?:[^、，,。；;0-9]{1,16}、){2,}[^、，,。；;0-9]{1,16}?"
            r"(?:等|以及其他|及其他)[^，,。；;0-9]{0,8}(?:共计|共|合计)$"
        ),
        "read",
        units=_PUBLISH_UNITS,
        confidence=0.8,
    ),
    # 在微信公众号…累计发布工作要闻、基层动态、通知公告等，共计261条信息: the list's count, in a
    # clause of its own after the comma
    Rule(
        "items_published",
        _r(r"^\s*(?:共计|共|合计)$"),
        "read",
        units=_PUBLISH_UNITS,
        confidence=0.8,
        needs=_r(
            r"(?:发布|公开|公布|推送)(?:[^、，,。；;0-9]{1,16}、){2,}[^、，,。；;0-9]{1,16}?等[，,]\s*"
            r"(?:共计|共|合计)$"
            # (通过市人民政府网、公开栏等形式面向社会公开了各类信息，共计100余条: the ways listed,
            # then every kind, counted after the comma)
            r"|通过[^，,。；;0-9]{2,30}等(?:形式|方式|渠道|平台)[^，,。；;0-9]{0,12}(?:发布|公开|公布)"
            r"(?:了)?各类(?:政府|政务)?信息[，,]\s*(?:共计|共|合计)$"
        ),
    ),
)


# the rule of a list item's figure (_list_item): items published on the channel it names
_LIST_RULE = Rule("items_published", _r(r"$"), "read", units=_PUBLISH_UNITS, confidence=0.8)


Naming = list[tuple[Rule, str | None, float]]


def rule_by_id(metric: str) -> Rule:
    """The rule of a metric (the first one with no category: items in general, not documents)."""
    return next(r for r in RULES if r.metric == metric and r.category is None)
