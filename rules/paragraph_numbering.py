"""Numbered paragraphs skip or repeat a number.

What it checks:
    That the numbered paragraphs of the body run 1, 2, 3... without a gap, a repeat or a
    step back, each paragraph compared with the one before it (one break, one finding).
    A paragraph numbered 1 starts a new run (questionnaire sections, the body after a list
    of contents); ``4-12.`` covers 4 to 12; a gap after a paragraph that opens with a media
    redaction is the redaction's doing and not reported.  A list numbered ``1)``, ``2)`` inside paragraphs numbered ``1.``, ``2.`` is
    not part of the paragraph sequence.  Partial extracts (the "This record is a partial extract" preamble) hold
    only some paragraphs and are not judged.

Why it matters:
    Replies, reviews and declassification decisions cite paragraphs by number
    (``see para 4``); a gap usually means a paragraph was lost in editing, a repeat that two
    portions share one reference.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (U) Text.

    3. (C) Text.

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
    None.  Not enabled by default (its corpus sample is below 95 % true); select
    ``NU001`` to run it.

References:
    T-PM-1 (5 FAH-1 H-246.2: number paragraphs consecutively) in marking-rules.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable, Paragraph
from checker.portions import body_paragraphs

CODE = "NU001"
NAME = "paragraph-numbering"
SEVERITY = "warning"
SCOPE = ("header", "paragraphs")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}
#: Off by default: on the corpus ~83 % of its findings are true; most false ones are
#: paragraphs fused mid-line in flattened renderings that the model does not see yet.
ENABLED_BY_DEFAULT = False

_RUN = re.compile(r"\d+\s*-\s*(\d+)")


def _last_number(paragraph: Paragraph) -> int:
    """The last number a paragraph covers: 12 for ``4-12.`` (one mark for a run)."""
    run = _RUN.search(paragraph.number_raw or "")
    return int(run.group(1)) if run else paragraph.number


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    if cable.header is not None and cable.header.partial_extract:
        return
    previous: Paragraph | None = None
    for paragraph in body_paragraphs(cable):
        number = paragraph.number
        if number is None:
            continue
        if previous is None:
            if number > 1:
                yield Problem(paragraph.span, f"numbering starts at ¶{number}")
        elif number == 1:
            pass  # a new run (a questionnaire section, the body after a contents list)
        elif number == _last_number(previous):
            yield Problem(paragraph.span, f"¶{number} is numbered twice")
        elif number < _last_number(previous):
            yield Problem(paragraph.span, f"¶{number} follows ¶{_last_number(previous)}")
        elif number > _last_number(previous) + 1 and not previous.redacted_start:
            expected = _last_number(previous) + 1
            missing = f"¶{expected}" if number == expected + 1 else f"¶{expected}-{number - 1}"
            yield Problem(paragraph.span, f"¶{number} follows ¶{expected - 1}; {missing} missing")
        previous = paragraph
