"""The metric catalogue, channel vocabulary and category vocabularies (`data/catalogue/`).

They are declared data (TOML), checked on load by pydantic models that forbid unknown keys, so a
typo in the catalogue fails loudly at start-up instead of silently dropping a rule.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from dashboard.paths import CATALOGUE_DIR

Kind = Literal["count", "percent", "amount", "rank"]
Section = Literal["channels", "new_media", "hotline", "recruitment", "requests", "appeals", "work"]
Presence = Literal["required", "optional", "none"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Metric(_Model):
    """One figure the dashboard knows, with how it may be written and checked."""

    id: str
    zh: str
    en: str
    aliases: tuple[str, ...] = ()
    unit: str
    kind: Kind
    section: Section
    channel: Presence
    default_channel: str | None = None
    category: str = "none"  # none | free | name of a vocabulary
    category_label: str | None = None
    rules: tuple[Literal["parts_within_total"], ...] = ()
    description: str = ""

    @property
    def is_percent(self) -> bool:
        return self.kind == "percent"

    @property
    def is_integer(self) -> bool:
        return self.kind in ("count", "rank")

    def name(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


class Channel(_Model):
    """A place where an agency publishes, with the names staff use for it."""

    id: str
    zh: str
    en: str
    kind: Literal["website", "new_media", "hotline", "media", "offline"]
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    def name(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


class Term(_Model):
    zh: str
    en: str
    aliases: tuple[str, ...] = ()


class Vocabulary(_Model):
    """A closed list of categories, such as the applicant columns of table 三."""

    zh: str
    en: str
    total_aliases: tuple[str, ...] = ()
    terms: dict[str, Term]


class NotGreater(_Model):
    kind: Literal["not_greater"]
    left: str
    right: str
    code: str
    severity: Literal["error", "warning"]


class Rate(_Model):
    kind: Literal["rate"]
    rate: str
    numerator: str
    denominator: str
    code: str
    severity: Literal["error", "warning"]


class Sum(_Model):
    kind: Literal["sum"]
    total: str
    parts: tuple[str, ...]
    code: str
    severity: Literal["error", "warning"]


class Balance(_Model):
    kind: Literal["balance"]
    left: tuple[str, ...]
    right: tuple[str, ...]
    code: str
    severity: Literal["error", "warning"]


Relation = Annotated[NotGreater | Rate | Sum | Balance, Field(discriminator="kind")]

_PUNCTUATION = re.compile(r"[\s\"'“”‘’《》〈〉「」『』()（）【】\[\]·・、,，.。:：;；]")


def name_key(text: str) -> str:
    """The form in which names are compared: NFKC, lower case, no spaces, quotes or brackets."""
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", text)).lower()


class Catalogue(_Model):
    """Everything the upload format can name, with look-ups by any accepted spelling."""

    metrics: dict[str, Metric]
    channels: dict[str, Channel]
    vocabularies: dict[str, Vocabulary]
    relations: tuple[Relation, ...] = ()
    _metric_keys: dict[str, Metric] = PrivateAttr(default_factory=dict)
    _channel_keys: dict[str, Channel] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _check_references(self) -> Catalogue:
        for metric in self.metrics.values():
            if metric.category not in ("none", "free") and metric.category not in self.vocabularies:
                raise ValueError(f"metric {metric.id}: unknown vocabulary {metric.category!r}")
            if metric.default_channel and metric.default_channel not in self.channels:
                raise ValueError(f"metric {metric.id}: unknown channel {metric.default_channel!r}")
        for relation in self.relations:
            for name in _relation_metrics(relation):
                if name not in self.metrics:
                    raise ValueError(f"relation {relation.code}: unknown metric {name!r}")
        seen: dict[str, str] = {}
        for metric in self.metrics.values():
            for spelling in (metric.id, metric.zh, metric.en, *metric.aliases):
                key = name_key(spelling)
                if seen.setdefault(key, metric.id) != metric.id:
                    raise ValueError(f"name {spelling!r} is used by {seen[key]} and {metric.id}")
        return self

    # ── look-ups ────────────────────────────────────────────────────────────────────────────

    def find_metric(self, text: str) -> Metric | None:
        """The metric named by an id, Chinese or English name or alias, in any spacing/width."""
        return self._metric_index().get(name_key(text))

    def suggest_metrics(self, text: str, limit: int = 3) -> list[Metric]:
        """Catalogue metrics whose names are closest to an unknown name, best first."""
        index = self._metric_index()
        key = name_key(text)
        close = difflib.get_close_matches(key, list(index), n=limit * 3, cutoff=0.4)
        containing = [k for k in index if key and (key in k or k in key)]
        found: list[Metric] = []
        for k in [*close, *containing]:
            if index[k] not in found:
                found.append(index[k])
        return found[:limit]

    def find_channel(self, text: str) -> Channel | None:
        """The channel meant by a name, alias or matching pattern; None when unknown."""
        key = name_key(text)
        exact = self._channel_index().get(key)
        if exact is not None:
            return exact
        plain = unicodedata.normalize("NFKC", text).strip()
        for channel in self.channels.values():
            if any(re.fullmatch(p, plain) for p in channel.patterns):
                return channel
        return None

    def find_term(self, vocabulary: str, text: str) -> tuple[bool, str | None]:
        """Resolve a category in a closed vocabulary: (known, term id or None for the total)."""
        vocab = self.vocabularies[vocabulary]
        key = name_key(text)
        if not key or key in {name_key(a) for a in vocab.total_aliases}:
            return True, None
        for term_id, term in vocab.terms.items():
            if key in {name_key(s) for s in (term_id, term.zh, term.en, *term.aliases)}:
                return True, term_id
        return False, None

    def term_name(self, vocabulary: str, term_id: str | None, lang: str = "zh") -> str:
        if term_id is None:
            return "总计" if lang == "zh" else "Total"
        term = self.vocabularies[vocabulary].terms[term_id]
        return term.zh if lang == "zh" else term.en

    def channel_name(self, channel: str | None, lang: str = "zh") -> str:
        """Display name of a channel id; unknown channels are shown as written."""
        if channel is None:
            return ""
        known = self.channels.get(channel)
        return known.name(lang) if known else channel

    def category_name(self, metric: Metric, category: str | None, lang: str = "zh") -> str:
        if metric.category in self.vocabularies:
            return self.term_name(metric.category, category, lang)
        return category or ""

    def _metric_index(self) -> dict[str, Metric]:
        if not self._metric_keys:
            self._metric_keys.update(
                (name_key(s), m)
                for m in self.metrics.values()
                for s in (m.id, m.zh, m.en, *m.aliases)
            )
        return self._metric_keys

    def _channel_index(self) -> dict[str, Channel]:
        if not self._channel_keys:
            self._channel_keys.update(
                (name_key(s), c)
                for c in self.channels.values()
                for s in (c.id, c.zh, c.en, *c.aliases)
            )
        return self._channel_keys


def _relation_metrics(relation: Relation) -> list[str]:
    match relation:
        case NotGreater(left=left, right=right):
            return [left, right]
        case Rate(rate=rate, numerator=num, denominator=den):
            return [rate, num, den]
        case Sum(total=total, parts=parts):
            return [total, *parts]
        case Balance(left=left, right=right):
            return [*left, *right]
    return []


def load_catalogue(directory: Path = CATALOGUE_DIR) -> Catalogue:
    """Read and check the three catalogue files."""
    metrics = tomllib.loads((directory / "metrics.toml").read_text("utf-8"))
    channels = tomllib.loads((directory / "channels.toml").read_text("utf-8"))
    vocabularies = tomllib.loads((directory / "vocabularies.toml").read_text("utf-8"))
    return Catalogue(
        metrics={k: Metric(id=k, **v) for k, v in metrics["metric"].items()},
        channels={k: Channel(id=k, **v) for k, v in channels["channel"].items()},
        vocabularies=vocabularies["vocabulary"],
        relations=tuple(metrics.get("relation", ())),
    )


@cache
def default_catalogue() -> Catalogue:
    """The project's catalogue, read once per process."""
    return load_catalogue()
