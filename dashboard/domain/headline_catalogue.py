"""The overview's key figures (`data/catalogue/headlines.toml`), checked against the catalogue.

The file is a priority list: each `[[headline]]` names a metric, optionally narrowed to a channel
or a category, most wanted first; `max_cards` caps how many cards the overview shows. Which of
them an agency gets is chosen from its own figures (`dashboard.analytics.headlines`). The file is
read through a pydantic model that forbids unknown keys, and every name is looked up in the
metric catalogue on load: a headline naming an unknown metric, channel or category stops the
program at start-up with the file and the key, instead of a KeyError when the overview is drawn.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.config_files import read_toml, shown_path, validated
from dashboard.paths import CATALOGUE_DIR

HEADLINES_FILE = CATALOGUE_DIR / "headlines.toml"


def _catalogue(info: ValidationInfo) -> Catalogue:
    return info.context["catalogue"]


class Headline(BaseModel):
    """One key figure: a short card label (zh/en) and the figure it shows."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str
    en: str
    metric: str
    channel: str | None = None
    category: str | None = None

    # Field validators (not one model validator) so that an error names the key it is about.
    @field_validator("metric")
    @classmethod
    def _known_metric(cls, metric: str, info: ValidationInfo) -> str:
        if info.context is not None and metric not in _catalogue(info).metrics:
            raise ValueError(f"unknown metric {metric!r}")
        return metric

    @field_validator("channel")
    @classmethod
    def _known_channel(cls, channel: str | None, info: ValidationInfo) -> str | None:
        if info.context is None or channel is None:
            return channel
        catalogue = _catalogue(info)
        if channel not in catalogue.channels:
            raise ValueError(f"unknown channel {channel!r}")
        metric = catalogue.metrics.get(info.data.get("metric", ""))
        if metric is not None and metric.channel == "none":
            raise ValueError(f"metric {metric.id} has no channel, but {channel!r} is given")
        return channel

    @field_validator("category")
    @classmethod
    def _known_category(cls, category: str | None, info: ValidationInfo) -> str | None:
        if info.context is None or category is None:
            return category
        catalogue = _catalogue(info)
        metric = catalogue.metrics.get(info.data.get("metric", ""))
        if metric is None:  # the metric's own error is reported
            return category
        if metric.category == "none":
            raise ValueError(f"metric {metric.id} has no category, but {category!r} is given")
        vocabulary = catalogue.vocabularies.get(metric.category)
        if vocabulary is not None and category not in vocabulary.terms:
            raise ValueError(f"unknown category {category!r} of vocabulary {metric.category!r}")
        return category


DEFAULT_MAX_CARDS = 8  # two rows of four: more is not read at a glance


class HeadlinesFile(BaseModel):
    """The whole file: the cap on cards shown, and the headlines in priority order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_cards: int = Field(default=DEFAULT_MAX_CARDS, ge=1, le=24)
    headline: tuple[Headline, ...]


def load_headline_file(catalogue: Catalogue, path: Path = HEADLINES_FILE) -> HeadlinesFile:
    """Read the file and check each name against `catalogue`; raises ConfigError naming the file
    and the key (`headline[3].metric`)."""
    return validated(
        HeadlinesFile, read_toml(path), shown_path(path), context={"catalogue": catalogue}
    )


def load_headlines(catalogue: Catalogue, path: Path = HEADLINES_FILE) -> tuple[Headline, ...]:
    """The headlines of a file, in priority order (see `load_headline_file`)."""
    return load_headline_file(catalogue, path).headline


@cache
def headline_file() -> HeadlinesFile:
    """The project's headlines file, checked against the project's catalogue, read once."""
    return load_headline_file(default_catalogue())


def headlines() -> tuple[Headline, ...]:
    """The project's headlines, in priority order."""
    return headline_file().headline


def max_cards() -> int:
    """How many key-figure cards the overview shows at most."""
    return headline_file().max_cards
