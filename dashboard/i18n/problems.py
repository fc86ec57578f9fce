"""The words of a problem: its message and action in Chinese or English, and the JSON records.

A `Problem` holds data only (`dashboard/domain/problems.py`); this is where it is read out in one
language. Parameters that name something are ids, named here from the catalogue:

- `metric` (a metric id) → the metric's name; with the figure's `channel` and `category` it also
  gives `scope` (`（微博 · 自然人）`), `label` (`微博：`) and `key` (name and scope) for the
  checks across rows;
- `suggestions` (metric ids) → `suggestion` (`您是否想填：…？`, or nothing);
- `vocabulary` (a vocabulary id) → `allowed`, its terms as a list;
- `channels` (channel ids) → their names as a list, `combined` (a channel id) → its name;
- `written` and `first_written` (two rows' channels as typed, read as one channel) →
  `same_channel` and `same_channel_action`, which say so; both are empty without them.

The texts themselves are `problem.<code>.message` / `.action` / `.summary` in messages.toml.
"""

from __future__ import annotations

from typing import Any, Protocol

from dashboard.domain.catalogue import Catalogue, default_catalogue
from dashboard.domain.facts import Dataset
from dashboard.domain.mappings import ChannelMapping
from dashboard.domain.problems import Problem, ProblemCode
from dashboard.i18n.mappings import mapping_record
from dashboard.i18n.messages import DEFAULT_LANG, t


class Report(Protocol):
    """What `report_record` reads of a validation report (`ingest.validate.ValidationReport`)."""

    @property
    def ok(self) -> bool: ...

    @property
    def errors(self) -> list[Problem]: ...

    @property
    def warnings(self) -> list[Problem]: ...

    @property
    def datasets(self) -> list[Dataset]: ...

    @property
    def mappings(self) -> list[ChannelMapping]: ...


def problem_message(
    problem: Problem, lang: str = DEFAULT_LANG, catalogue: Catalogue | None = None
) -> str:
    """What is wrong, in `lang`."""
    return t(f"problem.{problem.code}.message", lang, **_placeholders(problem, lang, catalogue))


def problem_action(
    problem: Problem, lang: str = DEFAULT_LANG, catalogue: Catalogue | None = None
) -> str:
    """What to do about it, in `lang`."""
    return t(f"problem.{problem.code}.action", lang, **_placeholders(problem, lang, catalogue))


def problem_summary(code: ProblemCode, lang: str = DEFAULT_LANG) -> str:
    """A code's meaning in a few words, for the list of codes in docs/upload-format.md."""
    return t(f"problem.{code}.summary", lang)


def problem_record(
    problem: Problem, lang: str = DEFAULT_LANG, catalogue: Catalogue | None = None
) -> dict[str, Any]:
    """The JSON shape of one problem in the CLI's output and the report tables."""
    fill = _placeholders(problem, lang, catalogue)
    return {
        "row": problem.row,
        "column": problem.column,
        "value": problem.value,
        "code": str(problem.code),
        "severity": str(problem.severity),
        "message": t(f"problem.{problem.code}.message", lang, **fill),
        "action": t(f"problem.{problem.code}.action", lang, **fill),
    }


def report_record(
    report: Report, lang: str = DEFAULT_LANG, catalogue: Catalogue | None = None
) -> dict[str, Any]:
    """The JSON shape of `validate --json`: ok, errors, warnings, the datasets read and the
    channel names read by rule (`mappings`)."""
    return {
        "ok": report.ok,
        "errors": [problem_record(p, lang, catalogue) for p in report.errors],
        "warnings": [problem_record(p, lang, catalogue) for p in report.warnings],
        "datasets": [d.to_dict() for d in report.datasets],
        "mappings": [mapping_record(m, lang, catalogue) for m in report.mappings],
    }


# ── placeholders ────────────────────────────────────────────────────────────────────────────


def _placeholders(problem: Problem, lang: str, catalogue: Catalogue | None) -> dict[str, Any]:
    """The values of a message's placeholders: position, cell, parameters, and names of ids."""
    params = problem.params
    values: dict[str, Any] = {
        "row": problem.row,
        "column": problem.column,
        "value": problem.value,
        **params,
        "same_channel": "",
        "same_channel_action": "",
    }
    if not {"metric", "suggestions", "vocabulary", "channels", "combined"} & params.keys():
        return values  # nothing to name: most problems
    catalogue = catalogue or default_catalogue()
    sep = t("word.list_sep", lang)
    channels = params.get("channels")
    if isinstance(channels, tuple | list):
        values["channels"] = sep.join(catalogue.channel_name(str(c), lang) for c in channels)
    combined = params.get("combined")
    if isinstance(combined, str):
        values["combined"] = catalogue.channel_name(combined, lang)
    written, first_written = params.get("written"), params.get("first_written")
    channel = params.get("channel")
    if isinstance(written, str) and isinstance(first_written, str) and isinstance(channel, str):
        # Two rows clash only because their channels, written differently, read as one.
        same = {
            "row": problem.row,
            "first_row": params.get("first_row"),
            "written": _as_written(written, lang),
            "first_written": _as_written(first_written, lang),
            "channel": catalogue.channel_name(channel, lang),
        }
        values["same_channel"] = t("mapping.same_channel", lang, **same)
        values["same_channel_action"] = t("mapping.same_channel_action", lang)
    metric_id = params.get("metric")
    if isinstance(metric_id, str):
        values["metric"] = _metric_name(catalogue, metric_id, lang)
        scope = _scope(catalogue, metric_id, params.get("channel"), params.get("category"), lang)
        inner = scope.strip(" （）()")
        values["scope"] = scope
        values["label"] = (
            f"{inner}：" if inner and lang == "zh" else (f"{inner}: " if inner else "")
        )
        values["key"] = values["metric"] + scope
    suggestions = params.get("suggestions")
    if isinstance(suggestions, tuple | list):
        names = sep.join(_metric_name(catalogue, str(m), lang) for m in suggestions)
        values["suggestion"] = t("word.did_you_mean", lang, names=names) if names else ""
    vocabulary = params.get("vocabulary")
    if isinstance(vocabulary, str) and vocabulary in catalogue.vocabularies:
        terms = catalogue.vocabularies[vocabulary].terms
        values["allowed"] = sep.join(catalogue.term_name(vocabulary, term, lang) for term in terms)
    return values


def _as_written(channel: str, lang: str) -> str:
    """A channel as typed, in quotes; a blank one (the metric's default channel) said so."""
    return t("mapping.written", lang, text=channel) if channel else t("mapping.blank", lang)


def _metric_name(catalogue: Catalogue, metric_id: str, lang: str) -> str:
    metric = catalogue.metrics.get(metric_id)
    return metric.name(lang) if metric is not None else metric_id


def _scope(
    catalogue: Catalogue, metric_id: str, channel: object, category: object, lang: str
) -> str:
    """`（微博 · 自然人）`: the channel and category a figure is about, or nothing."""
    metric = catalogue.metrics.get(metric_id)
    parts = [
        catalogue.channel_name(channel, lang) if isinstance(channel, str) else "",
        catalogue.category_name(metric, category, lang)
        if metric is not None and isinstance(category, str) and category
        else "",
    ]
    inner = " · ".join(p for p in parts if p)
    if not inner:
        return ""
    return f"（{inner}）" if lang == "zh" else f" ({inner})"
