"""Hostile text for the "user text is text" tests: names, notes and channels that would become a
remote image, a link, an autolink, Plotly markup or a spreadsheet formula if shown as markup.

Every address points at `OTHER_HOST` (127.0.0.2, another host as far as the browser is
concerned, yet on this machine: nothing leaves it). `unsafe_markdown` says what in a Markdown
source would still turn into a link, image or HTML.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

import polars as pl

from components.text import WORD_JOINER
from dashboard.domain.catalogue import Catalogue
from dashboard.ingest.validate import validate_file
from tests.factories import stored_frame

OTHER_HOST = "127.0.0.2"


def payloads(port: int = 9) -> dict[str, str]:
    """Each kind of hostile text, pointing at OTHER_HOST:port."""
    h = f"http://{OTHER_HOST}:{port}"
    return {
        "image": f"![b]({h}/beacon.png)",
        "link": f"[点此登录]({h}/login)",
        "bare_url": f"{h}/x",
        "www": "www.example.com",
        "email": "a@example.org",
        "html_link": f'<a href="{h}/a">x</a>',
        "html_image": f"<img src={h}/i.png>",
        "formula": f'=HYPERLINK("{h}","x")',
    }


def agency(port: int = 9) -> str:
    """One agency name holding every payload (the formula first: a cell that starts with =)."""
    p = payloads(port)
    return " ".join(p[k] for k in ("formula", "image", "link", "bare_url", "www", "html_link"))


def deck_name(port: int = 9) -> str:
    """A meeting-deck name (at most 100 characters) that is an image, a link and an autolink."""
    p = payloads(port)
    return f"{p['image']}{p['link']} www.example.com"


def rows(port: int = 9) -> list[tuple[object, ...]]:
    """Upload rows for two years of `agency(port)`: hostile channels (unknown channels are kept as
    written), categories, recipients and notes, on every page's figures."""
    p = payloads(port)
    a = agency(port)
    notes = list(p.values())
    out: list[tuple[object, ...]] = []
    for year, scale in ((2020, 1), (2021, 2)):
        note = iter(notes * 4)
        out += [
            (year, a, "发布信息条数", "政府门户网站", None, f"{400 * scale}余", next(note)),
            (year, a, "发布信息条数", "微博", None, 300 * scale, next(note)),
            (year, a, "发布信息条数", "部门网站", p["html_link"], 20 * scale, next(note)),
            (year, a, "发布信息条数", "部门网站", p["image"], 30 * scale, next(note)),
            (year, a, "发布信息条数", "部门网站", p["bare_url"], 10 * scale, next(note)),
        ]
        for index, key in enumerate(("html_link", "html_image", "link", "formula", "www")):
            out.append((year, a, "发布信息条数", p[key], None, 50 * scale + index, next(note)))
        out += [
            (year, a, "热线受理件数", "12345", None, 100 * scale, next(note)),
            (year, a, "热线办结率", "12345", None, "98%", next(note)),
            (year, a, "招聘公告条数", p["html_image"], None, 3 * scale, next(note)),
            (year, a, "报送信息篇数", None, p["html_link"], 30 * scale, next(note)),
            (year, a, "录用信息篇数", None, p["html_link"], 16 * scale, next(note)),
            (year, a, "新收申请数", None, None, 6 * scale, next(note)),
            (year, a, "予以公开", None, None, 5 * scale, next(note)),
            (year, a, "办理结果总计", None, None, 6 * scale, next(note)),
            (year, a, "专题会议次数", None, None, 2, p["image"] + " " + p["email"]),
        ]
    return out


HEADER = ("年度", "单位", "指标", "渠道", "类别", "数值", "备注")


def csv_bytes(port: int = 9) -> bytes:
    """`rows(port)` as an upload CSV (UTF-8, quoted where the text needs it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(["" if v is None else v for v in row] for row in rows(port))
    return buffer.getvalue().encode("utf-8")


# ── checks ──────────────────────────────────────────────────────────────────────────────────

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# What remark-gfm autolinks in the text after escapes are resolved (its own expressions).
_AUTOLINK = re.compile(r"(?i)https?://|www\.|[-.\w+]@[-\w]+\.\w|mailto:\w|:[\w+-]+:")
# Markdown constructs that survive in the source when not escaped.
_SYNTAX = re.compile(r"(?<!\\)(?:!\[|\]\(|<[a-zA-Z/!]|&[#\w]+;)")


def shown(markdown: str) -> str:
    """What CommonMark shows for text without markup: escapes resolved, word joiners invisible."""
    return _ESCAPE.sub(r"\1", markdown).replace(WORD_JOINER, "")


def unsafe_markdown(markdown: str) -> list[str]:
    """The pieces of a Markdown source that would become a link, image, HTML or autolink."""
    resolved = _ESCAPE.sub(r"\1", markdown)  # joiners kept: they are what breaks autolinks
    return _SYNTAX.findall(markdown) + _AUTOLINK.findall(resolved)


def strings(node: Any) -> Iterator[str]:
    """Every string in a JSON-like structure (a Plotly figure's dict)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from strings(value)


PLOTLY_MARKUP = re.compile(r"(?i)<\s*(?:a|img|b|i|br|span|sup|sub|em|strong|script|svg)\b")


def plotly_markup(figure_json: str) -> list[str]:
    """Strings of a Plotly figure (as JSON) that Plotly would draw as markup."""
    return [s for s in strings(json.loads(figure_json)) if PLOTLY_MARKUP.search(s)]


def facts(catalogue: Catalogue) -> pl.DataFrame:
    """`rows()` as the store returns current facts, for figure builders and slides."""
    report = validate_file(csv_bytes(), "hostile.csv", catalogue)
    assert report.ok, report.errors
    found = [f for d in report.datasets for f in d.facts]
    return stored_frame(found)
