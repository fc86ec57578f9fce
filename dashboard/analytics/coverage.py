"""Which of a year's figures the pages write out, and which they do not: those are listed on
the overview as text (更多数据), so every stored figure can be read on some page besides 数据.

A figure counts as shown where a page writes it out as text, with its unit, that a person can
search and a screen reader can read: a key-figure card, a figure card (new media, interaction),
a clause of the summary, or a detail cell of a statutory table. A chart's label (a bare `400余`
beside a bar, its unit on no label) and the overview's raw table of all figures (a grid drawn on
a canvas) do not count: a figure only charted is listed too.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from dashboard.analytics.headlines import slot_filter
from dashboard.analytics.interaction import interaction_metrics
from dashboard.analytics.new_media import new_media_channels
from dashboard.domain.catalogue import Catalogue

NEW_MEDIA_MEASURES = ("items_published", "followers", "reads")  # 新媒体: its figure cards


def shown_on_pages(catalogue: Catalogue) -> pl.Expr:
    """True for a fact that a page other than the overview writes out as text with its unit.

    The statutory tables show their cells as the form prints them, bare numbers; their detail
    (a column of applicants or results, the items under a subtotal, every cell of table 二)
    stays there, while the totals of their main rows (新收申请数, 予以公开, 行政复议 …) are
    written out on the overview as well.
    """
    details = sorted(
        {r.metric for table in catalogue.tables.values() for r in table.rows if r.indent}
        | {m for grid in catalogue.grids.values() for m in grid.metrics}
    )
    table_metrics = sorted({m for table in catalogue.tables.values() for m in table.metrics})
    return (
        # 新媒体: posts, followers and reads per new-media account, one card each
        (
            pl.col("metric").is_in(NEW_MEDIA_MEASURES)
            & pl.col("channel").is_in(new_media_channels(catalogue))
            & pl.col("category").is_null()
        )
        # 热线与互动: the interaction cards
        | pl.col("metric").is_in(interaction_metrics(catalogue))
        # 依申请公开: the statutory tables' detail (see above)
        | (pl.col("metric").is_in(table_metrics) & pl.col("category").is_not_null())
        | pl.col("metric").is_in(details)
    )


Slot = tuple[str, str | None, str | None]  # metric, channel, category


def unshown_facts(
    year_facts: pl.DataFrame, catalogue: Catalogue, shown_slots: Sequence[Slot] = ()
) -> pl.DataFrame:
    """The facts of a year that no page shows as text, besides `shown_slots` (the overview's
    cards and the figures its summary names): the overview lists them (in the order given)."""
    shown = shown_on_pages(catalogue)
    for metric, channel, category in shown_slots:
        shown = shown | slot_filter(metric, channel, category)
    # A null channel makes `is_in` null, not False: a null would drop the row from both sides.
    return year_facts.filter(~shown.fill_null(False))
