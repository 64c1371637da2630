"""A date-time group that is malformed, impossible, or disagrees with the DE line.

What it checks:
    The header's date-time group (``O 011943Z DEC 08``) must be a real date and time, not
    later than today (``as-of``), and the Julian day of the ``DE`` line (``3361951`` is day
    336, 1951Z) must not be more than a day before it (a message cannot be filed before it
    was written) nor more than ``max-filing-delay-days`` after it.  Filing before the DTG is
    an error; filing long after it a warning (a retransmission), and not reported when the
    DTG line carries an ACP service signal such as ``ZDS``.

Why it matters:
    The DTG is the cable's date of origin: every date rule (the governing order, the
    declassification limits) is computed from it, and it is how the cable is cited.

Fails:
    VZCZCXYZ0005
    OO RUEHWEB
    DE RUEHC #6440 3301951
    ZNY CCCCC ZZH
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO RUEHVB/AMEMBASSY ZAGREB IMMEDIATE 0000

    C O N F I D E N T I A L STATE 126440

Passes:
    VZCZCXYZ0005
    OO RUEHWEB
    DE RUEHC #6440 3361951
    ZNY CCCCC ZZH
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO RUEHVB/AMEMBASSY ZAGREB IMMEDIATE 0000

    C O N F I D E N T I A L STATE 126440

Options:
    max-filing-delay-days (integer, default 7): how many days after the DTG the DE line's
    filing day may fall (retransmissions are filed later).

References:
    T-H-3 and T-H-6 (ACP 127 US Supp-1; 5 FAH-2 H-320), T-H-X and §4.1 (invalid DTG, or
    FL3 filing date more than a day before the DTG, is a hard error), M-CAB-6 in
    marking-rules.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem, Severity
from checker.model import Cable, DeLine

CODE = "HD001"
NAME = "dtg-invalid"
SEVERITY = "error"
SCOPE = ("header",)
#: An ACP 127 operating signal after the DTG (``ZDS``...) marks a retransmission.
_SERVICE_SIGNAL = re.compile(r"\bZ[A-Z]{2}\b")

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "max-filing-delay-days": {
            "type": "integer",
            "minimum": 0,
            "default": 7,
            "description": "days after the DTG that the DE line's Julian filing day may fall",
        }
    },
}


def _filing_offset(de: DeLine, written: dt.date) -> int | None:
    """Days from the DTG's date to the DE line's Julian day, across a year end."""
    if de.julian_day is None:
        return None
    offsets = []
    day = written.toordinal()
    for year in (written.year - 1, written.year, written.year + 1):
        new_year = dt.date(year, 1, 1).toordinal()
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)  # no struct_time per year
        if 1 <= de.julian_day <= (366 if leap else 365):
            offsets.append(new_year + de.julian_day - 1 - day)  # days from the DTG to the filing day
    return min(offsets, key=abs) if offsets else None


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    header = cable.header
    if header is None or header.dtg is None:
        return
    dtg = header.dtg
    if dtg.value is None:
        yield Problem(dtg.span, f"date-time group {dtg.raw} is not a real date and time")
        return
    written = dtg.value.date()
    if written > ctx.as_of:
        yield Problem(dtg.span, f"date-time group {written.isoformat()} is after today ({ctx.as_of.isoformat()})")
    if header.de is None:
        return
    offset = _filing_offset(header.de, written)
    if offset is None:
        yield Problem(header.de.span, f"DE line julian day {header.de.julian_day} is not a day of the year")
    elif offset < -1 or (offset > ctx.options["max-filing-delay-days"] and not _SERVICE_SIGNAL.search(dtg.raw)):
        when = f"{-offset} days before" if offset < 0 else f"{offset} days after"
        yield Problem(
            header.de.span,
            f"DE line julian day {header.de.julian_day:03d} is {when} the date-time group ({written.isoformat()})",
            severity=None if offset < 0 else Severity.WARNING,  # §4.1: only filing BEFORE is impossible
        )
