"""``cablelint check`` end to end, through click's CliRunner and through a real subprocess.

Every scenario that matters to a user runs both ways (the ``cablelint`` fixture): the exit
code, standard output and standard error are asserted exactly where they are stable.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "08STATE126440.txt"
CLEAN = FIXTURES / "cli" / "clean.txt"
FAILING = FIXTURES / "cli" / "failing.txt"
FINDINGS_SCHEMA = json.loads((Path(__file__).parent.parent / "checker/schemas/findings.schema.json").read_text())
SARIF_SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text())

FAILING_LINES = (
    "failing.txt:9:1: BN003 [error] banner CONFIDENTIAL is below SECRET required by ¶1 (S) (banner-below-portion)\n"
    "failing.txt:21:1: PM001 [error] ¶2 has no portion marking (portion-marking-missing)\n"
)


@dataclass
class Run:
    code: int
    out: str
    err: str


Invoke = Callable[..., Run]


def _clean_env(env: dict[str, str] | None) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in {"GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"}}
    return {**base, **(env or {})}


def via_runner(args: list[str], stdin: bytes | None = None, env: dict[str, str] | None = None) -> Run:
    old = {k: os.environ.pop(k) for k in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR") if k in os.environ}
    try:
        result = CliRunner().invoke(cli, args, input=stdin, env=env, catch_exceptions=False)
    finally:
        os.environ.update(old)
    return Run(result.exit_code, result.stdout, result.stderr)


def via_subprocess(args: list[str], stdin: bytes | None = None, env: dict[str, str] | None = None) -> Run:
    proc = subprocess.run([sys.executable, "-m", "checker", *args], input=stdin or b"", capture_output=True,
                          env=_clean_env(env), timeout=120)
    return Run(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


@pytest.fixture(params=[via_runner, via_subprocess], ids=["runner", "subprocess"])
def cablelint(request: pytest.FixtureRequest) -> Invoke:
    return request.param


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch repository holding copies of the fixtures, as the current directory."""
    (tmp_path / ".git").mkdir()
    for source in (CLEAN, FAILING, SEED):
        shutil.copy(source, tmp_path / source.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------- exit codes

def test_seed_prints_its_warning_and_exits_0(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["check", "08STATE126440.txt"])
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        "08STATE126440.txt:20:1: PM003 [warning] subject line has no portion marking (subject-marking-missing)\n"
        "Found 1 finding (1 warning) in 1 of 1 file.\n")


def test_a_mutated_seed_exits_1(cablelint: Invoke, work: Path) -> None:
    """The seed with its second paragraph's portion mark removed (issue 4, what it must show)."""
    text = (work / "08STATE126440.txt").read_text()
    assert "[1](#)2. (C) " in text
    (work / "mutated.txt").write_text(text.replace("[1](#)2. (C) ", "[1](#)2. ", 1))
    run = cablelint(["check", "-q", "mutated.txt"])
    assert (run.code, run.out) == (1, (
        "mutated.txt:20:1: PM003 [warning] subject line has no portion marking (subject-marking-missing)\n"
        "mutated.txt:27:1: PM001 [error] ¶2 has no portion marking (portion-marking-missing)\n"))


def test_findings_at_the_fail_level_exit_1(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["check", "failing.txt"])
    assert (run.code, run.err) == (1, "")
    assert run.out == FAILING_LINES + "Found 2 findings (2 errors) in 1 of 1 file.\n"


def test_fail_level_and_exit_zero(cablelint: Invoke, work: Path) -> None:
    assert cablelint(["check", "--fail-level", "warning", "08STATE126440.txt"]).code == 1
    assert cablelint(["check", "--exit-zero", "failing.txt"]).code == 0
    assert cablelint(["check", "--exit-zero", "missing.txt"]).code == 2  # errors stay errors


def test_clean_cable(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["check", "clean.txt"])
    assert (run.code, run.out, run.err) == (0, "No findings in 1 file.\n", "")


def test_an_unreadable_file_is_reported_and_the_others_still_checked(cablelint: Invoke, work: Path) -> None:
    (work / "binary.txt").write_bytes(b"\x00\x01\x02")
    run = cablelint(["check", "-q", "missing.txt", "failing.txt", "binary.txt", "clean.txt"])
    assert run.code == 2
    assert run.out == FAILING_LINES
    assert run.err == ("missing.txt: error: no such file or directory\n"
                       "binary.txt: error: binary data (NUL bytes), not a text cable\n")


def test_control_characters_in_a_file_name_are_escaped_on_stderr(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["check", "missing\x1b[2J.txt"])
    assert (run.code, run.err) == (2, "missing\\x1b[2J.txt: error: no such file or directory\n")


