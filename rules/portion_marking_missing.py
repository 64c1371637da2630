"""A paragraph or sub-paragraph of a classified cable has no portion marking.

What it checks:
    In a CONFIDENTIAL or higher cable of an era that required portion marking (E.O. 12065
    on, from 1978-12-01), that every paragraph opens with its mark, ``1. (C)``.  Unmarked
    sub-paragraphs (and ``--`` bullets) are fine while their paragraph is marked and none
    of their siblings is (one mark on the main paragraph suffices, M-POR-3); once one
    sibling is marked, each unmarked sibling is reported.  Items nested under a
    sub-paragraph (the questions ``A.`` under a roman item ``I. (SBU)``, ``D 1.`` under
    ``D.``) are siblings of each other only.  An unmarked paragraph or sub-paragraph whose
    items are all marked is a heading (``1. Key points:`` followed by marked bullets) and
    passes.  A list numbered ``1)``, ``2)`` inside paragraphs numbered ``1.``, ``2.`` is
    part of its paragraph, not a paragraph of its own.  A portion that opens with a media
    redaction (``¶7. XXXXXXXXXXXX``) or other text the publication removed is not judged:
    its mark may have gone with it; nor is a numbered paragraph that is a classification
    authority block (``¶1. Classified by ...``, also when it repeats the one above it).
    A blanket ``¶1. SECRET - ENTIRE TEXT.`` statement (E-4, not allowed by M-POR-5) gives
    one finding on that paragraph instead of one per paragraph: info up to 1996, a warning
    later; where the other paragraphs carry marks, it is reported as a notice among marked
    portions, and those paragraphs are judged as usual.  Unclassified cables need no marks; E.O. 11652 cables (before 1978-12-01) asked
    for them only where practicable.  Cables dated 1978-12-01 to 1995-10-13 are reported
    as warnings (T-PM-2).

Why it matters:
    An unmarked portion hides what in the cable is classified: readers can neither quote
    the unclassified part nor protect the classified one, and derivative classifiers lose
    their source of truth.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (U) Text.

    2. Text.

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
    M-POR-1, M-POR-2, M-POR-3 (32 CFR 2001.21(c); 22 CFR 9.12(a); E.O. 12065 §1-504),
    T-PM-2, E-1 and E-3 in marking-rules.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem, Severity
from checker.model import Cable, Paragraph, Span
from checker.portions import (
    blanket_statement, body_paragraphs, is_classified, paragraph_ref, subparagraph_refs, subparagraph_tree,
)

CODE = "PM001"
NAME = "portion-marking-missing"
SEVERITY = "error"
SCOPE = ("header", "banners", "eo", "paragraphs")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}

#: E-4: a 1995-era "ENTIRE TEXT" statement is info up to the end of 1996, a warning later.
_BLANKET_TOLERATED_UNTIL = dt.date(1996, 12, 31)


def _unmarked(paragraph: Paragraph) -> Iterator[tuple[str, Span]]:
    subs = paragraph.subparagraphs
    tree = subparagraph_tree(paragraph) if subs else {}  # most paragraphs have none

    def heading(node: int) -> bool:  # every item directly under it is marked
        children = tree.get(node, [])
        return bool(children) and all(subs[i].marking is not None for i in children)

    if paragraph.marking is None and not heading(-1) and not paragraph.redacted_start:
        yield paragraph_ref(paragraph), paragraph.span
    found: list[tuple[int, Span]] = []
    for children in tree.values():
        for bullets in (True, False):
            siblings = [i for i in children if (subs[i].label == "--") == bullets]
            if any(subs[i].marking is not None for i in siblings):
                found.extend(
                    (i, subs[i].span) for i in siblings
                    if subs[i].marking is None and not subs[i].redacted_start and not heading(i)
                )
    if found:  # the references are named only for what is reported
        refs = [ref for _, ref in subparagraph_refs(paragraph)]
        yield from ((refs[i], span) for i, span in sorted(found, key=lambda item: item[0]))


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    era = ctx.era
    if era is None or era.portion_marking == "optional" or not is_classified(cable):
        return
    blanket = blanket_statement(cable)
    if blanket is not None:  # E-4: one finding for the notice
        mild = cable.date is not None and cable.date <= _BLANKET_TOLERATED_UNTIL
        others_marked = any(p.marking is not None for p in body_paragraphs(cable) if p is not blanket)
        notice = "among marked portions" if others_marked else "instead of marking each portion"
        yield Problem(
            blanket.marking.span,
            f"{paragraph_ref(blanket)} states ENTIRE TEXT {notice}",
            severity=Severity.INFO if mild else Severity.WARNING,
        )
        if not others_marked:
            return  # none per paragraph: the notice stands for them
    severity = Severity.ERROR if era.portion_marking == "error" else Severity.WARNING
    for paragraph in body_paragraphs(cable):
        if paragraph.authority_block:
            continue  # ``¶1. Classified by ...``: the authority block, not a portion
        if paragraph.marking is not None and not paragraph.subparagraphs:
            continue  # marked, nothing under it (most paragraphs): nothing to walk
        for ref, span in _unmarked(paragraph):
            yield Problem(span, f"{ref} has no portion marking", severity=severity)
