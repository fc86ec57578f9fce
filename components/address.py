"""The page's address (query parameters) written once per run of changes.

Streamlit's browser side pushes a history entry for every query string the server sends that
differs from the address bar's. Parameters written one by one therefore left Back stepping
through half-written addresses (an agency without its year, a metric without its channel):
every choice a page mirrors into the URL goes through `write_params`, as one write.
"""

from collections.abc import Mapping

import streamlit as st


def write_params(changes: Mapping[str, str | None]) -> None:
    """Set the parameters given a string and remove those given None, in one write; none at
    all when the address already says so."""
    current = st.query_params.to_dict()
    if all(current.get(key) == value for key, value in changes.items()):
        return
    wanted = {**current, **changes}
    st.query_params.from_dict({key: value for key, value in wanted.items() if value is not None})
