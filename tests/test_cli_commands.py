"""The other commands (rules, explain, inspect, config), --version, --help, and configuration
discovery and errors as the command line reports them; each through CliRunner and a subprocess."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker import __version__, registry
from checker.cli import cli, rules_markdown
from tests.test_cli import CLEAN, FAILING, FAILING_LINES, Invoke, cablelint, via_runner, work  # noqa: F401

COMMANDS = ["check", "rules", "explain", "inspect", "config"]


def test_version(cablelint: Invoke) -> None:
    run = cablelint(["--version"])
    assert (run.code, run.out) == (0, f"cablelint {__version__}\n")


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["group", *COMMANDS])
def test_help_has_examples(command: list[str]) -> None:
    run = via_runner([*command, "--help"])
    assert run.code == 0
    assert "Examples:\n    cablelint" in run.out
    assert "Exit codes:\n    0  no finding at or above the fail level" in run.out


def test_no_command_shows_help_and_exits_2(cablelint: Invoke) -> None:
    run = cablelint([])
    assert run.code == 2 and "Commands:" in run.err


def test_rules_table(cablelint: Invoke) -> None:
    run = cablelint(["rules"])
    lines = run.out.splitlines()
    assert run.code == 0 and len(lines) == len(registry.all_rules())
    first = registry.all_rules()[0]
    assert lines[0].split()[:3] == [first.code, first.name, first.severity.label]


def test_rules_json_and_markdown(cablelint: Invoke) -> None:
    listed = json.loads(cablelint(["rules", "--format", "json"]).out)
    assert [r["code"] for r in listed] == [r.code for r in registry.all_rules()]
    hd001 = next(r for r in listed if r["code"] == "HD001")
    assert hd001["options"]["max-filing-delay-days"]["default"] == 7
    assert hd001["scope"] == list(registry.by_code("HD001").scope)
    assert cablelint(["rules", "--format", "markdown"]).out == rules_markdown(registry.all_rules()) + "\n"


@pytest.mark.parametrize("rule", ["BN003", "bn003", "banner-below-portion"])
def test_explain_by_code_or_name(cablelint: Invoke, rule: str) -> None:
    run = cablelint(["explain", rule])
    info = registry.by_code("BN003")
    assert run.code == 0
    assert run.out.startswith(f"BN003 banner-below-portion (default severity: {info.severity.label})\n"
                              f"Reads: {', '.join(info.scope)}\n\n{info.doc}")
    for section in ("Why it matters:", "Fails:", "Passes:", "References:"):
        assert section in run.out


def test_explain_lists_options() -> None:
    assert "  max-filing-delay-days = 7  " in via_runner(["explain", "HD001"]).out


def test_explain_unknown_rule(cablelint: Invoke) -> None:
    run = cablelint(["explain", "XX999"])
    assert (run.code, run.out) == (2, "")
    assert run.err == ("cablelint: error: Invalid value for RULE: no rule with code or name 'XX999' "
                       "(see 'cablelint explain --help')\n")


def test_inspect_prints_the_model_as_json(cablelint: Invoke, work: Path) -> None:
    from checker.inspect import cable_to_dict
    from checker.parse import parse_cable

    run = cablelint(["inspect", "--format", "json", "clean.txt"])
    assert run.code == 0
    assert json.loads(run.out) == cable_to_dict(parse_cable((work / "clean.txt").read_text()))
    from_stdin = cablelint(["inspect", "--format", "json", "-"], stdin=(work / "clean.txt").read_bytes())
    assert from_stdin.out == run.out


def test_inspect_prints_an_outline_by_default(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["inspect", "failing.txt"])
    assert (run.code, run.out) == (0, """\
