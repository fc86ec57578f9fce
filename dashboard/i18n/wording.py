"""Analytics results in words: names, value texts, headline cards and the summary paragraph.

The analytics (`dashboard.analytics`) return ids and numbers: channel and metric ids, values with
their qualifiers, changes as amounts. This module adds what a reader sees in Chinese or English:
display names from the catalogue, values as `format_value` writes them (`400余` / `400+`), and
sentences from the message templates. The frames it returns are the ones the figure builders and
the "numbers" tables take (columns `name`, `text`, `*_text`).

The analytics' result types are read by shape (the Protocols below): this layer sits under the
analytics and does not import them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import polars as pl

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.headline_catalogue import Headline
from dashboard.domain.values import Change, Figure, Qualifier
from dashboard.i18n.format import change_delta, format_rate, format_value, in_language, with_unit
from dashboard.i18n.messages import DEFAULT_LANG, has, t

# ── names ───────────────────────────────────────────────────────────────────────────────────


def slot_label(
    catalogue: Catalogue,
    metric: str,
    channel: str | None,
    category: str | None,
    lang: str = DEFAULT_LANG,
) -> str:
    """`微博 · 发布信息条数` — the metric, qualified by channel/category where given."""
    m = catalogue.metrics[metric]
    parts = [
        catalogue.channel_name(channel, lang) if channel else "",
        catalogue.category_name(m, category, lang) if category else "",
    ]
    prefix = " · ".join(p for p in parts if p)
    return f"{prefix} · {m.name(lang)}" if prefix else m.name(lang)


def with_channel_names(
    frame: pl.DataFrame, catalogue: Catalogue, lang: str = DEFAULT_LANG, *, into: str = "name"
) -> pl.DataFrame:
    """Add the display name of the `channel` id ("" without one; unknown ids as written)."""
    names = [catalogue.channel_name(c, lang) for c in frame.get_column("channel")]
    return frame.with_columns(pl.Series(into, names, dtype=pl.String))


def written_column(value: str = "value") -> str:
    """The column of a frame holding the written form of the figures in `value`: `as_written`
    beside `value`, `<name>_as_written` beside another (`received_as_written`)."""
    return "as_written" if value == "value" else f"{value}_as_written"


def with_text(
    frame: pl.DataFrame,
    lang: str = DEFAULT_LANG,
    *,
    percent: bool = False,
    value: str = "value",
    qualifier: str = "qualifier",
    into: str = "text",
) -> pl.DataFrame:
    """Add `into`: the value as people read it (`400余`, `未报告`), from `value` and `qualifier`,
    as the report wrote it where the frame has the written form (`written_column`)."""
    written = written_column(value)
    words = frame.get_column(written) if written in frame.columns else [None] * frame.height
    texts = [
        format_value(v, q or Qualifier.NOT_REPORTED, percent=percent, lang=lang, as_written=w)
        for v, q, w in zip(frame.get_column(value), frame.get_column(qualifier), words, strict=True)
    ]
    return frame.with_columns(pl.Series(into, texts, dtype=pl.String))


def figure_text(figure: Figure, lang: str = DEFAULT_LANG) -> str:
    """A figure as people read it, as the report wrote it; a rate without its written form (a
    computed one) to one decimal, as the hotline tables show it."""
    return format_value(
        figure.value,
        figure.qualifier,
        percent=figure.percent,
        lang=lang,
        as_written=figure.as_written,
        round_to=1 if figure.percent else None,
    )


def quantity_text(figure: Figure, lang: str = DEFAULT_LANG, unit: str | None = None) -> str:
    """A figure with its measure word: `1082篇`, `3000余人次` (English: `1,082`, `3,000+`). The
    unit is the figure's (as written), else `unit` (the metric's); a rate has none."""
    shown = None if figure.percent else (figure.unit or unit)
    return with_unit(figure_text(figure, lang), shown, lang)


def count_of(figure: Figure) -> float:
    """The count an English noun agrees with: the number when exact; `1+`, `~1` or a figure not
    reported read as several (`1+ cases`)."""
    if figure.qualifier == Qualifier.EXACT and figure.value is not None:
        return figure.value
    return float("inf")


# ── frames for the figure builders and the numbers tables ───────────────────────────────────


def channel_items_table(
    items: pl.DataFrame, catalogue: Catalogue, lang: str = DEFAULT_LANG
) -> pl.DataFrame:
    """`analytics.channels.channel_items` with names and texts, largest first (then by name).

    Columns: channel, name, kind, value, qualifier, derived, text.
    """
    frame = with_text(with_channel_names(items, catalogue, lang), lang)
    return frame.sort(["value", "name"], descending=[True, False], nulls_last=True).select(
        "channel", "name", "kind", "value", "qualifier", "derived", "text"
    )


def channel_categories_table(
    categories: pl.DataFrame, catalogue: Catalogue, lang: str = DEFAULT_LANG
) -> pl.DataFrame:
    """`analytics.channels.channel_categories` with names and texts.

    Columns: channel, name, category, value, qualifier, text.
    """
    frame = with_text(with_channel_names(categories, catalogue, lang), lang)
    # A known category is stored by its id (documents): shown by its name (文件 / Documents).
    items = catalogue.metrics["items_published"]
    names = [catalogue.category_name(items, c, lang) for c in frame.get_column("category")]
    frame = frame.with_columns(pl.Series("category", names, dtype=pl.String))
    return frame.select("channel", "name", "category", "value", "qualifier", "text")


def channel_trend_table(
    trend: pl.DataFrame, catalogue: Catalogue, lang: str = DEFAULT_LANG
) -> pl.DataFrame:
    """`analytics.channels.channel_trend` with names and texts.

    Columns: year, channel, name, value, qualifier, derived, text.
    """
    frame = with_text(with_channel_names(trend, catalogue, lang), lang)
    return frame.select("year", "channel", "name", "value", "qualifier", "derived", "text")


def submissions_table(frame: pl.DataFrame, lang: str = DEFAULT_LANG) -> pl.DataFrame:
    """`analytics.channels.submissions` in words: the recipient's name (`合计` / `All` for the
    total), texts of the figures and the rate (`约53.3%` when approximate, "" without one).

    Columns: recipient, submitted, submitted_text, adopted, adopted_text, rate, rate_text, and
    the units as written (submitted_unit, adopted_unit; null where none was).
    """
    rates = [
        "" if rate is None else format_rate(rate, rough=rough, lang=lang)
        for rate, rough in zip(
            frame.get_column("rate"), frame.get_column("rate_rough"), strict=True
        )
    ]
    frame = with_text(
        frame, lang, value="submitted", qualifier="submitted_qualifier", into="submitted_text"
    )
    frame = with_text(
        frame, lang, value="adopted", qualifier="adopted_qualifier", into="adopted_text"
    )
    return frame.with_columns(
        pl.when(pl.col("recipient") == "")
        .then(pl.lit(t("submissions.all", lang)))
        .otherwise(pl.col("recipient"))
        .alias("recipient"),
        pl.Series("rate_text", rates, dtype=pl.String),
    ).select(
        "recipient",
        "submitted",
        "submitted_text",
        "adopted",
        "adopted_text",
        "rate",
        "rate_text",
        *(c for c in ("submitted_unit", "adopted_unit") if c in frame.columns),
    )


HOTLINE_FIGURES = ("received", "closed", "closure_rate", "satisfaction")
HOTLINE_RATES = ("closure_rate", "satisfaction")


def hotline_table(years: pl.DataFrame, lang: str = DEFAULT_LANG) -> pl.DataFrame:
    """`analytics.hotline.hotline_years` with a *_text for each figure (rates to one decimal,
    qualifiers kept, `未报告` for missing)."""
    for name in HOTLINE_FIGURES:
        percent = name in HOTLINE_RATES
        written = written_column(name)
        words = years.get_column(written) if written in years.columns else [None] * years.height
        texts = [
            figure_text(Figure(v, q, percent=percent, as_written=w), lang)
            for v, q, w in zip(
                years.get_column(name), years.get_column(f"{name}_qualifier"), words, strict=True
            )
        ]
        years = years.with_columns(pl.Series(f"{name}_text", texts, dtype=pl.String))
    return years


def new_media_table(
    trend: pl.DataFrame, catalogue: Catalogue, lang: str = DEFAULT_LANG
) -> pl.DataFrame:
    """`analytics.new_media.new_media_trend` with names and texts.

    Columns: year, channel, name, measure, value, qualifier, text.
    """
    frame = with_text(with_channel_names(trend, catalogue, lang), lang)
    return frame.select("year", "channel", "name", "measure", "value", "qualifier", "text")


def recruitment_table(
    frame: pl.DataFrame, catalogue: Catalogue, lang: str = DEFAULT_LANG
) -> pl.DataFrame:
    """`analytics.recruitment.recruitment_years` with names and texts, by year, measure and
    channel name. Columns: year, measure, metric_name, channel, name, value, qualifier, text,
    note."""
    metric_names = [catalogue.metrics[m].name(lang) for m in frame.get_column("metric")]
    frame = with_channel_names(frame, catalogue, lang).with_columns(
        pl.Series("metric_name", metric_names, dtype=pl.String)
    )
    return (
        with_text(frame, lang)
        .sort("year", "measure", "name")
        .select(
            "year",
            "measure",
            "metric_name",
            "channel",
            "name",
            "value",
            "qualifier",
            "text",
            "note",
        )
    )


def listing_table(
    listing: pl.DataFrame, catalogue: Catalogue, lang: str = DEFAULT_LANG
) -> pl.DataFrame:
    """`analytics.headlines.facts_listing` in words: every column a text.

    Columns: metric, channel, category, value, unit, note.
    """
    metrics = catalogue.metrics
    ids = listing.get_column("metric").to_list()
    categories = [
        catalogue.category_name(metrics[m], c, lang) if c else ""
        for m, c in zip(ids, listing.get_column("category"), strict=True)
    ]
    words = (
        listing.get_column("as_written")
        if "as_written" in listing.columns
        else [None] * listing.height
    )
    values = [
        format_value(v, q, percent=p, lang=lang, as_written=w)
        for v, q, p, w in zip(
            listing.get_column("value"),
            listing.get_column("qualifier"),
            listing.get_column("percent"),
            words,
            strict=True,
        )
    ]
    return pl.DataFrame(
        {
            "metric": pl.Series([metrics[m].name(lang) for m in ids], dtype=pl.String),
            "channel": with_channel_names(listing, catalogue, lang).get_column("name"),
            "category": pl.Series(categories, dtype=pl.String),
            "value": pl.Series(values, dtype=pl.String),
            "unit": listing.get_column("unit"),
            "note": listing.get_column("note").fill_null(""),
        }
    )


# ── headline cards ──────────────────────────────────────────────────────────────────────────


class HeadlinePointLike(Protocol):
    """The shape of `analytics.headlines.HeadlinePoint`."""

    @property
    def headline(self) -> Headline: ...
    @property
    def value(self) -> float | None: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def percent(self) -> bool: ...
    @property
    def unit(self) -> str: ...
    @property
    def note(self) -> str | None: ...
    @property
    def change(self) -> Change | None: ...
    @property
    def history(self) -> tuple[float, ...]: ...
    @property
    def as_written(self) -> str | None: ...


@dataclass(frozen=True)
class HeadlineCard:
    """One figure ready to show: label, value as text, unit, the report's words, its trend."""

    label: str
    text: str
    unit: str
    value: float | None
    qualifier: str
    note: str | None
    change: str | None = None  # against the latest earlier year: `+12%`, `-3`, or None
    change_note: str | None = None  # what the change compares with: `较2019年`, `约，较2019年`
    history: tuple[float, ...] = ()  # values over the years up to this one, for a sparkline


