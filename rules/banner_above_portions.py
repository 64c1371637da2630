"""The overall classification is higher than every portion (over-classification).

What it checks:
    In a cable whose paragraphs are all portion-marked, that at least one portion (SUBJECT,
    paragraph or sub-paragraph) reaches the level of the top classification line.  Nothing
    is reported when a paragraph is unmarked: the unmarked one may carry the level, and
    ``portion-marking-missing`` reports it, nor in a partial extract, which need not show
    every portion.

Why it matters:
    The banner should be the highest portion level.  A banner above every portion
    over-protects the cable and keeps it from readers who may see it; classification by
    compilation can justify it, which is why this is a warning.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    S E C R E T STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (U) Text.

    2. (C) Text.

Passes:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (U) Text.

    2. (C) Text.

Options:
    None.

References:
    M-BAN-1 (32 CFR 2001.21), E-6 (classification by compilation, IC Markings Manual
    §D.2), T-PM-3 (§4.2: banner higher than every paragraph is a warning) in
    marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable
from checker.portions import banner_level, body_paragraphs, highest_portion_level

CODE = "BN004"
NAME = "banner-above-portions"
SEVERITY = "warning"
SCOPE = ("banners", "subject", "paragraphs")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    banner = cable.banner
    level = banner_level(cable)
    if banner is None or level is None:
        return
    if cable.header is not None and cable.header.partial_extract:
        return  # a partial extract does not show every portion
    highest = highest_portion_level(cable)
    if highest is None or highest >= level:
        return  # some mark reaches the banner (most cables): which paragraphs are real need not be sorted out
    paragraphs = body_paragraphs(cable)
    if paragraphs and all(p.marking is not None for p in paragraphs):
        yield Problem(banner.span, f"banner {level.label} is above every portion (highest {highest.label})")
