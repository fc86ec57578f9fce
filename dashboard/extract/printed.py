"""Text in the lines it was printed in: a PDF's pages, or text copied out of one (a .txt, a paste).

A sentence goes on over a printed line's end (发布信息 / 7435条, 其中， / 门户网站, 网站(http:// /
www…)). A line goes on into the next when it ends near the right margin, or when the next line's
first piece did not fit at its end — a character with the punctuation that may not start a line
(条。), or a number or Latin word, which are not broken — and the line does not end a sentence
and the next does not start a heading or a list's item: a heading, the short last line of
a paragraph or a line ending in 。 keeps its break, and so do table rows (two numbers or more at
a line's end, or a unit and a number), left as laid out for the table reader. In a PDF the
room left at a line's end and the width of the next line's first piece are measured on the
page; in copied text, a line about as wide as the widest has no room left.

A printed page also carries page numbers and a running header or footer (the title, 第 3 页 on
each page): they are not the report's text, and they do not part a table from its continuation
on the next page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

# A heading's or a list item's marker: 二、 （三） 1. 2、 (not 1.2, a number).
ITEM_MARKER = (
    r"(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}\s*[.．、](?!\d))"
)
_WRAP_END = re.compile(r"[^\s。！？!?…]$")
_WRAP_START = re.compile(rf"^(?!{ITEM_MARKER})[^\s\x00]")  # (not a heading or an item)
# (条 1234: a unit and its number closing a row of the statistics table before 2019)
_TABLE_ROW = re.compile(
    r"(?:\s[0-9][0-9,.]*%?){2,}\s*$|^\s*[0-9][0-9,.]*\s+[0-9]"
    r"|\s[\u4e00-\u9fff]{1,2}\s+[0-9][0-9,.]*\s*$"
)
_FULL_LINE = 0.85  # of the widest line's width, for text without positions
_MIN_WIDTH = 20  # half-width columns: a text whose widest line is narrower has no running text
# Room at a line's end less than this part of a character is none (rounding, the small space
# set between Chinese and Latin characters).
_SLACK = 0.3
# A line ending in this last part of the text's width has no room left: as for text without
# positions (_FULL_LINE), what a renderer leaves at a line's end cannot all be measured.
_NEAR_MARGIN = 1 - _FULL_LINE
# A page whose widest line holds fewer half-width columns than this (a list of short items, a
# few words) has no running text: none of its lines goes on. (Counted in characters, not in
# points: a title or a page set in a large font has few characters to a line.)
_MIN_PAGE_WIDTH = 24
# The first piece of a line that cannot be broken: a run of digits or Latin letters (with what
# goes inside a number or an address), else one character; either with the punctuation that may
# not start a line after it.
_PIECE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,:/%_\-@?=&#~+]*|.")
_NO_LINE_START = frozenset("，。、；：！？,.;:!?）)」』”’》〉】…%")
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
    room: float = math.inf  # the space left at its end, before the right margin
    lead: float = 0.0  # the width of its first piece, which did not fit on the line before

    @property
    def full(self) -> bool:
        return self.room < 0


FULL = -1.0  # the room of a line as wide as the page's widest (text without positions)


def is_wide(char: str) -> bool:
    """Whether a character is printed full width (Chinese, full-width punctuation)."""
    return ord(char) >= 0x2E80


def _width(line: str) -> int:
    """A line's printed width in half-width columns (a Chinese character is two)."""
    return sum(2 if is_wide(char) else 1 for char in line)


def runs_on(line: PrintedLine, following: PrintedLine) -> bool:
    """Whether a printed line's sentence goes on in the next line."""
    return bool(
        following.lead > line.room
        and _WRAP_END.search(line.text.rstrip())
        and _WRAP_START.match(following.text)
        and not _TABLE_ROW.search(line.text)
        and not _TABLE_ROW.search(following.text)
    )


def joined(lines: Sequence[PrintedLine]) -> str:
    """The lines as text, a line that runs on joined to the next."""
    out: list[str] = []
    for at, line in enumerate(lines):
        out.append(line.text)
        if at + 1 < len(lines):
            out.append("" if runs_on(line, lines[at + 1]) else "\n")
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
    return [PrintedLine(line, FULL if f else math.inf) for line, f in zip(lines, full, strict=True)]


def join_wrapped_lines(text: str, full_lines: int = 1) -> str:
    """A text of printed lines whose positions are unknown with the line breaks inside sentences
    taken out (see `by_width`)."""
    return joined(by_width(text, full_lines))


