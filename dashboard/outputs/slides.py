"""Slides for meetings: one key chart each, with a title, a one-line takeaway and speaker notes.

A slide holds its chart as data (categories, series, display labels), not as a picture: the
presentation page draws it with Plotly and the PowerPoint export writes it as a native, editable
chart, so both show the same figures. Decks are lists of slide ids; `DEFAULT_DECK` is the one used
when a meeting has not chosen its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from dashboard.analytics.channels import ITEMS, channel_items, channel_trend, submissions
from dashboard.analytics.compare import place, top
from dashboard.analytics.headlines import year_change
from dashboard.analytics.hotline import hotline_years
from dashboard.analytics.interaction import interaction_metrics, interaction_points
from dashboard.analytics.new_media import new_media_channels, new_media_share
from dashboard.analytics.published import stated_total, total_categories
from dashboard.analytics.statutory import outcome_metrics, outcomes
from dashboard.analytics.summary import NamedFigure, year_summary
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.values import Figure
from dashboard.i18n.format import change_delta, format_value, with_unit
from dashboard.i18n.messages import t
from dashboard.i18n.statutory import outcome_text
from dashboard.i18n.wording import (
    channel_items_table,
    channel_trend_table,
    count_of,
    hotline_table,
    named_clause,
    submissions_table,
    summary_text,
)

ChartKind = str  # "bar" (horizontal) | "column" (clustered) | "line" | "doughnut"


@dataclass(frozen=True)
class Series:
    """One data series: a name, a value per category (None: not reported), display labels."""

    name: str
    values: tuple[float | None, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Slide:
    id: str
    title: str
    takeaway: str
    chart: ChartKind | None = None  # None: a text slide (title, summary)
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    percent: bool = False  # values are percentages (axis 0–100)
    target: float | None = None  # a reference line, e.g. the 100% closure target
    bullets: tuple[str, ...] = ()
    notes: str = ""  # speaker notes: the figures and where they come from
    highlight: tuple[str, ...] = ()  # categories drawn in the accent colour (this agency)

    @property
    def has_data(self) -> bool:
        return any(v is not None for s in self.series for v in s.values)

    @property
    def has_content(self) -> bool:
        """Whether the slide shows anything beyond its title: a chart with a figure, a line of
        text, or a takeaway of a text slide (the requests slide without outcomes)."""
        if self.chart is not None:
            return self.has_data
        return bool(self.bullets or self.takeaway)


@dataclass(frozen=True)
class Comparison:
    """One figure of one year across agencies, for the compare slide: what the caller read from
    the store's SQL aggregates (`store.compare.ranking_rows`), ranked by
    `analytics.compare.ranked`. The deck's own facts hold one agency only."""

    metric: str
    channel: str | None
    category: str | None
    ranking: pl.DataFrame


@dataclass(frozen=True)
class DeckContext:
    agency: str
    year: int
    facts: pl.DataFrame  # every year of the agency
    catalogue: Catalogue
    lang: str
    comparison: Comparison | None = None

    def t(self, key: str, **params: object) -> str:
        """A text of the message catalogue in the deck's language."""
        return t(key, self.lang, **params)

    def year_facts(self) -> pl.DataFrame:
        return self.facts.filter(pl.col("year") == self.year)


def _notes(ctx: DeckContext, metrics: tuple[str, ...], channels: list[str] | None = None) -> str:
    """Speaker notes: each figure of the slide with the report's own words as source."""
    rows = ctx.year_facts().filter(pl.col("metric").is_in(list(metrics)))
    if channels is not None:
        rows = rows.filter(pl.col("channel").is_in(channels))
    lines = []
    for r in rows.iter_rows(named=True):
        metric = ctx.catalogue.metrics[r["metric"]]
        where = " · ".join(
            p
            for p in (
                ctx.catalogue.channel_name(r["channel"], ctx.lang),
                ctx.catalogue.category_name(metric, r["category"], ctx.lang)
                if r["category"]
                else "",
            )
            if p
        )
        value = format_value(
            r["value"],
            r["qualifier"],
            percent=metric.is_percent,
            lang=ctx.lang,
            as_written=r["as_written"],
        )
        label = metric.name(ctx.lang)
        if where:
            label = ctx.t("slide.note_where", label=label, where=where)
        source = f" — {r['note']}" if r["note"] else ""
        lines.append(f"{label}: {value}{source}")
    head = ctx.t("slide.source", agency=ctx.agency, year=ctx.year)
    return "\n".join([head, *lines])


