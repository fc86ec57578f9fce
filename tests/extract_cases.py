"""What the rule tests of extract_figures read of a made-up report: the figures taken (each
checked to quote the text exactly) and the reasons of the numbers left out."""

from __future__ import annotations

from dashboard.domain.catalogue import Catalogue
from dashboard.extract.figures import extract_figures

Row = tuple[str, str | None, str | None, float]


def taken(text: str, catalogue: Catalogue, agency: str = "某局", year: int = 2022) -> set[Row]:
    """(metric, channel, category, value) of every figure found in `text` (year 2022 unless
    given)."""
    found = extract_figures(text, catalogue, agency=agency, year=year)
    for fact in found.facts:
        assert text[fact.start : fact.end] == fact.quote
    return {(f.metric, f.channel, f.category, f.value) for f in found.facts}


def left_out(
    text: str, catalogue: Catalogue, year: int = 2022, agency: str = "某局"
) -> dict[str, str]:
    """Each number left out of `text`, with its reason."""
    found = extract_figures(text, catalogue, agency=agency, year=year)
    return {s.number: s.reason for s in found.skipped}
