"""The overview's key figures (`data/catalogue/headlines.toml`), checked against the catalogue.

Each `[[headline]]` names a metric, optionally narrowed to a channel or a category. The file is
read through a pydantic model that forbids unknown keys, and every name is looked up in the
metric catalogue on load: a headline naming an unknown metric, channel or category stops the
program at start-up with the file and the key, instead of a KeyError when the overview is drawn.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

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


class HeadlinesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    headline: tuple[Headline, ...]


def load_headlines(catalogue: Catalogue, path: Path = HEADLINES_FILE) -> tuple[Headline, ...]:
    """Read the headlines and check each name against `catalogue`; raises ConfigError naming
    the file and the key (`headline[3].metric`)."""
    parsed = validated(
        HeadlinesFile, read_toml(path), shown_path(path), context={"catalogue": catalogue}
    )
    return parsed.headline


@cache
def headlines() -> tuple[Headline, ...]:
    """The project's headlines, checked against the project's catalogue, read once per process."""
    return load_headlines(default_catalogue())
