"""Who is looking: the viewer gate, the editor sign-in in the sidebar, and the signed-in actor.

The signed-in actor is UI state of one session (`st.session_state`). The role decides what is
rendered; the core's write functions check it again, so a hidden button is not the only guard.
"""

from __future__ import annotations

import contextlib
import logging
import math
from pathlib import Path
from typing import Any

import streamlit as st

from components import state
from components.data import get_store, store_fault_text
from components.text import t_literal
from dashboard.i18n.messages import t
from dashboard.platform.auth import (
    DEFAULT_SECRETS_PATH,
    THROTTLED,
    Actor,
    AuthSettings,
    import_file_users,
    load_auth_settings_file,
    load_secrets_file,
    role_for_email,
    secrets_path,
    sign_in,
    sign_in_viewer,
)
from dashboard.platform.settings import load_settings
from dashboard.store.database import StoreUnavailable

_LOG = logging.getLogger(__name__)


def _secrets() -> dict[str, Any]:
    """The secrets file: DASHBOARD_SECRETS_FILE, else .streamlit/secrets.toml of the project
    (the file Streamlit itself reads for st.login's [auth] table)."""
    return load_secrets_file(secrets_path())


def auth_settings() -> AuthSettings:
    """The `[dashboard]` table of the secrets file; ConfigError naming the file and key.

    Users still listed in the file are imported into the store, once per process and version
    of the file (see `import_file_users`)."""
    path = secrets_path()
    settings = load_auth_settings_file(path)
    if settings.users:
        # A failure is not remembered: the next run tries again. Until then the file's users
        # cannot sign in, and the sign-in form says why (its attempt needs the store too).
        with contextlib.suppress(StoreUnavailable, OSError):
            _import_file_users(load_settings().database_url, str(path), path.stat().st_mtime_ns)
    return settings


@st.cache_resource(show_spinner=False, max_entries=4)
def _import_file_users(url: str, path: str, _mtime_ns: int) -> list[str]:
    """Import the secrets file's users into the store (the file's version is in the key)."""
    imported = import_file_users(load_auth_settings_file(Path(path)), get_store(url))
    if imported:
        _LOG.warning(
            "imported %d user(s) from %s into the store: %s; they may now be removed from the file",
            len(imported),
            path,
            ", ".join(imported),
        )
    return imported


def _anyone_can_sign_in(settings: AuthSettings) -> bool:
    """Whether the sign-in form has a purpose: an account in the store (or in the file, not yet
    imported). A store that cannot be read shows the form, whose attempt then says why."""
    if settings.users:
        return True
    try:
        return get_store(load_settings().database_url).has_accounts()
    except StoreUnavailable:
        return True


def current_actor() -> Actor | None:
    """The signed-in user of this session, if any."""
    return st.session_state.get(state.ACTOR)


def _oidc_configured() -> bool:
    # st.login reads [auth] from Streamlit's own secrets, i.e. the project's default file.
    return "auth" in _secrets() and secrets_path() == DEFAULT_SECRETS_PATH


def viewer_gate(settings: AuthSettings, lang: str) -> bool:
    """True when the session may view; otherwise draws the viewing-password form."""
    if not settings.viewer_password_required:
        return True
    if st.session_state.get(state.VIEWER_OK) or current_actor() is not None:
        return True
    with st.form("viewer_gate", clear_on_submit=True):
        password = st.text_input(t("auth.viewer_gate", lang), type="password", key="viewer_pw")
        entered = st.form_submit_button(t("auth.viewer_submit", lang))
    if entered:
        try:
            result = sign_in_viewer(settings, get_store(load_settings().database_url), password)
        except StoreUnavailable as fault:
            st.error(store_fault_text(fault, lang, "auth.store_fault"))
            return False
        if result.ok:
            st.session_state[state.VIEWER_OK] = True
            st.rerun()
        elif result.code == THROTTLED:
            st.error(t("auth.throttled", lang, count=_minutes(result.retry_after)))
        else:
            st.error(t("auth.viewer_wrong", lang))
    return False


def _minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def sign_in_panel(settings: AuthSettings, lang: str) -> None:
    """Sidebar: who is signed in and a sign-out button, or the sign-in form."""
    actor = current_actor()
    if actor is None and _oidc_configured() and getattr(st.user, "is_logged_in", False):
        email = str(st.user.get("email", ""))
        role = role_for_email(settings, email)
        if role is None:
            st.sidebar.warning(t_literal("auth.oidc_no_role", lang, email=email))
        else:
            actor = Actor(email, role)
            st.session_state[state.ACTOR] = actor
    if actor is not None:
        role = t(f"auth.role.{actor.role}", lang)
        st.sidebar.caption(t_literal("auth.signed_in", lang, name=actor.name, role=role))
        if st.sidebar.button(t("auth.sign_out", lang), key="sign_out"):
            st.session_state.pop(state.ACTOR, None)
            if _oidc_configured() and getattr(st.user, "is_logged_in", False):
                st.logout()
            st.rerun()
        return
    passwords = _anyone_can_sign_in(settings)
    if not passwords and not _oidc_configured():
        return  # nobody can sign in: no panel to confuse viewers
    with st.sidebar.expander(t("auth.sign_in", lang), expanded=False):
        if passwords:
            with st.form("sign_in", clear_on_submit=True):
                name = st.text_input(t("auth.user", lang), key="sign_in_user")
                password = st.text_input(
                    t("auth.password", lang), type="password", key="sign_in_password"
                )
                submitted = st.form_submit_button(t("auth.submit", lang))
            result = None
            if submitted:
                try:
                    result = sign_in(
                        get_store(load_settings().database_url), name.strip(), password
                    )
                except StoreUnavailable as fault:
                    st.error(store_fault_text(fault, lang, "auth.store_fault"))
            if result is not None:
                if result.ok and result.actor is not None:
                    st.session_state[state.ACTOR] = result.actor
                    st.rerun()
                elif result.code == THROTTLED:
                    st.error(t("auth.throttled", lang, count=_minutes(result.retry_after)))
                else:
                    st.error(t("auth.bad_credentials", lang))
        if _oidc_configured() and st.button(t("auth.oidc", lang), key="oidc_login"):
            st.login()
