"""The command line (`python -m dashboard`), used by staff and by automation.

Command names, options, exit codes and the JSON shapes are an interface: keep them stable.

Exit codes:

- 0 success (warnings allowed; an identical re-import or restore that changes nothing too)
- 1 errors in the data, or nothing to do: a file with errors (nothing imported), no matching
  dataset, an unknown version or deck, a restore refused because another version became
  current after it was read (StaleVersion: nothing written), add-user refusing a password
- 2 unreadable input: a file that cannot be read or is not CSV/Excel,
  bad arguments (argparse), a setting that is not allowed (`DASHBOARD_LANG=fr`, an unknown key
  in data/settings.toml): like a bad argument, one line on stderr and no JSON
- 3 storage fault: the store is full, read-only, cannot be opened, busy past the timeout or
  damaged (`store-full`, `store-read-only`, `store-unopenable`, `store-busy`, `store-corrupt`,
  `store-io-error`), or an output file (`-o`) cannot be written (missing folder, not writable,
  disk full). Nothing is half-written: a commit is one transaction, an output file appears
  whole (written beside it, then renamed) or not at all.
- 4 internal error: anything unexpected; one line on stderr, never a traceback.

Messages go to stdout, failures to stderr, in Chinese unless `--lang en` (or DASHBOARD_LANG).
With `--json`, `validate` and `import` print exactly one JSON object on stdout whatever
happens: `{"ok", "errors", "warnings", "datasets"}` (+ `"commits"` for import); a storage
fault or an internal error is one entry of `errors` with its code (`store-…`,
`internal-error`), `message` and `action`.
`extract --json` prints one `{"agency", "year", "facts", "skipped", "warnings", "errors"}` for
one report file (or `-`); for several files or a folder, `{"reports": [{"file", …that object},
…], "errors"}`. `extract` exits 0 when every report gave figures, 1 when every report was read
but some gave none (or two are of the same agency and year), 2 when any cannot be read.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.problems import Problem, ProblemCode, Severity
from dashboard.i18n.extraction import skipped_summary
from dashboard.i18n.mappings import mapping_line
from dashboard.i18n.messages import DEFAULT_LANG, LANGS, t
from dashboard.i18n.problems import problem_action, problem_message, problem_record, report_record
from dashboard.platform.auth import (
    MAX_NAME_LENGTH,
    MIN_PASSWORD_LENGTH,
    CredentialRejected,
    Role,
    check_new_credentials,
    save_user,
)
from dashboard.platform.settings import SettingsError, current_user, read_settings
from dashboard.store.database import StaleVersion, Store, StoreUnavailable, UnknownVersion

# A command imports what it alone uses (validation, extraction, python-pptx, openpyxl, Polars
# frames) in its own function: `--help` and every other command start without them.
if TYPE_CHECKING:
    from dashboard.extract.figures import Extraction
    from dashboard.ingest.validate import ValidationReport
    from dashboard.outputs.slides import Comparison

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE, EXIT_STORAGE, EXIT_INTERNAL = 0, 1, 2, 3, 4
JSON_COMMANDS = ("validate", "import")  # --json: exactly one object on stdout, always


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard", description="政务公开数据看板 — command line"
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=None,
        help="language of messages (default: DASHBOARD_LANG or zh)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check an upload file without storing anything")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = sub.add_parser("import", help="validate and commit every dataset of a file")
    p.add_argument("file", type=Path)
    p.add_argument("--user", default=None, help="who is importing (audit record)")
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = sub.add_parser("export", help="write stored facts in the upload format")
    p.add_argument("--agency")
    p.add_argument("--year", type=int)
    p.add_argument("--format", choices=("csv", "xlsx"), required=True)
    p.add_argument("-o", "--output", type=Path, required=True)

    p = sub.add_parser("template", help="write an empty upload template")
    p.add_argument("--format", choices=("csv", "xlsx"), required=True)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--agency", help="pre-fill the agency column")
    p.add_argument("--year", type=int, help="pre-fill the year column")

    p = sub.add_parser("history", help="list the versions of datasets")
    p.add_argument("--agency")
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("restore", help="make an old version current again (as a new version)")
    p.add_argument("agency")
    p.add_argument("year", type=int)
    p.add_argument("version", type=int)
    p.add_argument("--user", default=None)

    sub.add_parser("seed", help="load the bundled sample data into an empty store")
    sub.add_parser(
        "migrate",
        help="bring the store's schema up to date (Alembic; also done by every start, under a "
        "lock: run it before starting new app versions)",
    )

    p = sub.add_parser(
        "add-user",
        help="create or update a user account in the store: role and password hash (password "
        "from standard input when it is not a terminal, else asked twice)",
    )
    p.add_argument("name")
    p.add_argument("--role", choices=[r.value for r in Role], required=True)

    p = sub.add_parser(
        "extract",
        help="find the figures of annual reports (.txt .html .mhtml .docx .doc .pdf, - = stdin)",
        description="Find the figures of annual reports: files, folders (their report files, "
        "subfolders included, in name order) or - for text on standard input. Exit 0 when every "
        "report gave figures; 1 when every report was read but some gave none, or two reports "
        "are of the same agency and year; 2 when any report cannot be read (or -o lacks an "
        "agency or year). -o is written only when the exit is 0.",
    )
    p.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE|DIR",
        help="reports (.txt .html .mhtml .docx .doc .pdf), folders of them, or - (stdin)",
    )
    p.add_argument(
        "--agency", help="the agency of every report given (default: read from each report)"
    )
    p.add_argument(
        "--year", type=int, help="the year of every report given (default: read from each report)"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help='print one JSON object (several files or a folder: {"reports": [...]})',
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="write the figures of every report as one out.csv or out.xlsx, ready for import",
    )

    p = sub.add_parser("deck", help="write the meeting slides of an agency-year as a .pptx file")
    p.add_argument("--agency", required=True)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--deck", default=None, help="a deck saved in the store (default: all slides)")
    p.add_argument(
        "--compare",
        metavar="METRIC",
        default=None,
        help="add the compare slide: every agency of the year ranked on this metric (its id, "
        "as in /compare?metric=, or its name), on the metric's usual channel",
    )
    # Its own dest: a subcommand default would otherwise overwrite the global --lang.
    p.add_argument(
        "--lang",
        dest="deck_lang",
        choices=LANGS,
        default=None,
        help="language of the slides (default: the global --lang)",
    )
    p.add_argument("-o", "--output", type=Path, required=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        # Read once, here, and handed down: one command is one process (tests call main in turn).
        settings = read_settings()
    except SettingsError as error:  # like a bad argument: one line on stderr, nothing else
        _err(error.text(args.lang or DEFAULT_LANG))
        return EXIT_UNREADABLE
    lang = args.lang or settings.lang
    handler: Callable[[argparse.Namespace, str], int] = {
        "validate": _validate,
        "import": _import,
        "export": _export,
        "template": _template,
        "history": _history,
        "restore": _restore,
        "seed": _seed,
        "migrate": _migrate,
        "add-user": _add_user,
        "deck": _deck,
        "extract": _extract,
    }[args.command]
    args.json_printed = False  # set by _print_json: --json promises one object, never two
    args.report = None  # the validation report, once there is one (for a fault's JSON)
    args.settings = settings
    try:
        return handler(args, lang)
    except StoreUnavailable as fault:
        problem = Problem(fault.code, Severity.ERROR, params={"path": fault.location})
        _fail(args, problem, lang)
        return EXIT_STORAGE
    except OutputUnwritable as fault:
        _err(fault.text(lang))
        return EXIT_STORAGE
    except Exception as error:  # the promise: a message and a code, never a traceback
        detail = " ".join(f"{type(error).__name__}: {error}".split())
        problem = Problem(ProblemCode.INTERNAL_ERROR, Severity.ERROR, params={"error": detail})
        _fail(args, problem, lang)
        return EXIT_INTERNAL


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _fail(args: argparse.Namespace, problem: Problem, lang: str) -> None:
    """A storage fault or internal error: one line on stderr and, for --json, the one object."""
    _err(f"{problem_message(problem, lang)} {problem_action(problem, lang)}")
    if args.command == "extract" and args.json and not args.json_printed:
        record = problem_record(problem, lang)
        if _several_reports(args.files):
            _print_json(args, {"reports": [], "errors": [record]})
        else:
            _print_json(args, _extraction_payload(None, [record], [], lang))
        return
    if args.command not in JSON_COMMANDS or not args.json or args.json_printed:
        return
    report: ValidationReport | None = args.report
    payload: dict[str, Any] = _unreadable_payload()
    if report is not None:
        payload.update(report_record(report, lang), ok=False)
    payload["errors"] = [*payload["errors"], problem_record(problem, lang)]
    if args.command == "import":
        payload["commits"] = []
    _print_json(args, payload)


def _print_json(args: argparse.Namespace, payload: Any) -> None:
    args.json_printed = True
    # Streamed in pieces: a whole 200,000-fact report as one string (and again as bytes) was
    # most of the command's peak memory.
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    sys.stdout.flush()


class OutputUnwritable(Exception):
    """An output file (`-o`) that cannot be written; `key` is its message."""

    def __init__(self, key: str, path: Path, **params: Any) -> None:
        super().__init__(f"{key}: {path}")
        self.key, self.path, self.params = key, path, params

    def text(self, lang: str) -> str:
        return t(self.key, lang, path=self.path, **self.params)


def _write_output(path: Path, data: bytes) -> None:
    """Write an output file whole or not at all: into a temporary file beside it, then renamed
    over it. A device or pipe (`-o /dev/stdout`) is written in place. Raises OutputUnwritable."""
    folder = path.parent
    try:
        if not folder.exists():
            raise OutputUnwritable("cli.output_dir_missing", path, folder=folder)
        if path.exists() and not path.is_file() and not path.is_dir():
            path.write_bytes(data)
            return
        mode = path.stat().st_mode & 0o777 if path.is_file() else _default_mode()
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.")
    except OSError as error:
        raise _output_fault(path, error) from error
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _output_fault(path, error) from error


def _default_mode() -> int:
    """The mode a new file gets here (0666 less the umask), as `open` would give it."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _output_fault(path: Path, error: OSError) -> OutputUnwritable:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputUnwritable("cli.output_full", path)
    return OutputUnwritable("cli.output_unwritable", path, error=error.strerror or error)