def _quantity(ctx: DeckContext, text: str, unit: str | None, metric: str) -> str:
    """A figure's text with its unit as written, else the metric's (`1082篇`, never silently
    条); English leaves the Chinese word out."""
    known = ctx.catalogue.metrics.get(metric)
    return with_unit(text, unit or (known.unit if known else None), ctx.lang)


def _unit_of(frame: pl.DataFrame, **where: object) -> str | None:
    """The unit as written of the one row of `frame` matching `where` (None without one)."""
    rows = frame.filter(*(pl.col(k) == v for k, v in where.items()))
    return rows["unit"][0] if rows.height and "unit" in rows.columns else None


def _title_slide(ctx: DeckContext) -> Slide:
    title = ctx.t("slide.title.title", agency=ctx.agency, year=ctx.year)
    takeaway = ctx.t("slide.title.takeaway")
    total = stated_total(ctx.facts, ctx.year)
    if total.height:
        # The year's total, as the first thing said: 全年主动公开政府信息215条.
        row = total.row(0, named=True)
        figure = Figure(row["value"], row["qualifier"])
        takeaway = ctx.t(
            "slide.title.total",
            total=_with_unit(ctx, "items_published", figure, row),
            count=count_of(figure),
        )
    return Slide("title", title, takeaway, notes=_notes(ctx, ()))


def _with_unit(ctx: DeckContext, metric: str, figure: Figure, row: dict[str, object]) -> str:
    """A figure with its unit as written (else the catalogue's): `215条`; `215` in English."""
    unit = row.get("unit") or ctx.catalogue.metrics[metric].unit
    written = row.get("as_written")
    value = format_value(
        figure.value,
        figure.qualifier,
        lang=ctx.lang,
        as_written=written if isinstance(written, str) else None,
    )
    return ctx.t("app.kpi_value", value=value, unit=unit)


def _channels_slide(ctx: DeckContext) -> Slide:
    raw = channel_items(ctx.facts, ctx.year, ctx.catalogue)
    items = channel_items_table(raw, ctx.catalogue, ctx.lang).filter(pl.col("value").is_not_null())
    title = ctx.t("slide.channels.title")
    if items.is_empty():
        return _total_categories_slide(ctx)
    top = items.row(0, named=True)
    value = _quantity(ctx, top["text"], _unit_of(raw, channel=top["channel"]), ITEMS)
    takeaway = ctx.t("slide.channels.takeaway", channel=top["name"], value=value)
    change = _change(ctx, "items_published", top["channel"])
    if change:
        takeaway += ctx.t("slide.more", more=change)
    return Slide(
        "channels",
        title,
        takeaway,
        chart="bar",
        categories=tuple(items["name"]),
        series=(Series(title, tuple(items["value"]), tuple(items["text"])),),
        notes=_notes(ctx, ("items_published",)),
    )


def _total_categories_slide(ctx: DeckContext) -> Slide:
    """For a report without a channel split: the total's categories (其中重大项目建设信息130条…)."""
    parts = total_categories(ctx.facts, ctx.year).filter(pl.col("value").is_not_null())
    title = ctx.t("slide.channels.categories_title")
    if parts.is_empty():
        return Slide("channels", title, _no_data(ctx), chart="bar")
    metric = ctx.catalogue.metrics["items_published"]
    names = tuple(ctx.catalogue.category_name(metric, c, ctx.lang) for c in parts["category"])
    texts = tuple(
        format_value(v, q, lang=ctx.lang, as_written=w)
        for v, q, w in zip(parts["value"], parts["qualifier"], parts["as_written"], strict=True)
    )
    top = parts.row(0, named=True)
    takeaway = ctx.t(
        "slide.channels.categories_takeaway",
        category=names[0],
        value=_with_unit(ctx, "items_published", Figure(top["value"], top["qualifier"]), top),
    )
    return Slide(
        "channels",
        title,
        takeaway,
        chart="bar",
        categories=names,
        series=(Series(title, tuple(parts["value"]), texts),),
        notes=_notes(ctx, ("items_published",)),
    )


def _change(ctx: DeckContext, metric: str, channel: str | None) -> str:
    """`较2020年增长12%` / `up 12% on 2020`, against the latest earlier year with the figure."""
    change = year_change(ctx.facts, ctx.year, metric, channel)
    if change is None:
        return ""
    amount = change_delta(change, ctx.lang).lstrip("+-")
    if change.rough:
        amount = ctx.t("slide.about", amount=amount)
    key = "slide.change_up" if change.grew else "slide.change_down"
    return ctx.t(key, year=change.since, amount=amount)