def test_usage_errors_exit_2_with_one_line(cablelint: Invoke, work: Path) -> None:
    cases = {
        ("check", "--bogus"): "cablelint: error: No such option '--bogus'.",
        ("check", "--format", "xml", "x"): "cablelint: error: Invalid value for '--format': 'xml' is not one of "
                                           "'text', 'json', 'sarif', 'github', 'junit'. (see 'cablelint check --help')\n",
        ("check", "--format", "json", "--show-source", "x"): "cablelint: error: --show-source applies to the text "
                                                             "format only (see 'cablelint check --help')\n",
        ("check", "--select", "XX", "x"): "cablelint: error: --select: unknown rule selector 'XX'; use ALL, a code",
        ("check", "-o", "no/such/dir/out.json", "clean.txt"): "cablelint: error: cannot write no/such/dir/out.json: "
                                                             "no such file or directory\n",
        ("check", "--as-of", "yesterday", "x"): "cablelint: error: Invalid value for '--as-of': 'yesterday' does not "
                                               "match the format '%Y-%m-%d'. (see 'cablelint check --help')\n",
    }
    for args, message in cases.items():
        run = cablelint(list(args))
        assert (run.code, run.out) == (2, ""), args
        assert run.err.startswith(message), args
        assert run.err.count("\n") == 1, args


