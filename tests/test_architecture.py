"""The boundaries of the code base: the domain core and the figure builders never import
Streamlit (so they run and test without it), and nothing of ours imports pandas."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PURE = [
    *sorted((ROOT / "dashboard" / "core").glob("*.py")),
    *sorted((ROOT / "dashboard" / "figures").glob("*.py")),
    ROOT / "dashboard" / "cli.py",
]
OURS = [p for d in ("dashboard", "components", "benchmarks") for p in (ROOT / d).rglob("*.py")]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_code_does_not_import_streamlit(path: Path) -> None:
    assert {"streamlit", "components"}.isdisjoint(imported_modules(path))


@pytest.mark.parametrize("path", OURS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_pandas(path: Path) -> None:
    assert "pandas" not in imported_modules(path)


def test_the_checks_see_the_code() -> None:
    assert len(PURE) >= 20
    assert "streamlit" in imported_modules(ROOT / "components" / "data.py")


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
