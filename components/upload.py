"""The editor's panels of the 数据 page: template → upload → report → preview → save; history
and restore. Rendering only: checking, previewing and writing are `dashboard.platform.workflow`."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import polars as pl
import streamlit as st

from components import state
from components.chart import data_table, table_csv
from components.data import get_catalogue, get_store, store_fault_text
from components.filters import View
from components.text import literal, literal_strings, t_literal
from dashboard.domain.problems import Severity
from dashboard.i18n.mappings import mapping_line
from dashboard.i18n.messages import t
from dashboard.ingest.validate import MIN_YEAR, ValidationReport
from dashboard.outputs.exporter import Format, template
from dashboard.platform.auth import Actor
from dashboard.platform.extraction import EXTRACTED_PREFIX
from dashboard.platform.settings import load_settings
from dashboard.platform.workflow import (
    DatasetPreview,
    UploadBlocked,
    commit_message,
    commit_upload,
    conflict_message,
    lookalike_agencies,
    new_agencies,
    preview_table,
    preview_upload,
    previewed_versions,
    report_frame,
    report_table,
    restore_version,
    validate_upload,
)
from dashboard.store.database import (
    CommitResult,
    StaleVersion,
    Store,
    StoreUnavailable,
    VersionConflict,
)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Session keys of the upload and restore panels (UI state of one session).
PREVIEWED = "upload_previewed"  # (round, file SHA-256, versions) of the preview last shown
STALE_NOTICE = "upload_stale"  # the "someone saved meanwhile" message, shown once after a rerun
CONFIRM_ROUND = "upload_confirm_round"  # bumped to ask for the replace confirmation again
RESTORE_SEEN = "restore_seen"  # (agency, year, current version) the restore panel last showed
RESTORE_NOTICE = "restore_notice"  # a refused restore's message, shown once after a rerun


def _store() -> Store:
    """The cached Store of this deployment."""
    return get_store(load_settings().database_url)


def _template_section(view: View) -> None:
    """Step 1: a template for the agency and year typed in. The stored agencies are offered
    (the sidebar's first), and any other name may be typed: a new agency's staff start here,
    not with a template filled with another agency's name."""
    lang = view.lang
    st.markdown(f"**{t('upload.step_template', lang)}**")
    store = _store()
    datasets = store.datasets()
    stored = sorted(set(datasets.get_column("agency").to_list()))
    c1, c2 = st.columns([2, 1])
    chosen = c1.selectbox(
        t("upload.template_agency", lang),
        stored,
        index=stored.index(view.agency) if view.agency in stored else None,
        accept_new_options=True,
        placeholder=t("upload.template_agency_placeholder", lang),
        key="template_agency",
    )
    agency = str(chosen).strip() if chosen else None
    years = datasets.filter(pl.col("agency") == agency).get_column("year").to_list()
    latest_allowed = date.today().year + 1  # the upload's own limit (a later year is refused)
    default_year = min(max(years) + 1, latest_allowed) if years else date.today().year - 1
    year = int(
        c2.number_input(
            t("upload.template_for", lang),
            min_value=MIN_YEAR,
            max_value=latest_allowed,
            value=default_year,
            step=1,
            format="%d",
            # One widget per agency: choosing another agency proposes that agency's next year.
            key=f"template_year_{agency}",
        )
    )
    if agency and agency not in stored:
        st.info(t_literal("upload.new_agency", lang, agency=agency))
    previous = (
        store.dataset_facts(agency, year - 1) if agency is not None and agency in stored else []
    )
    st.caption(t("upload.template_help", lang))

    def build(fmt: Format) -> bytes:
        return template(get_catalogue(), fmt, agency=agency, year=year, previous=previous)

    c1, c2, _ = st.columns([1, 1, 2])
    c1.download_button(
        t("app.data.template_xlsx", lang),
        data=lambda: build("xlsx"),
        file_name=f"template-{year}.xlsx",
        mime=XLSX_MIME,
        key="upload_template_xlsx",
        on_click="ignore",
    )
    c2.download_button(
        t("app.data.template_csv", lang),
        data=lambda: build("csv"),
        file_name=f"template-{year}.csv",
        mime="text/csv",
        key="upload_template_csv",
        on_click="ignore",
    )


def report_section(report: ValidationReport, name: str, lang: str, *, key_prefix: str = "") -> None:
    """The validation report of a file; `key_prefix` keeps a second report's keys apart."""
    # With errors the file is not split into datasets, so there are no counts to give.
    key = "upload.checked" if report.ok else "upload.checked_errors"
    datasets = t("count.year_datasets", lang, count=len(report.datasets))
    facts = t("count.facts", lang, count=report.fact_count)
    st.markdown(t_literal(key, lang, name=name, datasets=datasets, facts=facts))
    errors, warnings = report.errors, report.warnings
    if not errors and not warnings:
        st.success(t("upload.no_problems", lang))
        _mapping_list(report, lang, key_prefix)
        return
    if errors:
        st.error(t("upload.errors", lang, count=len(errors)))
        _problem_table(report, Severity.ERROR, lang, key_prefix)
    if warnings:
        st.warning(t("upload.warnings", lang, count=len(warnings)))
        _problem_table(report, Severity.WARNING, lang, key_prefix)
    _mapping_list(report, lang, key_prefix)
    st.download_button(
        t("upload.download_report", lang),
        data=table_csv(report_frame(report, lang)),
        file_name="upload-report.csv",
        mime="text/csv",
        key=f"{key_prefix}download_report",
        on_click="ignore",
    )


def _mapping_list(report: ValidationReport, lang: str, key_prefix: str = "") -> None:
    """Every channel name read by a rule (`第 9 行：“平安某某”官方微博 → 微博`), so staff see
    what the file was read as before they save. The names come from the file: plain text."""
    if not report.mappings:
        return
    catalogue = get_catalogue()
    with st.container(key=f"{key_prefix}channel_mappings"):  # .st-key-channel_mappings
        st.info(t("upload.mappings", lang, count=len(report.mappings)))
        st.markdown(
            "\n".join(f"- {literal(mapping_line(m, lang, catalogue))}" for m in report.mappings)
        )


def _problem_table(
    report: ValidationReport, severity: Severity, lang: str, key_prefix: str = ""
) -> None:
    """The problems as a static table whose sentences wrap, so what is wrong and what to do are
    read without scrolling. st.table renders Markdown, and values come from the file: every cell
    is escaped so it shows exactly as typed."""
    table = report_table(report, severity, lang).drop(t("report.code", lang))
    with st.container(key=f"{key_prefix}problems_{severity}"):  # .st-key-problems_error / _warning
        st.table(literal_strings(table), hide_index=True)


# Streamlit's drop zone says "Drag and drop file here · Limit … per file" in English only; our
# own Chinese label and heading above it say the same, so its instructions are hidden. Its
# button says "Upload" in English only: the word is hidden and ours is shown in its place (a
# pseudo-element, so the button, its icon and its keyboard use stay Streamlit's). Streamlit has
# no setting for either: the rules name the elements' test ids, and
# tests/test_browser_upload.py checks that they still match after a Streamlit upgrade.
_BUTTON_WORDS = (
    '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
)


def uploader_css(lang: str) -> str:
    """The style that puts the drop zone's words in `lang` (one per page: it holds for every
    uploader the page shows)."""
    label = json.dumps(t("upload.browse_button", lang), ensure_ascii=False)  # a CSS string
    return (
        "<style>"
        '[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }'
        f"{_BUTTON_WORDS} {{ font-size: 0; }}"
        f"{_BUTTON_WORDS}::after {{ content: {label}; font-size: 0.875rem; }}"
        "</style>"
    )


def new_agency_notes(report: ValidationReport, store: Store, lang: str) -> None:
    """A warning per agency the save would create, naming the stored agency it looks like:
    a misspelt name would start a second agency, so the page says so before anything is saved."""
    twins = lookalike_agencies(report, store)
    for agency in new_agencies(report, store):
        if agency in twins:
            st.warning(t_literal("upload.new_agency_twin", lang, agency=agency, twin=twins[agency]))
        else:
            st.warning(t_literal("upload.new_agency", lang, agency=agency))


def preview_section(previews: list[DatasetPreview], lang: str, *, key_prefix: str = "") -> None:
    st.markdown(f"**{t('upload.step_preview', lang)}**")
    catalogue = get_catalogue()
    for index, preview in enumerate(previews):
        params = {
            "agency": preview.agency,
            "year": preview.year,
            "version": preview.current_version,
        }
        if preview.current_version is None:
            title = t_literal("upload.dataset_new", lang, **params)
        elif preview.unchanged:
            title = t_literal("upload.dataset_same", lang, **params)
        else:
            title = t_literal("upload.dataset_replaces", lang, **params)
        with st.container(border=True, key=f"{key_prefix}preview_{index}"):
            st.markdown(title)
            c1, c2, c3 = st.columns(3)
            c1.metric(t("upload.added", lang), len(preview.added))
            c2.metric(t("upload.changed", lang), len(preview.changed))
            c3.metric(t("upload.removed", lang), len(preview.removed))
            if preview.removed and preview.current_version is not None:
                # A "correction" file with a few rows replaces the whole year: say what goes.
                st.warning(
                    t("upload.will_remove", lang, count=len(preview.removed), year=preview.year)
                )
            if not preview.unchanged:
                with st.expander(t("upload.details", lang)):
                    data_table(
                        preview_table(preview, catalogue, lang),
                        hide_index=True,
                        key=f"{key_prefix}preview_table_{index}",
                    )


def _summary(results: list[CommitResult], lang: str) -> str:
    return " ".join(commit_message(r, lang) for r in results)


def _stale_text(key: str, conflicts: list[VersionConflict], lang: str) -> str:
    """What changed meanwhile: who saved which version when, one line each. Agency and user
    names are typed by people: they are shown literally (no Markdown)."""
    lines = [t(key, lang), *(conflict_message(c, lang, quote=literal) for c in conflicts)]
    return "  \n".join(lines)


def upload_panel(view: View, actor: Actor) -> None:
    """Template, file, report, preview, confirmation and save — in that order on the page.

    The save is checked against the preview the editor was shown (the one of the previous run,
    on which the button was clicked): if another editor saved one of those years in between,
    nothing is written, the editor is told who saved what and when, and the preview is made
    again from the latest data.
    """
    lang = view.lang
    settings = load_settings()
    _template_section(view)
    st.divider()
    st.markdown(f"**{t('upload.step_file', lang, limit=f'{settings.max_upload_mb:g}')}**")
    st.html(uploader_css(lang))
    round_ = st.session_state.get(state.UPLOAD_ROUND, 0)
    uploaded = st.file_uploader(
        t("upload.file_label", lang), type=["csv", "xlsx"], key=f"upload_file_{round_}"
    )
    if uploaded is None:
        return
    # Read in memory only: an upload is never written to a path anyone chose.
    content = uploaded.getvalue()
    store = _store()
    report = validate_upload(
        content,
        uploaded.name,
        get_catalogue(),
        store,
        limit_mb=settings.max_upload_mb,
        default_agency=settings.agency,
    )
    report_section(report, uploaded.name, lang)
    if not report.ok:
        return
    new_agency_notes(report, store, lang)
    previews = preview_upload(report, store)
    shown = previewed_versions(previews)
    file_id = (round_, hashlib.sha256(content).hexdigest())
    last = st.session_state.get(PREVIEWED)
    seen = last[2] if last is not None and last[:2] == file_id else shown
    st.session_state[PREVIEWED] = (*file_id, shown)
    notice = st.session_state.pop(STALE_NOTICE, None)
    if notice:
        st.error(notice)
    preview_section(previews, lang)
    if all(p.unchanged for p in previews):
        st.info(t("upload.nothing_to_commit", lang))
        return
    confirmed = True
    if any(p.replaces for p in previews):
        again = st.session_state.get(CONFIRM_ROUND, 0)
        confirmed = st.checkbox(
            t("upload.confirm_replace", lang),
            key=f"confirm_{round_}" if not again else f"confirm_{round_}_{again}",
        )
    st.markdown(f"**{t('upload.commit', lang)}**")
    clicked = st.button(
        t("upload.commit", lang), type="primary", disabled=not confirmed, key=f"commit_{round_}"
    )
    if clicked:
        try:
            results = commit_upload(
                store,
                report,
                actor=actor,
                file_name=uploaded.name,
                content=content,
                confirmed_replace=confirmed,
                expected_versions=seen,
            )
        except UploadBlocked as blocked:
            st.error(t(f"upload.blocked.{blocked.code}", lang))
            return
        except StaleVersion as stale:
            _ask_again(_stale_text("upload.stale_refused", stale.conflicts, lang))
        except StoreUnavailable as fault:
            st.error(store_fault_text(fault, lang, "upload.store_fault"))
            return
        st.session_state[state.FLASH] = t("upload.committed", lang, summary=_summary(results, lang))
        st.session_state[state.UPLOAD_ROUND] = round_ + 1  # a fresh, empty uploader
        st.rerun()
    elif seen != shown:
        # Someone saved one of these years since the last run (this rerun came from another
        # widget, e.g. the confirmation): say so, and ask for the confirmation again.
        conflicts = store.version_conflicts(seen)
        if conflicts:
            _ask_again(_stale_text("upload.stale_changed", conflicts, lang))


def _ask_again(notice: str) -> None:
    """Rerun with the notice above a preview made again, and the confirmation unticked."""
    st.session_state[STALE_NOTICE] = notice
    st.session_state[CONFIRM_ROUND] = st.session_state.get(CONFIRM_ROUND, 0) + 1
    st.rerun()


def _file_cell(file_name: str | None, restored_from: int | None, lang: str) -> str:
    """The history's file column: the file, `从 X 提取` for figures extracted from a report,
    or the version a restore came from."""
    if file_name and file_name.startswith(EXTRACTED_PREFIX):
        return t("extract.history_file", lang, name=file_name.removeprefix(EXTRACTED_PREFIX))
    return file_name or (f"← v{restored_from}" if restored_from else "")


def _utc_cell(text: str) -> str:
    """A stored time as people read it under the column's "(UTC)": 2026-12-02 14:26:02, not
    the ISO form 2026-12-02T14:26:02+00:00 the store gives."""
    return text.replace("T", " ", 1).removesuffix("+00:00")


def _history_table(store: Store, agency: str | None, lang: str) -> pl.DataFrame:
    versions = store.history(agency)
    return pl.DataFrame(
        {
            t("app.col_agency", lang): [v.agency for v in versions],
            t("app.col_year", lang): [v.year for v in versions],
            t("upload.col_version", lang): [v.version for v in versions],
            t("upload.col_current", lang): ["✓" if v.current else "" for v in versions],
            t("upload.col_time", lang): [_utc_cell(v.created_at) for v in versions],
            t("upload.col_user", lang): [v.user for v in versions],
            t("upload.col_action", lang): [t(f"upload.action.{v.action}", lang) for v in versions],
            t("upload.col_file", lang): [
                _file_cell(v.file_name, v.restored_from, lang) for v in versions
            ],
            t("upload.added", lang): [v.added for v in versions],
            t("upload.changed", lang): [v.changed for v in versions],
            t("upload.removed", lang): [v.removed for v in versions],
            t("upload.col_facts", lang): [v.fact_count for v in versions],
            t("upload.col_sha", lang): [v.file_sha256 or "" for v in versions],
        },
        schema_overrides={t("app.col_year", lang): pl.Int32},
    )


def history_panel(view: View, actor: Actor) -> None:
    """Every version of the agency's datasets, and restoring one (with confirmation)."""
    lang = view.lang
    store = _store()
    st.caption(t("upload.history_help", lang))
    data_table(_history_table(store, view.agency, lang), hide_index=True, key="history_table")

    st.markdown(f"**{t('upload.restore_title', lang)}**")
    datasets = store.datasets().filter(pl.col("agency") == view.agency)
    if datasets.is_empty():
        return
    years = datasets["year"].sort(descending=True).to_list()
    c1, c2 = st.columns(2)
    year = c1.selectbox(
        t("upload.restore_dataset", lang),
        years,
        format_func=lambda y: f"{view.agency} {y}",
        key="restore_year",
    )
    current = int(datasets.filter(pl.col("year") == year)["version"][0])
    # The click arrives on the next run: check the restore against the version shown before it.
    last = st.session_state.get(RESTORE_SEEN)
    seen = last[2] if last is not None and last[:2] == (view.agency, year) else current
    st.session_state[RESTORE_SEEN] = (view.agency, year, current)
    notice = st.session_state.pop(RESTORE_NOTICE, None)
    if notice:
        st.error(notice)
    older = [v.version for v in store.history(view.agency, year) if v.version != current]
    if not older:
        st.caption(t("upload.no_older", lang))
        return
    version = c2.selectbox(t("upload.restore_version", lang), older, key="restore_version")
    confirmed = st.checkbox(
        t_literal("upload.restore_confirm", lang, agency=view.agency, year=year, version=version),
        key=f"restore_confirm_{view.agency}_{year}_{version}",
    )
    if st.button(t("upload.restore_button", lang), disabled=not confirmed, key="restore_button"):
        assert view.agency is not None
        try:
            result = restore_version(
                store, view.agency, year, version, actor=actor, expected_current=seen
            )
        except StaleVersion as stale:
            st.session_state[RESTORE_NOTICE] = _stale_text(
                "upload.restore_stale", stale.conflicts, lang
            )
            st.rerun()
        except StoreUnavailable as fault:
            st.error(store_fault_text(fault, lang, "upload.store_fault"))
            return
        st.session_state[state.FLASH] = t(
            "upload.restored",
            lang,
            agency=view.agency,
            year=year,
            from_version=version,
            version=result.version,
        )
        st.rerun()