def _new_media_slide(ctx: DeckContext) -> Slide:
    channels = new_media_channels(ctx.catalogue)
    raw = channel_trend(ctx.facts)
    trend = channel_trend_table(raw, ctx.catalogue, ctx.lang).filter(
        pl.col("channel").is_in(channels) & pl.col("value").is_not_null()
    )
    title = ctx.t("slide.new_media.title")
    if trend.filter(pl.col("year") == ctx.year).is_empty():
        return Slide("new_media", title, _no_data(ctx), chart="column")
    years = sorted(trend["year"].unique().to_list())
    names = trend["name"].unique(maintain_order=True).to_list()
    series = []
    for name in names:
        mine = {r["year"]: r for r in trend.filter(pl.col("name") == name).iter_rows(named=True)}
        series.append(
            Series(
                name,
                tuple(mine[y]["value"] if y in mine else None for y in years),
                tuple(mine[y]["text"] if y in mine else "" for y in years),
            )
        )
    this_year = trend.filter(pl.col("year") == ctx.year).sort("value", descending=True)
    top = this_year.row(0, named=True)
    share = new_media_share(ctx.facts, ctx.year, ctx.catalogue)
    takeaway = ctx.t(
        "slide.new_media.takeaway",
        channel=top["name"],
        value=_quantity(
            ctx, top["text"], _unit_of(raw, year=ctx.year, channel=top["channel"]), ITEMS
        ),
        count=count_of(Figure(top["value"], top["qualifier"])),
    )
    change = _change(ctx, "items_published", top["channel"])
    if change:
        takeaway += ctx.t("slide.more", more=change)
    if share:
        takeaway += ctx.t("slide.new_media.share", share=f"{share[0]:.0f}")
    return Slide(
        "new_media",
        title,
        takeaway,
        chart="column" if len(years) == 1 else "line",
        categories=tuple(str(y) for y in years),
        series=tuple(series),
        notes=_notes(ctx, ("items_published", "followers", "reads"), channels),
    )


def _hotline_slide(ctx: DeckContext) -> Slide:
    years = hotline_table(hotline_years(ctx.facts), ctx.lang)
    title = ctx.t("slide.hotline.title")
    mine = years.filter(pl.col("year") == ctx.year)
    if mine.is_empty() or mine["received"][0] is None:
        return Slide("hotline", title, _no_data(ctx), chart="column")
    row = mine.row(0, named=True)
    takeaway = ctx.t(
        "slide.hotline.takeaway",
        received=_quantity(ctx, row["received_text"], row.get("received_unit"), "hotline_received"),
        count=count_of(Figure(row["received"], row["received_qualifier"])),
    )
    if row["closure_rate"] is not None:
        takeaway += ctx.t("slide.hotline.rate", rate=row["closure_rate_text"])
    categories = tuple(str(y) for y in years["year"])
    # A series never given (cases closed, in many reports) is left out: an empty series would
    # leave a bare axis with a floating 未报告 where its bars should be.
    series = tuple(
        Series(
            ctx.t(f"slide.hotline.{column}"), tuple(years[column]), tuple(years[f"{column}_text"])
        )
        for column in ("received", "closed")
        if years[column].is_not_null().any()
    )
    if len(series) == 1 and row["closure_rate"] is None:
        title = ctx.t("slide.hotline.title_received")
    return Slide(
        "hotline",
        title,
        takeaway,
        chart="column",
        categories=categories,
        series=series,
        notes=_notes(
            ctx,
            (
                "hotline_received",
                "hotline_closed",
                "hotline_closure_rate",
                "hotline_satisfaction_rate",
            ),
        ),
    )


def _submissions_slide(ctx: DeckContext) -> Slide:
    frame = submissions_table(submissions(ctx.facts, ctx.year), ctx.lang)
    title = ctx.t("slide.submissions.title")
    if frame.is_empty():
        return Slide("submissions", title, _no_data(ctx), chart="column")
    best = frame.filter(pl.col("adopted").is_not_null()).sort("adopted", descending=True)
    if best.height:
        takeaway = ctx.t(
            "slide.submissions.takeaway",
            recipient=best["recipient"][0],
            adopted=_quantity(
                ctx,
                best["adopted_text"][0],
                best["adopted_unit"][0] if "adopted_unit" in best.columns else None,
                "info_adopted",
            ),
        )
        if best["rate_text"][0]:
            takeaway += ctx.t("slide.submissions.rate", rate=best["rate_text"][0])
    else:
        takeaway = ctx.t("slide.submissions.takeaway_none")
    return Slide(
        "submissions",
        title,
        takeaway,
        chart="column",
        categories=tuple(frame["recipient"]),
        series=(
            Series(
                ctx.t("slide.submissions.submitted"),
                tuple(frame["submitted"]),
                tuple(frame["submitted_text"]),
            ),
            Series(
                ctx.t("slide.submissions.adopted"),
                tuple(frame["adopted"]),
                tuple(frame["adopted_text"]),
            ),
        ),
        notes=_notes(ctx, ("info_submitted", "info_adopted", "info_rank")),
    )


