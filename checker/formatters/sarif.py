"""The sarif format: SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers.

Carries the rulebook (descriptions, the rule's documentation with its regulation as help,
default level) and, per result, a ``partialFingerprints`` value that identifies the finding
by what it is about rather than where it stands: the rule, the structural locus in the cable
(``paragraphs[3]``, ``banners[top]``...), the message with positions blanked, and an
occurrence count.  Editing lines above a finding therefore does not turn it into a "new"
alert.  Results are streamed; only unreadable-file notifications are held until the end.
No cable text is emitted (no snippets).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator
from urllib.parse import quote

from checker import __version__
from checker.findings import Finding, Severity
from checker.formatters import TOOL_NAME, Formatter, Summary

if TYPE_CHECKING:
    from checker.api import FileResult
    from checker.model import Cable

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "cablelint/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_KEY_FIELDS = ("number", "label", "kind", "role", "letter")
_POSITIONS = re.compile(r"\b(lines?|columns?|col)\s+\d+", re.IGNORECASE)


# --------------------------------------------------------------------------- fingerprints

def _parts(node: Any, locus: str) -> Iterator[tuple[str, Any]]:
    """Every model part with a span below ``node``, each with a locus that ignores lines."""
    for field in dataclasses.fields(node):
        value = getattr(node, field.name)
        if isinstance(value, tuple):
            seen: Counter[str] = Counter()
            for item in value:
                if dataclasses.is_dataclass(item) and hasattr(item, "span"):
                    key = next((str(getattr(item, k)) for k in _KEY_FIELDS if hasattr(item, k)), "")
                    seen[key] += 1
                    child = f"{locus}/{field.name}[{key}#{seen[key]}]"
                    yield child, item
                    yield from _parts(item, child)
        elif dataclasses.is_dataclass(value) and getattr(value, "span", None) is not None:
            child = f"{locus}/{field.name}"
            yield child, value
            yield from _parts(value, child)


def locus(parts: list[tuple[str, Any]], line: int) -> str:
    """The innermost part (of ``_parts``) covering ``line``, or the nearest part above plus an offset."""
    best, above = "", ("", 0)
    best_depth = -1
    for name, part in parts:
        span = part.span
        if span.line <= line <= span.end_line and name.count("/") > best_depth:
            best, best_depth = name, name.count("/")
        elif span.end_line < line and span.end_line >= above[1]:
            above = (name, span.end_line)
    return best or f"{above[0]}+{line - above[1]}"


def fingerprints(cable: "Cable", findings: list[Finding]) -> tuple[str, ...]:
    """A stable fingerprint per finding (see the module docstring)."""
    seen: Counter[tuple[str, ...]] = Counter()
    parts = list(_parts(cable, "")) if findings else []
    out = []
    for finding in findings:
        key = (finding.code, locus(parts, finding.span.line), _POSITIONS.sub(r"\1 #", finding.message),
               finding.suggestion or "")
        seen[key] += 1
        digest = hashlib.sha256("\x1f".join((*key, str(seen[key]))).encode("utf-8")).hexdigest()
        out.append(digest[:32])
    return tuple(out)


# --------------------------------------------------------------------------- document

def artifact_location(path: str) -> dict[str, str]:
    """A relative path against ``%SRCROOT%``; an absolute one as a ``file:`` URI."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(Path(path).as_posix()), "uriBaseId": "%SRCROOT%"}


def rule_descriptors() -> list[dict[str, Any]]:
    """``tool.driver.rules``: every registered rule plus the engine's internal-error rule."""
    from checker import registry

    rules = [{
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc_section(rule.doc, "What it checks") or rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
    } for rule in registry.all_rules()]
    rules.append({
        "id": registry.INTERNAL_ERROR_CODE,
        "name": registry.INTERNAL_ERROR_NAME,
        "shortDescription": {"text": "A rule failed on this input; report it as a cablelint bug."},
        "fullDescription": {"text": "A rule raised an exception; the other rules still ran."},
        "help": {"text": "Run cablelint with --verbose and report the rule and exception type."},
        "defaultConfiguration": {"level": "error"},
    })
    return rules


def doc_section(doc: str, heading: str) -> str:
    """The text under ``heading:`` in a rule docstring (indented lines), joined into one line."""
    lines = doc.splitlines()
    try:
        start = lines.index(f"{heading}:") + 1
    except ValueError:
        return ""
    body: list[str] = []
    for line in lines[start:]:
        if line.strip() and not line.startswith((" ", "\t")):
            break
        body.append(line.strip())
    return " ".join(part for part in body if part)


class SarifFormatter(Formatter):
    """One SARIF run, results streamed between the tool description and the invocation."""

    needs_fingerprints = True

    def start(self) -> None:
        rules = rule_descriptors()
        self._index = {rule["id"]: i for i, rule in enumerate(rules)}
        self._notifications: list[dict[str, Any]] = []
        self._first = True
        driver = {"name": TOOL_NAME, "version": __version__, "semanticVersion": __version__,
                  "informationUri": "https://github.com/cablelint/cablelint", "rules": rules}
        head = json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0"})[:-1]
        run = json.dumps({"tool": {"driver": driver}, "automationDetails": {"id": f"{TOOL_NAME}/"},
                          "columnKind": "unicodeCodePoints"})[:-1]
        self.out.write(f'{head}, "runs": [{run}, "results": [')

    def file(self, result: "FileResult") -> None:
        if result.error is not None:
            self._notifications.append({"level": "error", "message": {"text": f"{result.display}: {result.error}"},
                                        "locations": [{"physicalLocation": {
                                            "artifactLocation": artifact_location(result.display)}}]})
        for finding, fingerprint in zip(result.findings, result.fingerprints):
            self.out.write(("\n" if self._first else ",\n") + json.dumps(self._result(finding, fingerprint)))
            self._first = False

    def _result(self, finding: Finding, fingerprint: str) -> dict[str, Any]:
        span = finding.span
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "level": _LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact_location(finding.path or "-"),
                "region": {"startLine": span.line, "startColumn": span.column,
                           "endLine": span.end_line, "endColumn": span.end_column}}}],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        }
        if finding.code in self._index:
            result["ruleIndex"] = self._index[finding.code]
        if finding.suggestion:
            result["properties"] = {"suggestion": finding.suggestion}
        return result

    def finish(self, summary: Summary) -> None:
        invocation = {"executionSuccessful": summary.unreadable == 0,
                      "toolExecutionNotifications": self._notifications}
        self.out.write(("" if self._first else "\n") + '], "invocations": ' + json.dumps([invocation]) + "}]}\n")


FORMATTER = SarifFormatter