def change_note(change: Change, lang: str = DEFAULT_LANG) -> str:
    """What a change compares with: `较2019年`, or `约，较2019年` when it is approximate."""
    return t("change.since_approx" if change.rough else "change.since", lang, year=change.since)


def headline_cards(
    points: Sequence[HeadlinePointLike], lang: str = DEFAULT_LANG
) -> list[HeadlineCard]:
    """The overview's cards; a change is written without its qualifier mark (`+25%`), the note
    says when it is approximate (st.metric reads the direction from the leading sign)."""
    return [
        HeadlineCard(
            label=in_language(p.headline.zh, p.headline.en, lang),
            text=format_value(
                p.value, p.qualifier, percent=p.percent, lang=lang, as_written=p.as_written
            ),
            unit=p.unit,
            value=p.value,
            qualifier=p.qualifier,
            note=p.note,
            change=None if p.change is None else change_delta(p.change, lang),
            change_note=None if p.change is None else change_note(p.change, lang),
            history=p.history,
        )
        for p in points
    ]


# ── the summary paragraph ───────────────────────────────────────────────────────────────────


class ChannelPointLike(Protocol):
    """The shape of `analytics.summary.ChannelPoint`."""

    @property
    def channel(self) -> str: ...
    @property
    def figure(self) -> Figure: ...
    @property
    def change(self) -> Change | None: ...