def _out(text: str = "") -> None:
    print(text, flush=True)


def _problem_line(problem: Problem, lang: str) -> str:
    where = []
    if problem.row is not None:
        where.append(t("cli.at_row", lang, row=problem.row))
    if problem.column:
        where.append(problem.column)
    severity = t(f"word.{problem.severity}", lang)
    position = " · ".join(where)
    message, action = problem_message(problem, lang), problem_action(problem, lang)
    return f"[{severity}] {position}: {message} {action} ({problem.code})"


def _read(path: Path, lang: str) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        print(t("cli.unreadable", lang, path=path), file=sys.stderr)
        return None


def _print_report(report: ValidationReport, lang: str) -> None:
    for problem in report.problems:
        _out(_problem_line(problem, lang))
    # Channel names read by rule: not problems, but worth a look before saving.
    for mapping in report.mappings:
        _out(f"[{t('word.mapping', lang)}] {mapping_line(mapping, lang)}")


def _unreadable_payload(**extra: Any) -> dict[str, Any]:
    return {"ok": False, "errors": [], "warnings": [], "datasets": [], "mappings": [], **extra}


def _validate(args: argparse.Namespace, lang: str) -> int:
    from dashboard.ingest.validate import collector_paused

    with collector_paused():
        return _validate_file(args, lang)


