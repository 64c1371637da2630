"""The overall classification is lower than the highest portion marking.

What it checks:
    The level of the top classification line against every portion mark (SUBJECT,
    paragraphs, sub-paragraphs).  A portion above the banner is reported once, on the
    banner, naming every portion at the highest level; a ``(C)`` or ``(S)`` portion in an
    UNCLAS cable is the same error.  A bare one-letter mark that may be a list label
    (``(C) SAO PAULO 623`` in a REF block, ``¶40. (c) Yes`` after ``¶39. (b)``) does not
    raise the required level on its own.  Every other marked portion does, wherever it
    stands: even another cable's text spliced into the record after a run of transmission
    garbage is in the document as it stands, and a banner below it is a spill.

Why it matters:
    The banner is what readers, relay stations and distribution systems act on.  A banner
    below its content under-protects classified information: the most serious marking error.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (U) Text.

    2. (S) Text.

Passes:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    S E C R E T STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (U) Text.

    2. (S) Text.

Options:
    None.

References:
    M-BAN-1 (32 CFR 2001.21; 22 CFR 9.12(a)(1)), T-PM-3 and T-PM-5 (§4.1: a paragraph
    above the classification line is a hard error) in marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable
from checker.portions import banner_level, describe, highest_portion_level, raising_portions

CODE = "BN003"
NAME = "banner-below-portion"
SEVERITY = "error"
SCOPE = ("banners", "subject", "paragraphs")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    banner = cable.banner
    level = banner_level(cable)
    if banner is None or level is None:
        return
    highest = highest_portion_level(cable)
    if highest is None or highest <= level:
        return  # no mark above the banner (most cables): which marks count need not be sorted out
    above = [p for p in raising_portions(cable) if p.level > level]
    if not above:
        return
    required = max(p.level for p in above)
    forcing = [p for p in above if p.level == required]
    yield Problem(
        banner.span,
        f"banner {level.label} is below {required.label} required by {describe(forcing)}",
        required.label,
    )