classification: CONFIDENTIAL controls: -
date: 2008-12-01T19:43:00+00:00
header: transmission_id=VZCZCXYZ0005 precedence=O security=CCCCC origin=SECSTATE WASHDC serial=6440 partial_extract=False
banner   line 9     top     C O N F I D E N T I A L -> C
caption  line 11    SIPDIS
E.O.: 12958  declassify: date DECL: 11/24/2018 date 2018-11-24 exemptions -
TAGS: PREL
SUBJECT: (U) -> U
authority: by PM DAS A. Officer derived from - reasons 1.4 b, d
¶1    line 19    (S) -> S
¶2    line 21    no marking
lines: 21
""")


def test_inspect_unreadable_input(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["inspect", "missing.txt"])
    assert (run.code, run.out, run.err) == (2, "", "cablelint: error: missing.txt: no such file\n")


# --------------------------------------------------------------------------- configuration via the CLI

def test_configuration_is_discovered_per_file(cablelint: Invoke, work: Path) -> None:
    (work / "strict").mkdir()
    shutil.copy(FAILING, work / "strict" / "failing.txt")
    (work / "cablelint.toml").write_text('ignore = ["PM"]\n')
    (work / "strict" / "pyproject.toml").write_text('[tool.cablelint]\nselect = ["PM001"]\n')
    run = cablelint(["check", "-q", "failing.txt", "strict/failing.txt"])
    assert run.out == (FAILING_LINES.splitlines()[0] + "\n"
                       + FAILING_LINES.splitlines()[1].replace("failing.txt", "strict/failing.txt") + "\n")


def test_config_option_isolated_and_overrides(cablelint: Invoke, work: Path) -> None:
    (work / "cablelint.toml").write_text('ignore = ["BN", "PM"]\n')
    (work / "other.toml").write_text('select = ["BN003"]\nfail-level = "info"\n')
    assert cablelint(["check", "failing.txt"]).code == 0
    assert cablelint(["check", "-q", "--isolated", "failing.txt"]).out == FAILING_LINES
    assert cablelint(["check", "-q", "--config", "other.toml", "failing.txt"]).out == FAILING_LINES.splitlines()[0] + "\n"
    # the command line is applied after the file: it can bring back what the file ignores
    assert cablelint(["check", "-q", "--extend-select", "PM001", "--ignore", "BN", "failing.txt"]).out == (
        FAILING_LINES.splitlines()[1] + "\n")
    assert cablelint(["check", "-q", "--select", "portion-marking-missing", "failing.txt"]).out == (
        FAILING_LINES.splitlines()[1] + "\n")


def test_per_file_ignores_and_exclude_through_the_cli(cablelint: Invoke, work: Path) -> None:
    (work / "drafts").mkdir()
    shutil.copy(FAILING, work / "drafts" / "a.txt")
    shutil.copy(FAILING, work / "drafts" / "b.txt")
    (work / "cablelint.toml").write_text(
        'exclude = ["drafts/b.txt", "08STATE*"]\n[per-file-ignores]\n"drafts/*" = ["BN003"]\n')
    run = cablelint(["check", "-q", "."])
    assert [line.split(" ")[0:2] for line in run.out.splitlines()] == [
        ["drafts/a.txt:21:1:", "PM001"], ["failing.txt:9:1:", "BN003"], ["failing.txt:21:1:", "PM001"]]
    forced = cablelint(["check", "-q", "--force-exclude", "drafts/b.txt"])
    assert (forced.code, forced.out) == (0, "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("select = [\n", "invalid TOML: "),
        ('colour = "red"\n', "colour: unknown key (allowed: as-of, exclude, "),
        ('[rules.PM001]\nseverity = "fatal"\n', "rules.PM001.severity: 'fatal' is not allowed (allowed: error, warning, info)"),
        ('[rules.HD001]\nmax-filing-delay-days = "3"\n', "rules.HD001.max-filing-delay-days: '3' is not of type 'integer'"),
        ('[rules.HD001]\nmax-delay = 3\n', "rules.HD001.max-delay: unknown key (allowed: max-filing-delay-days, severity)"),
    ],
)
def test_configuration_errors_exit_2_with_one_line_naming_the_file(cablelint: Invoke, work: Path, text: str,
                                                                  message: str) -> None:
    (work / "sub").mkdir()
    shutil.copy(FAILING, work / "sub" / "failing.txt")
    (work / "sub" / "cablelint.toml").write_text(text)
    run = cablelint(["check", "-q", "sub/failing.txt", "failing.txt"])
    assert run.code == 2
    assert run.out == FAILING_LINES  # the other input is still checked
    assert run.err.startswith(f"sub/failing.txt: error: {work / 'sub' / 'cablelint.toml'}: {message}")
    assert run.err.count("\n") == 1
    document = json.loads(cablelint(["check", "--format", "json", "sub/failing.txt"]).out)
    assert document["summary"]["unreadable_files"] == 1 and document["findings"] == []


def test_a_bad_configuration_deep_in_a_tree_still_gives_a_well_formed_report(cablelint: Invoke, work: Path) -> None:
    (work / "sub").mkdir()
    shutil.copy(FAILING, work / "sub" / "z.txt")
    (work / "sub" / "cablelint.toml").write_text("nonsense = 1\n")
    run = cablelint(["check", "--format", "json", "."])
    assert run.code == 2
    document = json.loads(run.out)
    assert [f["path"] for f in document["findings"]] == ["08STATE126440.txt", "failing.txt", "failing.txt"]
    assert document["summary"]["unreadable_files"] == 1
    assert run.err == f"sub: error: {work / 'sub' / 'cablelint.toml'}: nonsense: unknown key (allowed: " \
        "as-of, exclude, extend-select, fail-level, ignore, include, per-file-ignores, rules, select)\n"


def test_missing_config_file_option(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["check", "--config", "nope.toml", "failing.txt"])
    assert (run.code, run.err) == (2, "cablelint: error: nope.toml: configuration file not found\n")


def test_config_show_tells_where_each_value_comes_from(cablelint: Invoke, work: Path) -> None:
    (work / "pyproject.toml").write_text('[tool.cablelint]\nignore = ["NU001"]\nas-of = 2009-01-01\n'
                                         '[tool.cablelint.rules.PM003]\nseverity = "info"\n')
    run = cablelint(["config", "--show", "--fail-level", "warning", "failing.txt"])
    source = work / "pyproject.toml"
    assert (run.code, run.out) == (0, (
        f"# configuration file: {source}\n"
        "select = (defaults)  # default\n"
        "extend-select = (none)  # default\n"
        f"ignore = NU001  # {source}\n"
        "per-file-ignores = (none)  # default\n"
        f"rules = PM003 severity=info  # {source}\n"
        "include = *.txt, *.cable  # default\n"
        "exclude = (none)  # default\n"
        "fail-level = warning  # command line\n"
        f"as-of = 2009-01-01  # {source}\n"))


def test_config_show_without_a_file_and_the_schema(cablelint: Invoke, work: Path) -> None:
    assert cablelint(["config", "--show"]).out.startswith("# configuration file: (none: defaults)\n")
    schema = json.loads(cablelint(["config", "--schema"]).out)
    assert schema["title"] == "cablelint configuration"
    assert cablelint(["config"]).code == 2


def test_cli_module_does_not_import_lark_or_rules() -> None:
    import subprocess
    import sys

    code = ("import sys, checker.cli; bad = [m for m in sys.modules if m.split('.')[0] in "
            "('lark', 'jsonschema') or m.startswith('checker.rules') or m == 'checker.parse']; print(bad)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout == "[]\n"
    assert cli.name == "cablelint"


@pytest.mark.parametrize(
    ("args", "config", "expected"),
    [
        (["check", "clean.txt"], None, ["lark"]),  # no configuration file: no jsonschema
        (["check", "clean.txt"], 'ignore = ["NU001"]\n', ["lark"]),  # valid by the quick check
        (["check", "clean.txt"], 'ignore = ["NU999"]\n', ["jsonschema", "lark"]),  # jsonschema words the error
        (["rules"], None, []),  # the rulebook needs no parser
        (["explain", "PM001"], None, []),
        (["config", "--show"], None, []),
        (["--version"], None, []),
    ],
)
def test_heavy_modules_load_only_when_needed(work: Path, args: list[str], config: str | None,
                                             expected: list[str]) -> None:
    import subprocess
    import sys

    if config is not None:
        (work / "cablelint.toml").write_text(config)
    code = ("import sys\nfrom checker.cli import cli\ncli.main(sys.argv[1:], standalone_mode=False)\n"
            "print(sorted(m for m in ('lark', 'jsonschema') if m in sys.modules), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=work)
    assert proc.stderr.splitlines()[-1] == repr(expected)
