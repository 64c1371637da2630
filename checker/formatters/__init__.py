"""Output formats: one module per format, each naming its :class:`Formatter` subclass ``FORMATTER``.

Formatters stream: the run calls :meth:`Formatter.start`, then :meth:`Formatter.file` once
per checked input in order, then :meth:`Formatter.finish` with the :class:`Summary`.  A
format holds only what it must (GitHub's capped annotations, SARIF's run-level
notifications), so memory stays flat however many files are checked.  Modules are imported
only when their format is asked for.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from checker.findings import Finding, Severity

if TYPE_CHECKING:
    from checker.api import FileResult

#: Format names, the default first.
FORMATS = ("text", "json", "sarif", "github", "junit")
#: Version of the json output's shape, bumped on any incompatible change.
JSON_SCHEMA_VERSION = 1
TOOL_NAME = "cablelint"


@dataclass(frozen=True)
class FormatOptions:
    """Presentation choices made once by the command line."""

    color: bool = False
    show_source: bool = False
    statistics: bool = False
    quiet: bool = False


@dataclass
class Summary:
    """Counts over a whole run, built as results stream past."""

    files: int = 0
    files_with_findings: int = 0
    unreadable: int = 0
    by_severity: Counter[Severity] = field(default_factory=Counter)
    by_rule: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, result: "FileResult") -> None:
        """Count one file's result."""
        self.files += 1
        if result.error is not None:
            self.unreadable += 1
        if result.findings:
            self.files_with_findings += 1
        for finding in result.findings:
            self.by_severity[finding.severity] += 1
            self.by_rule[(finding.code, finding.rule)] += 1

    @property
    def findings(self) -> int:
        """Total number of findings."""
        return sum(self.by_severity.values())

    def as_dict(self) -> dict[str, object]:
        """The ``summary`` object of the json output."""
        return {
            "files": self.files,
            "files_with_findings": self.files_with_findings,
            "unreadable_files": self.unreadable,
            "findings": self.findings,
            "by_severity": {s.label: self.by_severity[s] for s in sorted(Severity, reverse=True)},
            "by_rule": {code: n for (code, _), n in sorted(self.by_rule.items())},
        }


class Formatter:
    """Base of every format: writes to ``out``; subclasses override what they need."""

    #: Whether this format needs per-finding fingerprints (computed where the cable is).
    needs_fingerprints = False

    def __init__(self, out: TextIO, options: FormatOptions = FormatOptions()) -> None:
        self.out = out
        self.options = options

    def start(self) -> None:
        """Called once before the first file."""

    def file(self, result: "FileResult") -> None:
        """Called once per input, in command-line order."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last file."""


#: C0 and C1 control characters (and DEL), which must never reach a terminal raw.
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Control characters as ``\\x1b``: a hostile cable or file name must not drive a terminal."""
    return CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def get(name: str) -> type[Formatter]:
    """The formatter class of format ``name`` (one of :data:`FORMATS`)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; choose from {', '.join(FORMATS)}")
    return importlib.import_module(f"checker.formatters.{name}").FORMATTER


def finding_dict(finding: Finding) -> dict[str, object]:
    """One finding as the json output carries it: positions, codes, message, suggestion."""
    span = finding.span
    return {
        "path": finding.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.label,
        "message": finding.message,
        "suggestion": finding.suggestion,
    }
