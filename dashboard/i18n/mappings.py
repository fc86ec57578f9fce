"""The words of a channel mapping: the report's line `第 9 行：“平安某某”官方微博 → 微博`, and its
JSON record in `validate --json` / `import --json` (`"mappings"`)."""

from __future__ import annotations

from typing import Any

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.mappings import ChannelMapping
from dashboard.i18n.messages import DEFAULT_LANG, t


def mapping_line(
    mapping: ChannelMapping, lang: str = DEFAULT_LANG, catalogue: Catalogue | None = None
) -> str:
    """`第 9 行：“平安某某”官方微博 → 微博`: a channel as written and the channel it became."""
    catalogue = catalogue or default_catalogue()
    return t(
        "mapping.line",
        lang,
        row=mapping.row,
        written=mapping.written,
        channel=catalogue.channel_name(mapping.channel, lang),
    )


def mapping_record(
    mapping: ChannelMapping, lang: str = DEFAULT_LANG, catalogue: Catalogue | None = None
) -> dict[str, Any]:
    """The JSON shape of one mapping: row, column, written, channel (id), name and message."""
    catalogue = catalogue or default_catalogue()
    return {
        **mapping.to_dict(),
        "name": catalogue.channel_name(mapping.channel, lang),
        "message": mapping_line(mapping, lang, catalogue),
    }