def test_internal_error_is_one_line_and_details_need_verbose(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.parse

    def broken(text: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(checker.parse, "parse_cable", broken)
    run = via_runner(["check", "--jobs", "1", "clean.txt"])
    assert (run.code, run.err) == (2, "clean.txt: error: internal error: RuntimeError (run with --verbose for details)\n")
    verbose = via_runner(["check", "--jobs", "1", "--verbose", "clean.txt"])
    assert "Traceback (most recent call last)" in verbose.err


# --------------------------------------------------------------------------- inputs

def test_standard_input_with_and_without_a_name(cablelint: Invoke, work: Path) -> None:
    data = FAILING.read_bytes()
    named = cablelint(["check", "-q", "--stdin-filename", "cables/x.txt", "-"], stdin=data)
    assert (named.code, named.out) == (1, FAILING_LINES.replace("failing.txt", "cables/x.txt"))
    unnamed = cablelint(["check", "-q", "-"], stdin=data)
    assert unnamed.out == FAILING_LINES.replace("failing.txt", "-")


def test_decoding_notes_go_to_stderr_for_files_and_stdin(cablelint: Invoke, work: Path) -> None:
    data = CLEAN.read_text().replace("Synthetic text", "Caf\u00e9 \u201ctext\u201d").encode("cp1252")
    (work / "cp1252.txt").write_bytes(data)
    run = cablelint(["check", "cp1252.txt", "-"], stdin=data)
    assert (run.code, run.err) == (0, "cp1252.txt: note: not valid UTF-8, decoded as cp1252\n"
                                      "-: note: not valid UTF-8, decoded as cp1252\n")
    assert cablelint(["check", "-q", "cp1252.txt"]).err == ""


def test_directories_are_searched_in_order(cablelint: Invoke, work: Path) -> None:
    (work / "sub").mkdir()
    shutil.copy(FAILING, work / "sub" / "again.cable")
    (work / "notes.md").write_text("not a cable")
    run = cablelint(["check", "."])
    assert run.code == 1
    assert run.out.splitlines()[0].startswith("08STATE126440.txt:20:1: PM003")
    assert [line.split(":")[0] for line in run.out.splitlines()[:-1]] == [
        "08STATE126440.txt", "failing.txt", "failing.txt", "sub/again.cable", "sub/again.cable"]
    assert run.out.splitlines()[-1] == "Found 5 findings (4 errors, 1 warning) in 3 of 4 files."


def test_no_cables_found_is_a_warning_not_an_error(cablelint: Invoke, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cablelint(["check", "."])
    assert (run.code, run.out, run.err) == (0, "No findings in 0 files.\n",
                                            "cablelint: warning: no cables found in the given paths\n")


# --------------------------------------------------------------------------- formats

def test_json_output_validates(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["check", "--format", "json", "failing.txt", "clean.txt"])
    document = json.loads(run.out)
    jsonschema.Draft202012Validator(FINDINGS_SCHEMA).validate(document)
    assert [(f["code"], f["line"], f["column"]) for f in document["findings"]] == [("BN003", 9, 1), ("PM001", 21, 1)]
    assert document["summary"]["files"] == 2 and run.code == 1


def test_sarif_output_validates_and_goes_to_the_output_file(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["check", "--format", "sarif", "-o", "out.sarif", "failing.txt", "08STATE126440.txt"])
    assert (run.code, run.out, run.err) == (1, "", "")
    document = json.loads((work / "out.sarif").read_text())
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(document)
    results = document["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["BN003", "PM001", "PM003"]
    assert all(len(r["partialFingerprints"]["cablelint/v1"]) == 32 for r in results)


def test_github_format_is_automatic_on_github_actions(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["check", "failing.txt"], env={"GITHUB_ACTIONS": "true"})
    assert run.out.splitlines()[1] == (
        "::error file=failing.txt,line=21,endLine=21,col=1,endColumn=29,title=PM001 (portion-marking-missing)::"
        "PM001 ¶2 has no portion marking")
    assert all(line.startswith("::error file=failing.txt,") for line in run.out.splitlines())
    assert cablelint(["check", "--format", "text", "failing.txt"], env={"GITHUB_ACTIONS": "true"}).out == (
        FAILING_LINES + "Found 2 findings (2 errors) in 1 of 1 file.\n")


def test_junit_output(cablelint: Invoke, work: Path) -> None:
    root = ET.fromstring(cablelint(["check", "--format", "junit", "failing.txt"]).out)
    assert [case.get("name") for case in root.iter("testcase")] == [
        "BN003 banner-below-portion", "PM001 portion-marking-missing"]


def test_colour_only_when_asked_or_on_a_terminal(cablelint: Invoke, work: Path) -> None:
    assert "\033[" not in cablelint(["check", "failing.txt"]).out  # not a terminal
    assert "\033[31m" in cablelint(["check", "--color", "always", "failing.txt"]).out
    assert "\033[" not in cablelint(["check", "failing.txt"], env={"NO_COLOR": "1", "FORCE_COLOR": ""}).out


def test_statistics_and_show_source(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["check", "-q", "--statistics", "--show-source", "failing.txt"])
    assert run.out == (
        FAILING_LINES.splitlines()[0] + "\n    C O N F I D E N T I A L STATE 126440\n    ^" + "~" * 35
        + "\n    suggestion: SECRET\n"
        + FAILING_LINES.splitlines()[1] + "\n    2. Synthetic text for tests.\n    ^" + "~" * 27 + "\n"
        "     1  BN003  banner-below-portion\n     1  PM001  portion-marking-missing\n")


def test_no_cable_text_in_machine_formats(cablelint: Invoke, work: Path) -> None:
    """A unique word planted in every paragraph must never reach json, sarif or github output."""
    secret = "XYZZYPLUGH"
    lines = [f"{line} {secret} {secret.lower()}" if line[:2] in {"1.", "2.", "SU"} else line
             for line in FAILING.read_text().splitlines()]
    (work / "planted.txt").write_text("\n".join(lines) + "\n")
    for fmt in ("json", "sarif", "github"):
        run = cablelint(["check", "--format", fmt, "planted.txt"])
        assert run.code == 1 and run.out, fmt
        assert secret.lower() not in (run.out + run.err).lower(), fmt


def test_sarif_fingerprints_survive_lines_moving_above(work: Path) -> None:
    moved = FAILING.read_text().replace("SIPDIS\n", "SIPDIS\n\n\n\n")
    (work / "moved.txt").write_text(moved)

    def prints(name: str) -> list[tuple[str, int, str]]:
        run = via_runner(["check", "--format", "sarif", "--stdin-filename", "same.txt", "-"],
                         stdin=(work / name).read_bytes())
        return [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
                 r["partialFingerprints"]["cablelint/v1"]) for r in json.loads(run.out)["runs"][0]["results"]]

    before, after = prints("failing.txt"), prints("moved.txt")
    assert [line for _, line, _ in after] == [9, 24]  # the PM001 finding moved down three lines
    assert [(code, fp) for code, _, fp in before] == [(code, fp) for code, _, fp in after]


# --------------------------------------------------------------------------- parallel runs

def test_jobs_output_is_identical_to_serial(work: Path) -> None:
    for n in range(30):
        shutil.copy([FAILING, CLEAN, SEED][n % 3], work / f"c{n:02}.txt")
    (work / "c15.txt").write_bytes(b"\x00")
    stdin = FAILING.read_bytes()  # standard input is read by the main process, in its place in the order
    for fmt in ("text", "json", "sarif"):
        serial = via_subprocess(["check", "--jobs", "1", "--format", fmt, ".", "-", "c00.txt"], stdin=stdin)
        parallel = via_subprocess(["check", "--jobs", "2", "--format", fmt, ".", "-", "c00.txt"], stdin=stdin)
        assert (parallel.code, parallel.out, parallel.err) == (serial.code, serial.out, serial.err), fmt
        assert serial.code == 2 and "c15.txt: error: binary data" in serial.err
        if fmt == "text":  # the stdin findings come between the directory's and c00.txt's
            assert "\n-:21:1: PM001 [error] ¶2 has no portion marking (portion-marking-missing)\nc00.txt:9:1: BN003" in serial.out


def test_the_report_file_is_not_checked_as_a_cable(cablelint: Invoke, work: Path) -> None:
    run = cablelint(["check", "--format", "junit", "-o", "report.txt", "."])
    assert (run.code, run.err) == (1, "")
    assert "report.txt" not in (work / "report.txt").read_text()


def test_a_run_writes_nothing_but_the_output_file(work: Path) -> None:
    before = sorted(p.relative_to(work) for p in work.rglob("*"))
    via_subprocess(["check", "--jobs", "2", "--format", "json", "-o", "report.json", "."])
    after = sorted(p.relative_to(work) for p in work.rglob("*"))
    assert sorted(set(after) - set(before)) == [Path("report.json")]