def _requests_slide(ctx: DeckContext) -> Slide:
    title = ctx.t("slide.requests.title")
    raw = outcomes(ctx.facts, ctx.year, ctx.catalogue)
    results = outcome_text(raw, ctx.catalogue, ctx.lang)
    new = ctx.year_facts().filter(
        (pl.col("metric") == "requests_new") & pl.col("category").is_null()
    )
    received = (
        Figure(
            new["value"][0],
            new["qualifier"][0],
            unit=new["unit"][0],
            as_written=new["as_written"][0],
        )
        if new.height
        else None
    )
    received_text = (
        _quantity(
            ctx,
            format_value(
                received.value, received.qualifier, lang=ctx.lang, as_written=received.as_written
            ),
            received.unit,
            "requests_new",
        )
        if received
        else ""
    )
    if results.is_empty():
        if received is None:
            return Slide("requests", title, _no_data(ctx), chart="bar")
        takeaway = ctx.t(
            "slide.requests.received_only", received=received_text, count=count_of(received)
        )
        return Slide("requests", title, takeaway, notes=_notes(ctx, ("requests_new",)))
    takeaway = (
        ctx.t("slide.requests.received", received=received_text) if received_text else ""
    ) + ctx.t(
        "slide.requests.disclosed",
        disclosed=_quantity(ctx, results["text"][0], raw["unit"][0], raw["metric"][0]),
    )
    return Slide(
        "requests",
        title,
        takeaway,
        chart="bar",
        categories=tuple(results["outcome"]),
        series=(Series(title, tuple(results["value"]), tuple(results["text"])),),
        notes=_notes(
            ctx,
            ("requests_new", "requests_completed", *outcome_metrics(ctx.catalogue)),
        ),
    )


def _interaction_slide(ctx: DeckContext) -> Slide:
    """Interaction with the public: one bullet per figure of the year, worded as the summary
    words it (`开展在线访谈4期`); their units differ, so they share no chart. No bullet, no
    slide."""
    bullets = tuple(
        named_clause(
            NamedFigure(
                p.headline.metric,
                p.headline.channel,
                p.headline.category,
                Figure(p.value, p.qualifier, p.percent, p.unit or None, p.as_written),
                p.unit,
            ),
            ctx.catalogue,
            ctx.lang,
        )
        for p in interaction_points(ctx.facts, ctx.year, ctx.catalogue)
        if p.value is not None
    )
    title = ctx.t("slide.interaction.title")
    takeaway = ctx.t("slide.interaction.takeaway", year=ctx.year) if bullets else ""
    return Slide(
        "interaction",
        title,
        takeaway,
        bullets=bullets,
        notes=_notes(ctx, tuple(interaction_metrics(ctx.catalogue))),
    )


def _summary_slide(ctx: DeckContext) -> Slide:
    summary = year_summary(ctx.facts, ctx.agency, ctx.year, ctx.catalogue)
    if summary.empty:  # nothing to sum up: a slide without content, left out of the deck
        return Slide("summary", ctx.t("slide.summary.title"), "")
    paragraph = summary_text(summary, ctx.catalogue, ctx.lang)
    # One bullet per clause: a wall of text cannot be read from the back of the room.
    body = paragraph.rstrip("。.")
    separator = ctx.t("summary.part_sep")
    bullets = tuple(part.strip() for part in body.split(separator) if part.strip())
    takeaway = ctx.t("slide.summary.takeaway", year=ctx.year)
    return Slide(
        "summary", ctx.t("slide.summary.title"), takeaway, bullets=bullets, notes=paragraph
    )


# Agencies named on the compare slide: the top ones, and this agency at its rank when lower.
COMPARE_TOP = 10


