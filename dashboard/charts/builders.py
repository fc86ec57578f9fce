"""Chart builders: a Polars frame in, a Plotly figure out. No I/O, no Streamlit.

Every bar and point carries its text as the report wrote it (`400余`), and a figure that is not
reported is labelled `未报告` / `not reported` without drawing a zero. Text from data (channel,
category, recipient names, the report's figures) is shown as typed: each builder escapes its
frame's text columns for Plotly first (`labels.plotly_strings`).
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts.labels import plotly_strings
from dashboard.charts.theme import MUTED, PALETTE, base_layout, empty_figure, not_reported_label
from dashboard.i18n.messages import t


def _no_data(lang: str) -> go.Figure:
    # Not "this year": trend and hotline charts span every year.
    return empty_figure(t("chart.no_data", lang))


def _mark_not_reported(
    fig: go.Figure, categories: list[str], *, lang: str, horizontal: bool
) -> None:
    for category in categories:
        position = {"y": category, "x": 0} if horizontal else {"x": category, "y": 0}
        fig.add_annotation(
            **position,
            text=not_reported_label(lang),
            showarrow=False,
            xanchor="left" if horizontal else "center",
            yanchor="middle" if horizontal else "bottom",
            font={"color": MUTED, "size": 13},
        )


# Bar colours of the channel chart by the channel's kind; the all-channel total a report states
# (kind "total", drawn above the channels) in a dark neutral, so it does not read as one of them.
KIND_COLOURS = {"new_media": PALETTE[1], "total": "#4D5965"}


def channel_bar_figure(
    frame: pl.DataFrame, *, lang: str = "zh", title: str | None = None
) -> go.Figure:
    """Items per channel (frame from `channels.channel_items`): horizontal bars, largest on top.

    A derived channel total (sum of its categories) is labelled as such.
    """
    frame = plotly_strings(frame)
    if frame.is_empty():
        return _no_data(lang)
    rows = list(reversed(frame.to_dicts()))  # Plotly draws the first category at the bottom
    derived = t("chart.sum_of_parts", lang)
    texts = [r["text"] + (derived if r["derived"] else "") for r in rows]
    values = [r["value"] for r in rows if r["value"] is not None]
    fig = go.Figure(
        go.Bar(
            y=[r["name"] for r in rows],
            x=[r["value"] for r in rows],
            orientation="h",
            text=texts,
            # Outside and level: labels inside short bars would be turned sideways.
            textposition="outside",
            textangle=0,
            marker_color=[KIND_COLOURS.get(r["kind"], PALETTE[0]) for r in rows],
            hovertemplate="%{y}: %{text}<extra></extra>",
            cliponaxis=False,
        )
    )
    _mark_not_reported(
        fig, [r["name"] for r in rows if r["value"] is None], lang=lang, horizontal=True
    )
    # Room on the right for the longest label (`3000余（分项合计）`).
    fig.update_xaxes(range=[0, max(values, default=1) * 1.35], rangemode="tozero")
    return base_layout(fig, title=title, height=max(220, 70 + 48 * len(rows)))


def category_figure(
    frame: pl.DataFrame, *, lang: str = "zh", title: str | None = None
) -> go.Figure:
    """Categories within each channel (frame from `channels.channel_categories`): horizontal
    bars grouped by channel, largest first within each channel.

    Bars rather than a treemap: a report's categories span 1 to 2,000 items, and small boxes of
    a treemap become unreadable, on a phone above all.
    """
    frame = plotly_strings(frame)
    data = frame.filter(pl.col("value").is_not_null())
    if data.is_empty():
        return _no_data(lang)
    channels = data.get_column("name").unique(maintain_order=True).to_list()
    fig = go.Figure()
    for index, channel in enumerate(reversed(channels)):
        mine = data.filter(pl.col("name") == channel).sort("value")
        fig.add_trace(
            go.Bar(
                y=[[channel] * mine.height, mine.get_column("category").to_list()],
                x=mine.get_column("value").to_list(),
                orientation="h",
                text=mine.get_column("text").to_list(),
                textposition="outside",
                textangle=0,
                name=str(channel),
                marker_color=PALETTE[(len(channels) - 1 - index) % len(PALETTE)],
                hovertemplate="%{y}: %{text}<extra></extra>",
                cliponaxis=False,
            )
        )
    fig.update_xaxes(range=[0, float(data.get_column("value").max() or 1) * 1.25])
    fig.update_layout(showlegend=False)
    return base_layout(fig, title=title, height=max(240, 60 + 30 * data.height))


def trend_figure(
    frame: pl.DataFrame,
    *,
    lang: str = "zh",
    title: str | None = None,
    group: str = "name",
    percent: bool = False,
) -> go.Figure:
    """Values over the years, one line per `group` (frame with year, value, text and group).

    With a single year there is no trend to draw: grouped bars for that year instead.
    """
    frame = plotly_strings(frame)
    data = frame.filter(pl.col("value").is_not_null()).sort("year")
    if data.is_empty():
        return _no_data(lang)
    years = sorted(data.get_column("year").unique().to_list())
    groups = data.get_column(group).unique(maintain_order=True).to_list()
    last_values = data.group_by(group).agg(pl.col("value").last()).sort("value", descending=True)
    end_rank = {name: rank for rank, name in enumerate(last_values.get_column(group))}
    fig = go.Figure()
    for index, name in enumerate(groups):
        mine = data.filter(pl.col(group) == name)
        color = PALETTE[index % len(PALETTE)]
        if len(years) == 1:
            fig.add_trace(
                go.Bar(
                    x=[str(y) for y in mine.get_column("year")],
                    y=mine.get_column("value").to_list(),
                    text=mine.get_column("text").to_list(),
                    textposition="outside",
                    name=str(name),
                    marker_color=color,
                    hovertemplate=f"{name} %{{x}}: %{{text}}<extra></extra>",
                    cliponaxis=False,
                )
            )
        else:
            texts = mine.get_column("text").to_list()
            position = "top center"
            if len(groups) > 1:
                # Several lines: label only each line's last point, every value stays in the
                # hover and the numbers table. Lines ending close together get their labels
                # above and below in turn, so the labels do not print over each other.
                texts = ["" for _ in texts[:-1]] + texts[-1:]
                position = "top center" if end_rank[name] % 2 == 0 else "bottom center"
            fig.add_trace(
                go.Scatter(
                    x=mine.get_column("year").to_list(),
                    y=mine.get_column("value").to_list(),
                    text=texts,
                    customdata=mine.get_column("text").to_list(),
                    mode="lines+markers+text",
                    textposition=position,
                    name=str(name),
                    line={"color": color, "width": 3},
                    marker={"size": 9},
                    hovertemplate=f"{name} %{{x}}: %{{customdata}}<extra></extra>",
                    cliponaxis=False,
                )
            )
    if len(years) > 1:
        # Real year spacing: 2020 and 2022 are two years apart, not neighbours.
        fig.update_xaxes(
            tickmode="array",
            tickvals=years,
            ticktext=[str(y) for y in years],
            range=[years[0] - 0.5, years[-1] + 0.5],
        )
    else:
        fig.update_xaxes(type="category")  # "2019" is a label, not the number 2,019
    fig.update_yaxes(rangemode="tozero", ticksuffix="%" if percent else "")
    if percent:
        fig.update_yaxes(range=[0, 110])
    # A legend even for a single series: it names what is drawn (which channel's followers).
    fig.update_layout(showlegend=True)
    return base_layout(fig, title=title)


def submissions_figure(
    frame: pl.DataFrame, *, lang: str = "zh", title: str | None = None
) -> go.Figure:
    """Submitted vs adopted per recipient (frame from `channels.submissions`) as horizontal
    grouped bars, with the adoption rate in each recipient's label and `未报告` where a count
    is missing."""
    frame = plotly_strings(frame)
    if frame.is_empty():
        return _no_data(lang)
    rows = list(reversed(frame.to_dicts()))  # first recipient on top
    labels = [
        t("chart.submissions.label", lang, recipient=r["recipient"], rate=r["rate_text"])
        if r["rate_text"]
        else r["recipient"]
        for r in rows
    ]
    fig = go.Figure()
    series = (
        ("submitted", t("chart.submissions.submitted", lang), PALETTE[0], -9),
        ("adopted", t("chart.submissions.adopted", lang), PALETTE[1], 9),
    )
    for column, name, color, shift in series:
        fig.add_trace(
            go.Bar(
                y=labels,
                x=[r[column] for r in rows],
                orientation="h",
                text=[r[f"{column}_text"] for r in rows],
                textposition="outside",
                textangle=0,
                name=name,
                marker_color=color,
                cliponaxis=False,
                hovertemplate=f"%{{y}} {name}: %{{text}}<extra></extra>",
            )
        )
        for label, r in zip(labels, rows, strict=True):
            if r[column] is None:
                # Plotly draws no text for a missing bar: say it is missing, at that bar's place.
                fig.add_annotation(
                    x=0,
                    y=label,
                    yshift=shift,
                    text=not_reported_label(lang),
                    showarrow=False,
                    xanchor="left",
                    font={"color": MUTED, "size": 12},
                )
    largest = max((r[c] or 0 for r in rows for c in ("submitted", "adopted")), default=1)
    fig.update_layout(barmode="group", legend={"traceorder": "normal"})
    fig.update_xaxes(range=[0, (largest or 1) * 1.25])
    return base_layout(fig, title=title, height=max(240, 80 + 56 * len(rows)))


def hotline_figure(frame: pl.DataFrame, *, lang: str = "zh", title: str | None = None) -> go.Figure:
    """Cases received and closed per year (bars) and the closure rate against a 100% target."""
    frame = plotly_strings(frame)
    if frame.is_empty():
        return _no_data(lang)
    years = [str(y) for y in frame.get_column("year")]
    fig = go.Figure()
    for column, name, color in (
        ("received", t("chart.hotline.received", lang), PALETTE[0]),
        ("closed", t("chart.hotline.closed", lang), PALETTE[2]),
    ):
        if frame.get_column(column).is_null().all():
            continue  # never given (e.g. cases closed): no empty series in the legend
        fig.add_trace(
            go.Bar(
                x=years,
                y=frame.get_column(column).to_list(),
                text=frame.get_column(f"{column}_text").to_list(),
                textposition="outside",
                name=name,
                marker_color=color,
                cliponaxis=False,
                hovertemplate=f"%{{x}} {name}: %{{text}}<extra></extra>",
            )
        )
    rates = frame.get_column("closure_rate").to_list()
    if any(r is not None for r in rates):
        fig.add_trace(
            go.Scatter(
                x=years,
                y=rates,
                text=frame.get_column("closure_rate_text").to_list(),
                mode="lines+markers+text",
                textposition="top center",
                yaxis="y2",
                name=t("chart.hotline.closure_rate", lang),
                line={"color": PALETTE[5], "width": 3},
                marker={"size": 10},
                hovertemplate="%{x}: %{text}<extra></extra>",
                cliponaxis=False,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=years,
                y=[100] * len(years),
                mode="lines",
                yaxis="y2",
                name=t("chart.hotline.target", lang),
                line={"color": MUTED, "dash": "dash", "width": 2},
                hoverinfo="skip",
            )
        )
    fig.update_layout(
        barmode="group",
        bargap=0.35,
        showlegend=True,  # even for received alone: the legend names what the bars count
        xaxis={"type": "category"},  # years as labels: "2019", never 2,018.6
        yaxis={"rangemode": "tozero", "title": None},
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "range": [0, 115],
            "tickvals": [0, 25, 50, 75, 100],
            "ticksuffix": "%",
            "showgrid": False,
            "title": None,
        },
    )
    return base_layout(fig, title=title)


def rate_figure(
    frame: pl.DataFrame, *, column: str, lang: str = "zh", title: str | None = None
) -> go.Figure:
    """One rate per year (e.g. satisfaction) as points against the 100% line."""
    frame = plotly_strings(frame)
    data = frame.filter(pl.col(column).is_not_null())
    if data.is_empty():
        return _no_data(lang)
    years = [str(y) for y in data.get_column("year")]
    fig = go.Figure(
        go.Scatter(
            x=years,
            y=data.get_column(column).to_list(),
            text=data.get_column(f"{column}_text").to_list(),
            mode="markers+text+lines",
            textposition="top center",
            line={"color": PALETTE[2], "width": 3},
            marker={"size": 10},
            hovertemplate="%{x}: %{text}<extra></extra>",
            showlegend=False,
            cliponaxis=False,
        )
    )
    fig.add_hline(y=100, line={"color": MUTED, "dash": "dash"})
    fig.update_xaxes(type="category")
    fig.update_yaxes(range=[0, 115], tickvals=[0, 25, 50, 75, 100], ticksuffix="%")
    return base_layout(fig, title=title, height=300)


def grouped_bar_figure(
    frame: pl.DataFrame, *, x: str, group: str, lang: str = "zh", title: str | None = None
) -> go.Figure:
    """Bars of `value` by `x` and `group` (frame with value and text); `未报告` where a figure
    exists in the report's words but has no number."""
    frame = plotly_strings(frame)
    if frame.is_empty():
        return _no_data(lang)
    fig = go.Figure()
    missing: list[str] = []
    groups = frame.get_column(group).unique(maintain_order=True).to_list()
    for index, name in enumerate(groups):
        mine = frame.filter(pl.col(group) == name)
        xs = [str(v) for v in mine.get_column(x)]
        fig.add_trace(
            go.Bar(
                x=xs,
                y=mine.get_column("value").to_list(),
                text=mine.get_column("text").to_list(),
                textposition="outside",
                name=str(name),
                marker_color=PALETTE[index % len(PALETTE)],
                hovertemplate=f"%{{x}} {name}: %{{text}}<extra></extra>",
                cliponaxis=False,
            )
        )
        missing += [xv for xv, v in zip(xs, mine.get_column("value"), strict=True) if v is None]
    # A legend even for a single series: it names what is drawn.
    fig.update_layout(barmode="group", xaxis={"type": "category"}, showlegend=True)
    fig.update_yaxes(rangemode="tozero")
    if frame.get_column("value").is_null().all():
        fig.update_yaxes(range=[0, 1], showticklabels=False)
    _mark_not_reported(fig, sorted(set(missing)), lang=lang, horizontal=False)
    return base_layout(fig, title=title)


