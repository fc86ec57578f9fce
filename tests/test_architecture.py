"""The boundaries of the code base: which layer may import which (the house in layers), the
domain core and the chart builders never import Streamlit (so they run and test without it), and
nothing of ours imports pandas."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = [p for d in ("dashboard", "components", "benchmarks") for p in (ROOT / d).rglob("*.py")]

# ── layers ──────────────────────────────────────────────────────────────────────────────────
# Each package of ours, and the packages of ours it may import (itself always). Read bottom-up:
# domain is the shared vocabulary; ingest and store sit on it side by side; analytics compute from
# frames of facts and never read the store; outputs and charts present analytics; platform runs
# the workflow over all of them; only the Streamlit side (app, views, components) imports Streamlit.
LAYERS: dict[str, set[str]] = {
    "dashboard.paths": set(),
    "dashboard.domain": {"dashboard.paths"},
    "dashboard.i18n": {"dashboard.domain"},
    "dashboard.ingest": {"dashboard.paths", "dashboard.domain", "dashboard.i18n"},
    "dashboard.store": {"dashboard.paths", "dashboard.domain"},
    "dashboard.analytics": {"dashboard.paths", "dashboard.domain"},
    # a report's text → figures with quotes: reads files and words like ingest, and hands
    # ingest-shaped facts on; never the store
    "dashboard.extract": {
        "dashboard.paths",
        "dashboard.domain",
        "dashboard.i18n",
        "dashboard.ingest",
    },
    "dashboard.outputs": {
        "dashboard.paths",  # the PowerPoint template of exported decks
        "dashboard.domain",
        "dashboard.analytics",
        "dashboard.i18n",
    },
    "dashboard.charts": {
        "dashboard.domain",
        "dashboard.analytics",
        "dashboard.outputs",
        "dashboard.i18n",
    },
    "dashboard.platform": {
        "dashboard.paths",
        "dashboard.domain",
        "dashboard.i18n",
        "dashboard.ingest",
        "dashboard.store",
        "dashboard.analytics",
        "dashboard.outputs",
        "dashboard.extract",
    },
    "dashboard.cli": {
        "dashboard.paths",
        "dashboard.domain",
        "dashboard.i18n",
        "dashboard.ingest",
        "dashboard.store",
        "dashboard.analytics",
        "dashboard.outputs",
        "dashboard.extract",
        "dashboard.platform",
    },
}
STREAMLIT_SIDE = {"dashboard.app", "dashboard.views", "components"}
THIRD_PARTY_BANNED = {"streamlit"}  # outside STREAMLIT_SIDE


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str | None:
    """The declared layer a module belongs to (longest matching prefix)."""
    owners = [
        name
        for name in [*LAYERS, *STREAMLIT_SIDE]
        if module == name or module.startswith(f"{name}.")
    ]
    return max(owners, key=len) if owners else None


def imports_of(source: str) -> set[str]:
    """Every absolute module imported (`from a.b import c` gives a.b; `from dashboard import c`
    gives dashboard.c, since the top package itself belongs to no layer)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module in {"dashboard", "components"}:
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
    return found


def layer_violations(module: str, source: str) -> list[str]:
    """The imports in `source` (the text of `module`) that its layer may not make."""
    layer = layer_of(module)
    wrong: set[str] = set()
    for name in imports_of(source):
        top = name.split(".")[0]
        if top in THIRD_PARTY_BANNED and layer not in STREAMLIT_SIDE:
            wrong.add(name)
        if top == "components" and layer not in STREAMLIT_SIDE:
            wrong.add(name)
        if layer in STREAMLIT_SIDE or layer is None:
            continue
        target = layer_of(name)
        if target is None or target == layer:
            continue
        if target not in LAYERS[layer] or target in STREAMLIT_SIDE:
            wrong.add(name)
    return sorted(wrong)


LAYERED = sorted(
    p for p in OURS if layer_of(module_name(p)) is not None and p.name != "__init__.py"
)


