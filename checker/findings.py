"""Findings: what a rule reports, once the engine has stamped it.

Rules yield :class:`Problem` (a span, a message, an optional suggestion); the engine turns
each into a :class:`Finding` with the rule's code, name and configured severity.  Messages
are short, lower case, without a final period, and never quote paragraph text: machine
outputs may end up on a lower-classification system.
"""

from __future__ import annotations

from enum import IntEnum

from checker.dataclass_code import frozen_dataclass
from checker.model import Span


class Severity(IntEnum):
    """Finding severities, ordered so that ``>=`` compares against a fail level."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        """Lower-case name used in output and configuration: ``error``."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        """``"warning"`` -> ``Severity.WARNING``; raises ``ValueError`` on anything else."""
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}") from None


@frozen_dataclass
class Problem:
    """What a rule yields: where, what, and the computed right value if there is one.

    ``severity`` is set only when one rule grades its problems differently (by era, say:
    an unmarked paragraph is an error from 1995 but a warning in a 1980s cable); the engine
    uses it unless the user configured the rule's severity.
    """

    span: Span
    message: str
    suggestion: str | None = None
    severity: Severity | None = None


@frozen_dataclass(order=True)
class Finding:
    """A stamped problem.  Ordered by (line, column, code) within a file."""

    span: Span
    code: str
    rule: str
    severity: Severity
    message: str
    suggestion: str | None = None
    path: str | None = None
