"""Charts of the 对比 page: agencies ranked, who has reported, the distribution. Polars in, Plotly
out; no I/O, no Streamlit.

Agency names come from uploaded files: escaped for Plotly (`labels.plotly_text`), so they show as
typed. A qualified figure (`400余`) is drawn at its number, hatched, and labelled as the report
wrote it; the chosen agency is drawn in the accent colour wherever it appears.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts.labels import plotly_text
from dashboard.charts.theme import PALETTE, base_layout, empty_figure
from dashboard.i18n.format import format_value
from dashboard.i18n.messages import t

BAR = PALETTE[0]
HIGHLIGHT = PALETTE[1]  # orange: the chosen agency
NOT_REPORTED = "#D9DEE3"
QUALIFIED_PATTERN = "/"  # hatching: the figure is a bound or an estimate, not an exact count
NAME_WIDTH = 12  # characters of an agency name per line on the axis (phones are narrow)
NAME_LINES = 2  # lines at most; a longer name ends in … (whole in the hover and the table)
MARK = "▶ "  # before the chosen agency's name where colour cannot mark it (the grid's axis)


def _wrapped(name: str, width: int = NAME_WIDTH, lines: int = NAME_LINES) -> str:
    """An agency name for an axis label: escaped, in lines of `width` characters (Plotly's own
    `<br>` between them, the only markup in a label), at most `lines` of them."""
    parts = [name[i : i + width] for i in range(0, len(name), width)] or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], parts[lines - 1][: width - 1] + "…"]
    return "<br>".join(plotly_text(p) for p in parts)


def value_text(
    row: dict[str, object], *, percent: bool, lang: str, round_to: int | None = None
) -> str:
    """A figure as the report wrote it (`400余` / `400+`), `未报告` without one; `round_to`
    rounds a figure computed here (a quantile), never one a report wrote."""
    qualifier = row.get("qualifier") or "not_reported"
    return format_value(
        row.get("value"),  # type: ignore[arg-type]
        str(qualifier),
        percent=percent,
        lang=lang,
        as_written=row.get("as_written"),  # type: ignore[arg-type]
        round_to=round_to,
    )


def ranking_table(rows: pl.DataFrame, *, percent: bool, lang: str) -> pl.DataFrame:
    """A ranking as the table under its chart: rank, agency, the figure as written, and the
    number it ranks by (headed in `lang`)."""
    texts = [value_text(r, percent=percent, lang=lang) for r in rows.iter_rows(named=True)]
    return pl.DataFrame(
        {
            t("compare.col_rank", lang): rows.get_column("rank"),
            t("app.col_agency", lang): rows.get_column("agency"),
            t("app.col_value", lang): pl.Series(texts, dtype=pl.String),
            t("compare.col_ranked_as", lang): rows.get_column("value"),
        }
    )


def ranking_figure(
    rows: pl.DataFrame,
    *,
    lang: str = "zh",
    percent: bool = False,
    highlight: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Horizontal bars, one per ranked agency (rows of `analytics.compare.ranked`, in rank
    order), the first on top, each labelled `rank. agency` on the axis and with its figure as
    written at the bar's end. Qualified figures are hatched; `highlight` is the chosen agency."""
    data = rows.filter(pl.col("rank").is_not_null())
    if data.is_empty():
        return empty_figure(t("compare.no_figures", lang))
    records = list(reversed(data.to_dicts()))  # Plotly draws the first category at the bottom
    names = [f"{r['rank']}. {_wrapped(str(r['agency']))}" for r in records]
    full = [plotly_text(r["agency"]) for r in records]
    texts = [plotly_text(value_text(r, percent=percent, lang=lang)) for r in records]
    colours = [HIGHLIGHT if r["agency"] == highlight else BAR for r in records]
    patterns = [QUALIFIED_PATTERN if r["qualified"] else "" for r in records]
    largest = max(float(r["value"]) for r in records) or 1.0
    fig = go.Figure(
        go.Bar(
            y=names,
            x=[r["value"] for r in records],
            orientation="h",
            text=texts,
            textposition="outside",
            textangle=0,
            marker={"color": colours, "pattern": {"shape": patterns, "solidity": 0.45}},
            customdata=full,
            hovertemplate="%{customdata}: %{text}<extra></extra>",
            cliponaxis=False,
        )
    )
    fig.update_xaxes(range=[0, largest * 1.3], rangemode="tozero")
    fig.update_yaxes(type="category")
    lines = sum(name.count("<br>") + 1 for name in names)
    return base_layout(fig, title=title, height=max(200, 60 + 22 * lines + 12 * len(names)))


def _bin_label(start: float, end: float, *, percent: bool) -> str:
    """`1,000–2,000` (or `90%–95%`): the bin's range, start included."""
    suffix = "%" if percent else ""

    def number(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.6g}"

    return f"{number(start)}{suffix}–{number(end)}{suffix}"


