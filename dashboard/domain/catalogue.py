"""The metric catalogue, channel vocabulary and category vocabularies (`data/catalogue/`).

They are declared data (TOML), checked on load by pydantic models that forbid unknown keys, so a
typo in the catalogue fails loudly at start-up instead of silently dropping a rule.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from dashboard.domain.config_files import ConfigError, read_toml, shown_path, validated
from dashboard.domain.problems import RELATION_CODES, ProblemCode
from dashboard.paths import CATALOGUE_DIR

Kind = Literal["count", "percent", "amount", "rank"]
Section = Literal["channels", "new_media", "hotline", "recruitment", "requests", "appeals", "work"]
Presence = Literal["required", "optional", "none"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Every name in the catalogue is declared in these languages, one field per language named by its
# code (`zh = "微博"`, `en = "Weibo"`).
NAME_LANGS = ("zh", "en")


class _Named(_Model):
    """A catalogue entry with its name in each of NAME_LANGS (fields `zh`, `en`)."""

    def name(self, lang: str = "zh") -> str:
        """The name declared for `lang`: the field of that name. A code the catalogue does not
        declare reads the English name."""
        return str(getattr(self, lang if lang in NAME_LANGS else "en"))


class Metric(_Named):
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


class Channel(_Named):
    """A place where an agency publishes, with the names staff use for it."""

    id: str
    zh: str
    en: str
    kind: Literal["website", "new_media", "hotline", "media", "offline"]
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()


class Term(_Named):
    zh: str
    en: str
    aliases: tuple[str, ...] = ()


# The column of a closed vocabulary that sums all its terms (the 总计 of table 三).
TOTAL_TERM = Term(zh="总计", en="Total")


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
    code: ProblemCode
    severity: Literal["error", "warning"]


class Rate(_Model):
    kind: Literal["rate"]
    rate: str
    numerator: str
    denominator: str
    code: ProblemCode
    severity: Literal["error", "warning"]


class Sum(_Model):
    kind: Literal["sum"]
    total: str
    parts: tuple[str, ...]
    code: ProblemCode
    severity: Literal["error", "warning"]


class Balance(_Model):
    kind: Literal["balance"]
    left: tuple[str, ...]
    right: tuple[str, ...]
    code: ProblemCode
    severity: Literal["error", "warning"]


Relation = Annotated[NotGreater | Rate | Sum | Balance, Field(discriminator="kind")]


# ── statutory tables (`statutory.toml`) ─────────────────────────────────────────────────────

STATUTORY_FILE = "statutory.toml"
TOTAL_COLUMN = "total"  # a statutory table's 总计 column, after its vocabulary's terms


class TableRow(_Model):
    """One row of a statutory table: the metric it shows and the form's wording of it."""

    metric: str
    zh: str
    en: str
    indent: int = Field(default=0, ge=0, le=2)  # items under a subtotal are indented once


class TableCheck(_Model):
    """A cross-check of a statutory table, shown per column. Its arithmetic is a relation of
    metrics.toml (named by its total or first left metric): the form's rules live in one place."""

    sum: str | None = None
    balance: str | None = None
    zh: str
    en: str
    shown: Literal["always", "when_reported"] = "when_reported"

    @model_validator(mode="after")
    def _one_relation(self) -> TableCheck:
        if (self.sum is None) == (self.balance is None):
            raise ValueError("a check names exactly one relation: `sum` or `balance`")
        return self

    def relation_in(self, relations: tuple[Relation, ...]) -> Sum | Balance | None:
        """The declared relation this check shows; None when the catalogue has none such."""
        for relation in relations:
            if isinstance(relation, Sum) and relation.total == self.sum:
                return relation
            if isinstance(relation, Balance) and relation.left[:1] == (self.balance,):
                return relation
        return None


class ColumnTotals(_Model):
    """The check 总计 = sum of the vocabulary's columns, shown per row."""

    zh: str
    en: str
    shown: Literal["when_reported", "when_split"]


class StatutoryTable(_Model):
    """A statutory table in the official layout: rows, vocabulary columns then 总计, checks."""

    section: Section
    vocabulary: str
    outcomes: tuple[str, ...] = ()
    rows: tuple[TableRow, ...] = Field(alias="row", min_length=1)
    checks: tuple[TableCheck, ...] = Field(default=(), alias="check")
    column_totals: ColumnTotals

    @property
    def metrics(self) -> list[str]:
        return [r.metric for r in self.rows]


