"""A declassification instruction that is not a real date or not allowed in its era.

What it checks:
    The E.O. line's instruction: a date must be a calendar date (``13/45/2018`` is not);
    the form must be one the governing order allowed on the cable's date (``OADR`` only
    under E.O. 12356, ``X1``-``X8`` only under the original E.O. 12958 with a grace window
    to 2003-09-22, ``25X1-HUMAN`` replaced by ``50X1-HUM`` after 2012); exemption codes
    must be known; under E.O. 13526 a ``25X``/``50X``/``75X`` code needs a date or event
    and ``50X1-HUM`` takes none.  The governing order comes from the cable's date.  A
    release stamp (``E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006``) is not judged.

Why it matters:
    A declassification instruction that cannot be read or is no longer lawful leaves the
    cable's release date undefined: reviewers must then go back to the originator.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: OADR
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
    T-EO-4 and T-EO-5 (§4.1: impossible dates and tokens not valid for the order are hard
    errors), the token table of §1.5, M-DER-4 (IC Markings Manual §E.6), and
    eo_table.json ``decl_instruction_patterns`` in marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker import eras
from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable, Declassification

CODE = "DC002"
NAME = "declassification-invalid"
SEVERITY = "error"
SCOPE = ("header", "eo")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def _era_faults(decl: Declassification, era: eras.Era, cable: Cable) -> Iterator[tuple[str, str | None]]:
    for token, form in eras.instruction_forms(decl):
        rule = eras.allowed_form(era, form, cable.date)
        if rule is None:
            lapsed = era.forms.get(form)
            yield f"{token} not allowed under {era.label}", lapsed.replacement if lapsed else None
        elif rule.needs_date and decl.date is None and decl.event is None:
            yield f"{token} needs a date or event under {era.label}", None
        elif rule.forbids_date and (decl.date_raw is not None or decl.event is not None):
            yield f"{token} takes no date or event under {era.label}", None


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    decl = cable.eo.declassify if cable.eo and not eras.is_release_stamp(cable.eo) else None
    if decl is None:
        return
    if decl.date_raw is not None and decl.date is None:
        yield Problem(decl.span, f"declassification date {decl.date_raw} is not a calendar date")
    for code in decl.exemptions:
        if eras.exemption_form(code) is None:
            yield Problem(decl.span, f"unknown exemption code {code}")
    if decl.kind == "unknown":
        yield Problem(decl.span, "declassification instruction is not a date, event or exemption")
    if ctx.era is not None:
        for message, suggestion in _era_faults(decl, ctx.era, cable):
            yield Problem(decl.span, message, suggestion)
