"""Configuration: discovery (closest file wins), validation errors, and what settings result."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from checker.config import (
    Config,
    ConfigError,
    Overrides,
    Resolver,
    build_schema,
    describe,
    from_mapping,
    load_file,
)
from checker.findings import Severity

SCHEMA_FILE = Path(__file__).parent.parent / "checker" / "schemas" / "config.schema.json"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_committed_schema_equals_the_generated_one() -> None:
    """Regenerate with: cablelint config --schema > checker/schemas/config.schema.json"""
    assert json.loads(SCHEMA_FILE.read_text()) == build_schema()


# --------------------------------------------------------------------------- discovery

def test_closest_file_wins_and_files_are_not_merged(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[tool.cablelint]\nignore = ["DC"]\nfail-level = "warning"\n')
    write(tmp_path / "sub" / "cablelint.toml", 'select = ["PM"]\n')
    resolver = Resolver()
    top = resolver.for_path(str(tmp_path / "a.txt"))
    sub = resolver.for_path(str(tmp_path / "sub" / "deeper" / "b.txt"))
    assert (top.ignore, top.fail_level, top.path) == (("DC",), Severity.WARNING, str(tmp_path / "pyproject.toml"))
    assert (sub.select, sub.ignore, sub.fail_level) == (("PM",), (), Severity.ERROR)


def test_dot_file_beats_plain_file_beats_pyproject_in_one_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.cablelint]\nselect = ["A"]\n')
    write(tmp_path / "cablelint.toml", 'select = ["BN"]\n')
    assert Resolver().for_path(str(tmp_path / "x.txt")).select == ("BN",)
    write(tmp_path / ".cablelint.toml", 'select = ["PM"]\n')
    assert Resolver().for_path(str(tmp_path / "x.txt")).select == ("PM",)


def test_pyproject_without_a_cablelint_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "cablelint.toml", 'ignore = ["NU001"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "cablelint-notes"\n')
    assert Resolver().for_path(str(tmp_path / "sub" / "a.txt")).ignore == ("NU001",)


@pytest.mark.parametrize(
    "text",
    [
        '[tool.cablelint]\nignore = ["NU001"]\n',
        '[ "tool" . "cablelint" ]\nignore = ["NU001"]\n',
        '[tool]\ncablelint = { ignore = ["NU001"] }\n',
        'tool.cablelint.ignore = ["NU001"]\n',
        'tool = { cablelint = { ignore = ["NU001"] } }\n',
        '[tool.cablelint.rules.PM001]\nseverity = "info"\n[tool.cablelint]\nignore = ["NU001"]\n',
    ],
)
def test_every_way_of_writing_the_pyproject_table_is_found(tmp_path: Path, text: str) -> None:
    write(tmp_path / "pyproject.toml", text + '[project]\nname = "x"\n')
    assert Resolver().for_path(str(tmp_path / "a.txt")).ignore == ("NU001",)


def test_a_pyproject_naming_cablelint_elsewhere_is_not_a_configuration(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project.scripts]\ncablelint = "checker.cli:main"\n[tool.other]\nx = 1\n')
    assert Resolver().for_path(str(tmp_path / "a.txt")).path is None


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path / "cablelint.toml", 'ignore = ["NU001"]\n')
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    config = Resolver().for_path(str(tmp_path / "repo" / "a.txt"))
    assert (config.path, config.ignore) == (None, ())


def test_config_option_and_isolated(tmp_path: Path) -> None:
    write(tmp_path / "cablelint.toml", 'ignore = ["NU001"]\n')
    named = write(tmp_path / "elsewhere" / "strict.toml", 'fail-level = "info"\n')
    target = str(tmp_path / "a.txt")
    assert Resolver(config_file=str(named)).for_path(target).fail_level is Severity.INFO
    assert Resolver(isolated=True).for_path(target).ignore == ()


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    write(tmp_path / "cablelint.toml", 'select = ["PM"]\nignore = ["PM003"]\nas-of = 2001-02-03\n')
    overrides = Overrides(extend_select=("PM003", "BN001"), ignore=("PM001",), fail_level=Severity.WARNING,
                          as_of=dt.date(2020, 1, 1))
    config = Resolver(overrides).for_path(str(tmp_path / "a.txt"))
    assert (config.fail_level, config.as_of) == (Severity.WARNING, dt.date(2020, 1, 1))
    assert config.settings_for(None).enabled == {"PM002", "PM003", "BN001"}
    reselected = Resolver(Overrides(select=("PM003",))).for_path(str(tmp_path / "a.txt"))
    assert reselected.settings_for(None).enabled == {"PM003"}  # the command line's select wins
    shown = [(key, value, origin) for key, value, origin in describe(config)]
    source = str(tmp_path / "cablelint.toml")
    assert shown[:4] == [("select", "PM", source), ("extend-select", "(none)", "default"),
                         ("extend-select", "PM003, BN001", "command line (applied after the file)"),
                         ("ignore", "PM003", source)]
    assert ("ignore", "PM001", "command line (applied after the file)") in shown
    assert ("fail-level", "warning", "command line") in shown
    assert ("exclude", "(none)", "default") in shown


# --------------------------------------------------------------------------- resulting settings

def test_selection_severity_and_options_become_engine_settings() -> None:
    config = from_mapping({
        "select": ["BN", "CT002"],
        "extend-select": ["HD"],
        "ignore": ["BN004"],
        "rules": {"banner-missing": "warning", "CT002": {"require-noforn": False}, "HD001": {"severity": "info"}},
        "as-of": "2010-05-06",
    })
    settings = config.settings_for("cables/a.txt")
    assert settings.enabled == {"BN001", "BN002", "BN003", "CT002", "HD001"}
    assert settings.severities["BN001"] is Severity.WARNING
    assert settings.severities["HD001"] is Severity.INFO
    assert settings.options["CT002"] == {"require-noforn": False}
    assert settings.as_of == dt.date(2010, 5, 6)


def test_per_file_ignores_match_globs_relative_to_the_config(tmp_path: Path) -> None:
    config = from_mapping({"per-file-ignores": {"drafts/*.txt": ["PM"], "*.cable": ["banner-missing"]}},
                          root=str(tmp_path))
    assert "PM001" not in config.settings_for(str(tmp_path / "drafts" / "a.txt")).enabled
    assert "PM001" in config.settings_for(str(tmp_path / "final" / "a.txt")).enabled
    assert "BN001" not in config.settings_for(str(tmp_path / "x" / "b.cable")).enabled


def test_defaults_enable_the_rules_on_by_default_and_all_selects_every_rule() -> None:
    from checker import registry

    rules = registry.all_rules()
    assert Config().settings_for(None).enabled == {rule.code for rule in rules if rule.enabled_by_default}
    assert from_mapping({"select": ["ALL"]}).settings_for(None).enabled == {rule.code for rule in rules}


# --------------------------------------------------------------------------- every error path

@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("select = [", "invalid TOML: "),
        ("colour = true\n", "colour: unknown key (allowed: as-of, exclude, extend-select, fail-level, "
                            "ignore, include, per-file-ignores, rules, select)"),
        ('select = ["XX9"]\n', "select.0: 'XX9' is not a rule code, code prefix or rule name (rules: BN001 "),
        ('select = "PM"\n', "select: 'PM' is not of type 'array'"),
        ('fail-level = "fatal"\n', "fail-level: 'fatal' is not allowed (allowed: error, warning, info)"),
        ('as-of = "May 2010"\n', "as-of: 'May 2010' does not match"),
        ('as-of = "2010-02-30"\n', "as-of: '2010-02-30' is not a real date (YYYY-MM-DD)"),
        ("as-of = 2010-02-03T10:00:00\n", "as-of: '2010-02-03T10:00:00' does not match"),
        ('[rules.XX001]\nseverity = "info"\n', "rules.XX001: unknown key (allowed: BN001, "),
        ('[rules.PM001]\nlevel = "info"\n', "rules.PM001.level: unknown key (allowed: severity)"),
        ('[rules.HD001]\nmax-filing-delay-days = -1\n', "rules.HD001.max-filing-delay-days: -1 is less than"),
        ('[rules.CT002]\nrequire-noforn = "yes"\n', "rules.CT002.require-noforn: 'yes' is not of type 'boolean'"),
        ('rules = {PM001 = "fatal"}\n', "rules.PM001.severity: 'fatal' is not allowed (allowed: error, warning, info)"),
        ('rules = {PM001 = "info", portion-marking-missing = "error"}\n',
         "rules.portion-marking-missing: rule PM001 is configured twice (by code and by name)"),
        ('per-file-ignores = {"*.txt" = "PM"}\n', "per-file-ignores.*.txt: 'PM' is not of type 'array'"),
        ("include = [1]\n", "include.0: 1 is not of type 'string'"),
        ("select = " + "[" * 2000 + "]" * 2000 + "\n", "invalid TOML: nested too deeply"),
    ],
)
def test_invalid_configuration_names_file_key_and_allowed_values(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "cablelint.toml", text)
    with pytest.raises(ConfigError) as caught:
        Resolver().for_path(str(tmp_path / "a.txt"))
    assert str(caught.value).startswith(f"{path}: {message}")
    assert "\n" not in str(caught.value)


def test_every_error_is_listed_in_one_line(tmp_path: Path) -> None:
    path = write(tmp_path / "cablelint.toml", 'fail-level = 3\ninclude = "x"\n')
    with pytest.raises(ConfigError) as caught:
        load_file(str(path))
    assert str(caught.value) == (f"{path}: fail-level: 3 is not allowed (allowed: error, warning, info); "
                                 "include: 'x' is not of type 'array'")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cablelint.toml", b"x" * (1024 * 1024 + 1), "configuration file larger than 1024 KiB"),
        ("cablelint.toml", b'select = ["\xff"]\n', "configuration is not valid UTF-8"),
        ("pyproject.toml", b'[tool]\ncablelint = "on"\n', "tool.cablelint: must be a table"),
        ("pyproject.toml", b"[project]\nname = 'x'\n", "no [tool.cablelint] table"),
    ],
)
def test_unusable_configuration_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ConfigError) as caught:
        load_file(str(path))
    assert str(caught.value) == f"{path}: {message}"


def test_huge_values_and_many_errors_keep_the_message_short(tmp_path: Path) -> None:
    keys = "".join(f"k{n} = 1\n" for n in range(30))
    path = write(tmp_path / "cablelint.toml", f'select = ["{"X" * 100_000}"]\nfail-level = "{"y" * 100_000}"\n')
    with pytest.raises(ConfigError) as caught:
        load_file(str(path))
    assert len(str(caught.value)) < 1000
    assert "select.0: 'XXXXXXXX" in str(caught.value) and "…" in str(caught.value)
    path.write_text("[rules]\n" + keys.replace("k", "PM00"))
    with pytest.raises(ConfigError) as caught:
        load_file(str(path))
    assert len(str(caught.value)) < 2000


def test_a_fifo_as_config_file_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "cablelint.toml")
    with pytest.raises(ConfigError) as caught:
        load_file(str(tmp_path / "cablelint.toml"))
    assert str(caught.value) == f"{tmp_path / 'cablelint.toml'}: cannot read configuration: not a regular file"
    assert Resolver().for_path(str(tmp_path / "a.txt")).path is None  # found by search: passed over


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nothing.toml: configuration file not found$"):
        load_file(str(tmp_path / "nothing.toml"))


def test_a_mapping_is_validated_too() -> None:
    with pytest.raises(ConfigError, match=r"^<mapping>: ignore\.0: 'nope' is not a rule code"):
        from_mapping({"ignore": ["nope"]})
