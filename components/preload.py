"""Load, once and in one thread, everything the pages would otherwise import on first use.

Streamlit runs each session's script in a thread of its own. PyArrow, pandas, numpy's extras,
Plotly's trace classes and Plotly's JSON writer are imported lazily, on a session's first
`st.dataframe` (Polars → Arrow/pandas) or first chart. When several sessions start at once on a
fresh server, their threads import these at the same moment, and both Polars
(`polars._dependencies`) and Plotly (`_plotly_utils.optional_imports`) take a module straight from
`sys.modules` while another thread is still executing it: "partially initialized module
'pandas' has no attribute …" on a leader's screen.

`dashboard/app.py` imports this module before anything else. Python runs a module's body in one
thread while every other thread importing it waits for it to finish, so whichever session comes
first loads all of it, the others wait, and no script thread ever meets a half-loaded module. The
warm-up below goes through the same calls the pages make (Polars → pandas → Arrow bytes, a Plotly
figure of every trace type the charts use → JSON), which also loads what those calls import
inside functions. Later reruns find it all in `sys.modules` and pay nothing.

pandas is loaded here, never used: the project's own code works on Polars frames only (see
tests/test_architecture.py); Streamlit and Plotly need pandas loaded for their conversions.
"""

from __future__ import annotations

import importlib

# Imported lazily by Polars, PyArrow, Streamlit or Plotly on first use (found by diffing
# sys.modules before and after a first run of every page). Imported by name, in dependency order.
LAZY_MODULES = (
    "numpy",
    "numpy.ma",
    "numpy.random",
    "pyarrow",
    "pyarrow.compute",
    "pyarrow.ipc",
    "pyarrow.types",
    "pyarrow.pandas_compat",
    "dateutil.parser",
    "dateutil.relativedelta",
    "dateutil.tz",
    "zoneinfo",
    "_strptime",  # time.strptime's first call imports it; famously racy in threads
    "pandas",
    "plotly.graph_objects",
    "plotly.io",
    "plotly.io._json",
    "plotly.tools",
    "openpyxl.packaging.extended",  # first Excel download
    "sqlalchemy.dialects.sqlite",
    "streamlit.dataframe_util",
    "streamlit.emojis",
    "streamlit.material_icon_names",
)

for _name in LAZY_MODULES:
    importlib.import_module(_name)

import plotly.graph_objects as go  # noqa: E402
import plotly.io  # noqa: E402
import plotly.tools  # noqa: E402
import polars as pl  # noqa: E402
from streamlit import dataframe_util  # noqa: E402

from dashboard.charts.theme import base_layout  # noqa: E402


def _warm_tables() -> None:
    """What `st.dataframe` / `st.table` do with a Polars frame, on every column type we show."""
    frame = pl.DataFrame(
        {
            "text": ["a", None],
            "int": [1, None],
            "float": [1.5, None],
            "bool": [True, None],
            "year": pl.Series([2019, 2020], dtype=pl.Int32),
        }
    )
    dataframe_util.convert_anything_to_arrow_bytes(frame)
    converted = dataframe_util.convert_anything_to_pandas_df(frame, ensure_copy=False)
    dataframe_util.convert_pandas_df_to_arrow_bytes(converted)


def _warm_charts() -> None:
    """What `st.plotly_chart` does with a figure: validate it, write it as JSON."""
    figure = go.Figure()
    figure.add_trace(
        go.Bar(
            x=[1, 2],
            y=["a", "b"],
            orientation="h",
            text=["1", "2"],
            textposition="outside",
            textfont={"size": 12},
            cliponaxis=False,
            marker={"color": ["#0072B2", "#E69F00"]},
            customdata=[["a"], ["b"]],
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    figure.add_trace(
        go.Scatter(x=["2019", "2020"], y=[1, 2], mode="lines+markers+text", line={"width": 2})
    )
    figure.add_trace(
        go.Pie(labels=["a", "b"], values=[1, 2], hole=0.5, sort=False, marker={"colors": ["#000"]})
    )
    figure.add_annotation(text="a", x=0.5, y=0.5, showarrow=False, font={"size": 28})
    figure.add_hline(y=1, line={"dash": "dash"})
    base_layout(figure, title="a")  # the house style every chart gets
    figure.update_layout(  # and what the pages and the slides add to it
        barmode="group",
        legend={"traceorder": "normal", "font": {"size": 26}},
        uniformtext={"minsize": 18, "mode": "show"},
        xaxis={"title": "a"},
        yaxis={"title": "a"},
    )
    figure.update_xaxes(type="category", rangemode="tozero", tickfont={"size": 22})
    figure.update_yaxes(range=[0, 2], ticksuffix="%", tickvals=[0, 1, 2])
    checked = plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True)
    plotly.io.to_json(checked, validate=False)


_warm_tables()
_warm_charts()