def _validate_file(args: argparse.Namespace, lang: str) -> int:
    from dashboard.ingest.validate import validate_file

    content = _read(args.file, lang)
    if content is None:
        if args.json:
            _print_json(args, _unreadable_payload())
        return EXIT_UNREADABLE
    report = validate_file(
        content, args.file.name, default_catalogue(), default_agency=args.settings.agency
    )
    args.report = report
    if args.json:
        _print_json(args, report_record(report, lang))
    else:
        _print_report(report, lang)
        _summary(report, lang)
    return _exit_code(report)


def _summary(report: ValidationReport, lang: str) -> None:
    if report.ok:
        _out(
            t(
                "cli.valid",
                lang,
                datasets=t("count.datasets", lang, count=len(report.datasets)),
                facts=t("count.facts", lang, count=report.fact_count),
                warnings=t("count.warnings", lang, count=len(report.warnings)),
            )
        )
    else:
        _out(
            t(
                "cli.invalid",
                lang,
                errors=t("count.errors", lang, count=len(report.errors)),
                warnings=t("count.warnings", lang, count=len(report.warnings)),
            )
        )


def _exit_code(report: ValidationReport) -> int:
    if not report.readable:
        return EXIT_UNREADABLE
    return EXIT_OK if report.ok else EXIT_ERRORS


