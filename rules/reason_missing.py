"""A classified cable (from E.O. 12958 on) without classification reasons.

What it checks:
    That a CONFIDENTIAL or higher cable dated from 1995-10-14 states its reason for
    classification (``Reasons: 1.4 (b) and (d)``) on its classification-authority line.
    A cable without that line is reported on the banner, where the published text still
    shows the place the line stands in (after SUBJECT and REF; see classified-by-missing).
    A line cut short by the source
    (``Classified By: Ambass...``) or stating a derivative classification (``Derived from
    DSCG 05-01``, which cites a source instead of a reason) is not judged.

Why it matters:
    Since E.O. 12958 an original classification must cite the category that justifies it;
    reviewers and declassifiers weigh the cable against that category.  Omissions are
    common in genuine cables, hence a warning (§4.2).

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    Classified By: PM DAS A. Officer.

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
    M-CAB-2 (32 CFR 2001.21(a)(3); only from E.O. 12958), T-CB-1, T-CB-4, §4.2 in
    marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable
from checker.portions import authority_judgeable, authority_place_shown, banner_level, is_classified

CODE = "CA002"
NAME = "reason-missing"
SEVERITY = "warning"
SCOPE = ("header", "banners", "eo", "authority")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    if ctx.era is None or not ctx.era.authority_required or not is_classified(cable):
        return
    if cable.authority is None:
        if not authority_place_shown(cable):  # the publication lost the lines it stood among
            return
        yield Problem(cable.banner.span, f"{banner_level(cable).label} cable has no classification reason")
    elif cable.authority.reasons is None and authority_judgeable(cable):
        yield Problem(cable.authority.span, "Classified By line gives no reason")
