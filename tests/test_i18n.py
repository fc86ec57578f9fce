"""The message catalogue and the rule that only `dashboard/i18n/` chooses between languages.

- Every message has a Chinese and an English text with the same placeholders; counted messages
  give English real plural forms (`1 figure`, `2 figures`), picked by `count`.
- Every key the code asks for with a literal (`t("cli.valid", …)`) exists, and a counted one is
  given its `count`.
- No module outside `dashboard/i18n/` compares a language with a literal (`lang == "zh"`,
  `"en" != self.lang`, `lang in ("zh", "en")`, `match lang: case "zh"`) or looks text up in a
  dict keyed by language: such a choice belongs in messages.toml.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.i18n import messages
from dashboard.i18n.messages import DEFAULT_LANG, LANGS, PLURAL_FORMS, lang_or_default, t

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "dashboard" / "i18n"
CODE = sorted(p for d in ("dashboard", "components") for p in (ROOT / d).rglob("*.py"))
OUTSIDE_I18N = [p for p in CODE if I18N not in p.parents]
KEYS = list(messages.keys())
KEY_SET = set(KEYS)
# Placeholders a language leaves out on purpose: English drops the Chinese measure word (400余条
# reads 400+).
LEFT_OUT = {("app.kpi_value", "en"): {"unit"}, ("value.with_unit", "en"): {"unit"}}


def forms(text: str | dict[str, str]) -> list[str]:
    """The texts of one language of a message: the text itself, or each plural form."""
    return list(text.values()) if isinstance(text, dict) else [text]


def fields(text: str) -> set[str]:
    """The placeholder names of a text (`{count}`, `{share:.0f}` → count, share)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# ── the catalogue ───────────────────────────────────────────────────────────────────────────


def test_the_catalogue_has_messages() -> None:
    assert len(KEYS) > 100 and len(KEY_SET) == len(KEYS)
    assert {"cli.valid", "count.facts", "chart.no_data", "app.title"} <= KEY_SET


@pytest.mark.parametrize("key", KEYS)
def test_every_message_has_both_languages_and_the_same_placeholders(key: str) -> None:
    entry = messages._entry(key)
    assert set(entry) == set(LANGS), f"{key}: languages {sorted(entry)}"
    placeholders: dict[str, set[str]] = {}
    for lang in LANGS:
        texts = forms(entry[lang])
        assert all(isinstance(text, str) for text in texts), key
        if lang == DEFAULT_LANG:
            # Chinese is the default and the fallback: never empty (an indent may be a space).
            assert all(texts), key
        # A plural form may spell out its number ("one error"), so compare what all forms use.
        placeholders[lang] = set().union(*(fields(text) for text in texts))
        placeholders[lang] |= LEFT_OUT.get((key, lang), set())
    if all(forms(entry[lang]) != [""] for lang in LANGS):  # an empty text shows nothing at all
        assert placeholders["zh"] == placeholders["en"], key


@pytest.mark.parametrize("key", KEYS)
def test_plural_forms_are_english_only_and_complete(key: str) -> None:
    entry = messages._entry(key)
    # Chinese counts with a measure word, the same whatever the number: one text.
    assert isinstance(entry["zh"], str), f"{key}: Chinese has a single form"
    if isinstance(entry["en"], dict):
        assert set(entry["en"]) <= PLURAL_FORMS and "other" in entry["en"], key


def test_no_fake_plurals_are_left() -> None:
    """`figure(s)` reads as a form not filled in; English says `1 figure`, `2 figures`."""
    fake = [
        key
        for key in KEYS
        for text in forms(messages._entry(key)["en"])
        if re.search(r"\w\((s|es)\)", text)
    ]
    assert fake == []


def test_english_plural_forms_follow_the_count() -> None:
    assert t("count.facts", "en", count=1) == "1 figure"
    assert t("count.facts", "en", count=0) == "0 figures"
    assert t("count.facts", "en", count=2) == "2 figures"
    assert t("upload.errors", "en", count=1).startswith("1 error — correct it")
    assert t("upload.errors", "en", count=3).startswith("3 errors — correct them")
    assert t("auth.throttled", "en", count=1).endswith("in 1 minute.")
    assert t("auth.throttled", "en", count=15).endswith("in 15 minutes.")


def test_chinese_has_one_form_for_every_count() -> None:
    assert t("count.facts", "zh", count=1) == "1 项数据"
    assert t("count.facts", "zh", count=2) == "2 项数据"
    assert t("auth.throttled", "zh", count=1) == "登录失败次数过多，请 1 分钟后再试。"


def test_a_sentence_counting_several_things() -> None:
    def valid(lang: str, datasets: int, facts: int, warnings: int) -> str:
        return t(
            "cli.valid",
            lang,
            datasets=t("count.datasets", lang, count=datasets),
            facts=t("count.facts", lang, count=facts),
            warnings=t("count.warnings", lang, count=warnings),
        )

    assert valid("zh", 1, 32, 0) == "文件有效：1 个数据集，共 32 项数据；0 条提示。"
    assert valid("en", 1, 32, 0) == "The file is valid: 1 dataset, 32 figures; 0 warnings."
    assert valid("en", 2, 1, 1) == "The file is valid: 2 datasets, 1 figure; 1 warning."


