"""Shared look of every chart: colour-blind-safe palette, Chinese fonts, quiet layout."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.charts.labels import plotly_text
from dashboard.i18n.messages import t

# Okabe & Ito (2008): distinguishable with every common form of colour blindness.
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # green
    "#CC79A7",  # purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermilion
    "#F0E442",  # yellow
    "#000000",
)
MUTED = "#8A9299"
FONT_FAMILY = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
    "'Hiragino Sans GB', 'WenQuanYi Micro Hei', sans-serif"
)


def not_reported_label(lang: str) -> str:
    """The label drawn where a figure is not reported (no bar, no zero)."""
    return t("word.not_reported", lang)


def base_layout(fig: go.Figure, *, title: str | None = None, height: int = 380) -> go.Figure:
    """Apply the house style; titles stay short (plain text), legends sit above the plot."""
    fig.update_layout(
        title={"text": plotly_text(title), "x": 0, "xanchor": "left"} if title else None,
        font={"family": FONT_FAMILY, "size": 14, "color": "#1F2933"},
        colorway=list(PALETTE),
        height=height,
        margin={"l": 8, "r": 8, "t": 48 if title else 16, "b": 8},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": None},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        separators=".,",
    )
    # Whole numbers with separators (300,000), never SI suffixes such as "300k" in a Chinese UI.
    axes = {
        "gridcolor": "#E5E9EE",
        "zerolinecolor": "#CBD2D9",
        "automargin": True,
        "exponentformat": "none",
        "separatethousands": True,
    }
    fig.update_xaxes(**axes)
    fig.update_yaxes(**axes)
    return fig


def empty_figure(message: str, *, height: int = 160) -> go.Figure:
    """A figure that says why there is nothing to draw (plain text), instead of empty axes."""
    fig = go.Figure()
    fig.add_annotation(
        text=plotly_text(message),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 16, "color": MUTED},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, height=height)
