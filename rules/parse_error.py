"""Text the grammar could not place.

What it checks:
    Every spot where the cable grammar could not assign text to a known part of a telegram
    (header, banner, captions, E.O. line, TAGS, SUBJECT, authority, paragraphs).

Why it matters:
    Rules judge the parsed model.  Text the parser could not place is text no other rule
    has looked at, so a clean result would not mean the markings are right.

Fails:
    UNCLAS STATE 000001

    1. (U) Text.
    VZCZCXYZ0006

Passes:
    UNCLAS STATE 000001

    1. (U) Text.

Options:
    None.

References:
    T-CL-1 (every telegram has a classification line the reader can find) and §5 of
    marking-rules.md; 5 FAH-2 H-222.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable

CODE = "SY001"
NAME = "parse-error"
SEVERITY = "error"
SCOPE = ("parse_errors",)
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    for error in cable.parse_errors:
        yield Problem(error.span, error.message)
