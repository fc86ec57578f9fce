"""What the validator read a cell as, when the file did not say it in the catalogue's words.

A channel cell recognised by a rule of data/catalogue/channels.toml (`“平安某某”官方微博` →
微博) is not a problem, but staff should see it before they save: the validation report lists
each such reading as a `ChannelMapping`. Like a `Problem` it holds data only — the channel as an
id — and the formatting layer (`dashboard/i18n/mappings.py`) words it in Chinese or English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ChannelMapping:
    """One channel name read by rule: where it is, as written, and the channel id it became."""

    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str  # the header as written in the file, or the template's header
    written: str  # the cell as typed
    channel: str  # the catalogue's channel id

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "written": self.written,
            "channel": self.channel,
        }
