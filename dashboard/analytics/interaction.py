"""Interaction with the public (政民互动): online interviews, opinion solicitations, surveys, live
broadcasts, messages handled, consultations, reply and call-back rates.

Reports give a handful of these, each in its own unit (期, 次, 场, 件, 人次, %), so they are not
drawn on one axis: each is a figure of the year with its change and history, like a key figure.
"""

from __future__ import annotations

import polars as pl

from dashboard.analytics.cards import slot_points
from dashboard.analytics.headlines import HeadlinePoint
from dashboard.domain.catalogue import Catalogue

# The interaction metrics of the catalogue, in the order a report usually gives them; metrics of
# a section "interaction" the catalogue may declare are shown after them.
INTERACTION_METRICS = (
    "online_interviews",
    "live_broadcasts",
    "opinion_solicitations",
    "online_surveys",
    "messages_handled",
    "consultations",
    "reply_rate",
    "callback_rate",
)
SECTION = "interaction"


def interaction_metrics(catalogue: Catalogue) -> list[str]:
    """The interaction metrics the catalogue knows, in display order."""
    known = [m for m in INTERACTION_METRICS if m in catalogue.metrics]
    declared = [m.id for m in catalogue.metrics.values() if m.section == SECTION]
    return list(dict.fromkeys([*known, *declared]))


def interaction_points(
    agency_facts: pl.DataFrame, year: int, catalogue: Catalogue
) -> list[HeadlinePoint]:
    """Each interaction figure the agency gives in any year, as it stands in `year` (value None
    when that year does not give it), in display order."""
    return slot_points(agency_facts, year, catalogue, interaction_metrics(catalogue))