def _import(args: argparse.Namespace, lang: str) -> int:
    from dashboard.ingest.validate import collector_paused

    with collector_paused():
        return _import_file(args, lang)


def _import_file(args: argparse.Namespace, lang: str) -> int:
    from dashboard.ingest.validate import validate_file
    from dashboard.platform.workflow import commit_message, lookalike_problems

    content = _read(args.file, lang)
    if content is None:
        if args.json:  # --json promises one JSON object on stdout, whatever happens
            _print_json(args, _unreadable_payload(commits=[]))
        return EXIT_UNREADABLE
    store = Store(args.settings.database_url)
    try:
        report = validate_file(
            content,
            args.file.name,
            default_catalogue(),
            default_agency=args.settings.agency,
            previous_many=store.facts_of,  # last year's facts of every dataset in one query
            with_hashes=True,
        )
        args.report = report
        if not report.ok:
            if args.json:
                _print_json(args, {**report_record(report, lang), "commits": []})
            else:
                _print_report(report, lang)
                _summary(report, lang)
            return _exit_code(report)
        # A new agency that names a stored one otherwise would start a second series: said
        # (a warning) with the stored name, as the app says it before its save.
        report.problems.extend(lookalike_problems(report, store))
        # No preview here to go stale: validating and committing are one step.
        results = store.commit(
            report.datasets,
            user=args.user or current_user(),
            file_name=args.file.name,
            file_sha256=hashlib.sha256(content).hexdigest(),
            content_hashes=report.content_hashes,  # validation's, of the very same facts
        )
    finally:
        store.close()
    if args.json:
        commits = [r.__dict__ for r in results]
        payload: dict[str, Any] = {**report_record(report, lang), "commits": commits}
        _print_json(args, payload)
        return EXIT_OK
    _print_report(report, lang)
    for r in results:
        _out(commit_message(r, lang))
    return EXIT_OK


def _export(args: argparse.Namespace, lang: str) -> int:
    import io

    import polars as pl

    from dashboard.outputs.exporter import export_frame, write_csv
    from dashboard.store import reads

    filters = reads.FactFilter(
        agencies=None if args.agency is None else (args.agency,),
        years=None if args.year is None else (args.year,),
    )
    store = Store(args.settings.database_url)
    try:
        # Read in batches and written column-wise (the whole store: 3,000,000 facts); Excel
        # keeps every cell until it saves anyway.
        batches = reads.iter_facts(store, filters)
        buffer = io.BytesIO()
        if args.format == "csv":
            count = write_csv(batches, default_catalogue(), buffer)
        else:
            read = list(batches)
            count = sum(batch.height for batch in read)
            if count:
                buffer.write(export_frame(pl.concat(read), default_catalogue(), args.format))
    finally:
        store.close()
    if not count:
        _out(t("cli.no_history", lang))
        return EXIT_ERRORS
    _write_output(args.output, buffer.getvalue())
    _out(t("cli.exported", lang, count=count, path=args.output))
    return EXIT_OK


def _template(args: argparse.Namespace, lang: str) -> int:
    from dashboard.outputs.exporter import template

    catalogue = default_catalogue()
    _write_output(args.output, template(catalogue, args.format, agency=args.agency, year=args.year))
    _out(t("cli.template_written", lang, path=args.output, count=len(catalogue.metrics)))
    return EXIT_OK


