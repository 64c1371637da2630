"""A classified cable with no declassification instruction.

What it checks:
    That a CONFIDENTIAL or higher cable has an E.O. line and that the line carries a
    declassification instruction (a date, an event, an exemption, or the schedule of the
    older orders), not ``N/A`` and not nothing.  When the publication cut the front matter
    short (a ``...`` cut in the addressee lines, the text ending inside the header) before
    the place of the E.O. line, which stands before TAGS, its absence is not judged.

Why it matters:
    The E.O. line is the only place a cable says when it may be released.  ``N/A`` is the
    form for unclassified traffic; on a classified cable it says the cable was never
    classified, and a missing instruction leaves the cable classified with no end date.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: N/A
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
    T-EO-1 and T-EO-2 (§4.1: N/A or no E.O. line on a classified cable is a hard error),
    M-CAB-3 (32 CFR 2001.21(a)(4)) in marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable
from checker.portions import banner_level, front_matter_cut_at, is_classified

CODE = "DC001"
NAME = "declassification-missing"
SEVERITY = "error"
SCOPE = ("banners", "eo")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    if not is_classified(cable):
        return
    level = banner_level(cable).label
    if cable.eo is None:
        cut = front_matter_cut_at(cable)
        if cut is not None and (cable.tags is None or cable.tags.span.line > cut):
            return  # the publication cut the lines the E.O. line stood on (it precedes TAGS)
        yield Problem(cable.banner.span, f"{level} cable has no E.O. line")
        return
    decl = cable.eo.declassify
    if decl is None or decl.kind == "empty":
        yield Problem(cable.eo.span, f"E.O. line of a {level} cable has no declassification instruction")
    elif decl.kind == "na":
        yield Problem(decl.span, f"E.O. line of a {level} cable says N/A instead of a declassification instruction")
