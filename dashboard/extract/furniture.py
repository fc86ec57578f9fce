"""The lines of a web page around a report that are not the report: links to the articles
before and after it, lists of related articles, and the site's name standing alone.

A report saved from its page, or its text copied with the page, carries them: `上一篇：某县水利局
2022年政府信息公开工作年度报告`, a 相关文章 list of the bureau's reports of other years. They name
another body or another year in a report's title's words, and the title finder would take
them for the report's own when the text above them has no title. The lines are blanked, not cut,
so every position (and every quote cut from the text) stays where it was.
"""

from __future__ import annotations

import re

# 上一篇：…, 【下一篇】…, 上一条 …: a link to a neighbouring article, the whole line
_NEIGHBOUR = re.compile(
    r"^[ \t\u3000]*[【\[〔(（]?[ \t\u3000]*"
    r"(?:上一篇|下一篇|上一条|下一条|上一條|下一條|上篇|下篇|前一篇|后一篇|後一篇|上一则|下一则|上一則|下一則)"
    r"(?:文章|信息)?[ \t\u3000]*[】\]〕)）]?[ \t\u3000]*(?:[:：]|$)"
)
# 相关文章 / 相关链接: (the heading of a list of links, alone on its line or before its first
# link); not 相关文件, which a report lists as its own attachments
_RELATED = re.compile(
    r"^[ \t\u3000]*[【\[]?(?:相关(?:文章|链接|阅读|新闻|稿件|推荐)|相關(?:文章|鏈接|閱讀|新聞)|"
    r"推荐阅读|延伸阅读|猜你喜欢|往期回顾|热点推荐|热门文章|最新文章)[】\]]?[ \t\u3000]*(?:[:：]|$)"
)
# 某市人民政府门户网站, 中国某某网: a site's name alone on its line, the page's masthead (the
# report's words say which site a figure went to; a masthead above them would name the portal)
_MASTHEAD = re.compile(
    r"^[ \t\u3000]*[\u4e00-\u9fff]{2,30}?"
    r"(?:门户网站|政府网站|门户网|政府网|政务网|网站|官网)[ \t\u3000]*$"
)
# a link's words: a title, with perhaps its date (no sentence's end, not a paragraph's length)
_LINK_LINE = re.compile(r"^[^。；;！!？?]{1,80}$")
_LINE = re.compile(r"[^\n]*")
# 一、总体情况, （二）: a report's own heading, which ends a list of links above it
_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十0-9]+[)）])"
)
# 标题：, 内容概述：: a page's label before the title it repeats
_LABEL = re.compile(r"^[^:：]{1,6}[:：]")
# a line that is all a report's title (某局2022年政府信息公开工作年度报告, 2021年度报告) or all a
# year (a column of years, 2023年 / 2022年): one of a list when the lines next to it are others
# (a link's date after it: …年度报告 2022-01-20, [2022-01-20])
_TITLE_LINE = re.compile(
    r"^(?=[^\n]*?(?P<year>(?:19|20)[0-9]{2}))"
    r"[ \t\u3000]*(?:[^。；;，,！!？?\n]{0,40}?(?:19|20)[0-9]{2}\s*年度?[^。；;，,！!？?\n]{0,30}?"
    r"(?:报告|報告|年报|年報)|(?:19|20)[0-9]{2}\s*年度?)"
    r"(?:[ \t\u3000]*[\[(（]?(?:19|20)[0-9]{2}[-./][0-9]{1,2}[-./][0-9]{1,2}[\])）]?)?[ \t\u3000]*$"
)


def _listed_titles(lines: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The lines of runs of title (or year) lines of two years, or of three titles: a page's
    list of reports, never the report's own title (which stands alone, or twice)."""
    spans: list[tuple[int, int]] = []
    run: list[tuple[re.Match[str], re.Match[str]]] = []  # (the line, its title)

    def close() -> None:
        # (a page's heading over the text's own title, in other words, is one report: the
        # same year, two lines)
        years = {title["year"] for _, title in run}
        titles = {_LABEL.sub("", re.sub(r"\s", "", title[0])) for _, title in run}
        if len(years) > 1 or len(titles) > 2:
            spans.extend(line.span() for line, _ in run)
        run.clear()

    for line in lines:
        title = _TITLE_LINE.match(line[0])
        if title:
            run.append((line, title))
        else:
            close()
    close()
    return spans


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Where the page's furniture lines stand in `text` (start, end of each line's words)."""
    # (a blank line neither opens nor closes a list)
    lines = [line for line in _LINE.finditer(text) if line[0].strip()]
    spans = _listed_titles(lines)
    in_list = False
    for line in lines:
        words = line[0]
        if _NEIGHBOUR.match(words) or _MASTHEAD.match(words):
            spans.append(line.span())
            in_list = False
        elif _RELATED.match(words):
            spans.append(line.span())
            in_list = True
        elif in_list and _LINK_LINE.match(words.strip()) and not _HEADING.match(words):
            spans.append(line.span())
        else:
            in_list = False
    return sorted(set(spans))


def blank_furniture(text: str) -> str:
    """`text` with its furniture lines set to spaces, every other character where it was."""
    spans = furniture_spans(text)
    if not spans:
        return text
    kept: list[str] = []
    at = 0
    for start, end in spans:
        kept.append(text[at:start])
        kept.append(" " * (end - start))
        at = end
    kept.append(text[at:])
    return "".join(kept)
