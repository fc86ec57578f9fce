"""Fuzzing the upload path: over a thousand damaged, hostile and odd files, all reported on.

A seeded generator starts from the project's own files — the sample CSVs, the CSV and .xlsx
templates, the sample exported as .xlsx, and a workbook written the way Excel writes it (shared
strings) — and damages them: truncation, flipped and inserted bytes, odd encodings (UTF-16 of odd
length, GBK, a BOM before garbage, a GBK row pasted into UTF-8), unbalanced, doubled and removed
quotes, NUL bytes, huge cells, wide and tall files, broken zips, workbooks padded to column XFD or
declaring twenty million rows, entity declarations, zip bombs, encrypted members.

Every file goes through `validate_file`, and must come back as a report: no exception, bounded
CPU time and memory, and — for CSV — no row lost: every non-blank line of the file is in a fact,
named by a problem, inside a multi-line cell of such a row, a template row left unfilled, or
behind a problem that stopped the whole file. A subset also goes through the real command line.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard.domain.catalogue import Catalogue, name_key
from dashboard.domain.problems import Severity
from dashboard.i18n.problems import problem_action, problem_message, report_record
from dashboard.ingest.reader import read_table
from dashboard.ingest.validate import ValidationReport, column_spec, validate_file
from dashboard.outputs.exporter import export_facts, template
from dashboard.platform.sample import validate_samples
from tests.test_reader import cell_ref, excel_file

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((PROJECT_ROOT / "data" / "samples").glob("*.csv"))
SEED = 20_240_917
CSV_FILES = 1_000
XLSX_FILES = 300
# Each command-line run costs about a second of CPU in start-up alone: one file of each kind
# of damage, up to this many.
CLI_FILES = 16
MAX_SECONDS = 10.0  # CPU time per file: a safety bound, not a speed test
MAX_BYTES = 500 * 1024 * 1024  # memory per file
HEAVY = {
    "tall",
    "sheet_tall",
    "sheet_pad",
    "huge_cell",
    "sheet_huge_text",
    "wide_row",
    "zip_bomb",
    "bom_garbage",
    "utf16",
    "utf16_odd",
    "sheet_dimension",
    "sheet_far_cell",
}
STOPPING = {"file-too-many-rows", "file-too-many-columns", "file-too-many-cells"}
HOSTILE_VALUES = (
    "4 0 0",
    "400余余",
    "４⁰⁰",
    "²",
    "٤٠٠",
    "不足0",
    "1e24",
    "44444444444444444444",
    "NaN",
    "inf",
    "-0",
    "１，５２５",
    "约400余",
    "=1+1",
    "'-5",
    "\u200b400",
    "400\u3000余",
)

Mutator = Callable[[random.Random, bytes], bytes]


@dataclass(frozen=True)
class Case:
    name: str
    content: bytes
    how: str  # the mutators applied, for a failure message


# ── CSV mutators ────────────────────────────────────────────────────────────────────────────


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [data]


def _at(rng: random.Random, data: bytes) -> int:
    return rng.randrange(len(data) + 1)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: _at(rng, data)]


def flip_bits(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def insert_bytes(rng: random.Random, data: bytes) -> bytes:
    at = _at(rng, data)
    return data[:at] + rng.randbytes(rng.randint(1, 16)) + data[at:]


def delete_slice(rng: random.Random, data: bytes) -> bytes:
    at = _at(rng, data)
    return data[:at] + data[at + rng.randint(1, 200) :]


def add_quote(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randint(1, 3)):
        at = _at(rng, data)
        data = data[:at] + b'"' + data[at:]
    return data


def quote_a_cell_open(rng: random.Random, data: bytes) -> bytes:
    """An opening quote after a delimiter of some line, never closed there."""
    lines = _lines(data)
    i = rng.randrange(len(lines))
    commas = [m.end() for m in re.finditer(rb",", lines[i])]
    if commas:
        at = rng.choice(commas)
        lines[i] = lines[i][:at] + b'"' + lines[i][at:]
    return b"".join(lines)


def remove_quotes(rng: random.Random, data: bytes) -> bytes:
    spots = [m.start() for m in re.finditer(rb'"', data)]
    for at in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 2))), reverse=True):
        data = data[:at] + data[at + 1 :]
    return data


def double_quotes(rng: random.Random, data: bytes) -> bytes:
    spots = [m.start() for m in re.finditer(rb'"', data)]
    if not spots:
        return add_quote(rng, data)
    at = rng.choice(spots)
    return data[:at] + b'""' + data[at:]


def quoted_note(rng: random.Random, data: bytes) -> bytes:
    """A legitimate multi-line quoted note, sometimes with commas in it."""
    lines = _lines(data)
    i = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
    body = lines[i].rstrip(b"\r\n")
    note = rng.choice(['"第一行\n第二行"', '"含, 逗号\n下一行"', '"a\r\nb\r\nc"'])
    lines[i] = body + b"," + note.encode() + b"\n"
    return b"".join(lines)


def insert_nul(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randint(1, 3)):
        at = _at(rng, data)
        data = data[:at] + b"\x00" + data[at:]
    return data


def stray_byte(rng: random.Random, data: bytes) -> bytes:
    at = _at(rng, data)
    return data[:at] + bytes([rng.choice((0x80, 0xFF, 0xC3, 0xE4, 0xA1))]) + data[at:]


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace")


def utf16_odd(rng: random.Random, data: bytes) -> bytes:
    encoded = _text(data).replace(",", "\t").encode("utf-16")
    cut = rng.randrange(1, max(2, len(encoded)), 2)  # odd
    return encoded[:cut] if cut < len(encoded) else encoded[:-1]


def utf16(rng: random.Random, data: bytes) -> bytes:
    return flip_bits(rng, _text(data).encode(rng.choice(("utf-16", "utf-16-le", "utf-16-be"))))


def gbk(rng: random.Random, data: bytes) -> bytes:
    return _text(data).encode(rng.choice(("gbk", "gb18030")), errors="replace")


def bom_garbage(rng: random.Random, data: bytes) -> bytes:
    bom = rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"))
    return bom + rng.randbytes(rng.randint(0, 3000))


def gbk_row(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines[i] = _text(lines[i]).encode("gbk", errors="replace")
    return b"".join(lines)


def huge_cell(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    size = rng.choice((40_000, 140_000, 300_000))
    filler = rng.choice(("x", "报", '"', ","))
    lines[i] = lines[i].rstrip(b"\r\n") + b"," + (filler * size).encode() + b"\n"
    return b"".join(lines)


def wide_row(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines[i] = lines[i].rstrip(b"\r\n") + b"," * rng.randint(40, 200) + b"x\n"
    return b"".join(lines)


def tall(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    body = lines[1:] or lines
    copies = rng.randint(1_000, 3_000) // max(1, len(body))
    return b"".join([lines[0], *(body * copies)])


def blank_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 5)):
        lines.insert(rng.randrange(len(lines) + 1), rng.choice((b"\n", b",,,,,,\n", b"  \r\n")))
    return b"".join(lines)


def line_endings(rng: random.Random, data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", rng.choice((b"\r", b"\r\n", b"\n\n")))


def delimiter(rng: random.Random, data: bytes) -> bytes:
    return data.replace(b",", rng.choice((b"\t", b";", b"\xef\xbc\x8c")))


def hostile_value(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
    cells = lines[i].rstrip(b"\r\n").split(b",")
    if len(cells) > 5:
        cells[5] = rng.choice(HOSTILE_VALUES).encode()
    lines[i] = b",".join(cells) + b"\n"
    return b"".join(lines)


CSV_MUTATORS: list[Mutator] = [
    truncate,
    flip_bits,
    insert_bytes,
    delete_slice,
    add_quote,
    quote_a_cell_open,
    quote_a_cell_open,
    remove_quotes,
    double_quotes,
    quoted_note,
    insert_nul,
    stray_byte,
    stray_byte,
    utf16_odd,
    utf16,
    gbk,
    bom_garbage,
    gbk_row,
    huge_cell,
    wide_row,
    blank_lines,
    line_endings,
    delimiter,
    hostile_value,
    hostile_value,
]


# ── .xlsx mutators ──────────────────────────────────────────────────────────────────────────


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None], **extra: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = change(info.filename, source.read(info.filename))
            if payload is not None:
                target.writestr(info.filename, payload)
        for name, payload in extra.items():
            target.writestr(name, payload)
    return buffer.getvalue()


def _sheet(rng: random.Random, data: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    return _rezip(data, lambda name, payload: edit(payload) if "worksheets/" in name else payload)


def sheet_flip(rng: random.Random, data: bytes) -> bytes:
    return _sheet(rng, data, lambda xml: flip_bits(rng, xml))


def sheet_cut(rng: random.Random, data: bytes) -> bytes:
    return _sheet(rng, data, lambda xml: truncate(rng, xml))


def strings_flip(rng: random.Random, data: bytes) -> bytes:
    return _rezip(
        data, lambda n, p: flip_bits(rng, p) if "sharedStrings" in n or "styles" in n else p
    )


def sheet_doctype(rng: random.Random, data: bytes) -> bytes:
    doctype = rng.choice(
        (
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
            b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
            b'<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">',
        )
    )
    return _sheet(rng, data, lambda xml: re.sub(rb"(<\?xml[^>]*\?>)?", doctype, xml, count=1))


def sheet_pad(rng: random.Random, data: bytes) -> bytes:
    letters = [cell_ref(c, 0)[:-1] for c in range(16_384)]
    rows = rng.randint(1, 20)
    padding = b"".join(
        f'<row r="{900 + r}">'.encode()
        + "".join(f'<c r="{x}{900 + r}" s="0"/>' for x in letters).encode()
        + b"</row>"
        for r in range(rows)
    )
    return _sheet(rng, data, lambda xml: xml.replace(b"</sheetData>", padding + b"</sheetData>"))


def sheet_far_cell(rng: random.Random, data: bytes) -> bytes:
    ref = rng.choice(("XFD1", "XFD1048576", "AZ5", "A1048577", "XFE3", "A20000000"))
    row = re.sub(r"[A-Z]+", "", ref)
    cell = f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'.encode()
    return _sheet(rng, data, lambda xml: xml.replace(b"</sheetData>", cell + b"</sheetData>"))


def sheet_dimension(rng: random.Random, data: bytes) -> bytes:
    ref = rng.choice((b"A1:G20000000", b"A1:XFD1048576", b"A1", b"", b"ZZZZ99999999"))
    return _sheet(
        rng,
        data,
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + ref + b'"', xml),
    )


def sheet_values(rng: random.Random, data: bytes) -> bytes:
    value = rng.choice(
        (b"NaN", b"inf", b"-1e999", b"44444444444444444444", b"1" * 5000, b"abc", b"", b"1e24")
    )
    return _sheet(
        rng, data, lambda xml: re.sub(rb"<v>[0-9]+</v>", b"<v>" + value + b"</v>", xml, count=3)
    )


def sheet_types(rng: random.Random, data: bytes) -> bytes:
    kind = rng.choice((b't="s"', b't="b"', b't="e"', b't="d"', b't="zz"', b't="str"'))
    return _sheet(rng, data, lambda xml: re.sub(rb't="[a-zA-Z]+"', kind, xml, count=5))


def sheet_shared_index(rng: random.Random, data: bytes) -> bytes:
    index = rng.choice((b"999999", b"-1", b"1.5", b" ", b"99999999999999999999"))
    return _sheet(
        rng, data, lambda xml: re.sub(rb'(t="s"[^>]*><v>)[^<]*', rb"\g<1>" + index, xml, count=1)
    )


def sheet_huge_text(rng: random.Random, data: bytes) -> bytes:
    text = (rng.choice(("备", "x", "&amp;")) * rng.choice((40_000, 200_000))).encode()
    cell = b'<row r="999"><c r="G999" t="inlineStr"><is><t>' + text + b"</t></is></c></row>"
    return _sheet(rng, data, lambda xml: xml.replace(b"</sheetData>", cell + b"</sheetData>"))


def sheet_rows_shuffled(rng: random.Random, data: bytes) -> bytes:
    return _sheet(rng, data, lambda xml: xml.replace(b'<row r="3"', b'<row r="2"', 1))


def sheet_tall(rng: random.Random, data: bytes) -> bytes:
    def edit(xml: bytes) -> bytes:
        match = re.search(rb'<row r="2".*?</row>', xml, re.S)
        if match is None:
            return xml
        row = match.group(0)
        copies = b"".join(
            re.sub(
                rb'r="([A-Z]+)2"',
                rb'r="\g<1>' + str(n).encode() + b'"',
                row.replace(b'<row r="2"', f'<row r="{n}"'.encode(), 1),
            )
            for n in range(1000, 1000 + rng.randint(500, 2_000))
        )
        return xml.replace(b"</sheetData>", copies + b"</sheetData>")

    return _sheet(rng, data, edit)


def drop_member(rng: random.Random, data: bytes) -> bytes:
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    gone = rng.choice(names)
    return _rezip(data, lambda name, payload: None if name == gone else payload)


def zip_bomb(rng: random.Random, data: bytes) -> bytes:
    return _rezip(
        data, lambda n, p: p, **{"xl/media/zeros.bin": bytes(rng.choice((3, 12)) * 1_000_000)}
    )


def encrypted_flag(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for match in re.finditer(rb"PK\x01\x02", data):
        if rng.random() < 0.5:
            out[match.start() + 8] |= 1
    return bytes(out)


def many_members(rng: random.Random, data: bytes) -> bytes:
    return _rezip(data, lambda n, p: p, **{f"x/{i}": b"" for i in range(rng.randint(50, 300))})


XLSX_MUTATORS: list[Mutator] = [
    truncate,
    flip_bits,
    insert_bytes,
    delete_slice,
    sheet_flip,
    sheet_flip,
    sheet_cut,
    strings_flip,
    sheet_doctype,
    sheet_pad,
    sheet_far_cell,
    sheet_dimension,
    sheet_values,
    sheet_types,
    sheet_shared_index,
    sheet_huge_text,
    sheet_rows_shuffled,
    sheet_tall,
    drop_member,
    zip_bomb,
    encrypted_flag,
    many_members,
]


# ── the corpus ──────────────────────────────────────────────────────────────────────────────


def seeds(catalogue: Catalogue) -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    csvs = [(path.name, path.read_bytes()) for path in SAMPLES]
    csvs.append(("template.csv", template(catalogue, "csv", agency="定海区教育局", year=2020)))
    facts = [f for _, r in validate_samples(catalogue) for d in r.datasets for f in d.facts]
    rows = list(csv.reader(io.StringIO(SAMPLES[0].read_text("utf-8-sig"))))
    xlsxs = [
        ("template.xlsx", template(catalogue, "xlsx", agency="定海区教育局", year=2020)),
        ("export.xlsx", export_facts(facts, catalogue, "xlsx")),
        (
            "excel.xlsx",
            excel_file([[int(c) if c.isdigit() else c or None for c in r] for r in rows]),
        ),
    ]
    return csvs, xlsxs


def generate(catalogue: Catalogue) -> list[Case]:
    rng = random.Random(SEED)
    csvs, xlsxs = seeds(catalogue)
    cases = [Case(name, content, "seed") for name, content in csvs + xlsxs]
    for i in range(CSV_FILES):
        name, content = rng.choice(csvs)
        mutators = rng.sample(CSV_MUTATORS, rng.choice((1, 1, 1, 2, 3)))
        if i % 100 == 0:
            mutators = [tall, *mutators[:1]]
        for mutator in mutators:
            content = mutator(rng, content)
        cases.append(Case(f"{i:04d}-{name}", content, "+".join(m.__name__ for m in mutators)))
    for i in range(XLSX_FILES):
        name, content = rng.choice(xlsxs)
        mutator = rng.choice(XLSX_MUTATORS)
        content = mutator(rng, content)
        cases.append(Case(f"{i:04d}-{name}", content, mutator.__name__))
    return cases


@pytest.fixture(scope="module")
def cases(catalogue: Catalogue) -> list[Case]:
    return generate(catalogue)


# ── no row lost ─────────────────────────────────────────────────────────────────────────────

_BLANK = ' \t\r\n,;"\u3000\ufeff'


def lost_rows(case: Case, report: ValidationReport) -> list[int]:
    """Non-blank lines of a CSV that neither a fact, a problem nor a rule accounts for."""
    refused = [p for p in report.errors if p.row is None or p.code == "header-missing"]
    if refused or case.content[:4] == b"PK\x03\x04":
        return []  # the whole file is refused (or it is a workbook): nothing is taken from it
    table = read_table(case.content, case.name, reference_sheets=column_spec().reference_sheets)
    encoding = table.encoding or "utf-8"
    content = case.content[3:] if encoding == "utf-8-sig" else case.content
    text = content.decode(encoding, errors="replace")
    lines = list(io.StringIO(text, newline=""))
    stop = min((p.row for p in report.problems if p.code in STOPPING and p.row), default=None)
    accounted = {table.header_row}
    accounted |= {f.row for d in report.datasets for f in d.facts if f.row}
    accounted |= {p.row for p in report.problems if p.row}
    fields = {column_spec().names.get(name_key(h)): i for i, h in enumerate(table.header)}

    def cell(cells: list[object], field: str) -> str:
        index = fields.get(field)
        if index is None or index >= len(cells) or cells[index] is None:
            return ""
        return str(cells[index]).strip()

    for number, cells in table.rows:
        value, note, metric = cell(cells, "value"), cell(cells, "note"), cell(cells, "metric")
        if not value and (not note or not metric):
            accounted.add(number)  # an unfilled template row or a blank one: skipped by rule
    for first, last in table.spans.items():
        if first in accounted:
            accounted |= set(range(first, last + 1))
    return [
        number
        for number, line in enumerate(lines, start=1)
        if line.strip(_BLANK)
        and number not in accounted
        and not (stop is not None and number >= stop)
    ]


# ── the tests ───────────────────────────────────────────────────────────────────────────────


def test_the_corpus_is_large_and_varied(cases: list[Case]) -> None:
    assert len(cases) >= 1_000
    kinds = {how for case in cases for how in case.how.split("+")}
    assert {m.__name__ for m in CSV_MUTATORS + XLSX_MUTATORS} <= kinds | {"seed"}
    # Some mutations of a small seed coincide (the same truncation, a flip that changes
    # nothing); the template's timestamp moves the count a little from run to run.
    assert len({case.content for case in cases}) > 0.85 * len(cases)


def test_the_row_check_sees_a_lost_row(catalogue: Catalogue) -> None:
    """The check itself: the report the old reader gave for a broken quote loses rows 3–5."""
    rows = [
        '2019,"定海区教育局,专题会议次数,,,2,',
        "2019,定海区教育局,热线受理件数,12345,,111,",
        "2019,定海区教育局,热线办结件数,12345,,111,",
        "2019,定海区教育局,阅读量,微信,,5000,",
    ]
    case = Case(
        "broken.csv", ("年度,单位,指标,渠道,类别,数值,备注\n" + "\n".join(rows)).encode(), ""
    )
    report = validate_file(case.content, case.name, catalogue)
    assert lost_rows(case, report) == []
    kept = report.datasets[0]
    kept.facts = [f for f in kept.facts if f.row == 3]
    assert lost_rows(case, ValidationReport(datasets=[kept])) == [2, 4, 5]


def test_every_file_gets_a_report(cases: list[Case], catalogue: Catalogue) -> None:
    failures: list[str] = []
    codes: dict[str, int] = {}
    slowest = (0.0, "")
    began = time.perf_counter()
    for number, case in enumerate(cases):
        # Tracing allocations triples the time: half of the large files, a sample of the rest;
        # the peak of the whole process is checked at the end.
        heavy = not HEAVY.isdisjoint(case.how.split("+"))
        traced = number % 50 == 0 or (heavy and number % 2 == 0)
        if traced:
            tracemalloc.start()
        cpu = time.process_time()
        try:
            report = validate_file(case.content, case.name, catalogue)
        except Exception as error:  # the point of the test: this must never happen
            failures.append(f"{case.name} ({case.how}): raised {error!r}")
            continue
        finally:
            seconds = time.process_time() - cpu
            peak = tracemalloc.get_traced_memory()[1] if traced else 0
            tracemalloc.stop()
        slowest = max(slowest, (seconds, case.name))
        for problem in report.problems:
            codes[problem.code] = codes.get(problem.code, 0) + 1
            problem_message(problem, "zh"), problem_action(problem, "en")  # every message renders
        json.dumps(report_record(report), ensure_ascii=False).encode("utf-8")  # printable as JSON
        if seconds > MAX_SECONDS:
            failures.append(f"{case.name} ({case.how}): {seconds:.1f} s of CPU")
        if peak > MAX_BYTES:
            failures.append(f"{case.name} ({case.how}): {peak / 1e6:.0f} MB")
        if "file-check-failed" in codes:
            failures.append(f"{case.name} ({case.how}): the checks failed (see the log)")
            codes.pop("file-check-failed")
        if report.ok and report.fact_count == 0:
            failures.append(f"{case.name} ({case.how}): ok without a single fact")
        lost = lost_rows(case, report)
        if lost:
            failures.append(f"{case.name} ({case.how}): rows {lost[:10]} lost silently")
    elapsed = time.perf_counter() - began
    assert not failures, "\n".join(failures[:30])
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # the whole run, pytest too
    assert rss < 2 * MAX_BYTES, rss
    # The generator does reach the hostile paths.
    expected = {
        "csv-quote-unbalanced",
        "row-invalid-characters",
        "cell-too-long",
        "file-too-many-columns",
        "file-too-many-rows",
        "file-unreadable",
        "file-too-complex",
        "file-encrypted",
        "value-spaced-digits",
        "value-too-large",
    }
    assert expected <= set(codes), sorted(expected - set(codes))
    print(f"\n{len(cases)} files in {elapsed:.1f} s; slowest {slowest[1]} {slowest[0]:.2f} s CPU")


# `python -m dashboard ARGS`, printing its own peak memory on stderr as it exits.
MEASURED_CLI = (
    "import atexit, resource, runpy, sys\n"
    "atexit.register(lambda: print('maxrss_kb=%d' % resource.getrusage("
    "resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr))\n"
    "sys.argv = ['dashboard', *sys.argv[1:]]\n"
    "runpy.run_module('dashboard', run_name='__main__', alter_sys=True)\n"
)


def test_the_command_line_always_answers_in_json(cases: list[Case], tmp_path: Path) -> None:
    rng = random.Random(SEED + 1)
    kinds: dict[str, list[Case]] = {}
    for case in cases:
        kinds.setdefault(case.how.split("+")[0], []).append(case)
    chosen = rng.sample([rng.choice(group) for group in kinds.values()], CLI_FILES)
    env = {**os.environ, "DASHBOARD_DATABASE_URL": f"sqlite:///{tmp_path / 'store.sqlite'}"}
    env.pop("DASHBOARD_LANG", None)

    def run(index: int, case: Case) -> tuple[Case, subprocess.CompletedProcess[str]]:
        path = tmp_path / f"{index:02d}{Path(case.name).suffix or '.csv'}"
        path.write_bytes(case.content)
        command = [sys.executable, "-c", MEASURED_CLI, "validate", str(path), "--json"]
        done = subprocess.run(
            command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        return case, done

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda pair: run(*pair), enumerate(chosen)))
    # The bound is on the work a file causes: the interpreter and the libraries the command
    # loads before it reads anything (about 110 MB) are not part of it.
    idle = subprocess.run(
        [sys.executable, "-c", MEASURED_CLI, "--help"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    baseline_kb = int(idle.stderr.rsplit("maxrss_kb=", 1)[1].split()[0])
    for case, done in results:
        assert done.returncode in (0, 1, 2), (case.name, case.how, done.returncode, done.stderr)
        payload = json.loads(done.stdout)
        assert {"ok", "errors", "warnings", "datasets"} <= set(payload), (case.name, payload)
        assert payload["ok"] is (done.returncode == 0), (case.name, case.how)
        for problem in payload["errors"]:
            assert problem["severity"] == str(Severity.ERROR)
        # This command's own peak (RUSAGE_CHILDREN would also count earlier tests' app servers).
        peak_kb = int(done.stderr.rsplit("maxrss_kb=", 1)[1].split()[0])
        assert (peak_kb - baseline_kb) * 1024 < MAX_BYTES, (case.name, peak_kb, baseline_kb)
