"""The metric catalogue, channel vocabulary and category vocabularies (`data/catalogue/`).

They are declared data (TOML), checked on load by pydantic models that forbid unknown keys, so a
typo in the catalogue fails loudly at start-up instead of silently dropping a rule.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from dashboard.domain.config_files import ConfigError, read_toml, shown_path, validated
from dashboard.domain.problems import RELATION_CODES, ProblemCode
from dashboard.domain.script import to_simplified
from dashboard.paths import CATALOGUE_DIR

# change: a signed whole number (本年增/减 of the 2019 table 二, where a decrease is negative)
Kind = Literal["count", "percent", "amount", "rank", "change"]
Section = Literal[
    "channels",
    "new_media",
    "hotline",
    "interaction",
    "recruitment",
    "proactive",
    "requests",
    "appeals",
    "work",
]
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
    # A free category may still have known categories (an open vocabulary): their spellings are
    # stored as the term's id (公开文件, 规范性文件 → documents), anything else as written.
    known_categories: str | None = None
    category_label: str | None = None
    rules: tuple[Literal["parts_within_total"], ...] = ()
    description: str = ""

    @property
    def is_percent(self) -> bool:
        return self.kind == "percent"

    @property
    def is_integer(self) -> bool:
        return self.kind in ("count", "rank", "change")

    @property
    def allows_negative(self) -> bool:
        """Whether a figure may be below zero (本年增/减: a decrease is written -8)."""
        return self.kind == "change"


class Channel(_Named):
    """A place where an agency publishes, with the names staff use for it and the rules that
    recognise it in other wordings (`keywords`, `patterns`, tried from the highest `priority`
    down: see data/catalogue/channels.toml). A combined channel (`combines`: 微博微信合计) holds
    figures given for several channels together; it is never added to any of them."""

    id: str
    zh: str
    en: str
    kind: Literal["website", "new_media", "hotline", "media", "offline"]
    aliases: tuple[str, ...] = ()
    priority: int = 0
    keywords: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    combines: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check_rules(self) -> Channel:
        for pattern in self.patterns:
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"channel {self.id}: pattern {pattern!r}: {exc}") from None
            if compiled.search(""):
                raise ValueError(f"channel {self.id}: pattern {pattern!r} matches empty text")
        if any(not k.strip() for k in self.keywords):
            raise ValueError(f"channel {self.id}: an empty keyword")
        if len(self.combines) == 1:
            raise ValueError(f"channel {self.id}: a combined channel combines two or more")
        return self


ChannelHow = Literal["name", "alias", "rule", "several", "unknown"]


@dataclass(frozen=True, slots=True)
class ChannelReading:
    """How a written channel name was read.

    `how`: `name` (an id or the Chinese or English name) or `alias` — read as declared;
    `rule` — recognised by a keyword or pattern, which the upload report shows;
    `several` — the text names several channels and no combined channel holds exactly them;
    `unknown` — it names none. `mentioned` are the channels the text names (for a combined
    channel, the channels it combines), in the order found.
    """

    written: str
    channel: Channel | None
    how: ChannelHow
    mentioned: tuple[str, ...] = ()

    @property
    def by_rule(self) -> bool:
        return self.how == "rule"


class Term(_Named):
    zh: str
    en: str
    aliases: tuple[str, ...] = ()
    # A subtotal's terms: 法人或其他组织 is 商业企业 + 科研机构 + … (reports often give only it).
    parts: tuple[str, ...] = ()


# The column of a closed vocabulary that sums all its terms (the 总计 of table 三).
TOTAL_TERM = Term(zh="总计", en="Total")


class Vocabulary(_Model):
    """A list of categories: closed, such as the applicant columns of table 三, or open (the
    known categories of a free category, such as 文件 among the items published)."""

    zh: str
    en: str
    open: bool = False  # open: other categories are kept as written, and there is no 总计
    total_aliases: tuple[str, ...] = ()
    terms: dict[str, Term]

    @model_validator(mode="after")
    def _check_subtotals(self) -> Vocabulary:
        for term_id, term in self.terms.items():
            for part in term.parts:
                if part not in self.terms or self.terms[part].parts:
                    raise ValueError(f"term {term_id}: part {part!r} is not a column")
        return self

    @property
    def leaves(self) -> list[str]:
        """The columns that are no subtotal, in declared order (the form's finest columns)."""
        return [t for t, term in self.terms.items() if not term.parts]

    def columns(self, given: Collection[str]) -> list[str]:
        """The columns to show, in declared order: every column that is no subtotal, and a
        subtotal only where it is `given` (the report names it instead of, or beside, its
        parts)."""
        return [t for t, term in self.terms.items() if not term.parts or t in given]

    def cover(self, given: Collection[str]) -> list[str]:
        """The terms whose figures add up to the 总计 column: a subtotal stands for its parts
        where it is `given` (a total is used when its parts are missing), its parts otherwise.
        The sum is complete when every term returned is given; parts never stand in for a
        subtotal, and a subtotal never fills in a part."""
        grouped = {p for term in self.terms.values() for p in term.parts}
        out: list[str] = []
        for term_id, term in self.terms.items():
            if term.parts:
                out += [term_id] if term_id in given else list(term.parts)
            elif term_id not in grouped:
                out.append(term_id)
        return out


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
    # when_split: only in columns giving one of the parts (the right side) — a report that gives
    # the total alone (行政诉讼1件) is not asked for a split the form does not require of it.
    shown: Literal["always", "when_reported", "when_split"] = "when_reported"

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


class GridHeading(_Named):
    """A heading of a grid: a column of a block, or the first column's 信息内容."""

    zh: str
    en: str


class GridRow(_Named):
    """A row of a grid block: the form's wording and the metric of each of its cells."""

    zh: str
    en: str
    cells: tuple[str, ...] = Field(min_length=1)


class GridBlock(_Named):
    """A block of a grid (第二十条第（一）项): its own column headings and rows."""

    zh: str
    en: str
    columns: tuple[GridHeading, ...] = Field(alias="column", min_length=1)
    rows: tuple[GridRow, ...] = Field(alias="row", min_length=1)


class StatutoryGrid(_Named):
    """A statutory table whose every cell is its own metric (table 二: the columns differ from
    block to block, and a cell may be a count, a signed change or an amount in 万元)."""

    section: Section
    zh: str
    en: str
    item: GridHeading  # the heading of the rows' column (信息内容)
    blocks: tuple[GridBlock, ...] = Field(alias="block", min_length=1)

    @property
    def metrics(self) -> list[str]:
        """Every cell's metric, block by block and row by row, in the form's order."""
        return [m for b in self.blocks for r in b.rows for m in r.cells]


class StatutoryFile(_Model):
    table: dict[str, StatutoryTable]
    grid: dict[str, StatutoryGrid] = Field(default_factory=dict)


_PUNCTUATION = re.compile(r"[\s\"'“”‘’《》〈〉「」『』()（）【】\[\]·・、,，.。:：;；]")


def name_key(text: str) -> str:
    """The form in which names are compared: NFKC, simplified script (關注人數 is 关注人数), lower
    case, no spaces, quotes or brackets."""
    return _PUNCTUATION.sub("", to_simplified(unicodedata.normalize("NFKC", text))).lower()


# A quoted account name: “平安某某”, "XX发布", 「…」, 『…』, ‘…’, '…' (after NFKC).
_ACCOUNT_KIND_END = re.compile(r"(?:微信公众号|微信号|公众号|微博|抖音号|头条号|视频号)$")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|「[^「」]*」|『[^『』]*』|‘[^‘’]*’|'[^']*'")
# What a channel rule's match is replaced by: no later rule can read across it.
_USED = "\x00"


