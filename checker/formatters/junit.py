"""The junit format: JUnit XML for CI servers that read test reports.

Follows ruff's shape: one ``testsuite`` per file with findings, one failing ``testcase`` per
finding, an ``error`` test case for an unreadable file, and a single passing "No errors
found" case when there is nothing else (Jenkins rejects an empty report).  Streamed file by
file; no cable text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from checker.formatters import TOOL_NAME, Formatter, Summary, printable

if TYPE_CHECKING:
    from checker.api import FileResult

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _attr(text: str) -> str:
    """A quoted XML attribute with characters XML 1.0 cannot carry removed."""
    return quoteattr(_XML_INVALID.sub("", text))


class JunitFormatter(Formatter):
    """Writes a ``testsuite`` for each file with findings or a read error."""

    def start(self) -> None:
        self.out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name={_attr(TOOL_NAME)}>\n')
        self._written = False

    def file(self, result: "FileResult") -> None:
        if not result.findings and result.error is None:
            return
        self._written = True
        path = _attr(result.display)
        errors = int(result.error is not None)
        self.out.write(f'  <testsuite name={path} tests="{len(result.findings) + errors}" '
                       f'failures="{len(result.findings)}" errors="{errors}">\n')
        if result.error is not None:
            self.out.write(f'    <testcase name="read" classname={path}>'
                           f'<error message={_attr(result.error)}/></testcase>\n')
        for finding in result.findings:
            span = finding.span
            text = f"{result.display}:{span.line}:{span.column}: {finding.code} [{finding.severity.label}] " \
                   f"{finding.message} ({finding.rule})"
            self.out.write(
                f'    <testcase name={_attr(f"{finding.code} {finding.rule}")} classname={path} '
                f'file={path} line="{span.line}">\n'
                f'      <failure message={_attr(finding.message)} type={_attr(finding.code)}>'
                f'{escape(printable(text))}</failure>\n    </testcase>\n')
        self.out.write("  </testsuite>\n")

    def finish(self, summary: Summary) -> None:
        if not self._written:
            self.out.write(f'  <testsuite name={_attr(TOOL_NAME)} tests="1" failures="0" errors="0">\n'
                           f'    <testcase name="No errors found" classname={_attr(TOOL_NAME)}/>\n'
                           "  </testsuite>\n")
        self.out.write("</testsuites>\n")


FORMATTER = JunitFormatter
