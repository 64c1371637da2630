"""The SUBJECT line of a classified cable carries no portion marking.

What it checks:
    In a CONFIDENTIAL or higher cable of an era that required portion marking (from
    1978-12-01), that the SUBJECT line carries its own mark, ``SUBJECT: (U) ...``.

Why it matters:
    The subject is a portion like any other, and the one most widely indexed and quoted:
    it travels in distribution lists and search results.  Unmarked subjects are very common
    in genuine cables, hence a warning.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

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
    SUBJECT: (U) TEST

    1. (C) Text.

Options:
    None.

References:
    T-SUB-1 and M-POR-1 (subjects are portions; IC Markings Manual §C; 32 CFR 2001.21(c))
    and §4.2 (unmarked SUBJECT line is a warning) in marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable
from checker.portions import blanket_statement, is_classified

CODE = "PM003"
NAME = "subject-marking-missing"
SEVERITY = "warning"
SCOPE = ("header", "banners", "eo", "subject")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    era = ctx.era
    if era is None or era.portion_marking == "optional" or not is_classified(cable):
        return
    if blanket_statement(cable) is not None:  # the ENTIRE TEXT statement covers the subject
        return
    if cable.subject is not None and cable.subject.marking is None:
        yield Problem(cable.subject.span, "subject line has no portion marking")
