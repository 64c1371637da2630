"""The cable has no classification line.

What it checks:
    That the text of the cable opens with a classification line (``C O N F I D E N T I A L``,
    ``UNCLAS``, ``S E C R E T SECTION 01 OF 02``...) after the routing header, and that
    its level word is intact.  A garbled line whose level is still unambiguous
    (``SS E C R E T``) is reported with the level it was read as, which every other rule
    then uses; an unreadable one (``CSE C R E T``) with the level the portion marks
    require as the suggestion.  A readable glitch is a warning: the line is there and
    states its level, only its form deviates (T-CL-2); an absent or unreadable line is an
    error.  A partial extract (the WikiLeaks "full text is not available" note) without a
    banner is not judged, nor a media partner's rendering whose metadata block
    (``ID:`` / ``ORIGIN: XXXXXXXXXXXX`` / ``CLASSIFICATION: SECRET``) stands in place of the
    line: the publication replaced it, and the block states the level.

Why it matters:
    Every telegram must state its classification or administrative control as its first
    text line; without it a reader cannot know how to protect the cable, and omitted markings
    never make a classified cable unclassified.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: TEST

    1. (C) Text.

Passes:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: TEST

    1. (C) Text.

Options:
    None.

References:
    T-CL-1 (5 FAH-2 H-222), M-BAN-2 (22 CFR 9.12(a)), M-MIS-1 (E.O. 13526 §1.6(f)) in
    marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem, Severity
from checker.model import Cable, Span
from checker.portions import banner_level, highest_portion_level

CODE = "BN001"
NAME = "banner-missing"
SEVERITY = "error"
SCOPE = ("header", "banners", "subject", "paragraphs")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def _after_header(cable: Cable) -> int:
    """The line after the routing header's last address (where the banner belongs)."""
    header = cable.header
    if header is None:
        return 1
    parts = [a.span for a in header.addresses] + [p.span for p in (header.dtg, header.security, header.de) if p]
    if parts:
        return max(span.end_line for span in parts) + 1
    return header.span.end_line + 1 if header.span else 1


def _suggestion(cable: Cable) -> str | None:
    """The level the portions call for, suggested for a missing or unreadable banner."""
    highest = highest_portion_level(cable)
    return highest.label if highest is not None else None


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    banner = cable.banner
    if banner is not None:
        level = banner_level(cable)
        if level is None:
            yield Problem(
                banner.span, "classification line is garbled: no level word could be read", _suggestion(cable)
            )
        elif banner.marking.unknown:  # letters lost or doubled, the level still unambiguous
            yield Problem(
                banner.span, f"classification line is garbled: read as {level.label}", level.label, Severity.WARNING
            )
        return
    if cable.header is not None and cable.header.partial_extract:
        return  # "the full text is not available": a line missing at the cut is no evidence
    if cable.metadata_classification is not None:
        return  # a media partner printed its metadata block (with the level) in place of the line
    line = _after_header(cable)
    line = max(1, min(line, cable.line_count))  # a header-only text has no line after it
    yield Problem(Span(line, 1, line, 1), "no classification line", _suggestion(cable))