def _compare_slide(ctx: DeckContext) -> Slide:
    """The agencies ranked on one figure, this agency highlighted (added at its own rank when
    outside the top ones). Without a comparison, or a figure from any agency: no content."""
    comparison = ctx.comparison
    if comparison is None:
        return Slide("compare", ctx.t("deck.slide.compare"), "", chart="bar")
    metric = ctx.catalogue.metrics.get(comparison.metric)
    name = metric.name(ctx.lang) if metric else comparison.metric
    where = " · ".join(
        p
        for p in (
            ctx.catalogue.channel_name(comparison.channel, ctx.lang),
            ctx.catalogue.category_name(metric, comparison.category, ctx.lang)
            if metric is not None and comparison.category
            else "",
        )
        if p
    )
    if where:
        name = ctx.t("slide.note_where", label=name, where=where)
    title = ctx.t("slide.compare.title", name=name, year=ctx.year)
    ranking = comparison.ranking
    shown = top(ranking, COMPARE_TOP)
    mine = place(ranking, ctx.agency)
    if mine is not None and mine.rank is not None and ctx.agency not in shown["agency"]:
        shown = pl.concat([shown, ranking.filter(pl.col("agency") == ctx.agency)])
    if shown.is_empty():
        return Slide("compare", title, _no_data(ctx), chart="bar")
    percent = bool(metric and metric.is_percent)

    def text(row: dict[str, object]) -> str:
        return format_value(
            row["value"],  # type: ignore[arg-type]
            str(row["qualifier"]),
            percent=percent,
            lang=ctx.lang,
            as_written=row["as_written"],  # type: ignore[arg-type]
        )

    rows = shown.to_dicts()
    labels = tuple(f"{r['rank']}. {r['agency']}" for r in rows)
    texts = tuple(text(r) for r in rows)
    of = ranking.filter(pl.col("rank").is_not_null()).height
    if mine is not None and mine.rank is not None:
        value = text(
            {"value": mine.value, "qualifier": mine.qualifier, "as_written": mine.as_written}
        )
        takeaway = ctx.t(
            "slide.compare.takeaway",
            agency=ctx.agency,
            value=_quantity(ctx, value, mine.unit, comparison.metric),
            count=of,
            rank=mine.rank,
        )
        if mine.share_below is not None:
            takeaway += ctx.t("slide.compare.share", share=f"{mine.share_below:.0f}")
    else:
        takeaway = ctx.t("slide.compare.takeaway_none", agency=ctx.agency, count=of)
    notes = [ctx.t("slide.compare.qualified")]
    notes += [f"{label}: {value}" for label, value in zip(labels, texts, strict=True)]
    return Slide(
        "compare",
        title,
        takeaway,
        chart="bar",
        categories=labels,
        series=(Series(name, tuple(r["value"] for r in rows), texts),),
        percent=percent,
        notes="\n".join(notes),
        highlight=tuple(
            label for label, r in zip(labels, rows, strict=True) if r["agency"] == ctx.agency
        ),
    )


def _no_data(ctx: DeckContext) -> str:
    return ctx.t("slide.no_data")


BUILDERS: dict[str, Callable[[DeckContext], Slide]] = {
    "title": _title_slide,
    "channels": _channels_slide,
    "new_media": _new_media_slide,
    "hotline": _hotline_slide,
    "interaction": _interaction_slide,
    "submissions": _submissions_slide,
    "requests": _requests_slide,
    "compare": _compare_slide,
    "summary": _summary_slide,
}
# An agency's own meeting deck: every slide but the comparison with other agencies, which a
# supervising office adds (a saved deck, or /present?metric=… from the 对比 page).
DEFAULT_DECK: tuple[str, ...] = tuple(s for s in BUILDERS if s != "compare")


@dataclass(frozen=True)
class Deck:
    agency: str
    year: int
    slides: tuple[Slide, ...] = field(default_factory=tuple)


def build_deck(
    facts: pl.DataFrame,
    agency: str,
    year: int,
    catalogue: Catalogue,
    *,
    slide_ids: tuple[str, ...] = DEFAULT_DECK,
    lang: str = "zh",
    skip_empty: bool = True,
    comparison: Comparison | None = None,
) -> Deck:
    """The slides of a deck for one agency-year. The title slide always comes first and the
    summary last (when the year has anything to summarise); slides with nothing to show — a
    chart without any figure, a list without any line — are left out (a meeting has no use for
    them). The compare slide draws `comparison` (the agencies ranked on one figure), and has
    nothing to show without one."""
    ctx = DeckContext(
        agency, year, facts.filter(pl.col("agency") == agency), catalogue, lang, comparison
    )
    chosen = [s for s in slide_ids if s in BUILDERS and s not in ("title", "summary")]
    slides = [BUILDERS["title"](ctx)]
    for slide_id in chosen:
        slide = BUILDERS[slide_id](ctx)
        if skip_empty and not slide.has_content:
            continue
        slides.append(slide)
    summary = BUILDERS["summary"](ctx)
    if not skip_empty or summary.has_content:
        slides.append(summary)
    return Deck(agency, year, tuple(slides))
