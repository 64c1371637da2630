"""The portions of a cable as the rules see them: subject, paragraphs, sub-paragraphs.

M-POR-1 makes every portion carry its own mark: the SUBJECT line, each paragraph and each
sub-paragraph.  Several rules walk the same list and name portions the same way in their
messages (``¶3``, ``¶3.A``, ``subject``), so both live here, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checker.model import Cable, Level, Marking, Paragraph, Span, SubParagraph


@dataclass(frozen=True, slots=True)
class Portion:
    """One markable part of the cable, with the name used for it in messages."""

    ref: str  # "subject", "¶3", "¶3.A", "¶3 bullet 2"
    kind: str  # "subject", "paragraph" or "subparagraph"
    marking: Marking | None
    span: Span

    @property
    def level(self) -> Level | None:
        """The portion's level, ``None`` when unmarked or without a level word."""
        return self.marking.level if self.marking else None


def paragraph_ref(paragraph: Paragraph) -> str:
    """``¶3`` for a numbered paragraph, ``¶ at line 40`` for an unnumbered one."""
    if paragraph.number is not None:
        return f"¶{paragraph.number}"
    return f"¶ at line {paragraph.span.line}"


def subparagraph_refs(paragraph: Paragraph) -> Iterator[tuple[SubParagraph, str]]:
    """Each sub-paragraph with its reference: ``¶3.A``; bullets are counted: ``¶3 bullet 2``."""
    parent = paragraph_ref(paragraph)
    bullets = 0
    for sub in paragraph.subparagraphs:
        if sub.label == "--":
            bullets += 1
            yield sub, f"{parent} bullet {bullets}"
        elif "." in sub.label:  # "27.A" already names its paragraph
            yield sub, f"¶{sub.label}"
        else:
            yield sub, f"{parent}.{sub.label}"


def cable_portions(cable: Cable) -> tuple[Portion, ...]:
    """Subject, then paragraphs each followed by its sub-paragraphs, in text order."""
    found: list[Portion] = []
    if cable.subject is not None:
        found.append(Portion("subject", "subject", cable.subject.marking, cable.subject.span))
    for paragraph in cable.paragraphs:
        found.append(Portion(paragraph_ref(paragraph), "paragraph", paragraph.marking, paragraph.span))
        for sub, ref in subparagraph_refs(paragraph):
            found.append(Portion(ref, "subparagraph", sub.marking, sub.span))
    return tuple(found)


def marking_text(marking: Marking) -> str:
    """A marking as shown in messages: its normal form, else as written."""
    return marking.canonical or marking.raw


def describe(portions: Iterable[Portion]) -> str:
    """``¶3 (S), ¶5 (S//NF)``: the portions that force a roll-up, for a message."""
    return ", ".join(
        f"{p.ref} ({marking_text(p.marking)})" if p.marking else p.ref for p in portions
    )


def is_classified(cable: Cable) -> bool:
    """Whether the top banner says CONFIDENTIAL or above."""
    level = cable.level
    return level is not None and level >= Level.CONFIDENTIAL