def _history(args: argparse.Namespace, lang: str) -> int:
    store = Store(args.settings.database_url)
    try:
        versions = store.history(args.agency, args.year)
    finally:
        store.close()
    if args.json:
        _out(json.dumps([v.to_dict() for v in versions], ensure_ascii=False, indent=2))
        return EXIT_OK if versions else EXIT_ERRORS
    if not versions:
        _out(t("cli.no_history", lang))
        return EXIT_ERRORS
    for v in versions:
        mark = "*" if v.current else " "
        counts = f"+{v.added} ~{v.changed} -{v.removed}"
        source = v.file_name or (f"← v{v.restored_from}" if v.restored_from else "")
        _out(
            f"{mark} {v.agency}\t{v.year}\tv{v.version}\t{v.created_at}\t{v.user}\t{v.action}"
            f"\t{counts}\t{v.fact_count}\t{source}"
        )
    return EXIT_OK


def _restore(args: argparse.Namespace, lang: str) -> int:
    from dashboard.platform.workflow import conflict_message

    store = Store(args.settings.database_url)
    try:
        # The write checks that the version read here is still current (StaleVersion if not).
        current = store.current_version(args.agency, args.year)
        if current is None:
            raise UnknownVersion(f"{args.agency} {args.year}")
        result = store.restore(
            args.agency,
            args.year,
            args.version,
            user=args.user or current_user(),
            expected_current=current,
        )
    except UnknownVersion:
        _out(
            t("cli.unknown_version", lang, agency=args.agency, year=args.year, version=args.version)
        )
        return EXIT_ERRORS
    except StaleVersion as stale:
        conflicts = " ".join(conflict_message(c, lang) for c in stale.conflicts)
        _err(t("cli.restore_stale", lang, conflict=conflicts))
        return EXIT_ERRORS
    finally:
        store.close()
    if result.created:
        _out(
            t(
                "cli.restored",
                lang,
                agency=result.agency,
                year=result.year,
                from_version=args.version,
                version=result.version,
            )
        )
    else:
        _out(
            t("cli.unchanged", lang, agency=result.agency, year=result.year, version=result.version)
        )
    return EXIT_OK


def _seed(args: argparse.Namespace, lang: str) -> int:
    from dashboard.platform.sample import seed_if_empty

    store = Store(args.settings.database_url)
    try:
        results = seed_if_empty(store, default_catalogue())
    finally:
        store.close()
    if not results:
        _out(t("cli.not_empty", lang))
        return EXIT_OK
    _out(t("cli.seeded", lang, count=len(results)))
    return EXIT_OK


def _migrate(args: argparse.Namespace, lang: str) -> int:
    """Open the store, which migrates it under the start-up lock; say what was applied."""
    store = Store(args.settings.database_url)
    try:
        revision = store.schema_revision()
    finally:
        store.close()
    if store.migrated:
        _out(t("cli.migrated", lang, steps=", ".join(store.migrated), revision=revision))
    else:
        _out(t("cli.migrate_current", lang, revision=revision))
    return EXIT_OK


class _PasswordMismatch(Exception):
    pass


