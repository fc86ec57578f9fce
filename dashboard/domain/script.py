"""Traditional Chinese script read as simplified: `1875條`, `3.5萬`, `關注人數` → `1875条` …

Some agencies publish their reports in traditional characters, and staff paste figures and names
from them as they are. Everything the upload reads (values, units, qualifier words, metric,
channel and category names) is compared in simplified script, converted with OpenCC's
traditional → simplified table (`t2s`): a maintained, complete character table rather than a
hand-kept list that would miss the next report's characters. Simplified text passes unchanged.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

# A pinyin gloss some mirrors set right after a character (發(fā)布, 本年制發(fā)件數(shù)): no part
# of the text's words.
PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


@cache
def _converter() -> opencc.OpenCC:
    # Built once per process; its tables are read-only, so threads may share it.
    return opencc.OpenCC("t2s")


# Variant forms t2s leaves as they are (陜西 beside 陝西, 衞生 beside 衛生), as the standard
# simplified characters: one agency's name, whichever form its page used.
_VARIANTS = str.maketrans({"陜": "陕", "衞": "卫"})


def to_simplified(text: str) -> str:
    """`text` in simplified script (ASCII and simplified characters are left as they are)."""
    if text.isascii():
        return text
    simple = str(_converter().convert(text)).translate(_VARIANTS)
    # 蔄山镇 → 𬜬山镇: t2s sends a few characters to their newest standard forms, outside the
    # basic plane, which the mainland's own pages do not use and most fonts cannot show — the
    # character stays as written
    if _OUTSIDE_BMP.search(simple):
        simple = "".join(_bmp_simplified(char) for char in text)
    return simple


_OUTSIDE_BMP = re.compile("[\U00010000-\U0010ffff]")


def _bmp_simplified(char: str) -> str:
    """One character in simplified script, unless that form is outside the basic plane."""
    simple = str(_converter().convert(char)).translate(_VARIANTS)
    return char if _OUTSIDE_BMP.search(simple) else simple