class NamedFigureLike(Protocol):
    """The shape of `analytics.summary.NamedFigure`."""

    @property
    def metric(self) -> str: ...
    @property
    def channel(self) -> str | None: ...
    @property
    def category(self) -> str | None: ...
    @property
    def figure(self) -> Figure: ...
    @property
    def unit(self) -> str: ...


class YearSummaryLike(Protocol):
    """The shape of `analytics.summary.YearSummary`."""

    @property
    def agency(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def channels(self) -> Sequence[ChannelPointLike]: ...
    @property
    def hotline_received(self) -> Figure | None: ...
    @property
    def hotline_closure_rate(self) -> Figure | None: ...
    @property
    def requests_new(self) -> Figure | None: ...
    @property
    def meetings(self) -> Figure | None: ...
    @property
    def total(self) -> NamedFigureLike | None: ...
    @property
    def others(self) -> Sequence[NamedFigureLike]: ...
    @property
    def interaction(self) -> Sequence[NamedFigureLike]: ...
    @property
    def slots(self) -> Sequence[tuple[str, str | None, str | None]]: ...
    @property
    def empty(self) -> bool: ...


SUMMARY_CHANNELS = 4  # the largest channels named; a longer list is not read


def summary_channels(
    summary: YearSummaryLike, catalogue: Catalogue, lang: str
) -> list[ChannelPointLike]:
    """The channels the paragraph names: the largest; equal figures in the order of their
    names, as the channel chart lists them."""
    named = sorted(
        summary.channels,
        key=lambda p: (-(p.figure.value or 0.0), catalogue.channel_name(p.channel, lang)),
    )
    return named[:SUMMARY_CHANNELS]


def summary_slots(
    summary: YearSummaryLike, catalogue: Catalogue, lang: str
) -> list[tuple[str, str | None, str | None]]:
    """Where each figure the paragraph names is stored (metric, channel, category): the
    overview lists the year's other figures under it."""
    named = [(n.metric, n.channel, n.category) for n in (*summary.others, *summary.interaction)]
    if summary.total is not None:
        named.append((summary.total.metric, summary.total.channel, summary.total.category))
    return [
        *(("items_published", p.channel, None) for p in summary_channels(summary, catalogue, lang)),
        *summary.slots,
        *named,
    ]


def named_figure_text(named: NamedFigureLike, lang: str) -> str:
    """A figure with its unit as written, as the paragraph writes it: `215条` (`215` in
    English)."""
    return quantity_text(named.figure, lang, named.unit)


def named_clause(named: NamedFigureLike, catalogue: Catalogue, lang: str) -> str:
    """One figure the paragraph names, by the message of its metric where there is one
    (`发布政策解读5篇`, `在线访谈4期`), else by the metric's name (`{name}{value}`)."""
    key = f"summary.metric.{named.metric}"
    return t(
        key if has(key) else "summary.named",
        lang,
        name=catalogue.metrics[named.metric].name(lang),
        value=named_figure_text(named, lang),
        count=count_of(named.figure),
    )


def _other_parts(summary: YearSummaryLike, catalogue: Catalogue, lang: str) -> list[str]:
    """Policy interpretations and news-media reports, a clause each; interaction, one clause."""
    parts = [named_clause(named, catalogue, lang) for named in summary.others]
    if summary.interaction:
        items = [named_clause(n, catalogue, lang) for n in summary.interaction]
        parts.append(t("summary.interaction", lang, items=t("summary.item_sep", lang).join(items)))
    return parts


def summary_parts(summary: YearSummaryLike, catalogue: Catalogue, lang: str) -> list[str]:
    """The clauses of the paragraph: items published (the total, then per channel), hotline,
    requests, meetings, then policy interpretations, news-media reports and interaction."""
    parts: list[str] = []
    total = summary.total
    if total is not None and not summary.channels:
        parts.append(
            t(
                "summary.total",
                lang,
                total=named_figure_text(total, lang),
                count=count_of(total.figure),
            )
        )
    if summary.channels:
        items = []
        for point in summary_channels(summary, catalogue, lang):
            change = ""
            if point.change is not None:
                delta = change_delta(point.change, lang, mark_rough=True)
                change = t("summary.item_change", lang, year=point.change.since, delta=delta)
            items.append(
                t(
                    "summary.item",
                    lang,
                    channel=catalogue.channel_name(point.channel, lang),
                    # with its unit as written: 微信公众号1082篇, never silently 条
                    value=quantity_text(point.figure, lang, _unit(catalogue, "items_published")),
                    change=change,
                )
            )
        joined = t("summary.item_sep", lang).join(items)
        if total is not None:
            parts.append(
                t(
                    "summary.items_of_total",
                    lang,
                    total=named_figure_text(total, lang),
                    items=joined,
                    count=count_of(total.figure),
                )
            )
        else:
            parts.append(t("summary.items", lang, items=joined))
    received = summary.hotline_received
    if received is not None:
        rate = summary.hotline_closure_rate
        parts.append(
            t(
                "summary.hotline",
                lang,
                received=quantity_text(received, lang, _unit(catalogue, "hotline_received")),
                rate=""
                if rate is None
                else t("summary.hotline_rate", lang, rate=figure_text(rate, lang)),
                count=count_of(received),
            )
        )
    for key, metric, figure in (
        ("summary.requests", "requests_new", summary.requests_new),
        ("summary.meetings", "meetings", summary.meetings),
    ):
        if figure is not None:
            value = quantity_text(figure, lang, _unit(catalogue, metric))
            parts.append(t(key, lang, value=value, count=count_of(figure)))
    return parts + _other_parts(summary, catalogue, lang)


def _unit(catalogue: Catalogue, metric: str) -> str | None:
    """A metric's unit in the catalogue (None for one it does not know)."""
    known = catalogue.metrics.get(metric)
    return known.unit if known else None


def summary_text(summary: YearSummaryLike, catalogue: Catalogue, lang: str = DEFAULT_LANG) -> str:
    """The overview's paragraph; says plainly when the year has nothing to summarise."""
    agency, year = summary.agency, summary.year
    if summary.empty:
        return t("summary.empty", lang, agency=agency, year=year)
    parts = t("summary.part_sep", lang).join(summary_parts(summary, catalogue, lang))
    return t("summary.paragraph", lang, agency=agency, year=year, parts=parts)
