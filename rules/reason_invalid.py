"""A classification reason not valid under the governing order.

What it checks:
    The section and letters cited on the ``Classified By`` line against the governing
    order: ``1.5 (a)``-``(g)`` for cables of 1995-10-14 to 2003-03-24, ``1.4 (a)``-``(h)``
    from 2003-03-25.  A letter outside the section's range (``1.4 (k)``, ``1.5 (h)``) or
    another section (``1.6``) is an error; ``1.4`` before 2003-03-25 is an error; the old
    ``1.5`` after 2003 is a warning (State's own handbook printed it until about 2006) and
    is accepted until the ISOO directive of 2003-09-22; a section with no letter is a
    warning, unless the source cut the line short (``Reasons 1.4...``).  The suggestion
    is the reason rewritten with the valid section and letters.

Why it matters:
    The reason names the category of information that justifies classification; a category
    that does not exist justifies nothing.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    Classified By: PM DAS A. Officer for Reasons: 1.6 (b) and (d)

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
    EO-02 (E.O. 12958 §1.5; E.O. 13292 and E.O. 13526 §1.4), T-CB-3, §1.3 category tables,
    §4.1 and §4.2 (1.5 on 2003-09-22 to ~2006 cables is a warning) in marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker import eras
from checker.engine import RuleContext
from checker.findings import Problem, Severity
from checker.model import Cable, Reasons
from checker.portions import authority_judgeable

CODE = "CA003"
NAME = "reason-invalid"
SEVERITY = "error"
SCOPE = ("header", "eo", "authority")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def _letters_of(section: str) -> str | None:
    """The letters any order allowed under ``section``; ``None`` for no such section."""
    return next((e.reason_letters for e in eras.all_eras() if e.reason_section == section), None)


def _rewritten(section: str, letters: tuple[str, ...]) -> str | None:
    return f"{section} ({'), ('.join(letters)})" if letters else None


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    era = ctx.era
    reasons: Reasons | None = cable.authority.reasons if cable.authority else None
    if era is None or era.reason_section is None or reasons is None or reasons.section is None:
        return
    allowed = _letters_of(reasons.section)
    valid = tuple(letter for letter in reasons.letters if allowed and letter in allowed)
    if allowed is None:
        yield Problem(
            reasons.span,
            f"reason section {reasons.section} is not a classification category; "
            f"{era.label} uses {era.reason_section}",
            _rewritten(era.reason_section, valid),
        )
        return
    wrong = [letter for letter in reasons.letters if letter not in allowed]
    if wrong:
        yield Problem(
            reasons.span,
            f"reason {', '.join(f'({w})' for w in wrong)} is not a category of "
            f"{reasons.section} ({allowed[0]}-{allowed[-1]})",
            _rewritten(reasons.section, valid),
        )
    if not reasons.letters and authority_judgeable(cable):
        yield Problem(reasons.span, f"reason {reasons.section} cites no category letter", severity=Severity.WARNING)
    if reasons.section != era.reason_section:
        fixed = _rewritten(era.reason_section, tuple(l for l in valid if l in era.reason_letters))
        message = f"reason section {reasons.section} is not valid under {era.label}, which uses {era.reason_section}"
        if era.reason_section_grace_until is None:
            yield Problem(reasons.span, message, fixed)
        elif cable.date is not None and cable.date > era.reason_section_grace_until:
            yield Problem(reasons.span, message, fixed, Severity.WARNING)
