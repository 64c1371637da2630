"""The json format: a versioned document described by ``checker/schemas/findings.schema.json``.

Written as the run goes (the opening, one finding per line, then the summary), so a run over
many files holds nothing but counts.  Carries positions, codes, messages and suggestions,
never cable text.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from checker import __version__
from checker.formatters import JSON_SCHEMA_VERSION, TOOL_NAME, Formatter, Summary, finding_dict

if TYPE_CHECKING:
    from checker.api import FileResult


class JsonFormatter(Formatter):
    """``{"schema_version", "tool", "findings": [...], "summary"}``, streamed."""

    def start(self) -> None:
        head = {"schema_version": JSON_SCHEMA_VERSION, "tool": {"name": TOOL_NAME, "version": __version__}}
        self.out.write(json.dumps(head)[:-1] + ', "findings": [')
        self._first = True

    def file(self, result: "FileResult") -> None:
        for finding in result.findings:
            self.out.write(("\n  " if self._first else ",\n  ") + json.dumps(finding_dict(finding)))
            self._first = False

    def finish(self, summary: Summary) -> None:
        self.out.write(("" if self._first else "\n") + '], "summary": ' + json.dumps(summary.as_dict()) + "}\n")


FORMATTER = JsonFormatter
