"""Output formats, fed hand-made results: exact text, valid json/sarif/junit, GitHub's caps."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from checker.api import FileResult
from checker.findings import Finding, Severity
from checker.formatters import FORMATS, FormatOptions, Summary, get
from checker.formatters.github import LIMIT
from checker.model import Span

ROOT = Path(__file__).parent.parent
FINDINGS_SCHEMA = json.loads((ROOT / "checker" / "schemas" / "findings.schema.json").read_text())
SARIF_SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text())


def finding(line: int, code: str = "PM001", severity: Severity = Severity.ERROR, path: str = "a.txt",
            message: str = "paragraph 2 has no portion marking", suggestion: str | None = None) -> Finding:
    rule = {"PM001": "portion-marking-missing", "BN004": "banner-above-portions", "NU001": "paragraph-numbering"}
    return Finding(Span(line, 3, line, 9), code, rule[code], severity, message, suggestion, path)


RESULTS = [
    FileResult("a.txt", (finding(4), finding(7, "BN004", Severity.WARNING, suggestion="SECRET")),
               fingerprints=("f1", "f2"), source_lines={4: "2. Paragraph text.", 7: "SECRET"}),
    FileResult("clean.txt"),
    FileResult("b dir/b.txt", (finding(2, "NU001", Severity.INFO, path="b dir/b.txt", message="paragraph 3 follows 1"),),
               fingerprints=("f3",)),
    FileResult("gone.txt", error="no such file or directory"),
]


def render(name: str, results: list[FileResult] = RESULTS, **options: bool) -> str:
    out = io.StringIO()
    formatter = get(name)(out, FormatOptions(**options))
    summary = Summary()
    formatter.start()
    for result in results:
        summary.add(result)
        formatter.file(result)
    formatter.finish(summary)
    return out.getvalue()


def test_text_format() -> None:
    assert render("text") == (
        "a.txt:4:3: PM001 [error] paragraph 2 has no portion marking (portion-marking-missing)\n"
        "a.txt:7:3: BN004 [warning] paragraph 2 has no portion marking (banner-above-portions)\n"
        "b dir/b.txt:2:3: NU001 [info] paragraph 3 follows 1 (paragraph-numbering)\n"
        "Found 3 findings (1 error, 1 warning, 1 info) in 2 of 3 files; 1 file could not be read.\n"
    )


def test_text_statistics_quiet_and_source() -> None:
    text = render("text", statistics=True, quiet=True, show_source=True)
    assert text == (
        "a.txt:4:3: PM001 [error] paragraph 2 has no portion marking (portion-marking-missing)\n"
        "    2. Paragraph text.\n"
        "      ^~~~~~\n"
        "a.txt:7:3: BN004 [warning] paragraph 2 has no portion marking (banner-above-portions)\n"
        "    SECRET\n"
        "      ^~~~~~\n"
        "    suggestion: SECRET\n"
        "b dir/b.txt:2:3: NU001 [info] paragraph 3 follows 1 (paragraph-numbering)\n"
        "     1  BN004  banner-above-portions\n"
        "     1  NU001  paragraph-numbering\n"
        "     1  PM001  portion-marking-missing\n"
    )


def test_text_never_passes_control_characters_to_the_terminal() -> None:
    hostile = Finding(Span(1, 1, 1, 3), "PM002", "portion-marking-invalid", Severity.ERROR,
                      "unknown token \x1b[2J in (S\x07)", "S\x1b]0;x", "a\x1b.txt")
    text = render("text", [FileResult("a", (hostile,), source_lines={1: "\t(S\x1b[2J)"})], show_source=True)
    assert "\x1b" not in text and "\x07" not in text
    assert text.splitlines()[:4] == [
        "a\\x1b.txt:1:1: PM002 [error] unknown token \\x1b[2J in (S\\x07) (portion-marking-invalid)",
        "     (S [2J)", "    ^~", "    suggestion: S\\x1b]0;x"]


def test_text_colour_is_ansi_only_when_asked() -> None:
    assert "\033[" not in render("text")
    coloured = render("text", color=True)
    assert "\033[31mPM001 [error]\033[0m" in coloured
    assert "\033[1ma.txt:4:3:\033[0m" in coloured


def test_text_summary_without_findings() -> None:
    assert render("text", [FileResult("a.txt")]) == "No findings in 1 file.\n"


def test_json_format_validates_and_carries_every_field() -> None:
    document = json.loads(render("json"))
    jsonschema.Draft202012Validator(FINDINGS_SCHEMA).validate(document)
    assert document["findings"][1] == {
        "path": "a.txt", "line": 7, "column": 3, "end_line": 7, "end_column": 9, "code": "BN004",
        "rule": "banner-above-portions", "severity": "warning",
        "message": "paragraph 2 has no portion marking", "suggestion": "SECRET"}
    assert document["summary"] == {
        "files": 4, "files_with_findings": 2, "unreadable_files": 1, "findings": 3,
        "by_severity": {"error": 1, "warning": 1, "info": 1}, "by_rule": {"BN004": 1, "NU001": 1, "PM001": 1}}


def test_json_format_with_no_findings_validates() -> None:
    document = json.loads(render("json", [FileResult("a.txt")]))
    jsonschema.Draft202012Validator(FINDINGS_SCHEMA).validate(document)
    assert document["findings"] == []


@pytest.mark.parametrize("results", [RESULTS, [FileResult("a.txt")]], ids=["findings", "clean"])
def test_sarif_validates_against_the_vendored_schema(results: list[FileResult]) -> None:
    document = json.loads(render("sarif", results))
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(document)


def test_sarif_results_rules_and_notifications() -> None:
    run = json.loads(render("sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == "PM001"
    assert first["partialFingerprints"] == {"cablelint/v1": "f1"}
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a.txt", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 4, "startColumn": 3, "endLine": 4, "endColumn": 9}}
    assert run["results"][2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "b%20dir/b.txt"
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    assert run["results"][1]["properties"] == {"suggestion": "SECRET"}
    assert run["invocations"] == [{"executionSuccessful": False, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": "gone.txt: no such file or directory"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "gone.txt", "uriBaseId": "%SRCROOT%"}}}]}]}]
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_rule_metadata_has_descriptions_help_and_level() -> None:
    from checker import registry

    rules = {rule["id"]: rule for rule in json.loads(render("sarif"))["runs"][0]["tool"]["driver"]["rules"]}
    for info in registry.all_rules():
        rule = rules[info.code]
        assert rule["name"] == info.name
        assert rule["shortDescription"]["text"] == info.summary
        assert rule["fullDescription"]["text"].startswith(info.doc.split("What it checks:")[1].split()[0])
        assert "References:" in rule["help"]["text"]  # the regulation
        assert rule["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            info.severity.label]


def test_github_annotations() -> None:
    assert render("github") == (
        "::error file=a.txt,line=4,endLine=4,col=3,endColumn=9,title=PM001 (portion-marking-missing)"
        "::PM001 paragraph 2 has no portion marking\n"
        "::warning file=a.txt,line=7,endLine=7,col=3,endColumn=9,title=BN004 (banner-above-portions)"
        "::BN004 paragraph 2 has no portion marking\n"
        "::notice file=b dir/b.txt,line=2,endLine=2,col=3,endColumn=9,title=NU001 (paragraph-numbering)"
        "::NU001 paragraph 3 follows 1\n"
    )


def test_github_escapes_properties_and_data() -> None:
    result = FileResult("x", (finding(1, path="a,b:c%.txt", message="100% of\nparagraphs"),))
    assert render("github", [result]).startswith(
        "::error file=a%2Cb%3Ac%25.txt,line=1,endLine=1,col=3,endColumn=9,title=PM001 (portion-marking-missing)"
        "::PM001 100%25 of%0Aparagraphs\n")


def test_control_characters_in_paths_stay_inert_in_github_and_junit() -> None:
    result = FileResult("evil\n::warning x\x1b[31m.txt", (finding(1, path="evil\n::warning x\x1b[31m.txt"),))
    github = render("github", [result])
    assert github.startswith("::error file=evil%0A%3A%3Awarning x\\x1b[31m.txt,line=1,")
    assert github.count("\n") == 1 and "\x1b" not in github
    junit = render("junit", [result])
    assert "\x1b" not in junit
    assert not any(line.lstrip().startswith("::") for line in junit.splitlines())
    assert ET.fromstring(junit).find("testsuite/testcase/failure").text.startswith("evil\\x0a::warning x\\x1b[31m.txt:1:3:")


def test_github_shows_most_severe_first_within_the_caps_and_counts_the_rest() -> None:
    findings = [finding(n, "NU001", Severity.INFO) for n in range(1, 13)]
    findings += [finding(n, "BN004", Severity.WARNING) for n in range(1, 4)]
    findings += [finding(n) for n in range(1, 15)]
    lines = render("github", [FileResult("a.txt", tuple(findings))]).splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds == ["::error"] * LIMIT + ["::warning"] * 3 + ["::notice"] * (LIMIT - 1) + ["::notice"]
    assert lines[-1] == ("::notice title=cablelint::7 more findings not shown as annotations (22 of 29 shown; "
                         "GitHub displays 10 per kind and step); use the sarif format for all of them")
    assert lines[0].startswith("::error file=a.txt,line=1,")


def test_junit_report() -> None:
    root = ET.fromstring(render("junit"))
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures"), s.get("errors")) for s in suites] == [
        ("a.txt", "2", "2", "0"), ("b dir/b.txt", "1", "1", "0"), ("gone.txt", "1", "0", "1")]
    case = suites[0].find("testcase")
    assert (case.get("name"), case.get("classname"), case.get("line")) == (
        "PM001 portion-marking-missing", "a.txt", "4")
    failure = case.find("failure")
    assert (failure.get("type"), failure.get("message")) == ("PM001", "paragraph 2 has no portion marking")
    assert suites[2].find("testcase/error").get("message") == "no such file or directory"


def test_junit_clean_run_has_one_passing_case() -> None:
    root = ET.fromstring(render("junit", [FileResult("a.txt")]))
    assert [c.get("name") for c in root.iter("testcase")] == ["No errors found"]
    assert root.find("testsuite/testcase/failure") is None


def test_every_format_module_is_registered_and_the_cli_offers_it() -> None:
    from checker import cli

    assert cli.FORMAT_NAMES == FORMATS
    for name in FORMATS:
        assert issubclass(get(name), get("text").__mro__[1])
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        get("xml")
