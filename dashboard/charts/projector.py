"""Slide charts for projectors: a slide's data in, a Plotly figure out.

Readable from the back of a room: large type, thick lines and bars, labels on the data instead
of legends where possible, high contrast on white. Values not reported are labelled, not drawn
as zero.
"""

from __future__ import annotations

from dataclasses import replace

import plotly.graph_objects as go

from dashboard.charts.labels import plotly_text, plotly_texts
from dashboard.charts.theme import FONT_FAMILY, MUTED, PALETTE, not_reported_label
from dashboard.outputs.slides import Slide

TEXT = "#111111"
BASE_SIZE = 26


def _layout(fig: go.Figure, *, height: int | None, legend: bool) -> go.Figure:
    fig.update_layout(
        font={"family": FONT_FAMILY, "size": BASE_SIZE, "color": TEXT},
        colorway=list(PALETTE),
        # None: as tall as the element holding it (the presentation page sizes that to the
        # screen, so a chart slide never runs below a 1280×720 projector's edge).
        height=height,
        autosize=height is None,
        margin={"l": 16, "r": 48, "t": 24, "b": 16},
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        showlegend=legend,
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "x": 0,
            "title": None,
            "font": {"size": BASE_SIZE},
        },
        separators=".,",
        uniformtext={"minsize": 18, "mode": "show"},
    )
    axes = {
        "gridcolor": "#D0D5DB",
        "zerolinecolor": "#555555",
        "automargin": True,
        "tickfont": {"size": BASE_SIZE - 4},
        "exponentformat": "none",
        "separatethousands": True,
    }
    fig.update_xaxes(**axes)
    fig.update_yaxes(**axes)
    return fig


def _label_positions(slide: Slide) -> list[list[str]]:
    """Per series and point: the higher of two values at a year gets its label above the point,
    the lower one below, so labels of close values do not print over each other."""
    positions = [["top center"] * len(slide.categories) for _ in slide.series]
    for point in range(len(slide.categories)):
        values = [
            (s.values[point] if s.values[point] is not None else float("-inf"), i)
            for i, s in enumerate(slide.series)
        ]
        for rank, (_, series) in enumerate(sorted(values, reverse=True)):
            positions[series][point] = "top center" if rank % 2 == 0 else "bottom center"
    return positions


def slide_figure(slide: Slide, *, lang: str = "zh", height: int | None = 640) -> go.Figure:
    """The slide's chart; an empty figure for text slides. Names, categories and labels come
    from data: escaped for Plotly, so they show as typed. `height` None fits the figure to the
    element it is drawn in.

    Series without any figure are not drawn (they would only put a 未报告 on a bare axis); a
    column chart keeps its legend even for one series, so the series is named."""
    fig = go.Figure()
    drawn = tuple(s for s in slide.series if any(v is not None for v in s.values))
    if slide.chart is None or not drawn:
        return _layout(fig, height=height, legend=False)
    slide = replace(slide, series=drawn)
    slide_categories = plotly_texts(slide.categories)
    several = len(slide.series) > 1
    positions = _label_positions(slide)
    largest = max((v for s in slide.series for v in s.values if v is not None), default=1) or 1
    for index, series in enumerate(slide.series):
        color = PALETTE[index % len(PALETTE)]
        name = plotly_text(series.name)
        labels = plotly_texts(series.labels)
        if slide.chart == "bar":
            categories = list(reversed(slide_categories))  # first category on top
            # The slide's own agency (compare slide) in the accent colour.
            colours = [
                PALETTE[1] if category in slide.highlight else color
                for category in reversed(slide.categories)
            ]
            fig.add_trace(
                go.Bar(
                    y=categories,
                    x=list(reversed(series.values)),
                    orientation="h",
                    text=list(reversed(labels)),
                    textposition="outside",
                    textangle=0,
                    name=name,
                    marker_color=colours if slide.highlight else color,
                    cliponaxis=False,
                    textfont={"size": BASE_SIZE + 2},
                )
            )
        elif slide.chart == "line":
            # Direct labels: the series name at the end of its line instead of a legend.
            fig.add_trace(
                go.Scatter(
                    x=slide_categories,
                    y=list(series.values),
                    text=[*labels[:-1], f"{labels[-1]}  {name}"],
                    mode="lines+markers+text",
                    textposition=positions[index],
                    name=name,
                    line={"color": color, "width": 6},
                    marker={"size": 16},
                    cliponaxis=False,
                    textfont={"size": BASE_SIZE, "color": color},
                )
            )
        elif slide.chart == "doughnut":
            fig.add_trace(
                go.Pie(
                    labels=slide_categories,
                    values=list(series.values),
                    hole=0.55,
                    text=labels,
                    textinfo="label+text",
                    sort=False,
                    marker={"colors": list(PALETTE)},
                    textfont={"size": BASE_SIZE},
                )
            )
        else:  # column
            fig.add_trace(
                go.Bar(
                    x=slide_categories,
                    y=list(series.values),
                    text=labels,
                    textposition="outside",
                    name=name,
                    marker_color=color,
                    cliponaxis=False,
                    textfont={"size": BASE_SIZE + 2},
                )
            )
        for category, value in zip(slide_categories, series.values, strict=True):
            if value is None and slide.chart in ("bar", "column"):
                position = (
                    {"y": category, "x": 0, "xanchor": "left"}
                    if slide.chart == "bar"
                    else {"x": category, "y": 0, "yanchor": "bottom"}
                )
                fig.add_annotation(
                    **position,
                    text=not_reported_label(lang),
                    showarrow=False,
                    font={"size": BASE_SIZE - 6, "color": MUTED},
                )
    if slide.chart == "bar":
        fig.update_xaxes(range=[0, largest * 1.3], showticklabels=False, showgrid=False)
    elif slide.chart == "column":
        fig.update_layout(barmode="group", bargap=0.3)
        fig.update_xaxes(type="category")
        fig.update_yaxes(range=[0, largest * 1.25], showticklabels=False, showgrid=False)
    elif slide.chart == "line":
        fig.update_xaxes(type="category")
        fig.update_yaxes(rangemode="tozero", range=[0, largest * 1.3])
    if slide.target is not None:
        fig.add_hline(y=slide.target, line={"color": MUTED, "dash": "dash", "width": 3})
    # Bars name their categories and lines carry their name at their end; columns (years on
    # the axis) need the legend to say what is counted, even for a single series.
    legend = slide.chart == "column" or (several and slide.chart != "line")
    return _layout(fig, height=height, legend=legend)
