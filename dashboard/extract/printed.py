"""Text in the lines it was printed in: a PDF's pages, or text copied out of one (a .txt, a paste).

A sentence goes on over a printed line's end (发布信息 / 7435条, 其中， / 门户网站, 网站(http:// /
www…)). A line is taken to go on into the next when it is full — it runs to the right margin —
and does not end a sentence: a heading, the short last line of a paragraph or a line ending in 。
keeps its break, and so do table rows (two numbers or more at a line's end, or a unit and a
number), left as laid out for the table reader. In a PDF a line's fullness is where it ends on
its page; in copied text, whether it is about as wide as the widest line.

A printed page also carries page numbers and a running header or footer (the title, 第 3 页 on
each page): they are not the report's text, and they do not part a table from its continuation
on the next page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

_WRAP_END = re.compile(r"[^\s。！？!?…]$")
_WRAP_START = re.compile(r"^(?![一二三四五六七八九十]{1,3}、)[^\s\x00]")  # not a heading
# (条 1234: a unit and its number closing a row of the statistics table before 2019)
_TABLE_ROW = re.compile(
    r"(?:\s[0-9][0-9,.]*%?){2,}\s*$|^\s*[0-9][0-9,.]*\s+[0-9]"
    r"|\s[\u4e00-\u9fff]{1,2}\s+[0-9][0-9,.]*\s*$"
)
_FULL_LINE = 0.85  # of the widest line's width, for text without positions
_MIN_WIDTH = 20  # half-width columns: a text whose widest line is narrower has no running text
# A full line ends this many characters short of the margin at most: Chinese line breaking keeps
# 。 and ， off a line's start, carrying the character before them over with them.
_SHORT_OF_MARGIN = 2.5
# A page narrower than this many characters (a cover, a page of a few words) has no margin to
# run to: none of its lines is full.
_MIN_EMS = 20
# A page number, alone on its line.
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–·]?\s*\d{1,4}\s*[-—–·]?|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$",
    re.I,
)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class PrintedLine:
    text: str
    full: bool  # it runs to the right margin: its sentence may go on in the next line


def _width(line: str) -> int:
    """A line's printed width in half-width columns (a Chinese character is two)."""
    return sum(2 if ord(char) >= 0x2E80 else 1 for char in line)


def runs_on(line: PrintedLine, following: str) -> bool:
    """Whether a printed line's sentence goes on in the next line."""
    return bool(
        line.full
        and _WRAP_END.search(line.text.rstrip())
        and _WRAP_START.match(following)
        and not _TABLE_ROW.search(line.text)
        and not _TABLE_ROW.search(following)
    )


def joined(lines: Sequence[PrintedLine]) -> str:
    """The lines as text, a line that runs on joined to the next."""
    out: list[str] = []
    for at, line in enumerate(lines):
        out.append(line.text)
        if at + 1 < len(lines):
            out.append("" if runs_on(line, lines[at + 1].text) else "\n")
    return "".join(out)


def by_width(text: str, full_lines: int = 1) -> list[PrintedLine]:
    """A text's lines, full when about as wide as its widest; none is full when fewer than
    `full_lines` are (a page's text, a paragraph a line, has one widest paragraph) or when the
    widest is narrow."""
    lines = text.split("\n")
    widths = [_width(line.rstrip()) for line in lines]
    widest = max(widths, default=0)
    full = [widest >= _MIN_WIDTH and w >= _FULL_LINE * widest for w in widths]
    if sum(full) < full_lines:
        full = [False] * len(lines)
    return [PrintedLine(line, f) for line, f in zip(lines, full, strict=True)]


def join_wrapped_lines(text: str, full_lines: int = 1) -> str:
    """A text of printed lines whose positions are unknown with the line breaks inside sentences
    taken out (see `by_width`)."""
    return joined(by_width(text, full_lines))


def by_position(
    lines: Sequence[dict[str, Any]], page: Sequence[dict[str, Any]]
) -> list[PrintedLine]:
    """pdfplumber's text lines (`text`, `x0`, `x1`, `top`, `bottom`) as printed lines: full when
    they end near the page's right margin (the right end of its widest `page` line; see
    _SHORT_OF_MARGIN), whatever the width of their characters."""
    if not lines:
        return []
    em = median(line["bottom"] - line["top"] for line in page)
    left = min(line["x0"] for line in page)
    right = max(line["x1"] for line in page)
    wide = right - left >= _MIN_EMS * em
    return [
        PrintedLine(line["text"], wide and line["x1"] >= right - _SHORT_OF_MARGIN * em)
        for line in lines
    ]


# ── page furniture ──────────────────────────────────────────────────────────────────────────


def _digits_as_one(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()))


def is_page_furniture(lines: Sequence[str], running: frozenset[str] = frozenset()) -> bool:
    """Whether lines of a page hold nothing but page numbers and the running header's or
    footer's lines (or nothing)."""
    return all(
        _PAGE_NUMBER.match(line) or _digits_as_one(line) in running
        for line in lines
        if line.strip()
    )


def running_lines(pages: Sequence[Sequence[str]]) -> frozenset[str]:
    """The lines printed at the head or the foot of two pages or more (each page its lines): a
    running header or footer (the report's title, 第 3 页), its numbers taken as one."""
    seen: dict[str, int] = {}
    for page in pages:
        lines = [line for line in page if line.strip()]
        for line in {lines[0], lines[-1]} if lines else set():
            key = _digits_as_one(line)
            seen[key] = seen.get(key, 0) + 1
    return frozenset(line for line, count in seen.items() if count >= 2)


def trimmed(
    lines: list[PrintedLine], running: frozenset[str], *, head: bool, foot: bool
) -> list[PrintedLine]:
    """A page's lines without the page numbers and running lines at its head or foot."""
    lines = list(lines)
    for end in [0] * head + [-1] * foot:
        while lines and is_page_furniture([lines[end].text], running):
            lines.pop(end)
    return lines
