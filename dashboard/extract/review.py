"""Kinds of figure the review table highlights whatever rule read them (data/catalogue/review.toml):
kinds the rules get wrong more than one time in five on the labelled sets. Their confidence is
capped below the table's mark (`LOW_CONFIDENCE`, 0.8), so staff check each one; they are kept
(the issue's "mark it low-confidence so the review table shows it highlighted")."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Protocol

from dashboard.paths import CATALOGUE_DIR

REVIEW_FILE = CATALOGUE_DIR / "review.toml"
ANY_CHANNEL = "*"  # a kind listed without its channel: every channel of the metric


@cache
def doubtful_kinds(path: Path = REVIEW_FILE) -> dict[tuple[str, str | None], float]:
    """(metric, channel) → the confidence its figures are capped at; channel `ANY_CHANNEL`
    when the file lists the metric without one."""
    data = tomllib.loads(path.read_text("utf-8"))
    cap = float(data["confidence"])
    return {(k["metric"], k.get("channel", ANY_CHANNEL)): cap for k in data.get("doubtful", ())}


def review_cap(metric: str, channel: str | None) -> float | None:
    """The cap on a figure's confidence, or None when its kind is not listed."""
    kinds = doubtful_kinds()
    return kinds.get((metric, channel), kinds.get((metric, ANY_CHANNEL)))


class Figure(Protocol):
    metric: str
    channel: str | None
    confidence: float


def cap_doubtful(figures: Iterable[Figure]) -> None:
    """Lower, in place, the confidence of each figure of a listed kind to the kind's cap."""
    for figure in figures:
        cap = review_cap(figure.metric, figure.channel)
        if cap is not None and figure.confidence > cap:
            figure.confidence = cap
