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

from dashboard.analytics.channels import channel_items, channel_trend, submissions
from dashboard.analytics.headlines import year_change
from dashboard.analytics.hotline import hotline_years
from dashboard.analytics.new_media import new_media_channels, new_media_share
from dashboard.analytics.statutory import OUTCOMES, outcomes
from dashboard.analytics.summary import year_summary
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.values import format_value

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

    @property
    def has_data(self) -> bool:
        return any(v is not None for s in self.series for v in s.values)


@dataclass(frozen=True)
class DeckContext:
    agency: str
    year: int
    facts: pl.DataFrame  # every year of the agency
    catalogue: Catalogue
    lang: str

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

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
        value = format_value(r["value"], r["qualifier"], percent=metric.is_percent, lang=ctx.lang)
        label = metric.name(ctx.lang) + (
            f"（{where}）" if where and ctx.zh else (f" ({where})" if where else "")
        )
        source = f" — {r['note']}" if r["note"] else ""
        lines.append(f"{label}: {value}{source}")
    head = (
        f"数据来源：{ctx.agency}{ctx.year}年政府信息公开工作年度报告"
        if ctx.zh
        else f"Source: {ctx.agency}, annual disclosure report {ctx.year}"
    )
    return "\n".join([head, *lines])


def _title_slide(ctx: DeckContext) -> Slide:
    title = (
        f"{ctx.agency}{ctx.year}年政务公开工作"
        if ctx.zh
        else f"{ctx.agency}: disclosure work in {ctx.year}"
    )
    subtitle = "政府信息公开工作年度数据" if ctx.zh else "Figures of the annual disclosure report"
    return Slide("title", title, subtitle, notes=_notes(ctx, ()))


def _channels_slide(ctx: DeckContext) -> Slide:
    items = channel_items(ctx.facts, ctx.year, ctx.catalogue, ctx.lang).filter(
        pl.col("value").is_not_null()
    )
    title = "各渠道发布信息条数" if ctx.zh else "Items published per channel"
    if items.is_empty():
        return Slide("channels", title, _no_data(ctx), chart="bar")
    top = items.row(0, named=True)
    unit = "条" if ctx.zh else ""
    takeaway = (
        f"{top['name']}发布最多，{top['text']}{unit}"
        if ctx.zh
        else f"Most items on {top['name']}: {top['text']}"
    )
    change = _change(ctx, "items_published", top["channel"])
    if change:
        takeaway += f"，{change}" if ctx.zh else f", {change}"
    return Slide(
        "channels",
        title,
        takeaway,
        chart="bar",
        categories=tuple(items["name"]),
        series=(Series(title, tuple(items["value"]), tuple(items["text"])),),
        notes=_notes(ctx, ("items_published",)),
    )


def _change(ctx: DeckContext, metric: str, channel: str | None) -> str:
    """`较2020年增长12%` / `up 12% on 2020`, against the latest earlier year with the figure."""
    change = year_change(ctx.facts, ctx.year, metric, channel, lang=ctx.lang)
    if change is None:
        return ""
    amount = change.delta.lstrip("+-")
    if ctx.zh:
        word = "增长" if change.grew else "下降"
        return f"较{change.since}年{word}{'约' if change.rough else ''}{amount}"
    word = "up" if change.grew else "down"
    return f"{word} {'about ' if change.rough else ''}{amount} on {change.since}"