@pytest.mark.parametrize("path", LAYERED, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_module_imports_only_what_its_layer_may(path: Path) -> None:
    assert layer_violations(module_name(path), path.read_text("utf-8")) == []


def test_every_module_has_a_layer() -> None:
    unplaced = [
        module_name(p)
        for p in OURS
        if layer_of(module_name(p)) is None
        and module_name(p) not in {"dashboard", "dashboard.__main__", "components"}
        and not module_name(p).startswith("benchmarks")  # scripts: they may use every layer
    ]
    assert unplaced == []


@pytest.mark.parametrize(
    ("module", "source", "wrong"),
    [
        # analytics compute from frames: reading the store is the pages' job
        (
            "dashboard.analytics.channels",
            "from dashboard.store.database import Store",
            ["dashboard.store.database"],
        ),
        # ingest knows nothing of charts, outputs or Streamlit
        ("dashboard.ingest.validate", "import streamlit as st", ["streamlit"]),
        ("dashboard.ingest.reader", "from dashboard.outputs import slides", ["dashboard.outputs"]),
        (
            "dashboard.store.database",
            "from dashboard.analytics.headlines import year_change",
            ["dashboard.analytics.headlines"],
        ),
        ("dashboard.store.schema", "from components.text import literal", ["components.text"]),
        ("dashboard.domain.values", "import dashboard.ingest.reader", ["dashboard.ingest.reader"]),
        # allowed: the layer below, its own package, third-party libraries, the Streamlit side
        (
            "dashboard.analytics.summary",
            "from dashboard.domain.values import format_value\nimport polars",
            [],
        ),
        ("dashboard.outputs.slides", "from dashboard.analytics.channels import channel_items", []),
        (
            "dashboard.views.data",
            "import streamlit as st\nfrom dashboard.store.database import Store",
            [],
        ),
    ],
)
def test_the_layer_rule_fails_on_a_wrong_import(module: str, source: str, wrong: list[str]) -> None:
    assert layer_violations(module, source) == wrong


def test_the_checks_see_the_code() -> None:
    assert len(LAYERED) >= 35
    assert "streamlit" in imports_of((ROOT / "components" / "data.py").read_text("utf-8"))


@pytest.mark.parametrize("path", OURS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_pandas(path: Path) -> None:
    assert not any(n.split(".")[0] == "pandas" for n in imports_of(path.read_text("utf-8")))


# ── no Python callbacks inside Polars on a request path ──────────────────────────────────────
# A Python function run by Polars (`map_elements`, `map_batches`, `map_rows`, `apply`) holds the
# GIL while Polars' thread pool waits on it: on a server thread, two sessions doing so at once
# froze the whole process. Vectorised expressions only (e.g. exporter.neutralise_strings).
POLARS_CALLBACKS = {"map_elements", "map_batches", "map_rows", "map_groups", "apply"}
RUNTIME = sorted(p for d in ("dashboard", "components") for p in (ROOT / d).rglob("*.py"))


def polars_callbacks(source: str) -> list[tuple[int, str]]:
    """(line, name) of every attribute named like a Polars callback (`x.map_elements(…)`,
    `pl.col(c).apply`, a reference passed on): code, not comments or strings."""
    return sorted(
        (node.lineno, node.attr)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and node.attr in POLARS_CALLBACKS
    )


@pytest.mark.parametrize("path", RUNTIME, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_python_callbacks_inside_polars(path: Path) -> None:
    assert polars_callbacks(path.read_text("utf-8")) == []


def test_the_callback_check_sees_callbacks_and_ignores_comments() -> None:
    source = (
        "import polars as pl\n"
        "# frame.map_elements(f) in a comment is fine\n"
        "doc = 'so is .apply( in a string'\n"
        "a = frame.with_columns(pl.col('x').map_elements(str, return_dtype=pl.String))\n"
        "b = frame.map_rows(lambda r: r)\n"
        "c = pl.col('x').map_batches(f)\n"
        "d = series.apply(len)\n"
    )
    assert polars_callbacks(source) == [
        (4, "map_elements"),
        (5, "map_rows"),
        (6, "map_batches"),
        (7, "apply"),
    ]
    assert len(RUNTIME) >= 40


# ── no language below the formatting layer ──────────────────────────────────────────────────
# Analytics and ingest return values, qualifiers, units and codes; dashboard/i18n words them.
WORDLESS = sorted(p for d in ("analytics", "ingest") for p in (ROOT / "dashboard" / d).glob("*.py"))


def lang_parameters(source: str) -> list[tuple[int, str]]:
    """(line, function) of every function or lambda that takes a parameter named like `lang`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            args = node.args
            names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
            if any(n == "lang" or n.endswith("_lang") for n in names):
                found.append((node.lineno, getattr(node, "name", "<lambda>")))
    return found


@pytest.mark.parametrize("path", WORDLESS, ids=lambda p: str(p.relative_to(ROOT)))
def test_analytics_and_ingest_take_no_language(path: Path) -> None:
    assert lang_parameters(path.read_text("utf-8")) == []


def test_the_language_check_sees_parameters() -> None:
    source = "def a(frame, lang='zh'): ...\ndef b(x, *, out_lang): ...\nc = lambda lang: 1\n"
    assert lang_parameters(source) == [(1, "a"), (2, "b"), (3, "<lambda>")]
    assert len(WORDLESS) >= 10