class Catalogue(_Model):
    """Everything the upload format can name, with look-ups by any accepted spelling."""

    metrics: dict[str, Metric]
    channels: dict[str, Channel]
    vocabularies: dict[str, Vocabulary]
    relations: tuple[Relation, ...] = ()
    tables: dict[str, StatutoryTable] = Field(default_factory=dict)  # statutory.toml
    grids: dict[str, StatutoryGrid] = Field(default_factory=dict)  # statutory.toml (table 二)
    # traditional character → simplified, for reading channel names (channels.toml `[script]`)
    channel_script: dict[str, str] = Field(default_factory=dict)
    _metric_keys: dict[str, Metric] = PrivateAttr(default_factory=dict)
    _channel_keys: dict[str, Channel] = PrivateAttr(default_factory=dict)
    _channel_rules: list[tuple[Channel, re.Pattern[str]]] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _check_references(self) -> Catalogue:
        for metric in self.metrics.values():
            if metric.category not in ("none", "free"):
                vocabulary = self.vocabularies.get(metric.category)
                if vocabulary is None:
                    raise ValueError(f"metric {metric.id}: unknown vocabulary {metric.category!r}")
                if vocabulary.open:
                    raise ValueError(
                        f"metric {metric.id}: {metric.category!r} is open: give it as "
                        "known_categories of a free category"
                    )
            if metric.known_categories is not None:
                known = self.vocabularies.get(metric.known_categories)
                if metric.category != "free" or known is None or not known.open:
                    raise ValueError(
                        f"metric {metric.id}: known_categories {metric.known_categories!r} "
                        "must be an open vocabulary of a free category"
                    )
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
        self._check_channels()
        return self

    def _check_channels(self) -> None:
        """Each channel name means one channel; a combined channel combines plain channels."""
        seen: dict[str, str] = {}
        for channel in self.channels.values():
            for spelling in (channel.id, channel.zh, channel.en, *channel.aliases):
                key = name_key(spelling)
                if seen.setdefault(key, channel.id) != channel.id:
                    raise ValueError(
                        f"channel name {spelling!r} is used by {seen[key]} and {channel.id}"
                    )
            for part in channel.combines:
                if part not in self.channels or self.channels[part].combines:
                    raise ValueError(f"channel {channel.id}: combines unknown channel {part!r}")

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
        """The channel meant by a name, alias or rule; None when unknown or several."""
        return self.read_channel(text).channel

    def read_channel(self, text: str) -> ChannelReading:
        """How a written channel name reads: by name, by rule, several channels, or unknown.

        The rules are data (channels.toml): quoted account names set aside, then each channel's
        keywords and patterns from the highest priority down, each match used up. A text naming
        several channels is read as the combined channel of exactly those, or as none.
        """
        index = self._channel_index()
        exact = index.get(name_key(text))
        if exact is not None:
            how: ChannelHow = "name" if exact.id in self._own_names(text) else "alias"
            return ChannelReading(text, exact, how, exact.combines or (exact.id,))
        plain = self._without_accounts(
            unicodedata.normalize("NFKC", text).translate(self._script_table()).lower()
        )
        first: dict[str, int] = {}  # channel → where the text first names it
        for channel, rule in self._rules():
            for match in rule.finditer(plain):
                first.setdefault(channel.id, match.start())
            # used up, at the same length: positions found later still count from the start
            plain = rule.sub(lambda m: _USED * len(m.group(0)), plain)
        found = sorted(first, key=first.__getitem__)
        if not found:
            # Quotes and script aside, the rest may be a name as it stands (官方微博“平安某某”).
            named = index.get(name_key(plain.replace(_USED, "")))
            if named is None:
                return ChannelReading(text, None, "unknown")
            found = [named.id]
        parts = tuple(dict.fromkeys(p for c in found for p in (self.channels[c].combines or (c,))))
        if len(found) == 1:
            return ChannelReading(text, self.channels[found[0]], "rule", parts)
        combined = next(
            (c for c in self.channels.values() if c.combines and set(c.combines) == set(parts)),
            None,
        )
        return ChannelReading(text, combined, "rule" if combined else "several", parts)

    def _own_names(self, text: str) -> set[str]:
        """Channels whose id, Chinese or English name the text is (not an alias)."""
        key = name_key(text)
        return {
            c.id for c in self.channels.values() if key in {name_key(s) for s in (c.id, c.zh, c.en)}
        }

    def _script_table(self) -> dict[int, str]:
        return str.maketrans(self.channel_script) if self.channel_script else {}

    def _without_accounts(self, text: str) -> str:
        """The text with quoted account names set aside (“平安某某”官方微博 → 官方微博); a quoted
        channel name (新区“12345”) is kept, without its quotes."""
        index = self._channel_index()

        def keep_channel_names(match: re.Match[str]) -> str:
            inner = match.group(0)[1:-1]
            if name_key(inner) in index:
                return f"{_USED}{inner}{_USED}"
            # (“彝良县人民政府微信公众号”: an account's name ending on the kind it is)
            kind = _ACCOUNT_KIND_END.search(inner)
            return f"{_USED}{kind.group(0)}" if kind else _USED

        return _QUOTED.sub(keep_channel_names, text)

    def _rules(self) -> list[tuple[Channel, re.Pattern[str]]]:
        """Every channel's keywords (longest first) and patterns, highest priority first."""
        if not self._channel_rules:
            ordered = sorted(self.channels.values(), key=lambda c: -c.priority)  # stable
            rules = [
                (channel, re.compile(rule))
                for channel in ordered
                for rule in (
                    *(
                        re.escape(unicodedata.normalize("NFKC", k).lower())
                        for k in sorted(channel.keywords, key=len, reverse=True)
                    ),
                    *channel.patterns,
                )
            ]
            # built whole, then added in one step: another thread never sees half the rules
            self._channel_rules.extend(rules)
        return self._channel_rules

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
        """Display name of a fact's category: a term's name, or a free category as written."""
        if metric.category in self.vocabularies:
            return self.term_name(metric.category, category, lang)
        known = self.vocabularies.get(metric.known_categories or "")
        if known is not None and category in known.terms:
            return known.terms[category].name(lang)
        return category or ""

    def free_category(self, metric: Metric, text: str) -> str | None:
        """The category stored for a free category cell: a known category's id (`公开文件` →
        `documents`), else the text as written (NFKC, so that full- and half-width spellings
        are one category); None for a blank cell (the total)."""
        written = unicodedata.normalize("NFKC", text).strip()
        if not written:
            return None
        if metric.known_categories is not None:
            known, term = self.find_term(metric.known_categories, written)
            if known and term is not None:
                return term
        return written

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
        channel_script=_script(channels.get("script", {})),
    )
    tables, grids = _load_tables(directory / STATUTORY_FILE, catalogue)
    return catalogue.model_copy(update={"tables": tables, "grids": grids})