def _read_password(name: str, lang: str) -> str:
    """The first line of standard input when it is piped (automation), else asked twice."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().removesuffix("\n").removesuffix("\r")
    first = getpass.getpass(t("cli.password_prompt", lang, name=name))
    if getpass.getpass(t("cli.password_repeat", lang)) != first:
        raise _PasswordMismatch
    return first


def _add_user(args: argparse.Namespace, lang: str) -> int:
    try:
        password = _read_password(args.name, lang)
        # Checked before the store is opened: a rejected password touches nothing.
        check_new_credentials(args.name, password)
    except _PasswordMismatch:
        print(t("cli.password_mismatch", lang), file=sys.stderr)
        return EXIT_ERRORS
    except CredentialRejected as rejected:
        params = {"name": args.name, "min": MIN_PASSWORD_LENGTH, "max": MAX_NAME_LENGTH}
        print(t(f"cli.{rejected.code}", lang, **params), file=sys.stderr)
        return EXIT_ERRORS
    store = Store(args.settings.database_url)
    try:
        existed = save_user(store, args.name, password, args.role)
    finally:
        store.close()
    key = "cli.user_updated" if existed else "cli.user_added"
    role = t(f"cli.role_{args.role}", lang)
    _out(t(key, lang, name=args.name, role=role, path=store.location))
    return EXIT_OK


def _deck(args: argparse.Namespace, lang: str) -> int:
    from dashboard.outputs.pptx_export import deck_pptx
    from dashboard.outputs.slides import DEFAULT_DECK, build_deck

    lang = args.deck_lang or lang
    store = Store(args.settings.database_url)
    try:
        slide_ids: tuple[str, ...] = DEFAULT_DECK
        if args.deck is not None:
            saved = store.deck(args.deck)
            if saved is None:
                names = t("word.list_sep", lang).join(store.decks()) or "—"
                print(t("cli.deck_unknown", lang, name=args.deck, names=names), file=sys.stderr)
                return EXIT_ERRORS
            slide_ids = tuple(saved)
        facts = store.current_facts(args.agency)
        comparison = None
        if args.compare is not None and not facts.filter(facts["year"] == args.year).is_empty():
            comparison = _deck_comparison(store, args.compare, args.year, default_catalogue())
            if comparison is None:
                print(
                    t("cli.deck_compare_none", lang, metric=args.compare, year=args.year),
                    file=sys.stderr,
                )
                return EXIT_ERRORS
            if COMPARE_SLIDE not in slide_ids:  # after the title, as /present?metric= has it
                slide_ids = (COMPARE_SLIDE, *slide_ids)
    finally:
        store.close()
    if facts.filter(facts["year"] == args.year).is_empty():
        print(t("cli.deck_no_data", lang, agency=args.agency, year=args.year), file=sys.stderr)
        return EXIT_ERRORS
    deck = build_deck(
        facts,
        args.agency,
        args.year,
        default_catalogue(),
        slide_ids=slide_ids,
        lang=lang,
        comparison=comparison,
    )
    _write_output(args.output, deck_pptx(deck))
    _out(t("cli.deck_written", lang, count=len(deck.slides), path=args.output))
    return EXIT_OK


COMPARE_SLIDE = "compare"


def _deck_comparison(
    store: Store, wanted: str, year: int, catalogue: Catalogue
) -> Comparison | None:
    """The compare slide's ranking for `deck --compare`: the metric named by its id or any of
    its names; of its figures given in the year, the one the 对比 page compares by default (the
    metric's usual channel without category, else the total, else a headline's, else the one
    most agencies give), among every agency of the year. None: no agency gives the metric."""
    import polars as pl

    from dashboard.analytics.compare import ranked
    from dashboard.domain.headline_catalogue import headlines
    from dashboard.outputs.slides import Comparison
    from dashboard.store.compare import Slice, ranking_rows, slices

    metric = catalogue.metrics.get(wanted) or next(
        (m for m in catalogue.metrics.values() if wanted in (m.zh, m.en, *m.aliases)), None
    )
    metric_id = metric.id if metric is not None else wanted
    given = slices(store, year).filter(pl.col("metric") == metric_id)
    if given.is_empty():
        return None
    choices = [
        Slice(r["metric"], r["channel"], r["category"])
        for r in given.sort(
            ["agencies", "channel", "category"], descending=[True, False, False], nulls_last=False
        ).iter_rows(named=True)
    ]
    preferred = [Slice(metric_id, metric.default_channel if metric else None), Slice(metric_id)]
    preferred += [Slice(h.metric, h.channel, h.category) for h in headlines()]
    figure = next((s for s in preferred if s in choices), choices[0])
    ranking = ranked(ranking_rows(store, figure, year))
    return Comparison(figure.metric, figure.channel, figure.category, ranking)


# ── extract ─────────────────────────────────────────────────────────────────────────────────


@dataclass
class _ReportOutcome:
    """One report file as the `extract` command read it."""

    path: Path
    extraction: Extraction | None = None  # None when the file could not be read
    errors: list[Problem] = field(default_factory=list)
    unreadable: bool = False
    agency: str | None = None  # the agency its rows are written with (found, given or default)

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return EXIT_UNREADABLE
        return EXIT_ERRORS if self.errors else EXIT_OK


def _several_reports(paths: Sequence[Path]) -> bool:
    """Whether the arguments ask for several reports (the `{"reports": [...]}` shape): more
    than one argument, or a folder, whatever it holds."""
    return len(paths) > 1 or any(str(p) != "-" and p.is_dir() for p in paths)


def _report_files(folder: Path) -> list[Path]:
    """The report files of a folder and its subfolders, in name order; hidden files and Word's
    lock files (~$报告.docx) are not reports."""
    from dashboard.extract.document import SUFFIXES

    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in SUFFIXES
        and path.is_file()
        and not path.name.startswith((".", "~$"))
    )


def _read_one(path: Path, args: argparse.Namespace, lang: str) -> _ReportOutcome:
    """Read one report and find its figures."""
    from dashboard.extract.document import read_report, report_titles
    from dashboard.extract.figures import extract_figures

    outcome = _ReportOutcome(path)
    if str(path) == "-":  # standard input: the text of a report, decoded like a .txt
        content, name = sys.stdin.buffer.read(), "stdin.txt"
    else:
        read = _read(path, lang)
        if read is None:
            outcome.unreadable = True
            return outcome
        content, name = read, path.name
    document = read_report(content, name)
    if not document.readable:
        outcome.errors, outcome.unreadable = list(document.problems), True
        return outcome
    outcome.extraction = extract_figures(
        document.text,
        default_catalogue(),
        tables=document.tables,
        agency=args.agency,
        year=args.year,
        titles=report_titles(document, "" if str(path) == "-" else path.name),
        sites=document.sites,
        sources=document.sources,
    )
    # what reading the file noticed (pages that are pictures) before what the text lacks
    outcome.extraction.warnings[:0] = document.problems
    outcome.agency = outcome.extraction.agency or args.settings.agency
    if not outcome.extraction.facts:
        outcome.errors.append(Problem(ProblemCode.REPORT_NO_FIGURES, Severity.ERROR, value=name))
    return outcome


def _extraction_payload(
    extraction: Extraction | None, errors: list[dict[str, Any]], warnings: list[Problem], lang: str
) -> dict[str, Any]:
    """`extract --json` of one report: the figures found, the numbers left out (`reason` is a
    stable id), warnings and errors as `validate --json` gives them."""
    if extraction is None:
        return {"agency": None, "year": None, "facts": [], "skipped": [], "warnings": [],
                "errors": errors}  # fmt: skip
    return {
        "agency": extraction.agency,
        "year": extraction.year,
        "facts": [f.to_dict() for f in extraction.facts],
        "skipped": [s.to_dict() for s in extraction.skipped],
        "warnings": [problem_record(w, lang) for w in warnings],
        "errors": errors,
    }


def _outcome_payload(outcome: _ReportOutcome, lang: str) -> dict[str, Any]:
    errors = [problem_record(p, lang) for p in outcome.errors]
    warnings = outcome.extraction.warnings if outcome.extraction is not None else []
    return _extraction_payload(outcome.extraction, errors, warnings, lang)


def _extract(args: argparse.Namespace, lang: str) -> int:
    """Read reports, find their figures; 0 when every report gave figures, 1 when some read but
    gave none (or repeat another's agency and year), 2 when any cannot be read."""
    from dashboard.platform.extraction import duplicate_reports

    several = _several_reports(args.files)
    paths: list[Path] = []
    empty_folder = False
    for path in args.files:
        if str(path) != "-" and path.is_dir():
            found = _report_files(path)
            if not found:
                _err(t("cli.extract_no_reports", lang, path=path))
                empty_folder = True
            paths += found
        else:
            paths.append(path)
    outcomes = [_read_one(path, args, lang) for path in paths]
    # Two reports of one agency-year: the later one is an error naming both.
    keyed = [
        (str(o.path), [(o.agency, o.extraction.year)])
        if o.extraction is not None and o.agency and o.extraction.year and not o.errors
        else (str(o.path), [])
        for o in outcomes
    ]
    for index, problem in duplicate_reports(keyed).items():
        outcomes[index].errors.append(problem)
    code = max((o.exit_code for o in outcomes), default=EXIT_UNREADABLE)
    if empty_folder:
        code = EXIT_UNREADABLE
    if args.output is not None and code == EXIT_OK:
        code = _write_extracted(args.output, outcomes, lang)
    elif args.output is not None:
        _err(t("cli.extract_not_written", lang, path=args.output))
    if args.json:
        if several:
            reports = [{"file": str(o.path), **_outcome_payload(o, lang)} for o in outcomes]
            _print_json(args, {"reports": reports, "errors": []})
        elif outcomes:
            _print_json(args, _outcome_payload(outcomes[0], lang))
        return code
    for outcome in outcomes:
        if several:
            _out(t("cli.extract_report", lang, path=outcome.path))
        _print_outcome(outcome, lang)
    if several:
        count = {
            c: sum(o.exit_code == c for o in outcomes)
            for c in (EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE)
        }
        _out(
            t(
                "cli.extract_reports",
                lang,
                count=len(outcomes),
                found=count[EXIT_OK],
                failed=count[EXIT_ERRORS],
                unreadable=count[EXIT_UNREADABLE],
            )
        )
    if args.output is not None and code == EXIT_OK:
        facts = sum(len(o.extraction.facts) for o in outcomes if o.extraction is not None)
        _out(t("cli.exported", lang, count=facts, path=args.output))
    return code


def _write_extracted(output: Path, outcomes: Sequence[_ReportOutcome], lang: str) -> int:
    """Every report's figures as one upload file (`import` commits them all, or none); exit 2
    without writing when a report's agency or year is unknown."""
    from dashboard.extract.figures import to_facts
    from dashboard.outputs.exporter import export_facts

    facts = []
    for outcome in outcomes:
        extraction = outcome.extraction  # every report was read (exit 0)
        if extraction is None or outcome.agency is None or extraction.year is None:
            _err(t("cli.extract_needs_agency_year", lang, path=output, report=outcome.path))
            return EXIT_UNREADABLE
        facts += to_facts(extraction, outcome.agency, extraction.year)
    fmt = "xlsx" if output.suffix.lower() == ".xlsx" else "csv"
    _write_output(output, export_facts(facts, default_catalogue(), fmt))
    return EXIT_OK


def _print_outcome(outcome: _ReportOutcome, lang: str) -> None:
    """One report in words: its figures with their quotes, warnings, what was left out."""
    extraction = outcome.extraction
    if extraction is None:  # unreadable: the problem on stderr (the file's name is in it)
        for problem in outcome.errors:
            _err(_problem_line(problem, lang))
        return
    catalogue = default_catalogue()
    for found in extraction.facts:
        metric = catalogue.metrics.get(found.metric)
        named = metric.name(lang) if metric is not None else found.metric
        channel = catalogue.channel_name(found.channel, lang) if found.channel else ""
        category = (
            catalogue.category_name(metric, found.category, lang)
            if metric is not None and found.category
            else ""
        )
        scope = " · ".join(x for x in (channel, category) if x)
        _out(f"{named}{f' ({scope})' if scope else ''}: {found.as_written}  「{found.quote}」")
    for problem in [*extraction.warnings, *outcome.errors]:
        _out(_problem_line(problem, lang))
    if extraction.skipped:
        reasons = skipped_summary((s.reason for s in extraction.skipped), lang)
        _out(t("cli.extract_skipped", lang, reasons=reasons))
    if not extraction.facts:
        return
    unknown = t("cli.extract_unknown", lang)
    _out(
        t(
            "cli.extracted",
            lang,
            path=outcome.path,
            count=len(extraction.facts),
            agency=extraction.agency or unknown,
            year=extraction.year or unknown,
            skipped=len(extraction.skipped),
        )
    )