def _new_media_slide(ctx: DeckContext) -> Slide:
    channels = new_media_channels(ctx.catalogue)
    trend = channel_trend(ctx.facts, ctx.catalogue, ctx.lang).filter(
        pl.col("channel").is_in(channels) & pl.col("value").is_not_null()
    )
    title = "微信、微博等新媒体发布" if ctx.zh else "WeChat, Weibo and short video"
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
    if ctx.zh:
        takeaway = f"{top['name']}发布{top['text']}条"
        change = _change(ctx, "items_published", top["channel"])
        takeaway += f"，{change}" if change else ""
        if share:
            takeaway += f"；新媒体约占全部发布的{share[0]:.0f}%"
    else:
        takeaway = f"{top['text']} posts on {top['name']}"
        change = _change(ctx, "items_published", top["channel"])
        takeaway += f", {change}" if change else ""
        if share:
            takeaway += f"; about {share[0]:.0f}% of all items"
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
    years = hotline_years(ctx.facts, ctx.lang)
    title = "12345 热线受理与办结" if ctx.zh else "12345 hotline cases"
    mine = years.filter(pl.col("year") == ctx.year)
    if mine.is_empty() or mine["received"][0] is None:
        return Slide("hotline", title, _no_data(ctx), chart="column")
    row = mine.row(0, named=True)
    if ctx.zh:
        takeaway = f"受理交办件{row['received_text']}件"
        if row["closure_rate"] is not None:
            takeaway += f"，办结率{row['closure_rate_text']}"
    else:
        takeaway = f"{row['received_text']} cases received"
        if row["closure_rate"] is not None:
            takeaway += f", {row['closure_rate_text']} closed"
    categories = tuple(str(y) for y in years["year"])
    return Slide(
        "hotline",
        title,
        takeaway,
        chart="column",
        categories=categories,
        series=(
            Series(
                "受理件数" if ctx.zh else "Received",
                tuple(years["received"]),
                tuple(years["received_text"]),
            ),
            Series(
                "办结件数" if ctx.zh else "Closed",
                tuple(years["closed"]),
                tuple(years["closed_text"]),
            ),
        ),
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
    frame = submissions(ctx.facts, ctx.year, ctx.lang)
    title = "信息报送与录用" if ctx.zh else "Information submitted and adopted"
    if frame.is_empty():
        return Slide("submissions", title, _no_data(ctx), chart="column")
    best = frame.filter(pl.col("adopted").is_not_null()).sort("adopted", descending=True)
    if ctx.zh:
        takeaway = (
            f"{best['recipient'][0]}录用{best['adopted_text'][0]}篇"
            if best.height
            else "报送信息已录用"
        )
        if best.height and best["rate_text"][0]:
            takeaway += f"，录用率{best['rate_text'][0]}"
    else:
        takeaway = (
            f"{best['adopted_text'][0]} adopted by {best['recipient'][0]}"
            if best.height
            else "Information adopted"
        )
    return Slide(
        "submissions",
        title,
        takeaway,
        chart="column",
        categories=tuple(frame["recipient"]),
        series=(
            Series(
                "报送" if ctx.zh else "Submitted",
                tuple(frame["submitted"]),
                tuple(frame["submitted_text"]),
            ),
            Series(
                "录用" if ctx.zh else "Adopted",
                tuple(frame["adopted"]),
                tuple(frame["adopted_text"]),
            ),
        ),
        notes=_notes(ctx, ("info_submitted", "info_adopted", "info_rank")),
    )


def _requests_slide(ctx: DeckContext) -> Slide:
    title = "依申请公开办理结果" if ctx.zh else "Disclosure requests"
    results = outcomes(ctx.facts, ctx.year, ctx.catalogue, ctx.lang)
    new = ctx.year_facts().filter(
        (pl.col("metric") == "requests_new") & pl.col("category").is_null()
    )
    received = (
        format_value(new["value"][0], new["qualifier"][0], lang=ctx.lang) if new.height else None
    )
    if results.is_empty():
        if received is None:
            return Slide("requests", title, _no_data(ctx), chart="bar")
        takeaway = (
            f"全年新收政府信息公开申请{received}件"
            if ctx.zh
            else f"{received} new disclosure requests"
        )
        return Slide("requests", title, takeaway, notes=_notes(ctx, ("requests_new",)))
    takeaway = (f"新收申请{received}件，" if ctx.zh and received else "") + (
        f"予以公开{results['text'][0]}件" if ctx.zh else f"{results['text'][0]} disclosed"
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
            ("requests_new", "requests_completed", *OUTCOMES),
        ),
    )


def _summary_slide(ctx: DeckContext) -> Slide:
    title = "小结" if ctx.zh else "Summary"
    paragraph = year_summary(ctx.facts, ctx.agency, ctx.year, ctx.catalogue, ctx.lang)
    # One bullet per clause: a wall of text cannot be read from the back of the room.
    separator = "；" if ctx.zh else "; "
    body = paragraph.rstrip("。.")
    bullets = tuple(part.strip() for part in body.split(separator) if part.strip())
    takeaway = f"{ctx.year}年主要数据一览" if ctx.zh else f"{ctx.year} at a glance"
    return Slide("summary", title, takeaway, bullets=bullets, notes=paragraph)


def _no_data(ctx: DeckContext) -> str:
    return "本年报告未给出相关数据" if ctx.zh else "The report gives no figures for this"


BUILDERS: dict[str, Callable[[DeckContext], Slide]] = {
    "title": _title_slide,
    "channels": _channels_slide,
    "new_media": _new_media_slide,
    "hotline": _hotline_slide,
    "submissions": _submissions_slide,
    "requests": _requests_slide,
    "summary": _summary_slide,
}
DEFAULT_DECK: tuple[str, ...] = tuple(BUILDERS)


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
) -> Deck:
    """The slides of a deck for one agency-year. The title and summary slides always come first
    and last; chart slides without any figure are left out (a meeting has no use for them)."""
    ctx = DeckContext(agency, year, facts.filter(pl.col("agency") == agency), catalogue, lang)
    chosen = [s for s in slide_ids if s in BUILDERS and s not in ("title", "summary")]
    slides = [BUILDERS["title"](ctx)]
    for slide_id in chosen:
        slide = BUILDERS[slide_id](ctx)
        if skip_empty and slide.chart is not None and not slide.has_data:
            continue
        slides.append(slide)
    slides.append(BUILDERS["summary"](ctx))
    return Deck(agency, year, tuple(slides))