def test_a_counted_message_needs_its_count() -> None:
    with pytest.raises(TypeError, match="count"):
        t("count.facts", "en")


def test_plural_rules() -> None:
    assert [messages.plural_form("en", n) for n in (0, 1, 2, 1.5)] == [
        "other",
        "one",
        "other",
        "other",
    ]
    assert {messages.plural_form("zh", n) for n in (0, 1, 2)} == {"other"}


def test_an_empty_text_shows_nothing_and_an_unknown_language_falls_back() -> None:
    # The unit column of Chinese measure words is not shown in English.
    assert t("app.col_unit", "zh") == "计量单位" and t("app.col_unit", "en") == ""
    assert t("app.title", "fr") == t("app.title", "zh")


def test_lang_or_default() -> None:
    assert [lang_or_default(v) for v in ("zh", "en", "fr", "", None, "EN")] == [
        "zh",
        "en",
        "zh",
        "zh",
        "zh",
        "zh",
    ]


def test_placeholders_without_a_value_stay_visible() -> None:
    assert t("cli.unreadable", "en") == "Cannot read the file: {path}"


# ── the keys the code asks for ──────────────────────────────────────────────────────────────

MESSAGE_FUNCTIONS = {"t", "t_literal"}  # t(key, lang, …), page.t(key, …), t_literal(key, lang, …)


def literal_lookups(source: str) -> Iterator[tuple[int, str, set[str]]]:
    """(line, key, keyword names) of each message lookup whose key is a string literal."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        key = getattr(node.args[0], "value", None)
        if name in MESSAGE_FUNCTIONS and isinstance(key, str) and "." in key:
            yield node.lineno, key, {k.arg for k in node.keywords if k.arg}


def test_the_lookup_scan_finds_lookups() -> None:
    sample = 'x = t("cli.valid", lang, count=1)\ny = page.t("app.title")\nz = t(f"cli.{k}", l)\n'
    assert [(key, kw) for _, key, kw in literal_lookups(sample)] == [
        ("cli.valid", {"count"}),
        ("app.title", set()),
    ]


def test_every_key_asked_for_exists_and_a_counted_one_gets_its_count() -> None:
    wrong = []
    for path in CODE:
        for line, key, keywords in literal_lookups(path.read_text("utf-8")):
            where = f"{path.relative_to(ROOT)}:{line} {key}"
            if key not in KEY_SET:
                wrong.append(f"{where}: no such message")
            elif isinstance(messages._entry(key)["en"], dict) and "count" not in keywords:
                wrong.append(f"{where}: counted message without count=")
    assert wrong == []


# ── only the i18n package chooses between languages ─────────────────────────────────────────


def _is_lang(node: ast.AST) -> bool:
    """`lang`, `self.lang`, `page.lang`, `args.deck_lang`: something naming a language."""
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)
    return isinstance(name, str) and (name == "lang" or name.endswith("_lang"))


def _is_text(node: ast.AST) -> bool:
    """A string literal, or a tuple/list/set of them (`lang in ("zh", "en")`)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_is_text(element) for element in node.elts)
    return False


def language_choices(source: str) -> list[int]:
    """The lines of `source` that choose something by comparing a language with a literal, or
    look text up in a dict keyed by language codes."""
    lines: list[int] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_is_lang(o) for o in operands) and any(_is_text(o) for o in operands):
                lines.append(node.lineno)
        elif isinstance(node, ast.Match) and _is_lang(node.subject):
            patterns: list[Any] = [case.pattern for case in node.cases]
            if any(isinstance(p, ast.MatchValue) and _is_text(p.value) for p in patterns):
                lines.append(node.lineno)
        elif isinstance(node, ast.Dict):
            codes = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            if len(codes) >= 2 and set(codes) <= set(LANGS) and len(codes) == len(node.keys):
                lines.append(node.lineno)
    return sorted(set(lines))


SAMPLE = '''
# lang == "zh" in a comment is not code
"""Nor in a docstring: lang == "zh"."""
note = 'if lang == "en"'
a = "约" if lang == "zh" else "~"
b = "en" != self.lang
c = lang in ("zh", "en")
d = ctx.deck_lang == "en"
e = {"zh": "中文", "en": "English"}[lang]
match lang:
    case "zh":
        pass
f = lang == DEFAULT_LANG
g = language == "zh"
h = {"zh": 1, "fr": 2}
i = t("word.not_reported", lang)
j = "zh" if x else "en"
'''


def test_the_ban_catches_choices_and_ignores_comments_and_strings() -> None:
    assert language_choices(SAMPLE) == [5, 6, 7, 8, 9, 10]


@pytest.mark.parametrize("path", OUTSIDE_I18N, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_i18n_package_chooses_between_languages(path: Path) -> None:
    found = language_choices(path.read_text("utf-8"))
    assert found == [], f"{path.relative_to(ROOT)} lines {found}: use a message in messages.toml"
