"""Who may use the editing side. Off by default for local use.

- ``FOLLOWTHROUGH_PASSWORD`` (environment) or ``password`` in ``.streamlit/secrets.toml``:
  one shared password, asked once per browser session, compared in constant time.
- An ``[auth]`` section in ``.streamlit/secrets.toml`` (an OpenID Connect provider, see
  Streamlit's ``st.login``): sign-in with that identity provider.

Share links never pass through here: a valid token opens the read-only view only.
"""

from __future__ import annotations

import hmac
import os

import streamlit as st

from followthrough.i18n import _


def _secret(key: str) -> object | None:
    try:
        return st.secrets.get(key)
    except Exception:  # noqa: BLE001 - no secrets.toml at all: nothing configured
        return None


def configured_password() -> str | None:
    value = os.environ.get("FOLLOWTHROUGH_PASSWORD") or _secret("password")
    return str(value) if value else None


def require_editor() -> None:
    """Stop the page unless the visitor may edit (nothing configured: everyone may)."""
    if _secret("auth"):
        if not st.user.is_logged_in:
            st.title("Followthrough")
            st.write(_("Sign in to open the dashboard."))
            st.button(_("Sign in"), key="auth_login", on_click=st.login, type="primary")
            st.stop()
        return
    password = configured_password()
    if password is None or st.session_state.get("_editor_ok"):
        return
    st.title("Followthrough")
    with st.form("editor_login"):
        given = st.text_input(_("Password"), type="password", key="editor_password")
        submitted = st.form_submit_button(_("Open the dashboard"), type="primary")
    if submitted:
        if hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8")):
            st.session_state["_editor_ok"] = True
            st.session_state.pop("editor_password", None)
            st.rerun()
        st.error(_("That password is not right. Ask whoever runs Followthrough for your team."))
    st.caption(_("Someone sent you a link to a report? Open that link itself: it needs no password."))
    st.stop()
