"""Settings: the DASHBOARD_* environment over data/settings.toml, checked, and read once.

A value that is not allowed stops the app and the command line at start, naming the variable, the
value and what is allowed; the settings file and the secrets file refuse unknown keys.
"""

from __future__ import annotations

import ast
import inspect
import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.cli import EXIT_UNREADABLE, main
from dashboard.domain.config_files import ConfigError, shown_path
from dashboard.paths import DEFAULT_DATABASE_PATH, PROJECT_ROOT
from dashboard.platform import settings as settings_module
from dashboard.platform.auth import hash_password, load_auth_settings, load_auth_settings_file
from dashboard.platform.settings import (
    DEFAULT_DATABASE_URL,
    DEFAULT_MAX_UPLOAD_MB,
    DEFAULT_SECRETS_PATH,
    Environment,
    Settings,
    SettingsError,
    clear_settings_cache,
    load_settings,
    read_settings,
)
from dashboard.store.database import Store

APP = str(PROJECT_ROOT / "dashboard" / "app.py")
VARIABLES = sorted(str(field.validation_alias) for field in Environment.model_fields.values())


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No DASHBOARD_* variable from the machine running the tests."""
    for name in list(os.environ):
        if name.startswith("DASHBOARD_"):
            monkeypatch.delenv(name)


def settings_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, "utf-8")
    return path


# ── values ──────────────────────────────────────────────────────────────────────────────────


def test_defaults() -> None:
    settings = read_settings()
    assert settings == Settings(
        database_url=DEFAULT_DATABASE_URL,
        agency=None,
        default_agency="定海区教育局",  # data/settings.toml
        lang="zh",
        max_upload_mb=DEFAULT_MAX_UPLOAD_MB,
        secrets_file=DEFAULT_SECRETS_PATH,
    )
    assert f"sqlite:///{DEFAULT_DATABASE_PATH}" == DEFAULT_DATABASE_URL
    assert DEFAULT_DATABASE_PATH == PROJECT_ROOT / "data" / "dashboard.sqlite"


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", "sqlite:///elsewhere.sqlite")
    monkeypatch.setenv("DASHBOARD_AGENCY", "普陀区教育局")
    monkeypatch.setenv("DASHBOARD_LANG", "en")
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "2.5")
    monkeypatch.setenv("DASHBOARD_SECRETS_FILE", str(tmp_path / "s.toml"))
    settings = read_settings()
    assert settings.database_url == "sqlite:///elsewhere.sqlite"
    assert settings.agency == settings.default_agency == "普陀区教育局"  # the agency wins …
    assert (settings.lang, settings.max_upload_mb) == ("en", 2.5)
    assert settings.secrets_file == tmp_path / "s.toml"
    monkeypatch.setenv("DASHBOARD_DEFAULT_AGENCY", "杭州市教育局")  # … over the file, not this
    assert read_settings().default_agency == "杭州市教育局"


def test_an_empty_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.setenv(name, "")
    assert read_settings() == Settings(
        DEFAULT_DATABASE_URL, None, "定海区教育局", "zh", DEFAULT_MAX_UPLOAD_MB
    )


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("DASHBOARD_LANG", "fr", "zh (Chinese) or en (English)"),
        ("DASHBOARD_LANG", "ZH", "zh (Chinese) or en (English)"),
        ("DASHBOARD_MAX_UPLOAD_MB", "abc", "a number greater than 0"),
        ("DASHBOARD_MAX_UPLOAD_MB", "0", "a number greater than 0"),
        ("DASHBOARD_MAX_UPLOAD_MB", "-5", "a number greater than 0"),
        ("DASHBOARD_MAX_UPLOAD_MB", "nan", "a number greater than 0"),
        ("DASHBOARD_MAX_UPLOAD_MB", "inf", "a number greater than 0"),
    ],
)
def test_a_bad_value_fails_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, allowed: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        read_settings()
    english = caught.value.text("en")
    assert name in english and f"“{value}”" in english and allowed in english
    chinese = caught.value.text("zh")
    assert chinese.startswith(f"设置 {name} 的值“{value}”无效，应为")
    assert str(caught.value) == english


# ── data/settings.toml ──────────────────────────────────────────────────────────────────────


def test_the_file_gives_the_default_agency(tmp_path: Path) -> None:
    path = settings_file(tmp_path, '[view]\ndefault_agency = "普陀区教育局"\n')
    assert read_settings(path).default_agency == "普陀区教育局"
    assert read_settings(tmp_path / "missing.toml").default_agency is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[view]\ndefault_agncy = "x"\n', "view.default_agncy"),
        ('[veiw]\ndefault_agency = "x"\n', "veiw"),
        ('lang = "en"\n', "lang"),
    ],
)
def test_an_unknown_key_in_the_file_fails_naming_it(tmp_path: Path, text: str, key: str) -> None:
    path = settings_file(tmp_path, text)
    with pytest.raises(SettingsError) as caught:
        read_settings(path)
    assert caught.value.text("en") == (
        f"The settings file {path} has an unknown setting {key} "
        "(known settings: view.default_agency). Remove or correct it and start again."
    )
    assert f"设置文件 {path} 中有未知的设置项 {key}" in caught.value.text("zh")


def test_a_bad_value_in_the_file_fails_naming_it(tmp_path: Path) -> None:
    path = settings_file(tmp_path, "[view]\ndefault_agency = 3\n")
    with pytest.raises(SettingsError, match=rf"{re.escape(str(path))}: view\.default_agency.*“3”"):
        read_settings(path)
    path = settings_file(tmp_path, 'view = "x"\n')
    with pytest.raises(SettingsError, match=r"view has the value “x”.*must be a table"):
        read_settings(path)


def test_a_file_that_is_not_toml_fails_naming_it(tmp_path: Path) -> None:
    path = settings_file(tmp_path, "[view\n")
    with pytest.raises(SettingsError, match=rf"settings file {re.escape(str(path))} cannot be"):
        read_settings(path)


def test_a_file_of_the_project_is_named_from_the_project() -> None:
    assert shown_path(PROJECT_ROOT / "data" / "settings.toml") == "data/settings.toml"
    assert shown_path(Path("/elsewhere/settings.toml")) == "/elsewhere/settings.toml"


# ── read once ───────────────────────────────────────────────────────────────────────────────


def test_settings_are_read_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Settings] = []

    def counting_read() -> Settings:
        reads.append(read_settings())
        return reads[-1]

    monkeypatch.setattr(settings_module, "read_settings", counting_read)
    first = load_settings()
    assert all(load_settings() is first for _ in range(5))
    assert len(reads) == 1
    monkeypatch.setenv("DASHBOARD_LANG", "en")
    assert load_settings().lang == "zh"  # a change takes a restart …
    clear_settings_cache()  # … or, in tests, a clear
    assert load_settings().lang == "en"
    assert len(reads) == 2


def test_the_app_reads_the_settings_once_for_all_its_reruns(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Settings] = []
    real = settings_module.read_settings

    def counting_read() -> Settings:
        reads.append(real())
        return reads[-1]

    monkeypatch.setattr(settings_module, "read_settings", counting_read)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    at.switch_page("views/data.py").run()
    at.run()
    assert not at.exception
    assert len(reads) == 1


# ── stopping at start ───────────────────────────────────────────────────────────────────────


def test_a_bad_setting_stops_the_app_with_one_message(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "abc")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert message.startswith("设置 DASHBOARD\\_MAX\\_UPLOAD\\_MB 的值“abc”无效"), message
    assert "大于 0 的数字" in message
    assert not at.title and not at.sidebar.selectbox  # no page is drawn


def test_a_bad_secrets_file_stops_the_app_naming_file_and_key(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[dashboard]\nviewer_pasword_hash = "$argon2id$x"\n', "utf-8")
    monkeypatch.setenv("DASHBOARD_SECRETS_FILE", str(secrets))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert message.startswith("看板的配置文件有误"), message
    # Shown literally: Markdown's characters are escaped, which the page shows as typed.
    assert "secrets\\.toml" in message and "dashboard\\.viewer\\_pasword\\_hash" in message
    assert not at.title


@pytest.mark.parametrize(
    ("name", "value"), [("DASHBOARD_LANG", "fr"), ("DASHBOARD_MAX_UPLOAD_MB", "abc")]
)
def test_a_bad_setting_stops_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    assert main(["history"]) == EXIT_UNREADABLE
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"设置 {name} 的值“{value}”无效")
    assert main(["--lang", "en", "history", "--json"]) == EXIT_UNREADABLE
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"The setting {name} has the value “{value}”")


# ── the secrets file ────────────────────────────────────────────────────────────────────────


def test_an_unknown_key_of_the_secrets_fails_naming_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "secrets.toml"
    path.write_text('[dashboard.oidc]\ndefault_rol = "viewer"\n', "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_auth_settings_file(path)
    assert str(caught.value) == f"{path}: dashboard.oidc.default_rol: unknown key"


def test_a_bad_hash_is_named_but_never_shown() -> None:
    table = {"users": {"erin": {"role": "editor", "password_hash": "my secret password"}}}
    with pytest.raises(ConfigError) as caught:
        load_auth_settings({"dashboard": table})
    assert caught.value.key == "dashboard.users.erin.password_hash"
    assert "my secret password" not in str(caught.value)


def test_keys_added_by_hand_to_a_user_are_allowed() -> None:
    entry = {"role": "editor", "password_hash": hash_password("x" * 8), "display_name": "Erin"}
    assert "erin" in load_auth_settings({"dashboard": {"users": {"erin": entry}}}).users


# ── where settings live ─────────────────────────────────────────────────────────────────────


def test_the_store_reads_no_environment() -> None:
    assert inspect.signature(Store).parameters["url"].default is inspect.Parameter.empty
    source = Path(inspect.getfile(settings_module)).read_text("utf-8")
    imported = {
        node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)
    }
    assert not any(name and name.startswith("dashboard.store") for name in imported)


def test_every_variable_is_documented_in_the_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text("utf-8")
    assert (
        sorted(
            [
                "DASHBOARD_AGENCY",
                "DASHBOARD_DATABASE_URL",
                "DASHBOARD_DEFAULT_AGENCY",
                "DASHBOARD_LANG",
                "DASHBOARD_MAX_UPLOAD_MB",
                "DASHBOARD_SECRETS_FILE",
            ]
        )
        == VARIABLES
    )
    for name in VARIABLES:
        assert f"| `{name}` |" in readme, name
