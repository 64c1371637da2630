"""The github format: workflow commands that GitHub Actions turns into annotations.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and silently
drops the rest, so this format keeps the first ones of each kind (in file order), emits the
most severe kind first, and ends with a notice counting what was left out.  Only positions,
codes, rule names and messages are emitted, never cable text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.findings import Finding, Severity
from checker.formatters import Formatter, Summary, printable

if TYPE_CHECKING:
    from checker.api import FileResult

#: Annotations GitHub displays per kind and step.
LIMIT = 10
_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow-command message; other control characters become ``\\x1b``, so
    neither a forged command nor a terminal escape can reach the CI log."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a workflow-command property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    """``::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message``."""
    span = finding.span
    props = (f"file={escape_property(finding.path or '-')},line={span.line},endLine={span.end_line},"
             f"col={span.column},endColumn={span.end_column},"
             f"title={escape_property(f'{finding.code} ({finding.rule})')}")
    return f"::{_COMMANDS[finding.severity]} {props}::{escape_data(f'{finding.code} {finding.message}')}"


class GithubFormatter(Formatter):
    """Keeps up to :data:`LIMIT` findings per severity and counts the others."""

    def start(self) -> None:
        self._kept: dict[Severity, list[Finding]] = {severity: [] for severity in Severity}
        self._dropped = 0

    def file(self, result: "FileResult") -> None:
        for finding in result.findings:
            kept = self._kept[finding.severity]
            if len(kept) < LIMIT:
                kept.append(finding)
            else:
                self._dropped += 1

    def finish(self, summary: Summary) -> None:
        notices = self._kept[Severity.INFO]
        if self._dropped and len(notices) == LIMIT:
            notices.pop()  # make room: the closing notice is itself one of the ten
            self._dropped += 1
        for severity in sorted(Severity, reverse=True):
            for finding in self._kept[severity]:
                self.out.write(command(finding) + "\n")
        if self._dropped:
            shown = summary.findings - self._dropped
            self.out.write(f"::notice title=cablelint::{self._dropped} more findings not shown as "
                           f"annotations ({shown} of {summary.findings} shown; GitHub displays {LIMIT} "
                           f"per kind and step); use the sarif format for all of them\n")


FORMATTER = GithubFormatter
