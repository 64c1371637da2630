"""The README cannot drift: its rules table, examples, option and key tables are checked here."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import registry
from checker.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, check, cli, rules_markdown
from checker.config import build_schema, from_mapping

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text()


def between(begin: str, end: str) -> str:
    match = re.search(re.escape(begin) + r".*?\n(.*?)" + re.escape(end), README, re.S)
    assert match, f"README lacks {begin!r} ... {end!r}"
    return match.group(1)


def fenced(after: str, language: str) -> str:
    """The first ```language block after the heading or text ``after``."""
    start = README.index(after)
    match = re.compile(rf"```{language}\n(.*?)```", re.S).search(README, start)
    assert match
    return match.group(1)


def test_rules_table_is_current() -> None:
    """Regenerate with `cablelint rules --format markdown` between the rules-table comments."""
    assert between("<!-- rules-table:begin", "<!-- rules-table:end -->").strip() == rules_markdown(
        registry.all_rules())


def test_exactly_two_setup_commands_and_ci_runs_them() -> None:
    commands = [line for line in fenced("<!-- setup:begin -->", "sh").splitlines() if line.strip()]
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && "
        ".venv/bin/python -m compileall -q checker rules grammar && "
        ".venv/bin/cablelint check tests/fixtures/08STATE126440.txt",
        ".venv/bin/python -m pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "<!-- setup:begin -->" in ci and "<!-- setup:end -->" in ci  # it runs the block itself


def test_text_output_example_is_real() -> None:
    example = fenced("The\ndefault output is one line per finding", "text")
    old = os.getcwd()
    os.chdir(ROOT / "tests" / "fixtures" / "cli")
    try:
        result = CliRunner().invoke(cli, ["check", "failing.txt"])
    finally:
        os.chdir(old)
    assert result.stdout == example


def test_every_check_option_is_in_the_options_table() -> None:
    table = between("Options of `check`:", "Inputs:")
    for param in check.params:
        for opt in param.opts:
            if opt.startswith("-"):
                assert re.search(rf"`{re.escape(opt)}[ `]", table), opt


def test_configuration_keys_table_matches_the_schema() -> None:
    table = between("| Key | Type | Meaning |", "Rules are named by code")
    keys = re.findall(r"^\| `([a-z-]+)` \|", table, re.M)
    assert sorted(keys) == sorted(build_schema()["properties"])


def test_configuration_example_is_valid() -> None:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    document = tomllib.loads(fenced("## Configuration", "toml"))
    config = from_mapping(document["tool"]["cablelint"])
    assert config.rules["HD001"] == {"max-filing-delay-days": 3}


def test_exit_codes_table() -> None:
    table = between("## Exit codes", "## Configuration")
    assert re.findall(r"^\| (\d) \|", table, re.M) == [str(EXIT_OK), str(EXIT_FINDINGS), str(EXIT_ERROR)]


def test_library_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(fenced("## Library API", "python"), {})  # noqa: S102 - our own README
    assert out.getvalue() == "failing.txt 21 1 PM001 error ¶2 has no portion marking\n"


def test_every_bench_script_is_listed() -> None:
    """Every script (a module whose docstring has a Usage line; helpers have none) is in the table."""
    table = between("## Benchmarks", "## Development")
    for script in sorted((ROOT / "bench").glob("*.py")):
        if f"python bench/{script.name}" in script.read_text():
            assert f"`python bench/{script.name}" in table, script.name