class StatutoryFile(_Model):
    table: dict[str, StatutoryTable]


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
    tables: dict[str, StatutoryTable] = Field(default_factory=dict)  # statutory.toml
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
        """Display name of a term; None is the vocabulary's total."""
        term = TOTAL_TERM if term_id is None else self.vocabularies[vocabulary].terms[term_id]
        return term.name(lang)

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
    """Read and check the catalogue files."""
    metrics = tomllib.loads((directory / "metrics.toml").read_text("utf-8"))
    channels = tomllib.loads((directory / "channels.toml").read_text("utf-8"))
    vocabularies = tomllib.loads((directory / "vocabularies.toml").read_text("utf-8"))
    _check_relation_codes(metrics.get("relation", ()), shown_path(directory / "metrics.toml"))
    catalogue = Catalogue(
        metrics={k: Metric(id=k, **v) for k, v in metrics["metric"].items()},
        channels={k: Channel(id=k, **v) for k, v in channels["channel"].items()},
        vocabularies=vocabularies["vocabulary"],
        relations=tuple(metrics.get("relation", ())),
    )
    tables = _load_tables(directory / STATUTORY_FILE, catalogue)
    return catalogue.model_copy(update={"tables": tables})


def _check_relation_codes(relations: object, source: str) -> None:
    """Each `[[relation]] code` is a problem code a relation may report: a misspelt code stops
    the program at start-up naming the file and the entry, not when the check first fires."""
    if not isinstance(relations, list):
        return  # not a list of tables: the model's own check says so
    allowed = sorted(RELATION_CODES)
    for i, relation in enumerate(relations, start=1):
        if not isinstance(relation, dict) or "code" not in relation:
            continue  # a missing code is the model's "required key is missing"
        if relation["code"] not in allowed:
            raise ConfigError(
                source,
                f"relation[{i}].code",
                f"unknown problem code {relation['code']!r}; a relation reports one of "
                + ", ".join(allowed),
            )


def _load_tables(path: Path, catalogue: Catalogue) -> dict[str, StatutoryTable]:
    """The statutory tables, checked against the rest of the catalogue: a typo stops the program
    at start-up naming the file and the key (`table.three.row[6].metric: unknown metric …`)."""
    source = shown_path(path)
    tables = validated(StatutoryFile, read_toml(path), source).table
    for name, table in tables.items():
        for key, detail in _table_errors(table, catalogue):
            raise ConfigError(source, f"table.{name}.{key}", detail)
    return tables


def _table_errors(table: StatutoryTable, catalogue: Catalogue) -> Iterator[tuple[str, str]]:
    """(key within the table, what is wrong) for every name the table uses that does not fit the
    catalogue; positions count from 1, as people count `[[table.three.row]]` entries."""
    if table.vocabulary not in catalogue.vocabularies:
        yield "vocabulary", f"unknown vocabulary {table.vocabulary!r}"
    for i, row in enumerate(table.rows, start=1):
        metric = catalogue.metrics.get(row.metric)
        if metric is None:
            yield f"row[{i}].metric", f"unknown metric {row.metric!r}"
        elif (metric.section, metric.category) != (table.section, table.vocabulary):
            yield (
                f"row[{i}].metric",
                f"{row.metric!r} is not a {table.section} metric by {table.vocabulary}",
            )
        elif row.metric in table.metrics[: i - 1]:
            yield f"row[{i}].metric", f"{row.metric!r} is shown twice"
    for i, name in enumerate(table.outcomes, start=1):
        if name not in table.metrics:
            yield f"outcomes[{i}]", f"{name!r} is not a row of the table"
    for i, check in enumerate(table.checks, start=1):
        key, name = ("sum", check.sum) if check.sum else ("balance", check.balance)
        relation = check.relation_in(catalogue.relations)
        if relation is None:
            yield f"check[{i}].{key}", f"no {key} relation of metrics.toml is named by {name!r}"
            continue
        outside = [m for m in _relation_metrics(relation) if m not in table.metrics]
        if outside:
            yield f"check[{i}].{key}", f"its relation uses {outside[0]!r}, not a row of the table"


@cache
def default_catalogue() -> Catalogue:
    """The project's catalogue, read once per process."""
    return load_catalogue()
