"""The words of an extraction: why a number of a report was left out, in Chinese or English.

The modules of `dashboard/extract/` give each skipped number a `reason` in plain English words
(`"law number"`, `"part (其中)"`): a stable id that `extract --json` prints as it is. People read it
from the catalogue instead: `extract.skip.<key>`, the key being the reason's Latin words joined by
`_` (`law_number`, `part`). A reason without a message (a new rule not yet worded) is shown as
`extract.skip_other` with the id, never as a missing-key error; a test fails for it first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from dashboard.i18n.messages import DEFAULT_LANG, has, t

SKIP_PREFIX = "extract.skip."
_NOT_A_WORD = re.compile(r"[^a-z0-9]+")


def skip_key(reason: str) -> str:
    """The message key of a skip reason: `"doubtful channel (门户网站 of whom?)"` →
    `extract.skip.doubtful_channel_of_whom`."""
    return SKIP_PREFIX + _NOT_A_WORD.sub("_", reason.lower()).strip("_")


def skip_reason_text(reason: str, lang: str = DEFAULT_LANG) -> str:
    """Why a number was left out, in `lang`."""
    key = skip_key(reason)
    if key != SKIP_PREFIX and has(key):
        return t(key, lang)
    return t("extract.skip_other", lang, reason=reason)


def skipped_summary(reasons: Iterable[str], lang: str = DEFAULT_LANG) -> str:
    """The reasons numbers were left out, most frequent first, each with its count
    (`日期 12 个、年份 8 个`)."""
    counted = Counter(reasons)
    parts = [
        t("cli.extract_skip_count", lang, reason=skip_reason_text(reason, lang), count=count)
        for reason, count in sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    ]
    return t("word.list_sep", lang).join(parts)
