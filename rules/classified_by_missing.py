"""A classified cable (from E.O. 12958 on) without a classification-authority line.

What it checks:
    That a CONFIDENTIAL or higher cable dated from 1995-10-14 carries a ``Classified By:``
    line, and that the line names the classifier.  Older orders put no such line on cables,
    and unclassified cables need none.  A missing line is reported on the banner.  A line
    cut short by the source (``Classified By: ...``) or stating a derivative classification
    is not judged for its name.

Why it matters:
    The classifier's identity is what makes a classification decision accountable and
    reviewable; without it nobody can be asked to justify, extend or lift it.  Many genuine
    cables omit it, hence a warning (§4.2).

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
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

    Classified By: PM DAS A. Officer for Reasons: 1.4 (b) and (d)

    1. (C) Text.

Options:
    None.

References:
    M-CAB-1 (32 CFR 2001.21(a)(1)-(2)), T-CB-1 (5 FAH-1 H-240), T-CB-4 (none before
    1995-10-14; 22 CFR 9.12), M-CAB-5, §4.2 in marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable
from checker.portions import authority_judgeable, authority_place_shown, banner_level, is_classified

CODE = "CA001"
NAME = "classified-by-missing"
SEVERITY = "warning"
SCOPE = ("header", "banners", "eo", "authority")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    if ctx.era is None or not ctx.era.authority_required or not is_classified(cable):
        return
    if cable.authority is None:
        if not authority_place_shown(cable):  # the publication lost the lines it stood among
            return
        yield Problem(cable.banner.span, f"{banner_level(cable).label} cable has no Classified By line")
    elif not cable.authority.by and authority_judgeable(cable):
        yield Problem(cable.authority.span, "Classified By line names no classifier")
