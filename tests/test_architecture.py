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
