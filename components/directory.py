"""The agency directory panel of the 对比 page: what is stored, the template, and for editors the
upload — file → check → preview → save, like a figures file. Rendering only: reading, checking
and saving are `dashboard.platform.directory`."""

from __future__ import annotations

import polars as pl
import streamlit as st

from components import state
from components.auth import current_actor
from components.chart import table_csv
from components.data import get_store, store_fault_text
from components.filters import View
from components.text import literal_strings, t_literal
from components.upload import uploader_css
from dashboard.domain.problems import Severity
from dashboard.i18n.messages import t
from dashboard.ingest.directory import DIRECTORY_HEADER
from dashboard.platform.auth import PermissionDenied
from dashboard.platform.directory import (
    check_directory,
    directory_problems,
    preview_directory,
    save_directory,
)
from dashboard.platform.settings import load_settings
from dashboard.platform.workflow import UploadBlocked
from dashboard.store.compare import directory_info, directory_template
from dashboard.store.database import Store, StoreUnavailable

DIRECTORY_ROUND = "directory_round"  # bumped after a save: a fresh, empty uploader


def _store() -> Store:
    return get_store(load_settings().database_url)


def _as_file(frame: pl.DataFrame) -> bytes:
    """The directory in its upload format: Chinese headers, UTF-8 with BOM (Excel opens it as
    Chinese), formula-like names guarded."""
    return table_csv(frame.rename(dict(zip(frame.columns, DIRECTORY_HEADER, strict=True))))


def _problems(report_problems: pl.DataFrame, key: str) -> None:
    # st.table renders Markdown and every cell comes from the file: shown literally.
    with st.container(key=key):
        st.table(literal_strings(report_problems), hide_index=True)


def _upload(view: View) -> None:
    lang = view.lang
    settings = load_settings()
    round_ = st.session_state.get(DIRECTORY_ROUND, 0)
    st.html(uploader_css(lang))
    uploaded = st.file_uploader(
        t("compare.directory_file", lang), type=["csv", "xlsx"], key=f"directory_file_{round_}"
    )
    if uploaded is None:
        return
    store = _store()
    content = uploaded.getvalue()  # in memory only: an upload never becomes a file on disk
    report = check_directory(content, uploaded.name, store, limit_mb=settings.max_upload_mb)
    errors, warnings = report.errors, report.warnings
    if errors:
        st.error(t("upload.errors", lang, count=len(errors)))
        _problems(directory_problems(report, Severity.ERROR, lang), "directory_errors")
    if warnings:
        st.warning(t("upload.warnings", lang, count=len(warnings)))
        _problems(directory_problems(report, Severity.WARNING, lang), "directory_warnings")
    if not report.ok:
        return
    preview = preview_directory(report, store)
    st.markdown(
        t(
            "compare.directory_preview",
            lang,
            count=len(report.rows),
            added=preview.added,
            changed=preview.changed,
            removed=preview.removed,
        )
    )
    if not preview.changes:
        st.info(t("compare.directory_same", lang))
        return
    if st.button(t("compare.directory_save", lang), type="primary", key=f"directory_save_{round_}"):
        try:
            saved = save_directory(store, report, actor=current_actor(), file_name=uploaded.name)
        except (PermissionDenied, UploadBlocked):
            st.error(t("compare.directory_refused", lang))
            return
        except StoreUnavailable as fault:
            st.error(store_fault_text(fault, lang, "upload.store_fault"))
            return
        st.session_state[state.FLASH] = t("compare.directory_saved", lang, count=saved)
        st.session_state[DIRECTORY_ROUND] = round_ + 1
        st.rerun()


def directory_panel(view: View) -> None:
    """What the directory holds; its template and download; the upload for editors."""
    lang = view.lang
    store = _store()
    flash = st.session_state.pop(state.FLASH, None)
    count, user, at = directory_info(store)
    with st.expander(t("compare.directory", lang), expanded=bool(flash), key="compare_directory"):
        if flash:
            st.success(flash)
        if count:
            when = (at or "").replace("T", " ").removesuffix("+00:00")
            st.markdown(t_literal("compare.directory_info", lang, count=count, user=user, at=when))
        else:
            st.markdown(t("compare.directory_none", lang))
        st.caption(t("compare.directory_help", lang))
        st.download_button(
            t("compare.directory_template", lang),
            data=lambda: _as_file(directory_template(store)),
            file_name="directory.csv",
            mime="text/csv",
            key="directory_template",
            on_click="ignore",
        )
        actor = current_actor()
        if actor is None or not actor.is_editor:
            st.caption(t("compare.directory_editors", lang))
            return
        _upload(view)
