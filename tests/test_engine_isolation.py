"""A bug inside cablelint never hides the other findings and never reaches the user as a traceback.

A deliberately broken rule is registered next to the real rulebook and the real command line
is run: the other rules' findings all still appear, the broken rule gives one ``IN001`` line
per file that names the rule and the exception type but quotes no cable text, and details
appear only with ``--verbose``.  An internal error outside the rules (in the parser, in a
worker process, in a formatter) is one line on standard error and exit code 2.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import checker.engine
import checker.registry
from checker.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
FAILING = FIXTURES / "cli" / "failing.txt"
CLEAN = FIXTURES / "cli" / "clean.txt"
FAILING_FINDINGS = [
    "failing.txt:9:1: BN003 [error] banner CONFIDENTIAL is below SECRET required by ¶1 (S) (banner-below-portion)",
    "failing.txt:21:1: PM001 [error] ¶2 has no portion marking (portion-marking-missing)",
]
#: A word of failing.txt's first paragraph: no error message may quote it.
CABLE_WORD = "Synthetic"


@pytest.fixture(autouse=True)
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    shutil.copy(FAILING, "failing.txt")
    shutil.copy(CLEAN, "clean.txt")
    return tmp_path


def check(*args: str) -> tuple[int, list[str], list[str]]:
    result = CliRunner().invoke(cli, ["check", "--isolated", "--as-of", "2026-11-27", *args], catch_exceptions=False)
    return result.exit_code, result.stdout.splitlines(), result.stderr.splitlines()


def quoting_rule(cable, ctx) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """Raises with the text of the cable's first paragraph in the exception message."""
    raise KeyError(f"{CABLE_WORD} text for tests")
    yield  # a generator, like every real rule


def recursing_rule(cable, ctx) -> Iterator[object]:  # type: ignore[no-untyped-def]
    return recursing_rule(cable, ctx)


@pytest.fixture
def register(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[..., object]], None]:
    """``register(check)`` adds rule ZZ999 ``broken-rule`` with that check to the real rulebook."""
    def add(check_function: Callable[..., object]) -> None:
        real = checker.registry.all_rules()
        broken = dataclasses.replace(real[0], code="ZZ999", name="broken-rule", check=check_function,
                                     module="tests.test_engine_isolation", enabled_by_default=True)
        rules = lambda: (*real, broken)  # noqa: E731
        monkeypatch.setattr(checker.registry, "all_rules", rules)
        monkeypatch.setattr(checker.engine, "all_rules", rules)
        checker.registry._index.cache_clear()  # the code/name index is cached from the real rulebook

    yield add
    checker.registry._index.cache_clear()


@pytest.mark.parametrize(("jobs", "rule", "exception"), [
    ("1", quoting_rule, "KeyError"),
    ("1", recursing_rule, "RecursionError"),
    ("2", quoting_rule, "KeyError"),  # in worker processes
])
def test_a_broken_rule_hides_none_of_the_other_findings(register, jobs: str, rule, exception: str) -> None:
    register(rule)
    for name in ("b.txt", "c.txt"):  # four files, so -j 2 really uses the pool
        shutil.copy("failing.txt", name)
    code, out, err = check("-j", jobs, "failing.txt", "clean.txt", "b.txt", "c.txt")
    assert code == 2  # issue 5: an internal error exits 2, so a CI gate never takes it for a verdict
    internal = f"1:1: IN001 [error] rule ZZ999 (broken-rule) failed with {exception} (internal-error)"
    assert out == (
        [f"failing.txt:{internal}", *FAILING_FINDINGS, f"clean.txt:{internal}"]
        + [line.replace("failing.txt", name) for name in ("b.txt", "c.txt") for line in
           [f"failing.txt:{internal}", *FAILING_FINDINGS]]
        + ["Found 10 findings (10 errors) in 4 of 4 files."]
    )
    assert CABLE_WORD not in "\n".join(out + err)
    assert err == []


def test_a_broken_rule_gives_the_same_findings_in_every_format(register) -> None:
    """The machine formats carry the IN001 finding too, and no text of the exception."""
    register(quoting_rule)
    for fmt in ("json", "sarif", "github", "junit"):
        code, out, err = check("--format", fmt, "failing.txt")
        text = "\n".join(out)
        assert "IN001" in text and "BN003" in text and "PM001" in text, fmt
        assert CABLE_WORD not in text + "\n".join(err), fmt


def test_verbose_shows_where_a_broken_rule_failed(register) -> None:
    register(quoting_rule)
    code, out, err = check("-j", "1", "--verbose", "clean.txt")
    assert any("Traceback (most recent call last)" in line for line in err)
    assert any("in quoting_rule" in line for line in err)


# --------------------------------------------------------------------------- outside the rules

def _break(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    """Make ``module.name`` raise with cable-like text in the exception message."""
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"{CABLE_WORD} text for tests")

    monkeypatch.setattr(module, name, broken)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_parser_crash_is_one_line_per_file_exit_2_and_the_run_goes_on(
        monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    import checker.parse

    _break(monkeypatch, checker.parse, "parse_cable")
    for name in ("b.txt", "c.txt"):
        shutil.copy("failing.txt", name)
    code, out, err = check("-j", jobs, "failing.txt", "clean.txt", "b.txt", "c.txt")
    assert code == 2
    assert [line.split(": error: internal error: ")[0] for line in err] == ["failing.txt", "clean.txt", "b.txt", "c.txt"]
    assert all(line.split(": error: internal error: ")[1].startswith("RuntimeError") for line in err)
    assert out == ["No findings in 0 files; 4 files could not be read."]
    assert not any("Traceback" in line for line in err)


def test_a_parser_crash_message_quotes_no_cable_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.parse

    _break(monkeypatch, checker.parse, "parse_cable")
    code, out, err = check("-j", "1", "failing.txt")
    assert code == 2
    assert err == ["failing.txt: error: internal error: RuntimeError (run with --verbose for details)"]


def test_a_parser_crash_shows_its_traceback_only_with_verbose(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.parse

    _break(monkeypatch, checker.parse, "parse_cable")
    code, out, err = check("-j", "1", "--verbose", "failing.txt")
    assert code == 2
    assert err[0].startswith("failing.txt: error: internal error: RuntimeError")
    assert "Traceback (most recent call last):" in err[1:]
    assert any(line.strip().startswith("raise RuntimeError") for line in err)


def test_a_formatter_crash_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug outside any one file (here: the output format) ends the run with one line."""
    from checker.formatters import text

    _break(monkeypatch, text.TextFormatter, "file")
    code, out, err = check("-j", "1", "failing.txt")
    assert code == 2
    assert len(err) == 1 and err[0].startswith("cablelint: internal error: RuntimeError")
    verbose = check("-j", "1", "--verbose", "failing.txt")
    assert verbose[0] == 2 and "Traceback (most recent call last):" in verbose[2]
