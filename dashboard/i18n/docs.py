"""Generated parts of the documentation: the list of problem codes in docs/upload-format.md.

The list is written from `ProblemCode` (every code, in its order), the severity each code has
(fixed, or stated by the catalogue's `[[relation]]` entries) and the codes' summaries in
messages.toml, so it cannot fall behind the code. It sits between two marker comments in the doc;
everything outside them is written by hand. As datasette does with cog for its CLI reference:

    .venv/bin/python -m dashboard.i18n.docs          # rewrite the section
    .venv/bin/python -m dashboard.i18n.docs --check  # exit 1 when the doc is out of date

and tests/test_catalogue.py fails while the file differs from the generated text.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.problems import FIXED_SEVERITY, SYSTEM_CODES, ProblemCode, Severity
from dashboard.i18n.messages import DEFAULT_LANG, t
from dashboard.i18n.problems import problem_summary

# i18n sits below dashboard.paths in the layers: the doc is found from this file.
UPLOAD_FORMAT_DOC = Path(__file__).resolve().parents[2] / "docs" / "upload-format.md"
COMMAND = ".venv/bin/python -m dashboard.i18n.docs"
START = "<!-- problem-codes:start"  # the rest of the marker line says how to regenerate
END = "<!-- problem-codes:end -->"


def code_severities(code: ProblemCode, catalogue: Catalogue) -> list[Severity]:
    """The severities a code is reported with: its fixed one, or those of its relations."""
    if code in FIXED_SEVERITY:
        return [FIXED_SEVERITY[code]]
    stated = {Severity(r.severity) for r in catalogue.relations if r.code == code}
    return [s for s in Severity if s in stated]  # errors first; empty for an unused code


def _table(codes: Sequence[ProblemCode], lang: str, catalogue: Catalogue) -> list[str]:
    head = [t(f"docs.problem_codes.{c}", lang) for c in ("code", "severity", "meaning")]
    lines = ["| " + " | ".join(head) + " |", "|---|---|---|"]
    for code in codes:
        severity = " / ".join(t(f"word.{s}", lang) for s in code_severities(code, catalogue))
        lines.append(f"| `{code}` | {severity} | {problem_summary(code, lang)} |")
    return lines


def problem_codes_markdown(lang: str = DEFAULT_LANG, catalogue: Catalogue | None = None) -> str:
    """The list of problem codes as markdown: the file's codes, then the store's and program's."""
    catalogue = catalogue or default_catalogue()
    file_codes = [c for c in ProblemCode if c not in SYSTEM_CODES]
    system_codes = [c for c in ProblemCode if c in SYSTEM_CODES]
    lines = [
        *_table(file_codes, lang, catalogue),
        "",
        t("docs.problem_codes.system", lang),
        "",
        *_table(system_codes, lang, catalogue),
    ]
    return "\n".join(lines) + "\n"


def with_generated_section(text: str, generated: str) -> str:
    """`text` with the lines between the markers replaced by `generated` (markers kept)."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith(START)]
    ends = [i for i, line in enumerate(lines) if line.strip() == END]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise ValueError(f"expected one {START} … {END} section")
    start, end = starts[0], ends[0]
    return "".join([*lines[: start + 1], generated, *lines[end:]])


def expected_doc(path: Path = UPLOAD_FORMAT_DOC) -> str:
    """The doc as it should read: as it is, with the generated section regenerated."""
    return with_generated_section(path.read_text("utf-8"), problem_codes_markdown())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.i18n.docs",
        description="Regenerate the list of problem codes in docs/upload-format.md.",
    )
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if outdated")
    args = parser.parse_args(argv)
    current = UPLOAD_FORMAT_DOC.read_text("utf-8")
    expected = expected_doc()
    if args.check:
        if current != expected:
            print(f"{UPLOAD_FORMAT_DOC} is out of date: run {COMMAND}", file=sys.stderr)
            return 1
        return 0
    if current != expected:
        UPLOAD_FORMAT_DOC.write_text(expected, "utf-8")
        print(f"rewrote the problem codes in {UPLOAD_FORMAT_DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