def distribution_figure(
    bins: pl.DataFrame,
    *,
    lang: str = "zh",
    percent: bool = False,
    marker: float | None = None,
    marker_text: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Agencies per range of the figure (bins of `analytics.compare.distribution`), as columns;
    the bin holding `marker` (the chosen agency's figure) in the accent colour, with
    `marker_text` (plain text) above it."""
    if bins.is_empty():
        return empty_figure(t("compare.no_figures", lang))
    records = bins.to_dicts()
    labels = [_bin_label(r["start"], r["end"], percent=percent) for r in records]
    mine = None
    if marker is not None:
        last = len(records) - 1
        mine = next(
            (
                i
                for i, r in enumerate(records)
                if r["start"] <= marker < r["end"] or (i == last and marker <= r["end"])
            ),
            None,
        )
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=[r["agencies"] for r in records],
            text=[str(r["agencies"]) for r in records],
            textposition="outside",
            textfont={"size": 12},
            marker_color=[HIGHLIGHT if i == mine else BAR for i in range(len(records))],
            hovertemplate="%{x}: %{y}<extra></extra>",
            cliponaxis=False,
        )
    )
    top = max(r["agencies"] for r in records) or 1
    if mine is not None and marker_text:
        # The name above every bar (its labels included), an arrow down to the agency's bin;
        # anchored away from the nearer edge, so a long name stays inside a phone's width.
        fig.add_annotation(
            x=labels[mine],
            y=records[mine]["agencies"] + top * 0.1,
            ax=labels[mine],
            ay=top * 1.32,
            axref="x",
            ayref="y",
            text=plotly_text(marker_text),
            showarrow=True,
            arrowhead=2,
            arrowcolor=HIGHLIGHT,
            xanchor="left" if mine < len(records) / 2 else "right",
            yanchor="bottom",
            font={"color": HIGHLIGHT, "size": 13},
        )
    fig.update_xaxes(type="category", tickangle=-45 if len(records) > 6 else 0)
    fig.update_yaxes(range=[0, top * 1.5], rangemode="tozero", showticklabels=False)
    fig.update_layout(bargap=0.08)
    return base_layout(fig, title=title, height=340)


def reporting_counts_figure(
    years: pl.DataFrame, *, lang: str = "zh", title: str | None = None
) -> go.Figure:
    """Per year, agencies that reported and that did not (frame of `reporting_counts`: year,
    reported, missing), stacked, oldest year first."""
    if years.is_empty():
        return empty_figure(t("compare.no_reports", lang))
    data = years.sort("year")
    x = [str(y) for y in data.get_column("year")]
    fig = go.Figure()
    for column, colour, key in (
        ("reported", BAR, "compare.reported"),
        ("missing", NOT_REPORTED, "compare.missing"),
    ):
        counts = data.get_column(column).to_list()
        name = t(key, lang)
        fig.add_trace(
            go.Bar(
                x=x,
                y=counts,
                name=name,
                marker_color=colour,
                text=[str(c) if c else "" for c in counts],
                # The reported count inside its bar, the missing one above the stack (a thin
                # segment would turn its label sideways).
                textposition="inside" if column == "reported" else "outside",
                textangle=0,
                insidetextanchor="middle",
                hovertemplate=f"%{{x}} {name}: %{{y}}<extra></extra>",
                cliponaxis=False,
            )
        )
    fig.update_layout(barmode="stack", bargap=0.25, legend={"traceorder": "normal"})
    fig.update_xaxes(type="category")
    return base_layout(fig, title=title, height=320)


def reporting_matrix_figure(
    page: pl.DataFrame, *, lang: str = "zh", highlight: str | None = None
) -> go.Figure:
    """A page of the agencies × years matrix (frame of `reporting_matrix`: agency, then one
    Boolean column per year) as a grid: a filled cell where the agency has a report for the
    year, a pale one where it has none; the first agency on top."""
    years = [c for c in page.columns if c != "agency"]
    if page.is_empty() or not years:
        return empty_figure(t("compare.no_reports", lang))
    reported, missing = t("compare.cell_reported", lang), t("compare.cell_missing", lang)
    rows = list(reversed(page.to_dicts()))
    z = [[1 if r[y] else 0 for y in years] for r in rows]
    words = [[reported if r[y] else missing for y in years] for r in rows]
    names = [_wrapped(MARK * (r["agency"] == highlight) + str(r["agency"])) for r in rows]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=years,
            y=names,
            customdata=[
                [f"{plotly_text(r['agency'])} · {y}: {w}" for y, w in zip(years, ws, strict=True)]
                for r, ws in zip(rows, words, strict=True)
            ],
            zmin=0,
            zmax=1,
            colorscale=[[0, NOT_REPORTED], [1, BAR]],
            showscale=False,
            xgap=3,
            ygap=3,
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(type="category", side="top", showgrid=False)
    fig.update_yaxes(type="category", showgrid=False)
    lines = sum(n.count("<br>") + 1 for n in names)
    fig = base_layout(fig, height=max(160, 70 + 20 * lines + 8 * len(names)))
    fig.update_layout(margin={"t": 40})
    return fig
