"""The editor's section "从年度报告提取" of the 上传数据 tab: reports in → found figures in an
editable table beside the highlighted text → the same report, preview and confirmed save as a
file upload. Rendering only: reading, extracting, checking and writing are
`dashboard.platform.extraction` and `dashboard.platform.workflow`."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import polars as pl
import streamlit as st

from components import state
from components.chart import data_table
from components.data import get_catalogue, get_store, store_fault_text, stored_agency_for
from components.filters import View
from components.text import literal, t_literal
from components.upload import new_agency_notes, preview_section, report_section
from dashboard.extract.document import SUFFIXES
from dashboard.extract.figures import Found
from dashboard.i18n.extraction import skip_reason_text
from dashboard.i18n.messages import t
from dashboard.i18n.problems import problem_action, problem_message
from dashboard.ingest.validate import MIN_YEAR
from dashboard.outputs.exporter import neutralise_strings
from dashboard.platform.auth import Actor
from dashboard.platform.extraction import (
    LOW_CONFIDENCE,
    ReportExtraction,
    adopted_rows,
    check_reports,
    commit_extracted,
    editor_rows,
    extract_report,
    metric_names,
    rows_csv,
)
from dashboard.platform.settings import load_settings
from dashboard.platform.workflow import (
    UploadBlocked,
    commit_message,
    preview_upload,
    previewed_versions,
    size_problem,
)
from dashboard.store.database import StaleVersion, StoreUnavailable

ROUND = "extract_round"  # bumped after a save: fresh, empty inputs
CHECKED = "extract_checked"  # the round whose rows the editor asked to check
PREVIEWED = "extract_previewed"  # (round, rows digest, versions) of the preview last shown
FOLDER = "extract_folder_mode"  # the uploader takes a whole folder (kept across saves)
REPORT_TYPES = [suffix.lstrip(".") for suffix in SUFFIXES]  # the files the reader takes
ADOPTED = "⚠"  # the 把握 cell of a number the editor took into the table from those left out
METRIC_WIDTH = (160, 360)  # px, least and most, of the metric column of the review table
NAME_WIDTH = (90, 220)  # px, of the channel and category columns


@st.cache_data(show_spinner=False, max_entries=16)
def _extract(content: bytes, name: str) -> ReportExtraction:
    return extract_report(content, name, get_catalogue())


def highlighted(text: str, facts: list[Found], added: Iterable[tuple[int, int]] = ()) -> str:
    """The report's text as Markdown showing exactly as written (it is user input: every piece
    goes through `literal`), with each quote of a figure found on an orange highlight and each
    span of a number the editor added (`added`) on a blue one; lines kept as lines."""
    spans = sorted(
        [*((f.start, f.end, "orange") for f in facts), *((a, b, "blue") for a, b in added)]
    )
    pieces: list[tuple[str, str]] = []
    at = 0
    for start, end, colour in spans:
        if start < at or end <= start:
            continue  # overlapping quotes: the first one is highlighted
        pieces += [(text[at:start], ""), (text[start:end], colour)]
        at = end
    pieces.append((text[at:], ""))
    lines: list[str] = [""]
    for piece, colour in pieces:
        for i, part in enumerate(piece.split("\n")):
            if i:
                lines.append("")
            if not part:
                continue
            if not lines[-1]:
                part = part.lstrip(" \t")  # leading spaces would make a code block
            shown = literal(part)
            lines[-1] += f":{colour}-background[**{shown}**]" if colour and part.strip() else shown
    return "  \n".join(lines)


def _confidence(value: float | None) -> str:
    if value is None:
        return ""
    mark = " ⚠" if value < LOW_CONFIDENCE else ""
    return f"{value:.0%}{mark}"


def column_width(texts: Iterable[str | None], least: int, most: int) -> int:
    """A column width in px showing the longest of `texts` whole, within [least, most]: about
    14 px a Chinese character, 8 px a Latin one, plus the cell's padding and a selectbox's
    arrow."""
    widest = max(
        (sum(14 if ord(char) >= 0x2E80 else 8 for char in text) for text in texts if text),
        default=0,
    )
    return max(least, min(most, widest + 36))


def _skipped_list(
    index: int, report: ReportExtraction, lang: str, edited: pl.DataFrame, key: str, version: int
) -> None:
    """The numbers left out and why (in words from the catalogue), for a figure the editor
    misses in the table; one chosen is added to the table as it stands (`edited`, so nothing
    typed there is lost), with a metric or none."""
    skipped = report.extraction.skipped
    if not skipped:
        return
    title = t("extract.skipped_title", lang, count=len(skipped))
    with st.expander(title, key=f"extract_skipped_{index}"):  # .st-key-extract_skipped_0
        frame = pl.DataFrame(
            {
                t("extract.col_number", lang): [s.number for s in skipped],
                t("extract.col_reason", lang): [skip_reason_text(s.reason, lang) for s in skipped],
                t("extract.col_quote", lang): [s.quote for s in skipped],
            },
            schema={
                t("extract.col_number", lang): pl.String,
                t("extract.col_reason", lang): pl.String,
                t("extract.col_quote", lang): pl.String,
            },
        )
        data_table(frame, hide_index=True, width="stretch")
        with st.container(key=f"extract_adopt_{index}"):  # .st-key-extract_adopt_0
            chosen = st.selectbox(
                t("extract.adopt_pick", lang),
                range(len(skipped)),
                index=None,
                format_func=lambda i: f"{skipped[i].number} · {_short(skipped[i].quote)}",
                placeholder=t("extract.adopt_placeholder", lang),
                key=f"extract_adopt_{key}_{version}",
            )
            metric = st.selectbox(
                t("extract.adopt_metric", lang),
                metric_names(get_catalogue(), lang),
                index=None,
                placeholder=t("extract.adopt_metric_placeholder", lang),
                key=f"extract_adopt_metric_{key}_{version}",
            )
            if st.button(
                t("extract.adopt", lang),
                disabled=chosen is None,
                key=f"extract_adopt_button_{key}_{version}",
            ):
                added = adopted_rows([skipped[chosen]], metric or "")
                st.session_state[f"extract_base_{key}"] = [
                    *edited.to_dicts(),
                    *({**row, "confidence": ADOPTED} for row in added),
                ]
                # a new table (its key) starting from the rows as they stand
                st.session_state[f"extract_version_{key}"] = version + 1
                st.rerun()


def _added_spans(report: ReportExtraction, edited: pl.DataFrame) -> list[tuple[int, int]]:
    """Where the numbers added by hand and still in the table stand in the text: a left-out
    number whose quote and number are the note and value of a row marked as added (a quote can
    hold two numbers left out)."""
    added = {
        (r.get("note"), r.get("value")) for r in edited.to_dicts() if r.get("confidence") == ADOPTED
    }
    return [(s.start, s.end) for s in report.extraction.skipped if (s.quote, s.number) in added]


def _short(quote: str, most: int = 36) -> str:
    """A quote cut to `most` characters for a list entry (the table above shows it whole)."""
    quote = " ".join(quote.split())
    return quote if len(quote) <= most else quote[: most - 1] + "…"


def _stored_name(found: str) -> str | None:
    """The stored agency the report's own name stands for; None when none does, or when the
    store cannot be asked (the name the text gives is then kept)."""
    if not found:
        return None
    try:
        return stored_agency_for(found)
    except StoreUnavailable:
        return None


def _report_block(
    index: int, report: ReportExtraction, round_: int, lang: str
) -> tuple[str, int | None, pl.DataFrame]:
    """One report: agency and year, the editable figures beside the highlighted text."""
    catalogue = get_catalogue()
    name = report.name or t("extract.pasted", lang)
    found = report.extraction.facts
    if found:
        st.markdown(t_literal("extract.found", lang, name=name, count=len(found)))
    else:
        st.info(t_literal("extract.none_found", lang, name=name))
    # what reading the file noticed (pages that are pictures), then what the text lacks (the
    # agency or year, a statutory table's figures)
    for problem in [*report.problems, *report.extraction.warnings]:
        st.warning(literal(f"{problem_message(problem, lang)} {problem_action(problem, lang)}"))
    key = f"{round_}_{index}_{report.sha256[:16]}"
    found_agency = report.extraction.agency or ""
    stored = _stored_name(found_agency)
    c1, c2, _ = st.columns([2, 1, 1])
    agency = c1.text_input(
        t("app.col_agency", lang), value=stored or found_agency, key=f"extract_agency_{key}"
    )
    if stored is not None and stored != found_agency:
        # the agency's years stay one series: 大冶市政府办公室 files under 大冶市人民政府办公室
        c1.caption(t_literal("extract.agency_stored", lang, found=found_agency, stored=stored))
    year = c2.number_input(
        t("extract.year", lang),
        min_value=MIN_YEAR,
        max_value=2100,
        value=report.extraction.year,
        step=1,
        format="%d",
        key=f"extract_year_{key}",
    )
    # the rows as they stood when the editor last added numbers left out, else as found
    version = st.session_state.get(f"extract_version_{key}", 0)
    rows = st.session_state.get(f"extract_base_{key}") or [
        {**row, "confidence": _confidence(row["confidence"])}
        for row in editor_rows(report.extraction, catalogue, lang)
    ]
    frame = pl.DataFrame(
        rows,
        schema={
            "metric": pl.String,
            "channel": pl.String,
            "category": pl.String,
            "value": pl.String,
            "note": pl.String,
            "confidence": pl.String,
        },
    )
    low = sum(1 for f in found if f.confidence < LOW_CONFIDENCE)
    if low:
        st.warning(t("extract.low", lang, count=low))
    added = sum(1 for row in rows if row.get("confidence") == ADOPTED)
    if added:
        st.info(t("extract.adopted", lang, count=added))
    # The table gets most of the width: its value and ⚠ columns must be in view without
    # scrolling; the text beside it is for finding the quotes.
    left, right = st.columns([5, 2])
    with left, st.container(key=f"extract_table_{index}"):  # .st-key-extract_table_0
        # Neutralised like every table (its toolbar downloads a CSV); the reader drops the `'`.
        edited = st.data_editor(
            neutralise_strings(frame),
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            key=f"extract_rows_{key}" + (f"_{version}" if version else ""),
            # The table is narrower than its columns beside the text: the value and the ⚠ of
            # an uncertain figure come right after the metric, in view however long its name
            # (a statutory row's name takes up to 360 px); then channel and category; the long
            # quote (also highlighted on the right) last.
            column_order=("metric", "value", "confidence", "channel", "category", "note"),
            # Metric, channel and category as wide as their longest text in the table (within
            # bounds): a cut name (政府门户网站 → 政府门…) cannot be checked against the text.
            column_config={
                "metric": st.column_config.SelectboxColumn(
                    t("app.col_metric", lang),
                    options=metric_names(catalogue, lang),
                    width=column_width(frame["metric"], *METRIC_WIDTH),
                ),
                "channel": st.column_config.TextColumn(
                    t("app.col_channel", lang), width=column_width(frame["channel"], *NAME_WIDTH)
                ),
                "category": st.column_config.TextColumn(
                    t("app.col_category", lang),
                    width=column_width(frame["category"], *NAME_WIDTH),
                ),
                "value": st.column_config.TextColumn(t("app.col_value", lang), width="small"),
                "note": st.column_config.TextColumn(t("app.col_note", lang), width="medium"),
                "confidence": st.column_config.TextColumn(
                    t("extract.col_confidence", lang), disabled=True
                ),
            },
        )
    edited = edited if isinstance(edited, pl.DataFrame) else pl.DataFrame(edited)
    with right:
        st.caption(t("extract.text_title", lang))
        with st.container(height=420, key=f"extract_text_{index}"):
            st.markdown(highlighted(report.text, found, _added_spans(report, edited)))
    _skipped_list(index, report, lang, edited, key, version)
    return agency.strip(), int(year) if year is not None else None, edited


def extract_panel(view: View, actor: Actor) -> None:
    """Reports or pasted text → corrected figures → report → preview → confirmed save."""
    lang = view.lang
    settings = load_settings()
    round_ = st.session_state.get(ROUND, 0)
    with st.container(key="extract_section"):  # .st-key-extract_section
        st.subheader(t("extract.title", lang))
        st.caption(t("extract.help", lang))
        # A folder (subfolders included) where the browser can pick one: Streamlit's directory
        # upload. Its own widget, so switching keeps no stale files of the other.
        folder = st.toggle(
            t("extract.folder", lang), help=t("extract.folder_help", lang), key=FOLDER
        )
        if folder:
            files = st.file_uploader(
                t("extract.folder_files", lang),
                type=REPORT_TYPES,
                accept_multiple_files="directory",
                key=f"extract_folder_{round_}",
            )
        else:
            files = st.file_uploader(
                t("extract.files", lang),
                type=REPORT_TYPES,
                accept_multiple_files=True,
                key=f"extract_files_{round_}",
            )
        pasted = st.text_area(t("extract.paste", lang), height=150, key=f"extract_paste_{round_}")
    # A folder's reports in name order (the browser lists them in no set order), as the CLI.
    chosen = sorted(files or [], key=lambda f: f.name) if folder else files or []
    sources = [(f.name, f.getvalue()) for f in chosen]
    if pasted.strip():
        sources.append(("", pasted.encode("utf-8")))
    if not sources:
        return
    catalogue = get_catalogue()
    store = get_store(settings.database_url)
    checks: list[tuple[str, str, bytes]] = []
    complete = True
    for index, (name, content) in enumerate(sources):
        with st.container(border=True, key=f"extract_report_{index}"):
            too_large = size_problem(len(content), settings.max_upload_mb)
            if too_large is not None:
                st.error(literal(f"{name}: {problem_message(too_large, lang)}"))
                complete = False
                continue
            report = _extract(content, name)
            agency, year, edited = _report_block(index, report, round_, lang)
            if not agency or year is None:
                st.warning(t("extract.required", lang))
                complete = False
                continue
            csv = rows_csv(edited.to_dicts(), agency, year, catalogue, lang)
            checks.append((name or t("extract.pasted", "zh"), report.sha256, csv))
    if not complete or not checks:
        return
    if st.button(t("extract.check", lang), key=f"extract_check_{round_}"):
        st.session_state[CHECKED] = round_
    if st.session_state.get(CHECKED) != round_:
        return
    combined, checked = check_reports(checks, catalogue, store, limit_mb=settings.max_upload_mb)
    names = "、".join(c.name for c in checked)
    report_section(combined, names, lang, key_prefix="extract_")
    if not combined.ok:
        return
    new_agency_notes(combined, store, lang)
    previews = preview_upload(combined, store)
    shown = previewed_versions(previews)
    digest = hashlib.sha256(b"".join(c for _, _, c in checks)).hexdigest()
    last = st.session_state.get(PREVIEWED)
    seen = last[2] if last is not None and last[:2] == (round_, digest) else shown
    st.session_state[PREVIEWED] = (round_, digest, shown)
    preview_section(previews, lang, key_prefix="extract_")
    if all(p.unchanged for p in previews):
        st.info(t("upload.nothing_to_commit", lang))
        return
    confirmed = True
    if any(p.replaces for p in previews):
        confirmed = st.checkbox(
            t("upload.confirm_replace", lang), key=f"extract_confirm_{round_}_{digest[:8]}"
        )
    if not st.button(
        t("upload.commit", lang),
        type="primary",
        disabled=not confirmed,
        key=f"extract_commit_{round_}",
    ):
        return
    try:
        results = commit_extracted(
            store, checked, actor=actor, confirmed_replace=confirmed, expected_versions=seen
        )
    except UploadBlocked as blocked:
        st.error(t(f"upload.blocked.{blocked.code}", lang))
        return
    except StaleVersion:
        st.error(t("upload.stale_refused", lang))
        return
    except StoreUnavailable as fault:
        st.error(store_fault_text(fault, lang, "upload.store_fault"))
        return
    summary = " ".join(commit_message(r, lang) for r in results)
    st.session_state[state.FLASH] = t("upload.committed", lang, summary=summary)
    st.session_state[ROUND] = round_ + 1
    st.rerun()
