"""A declassification date on or before the cable's own date.

What it checks:
    That a declassification date on the E.O. line falls after the date of the cable's
    date-time group.  A release stamp (``DECLASSIFIED JUNE 21, 2006``) is not judged.

Why it matters:
    A cable declassified before it was sent was never validly classified: the date is a
    typo (a wrong year, a two-digit year read in the wrong century) or was copied from an
    old source cable without the required conversion.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2007
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (C) Text.

Passes:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (C) Text.

Options:
    None.

References:
    T-EO-5 (a DECL date must be later than the cable's DTG; §4.1 hard error), M-DER-4
    (IC Markings Manual §E.6: retired or lapsed source dates are converted, not copied) in
    marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker import eras
from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable

CODE = "DC004"
NAME = "declassification-before-origin"
SEVERITY = "error"
SCOPE = ("header", "eo")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    decl = cable.eo.declassify if cable.eo and not eras.is_release_stamp(cable.eo) else None
    if decl is None or decl.date is None or cable.date is None:
        return
    if decl.date <= cable.date:
        yield Problem(
            decl.span,
            f"declassification date {decl.date_raw or decl.date.isoformat()} is on or before the cable date {cable.date.isoformat()}",
        )
