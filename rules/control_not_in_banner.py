"""A dissemination control in a portion is missing from the banner and captions.

What it checks:
    Controls that roll up from any portion to the whole cable (NOFORN, NODIS, EXDIS,
    ORCON; ``(C/NF)`` means NOFORN) must appear on a classification line (the banner, a
    section banner, a repeated ``SECRET NOFORN`` line) or among the caption lines.  In an UNCLAS cable, an ``(SBU)`` or FOUO portion calls for the
    ``SENSITIVE`` caption; in a classified cable SBU does not roll up.  One finding per
    missing control, on the banner, naming the portions that carry it.  A missing NOFORN
    caption is an error from 2006 and a warning on older or undated cables (T-PM-4).  A cable without a
    classification line is left to ``banner-missing``.

Why it matters:
    Distribution follows the banner and captions, not the paragraphs: a NOFORN paragraph
    in a cable without the NOFORN caption is released to foreign partners, and an SBU
    cable without SENSITIVE is handled as plain unclassified traffic.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    SIPDIS

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (C/NF) Text.

Passes:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    NOFORN
    SIPDIS

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (C/NF) Text.

Options:
    None.

References:
    M-BAN-4 and M-DIS-1 (IC Markings Manual §D.2 Table 3), M-DIS-3 and M-DIS-4 (12 FAM
    541; 2000 STATE 018029), T-CL-6, T-PM-4 (05 STATE 226504 ¶2d) in marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.controls import declared_controls, vocabulary
from checker.engine import RuleContext
from checker.findings import Problem, Severity
from checker.model import Cable, Level
from checker.portions import Portion, banner_level, cable_portions, describe

CODE = "CT001"
NAME = "control-not-in-banner"
SEVERITY = "error"
SCOPE = ("header", "banners", "captions", "subject", "paragraphs")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def _carrying(portions: tuple[Portion, ...], controls: frozenset[str]) -> list[Portion]:
    return [p for p in portions if p.marking and controls.intersection(p.marking.controls)]


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    banner = cable.banner
    if banner is None:  # banner-missing reports it; what the cable declares is unknown
        return
    vocab = vocabulary()
    portions = cable_portions(cable)
    # every control some portion carries: the portions are walked again only for one undeclared
    carried = {control for p in portions if p.marking for control in p.marking.controls}
    if not carried:
        return
    declared = declared_controls(cable)
    for control, rule in vocab.rollup.items():
        if control not in carried or control in declared:
            continue
        carriers = _carrying(portions, frozenset({control}))
        span = banner.span
        severity = Severity.ERROR
        if rule.error_from and (cable.date is None or cable.date < rule.error_from):
            severity = Severity.WARNING  # before 2006, or a cable whose date is unknown
        message = f"{control} in {describe(carriers)} is missing from the banner and captions"
        yield Problem(span, message, rule.caption, severity)
    if banner_level(cable) != Level.UNCLASSIFIED:
        return
    sensitive = _carrying(portions, vocab.unclassified_only)
    if sensitive and not vocab.sensitive_captions.intersection(declared):
        yield Problem(
            banner.span,
            f"unclassified cable with {describe(sensitive)} lacks the SENSITIVE caption",
            "SENSITIVE",
        )