def outcome_figure(frame: pl.DataFrame, *, lang: str = "zh", title: str | None = None) -> go.Figure:
    """Outcomes of the year's requests (frame from `i18n.statutory.outcome_text`) as bars."""
    frame = plotly_strings(frame)
    if frame.is_empty():
        return _no_data(lang)
    rows = list(reversed(frame.to_dicts()))
    fig = go.Figure(
        go.Bar(
            y=[r["outcome"] for r in rows],
            x=[r["value"] for r in rows],
            orientation="h",
            text=[r["text"] for r in rows],
            textposition="outside",
            marker_color=PALETTE[0],
            hovertemplate="%{y}: %{text}<extra></extra>",
            cliponaxis=False,
        )
    )
    fig.update_xaxes(rangemode="tozero")
    return base_layout(fig, title=title, height=max(220, 70 + 44 * len(rows)))


def share_figure(
    share: float, *, approximate: bool, lang: str = "zh", title: str | None = None
) -> go.Figure:
    """New-media posts as a share of all items: a donut with the share in the middle."""
    label = t("chart.share.approximate" if approximate else "chart.share.value", lang, share=share)
    fig = go.Figure(
        go.Pie(
            labels=[t("chart.share.new_media", lang), t("chart.share.other", lang)],
            values=[share, 100 - share],
            hole=0.62,
            sort=False,
            direction="clockwise",
            marker={"colors": [PALETTE[1], "#DDE3E9"]},
            textinfo="none",
            hovertemplate="%{label}: %{percent}<extra></extra>",
        )
    )
    fig.add_annotation(text=label, x=0.5, y=0.5, showarrow=False, font={"size": 28})
    return base_layout(fig, title=title, height=300)