def _script(table: dict[str, str]) -> dict[str, str]:
    """channels.toml `[script]`: traditional → simplified, character by character."""
    traditional, simplified = table.get("traditional", ""), table.get("simplified", "")
    if len(traditional) != len(simplified):
        raise ValueError("channels.toml [script]: traditional and simplified differ in length")
    return dict(zip(traditional, simplified, strict=True))


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


def _load_tables(
    path: Path, catalogue: Catalogue
) -> tuple[dict[str, StatutoryTable], dict[str, StatutoryGrid]]:
    """The statutory tables and grids, checked against the rest of the catalogue: a typo stops
    the program at start-up naming the file and the key (`table.three.row[6].metric: unknown
    metric …`)."""
    source = shown_path(path)
    parsed = validated(StatutoryFile, read_toml(path), source)
    for name, table in parsed.table.items():
        for key, detail in _table_errors(table, catalogue):
            raise ConfigError(source, f"table.{name}.{key}", detail)
    for name, grid in parsed.grid.items():
        for key, detail in _grid_errors(grid, catalogue):
            raise ConfigError(source, f"grid.{name}.{key}", detail)
    # A metric of a grid's section that no grid shows would be stored and shown nowhere.
    shown = {m for grid in parsed.grid.values() for m in grid.metrics}
    for grid_id, grid in parsed.grid.items():
        for metric in catalogue.metrics.values():
            if metric.section == grid.section and metric.id not in shown:
                raise ConfigError(
                    source,
                    f"grid.{grid_id}",
                    f"no grid shows the {grid.section} metric {metric.id!r}",
                )
    return parsed.table, parsed.grid


def _grid_errors(grid: StatutoryGrid, catalogue: Catalogue) -> Iterator[tuple[str, str]]:
    """(key within the grid, what is wrong) for each cell that does not fit the catalogue: every
    cell a metric of the grid's section with neither channel nor category, once per grid."""
    seen: set[str] = set()
    for b, block in enumerate(grid.blocks, start=1):
        for r, row in enumerate(block.rows, start=1):
            key = f"block[{b}].row[{r}].cells"
            if len(row.cells) != len(block.columns):
                yield key, f"{len(row.cells)} cells under {len(block.columns)} columns"
            for name in row.cells:
                metric = catalogue.metrics.get(name)
                if metric is None:
                    yield key, f"unknown metric {name!r}"
                elif metric.section != grid.section:
                    yield key, f"{name!r} is not a {grid.section} metric"
                elif (metric.channel, metric.category) != ("none", "none"):
                    yield key, f"{name!r} has a channel or a category: a cell is one figure"
                elif name in seen:
                    yield key, f"{name!r} is shown twice"
                seen.add(name)


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
