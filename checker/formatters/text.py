"""The default human format: ``path:line:col: CODE [severity] message (rule-name)``.

One line per finding, the form editors and terminals turn into links; optional colour,
source context (``--show-source``, the only format that may show cable text), per-rule
statistics and a closing summary line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.findings import Finding, Severity
from checker.formatters import CONTROLS, Formatter, Summary, printable

if TYPE_CHECKING:
    from checker.api import FileResult

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}


def plural(count: int, word: str) -> str:
    """``plural(1, "file")`` -> ``1 file``; ``plural(2, "file")`` -> ``2 files``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextFormatter(Formatter):
    """Streams finding lines; statistics and the summary come at the end."""

    def _paint(self, text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if self.options.color else text

    def line(self, finding: Finding) -> str:
        """The one-line form of a finding."""
        span = finding.span
        where = self._paint(f"{printable(finding.path or '-')}:{span.line}:{span.column}:", _BOLD)
        code = self._paint(f"{finding.code} [{finding.severity.label}]", _COLOURS[finding.severity])
        return f"{where} {code} {printable(finding.message)} {self._paint(f'({finding.rule})', _DIM)}"

    def file(self, result: "FileResult") -> None:
        for finding in result.findings:
            self.out.write(self.line(finding) + "\n")
            if self.options.show_source and result.source_lines is not None:
                self._source(finding, result.source_lines)

    def _source(self, finding: Finding, lines: dict[int, str]) -> None:
        """The finding's line with a caret under its span (flake8's ``--show-source``)."""
        text = lines.get(finding.span.line)
        if text is None:
            return
        start = finding.span.column - 1
        end = finding.span.end_column - 1 if finding.span.end_line == finding.span.line else len(text)
        marker = " " * start + "^" + "~" * max(0, end - start - 1)
        shown = CONTROLS.sub(" ", text)  # one column per character, so the caret stays aligned
        self.out.write(f"    {shown}\n    {self._paint(marker, _COLOURS[finding.severity])}\n")
        if finding.suggestion:
            self.out.write(f"    suggestion: {printable(finding.suggestion)}\n")

    def finish(self, summary: Summary) -> None:
        if self.options.statistics:
            for (code, rule), count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                self.out.write(f"{count:>6}  {code}  {rule}\n")
        if self.options.quiet:
            return
        self.out.write(summary_line(summary) + "\n")


def summary_line(summary: Summary) -> str:
    """``Found 3 findings (1 error, 2 warnings) in 2 of 5 files.`` or ``No findings in 5 files.``"""
    checked = plural(summary.files - summary.unreadable, "file")
    unreadable = f"; {plural(summary.unreadable, 'file')} could not be read" if summary.unreadable else ""
    if not summary.findings:
        return f"No findings in {checked}{unreadable}."
    parts = ", ".join(_count(summary.by_severity[s], s) for s in sorted(Severity, reverse=True)
                      if summary.by_severity[s])
    return (f"Found {plural(summary.findings, 'finding')} ({parts}) in "
            f"{summary.files_with_findings} of {checked}{unreadable}.")


def _count(count: int, severity: Severity) -> str:
    """``2 errors``, ``1 warning``, ``3 info`` (info has no plural)."""
    return f"{count} info" if severity is Severity.INFO else plural(count, severity.label)


FORMATTER = TextFormatter
