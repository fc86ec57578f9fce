"""Naming a number: the first rule whose words fit it (`_name`), the structural guards that keep
a clause's figure from the wrong metric, and its channel (`_channel_of`) — or why no figure is
taken (a part of a channel or one kind of item, several channels together, a doubtful channel).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.channels import (
    _MEDIA_LEVEL,
    _NO_CHANNEL,
    _OTHER_HOTLINE,
    _nearest,
    _new_media_only,
    _Report,
    _site_and_more,
    _Where,
    _where,
)
from dashboard.extract.numbers import _MADE_TOTAL, _OTHER_KINDS, CLAUSE_YEAR
from dashboard.extract.rules import (
    ADDED_ITEMS,
    FA_ALONE,
    KINDS_HEAD,
    RECEIVED_IN,
    RULES,
    Naming,
    Rule,
    rule_by_id,
)

# what a number may count when named right after its counting word (8期在线访谈, 3场新闻发布会)
# (全年共发布16条青铜峡市环境空气质量状况报告: reports of one kind, named after their number)
_COUNTED_AFTER = re.compile(
    r"\s*(?:在线|网上|网络)?访谈|\s*(?:新闻)?发布会"
    # (not 19条、政府简报信息报送24条: the next item of a list)
    r"|(?![、和及与等])[^，,。；;0-9、]{2,16}(?:状况报告|质量报告|监测报告|公报|简报|通报|快报)"
    # (…年度报告》是泰安市财政局2010年发布的一份报告: the report itself, counted)
    r"|\s*(?:年度)?报告"
)
# (同步公开115件人大代表建议和106件政协委员提案: the deputies' proposals, counted — not items;
# not requests either, which the requests' own guard says)
_PROPOSALS_AFTER = re.compile(r"\s*(?:人大|政协)?(?:代表|委员)?的?(?:建议|提案|议案)")
_COUNTED_AFTER_METRICS = frozenset({"online_interviews", "press_conferences"})
_NOUN_AFTER = re.compile(r"(?![其以左次人并及和与均已等分共合全各同])[\u4e00-\u9fff]{2}")
_ITEMS_AFTER = re.compile(r"(?:政务|政府)?信息|依|予以|不予|部分|涉及|经|因|为|属|系")
_POSTS_IN_GE = re.compile(r"(?:短)?视频(?!号|账号|平台|直播|会)|作品|推文|图文|文章|稿件")


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
    lead: str = "",
    list_unit: str | None = None,
) -> Naming | str | None:
    """The rule naming a number and its channel(s), each with a confidence; or why none does.

    `before`: the words from the clause's start (or the figure before it) to the number;
    `sentence` and `period`: from the start of its sentence (；) and of its full sentence (。);
    `rest`: the words after the number to the end of its full sentence; `channels`: the
    channels a 分别 list gives the number; `lead`: the full sentence before (read for a list of
    kinds after 其中, and for what a sentence without 申请 is about); `list_unit`: the unit a
    分别 list's last number carries, for a number of the list written without its own.
    """
    # (分别发布信息268、53条: a number of a 分别 list has the unit the list's last number carries)
    unit = match["unit"] or list_unit
    # (订阅数 4005个: a space before the number is no word of what it counts)
    before = before.rstrip(" \t\u3000\xa0")
    # (…新增1个、解读信息发布10条: the 、 after the figure before ends that item, not a list of
    # kinds this figure's words join)
    before = before.lstrip("、")
    guarded: str | None = None  # why a rule that fitted was passed over, if none other fits
    # what `needs` reads: the sentence, and the one before when this one opens with 其中 or
    # with a count (收到7条…申请，均…办结。2条…，1条部分公开: the requests it counts)
    # (…受理信息公开申请64件。共答复64件: a sentence opening on the requests answered)
    # (…34条。具体分类为:…: a list of the kinds of the total before)
    on_them = re.match(rf"\s*(?:其中|[0-9]|(?:共|已|均已|全部)(?:答复|办结)|{KINDS_HEAD})", period)
    needed_in = (lead if on_them else "") + period
    # …共计9件,办结9件。根据…规定,其中8件…予以公开，1件公开部分内容: for the requests' outcomes, a
    # later clause opening with 其中 reads the sentence before too (found once, when asked)
    outcomes_in: str | None = None
    licence: bool | None = None  # about applications for a licence (found once, when asked)
    counted_in: set[str] | None = None  # the words requests were counted in (条, 次; found once)
    # “…政策解读”等8期在线访谈: the number counts what its counting word is followed by
    counted_after = _COUNTED_AFTER.match(rest) or (
        # 更新31个试点领域…目录: a number in 个 whose noun follows it counts that noun
        # (not 视频号发布超160个视频: the posts themselves, counted by their own noun)
        (unit == "个" and _NOUN_AFTER.match(rest) and not _POSTS_IN_GE.match(rest))
        # (建立健全政府信息公开13项制度: in 项 too — not 35项政务信息, 1项依规予以公开)
        or (unit == "项" and _NOUN_AFTER.match(rest) and not _ITEMS_AFTER.match(rest))
    )
    # 2条政策解读、5条工作动态: a list of counts each before its noun — the words before 、 are
    # the previous count's, not this one's (only a rule reading the noun after it names it)
    # 指导各单位发布…政策解读48条, 组织各地、各部门…共发布各类信息5.7万余条: what the agency
    # had other bodies do, their figures (no label is in such a sentence); …，各部门发布政策文件
    # 263件: the departments', beside the body's own
    # (督促各部门落实…信息公开，2025年，区政府门户网共发布…7630条: a clause opening anew on the
    # year is the agency's own statement, whatever the clauses before had others do)
    opened = [m.end() for m in _YEAR_OPENS.finditer(period)]
    last_clause = period[max(period.rfind(mark) for mark in "，,；;：:") + 1 :]
    by_others = bool(
        _OTHERS_DID.search(period, opened[-1] if opened else 0)
        or _EACH_BODY_DID.match(last_clause)
        or _SUBORDINATES_DID.match(last_clause)
    )
    listed_before_nouns = before.endswith("、") and _NOUN_AFTER.match(rest)
    proposals_after = _PROPOSALS_AFTER.match(rest) is not None
    if listed_before_nouns:
        # (13件予以公开、18件予以部分公开: the next count, read by the rules reading after it)
        before = ""
    for rule in RULES:
        if rule.metric not in catalogue.metrics:
            continue
        found = rule.before.search(before)
        if not found:
            continue
        if listed_before_nouns and (rule.after is None or not rule.after.match(after)):
            guarded = guarded or "counts what follows it"
            continue
        # (收到1个依申请公开事项: a rule reading what follows the number names it)
        # (共发布20个规范性文件: a later rule may read the noun after it)
        if (
            counted_after
            and rule.metric not in _COUNTED_AFTER_METRICS
            and (rule.after is None or not rule.after.match(after))
        ):
            guarded = guarded or "counts what follows it"
            continue
        if proposals_after and rule.metric == "items_published":
            return "counts what follows it"
        # 公开政府信息2874项, 公开了44项政务信息: items in 项 only when named as information
        # (公开了一事一议、惠民惠农资金发放…等50余项: matters of several kinds)
        if (
            unit == "项"
            and rule.metric == "items_published"
            and rule.category is None
            and not _INFORMATION_IN_XIANG.search(before)
            and not re.match(r"\s*(?:政务|政府|各类)?信息", rest)
            # (公开政府信息82276项，其中通过区政府门户网站公开81217项: a part of information
            # counted in 项 before it)
            and not _XIANG_TOTAL_BEFORE.search(period)
        ):
            continue
        # 公开教育、交通…等主体共252个: bodies or lists counted in 个, not items (columns and
        # accounts set up: SET_UP, below)
        if unit == "个" and rule.metric == "items_published" and _NOT_ITEMS_IN_GE.search(before):
            return "not a count of the report"
        if rule.metric.startswith("requests_") and re.search(r"复议|诉讼", before):
            continue
        # Structural guards (round 5): what a clause is about decides which metrics it can
        # give, whatever its phrasing. A clause about requests (申请) never counts published
        # items; one about requests not yet closed (尚未办结, 结转) never gives an outcome.
        if rule.metric in _NOT_FROM_REQUESTS and _ABOUT_REQUESTS.search(before):
            return "not proactive (依申请, 不予公开)"
        if rule.metric in _CLOSED_OUTCOMES and _NOT_CLOSED.search(before):
            continue
        # 主动公开文件41件，依申请公开0件，不予公开125件: the old reports' three kinds of
        # information the agency holds, not what was done with requests
        if rule.metric == "requests_refused" and _KINDS_OF_INFORMATION.search(period):
            return "a kind of information, not a request's outcome"
        # 不属于本机关公开8件，信息不存在2件: since the 2019 table, both are reasons under 无法提供
        # (本机关不掌握, 没有现成信息需另行制作…), so one of them is no outcome's total; before it,
        # 信息不存在 and 非本机关职责 were rows of their own
        # (因不属于本机关信息无法提供1件，信息不存在1件: the reason said before 无法提供, another
        # reason counted after it)
        if (
            rule.metric == "requests_unavailable"
            and _REASON_BEFORE.search(before)
            and (report.year or 0) >= 2019
            and _REASON_COUNTED.match(rest)
        ):
            return "one of several reasons it could not be given"
        # (not 不属于本机关公开或申请信息不存在1件: both reasons joined, the outcome's whole row)
        if (
            rule.metric == "requests_unavailable"
            and _UNAVAILABLE_REASON.search(found[0])
            and not _REASONS_JOINED.search(before)
            and (report.year or 0) >= 2019
            and _OTHER_UNAVAILABLE_REASON.search(period + match.group(0) + rest)
        ):
            return "one of several reasons it could not be given"
        # 全年报送发布信息23条: sent up to others' sites or published — either, or both
        if rule.metric == "info_submitted" and _SENT_AND_PUBLISHED.search(before):
            return "doubtful (报送发布: submitted or published?)"
        if rule.metric == "requests_completed" and re.search(r"12345|热线|工单|信访", sentence):
            continue
        # 行政许可事项…申请量0件，受理量0件，办结量0件: applications for a licence, not requests
        # for information
        if rule.metric.startswith("requests_") and licence is None:
            licence = bool(
                _OTHER_APPLICATIONS.search(period)
                or (not _ABOUT_REQUESTS.search(period) and _OTHER_APPLICATIONS.search(lead))
            )
        # 建议提案办结数量27件, 收到并办结市长信箱16: proposals and letters answered, not
        # requests for information
        # (“县长信箱”共受理有效信件3件,已办结3件: the letters of a mailbox, in a sentence
        # that names no request for information)
        if (
            rule.metric.startswith("requests_")
            and (
                # (受理和办结网民留言17件: messages left, not requests)
                # (办结民生平台民生事项5563件, 诉求, 工单: the people's matters, not requests)
                re.search(r"建议|提案|信箱|留言", before)
                # (归集并办结涉企问题480个: the firms' problems, not requests)
                or (
                    re.search(r"诉求|工单|民生事项|民生平台|问题|投诉|咨询", before)
                    and "申请" not in before
                )
                # (按时办结收到的2件人大代表建议: the proposals named after the number)
                or re.match(r"[^，,。；;0-9]{0,8}(?:建议|提案|来信|留言)", rest)
                or (
                    re.search(r"信箱|来信", sentence)
                    and not re.search(r"公开申请|依申请|申请公开|信息公开", sentence)
                )
                # (受理…留言板咨询投诉2021件，办结2021件; 收到群众诉求12394件次，办结上报12190件次:
                # the completion of the matters counted just before)
                or (
                    "申请" not in before
                    and _OTHER_MATTERS_BEFORE.search(period[: len(period) - len(before)])
                )
            )
        ):
            guarded = "not requests for information"
            continue
        if rule.metric.startswith("requests_") and licence:
            # (a later rule may still name it: 其中7篇被生态环境部采用)
            guarded = "not requests for information"
            continue
        if rule.after is not None and not rule.after.match(after):
            continue
        if rule.then is not None and not rule.then.match(rest):
            continue
        # the number itself too: 行政规范性文件9条，…政府文件19条 names two kinds of document
        if rule.unless is not None and rule.unless.search(period + match.group(0) + rest):
            continue
        if rule.needs is not None:
            if rule.metric in _OUTCOMES and outcomes_in is None:
                # (…申请41件。29件予以公开: a sentence opening on this very outcome's number)
                # (…申请723件。最终答复口径分别为:5件予以公开,3件部分公开: listed after 分别为)
                later = on_them or re.search(
                    r"(?:^|[，,；;：:])\s*其中|^\s*$|分别为|如下[：:]", period
                )
                outcomes_in = (lead if later else "") + period
            told = outcomes_in if rule.metric in _OUTCOMES else needed_in
            if not rule.needs.search(told or ""):
                continue
        if rule.sums and not _sum_of_listed(match, period, unit):
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
        # (综合办结率: the rate of the hotline's, the mailbox's and the messages' cases together)
        if (
            rule.percent
            and re.search(r"率[和及与、]|综合(?:办结|满意)", before)
            and not _CLOSED_AND_SATISFIED.search(before)
        ):
            return "several kinds together"
        # 建议提案及“12345”热线交办事项办理工作…办结率100%: one rate for several kinds of case
        # (not 其中咨询类…建议类446件…满意率96%: a kind of the hotline's own cases)
        if rule.percent and re.search(r"建议(?!类)|提案", sentence):
            return "several kinds together"
        # 办理12345热线来电来信15847件，办理区长信箱65件，按时办结率均为100%: one rate said of
        # the hotline's cases and a mailbox's alike
        # (收到信箱诉求6条，12345热线8条，…办结率100%: the mailbox counted before the hotline)
        if rule.percent and (
            ("均" in before and re.search(r"信箱|留言", sentence))
            or re.search(r"信箱[^。；;]{0,40}(?:12345|热线)", sentence)
        ):
            return "several kinds together"
        # (收到…申请4条，…予以公开3条: an outcome counted in the sentence's own counting word
        # for requests)
        if (
            rule.units
            and unit
            and unit not in rule.units
            and not _requests_by_piece(rule.metric, unit, rest)
        ):
            if not (unit in ("条", "次") and rule.metric in _OUTCOMES):
                continue
            if counted_in is None:
                counted_in = {m["unit"] or m["first"] for m in RECEIVED_IN.finditer(period)}
            # (办理结果为予以公开的申请5条: requests, by the word right before their count)
            if unit not in counted_in and not re.search(r"的申请\s*$", before):
                continue
        # 两个子栏目, 三项制度: a number word with 个/项 counts parts of a list or a structure,
        # never a metric's figure (those are written 两条, 三件)
        if match["cn"] and unit in _LIST_UNITS:
            return "not a count of the report"
        # 全镇未发生一起…行政复议: not a single one
        if match["cn"] == "一" and re.search(r"(?:未|没有|无)(?:发生|出现|收到)?$", before):
            return "not a count of the report"
        # 文件发布一条解读一条: a rule of one for each, no count
        if match["cn"] == "一" and _ONE_FOR_EACH.search(period[-10:] + match.group(0) + rest[:8]):
            return "not a count of the report"
        # 开设政务微信1个, 更新…专题专栏11个: accounts or columns set up, not items published
        if (
            rule.metric in ("items_published", "media_reports")
            and unit == "个"
            and SET_UP.search(before)
        ):
            return "not a count of the report"
        # (政府信息公开(含非公文类)40条: 公文 said of what is not one)
        if rule.category == "documents" and re.search(r"非公文|非文件", before):
            continue
        # 主动公开政府信息数(除公文发布外)621条: all but one kind, not the total
        if rule.metric == "items_published" and re.search(r"除[^，,。；;0-9]{1,12}外", before):
            return "part (all but one kind)"
        # 涉及秘密及其他免予公开的公文类信息138条: items kept back, not published (不予公开 is a
        # request's outcome: `_ABOUT_REQUESTS`)
        if rule.metric == "items_published" and _KEPT_BACK.search(before):
            return "not published"
        # 行政处罚案件信息公开47期: issues are items only of a periodical (简报, 期刊, 专栏…)
        if rule.metric == "items_published" and unit == "期" and not _PERIODICAL.search(before):
            return "issues, not items"
        # (向图书馆、档案馆等查阅场所报送信息数为1: copies for the reading rooms, not news
        # sent up to a higher body)
        sent = rule.category == "documents" or rule.metric == "info_submitted"
        if sent and _READING_ROOMS.search(before):
            return "sent to reading rooms"
        # 处理并公开求助、投诉、咨询等共11件: the people's questions answered, not items
        if rule.metric == "items_published" and _PEOPLES_MATTERS.search(before):
            return "questions and complaints, not items"
        # 向省政府办公厅送交主动公开文件45件: copies sent to a higher office, not published
        if rule.category == "documents" and _SENT_TO_BODY.search(before):
            return "sent to another body"
        if rule.category == "documents" and re.search(r"现行有效|清理", before):
            return "documents in force, not the year's"
        # 行政许可事项1714项，行政处罚22项，行政强制0项，行政复议5项: the agency's own
        # decisions listed by kind, as table 二 lists them — not reviews of its disclosure
        if rule.metric in ("appeal_review", "litigation_cases") and _OWN_DECISIONS.search(
            period[: len(period) - len(before)]
        ):
            return "the agency's own decisions, not reviews of it"
        if rule.category == "documents":
            # 公开或更新政策法规和上级部门文件7件: documents of the bodies above, republished
            if _HIGHER_DOCUMENTS.search(before):
                return "other bodies' figures"
            # 其中，行政规范性文件0条，行政许可类信息10条: a kind of item the year had none of;
            # 发布行政规范性文件0条，…其他文件7条: one kind of document of several
            zero = match["num"] is not None and float(match["num"].replace(",", "")) == 0
            if zero and (rule.needs is not None or _OTHER_DOCUMENTS.search(rest)):
                return "part (one kind, none of it)"
            # 发布规范性文件1条，…其他文件16条: one kind of document of several, counted apart
            # (the adjudicators: two figures for one label)
            if _OTHER_DOCUMENTS.search(rest):
                return "two figures for one row"
            # 制作政府信息1971条，其中主动公开文件482条: what was published of all that was
            # made — the year's total, not a count of documents
            if _MADE_TOTAL.search(period):
                continue
            # 制发规范性文件4件: documents made; published only where the words say so
            if (
                _MADE.search(before)
                and not _PUBLISHED.search(before)
                and not _PUBLISHED_AFTER.match(rest)
            ):
                return "documents made, not said to be published"
            # 主动公开规范性文件101条，制发规范性文件4件: more published than made in the year —
            # the published count is not the year's own (a running total)
            made = _MADE_COUNT.search(period + match.group(0) + rest)
            if made and match["num"] and float(match["num"]) > float(made["n"]):
                return "more documents published than made"
            # 法规文件类信息71条: laws and documents together — documents by half the labels
            # (9 to 8): taken, marked for review
            if re.search(
                r"法规[^，,。；;0-9]{0,4}(?:文件|公文)|(?:文件|公文)[^，,。；;0-9]{0,2}法规", before
            ):
                return [(rule, None, min(rule.confidence, _UNSURE_KIND))]
        # 不予公开126: an outcome in prose carries its unit (件, 宗) unless its sentence has
        # counted requests in one (收到…申请6件…其中同意公开5); else a bare number is often a
        # count of items (制作政府信息184条，…不予公开126), not of requests
        if rule.metric in _OUTCOMES and not unit and not _REQUESTS_COUNTED.search(period):
            return "no unit"
        # 共收到政府信息公开申请3,…: requests without their counting word, and not after words
        # saying a count follows (申请数量为0, 依申请公开事项0) — left out as items without
        # theirs are
        if (
            not unit
            and rule.metric in ("requests_new", "requests_completed")
            and not match["cn"]
            and not _COUNT_SAID.search(before)
        ):
            return "no unit"
        # 不予受理申请6人次: requests turned away, not those received
        if rule.metric == "requests_new" and _NOT_ACCEPTED.search(before):
            return "not accepted (不予受理)"
        # 受理依申请公开62件(其中上年结转3件): with the requests carried over, not the new ones
        if rule.metric == "requests_new" and _CARRIED_OVER.match(rest):
            return "with requests carried over"
        # 全年共受理并办结政府信息公开申请2件: one number for what came in and was completed
        # (收到申请18件，均已答复 is only the received: the labels of every set give it so)
        if rule.metric == "requests_new" and _RECEIVED_AND_DONE.search(before):
            return [(rule, None, rule.confidence), (rule_by_id("requests_completed"), None, 0.85)]
        # 发布…12: a bare number of a publishing clause is too often something else — unless
        # the clause ends on it right after what was published (发布信息3403，): then it is
        # taken, marked for review
        bare = not unit and rule.metric in _BARE_METRICS
        if bare and rule.metric == "hotline_received":
            continue
        # 中心微信公众号全年发布信息59: items without their counting word — the labels of the
        # blind sets leave them out (4 of 5)
        # (我局主动公开政府信息473，, 公开政府信息189(其中…: the year's government information,
        # named as such, at the clause's end or before its parts — taken, marked for review: the
        # labels take it, 10 of 12; not on one account alone, as the first)
        information = (
            bare
            and not match["cn"]
            and _BARE_INFORMATION.search(before)
            and not (_ACCOUNT_WORDS.search(before) and not re.search(r"[、等]", before))
            and (not after.strip() or re.match(r"\s*[(（]\s*其中", after))
        )
        if bare and rule.metric == "items_published" and not information:
            return "no unit"
        if (
            bare
            and not information
            and not (not after.strip() and _BARE_END.search(before) and not match["cn"])
        ):
            continue
        if rule.metric in ("appeal_review", "litigation_cases"):
            told = before + (rule.after.match(after)[0] if rule.after else "")  # type: ignore[index]
            if "复议" in told and "诉讼" in told:
                return "review and litigation together"
        combined = _combined(rule, before, found, report.year)
        # 网站主动发布政务动态、政策解读、人事等各类信息538条: interpretations among the kinds
        # of all a channel's items — the channel's figure, for the rules after this one
        # (公众号发布各类政务动态、政策解读及服务信息共413条: every kind, said first)
        if (
            combined
            and rule.metric == "interpretations"
            and (
                _ALL_KINDS_END.search(before)
                or re.search(r"各[类项种][^，,。；;0-9]{0,30}信息\s*(?:共|共计|合计)?\s*$", before)
            )
            # (我厅主动公开警务资讯、…政策解读等各类政府信息656条: all it published, the total)
            and re.search(r"网站|官网|公众号|微信|微博|平台|主动(?:公开|发布)", before)
        ):
            continue
        if combined:
            return combined
        # 数字图文解读21条: one form of the interpretations, not their number
        # (发布文字解读和图文解读28条: the forms joined, all of them — not after 其中)
        if (
            rule.metric == "interpretations"
            and _ONE_FORM.search(before)
            and (not _FORMS_JOINED.search(before) or "其中" in before)
        ):
            return "one form of interpretation"
        # 解读回应13条: interpretations and responses to concerns, counted together
        if rule.metric == "interpretations" and re.search(r"解读回应[^，,。0-9]{0,4}$", before):
            continue
        # 转载上级政策解读8件: another body's interpretations, reposted
        # (转载发布政策解读信息23条 alone: its own publishing of them, as the labels take it)
        if rule.metric == "interpretations" and re.search(
            r"(?:转载|转发)(?:上级|国家|中央|国务院|省|市|部委|其他)", before
        ):
            return "reposted from another body"
        # 制作规范性文件总共0件,对外公开总数量0件; 规章对外公开总数量1件: the column of statutory
        # table 二 written out, the documents in force — not the year's items
        if rule.metric == "items_published" and re.search(r"对外公开总数", before):
            return "documents in force, not the year's"
        if rule.metric == "items_published" and _NOT_PROACTIVE.search(before[: found.start() + 2]):
            return "not proactive (依申请, 不予公开)"
        # 予以公开3件(主动公开1件，依申请公开2件): requests answered with what was already
        # published, a part of an outcome, not the year's items
        if rule.metric == "items_published" and _OUTCOME_BRACKET.search(period):
            return "not proactive (依申请, 不予公开)"
        # 收到并及时处理网上互动咨询261件，公开163件: a verb alone after a clause counting letters,
        # questions or proposals publishes some of those, not the year's items
        if (
            rule.metric == "items_published"
            and _BARE_VERB.match(before)
            and _OTHER_MATTERS_BEFORE.search(period[: len(period) - len(before)])
        ):
            return "of what the clause before counts"
        # (not requests: 公益组织各…申请, those who applied)
        if not rule.metric.startswith("requests_") and by_others:
            return "other bodies' figures"
        # 其中，通过信函提交申请的6件: the requests that came one way, a part of them all
        if rule.metric == "requests_new" and _CAME_BY.match(before) and "其中" in period:
            return "part (by how requests came)"
        # 受理网上政府信息公开申请2件: the online ones only, with no breakdown after them — the
        # labels leave them out, 5 to 2 (共收到…网络申请14件，其中…: all of them, broken down)
        if (
            rule.metric == "requests_new"
            and _ONLINE_ONLY.search(before)
            and not _BROKEN_DOWN_AFTER.match(rest)
        ):
            return "part (by how requests came)"
        # 收到依申请公开线上4件，线下23件，共27件: the online ones, the offline ones counted next
        if (
            rule.metric == "requests_new"
            and re.search(r"线上|网上|网络", before)
            and re.match(r"[^。；;]{0,14}?(?:线下|书面|信函|当面|现场)[^。；;0-9]{0,10}[0-9]", rest)
        ):
            return "part (by how requests came)"
        # 督促各单位办理依申请公开件64件: requests other bodies handled, at the agency's urging
        # (市政府共受理…29件，各乡镇政府，…，市政府各部门共受理…24件: the departments', after
        # the body's own)
        # (not 全区各单位共收到…122件 alone: the whole district's, the government's report's)
        if rule.metric.startswith("requests_") and (
            _OTHERS_HANDLED.search(before)
            or (
                _EACH_BODY_RECEIVED.search(before)
                and _REQUESTS_COUNTED.search(period[: len(period) - len(before)])
            )
        ):
            return "other bodies' figures"
        # 新增粉丝量1625个: the year's new followers, not how many follow the account
        if rule.metric == "followers" and _NEW_FOLLOWERS.search(before):
            return "new followers, not the total"
        # 全文电子化的主动公开信息数4120条: the items online in full, a part of the total
        if rule.metric == "items_published" and re.search(r"全文电子化", before):
            return "part (one kind of item)"
        # “腾冲滇滩”微博发布原创微博64条，转载34条: the original posts, the reposts counted next —
        # a part of what the account put out (the labels leave both out, 4 of 4)
        if (
            rule.metric == "items_published"
            and "原创" in before
            and re.match(r"[^。；;0-9]{0,4}[，,、]\s*(?:转载|转发)[^，,。；;0-9]{0,12}[0-9]", rest)
        ):
            return "part (original posts only)"
        # 我镇政府各站办所党务公开44条: the Party's affairs made public, not government information
        # (全年居务公开累计558条, 村务公开: a neighbourhood's or a village's affairs, the same)
        if rule.metric == "items_published" and re.search(
            r"(?:党务|居务|村务)(?:公开)?[^，,。；;0-9]{0,4}$", before
        ):
            return "not government information (党务)"
        # 开展…重要政策文件决策预公开33件: drafts put out for comment, not the year's items
        if rule.metric == "items_published" and re.search(r"预公开[^，,。；;0-9]{0,4}$", before):
            return "drafts put out for comment"
        # 收集整理各部门转送的主动公开类文件594份: other bodies' items, gathered
        if rule.metric == "items_published" and _GATHERED.search(before):
            return "other bodies' items, gathered"
        if channels is not None:
            if rule.channel != "read":
                return "分别: not a figure of a channel"
            return [(rule, c, rule.confidence) for c in channels]
        named = _channel_of(rule, found, before, sentence, period, rest, report, catalogue)
        if bare and not isinstance(named, str):
            named = [(r, c, min(conf, _BARE_CONFIDENCE)) for r, c, conf in named]
        return named
    return guarded


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
# (在办 is pending, 在办结的5件申请中 is not)
_NOT_CLOSED = re.compile(r"尚未|未办结|未审结|未答复|结转|在办(?!结)|办理中|答复状态")
# the counting words of a list's parts (两个子栏目, 三项制度)
_LIST_UNITS = ("个", "项")
# what is published in issues (期): periodicals, columns and new-media pushes
_PERIODICAL = re.compile(r"简报|期刊|专刊|刊物|杂志|报纸|周报|月报|专栏|公众号|微信|推送|节目|视频")
# documents made (制发, 印发, 制定, 出台) or said to be published (发布, 公开, 公布)
_MADE = re.compile(r"制发|印发|制定|出台|起草")
_PUBLISHED = re.compile(r"(?<!印)发布|公开|公布")
# (负责人解读3篇, 专家解读2篇: one kind by who gives it, a part too — 24 such counts in the
# labelled sets, none labelled)
_FORM_WORDS = "图文|图解|视频|动漫|漫画|动画|H5|h5|文字|图片|音频|数字"
_FORMS = f"(?:{_FORM_WORDS})"
_ONE_FORM = re.compile(rf"(?:{_FORM_WORDS}|负责人|专家|媒体|部门)解读[^，,。0-9]{{0,6}}$")
# (政策文字解读及图片共32条: the second form named after the word)
_FORMS_JOINED = re.compile(
    rf"{_FORMS}(?:解读)?[和及与、]{_FORMS}解读[^，,。0-9]{{0,6}}$"
    rf"|{_FORMS}解读[和及与、]{_FORMS}[^，,。0-9]{{0,6}}$"
)
# two sites or accounts joined (市政府门户网站及本部门门户网站, 政府网站、政府信息公开平台)
_SITE_WORD = (
    # (政府网、政务公开网、政府信息公开网: sites by other names)
    r"(?:网站|官网|门户网|政务网|信息网|政府网|公开网|平台|公众号|微博|抖音号?|快手号?|视频号|头条号"
    # (国家企业信用信息系统: a system is a site too)
    # (门户网站、市政府信息公开目录系统: the catalogue's system too)
    # (政府门户网站、省政府信息公开管理系统: the disclosure management system)
    r"|公开栏|信息系统|目录(?:管理)?系统|公开管理系统)"
)
_TWO_SITES = re.compile(
    rf"{_SITE_WORD}[”\"」』]?(?:及|和|与|、|以及)(?!时)[^，,。；;0-9]{{1,20}}?{_SITE_WORD}"
    # “网上宿迁”和市安监局网站: a site by its quoted name and another
    rf"|[“\"「『][^”\"」』]{{2,12}}[”\"」』](?:及|和|与|、|以及)[^，,。；;0-9]{{1,20}}?{_SITE_WORD}"
    # 区政府网站、“渝快办”: a site and another by its quoted name
    rf"|{_SITE_WORD}(?:及|和|与|、|以及)[“\"「『][^”\"」』]{{2,12}}[”\"」』](?![^，,。；;0-9]{{0,4}}栏)"
)
_MADE_COUNT = re.compile(
    r"(?:制发|印发|出台)[^，,。；;0-9]{0,12}文件[^，,。；;0-9]{0,4}(?P<n>[0-9]+)\s*[件个份条篇]"
)

# 主动公开文件41件，依申请公开0件，不予公开: the old reports' three kinds of information
_KINDS_OF_INFORMATION = re.compile(
    r"主动公开[^。；;]{0,20}?[0-9]+\s*[件条份][，,、；;]\s*依申请公开[^。；;0-9]{0,6}?[0-9]+\s*[件条份]?"
    r"[，,、；;]\s*不予公开[^。；;0-9]{0,6}$"
    # (发文191份，其中属于主动公开的71份，属于不予公开的120份: documents, by how they are held)
    r"|(?:发文|文件)[^。；;]{0,12}?[0-9]+\s*[件条份][^。；;]{0,16}?属于主动公开[^。；;]{0,16}?"
    r"属于不予公开的?$"
    # (共收到审核公文117件，不予公开18件: the documents reviewed, held back — not requests)
    r"|(?:公文|发文)[^。；;0-9]{0,4}[0-9]+\s*[件条份][，,、；;]\s*不予公开[^。；;0-9]{0,6}$"
    # (共对外制发文件41件，公开发布39件，不予公开2件: documents made, published or held back)
    r"|(?:公文|发文|文件)[^。；;0-9]{0,4}[0-9]+\s*[件条份][，,、；;]\s*(?:公开|发布|公开发布)"
    r"[0-9]+\s*[件条份][，,、；;]\s*不予公开[^。；;0-9]{0,6}$"
)
# the reasons a request can be unanswerable by (the 2019 table's 无法提供): 本机关不掌握
# (信息不存在, 不属于本机关, 非本机关制作或保存), 没有现成信息需另行制作, 补正后仍不明确
_UNAVAILABLE_REASON = re.compile(r"不掌握|信息不存在|不存在")
_REASON_BEFORE = re.compile(r"因[^，,。；;0-9]{1,20}无法提供[^，,。；;0-9]{0,4}$")
_REASON_COUNTED = re.compile(
    r"[^。；;]{0,4}?[，,、]\s*[^，,。；;0-9]{0,12}?(?:不掌握|不存在|不属于本|非本|没有现成|另行制作)"
    r"[^，,。；;0-9]{0,12}[0-9]+\s*[件宗条]"
)
_REASONS_JOINED = re.compile(r"不属于本(?:行政)?机关[^，,。；;0-9]{0,6}或[^，,。；;0-9]{0,8}不存在")
_OTHER_UNAVAILABLE_REASON = re.compile(
    r"(?:不属于本(?:行政)?机关|非本(?:行政)?机关(?!掌握)|没有现成信息|需(?:要)?另行制作"
    r"|补正后[^，,。；;0-9]{0,8}不明确)[^，,。；;0-9]{0,12}[0-9]+\s*[件宗条]"
)
# a channel among other ways (等平台, 等渠道, …和宣传板报, …、政务新媒体)
_AMONG_OTHER_WAYS = re.compile(
    r"等(?:平台|渠道|载体|途径|方式|形式|网站)"
    r"|(?:网站|门户|平台|网)[”\"」]?[、和及与,，](?!时)[^，,。；;0-9]{0,10}?"
    r"(?:网站|平台|新媒体|公众号|微信|微博|专栏|板报|公开栏|显示屏|电子屏|媒体)"
)
# 通过政府信息公开专栏及我局政务网站主动公开政府信息2585条: the sites named together, then the
# agency's proactive information in general — all its items, the total (the labels of 11
# reports so; the labellers of 4 older ones left such counts out)
# (通过政府网、政务公开网、政府信息公开网途径共公开信息18条: the ways, then all of it)
_SITES_TOGETHER_ALL = re.compile(r"主动(?:公开|发布)|各类|(?:途径|渠道)共")
# …政策解读、人事等各类信息: kinds listed, then all the items
_ALL_KINDS_END = re.compile(r"等(?:各类|各项|各种)?(?:政府|政务)?信息\s*(?:共|共计|合计)?\s*$")
# 公开政府信息2874项: items in 项, named as information
_INFORMATION_IN_XIANG = re.compile(r"信息[^，,。；;0-9、]{0,4}$")
_XIANG_TOTAL_BEFORE = re.compile(r"信息[^，,。；;0-9、]{0,4}[0-9]+\s*项\s*[，,；;]\s*其中")
# 申请数量为0, 依申请公开事项0: words saying a count follows
_COUNT_SAID = re.compile(r"(?:数量|数|总数|事项|总量)(?:为|达|共|共计|是)?\s*$")
# 发布信息3403，: a number without its unit, at the end of a clause, after what was published
_BARE_END = re.compile(r"(?:信息|稿件|条目|文章)(?:数量|数|总数)?(?:为|达|共|共计)?\s*$")
# a clause opening with the year and the agency's own voice (2024年我局…, 全年本单位…)
_FRESH_START = re.compile(
    r"\s*(?:(?:19|20)[0-9]{2}\s*年度?|今年|全年|本年度?)[,，]?\s*"
    r"(?:我|本)(?:局|委|办|厅|单位|机关|部门|中心|镇|乡|街道|区|县|市)"
)
# 主动公开的各类政府信息数量12688，: government information, named so, before a bare number
_BARE_INFORMATION = re.compile(
    r"公开(?:发布)?的?(?:各类)?(?:政府|政务)信息(?:数量|数|总数)?(?:为|达|共|共计)?\s*$"
)
_ACCOUNT_WORDS = re.compile(r"微信|微博|公众号|订阅号|抖音|头条|视频号")
_BARE_CONFIDENCE = 0.7  # taken, but below LOW_CONFIDENCE: the editor checks it
_UNSURE_KIND = 0.7  # a kind the labels split on (法规文件): taken, highlighted for review
# counts whose bare number (报送规范性文件6) is taken only at a clause's end after what it counts
_BARE_METRICS = (
    "items_published",
    "hotline_received",
    "info_submitted",
    "info_adopted",
    "interpretations",
    "media_reports",
)
# 依申请公开文件12条, 不予公开信息1535条, 可以公开的信息: given on request, withheld or only
# publishable, not published
# (不属于本机关公开的10件: a request's outcome, counted by its reason)
# (予以公开3件(主动公开…: inside the brackets after an outcome of requests)
_OUTCOME_BRACKET = re.compile(r"(?:予以|同意)公开\s*[0-9]+\s*[件条项宗个][（(][^）)]*$")
# (行政许可事项1714项，行政处罚22项，…: the kinds of decision table 二 counts, listed before)
_OWN_DECISIONS = re.compile(r"行政(?:许可|处罚|强制)[^。；;]{0,12}[0-9]+\s*[项件个宗次][，,、]\s*$")
_NOT_PROACTIVE = re.compile(
    r"(?:申请|不予|不宜|不|未|可以|应当)(?:主动)?(?:公开|发布)$"
    r"|不属于本(?:行政)?(?:机关|单位|部门)(?:负责)?公开$"
)
# 主动公开, 主动发布: all the items published (not one kind of them)
_ALL_PUBLISHED = re.compile(r"主动公开|主动发布")
_EACH_BODY = r"(?:全市|全区|全县|全省)?各(?:地|单位|部门|乡镇|街道|县区|区县|县|级)"
# (协助区委、区政府系统各部门公开…信息百余条: the departments' items, helped with)
_OTHERS_DID = re.compile(
    rf"(?:指导|督促|组织|推动|要求|带动){_EACH_BODY}|协助[^，,。；;0-9]{{0,12}}?{_EACH_BODY}"
)
_EACH_BODIES = "部门|单位|乡镇|街道|县区|区县|镇街"
_YEAR_OPENS = re.compile(r"[，,；;]" + CLAUSE_YEAR.pattern)
# (…,市直各部门主动公开政府信息3666条: the city's departments, beside the government's own)
_EACH_BODY_DID = re.compile(
    # (镇(区)主动公开政府信息2064条: the towns and zones under it)
    rf"\s*(?:(?:[市县区]直|全[市县区]|学校|全校)?各(?:{_EACH_BODIES}|镇|学院)(?:、各[^，,。；;0-9]{{1,4}})?"
    r"|(?:乡镇|镇)[(（](?:区|街道|园区)[)）])"
    # (学校各单位、各学院在本单位网站发布…1万余条: on their own sites, not the university's)
    r"(?:在(?:本单位|本部门|各自)[^，,。；;0-9]{0,8}?)?"
    r"(?:共|累计)?(?:主动)?(?:发布|公开|公布|制发|印发)"
)
# 局属基层医疗卫生机构通过…等渠道公开各类信息8000余条: the units under the bureau, their
# figures (not 我局机关及局属各单位…: the bureau with them, its own)
_SUBORDINATES_DID = re.compile(
    r"\s*(?:[局委厅]属|下属)(?:各级|各|基层)?[^，,。；;0-9及和与]{0,10}?(?:单位|机构|医院|学校|新媒体)"
    r"[^，,。；;0-9]{0,40}?(?:发布|公开|公布)"
)
# …，市政府各部门共受理…24件 after the body's own requests counted (申请…29件)
_EACH_BODY_RECEIVED = re.compile(rf"各(?:{_EACH_BODIES})(?:政府)?(?:共|累计)?(?:受理|收到|接收)")
_REQUESTS_COUNTED = re.compile(r"申请[^。；;]{0,6}[0-9]+\s*[件宗条]")
# (not 组织: 法人或其他组织各1件 counts applicants)
# (协助区政府办理政府信息公开申请1宗: another body's requests, helped with)
_OTHERS_HANDLED = re.compile(
    rf"(?:指导|督促|要求|推动){_EACH_BODY}|协助[^，,。；;0-9]{{0,12}}?(?:办理|调查|处理)"
)
_NEW_FOLLOWERS = re.compile(
    r"(?:新增|增加|净增|增长|新吸引)[^，,。；;0-9]{0,4}(?:粉丝|关注|订阅|用户)[^，,。；;0-9]{0,8}$"
)
# 收集整理各部门转送的…文件, 汇总各单位报送的信息: what others sent in
# (目前累计接收政府公开信息文件共计1640份: what a reading room or archive took in)
_GATHERED = re.compile(
    r"(?:收集|整理|汇总|接收|收到)[^，,。；;0-9]{0,12}(?:转送|报送|提供|上报)的"
    r"|接收(?![^，,。；;0-9]*申请)[^，,。；;0-9]{0,14}(?:文件|信息)"
)
# Two outcomes (予以公开或部分公开1件) or two kinds of item (办事指南及政策解读42条) in one number
# (全部或部分公开的73件: disclosed in whole or in part, two outcomes in one number)
_OUTCOMES_JOINED = re.compile(
    r"(?:公开|提供|处理|不掌握|不存在)(?:或|和|及|与|、|/)|全部(?:或|和|及|与|、|/)部分公开"
)
_KINDS_JOINED = re.compile(r"[及和与、或][^，,。；;0-9]{0,10}解读")
# who applied (其中自然人6件，法人…), how (网上申请4件): the breakdown of requests received
_APPLICANTS = re.compile(
    # (not …1件，网上回复后，…电话回访: how they were answered)
    r"^[，,；;：:（(]?\s*(?:其中)?[，,：:]?\s*"
    r"(?:自然人|法人|公民|(?:网上|网络)(?!回复|答复|办结|办理)|信函|当面|现场)"
)
# 受理网上政府信息公开申请2件: the requests that came online, right before their count (not
# 通过信函、网络等渠道收到…, 通过网络共受理…申请: the ways listed, or the one way of all)
_ONLINE_ONLY = re.compile(
    r"(?<![、和及与过])(?:网上|网络|在线)(?:提交的?)?(?:政府信息公开|依申请公开|信息公开)?"
    r"(?:申请)?(?:政府)?(?:信息)?(?:共计?)?\s*$"
)
# …申请14件，其中…, …，自然人…: a count broken down right after it, all the requests
_BROKEN_DOWN_AFTER = re.compile(r"\s*[，,；;：:]\s*(?:其中|自然人|法人|公民|均)")
# 收到…申请5件 before in the sentence: the requests received, given apart
_CAME_BY = re.compile(
    r"\s*(?:其中[，,：:]?)?\s*(?:通过[^，,。；;0-9]{0,10}?)?"
    r"(?:信函|网上|网络|互联网|在线|当面|现场|邮寄|传真|电子邮件|邮件|网站|平台|系统|窗口)"
    r"[^，,。；;0-9]{0,4}提交"
)
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
_READING_ROOMS = re.compile(r"图书馆|档案馆|查阅点|查阅中心|查阅室|查阅场所")
# 制发规范性文件1篇，已对外公开: published, said after the number
# (not 印发规范性文件1件，公开并解读1件: a count of its own follows)
# (…文件38件，全部在政府门户网站“履职依据”一栏进行主动公开: all of them, published where the
# clause says — not 均已公开向社会广泛征求意见, a draft put out for comment)
# (…文件2件，并同步做好备案和公开; …文件1件，已在网站公布: the same, in other words)
_PUBLISHED_AFTER = re.compile(
    r"\s*[，,]+\s*(?:(?:并|均|已|且|全部)*(?:对外|向社会)?|(?:(?:均|全部)已?|并|已)[^，,。；;0-9]{1,24}?)"
    r"(?:公开|发布|公布)(?![^，,。；;]*(?:[0-9]|征求))"
)
_OTHER_DOCUMENTS = re.compile(r"其[他它](?:政府|政策)?文件[^，,。；;0-9]{0,4}[0-9]")
_OTHER_APPLICATIONS = re.compile(
    r"^(?![^。]*(?:信息公开|依申请|公开申请))[^。]*(?:行政许可|行政审批|审批事项|政务服务事项|办件)"
)
_SENT_AND_PUBLISHED = re.compile(r"(?:报送|上报)(?:并|和|及)?(?:发布|公开)")
# 省政府外事办网站 in a city office's report: the site of a body above it, not its own
_ABOVE_WAYS = re.compile(r"上述[^，,。；;0-9]{0,4}?(?:媒体|平台|渠道|方式|途径|载体)")
_HIGHER_BODY_SITE = re.compile(
    r"(?:省|自治区|国家|中央|国务院)[\u4e00-\u9fff]{0,8}?(?:局|委员会|委|厅|办|部)"
    r"(?:门户|官方)?(?:网站|官网)"
)
# 在市税务局门户网站 in a district bureau's report: the city bureau's site
_CITY_BODY_SITE = re.compile(
    # (杭州市审计局门户网站 in 滨江区审计局's report: the city's bureau by its city's name)
    r"(?:^|(?<=[在过和及、]))(?:[\u4e00-\u9fff]{2,4}?(?<![区县旗])(?=市))?市(?!场)[^\s区县旗，,。；;、]{1,8}?"
    r"(?:局|委|厅|办)"
    r"(?:门户|官方)?(?:网站|官网)"
)
_RECEIVED_AND_DONE = re.compile(
    # (受理答复…申请28件: received and answered, the two verbs run together)
    r"(?:收到|受理|接收)(?:并|且|和|及|后)?(?:按时|依法|及时|规范|按期|认真)?(?:全部|均)?(?:办结|答复)"
    # (受理答复依申请公开政府信息信件0件: what was applied for, after 申请)
    # (新收到并办结公民、法人或其他组织提出的政府信息公开申请2件: who made them, named at length)
    r"(?:[^，,。；;0-9]{0,24}申请[^，,。；;0-9]{0,10})?$"
    r"|申请[^，,。；;0-9]{0,6}(?:收到|受理|接收)(?:并|且|和|及)(?:全部|均)?(?:办结|答复)[^，,。；;0-9]{0,2}$"
)
# (not …其中上年度结转案件0件: none carried over, all of them new)
_CARRIED_OVER = re.compile(
    r"\s*[，,]?\s*[(（]?\s*(?:其中|含|包括|包含)[^)）。；;]{0,6}上(?:一)?年度?结转"
    r"(?![^，,。；;0-9]{0,6}(?:0|零)\s*[件个宗条])"
)


_LISTED_AFTER_INTERPRETATIONS = re.compile(
    r"解读[^，,。；;0-9、及和与]{0,6}[、及和与](?P<others>[^，,。；;0-9]{1,14})$"
)
_INTERPRETATION_FORMS = re.compile(
    r"文字|图片|图解|图文|视频|音频|动漫|漫画|长图|H5|材料|产品|评论|文章|解读|问答|访谈"
)


_HOTLINE_AND_MAILBOX = re.compile(r"热线[、和及与][^，,。；;0-9]{0,20}(?:信箱|信访|留言)")
_NOT_ITEMS_IN_GE = re.compile(
    r"(?:主体|企业|单位|部门|村|社区|版块|板块|批次|清单|目录|类别|场景|事项)"
    r"(?:共|共计|合计|总计)?\s*$"
)
_NOT_ACCEPTED = re.compile(r"不予?受理[^，,。；;0-9]{0,12}$")
_VIDEOS_AND_FORMS = re.compile(
    r"(?:短视频|微视频|视频)[、和及与](?:图解|海报|H5|长图|动漫|漫画|图文|直播|音频)"
    r"|(?:图解|海报|H5|长图|动漫|漫画|图文|直播|音频)[、和及与](?:短视频|微视频|视频)"
)


def _combined(rule: Rule, before: str, found: re.Match[str], year: int | None) -> str | None:
    """Why one number counts two things together, or None: two outcomes of requests joined by
    或/及 (予以公开或部分公开1件), two kinds of item before 解读 (办事指南及政策解读)."""
    # 因本机关不掌握或需要加工汇总等原因无法提供5宗: the reasons joined, not the outcomes
    # (不属于本机关公开或申请信息不存在1件: since the 2019 table, both reasons of 无法提供, its
    # whole row; before it they were rows of their own)
    words = re.sub(r"因[^，,。]*?原因", "", before)
    if (year or 0) >= 2019:
        words = _REASONS_JOINED.sub("", words)
    if rule.metric in _OUTCOMES and _OUTCOMES_JOINED.search(words):
        return "several kinds together"
    # 制作发布短视频、图解等新媒体产品50余个: videos and other forms of content, in one number
    if rule.metric == "items_published" and _VIDEOS_AND_FORMS.search(before):
        return "several kinds together"
    if rule.metric == "interpretations":
        # the words after the last verb (通过多渠道、多形式发布政策解读: the ways are no kinds)
        kinds = re.split(r"发布|公开|推出|刊发|编发|开展|制作|完成", before)[-1]
        kinds = kinds.lstrip("、，, ")
        # (多形式、多角度解读政策文件17篇: the ways it was done, no kinds)
        kinds = re.sub(r"(?:多|多种|各种)(?:形式|角度|渠道|方式|维度)[、和及与]?", "", kinds)
        # (政策解读、草案解读46条: interpretations of two kinds, all of them interpretations)
        if _KINDS_JOINED.search(kinds) and not all(
            _INTERPRETATION_FORMS.search(k) for k in re.split(r"[、及和与或]", kinds) if k
        ):
            return "several kinds together"
        # 本年新制作规范性文件和发布政策解读信息0条: another kind with a verb of its own, joined
        # to the interpretations, counted in one number
        joined = re.search(
            r"(?P<other>[^，,。；;0-9、和及与]{2,12})[和及与、]\s*(?:新)?(?:发布|公开|推出|制作|编发)"
            r"[^，,。；;0-9]{0,4}解读",
            before,
        )
        if joined and not _INTERPRETATION_FORMS.search(joined["other"]):
            return "several kinds together"
        # 推送政策解读、工作动态等信息936条: the first of a list of kinds, not their number
        # (解读文字和图片8个, 政策解读及图解40条: forms of the interpretations themselves)
        listed = _LISTED_AFTER_INTERPRETATIONS.search(before)
        others = re.split(r"[、及和与]", re.sub(r"等.*$", "", listed["others"])) if listed else []
        if any(o and not _INTERPRETATION_FORMS.search(o) for o in others):
            return "several kinds together"
    return None


_LISTED_COUNT = re.compile(r"(?<![0-9.])(?P<num>[0-9]+)\s*(?P<unit>条|篇)")
_PUBLISHING_VERB = re.compile(r"公开|发布|公示|更新|推送")


def _sum_of_listed(match: re.Match[str], period: str, unit: str | None) -> bool:
    """Whether a number is the sum of two or more counts in its unit that its full sentence gave
    before it, after the verb publishing them (公开主站通知公告63条、…；子站动态信息6条，共计74条:
    74 = 63 + … + 6): a total of the items just listed, not a new count."""
    if not unit or not match["num"]:
        return False
    verb = _PUBLISHING_VERB.search(period)
    if verb is None:
        return False
    counts = [
        int(c["num"]) for c in _LISTED_COUNT.finditer(period, verb.end()) if c["unit"] == unit
    ]
    try:
        value = float(match["num"].replace(",", ""))
    except ValueError:
        return False
    return len(counts) >= 2 and sum(counts) == value


_PEOPLES_MATTERS = re.compile(
    r"(?:求助|投诉|咨询|留言|来信|来电|诉求|举报)(?:[、和及与][^，,。；;0-9、]{1,6}){0,4}等?(?:共计?|合计)?\s*$"
)
_PRESS_AMONG_OFFLINE = re.compile(r"(?:政务服务|便民服务)(?:场所|大厅|中心)|公开栏")
_SENT_TO_BODY = re.compile(
    r"向[^，,。；;0-9]{1,14}?(?:送交|报送|移送|呈送|移交)(?:了)?[^，,。；;0-9]{0,12}$"
)
_NOT_ITEMS = re.compile(r"访问|浏览|阅读|点击|关注|粉丝|采用|录用|报送|上报")


def _all_items_of_sites(
    before: str, what: str, mentioned: Sequence[str], catalogue: Catalogue
) -> bool:
    """Whether the channels named together published all the agency's proactive items (通过
    政府信息公开专栏及我局政务网站主动公开政府信息2585条: the total) — not new media alone."""
    return bool(
        _SITES_TOGETHER_ALL.search(before)
        and _GENERAL_ITEMS.search(what)
        and not _new_media_only(mentioned, catalogue)
    )


def _channels_after(rest: str, catalogue: Catalogue, report: _Report) -> int:
    """How many channels, each with a figure, a 其中 list right after a figure names."""
    listed = re.match(r"\s*[，,]?\s*其中[，,：:]?(?P<items>[^。；;]*)", rest)
    if listed is None:
        return 0
    channels: set[str] = set()
    for item in re.split(r"[、，,；;]", listed["items"]):
        # items published on a channel, not its visits or what others adopted of them
        if not re.search(r"[0-9]+\s*[条篇则期份件]", item) or _NOT_ITEMS.search(item):
            continue
        where = _where(item, catalogue, report)
        # a site whose owner the words leave open (政府网站) is still a channel of the list
        site = re.search(_SITE_WORD, _QUOTED.sub("", item))
        if where.channel is not None:
            channels.add(where.channel)
        elif site is not None:
            channels.add(site[0])
    return len(channels)


def _media_reason(before: str, found: re.Match[str]) -> str | None:
    """Why a media figure is not the year's reports in the press: 通过…等媒体发布我局提供的
    新闻信息 is the agency publishing through outlets (its own among them); 报道政府常务会议
    12次 counts the reports of one kind of event."""
    words = before[found.start() :]
    verbs = list(re.finditer(r"刊发|刊登|刊载|报道|发稿|播发|播出|发布", words))
    tail = words[verbs[-1].end() :] if verbs else ""
    if re.search(r"会议|活动|会", tail):
        return "part (one kind of item)"
    # 被中央、省级媒体报道或转发61次: reports passed on (not 发表转载了相关报道, what the
    # outlets carried)
    if re.search(r"转发", words):
        return "reposted from another body"
    # 政府网站、公众号等媒体发稿178篇: its own channels listed as the outlets
    if re.search(r"(?:网站|公众号|微信|微博|客户端|新媒体)[^，,。；;0-9]{0,12}等媒体", before):
        return "doubtful channel"
    through = re.search(r"通过[^，,。；;]{0,16}$", before[: found.start()])
    # (通过新闻媒体发布信息534条: the press's reports of it — but 通过部门网站、报刊杂志、新媒体等
    # 方式发布, its own channels among the outlets, or 通过…等媒体发布我局提供的新闻信息, what it
    # gave them, are no count of reports)
    if (
        verbs
        and verbs[-1][0] == "发布"
        and through
        and (re.search(r"网站|新媒体|微信|微博|公众号|客户端|融媒", through[0]) or "提供" in tail)
    ):
        return "doubtful channel"
    return None


# (办理…申请41件(含上年度结转1件),均全部办结: an aside before it, 均全部)
_ALL_DONE_AFTER = re.compile(
    # (全部在规定时限内办结, 已按时限按规范办结)
    # (…申请247件(网络申请195件、信函邮寄31件…),均按时答复: the ways they came, in brackets)
    r"\s*(?:[(（][^()（）]{0,40}[)）])?\s*[，,]\s*"
    # (均在法定期限内予以办结, 并已进行回复, 皆按时办结答复, 已全部办结, 均在规定时间内按照申请人的
    # 要求进行了答复)
    # (…申请2件，按规定办结: done as the rules ask, all of them)
    r"(?:(?:均|全部|均全部|已|皆|并已|已全部|按规定|按时|依法)(?:已|已经)?"
    # (not 已答复69件: a count of its own)
    r"[^，,。；;0-9]{0,16}?(?:办结|答复|回复)(?!\s*[0-9])"
    # (办理依申请公开事项2件，办结率100%)
    r"|办结率(?:为|达)?\s*100\s*%)"
)


def _requests_by_piece(metric: str, unit: str, rest: str) -> bool:
    """Whether requests are counted in 个 (收到信息申请数量7个, 办结依申请信息公开17个): the clause
    ends on it — not 收到申请之日起15个工作日."""
    return (
        unit == "个"
        and metric in ("requests_new", "requests_completed")
        and re.match(r"\s*(?:[，,。；;、)）]|$)", rest) is not None
    )


def _handled(period: str, rest: str) -> str | None:
    """What 办理…申请N件 counts: those completed when the sentence says all were (…18件，全部在
    规定时限内办结), the requests that came in when it goes on with who applied (其中自然人6件…,
    the received part of the form); those handled when it has given the received ones before
    (收到…申请5件，依法办理…申请4件); else it cannot be told (上年结转 may be in it), and None."""
    # (全年办理市政府本级依申请公开答复263件: the answers it gave)
    if re.search(r"办理(?:并)?(?:回复|答复|完毕|完结)", period) or re.search(
        r"(?:办理|处理)[^，,。；;0-9]{1,14}(?:回复|答复)\s*$", period
    ):
        return "requests_completed"
    # 办理…申请的政府信息48件，全部按时办结: what was handled, all of it completed
    if _ALL_DONE_AFTER.match(rest):
        return "requests_completed"
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
            # 通过辽宁省林业厅网站、民心网、中国朝阳网及新闻媒体等途径共发布各类信息541条: sites
            # and the press among the ways listed — everything published, the total
            if _SITES_AND_PRESS.search(before) and _GENERAL_ITEMS.search(before[found.end() - 2 :]):
                items = rule_by_id("items_published")
                return [(items, None, 0.7)]
            # 通过政府门户网站、微博、微信公众号等公众媒体发布信息26280条: the agency's own
            # channels, called media — all it published, the total
            if (
                _OWN_CHANNELS_AS_MEDIA.search(before)
                and not _PRESS_WORDS.search(before)
                and _GENERAL_ITEMS.search(before[found.end() - 2 :])
            ):
                items = rule_by_id("items_published")
                return [(items, None, 0.7)]
            media = _media_reason(before, found)
            if media:
                return media
            # 厅门户网站共更新工作动态类信息397条，时政类信息140条，媒体报道264条: a column of the
            # site's, among its others
            if re.fullmatch(r"\s*媒体报道(?:类)?(?:信息)?", before) and re.search(
                r"网站[^。]{0,40}[0-9]+\s*条", period[: len(period) - len(before)]
            ):
                return "part (one kind of item)"
            # …在政府门户网站公开信息18条。其中新闻报道14条: a kind of the items counted before
            if re.fullmatch(r"\s*其中[，,：:]?\s*(?:媒体|新闻)报道(?:类)?(?:信息)?", before):
                return "part (one kind of item)"
        return [(rule, metric.default_channel, rule.confidence)]
    if rule.channel == "hotline":
        # 12345 only where the words name it: 12333, 12320, 12315… have no channel here
        # (not 通过12348法律服务专线解答…，办理12345政务服务热线来电事项1245件次: the figure's
        # own words name 12345, the other line is another clause's)
        if _OTHER_HOTLINE.search(sentence) and (
            "12345" not in before or _OTHER_HOTLINE.search(before)
        ):
            return "a hotline the catalogue has no channel for"
        # (共受理县长热线387件: the county head's line, as the city head's)
        if not re.search(
            r"12345|政务服务热线|政府服务热线|便民服务热线|政务热线|市民热线|[市县区州]长热线",
            sentence,
        ):
            return "hotline not named"
        # 12345热线电话、网上分局局长信箱等网上咨询、信访8073起: the hotline among other ways
        # (12345热线工单和各类网上留言8604件: the same, joined by 和)
        # (not 12345热线举报投诉、政策咨询13件: the kinds of the hotline's own cases)
        if re.search(r"[、和及与][^，,。；;0-9]{0,20}(?:信箱|信访|留言|(?<!政策)咨询)", before):
            return "several channels"
        # 中国政府网、微博、“12345”等渠道咨询投诉500余件，办结率100%: the hotline one of the
        # ways listed, the count (and its rate) of them all
        if _HOTLINE_LISTED.search(sentence):
            return "several channels"
        # 办结市长热线、市长信箱交办件68件，已办结65件: the line's and the mailbox's cases
        # (not 全年办结12345政风热线2638件、市长信箱344件: the line named with its own count)
        if (
            rule.metric == "hotline_closed"
            and _HOTLINE_AND_MAILBOX.search(sentence)
            and not re.search(r"12345|热线", before)
        ):
            return "several channels"
        # 办结率与群众满意度均达100%: the hotline's two rates, one number said of both
        if rule.percent and _CLOSED_AND_SATISFIED.search(before):
            rates = (rule_by_id("hotline_closure_rate"), rule_by_id("hotline_satisfaction_rate"))
            return [(rate, metric.default_channel, rate.confidence) for rate in rates]
        # 受理和办结12345政务服务热线工单3218件: the hotline's cases received and closed alike
        if rule.metric == "hotline_received" and _RECEIVED_AND_CLOSED.search(before):
            closed = rule_by_id("hotline_closed")
            return [
                (rule, metric.default_channel, rule.confidence),
                (closed, metric.default_channel, 0.85),
            ]
        return [(rule, metric.default_channel, rule.confidence)]
    # where it was published is said before the verb (在门户网站发布); what was published after
    # it (新闻信息, 工作动态) is no channel
    publishing = rule.metric == "items_published"
    verb = _verb_at(before, found.start()) if publishing else len(before)
    words, what = before[:verb], before[verb:]
    # (会同县政府门户网包括部门及乡镇专栏: the site with the columns it holds, one channel)
    where = _where(_INCLUDING_COLUMNS.sub("", words), catalogue, report)
    # 通过市中区政府信息公开网站等主动公开信息105条: a site and others (等), then the year's items
    # — the total
    if publishing and _SITE_AND_OTHERS.search(words) and _GENERAL_ITEMS.search(what):
        return [(rule, None, 0.7)]
    if where.reason:
        # 通过政府网站等平台…主动公开各类信息431条, 通过…门户网站,政务新媒体和宣传板报…143条: a
        # doubtful site among other ways, then all the proactive items — the total
        if (
            publishing
            and _AMONG_OTHER_WAYS.search(words)
            and _all_items_of_sites(before, what, where.mentioned, catalogue)
        ):
            return [(rule, None, 0.7)]
        return where.reason
    # the words the channel is read from (another body's site is told by them, below)
    site_words = words
    if publishing and where.channel is None and not where.mentioned:
        # 共发布微信消息500余条, 更新微博动态800余条, 发布2436条微博: the items named by their
        # channel (but 新闻信息 names what was published, not the press)
        # (我局在市城市管理局网站发稿41条: a rule that read the words whole leaves the site in
        # what was published)
        after_number = re.split(r"[，,。；;、（(]", rest, maxsplit=1)[0][:8]
        for inside, named_in in (
            (_where(what, catalogue, report), what),
            (_where(after_number, catalogue, report), after_number),
        ):
            if inside.channel not in (None, "news_media") and not inside.reason:
                where, what, site_words = inside, "", named_in
                break
    kind = catalogue.channels[where.channel].kind if where.channel in catalogue.channels else None
    part = (
        _part_reason(
            words,
            # (公开区政府(含区政府办公室)信息2214条: an aside inside the words is no kind)
            _own_items(_ASIDE.sub("", what), report.field),
            new_media=kind == "new_media",
            total=where.channel is None,
            sentence=sentence,
            rest=rest,
        )
        # 制作政府信息1971条，其中主动公开文件482条: what was published of all that was made
        if publishing and not _MADE_TOTAL.search(period)
        else None
    )
    if part is not None:
        return part
    if where.channel is not None and where.listed and publishing and _TOGETHER.search(words):
        return [(rule, None, 0.7)]

    # 通过报刊、广播、电视等媒体公开246条: kinds of news media, listed under 媒体 — the news
    # media's figure
    media_list = (
        where.channel == "news_media"
        and where.mentioned == ("news_media",)
        and re.search(r"等(?:新闻|主流|各类)?媒体", words)
    )
    if media_list and publishing and not _one_media_level(words, period + rest):
        media = rule_by_id("media_reports")
        return [(media, where.channel, media.confidence * 0.85)]
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
        if publishing and _all_items_of_sites(before, what, where.mentioned, catalogue):
            return [(rule, None, 0.7)]
        # 通过政府门户网站、电子大屏等方式…公开信息4442条: a site and a way no channel is named
        # for, listed with 等方式 — all the ways, the total
        if (
            publishing
            and _UNNAMED_WAY_LISTED.search(words)
            and _GENERAL_ITEMS.search(_ASIDE.sub("", what))
        ):
            return [(rule, None, 0.7)]
        return "several channels"
    if where.channel is not None:
        if re.search(r"同步|发布会", words):
            return "doubtful channel"
        # (the count of sites may be a figure of its own, just before the words: 全区8个门户网站)
        if _SEVERAL_SITES.search(words) or _SEVERAL_SITES.search(
            period, max(0, len(period) - len(before) - 6)
        ):
            return "several channels"
        if kind == "new_media" and _SEVERAL_ACCOUNTS.search(words):
            return "several accounts together"
        # (省水利厅网站 in 喀左县水利局's report too: a county's body, whose name has no city)
        if (
            where.channel == "dept_site"
            and (report.city or report.district)
            and _HIGHER_BODY_SITE.search(site_words)
        ):
            return "another body's site"
        if where.channel == "dept_site" and report.district and _CITY_BODY_SITE.search(site_words):
            return "another body's site"
        # 通过政府信息公开平台公开…677条，其中，政府网站…387条、微信服务号…290条: the sum of
        # the channels listed after it — the total
        if publishing and _channels_after(rest, catalogue, report) > 1:
            return [(rule, None, 0.8)]
        # 通过市政府门户网站及本部门门户网站公开794条: two sites joined before one number,
        # even when the catalogue reads one channel in them — never that one channel's figure
        if _TWO_SITES.search(words):
            if publishing and _all_items_of_sites(before, what, where.mentioned, catalogue):
                return [(rule, None, 0.7)]
            return "several channels"
        # 微信公众平台及美篇共计发布: the channel and a platform the catalogue has no channel for,
        # counted together
        joined = _JOINED_OTHER.search(_INCLUDING_COLUMNS.sub("", words))
        if joined and not _where(joined["other"], catalogue, report).mentioned:
            return "several channels"
        # 方式主要有:…网站、…报刊杂志等多种形式。截至2023年底在上述各类媒体公开信息63条: all the
        # ways named before — the total
        if publishing and _ABOVE_WAYS.search(words):
            return [(rule, None, 0.7)]
        if publishing and where.channel == "news_media":
            # 通过报刊、电视、广播、政务服务场所等传统公开载体公开信息22条: the press among the
            # offline ways, counted together
            if _PRESS_AMONG_OFFLINE.search(words):
                return "several channels"
            # 其中新闻发布5条，通知公告30条: news releases, one kind of the items listed
            if re.search(r"(?:^|其中|[、，,：:])\s*新闻$", words):
                return "part (one kind of item)"
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
        # (我部微信公众号、微博、抖音账号共发布3376条: new-media accounts alone, together, are
        # no total and no channel's figure)
        # (在市政府网站、卫生健康委官网等平台主动公开信息近1000条: the sites listed with 等, and
        # all its items — the total, as the labels take it; two sites joined by 及 stay apart)
        listed = (
            "等" in words
            and len(set(where.mentioned) - {"website"}) >= 2
            and _ALL_PUBLISHED.search(before)
            # (…主动公开工作职责、领导班子、执法情况等信息88条: every kind, listed)
            and (_GENERAL_ITEMS.search(what) or re.search(r"、[^，,。；;]{1,40}等信息\s*$", what))
        )
        if _site_and_more(where.mentioned, catalogue) or (
            (_TOGETHER.search(words) or listed) and not _new_media_only(where.mentioned, catalogue)
        ):
            return [(rule, None, 0.7)]
        if len(set(where.mentioned) - {"website"}) >= 2 and _all_items_of_sites(
            before, what, where.mentioned, catalogue
        ):
            return [(rule, None, 0.7)]
        return "several channels"
    if rule.channel == "must":
        earlier = _nearest(period[: len(period) - len(before)], catalogue, report)
        # 公众号发布…，被区级媒体转载62篇，粉丝量达到8712人: the press has no followers — the
        # account its sentence named before the press's clause, or none
        if rule.metric == "followers" and earlier is not None and earlier.channel == "news_media":
            prior = sentence[: len(sentence) - len(before)]
            while earlier is not None and earlier.channel == "news_media":
                prior = prior[: max(0, *(prior.rfind(mark) for mark in "，,"))]
                earlier = _nearest(prior, catalogue, report) if prior else None
        channel = earlier.channel if earlier is not None else None
        # (农高区微信公众号累计发布新闻608条,订阅用户数增至4963: the account's news, not the
        # press — the one account named is the followers')
        if channel is None and earlier is not None and rule.metric == "followers":
            accounts = set(earlier.mentioned) - {"news_media"}
            if len(accounts) == 1 and (account := accounts.pop()) in catalogue.channels:
                channel = account if catalogue.channels[account].kind == "new_media" else None
        if channel is None:
            return "channel not named"
        if _SEVERAL_ACCOUNTS.search(period):
            return "several accounts together"
        return [(rule, channel, rule.confidence * 0.85)]
    # (我局在各个平台共公开信息1638条: every one of them, together)
    if re.search(r"全平台|各个?平台|全渠道|所有平台", words) and _TOGETHER.search(before):
        return [(rule, None, 0.7)]
    # 通过各类渠道公开各类政府信息420余条, 通过各级政务公开平台: every channel — the total
    # (各类媒体 stays the press's or no one's)
    # (在各类政务公开平台累计发布…等信息120条: every platform, whatever kinds they carried)
    several = re.search(
        r"(?:各类|各种|各个|多种|多个|各级[^，,。；;]{0,4}?)"
        r"(?P<disclosure>(?:政府)?信息公开|政务公开)?(?:平台|渠道|载体|途径)",
        words,
    )
    if publishing and several and (several["disclosure"] or _GENERAL_ITEMS.search(before[verb:])):
        return [(rule, None, 0.7)]
    # (线下方式公开信息20451条, 利用镇(社区)广播: offline, where no channel of the catalogue is)
    if re.search(
        r"网站|平台|栏目|网|媒体|各类(?:平台|渠道|媒体|网站|载体)|线下|(?:[镇村乡区)）]|村级)广播|大喇叭"
        r"|显示屏",
        words,
    ):
        return "doubtful channel"
    # no channel in the clause: the one its sentence names before it (微信公众号……；累计发布
    # 416条), or the total when the sentence lists several kinds (通过门户网、政务微博微信等方式)
    # (网址:https://…): an aside, whose colon is no clause mark
    prior = _ASIDE.sub("", period[: len(period) - len(before)])
    earlier = _nearest(prior, catalogue, report)
    clauses = [c for c in re.split(r"[，,；;：:]", prior) if c.strip()]
    # 设专栏对…全过程公开，共公开121件: the items of the column the clause before set up
    if (
        (earlier is None or earlier.channel is None)
        and clauses
        and _COLUMN.search(clauses[-1])
        and not _LISTED_WAYS.search(clauses[-1])
    ):
        return "part of a channel"
    # “察右后旗人民政府蒙古文发布”共发布828条: an account or a column by its name alone, no word
    # saying which channel it is (17 such counts in the labelled sets, none taken as the total)
    if publishing and _NAMED_ALONE.match(before) and not _CHANNEL_WORD.search(before):
        return "doubtful channel"
    if earlier is None:
        return [(rule, None, rule.confidence)]
    # 实时更新局门户网站和天津政务网…，全年共主动公开237条政府信息; 以A与B为主要公开途径，本年度
    # 主动公开信息319件: the year's figure over the channels the sentence named — the total
    # (区政府门户网站、政务新媒体等平台: new media in general is a channel of the list too)
    # (通过政务新媒体“巴彦呼舒镇”微信公众号: new media, then the one account it is)
    new_media = "新媒体" in prior and not re.search(
        r"新媒体[^，,。；;]{0,14}?(?:微信|微博|公众号|抖音|视频号|头条号)", prior
    )
    mentioned = (*earlier.mentioned, "new_media") if new_media else earlier.mentioned
    several = len(mentioned) > 1 or (
        earlier.channel is not None and clauses and _TWO_SITES.search(clauses[-1])
    )
    if (
        several
        and publishing
        and (
            _TOGETHER.search(before)
            or (clauses and (_MAIN_WAYS.search(clauses[-1]) or _LISTED_WAYS.search(clauses[-1])))
        )
        and _GENERAL_ITEMS.search(before[verb:])
    ):
        return [(rule, None, 0.7)]
    if earlier.channel is not None and clauses and _TWO_SITES.search(clauses[-1]):
        return "several channels"
    # 通过…目录管理系统累计主动公开政府信息2457条，2021年新增主动公开政府信息257条; 在该平台共
    # 整理公开政府信息3819条，…，本年度新增的主动公开信息169条: what the channel holds, then the
    # year's new items — the year's total, as the labels take it, not the channel's
    # (到2014年底累计共主动公开政府信息1323条，其中2014年主动公开政府信息130条: the year's part
    # of a running total, by its year — the year's total the same)
    year_part = _YEAR_PUBLISHED.match(before)
    if year_part and (
        not _RUNNING_WORDS.search(prior)
        or (year_part["year"] and report.year and int(year_part["year"]) != report.year)
    ):
        year_part = None
    if (
        earlier.channel is not None
        and (_YEAR_NEW.match(before) or year_part)
        and _COUNTED.search(prior)
    ):
        return [(rule, None, 0.7)]
    # 在市政府网站公示共23条，其中市级部门信息公开20条: a part of that channel's figure
    if earlier.channel is not None and (
        re.match(r"\s*其中", before) or _later_item_of_parts(prior, earlier, catalogue, report)
    ):
        # (…平台累公开206条，其中主动公开信息数为206条，依申请公开…0条: the proactive kind of
        # all the platform holds — the year's published items, as the labels take it)
        # (依托区政府网站专栏公开。…共生成60条政府信息，其中主动公开60条: of all it made)
        if re.match(r"\s*其中[，,：:]?\s*主动公开", before) and (
            _OTHER_KINDS.match(rest) or _MADE_TOTAL.search(period)
        ):
            return [(rule, None, rule.confidence)]
        return "part (其中)"
    # 以网上公开…和公开栏公开为主要形式，…，全年共主动公开政府信息近2.4万条: the year's
    # figure after the main ways were named, some in words no channel has — the total
    if (
        publishing
        and any(_MAIN_WAYS.search(c) for c in clauses)
        and _GENERAL_ITEMS.search(before[verb:])
    ):
        return [(rule, None, 0.7)]
    # 我局调整优化了州政府门户网站维护栏目，…，2024年我局主动公开信息共373条: a clause that opens
    # anew with its year and the agency's own name is the year's statement, not the site's
    if earlier.channel is not None and _FRESH_START.match(before):
        return [(rule, None, rule.confidence)]
    # 通过政府公众信息网站,常年公开…,全年主动公开政府信息总数92条: the year's total number, said
    # so in its own clause, whatever site the clauses before named
    if publishing and earlier.channel is not None and _TOTAL_NUMBER.search(before):
        return [(rule, None, 0.8)]
    # 依托海盐门户网站、爱海盐等政务公开平台，定期发布…，主动公开政府信息400余条: a site and a
    # way no channel is named for, listed with 等 clauses before, then the year's items — the total
    # (a site's: not 微信公众号、视频号等平台, accounts listed; the clause naming the channel)
    if publishing and earlier.channel in ("gov_portal", "dept_site"):
        naming = [c for c in clauses if _nearest(c, catalogue, report) is not None]
        if (
            naming
            and _UNNAMED_WAY_LISTED.search(naming[-1])
            and _GENERAL_ITEMS.search(before[verb:])
        ):
            return [(rule, None, 0.7)]
    if earlier.channel is not None and not earlier.listed and earlier.channel != "news_media":
        # 建设微信公众号等政务新媒体账号141个，发布各类政务信息23813条: all the accounts', not the
        # one named first; 全区8个门户网站…: several sites', not one
        if clauses and (
            _SEVERAL_ACCOUNTS.search(clauses[-1]) or _SEVERAL_SITES.search(clauses[-1])
        ):
            return "several channels"
        return [(rule, earlier.channel, rule.confidence * 0.85)]
    # 通过市政府信息公开统一平台等渠道，主动公开政府信息79条: a channel and others (等渠道) the
    # clause before names, then the year's items — the total
    if (
        publishing
        and earlier.listed
        and clauses
        and _LISTED_WAYS.search(clauses[-1])
        and _GENERAL_ITEMS.search(before[verb:])
    ):
        return [(rule, None, 0.7)]
    if _site_and_more(mentioned, catalogue):
        return [(rule, None, 0.7)]
    # 以政府网站作为公开信息平台，2025年度共公开政务信息40条; 通过政府信息公开专栏，主动公开信息
    # 33条: a channel no row is named for, then the year's items in general — the total (the
    # labels of every set so)
    if (
        publishing
        and earlier.channel is None
        and re.search(r"主动公开|年度|累计|新增", before)
        and _GENERAL_ITEMS.search(before[verb:])
    ):
        return [(rule, None, 0.7)]
    return "channel named earlier in the sentence"


_HIGHER_DOCUMENTS = re.compile(r"上级[^，,。；;0-9]{0,4}文件[^，,。；;0-9]{0,4}$")
_TOTAL_NUMBER = re.compile(r"(?:全年|本年度?|今年|[0-9]{4}年度?)[^，,。；;]{0,8}?信息的?总数")
_NAMED_ALONE = re.compile(
    r"\s*[“\"「『][^”\"」』]{2,30}[”\"」』](?:本年度?|全年)?(?:共计?|累计)?"
    r"(?:发布|推送|更新|推出)"
)
_YEAR_NEW = re.compile(r"\s*(?:其中[，,：:]?)?\s*(?:(?:本|今|当)年度?|20[0-9]{2}年度?)(?:的)?新增")
_COUNTED = re.compile(r"[0-9]+\s*(?:万|余|多)?\s*[条件篇]")
_YEAR_PUBLISHED = re.compile(
    r"\s*其中[，,：:]?\s*(?:(?:本|今|当)年度?|(?P<year>20[0-9]{2})\s*年度?)(?:全年)?(?:主动)?"
    r"(?:公开|发布)"
)
# the words of a running total (累计, 截至2016年底, 历年)
_RUNNING_WORDS = re.compile(r"累计|截[至止]|历年")


# 通过市中区政府信息公开网站等主动公开…: a site and others, said with 等 alone
_SITE_AND_OTHERS = re.compile(r"(?:网站|网|平台|专栏|专区)[”\"」』]?等\s*(?:主动)?$")
# 通过…林业厅网站、民心网、中国朝阳网及新闻媒体等途径: sites and the press among the ways listed
_SITES_AND_PRESS = re.compile(
    r"(?:网站|网)[”\"」』]?[、，,及和与][^。]{0,30}?媒体等(?:途径|渠道|方式|平台|形式|载体)"
    # (通过各类媒体等平台…发布各类信息1221余条: every medium and platform, all of it)
    r"|各类媒体等(?:途径|渠道|方式|平台|形式|载体)"
)
_OWN_CHANNELS_AS_MEDIA = re.compile(
    r"(?:网站|网|微博|微信|公众号)[”\"」』]?[、，,及和与][^。]{0,30}?"
    r"(?:微博|微信|公众号|网站|抖音号?|视频号)[”\"」』]?等(?:公众|网络|各类)?媒体"
)
_PRESS_WORDS = re.compile(r"报|电视|广播|电台|新闻|杂志")
# 会同县政府门户网包括部门及乡镇专栏: the site with the columns it holds
_INCLUDING_COLUMNS = re.compile(
    r"(?:(?<=网站)|(?<=门户)|(?<=网))(?:包括|含|包含)[^，,。；;0-9]{0,16}(?:专栏|栏目|子站|子网站)(?:在内)?"
)
# 公开163件 (a verb alone) after 咨询261件 (a clause counting something else than information)
_BARE_VERB = re.compile(r"\s*(?:共|已|并|均)?(?:公开|发布|公布)(?:了)?$")
_OTHER_MATTERS_BEFORE = re.compile(
    # (受理法律援助案件283件，已办结210件: cases, not requests — not 依申请公开案件31件)
    r"(?:咨询|留言|来信|来电|建议|提案|诉求|投诉|举报|问题|(?:援助|调解|执法|信访|刑事|民事|治安|纠纷)案件)"
    r"[^，,。；;0-9]{0,6}[0-9]+\s*(?:件次|[件条个次封])"
    r"[，,；;、]\s*$"
)
# 全区8个门户网站, 12个政府网站: sites counted, each its own channel
_SEVERAL_SITES = re.compile(
    r"(?:[两二三四五六七八九十]|[0-9]+)\s*(?:个|家)[^，,。；;0-9个]{0,6}?(?:网站|门户网|政务网)"
    # (通过全市政府网站公开10万余条: every government site of the city — not 全县政府门户网站,
    # the county's portal, as the labels take it)
    r"|全[市区县省州](?:各级)?政府网站"
)
# “大连市医保局”“大连市医疗保障局”微信公众号, 两个微信公众号: several accounts, one figure
_SEVERAL_ACCOUNTS = re.compile(
    r"[”\"」』]\s*[、和及与]?\s*[“\"「『][^”\"」』]{1,20}[”\"」』]\s*(?:官方)?(?:微信|微博|公众号|抖音|视频号|头条号)"
    # (乡级微信公众号“云端之巅逐梦大兴”“云雾茶山重楼之乡至美大兴”: two accounts named after it)
    r"|(?:公众号|微信|微博|抖音号?|视频号)\s*[“\"「『][^”\"」』]{1,20}[”\"」』]\s*[、和及与]?\s*[“\"「『]"
    r"|(?:[两二三四五六七八九十]|[0-9]+)个(?:官方)?(?:微信公众号|公众号|微博|抖音号|视频号|新媒体)"
    # (各微信公众号发布信息约500条: each of the accounts, counted together)
    r"|各(?:级|类)?(?:官方|政务)?(?:微信公众号|微信|公众号|微博|抖音号?|视频号)"
    # (全市政府系统政务微信公众号发布信息47410条: every body's accounts of the city)
    r"|全[市区县省州](?:各级)?政府系统[^，,。；;0-9]{0,4}(?:微信公众号|微信|公众号|微博|抖音号?|视频号)"
    # 政务新媒体(微信公众号等), 微信公众号等新媒体: an account and others, counted together
    r"|新媒体[(（][^()（）]{1,16}等[)）]|(?:公众号|微信|微博|抖音号?|视频号)等(?:政务)?新媒体"
    # 微信公众号、微靖远等新媒体: an account, others named after it, and more
    r"|(?:公众号|微信|微博|抖音号?|视频号)(?:[、和及与][^，,。；;、0-9]{1,8}){1,3}等(?:政务)?新媒体"
    # 通过新浪网、腾讯网和新华网“平安十堰”官方微博: one name's accounts on several platforms
    r"|(?:新浪|腾讯|新华|人民)网?[、和及与][^，,。；;0-9]{0,16}微博"
)
_KEPT_BACK = re.compile(r"免予公开|不宜公开|暂缓公开|(?<!以)不公开的|未(?:予|能)?公开的")
# (办好“湘易办宣传”专栏和“政务公开主题日”活动专栏，共发布信息117条: columns run, not only set up)
_COLUMN = re.compile(
    r"(?:开设|设置|设立|开辟|设|新增|新开|办好|建好|做好|维护好)[^，,。；;]{0,12}(?:专栏|栏目)"
)
# (通过政府门户网站、政务公开专栏等形式: ways too — not 以图文、视频等形式, the forms of content)
_LISTED_WAYS = re.compile(
    # (等多元途径, 等多种渠道: the ways, said many)
    r"等(?:多元|多种|多个|各类|各种)?(?:渠道|平台|方式|途径|载体)|(?<!图文)(?<!视频)(?<!文字)(?<!图片)(?<!解读)(?<!音频)等形式"
)
_ASIDE = re.compile(r"[(（][^()（）]{0,80}[)）]")
# 发布一条解读一条: a rule of one for each
_ONE_FOR_EACH = re.compile(r"一[条件篇个][\u4e00-\u9fff]{1,4}一[条件篇个]")
# 以A与B为主要公开途径: the ways the agency publishes by
# (强化门户网站信息公开第一平台作用: the portal's part, named as the main way, not the only)
# 通过政府门户网站、电子大屏等方式: a way no channel is named for, ending a list with 等
# (依托海盐门户网站、爱海盐等政务公开平台: the ways named by what they are for)
_UNNAMED_WAY_LISTED = re.compile(
    r"、[^、，,。；;0-9]{1,10}等(?:政务公开|信息公开|公开|发布)?(?:方式|渠道|途径|载体|形式|平台)"
)
# (依托县政府门户网站作为主要发布平台: the main platform for publishing)
_MAIN_WAYS = re.compile(
    r"为主要?(?:公开|发布|信息发布|信息公开)?(?:途径|渠道|平台|载体|阵地|方式|形式)|第一平台"
)
# …及美篇共计: a name joined to the channel's just before 共/共计 (not 及时)
_JOINED_OTHER = re.compile(
    r"(?:及|和|与|、)(?!时)(?P<other>[^，,。；;、及和与0-9]{1,8}?)(?:共计|合计|共)[^，,。；;、]{0,8}$"
)
# words saying one number is the channels' count together
# (…发布信息总量达200条: the amount of all)
_TOGETHER = re.compile(r"共计|合计|(?<![公总])共(?!享|同)|进行了|总量|总数")


# What was published, said in general: 信息, 政府信息, 稿件, 图文, 作品… (then 数, 共计, 总量…)
_FILLER = (
    r"(?:发布|公开|公布|推送|推出|更新|发送|发出|刊发|上传|编发|公示|主动|共计|共|累计|全年|了"
    rf"|{FA_ALONE}"
    r"|数量|件数|条数|数|总数|总量|量|合计|总计|计|已达|达到|达|为|的有|有|新增|的|及|和|、|\s"
    # (主动更新并公开信息252条, 主动公开、更新和维护政府信息: the verbs of one figure)
    r"|并|维护)*"
)
_ITEMS = re.compile(
    # (更新内容42条, 公开政府工作情况70余条: an account's posts by other words)
    rf"^{_FILLER}$|(?:信息|稿件|文章|消息|讯息|推文|作品|图文|微博|微信|视频|条目|资讯|动态|内容"
    rf"|工作情况){_FILLER}$"
)
# … on a website or as a total, only items in general: 政府信息, 各类政务信息, 相关信息, 新闻信息,
# 《条例》第二十条规定的相关政府信息 — not 部门财政预决算信息, 招标与中标信息, 目录信息
_GENERAL_ITEMS = re.compile(
    # (各类重要信息: every kind, the important ones being all of them)
    # (公开本年度信息69条: the year's, all of them)
    # (主动公开了2023年各类政府信息: the year's, by its number — another year's are told apart
    # before a figure is named)
    rf"^{_FILLER}(?:本年度?的?|全年的?|当年的?|今年的?|(?:19|20)[0-9]{{2}}\s*年度?的?)?"
    r"(?:[^，,。；;]{0,24}规定的)?"
    # (涉及与公众密切相关的政府信息: what the public cares about, all of it)
    r"(?:(?:涉及)?与?(?:社会公众|人民群众|公众|群众)[^，,。；;]{0,6}?(?:相关|关心|关注)的)?"
    r"(?:各类|各项|各种|相关|有关|全部|所有|本级)?(?:重要)?"
    # (编制索引目录的政府信息, 带索引号的信息: every item of the catalogue, each with its number)
    r"(?:编制索引目录的|带索引号的|编有索引号的)?"
    # (主动公开朋普镇政府信息: a town's report names its own)
    # (区政府及区政府办信息, 省政府及省政府办公厅政府信息: a government office's report, its
    # government's items and its own)
    r"(?:[\u4e00-\u9fff]{0,6}?政府(?:本级)?(?:及|和|暨|与)[\u4e00-\u9fff]{0,6}?(?:政府)?(?:办公[室厅]|办)"
    r"(?:的)?)?"
    # (各类主动公开政府信息, 政府信息公开信息: the words of the disclosure itself, all of it)
    # (主动公开长桥乡人民政府信息: the town's government's, written in full)
    # (发布法定主动公开政府信息216条，其中…: the statutory items, all of them, whose parts follow —
    # `_part_reason` takes the statutory kind alone as one kind before this is read)
    r"(?:[\u4e00-\u9fff]{1,6}?(?:[镇乡]|苏木)(?:人民(?=政府))?(?=政府|政务))?(?:(?:法定)?主动公开(?=政府|政务))?"
    # (主动公开办事处信息851条: a street office's own, by its kind's name)
    r"(?:(?:本|我)?办事处(?=信息))?"
    # (海关政府信息, 各类公安政府信息: the agency's field said before its government information)
    r"(?:[\u4e00-\u9fff]{1,3}?(?=(?:政府|政务)信息))?"
    # (本局主动公开信息, 各类政府类信息: the agency's own, and its government information)
    r"(?:本局|本机关|本单位|本部门|我局)?"
    # (政府工作信息: the government's work, all of it)
    # (发布信息公开目录信息228条: the catalogue's entries, every item)
    r"(?:(?:政府)?信息公开目录(?=信息)|政府信息公开|政务公开|政府工作|政府类?|政务类?|新闻|工作|网站"
    r"|公开类(?=信息))?(?:本级)?(?:主动)?(?:公开)?"
    # (各类政府信 10690 件: 信息 whose last character the page lost)
    # (信息材料98条, 政府信息项目378条: the items by other words)
    # (各类事项191件: every kind of matter, all of them)
    r"(?:信息(?:材料|项目|内容)?|稿件|文章|消息|讯息|推文|作品|图文|微博|微信|视频|短视频|条目|资讯|内容|文档"
    r"|(?<=各类)事项"
    # (政府信息公开总件数14件: all of them, counted so)
    r"|(?<=公开)总(?:件|条)?数"
    rf"|(?<=各类|政府|政务)信)?{_FILLER}$"
)
# accounts, columns and press events set up (开设政务微信1个, 专题专栏11个): counted in 个, they
# are never items published (`figures._list_item` reads them too)
SET_UP = re.compile(r"开设|开通|建立|设立|注册|专栏|栏目|专题|发布会|新闻发布$")
# 中国政府网、微博、“12345”等渠道: the hotline one of the ways listed
_HOTLINE_LISTED = re.compile(
    r"[、和及与][“\"]?12345[”\"]?[^，,。；;0-9、]{0,6}等(?:渠道|平台|途径|方式)"
    r"|12345[^，,。；;0-9]{0,8}[、和及与][^，,。；;0-9]{1,10}等(?:渠道|平台|途径|方式)"
)
# the closure rate and the satisfaction said equal, in one number (办结率与群众满意度均达)
_CLOSED_AND_SATISFIED = re.compile(
    r"办结率[和及与、](?:群众|市民|来电人)?满意[度率](?:均|都)(?:达到|达|为|是)?\s*$"
)
# 受理和办结12345…: the hotline's cases received and closed in one number
# (全年共接收并办结12345…转办事项29件: received, by another verb)
_RECEIVED_AND_CLOSED = re.compile(
    r"(?:受理|接收|收到|接到)(?:和|并|及|且|、)办结[^，,。；;0-9]*12345"
)
# another publishing count after a site's news (…；发布法定主动公开内容1条), and the channel
# words that make it another channel's rather than another kind on the same site
_PUBLISHED_COUNT = re.compile(r"[^，,。；;]*?(?:发布|公开)[^，,。；;0-9]{1,12}[0-9]+\s*[条篇]")
_CHANNEL_WORD = re.compile(r"微信|微博|网|公众号|抖音|头条|媒体|平台|号")
# a site's news in general (动态信息, 工作动态, 部门动态信息)
_SITE_NEWS = re.compile(
    rf"^{_FILLER}(?:各类)?(?:工作|部门|新闻|政务)?动态(?:类)?(?:信息)?{_FILLER}$"
)
_VERB = re.compile(
    r"(?:发布|公开|公布|推送|推文|推出|更新|发送|发出|刊发|上传|编发|制发|印发|主动公示"
    rf"|(?<=共){FA_ALONE}|{ADDED_ITEMS})"
    # (洪雅教育发布微信公众号: an account named …发布, unquoted)
    # (临河区政务公开信息网, 区政府信息公开发布平台: a site's name; not 公开工作情况, the work
    # published)
    r"(?!平台|网|信息网|发布平台|专栏|栏|专区|目录|指南|年报|工作(?!情况)|统一平台|基础平台|系统|管理系统|门户|渠道|方式|途径|载体"
    r"|微信|公众号|微博|抖音|头条号|视频号|客户端"
    # (政府信息公开象园街道专栏: a column named after its body)
    r"|[\u4e00-\u9fff]{2,10}?(?:专栏|专区)(?![\u4e00-\u9fff]{0,3}(?:专栏|专区)))"
)
_QUOTED = re.compile(r"[“\"「『][^”\"」』]*[”\"」』]")


# (…，其中人事类信息1条，其他主动公开4条; …6条(其中规范性文件5条，其他…1条): a clause that opens a
# list of parts)
_PARTS_OPENING = re.compile(r"(?:^|[，,(（])\s*其中")


def _later_item_of_parts(
    prior: str, earlier: _Where, catalogue: Catalogue, report: _Report
) -> bool:
    """Whether a clause with no channel of its own is a later item of a 其中 list after the
    figure of the channel its sentence names (…网站主动公开政府文件5件，其中人事类信息1条，其他主动
    公开4条): a part of that figure, not the channel's. Not when the channel is named after
    the 其中 (其中民生类信息占比超50%，街道微信公众号…发布文章461篇) or the list names one of its
    own."""
    tail = re.split(r"[；;]", prior)[-1]
    at = max((m.start() for m in _PARTS_OPENING.finditer(tail)), default=-1)
    if at <= 0:
        return False
    head, parts = _nearest(tail[:at], catalogue, report), _nearest(tail[at:], catalogue, report)
    return (
        head is not None
        and head.channel == earlier.channel
        and (parts is None or parts.channel is None)
    )


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
    own = r"涉[\u4e00-\u9fff]{1,4}?"
    if field:
        # (交通行业信息, a 交通运输局's: its field's first word with 行业, 领域…)
        # (司法行政工作信息, a 司法局's)
        own += rf"|{field}类?|{re.escape(field[:2])}(?:行业|领域|工作|相关|行政)(?:工作)?(?:类)?"
        if len(field) == 4:
            # (文旅工作信息, a 文物旅游局's: its field written short, one character of each word)
            own += rf"|{re.escape(field[0] + field[2])}(?:行业|领域|工作|相关)?(?:类)?"
        # (政府交通信息, a 交通运输厅's; 各类环境信息, a 生态环境局's; 市级气象部门政府信息; 与审计
        # 相关的政府信息: a word of its field, with its level or 部门 — all its items)
        pairs = {field[i : i + 2] for i in range(0, len(field) - 1, 2)} | {field[-2:]}
        words = "|".join(re.escape(w) for w in sorted(pairs))
        own += (
            rf"|(?:[省市县区]级)?(?:{words})(?:部门|系统|行业|领域|工作)?(?:相关)?"
            rf"|与(?:{words})(?:工作)?相关的"
        )
        if "环境" in field:
            # (各类环境保护信息, 生态环境保护类信息: an ecology bureau's, by the field's old name)
            own += r"|(?:生态)?环境保护类?"
    # (政府相关信息: the government's information, all of it)
    own += r"|(?<=政府)相关"
    return re.sub(rf"(?:{own})(?=(?:政府|政务)?信息)", "", what)


_ITEM_KINDS = r"(?<!各)(?<!政府)(?<!政务)(?<![布开]公开)类信息|文件|解读|公告|通知|简报|规章"


# 公示工作动态及其他信息46条, 主动公开政策文件及政务信息183条: one kind, then all the others
_AND_THE_REST = r"(?:及|和|以及)其[他它](?:各类)?信息|(?:及|和|以及)(?:政务|政府)信息$"


_COLUMNS_TOGETHER = re.compile(
    r"等(?:[0-9一二三四五六七八九十两]+个)?栏目|各(?:个|大)?栏目|所有栏目|全部栏目"
    r"|[0-9一二三四五六七八九十两]+(?:个|大)栏目|栏目共"
)


_INCLUDED_NOTE = re.compile(r"[(（](?:包含|包括|含)[^()（）]{1,16}[)）]")


def _topic_column(words: str) -> bool:
    """Whether the last 专栏 the words name is a topic's column (安全生产专栏), by its name:
    the words before it back to the site or the verb that opens it."""
    at = words.rfind("专栏")
    if at < 0:
        return False
    if _COLUMN_SET_UP.search(words, 0, at):
        return False
    name = _COLUMN_OPENING.split(words[:at].rstrip('”"」』'))[-1]
    return len(name) >= 2 and not _NOT_A_TOPIC.search(name)


# (在区政府网站开设的“生态环境”专栏: the column the body set up, its own)
_COLUMN_SET_UP = re.compile(r"开设的?[“\"「『]?[^，,。；;]{0,12}$")
_COLUMN_OPENING = re.compile(r"网站|官网|门户网|平台|网|[在于]|通过|依托|[“\"「『]")
_NOT_A_TOPIC = re.compile(
    r"公开|目录|[局委办厅处室]$|街道|[镇乡]$|单位|部门|机构|本级|政府|专题|文件"
    # (门户网站、微信公众号等各类专栏: the ways listed, all of them)
    r"|等(?:各[类种])?$"
)


def _part_reason(
    words: str,
    what: str,
    *,
    new_media: bool = False,
    total: bool = False,
    sentence: str = "",
    rest: str = "",
) -> str | None:
    """Why a publishing figure counts only a part of what went out: one column of a channel
    (通知公告栏目, 部门动态) or one kind of item (政策法规类信息, 通知公告) — not the agency's
    whole column on the government's portal (卫生健康局栏目, 信息公开栏目), nor a list of kinds
    (文件、新闻动态和业务信息等); None when it counts the whole.

    An account's posts are all it published (健康海棠公众号发布…相关资讯206篇: `new_media`);
    a site's or the agency's items must be items in general, and a figure without a channel
    (`total`) lists kinds only with 等 (公开人大建议、政协提案办理结果信息105条 is one kind)."""
    # 所有政府信息(包含非公文类信息)的主动公开数: what the count takes in, in brackets — no kind
    words, what = (_INCLUDED_NOTE.sub("", w) for w in (words, what))
    # 行业要闻和各地动态等栏目, 12个栏目, 五大栏目(…动态…): the site's columns together, its whole
    if _COLUMNS_TOGETHER.search(words):
        return None
    # (海洋乡“政府信息公开”栏目: the body's disclosure column, its name in quotes)
    # (在部门集约栏目、微信公众号、南方+号等平台: a column among the ways listed, all of them)
    if (
        re.search(r"栏目", words)
        and not re.search(r"(?:局|委|厅|办|中心|信息公开|政务公开)[”\"」]?栏目|专栏", words)
        and not re.search(r"栏目[、和及][^，,。；;]*等(?:平台|渠道|载体|途径)", words)
    ):
        return "part of a channel"
    # (工程招投标领域专栏, 财政信息专栏, “养老服务”专栏: a topic's column, a part — not the
    # disclosure column (政府信息公开专栏, 目录专栏), a body's own (市民政局专栏, 本单位信息专栏)
    # nor a documents column, whose figure is the documents')
    # (通过区政府门户网站、区政府“两区”建设专栏、…微信公众号等平台公开各类信息1176条: a topic's
    # column among the ways listed, all of them)
    if _topic_column(words) and not (_LISTED_WAYS.search(words) and re.search("[、和及与]", words)):
        return "part of a channel"
    # (76个专题专栏公开4.27万余条, “两化”专题发布11.7万条: the thematic columns, a part — no
    # label takes one as all)
    if re.search(r"专题(?:专栏|栏目)|专题(?=(?:发布|公开|更新))|专题\s*$", words):
        return "part of a channel"
    # (公益事业基本医疗卫生领域发布信息23条: one field's items — not 围绕…等重点领域, the
    # subject matter of all of them)
    # (基层“两化”领域集中发布8991条: the field's, all at once)
    # (“淮安体育”公众号动态信息更新926条: an account's news are all its posts)
    if (
        # (累计发布公开类信息8300余条: the class of all that is published, every kind)
        re.search(r"(?<![各公])类信息", words)
        # (以规范性文件、政策解读、工作动态等形式主动公开…各类政务信息100余条: every kind)
        # (主动公开单位概况、工作动态、政策法规…等需要公开的政府信息: news among kinds listed 等)
        or (
            not new_media
            and "动态" in words
            and not re.search(r"等[^，,。；;]{0,60}各[类种项]", words + what)
            and not re.search(
                r"(?:、[^，,。；;]{0,30}动态|动态[^，,。；;]{0,30}、)[^，,。；;]{0,40}等",
                words + what,
            )
        )
        or (re.search(r"领域(?:集中|统一)?$", words) and not re.search(r"围绕|等|多个|各", words))
    ):
        return "part of a channel"
    # 重点公开…等重要信息71条: the chosen part — not 围绕…等重点领域公开政府信息 (the subject
    # matter of all of it) nor 公开重点工作、发展规划…等信息 (a list of every kind)
    # (我镇围绕年度政务公开工作重点发布各类信息: the year's key work, what all of it was about)
    # (共发布包括食品、药品、特种设备信息等重点领域信息在内的各类信息516条: all of them, those
    # fields among them)
    if re.search(r"包括[^，,。；;]+在内的各[类种项](?:政府|政务)?信息\s*$", what):
        return None
    # (主动公开应急管理和安全生产相关信息588条: all that concerns the agency's field — the labels
    # take it as the total, 2 of 2)
    # (not 公开“政策汇编”、“创建信息”相关信息: kinds listed; nor 疫情防控相关信息, a topic's;
    # nor after the sentence's count of all its items: 公开政府各类信息223条，…累计公开惠民惠农
    # 补贴资金发放相关信息68条, a part)
    if re.search(
        r"^(?:主动)?(?:公开|发布)(?![^，,。；;0-9]*(?:疫情|、|“|\"))[^，,。；;0-9]{2,16}"
        r"相关(?:政府|政务)?信息\s*$",
        what,
    ) and not re.search(r"信息\s*[0-9]+\s*[条篇件]", sentence[: max(sentence.find(what), 0)]):
        return None
    about = re.search(r"围绕[^，,。；;]*重点", words + what)
    # (主动公开稳岗就业、社会救助…等重点领域信息657条, 重点领域等各类信息62条: the key fields'
    # items, listed — a part the labels leave out, 8 times to 2)
    fields = re.search(
        # (not …等重点领域信息共计101条: counted all together, the labels take it as the total)
        r"等重点领域(?:的[^，,。；;]{0,6})?(?:公开)?信息$"
        # (not 发布机构职能、…、重点领域等各类信息1060条: the last of the kinds listed, all of them)
        r"|(?<![、，,])重点领域[”\"]?等各类信息$",
        what,
    )
    if not about and (
        # (not 区重点工程处共发布211条, a body named for its key projects)
        re.search(
            r"(?<!等)重点(?![^，,。；;]{0,4}(?:处|局|中心|指挥部|办公室)(?:共计?|全年|累计)?$)"
            r"[^，,。；;]{0,6}$",
            words,
        )
        or (re.search(r"重点", what) and not re.search(r"等[^、，,]{0,12}$", what))
        or fields
    ):
        return "part (one kind of item)"
    # (公开县政府文件39件，…，公开其他各类信息16057条: the kinds not named before, a part)
    # (公开预警发布、人事任免…等其余信息29项: the rest of them, the same)
    if re.search(
        r"其[他它]各[类种项](?:政府|政务)?信息|其余(?:各[类种项])?(?:政府|政务)?信息", what
    ):
        return "part (one kind of item)"
    # (…；公开年度报告1条，其他主动公开信息1条: the other kinds, the same; and 政策信息1条、
    # 法定主动公开信息10条, the statutory kind — not 各类政府法定主动公开信息, all of it,
    # nor 法定主动公开信息141条，其中决策公开16条…, the whole its parts follow, nor 发布政策文件、
    # …等法定主动公开信息46649条 with no channel, the kinds listed as all of them)
    if (
        re.search(
            r"(?:其[他它](?:各[类种项])?|(?<!各类)(?<!政府)法定)主动公开的?(?:政府|政务)?信息$",
            words + what,
        )
        and not re.match(r"[^，,。；;]{0,2}[，,：:]\s*其中", rest)
        and not (total and re.search(r"等法定", words + what))
    ):
        return "part (one kind of item)"
    # 工作动态和各类政府信息660条: all of them (发布或更新各类动态信息: all kinds of news, all
    # of them too — not 教育各类动态信息, one field's news)
    # (公开各类文件、信息37条: documents and information of every kind, all of it)
    if re.search(
        r"各[类种项](?:[^，,。；;0-9]{1,8}[、和及与])?(?:政府|政务|工作)?信息"
        r"|(?:^|发布|更新|公开|共|和|或)各[类种项]动态信息",
        what,
    ):
        return None
    # 预算决算公开2条, 人事任免发布3条: one kind of item named before the verb, none after it
    if re.fullmatch(r"(?:发布|公开|公布|更新|推送)?(?:了)?\s*", what) and re.search(
        # (部门会议公开5条: the meetings' items; 双随机一公开5条: the inspections' results)
        r"(?:预算|决算|预决算|人事任免|政府采购|招聘|招考|招标|会议|双随[机意]一)(?:信息)?(?:类)?\s*$",
        words,
    ):
        return "part (one kind of item)"
    # (…类别主要有:领导职能1条…;政务服务信息公开3条: one kind of item in a list of kinds,
    # named before the verb — not 政府信息公开3条, all of them)
    listed_kind = re.search(r"(?:^|[；;：:])\s*(?P<kind>[\u4e00-\u9fff]{2,10}信息)\s*$", words)
    if (
        re.fullmatch(r"公开\s*", what)
        and listed_kind
        and not _GENERAL_ITEMS.search(listed_kind["kind"])
        # (not a channel's or a body's: 网站信息公开, 我办全年信息公开)
        and not re.search(
            r"各[类种项]|(?:政府|政务)信息$|网|号|博|台|[办局委室府处]|年|全", listed_kind["kind"]
        )
    ):
        return "part (one kind of item)"
    # 公开政策文件、通知公告类信息126条: kinds named, of one class (…类信息), with no 等 — a part
    if (
        re.search(r"、[^、，,]{1,10}(?<![各他它府务])类(?:政府|政务)?信息\s*$", what)
        and "等" not in what
    ):
        return "part (one kind of item)"
    # 文件、新闻动态和业务信息等: all kinds
    # (机构职能、政策法规共计32条: kinds listed, then said to be counted together — not
    # 其他法定信息、政策文件共30条, the other kinds beside the main ones)
    # (公示工作动态及其他信息46条: one kind and all others, on a channel too)
    listed = re.search(
        rf"等[^、，,]{{0,12}}$|{_AND_THE_REST}"
        if total
        else rf"等[^、，,]{{0,12}}$|、|{_AND_THE_REST}",
        what,
    ) or (
        total
        and re.search(r"、[^、，,]{1,12}(?:共计|合计|总计|共)\s*$", what)
        and not re.search(r"其[他它]", what)
    )
    # 发布市政府及政府办文件及解读信息66条: kinds of item
    # (an account's 动态信息 are its posts: 在船山公安微信公众号公布动态信息332条; a site's are
    # told apart below, `_SITE_NEWS`; with no channel named, 动态 is one kind of the total's)
    kinds = _ITEM_KINDS if new_media or not total else r"动态|" + _ITEM_KINDS
    # (通过政府网站主动公开类信息9条: the class of all it published proactively — not 会议公开类
    # 信息, nor 公开类信息77条 after a total: one kind)
    every_kind = words.endswith("主动") and re.match(r"公开类(?:政府|政务)?信息", what)
    if re.search(kinds, what) and not listed and not every_kind:
        return "part (one kind of item)"
    # 发布法定主动公开内容1条, 发布通知公告20条: what was published is one kind of item unless
    # the words say items in general (信息, 稿件, 图文…)
    general = _ITEMS if new_media else _GENERAL_ITEMS
    # 通过区政府网站发布动态信息5条: a site's news, named by its site — the site's figure
    # (not after 其中, nor beside other kinds published on it: 发布工作动态信息165条…；发布法定
    # 主动公开内容1条)
    news = (
        not total
        and _SITE_NEWS.search(what)
        and "其中" not in words + sentence
        and not any(not _CHANNEL_WORD.search(m[0]) for m in _PUBLISHED_COUNT.finditer(rest))
    )
    if what.strip() and not listed and not general.search(what) and not news:
        # 公开信息累计主动公开政府信息3条: the verb said twice, items in general each time
        again = [x for x in re.split(r"(?=发布|公开|公布)", what) if x.strip()]
        if len(again) < 2 or not all(general.search(x) for x in again):
            return "part (one kind of item)"
    return None


def _one_media_level(words: str, sentence: str) -> bool:
    """Whether a media figure is one level's of several its full sentence gives (国家级媒体发稿
    17篇，省级媒体发稿104篇…): parts of the whole, where 市级及以上媒体 alone is the figure."""
    # (县级及县级以上媒体: that level and all above it, the whole)
    if not _MEDIA_LEVEL.search(words) or re.search(r"级及[^，,。；;]{0,3}以上", words):
        return False
    return len({m[1] for m in _MEDIA_LEVEL.finditer(sentence)}) > 1
