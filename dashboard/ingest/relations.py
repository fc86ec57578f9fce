"""Checks that span rows of one dataset: duplicates, relations between metrics, parts and totals.

Qualified figures are compared by their bounds: `400余` is at least 400 and, as Chinese reports
use it, less than 500; a check only fires when the figures cannot both be right.

The figures a problem quotes (its value, `left`, `total`, …) are written as the reports and the
upload file write them (`400余`, `278余万`, `98%`): like a cell as typed, they are data and read
the same in either language of the messages — `format_value` in its default notation.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping

from dashboard.domain.catalogue import Balance, Catalogue, NotGreater, Rate, Sum
from dashboard.domain.facts import Fact
from dashboard.domain.problems import Param, Problem, ProblemCode, Severity
from dashboard.domain.values import Qualifier
from dashboard.i18n.format import format_value

Slot = tuple[str, str | None, str | None]
LARGE_CHANGE_RATIO = 10.0
LARGE_CHANGE_FLOOR = 20  # below this, a tenfold change is ordinary (2 meetings → 20)
RATE_TOLERANCE = 0.5  # percentage points: reports round rates to whole percents


def lower_bound(fact: Fact) -> float | None:
    """The least the figure can be; None when it says nothing useful."""
    if fact.value is None or fact.qualifier in (Qualifier.APPROX, Qualifier.AT_MOST):
        return None
    return fact.value


def upper_bound(fact: Fact) -> float | None:
    """The most the figure can be: `400余` < 500, `3000多` < 4000, `约40` ≤ 44."""
    if fact.value is None:
        return None
    if fact.qualifier is Qualifier.AT_LEAST:
        if fact.value <= 0:
            return None
        step = 10 ** _trailing_zeros(fact.value)
        return fact.value + step
    if fact.qualifier is Qualifier.APPROX:
        return fact.value * 1.1
    return fact.value


def _trailing_zeros(value: float) -> int:
    if not float(value).is_integer():
        return 0
    number, zeros = int(value), 0
    while number and number % 10 == 0:
        number //= 10
        zeros += 1
    return zeros


def is_exact(fact: Fact | None) -> bool:
    return fact is not None and fact.value is not None and fact.qualifier is Qualifier.EXACT


class _Checker:
    def __init__(self, catalogue: Catalogue, header: dict[str, str]) -> None:
        self.catalogue = catalogue
        self.header = header
        self.problems: list[Problem] = []

    def add(
        self,
        code: ProblemCode,
        severity: str,
        fact: Fact,
        field: str = "value",
        **params: Param,
    ) -> None:
        """A problem about `fact`. Its slot (metric, channel, category ids) goes along as data:
        the messages name the figure from it (`metric`, `scope`, `label`, `key`)."""
        slot: dict[str, Param] = {
            "metric": fact.metric,
            "channel": fact.channel,
            "category": fact.category,
        }
        self.problems.append(
            Problem(
                code,
                Severity(severity),
                row=fact.row,
                column=self.header[field],
                value=format_value(
                    fact.value,
                    fact.qualifier,
                    percent=self.catalogue.metrics[fact.metric].is_percent,
                    as_written=fact.as_written,
                ),
                params={**slot, **params},
            )
        )


def check_dataset(
    facts: list[Fact],
    catalogue: Catalogue,
    header: dict[str, str],
    previous: list[Fact],
    *,
    written_channels: Mapping[int, str] | None = None,
) -> tuple[list[Fact], list[Problem]]:
    """Facts kept (exact repeats dropped) and the problems across rows of one dataset.

    `written_channels` (upload row → its channel as typed) lets a duplicate say that two rows
    whose channels are written differently were read as the same channel."""
    checker = _Checker(catalogue, header)
    kept = _drop_duplicates(facts, checker, written_channels or {})
    by_slot = {f.slot: f for f in kept}
    for relation in catalogue.relations:
        match relation:
            case NotGreater():
                _check_not_greater(relation, kept, by_slot, checker)
            case Rate():
                _check_rate(relation, kept, by_slot, checker)
            case Sum():
                _check_sum(
                    relation.total,
                    relation.parts,
                    relation.code,
                    relation.severity,
                    kept,
                    by_slot,
                    checker,
                )
            case Balance():
                _check_balance(relation, kept, checker)
    _check_parts_within_total(kept, checker)
    _check_vocabulary_totals(kept, checker)
    _check_large_change(kept, previous, checker)
    return kept, checker.problems


def _drop_duplicates(
    facts: list[Fact], checker: _Checker, written_channels: Mapping[int, str]
) -> list[Fact]:
    first: dict[Slot, Fact] = {}
    kept: list[Fact] = []
    for fact in facts:
        earlier = first.get(fact.slot)
        if earlier is None:
            first[fact.slot] = fact
            kept.append(fact)
            continue
        same_channel = _channels_as_written(fact, earlier, written_channels)
        if earlier.content == fact.content:
            checker.add(
                ProblemCode.DUPLICATE_ROW,
                "warning",
                fact,
                first_row=earlier.row,
                **same_channel,
            )
            continue
        percent = checker.catalogue.metrics[fact.metric].is_percent
        checker.add(
            ProblemCode.DUPLICATE_FACT,
            "error",
            fact,
            first_row=earlier.row,
            first_value=format_value(
                earlier.value, earlier.qualifier, as_written=earlier.as_written, percent=percent
            ),
            **same_channel,
        )
    return kept


def _channels_as_written(
    fact: Fact, earlier: Fact, written_channels: Mapping[int, str]
) -> dict[str, Param]:
    """`written` and `first_written` when the two rows write their channel differently (`微信`
    and `“XX发布”微信公众号`, both 微信公众号): the message must say both were read as one."""
    if fact.channel is None or fact.row is None or earlier.row is None:
        return {}
    written, first_written = written_channels.get(fact.row), written_channels.get(earlier.row)
    if written is None or first_written is None:
        return {}
    if unicodedata.normalize("NFKC", written) == unicodedata.normalize("NFKC", first_written):
        return {}
    return {"written": written, "first_written": first_written}


def _check_not_greater(
    relation: NotGreater, facts: list[Fact], by_slot: dict[Slot, Fact], checker: _Checker
) -> None:
    for left in facts:
        if left.metric != relation.left:
            continue
        right = by_slot.get((relation.right, left.channel, left.category))
        if right is None:
            continue
        low, high = lower_bound(left), upper_bound(right)
        if low is not None and high is not None and low > high:
            checker.add(
                relation.code,
                relation.severity,
                left,
                other_row=right.row,
                left=format_value(left.value, left.qualifier, as_written=left.as_written),
                right=format_value(right.value, right.qualifier, as_written=right.as_written),
            )


def _check_rate(
    relation: Rate, facts: list[Fact], by_slot: dict[Slot, Fact], checker: _Checker
) -> None:
    for rate in facts:
        if rate.metric != relation.rate or rate.value is None:
            continue
        numerator = by_slot.get((relation.numerator, rate.channel, rate.category))
        denominator = by_slot.get((relation.denominator, rate.channel, rate.category))
        if not (is_exact(numerator) and is_exact(denominator)) or not denominator.value:
            continue
        assert numerator is not None and numerator.value is not None
        computed = 100 * numerator.value / denominator.value
        low, high = _rate_bounds(rate)
        if not low - RATE_TOLERANCE <= computed <= high + RATE_TOLERANCE:
            checker.add(
                relation.code,
                relation.severity,
                rate,
                numerator=format_value(
                    numerator.value, numerator.qualifier, as_written=numerator.as_written
                ),
                denominator=format_value(
                    denominator.value, denominator.qualifier, as_written=denominator.as_written
                ),
                computed=f"{computed:.1f}%",
            )


def _rate_bounds(rate: Fact) -> tuple[float, float]:
    """The percentages a typed rate allows: `超过95%` is 95–100, `约90%` is 81–99."""
    assert rate.value is not None
    if rate.qualifier is Qualifier.AT_LEAST:
        return rate.value, max(rate.value, 100.0)
    if rate.qualifier is Qualifier.AT_MOST:
        return 0.0, rate.value
    if rate.qualifier is Qualifier.APPROX:
        return rate.value * 0.9, rate.value * 1.1
    return rate.value, rate.value


def _check_sum(
    total_metric: str,
    parts: tuple[str, ...],
    code: ProblemCode,
    severity: str,
    facts: list[Fact],
    by_slot: dict[Slot, Fact],
    checker: _Checker,
) -> None:
    for total in facts:
        if total.metric != total_metric or not is_exact(total):
            continue
        found = [by_slot.get((p, total.channel, total.category)) for p in parts]
        present = [f for f in found if f is not None]
        if not present or not all(is_exact(f) for f in present):
            continue
        parts_sum = sum(f.value or 0 for f in present)
        complete = len(present) == len(parts)
        assert total.value is not None
        if parts_sum > total.value or (complete and parts_sum != total.value):
            checker.add(
                code,
                severity,
                total,
                total=format_value(total.value, total.qualifier, as_written=total.as_written),
                parts=format_value(parts_sum, Qualifier.EXACT),
            )


def _check_balance(relation: Balance, facts: list[Fact], checker: _Checker) -> None:
    groups: dict[str | None, dict[str, Fact]] = {}
    for fact in facts:
        if fact.metric in (*relation.left, *relation.right):
            groups.setdefault(fact.category, {})[fact.metric] = fact
    for group in groups.values():
        left = [group[m] for m in relation.left if m in group]
        right = [group[m] for m in relation.right if m in group]
        if not left or not right or not all(is_exact(f) for f in (*left, *right)):
            continue
        left_sum = sum(f.value or 0 for f in left)
        right_sum = sum(f.value or 0 for f in right)
        # A side with a row missing may be larger than its sum: only a complete side bounds it.
        left_complete = len(left) == len(relation.left)
        right_complete = len(right) == len(relation.right)
        if (
            (left_complete and right_complete and left_sum != right_sum)
            or (left_complete and not right_complete and right_sum > left_sum)
            or (right_complete and not left_complete and left_sum > right_sum)
        ):
            anchor = left[0]
            checker.add(
                relation.code,
                relation.severity,
                anchor,
                left=format_value(left_sum, Qualifier.EXACT),
                right=format_value(right_sum, Qualifier.EXACT),
            )


def _check_parts_within_total(facts: list[Fact], checker: _Checker) -> None:
    """Parts never exceed the total they are parts of: a channel's categories its channel total;
    the total without channel (all channels: 主动公开政府信息215条) both its channel totals and
    its categories given without channel (其中文件17件) — each split on its own, as the two
    overlap. Only declared parts are compared: a total never needs a split, and a total never
    stands in for parts the report does not give."""
    ruled = {m.id for m in checker.catalogue.metrics.values() if "parts_within_total" in m.rules}
    for metric in ruled:
        mine = [f for f in facts if f.metric == metric]
        totals = {(f.channel, f.category): f for f in mine}
        for (channel, category), total in totals.items():
            if category is not None:
                continue
            if channel is None:
                splits = [
                    _channel_totals(mine, checker.catalogue),
                    [f for f in mine if f.channel is None and f.category is not None],
                ]
            else:
                splits = [[f for f in mine if f.channel == channel and f.category is not None]]
            for parts in splits:
                _check_parts(total, parts, checker)


def _channel_totals(facts: list[Fact], catalogue: Catalogue) -> list[Fact]:
    """The channel totals that are parts of the total without channel. A combined channel
    (微博微信合计) already holds the channels it combines: those given beside it are left out,
    so that no figure is counted twice."""
    totals = [f for f in facts if f.channel is not None and f.category is None]
    combined = {
        member
        for f in totals
        if f.channel in catalogue.channels
        for member in catalogue.channels[f.channel].combines
    }
    return [f for f in totals if f.channel not in combined]


def _check_parts(total: Fact, parts: list[Fact], checker: _Checker) -> None:
    """A warning when the least the parts can add up to is more than the most the total can be."""
    lows = [lower_bound(f) for f in parts]
    high = upper_bound(total)
    if not parts or high is None or any(low is None for low in lows):
        return
    parts_sum = sum(low or 0 for low in lows)
    if parts_sum > high:
        checker.add(
            ProblemCode.PARTS_EXCEED_TOTAL,
            "warning",
            total,
            parts=format_value(parts_sum, Qualifier.EXACT),
            total=format_value(total.value, total.qualifier, as_written=total.as_written),
        )


def _check_vocabulary_totals(facts: list[Fact], checker: _Checker) -> None:
    """In tables 三 and 四 the 总计 column equals the sum of the applicant/result columns."""
    catalogue = checker.catalogue
    # Each metric's facts by category (the last of a category wins), in one pass over the facts
    # rather than one per metric of the catalogue.
    by_metric: dict[str, dict[str | None, Fact]] = {}
    for f in facts:
        by_metric.setdefault(f.metric, {})[f.category] = f
    for metric in catalogue.metrics.values():
        if metric.category not in catalogue.vocabularies or metric.id not in by_metric:
            continue
        vocabulary = catalogue.vocabularies[metric.category]
        mine = by_metric[metric.id]
        # A subtotal column (法人或其他组织) against its own columns, where both are given.
        for term_id, term in vocabulary.terms.items():
            if term.parts and term_id in mine:
                _check_columns(mine[term_id], [mine.get(p) for p in term.parts], checker)
        total = mine.pop(None, None)
        if total is None or not mine:
            continue
        # The columns that add up to 总计: a subtotal given stands for its columns.
        _check_columns(total, [mine.get(t) for t in vocabulary.cover(mine)], checker)


def _check_columns(total: Fact, columns: list[Fact | None], checker: _Checker) -> None:
    """总计 (or a subtotal) against its columns, on exact figures: never less than the columns
    given, and equal to them when every column is given."""
    present = [f for f in columns if f is not None]
    if not present or not is_exact(total) or not all(is_exact(f) for f in present):
        return
    assert total.value is not None
    parts_sum = sum(f.value or 0 for f in present)
    complete = len(present) == len(columns)
    if parts_sum > total.value or (complete and parts_sum != total.value):
        checker.add(
            ProblemCode.SUM_MISMATCH,
            "warning",
            total,
            total=format_value(total.value, total.qualifier, as_written=total.as_written),
            parts=format_value(parts_sum, Qualifier.EXACT),
        )


def _check_large_change(facts: list[Fact], previous: list[Fact], checker: _Checker) -> None:
    before = {f.slot: f for f in previous}
    for fact in facts:
        old = before.get(fact.slot)
        if old is None or old.value is None or fact.value is None:
            continue
        if checker.catalogue.metrics[fact.metric].is_percent:
            continue
        high, low = max(fact.value, old.value), min(fact.value, old.value)
        if high < LARGE_CHANGE_FLOOR or low <= 0:
            continue
        ratio = fact.value / old.value
        if ratio >= LARGE_CHANGE_RATIO or ratio <= 1 / LARGE_CHANGE_RATIO:
            checker.add(
                ProblemCode.LARGE_CHANGE,
                "warning",
                fact,
                previous=format_value(old.value, old.qualifier, as_written=old.as_written),
                ratio=f"{ratio:.2g}" if ratio < 1 else f"{math.floor(ratio)}",
            )