def by_position(
    lines: Sequence[dict[str, Any]], page: Sequence[dict[str, Any]], margin: float | None = None
) -> list[PrintedLine]:
    """pdfplumber's text lines (`text`, `x0`, `x1`, `top`, `bottom`, `chars`) as printed lines:
    the room left at each one's end before the page's right margin (the right end of its widest
    `page` line, or the document's `margin` where that is further: a last page of a heading and
    a short line has no line as wide as the others'), and the width of its first piece."""
    if not lines:
        return []
    em = median(line["bottom"] - line["top"] for line in page)
    left = min(line["x0"] for line in page)
    right = max(line["x1"] for line in page)
    if margin is not None:
        right = max(right, margin)
    wide = max(_width(line["text"].rstrip()) for line in page) >= _MIN_PAGE_WIDTH
    return [
        PrintedLine(
            line["text"],
            _room(right - line["x1"], right - left, em) if wide else math.inf,
            _lead(line["text"], line.get("chars") or []),
        )
        for line in lines
    ]


def _room(left_over: float, width: float, em: float) -> float:
    """The room at a line's end: none when it ends in the last part of the text's width (where a
    line of a paragraph ends for reasons of setting no one can see: a word kept whole, hanging
    punctuation, a renderer's own rules), else what is left, less a little slack."""
    return FULL if left_over < _NEAR_MARGIN * width else left_over - _SLACK * em


def _lead(text: str, chars: Sequence[dict[str, Any]]) -> float:
    """The printed width of a line's first piece (`_PIECE`), from its characters' positions."""
    glyphs = [c for c in chars if not c["text"].isspace()]
    piece = _PIECE.match(text.lstrip())
    if not glyphs or piece is None:
        return 0.0
    end = min(len(piece.group()), len(glyphs)) - 1
    while end + 1 < len(glyphs) and glyphs[end + 1]["text"] in _NO_LINE_START:
        end += 1
    return float(glyphs[end]["x1"] - glyphs[0]["x0"])


def text_margins(pages: Sequence[tuple[float, Sequence[dict[str, Any]]]]) -> list[float | None]:
    """Each page's right margin as the document sets it: the median right end of the widest
    line of the pages of running text that are as wide as it (a landscape page of a table has
    its own); None where no such page is."""
    ends: dict[int, list[float]] = {}
    for width, lines in pages:
        if lines and max(_width(line["text"].rstrip()) for line in lines) >= _MIN_PAGE_WIDTH:
            ends.setdefault(round(width), []).append(max(line["x1"] for line in lines))
    margins = {width: median(found) for width, found in ends.items()}
    return [margins.get(round(width)) for width, _ in pages]


# ── page furniture ──────────────────────────────────────────────────────────────────────────


def _digits_as_one(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()))


def is_page_furniture(lines: Sequence[str], running: frozenset[str], page: int = 0) -> bool:
    """Whether lines of the `page`-th page hold nothing but the running header's or footer's
    lines and its page number (- 3 - on the third page), or nothing."""
    return all(
        _digits_as_one(line) in running or _numbers(line, page) for line in lines if line.strip()
    )


def _numbers(line: str, page: int) -> bool:
    """Whether a line is the page number of the `page`-th page."""
    return (
        bool(page)
        and _PAGE_NUMBER.match(line) is not None
        and _DIGITS.findall(line)[0] == str(page)
    )


def running_lines(pages: Sequence[Sequence[str]]) -> frozenset[str]:
    """The lines printed at the head or the foot of two pages or more (each page its lines): a
    running header or footer, its numbers taken as one. A page number (- 3 -, 第 3 页, 3) is one
    only where the number changes from page to page: the same 0 at the foot of two pages is a
    table's cell."""
    seen: dict[str, set[str]] = {}
    pages_of: dict[str, int] = {}
    for page in pages:
        lines = [" ".join(line.split()) for line in page if line.strip()]
        for line in {lines[0], lines[-1]} if lines else set():
            key = _digits_as_one(line)
            seen.setdefault(key, set()).add(line)
            pages_of[key] = pages_of.get(key, 0) + 1
    return frozenset(
        key
        for key, count in pages_of.items()
        if count >= 2 and (len(seen[key]) > 1 or not _PAGE_NUMBER.match(key.replace("#", "1")))
    )


def trimmed(
    lines: list[PrintedLine], running: frozenset[str], page: int, *, head: bool, foot: bool
) -> list[PrintedLine]:
    """The `page`-th page's lines without the running lines and page numbers at its head or
    foot."""
    lines = list(lines)
    for end in [0] * head + [-1] * foot:
        while lines and is_page_furniture([lines[end].text], running, page):
            lines.pop(end)
    return lines
