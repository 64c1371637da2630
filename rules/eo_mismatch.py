"""The Executive Order cited is not the one in force on the cable's date.

What it checks:
    The order number on the E.O. line against the order that governed cables of the
    cable's date (era table of marking-rules.md §0.1).  Citing the predecessor within
    about six months of a changeover is accepted (offices kept old templates); a number
    that is no classification order at all (``E.O. 12598``) is reported too.  Cables
    without a date are not judged, nor a release stamp (``E.O. 12958: AS AMENDED;
    DECLASSIFIED JUNE 21, 2006`` on a 1972 cable), which cites the order of the release.

Why it matters:
    The order determines the valid reasons, declassification forms and durations; citing
    the wrong one usually means an outdated template, and its other markings then follow
    the wrong rules.

Fails:
    O 051200Z JAN 97
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12356: DECL: 01/05/2007
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (C) Text.

Passes:
    O 051200Z JAN 97
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 01/05/2007
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (C) Text.

Options:
    None.  The grace window after each changeover is data (checker/data/eras.json).

References:
    T-EO-3 (the order must be the governing one; predecessor within ~6 months is info,
    later a warning), era table §0.1 and §1.1 timeline (E.O. 12958 effective 1995-10-14;
    E.O. 13526 effective 2010-06-27) in marking-rules.md; eo_table.json ``era_lookup``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker import eras
from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable

CODE = "DC005"
NAME = "eo-mismatch"
SEVERITY = "warning"
SCOPE = ("header", "eo")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    era, eo = ctx.era, cable.eo
    if era is None or cable.date is None or eo is None or not eo.order or eo.order == era.order:
        return
    if eras.is_release_stamp(eo):
        return
    before = eras.predecessor(era)
    grace = dt.timedelta(days=era.predecessor_grace_days)
    if before is not None and eo.order == before.order and cable.date <= era.start + grace:
        return
    cited = "cited but" if eras.eras_citing(eo.order) else "is not a classification order;"
    yield Problem(
        eo.span,
        f"E.O. {eo.order} {cited} E.O. {era.order} governs cables dated {cable.date.isoformat()}",
        f"E.O. {era.order}",
    )
