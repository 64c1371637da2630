"""A declassification date beyond the maximum the governing order allows.

What it checks:
    A declassification date on the E.O. line against the cable's date plus the longest
    duration the governing order allows without an exemption: 10 years under the original
    E.O. 12958, 25 years under E.O. 12958 as amended and E.O. 13526, 20 years under
    E.O. 12065, 30 under E.O. 11652.  Instructions that carry an exemption code (``X1``,
    ``25X1``...) are exempt from the limit, and a day's grace allows for posts that date a
    cable locally, a day after its Zulu DTG.  The suggestion is the latest allowed date.

Why it matters:
    Classification lasts only as long as the order permits; a date past the limit keeps
    information secret longer than the law allows, unless an exemption is stated.  Real
    cables do this often enough that it is a warning.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2048
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (C) Text.

Passes:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2033
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (C) Text.

Options:
    None.

References:
    T-EO-5 (upper bound is a warning), §1.4 duration table (E.O. 12958 §1.6; 32 CFR
    2001.12(a); E.O. 13526 §1.5(a)-(b)), §4.2 in marking-rules.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from checker import eras
from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable

CODE = "DC003"
NAME = "declassification-exceeds-limit"
SEVERITY = "warning"
SCOPE = ("header", "eo")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}

_YEAR_FIRST = re.compile(r"^\d{4}")
#: The DTG is Zulu time; posts east of Greenwich date the cable a day later locally.
_LOCAL_DATE = dt.timedelta(days=1)


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    decl = cable.eo.declassify if cable.eo and not eras.is_release_stamp(cable.eo) else None
    era, origin = ctx.era, cable.date
    if decl is None or decl.date is None or era is None or origin is None or decl.exemptions:
        return
    latest = eras.latest_declassification(era, origin)
    if latest is None or decl.date <= latest + _LOCAL_DATE:
        return
    pattern = "%Y/%m/%d" if _YEAR_FIRST.match(decl.date_raw or "") else "%m/%d/%Y"
    allowed = latest.strftime(pattern)
    yield Problem(
        decl.span,
        f"declassification date {decl.date_raw or decl.date.isoformat()} is after {allowed}, "
        f"the {era.max_years}-year limit of {era.label}",
        allowed,
    )
