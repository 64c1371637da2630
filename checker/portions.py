"""The parts of a cable as several rules see them: portions, body paragraphs, authority.

M-POR-1 makes every portion carry its own mark: the SUBJECT line, each paragraph and each
sub-paragraph.  Several rules walk the same list and name portions the same way in their
messages (``¶3``, ``¶3.A``, ``subject``), and share the same reading of what is a real
paragraph and when an authority line can be judged, so all of it lives here, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import Any, TypeVar

from checker.dataclass_code import frozen_dataclass
from checker.model import Cable, Level, Marking, Paragraph, Span, SubParagraph

_View = TypeVar("_View")


def per_cable(view: Callable[[Cable], _View]) -> Callable[[Cable], _View]:
    """``view`` remembered for the last cable it was asked about.

    The engine runs every rule on one cable before it takes the next, and several rules ask
    for the same view of it (its portions, body paragraphs, declared controls): each is
    computed once per cable instead of once per rule.  Only the last cable is kept, by a
    strong reference, so the identity test cannot mistake a new cable for a freed one at the
    same address; cables are frozen and views immutable (tuples, frozensets, model objects),
    so the remembered value is the value.  The pair is replaced in one assignment, so a
    thread never reads one cable's view under another cable.
    """
    last: tuple[Any, Any] = (None, None)

    @wraps(view)
    def remembered(cable: Cable) -> _View:
        nonlocal last
        seen, value = last
        if seen is not cable:
            value = view(cable)
            last = (cable, value)
        return value

    return remembered


@frozen_dataclass
class Portion:
    """One markable part of the cable, with the name used for it in messages."""

    ref: str  # "subject", "¶3", "¶3.A", "¶3 bullet 2"
    kind: str  # "subject", "paragraph" or "subparagraph"
    marking: Marking | None
    span: Span
    numbered: bool = True  # False for a paragraph without a number

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
    """Each sub-paragraph with its reference: ``¶3.A``; bullets are counted: ``¶3 bullet 2``.
    Under an unnumbered paragraph: ``sub-paragraph A at line 48``, ``bullet at line 50``."""
    parent = paragraph_ref(paragraph) if paragraph.number is not None else None
    bullets = 0
    for sub in paragraph.subparagraphs:
        label = sub.label if sub.parent is None else f"{sub.parent}.{sub.label}"  # ¶2.I.A, ¶4.D.1
        if sub.label == "--":
            bullets += 1
            yield sub, f"{parent} bullet {bullets}" if parent else f"bullet at line {sub.span.line}"
        elif "." in sub.label:  # "27.A" already names its paragraph
            yield sub, f"¶{sub.label}"
        else:
            yield sub, f"{parent}.{label}" if parent else f"sub-paragraph {label} at line {sub.span.line}"


def subparagraph_tree(paragraph: Paragraph) -> dict[int, list[int]]:
    """Which sub-paragraphs stand directly under which: ``-1`` (the paragraph itself) and the
    index of each sub-paragraph that has some, to the indexes of those under it, in order.
    A ``parent`` label names the nearest sub-paragraph before it with that label and no parent."""
    tree: dict[int, list[int]] = {-1: []}
    latest: dict[str, int] = {}  # label -> index of the latest sub-paragraph directly under the paragraph
    for index, sub in enumerate(paragraph.subparagraphs):
        if sub.parent is None:
            latest[sub.label] = index
            tree[-1].append(index)
        else:
            tree.setdefault(latest.get(sub.parent, -1), []).append(index)
    return tree


def _numbering_style(paragraph: Paragraph) -> str | None:
    raw = (paragraph.number_raw or "").rstrip()
    if not raw:
        return None
    return ")" if raw.endswith(")") else "."


@per_cable
def body_paragraphs(cable: Cable) -> tuple[Paragraph, ...]:
    """The paragraphs proper, without the numbered lines the parser also saw as paragraphs.

    A cable numbers its paragraphs 1, 2, 3...; three kinds of numbered lines are not
    paragraphs of that sequence and are left out (unnumbered paragraphs are kept):

    * items in another numbering style: a ``1)``, ``2)`` list inside paragraphs numbered
      ``1.``, ``2.`` (the style of the first numbered paragraph is the paragraph style);
    * a restarted list: ``¶1.``, ``¶2.``... written inside ¶6 and running until the main
      sequence resumes with ¶7 (a lone ``1.`` is not a list);
    * a stray number: a wrapped ``September 11.`` or ``Article 2.`` at the start of a line,
      between ¶3 and ¶4 (the next paragraph continues the sequence as if it were absent);
      a repeated number (¶3 after ¶3) is kept, it is a numbering error.
    """
    numbered = [p for p in cable.paragraphs if p.number is not None]
    if not numbered:
        return cable.paragraphs
    style = _numbering_style(numbered[0])
    kept: list[Paragraph] = []
    expected: int | None = None  # the next number of the main sequence
    nested: int | None = None  # the next number of a restarted list
    seen = 0  # numbered paragraphs met so far: numbered[seen] is the one after the current
    for paragraph in cable.paragraphs:
        number = paragraph.number
        if number is None:
            kept.append(paragraph)
            continue
        seen += 1
        following = numbered[seen].number if seen < len(numbered) else None
        if _numbering_style(paragraph) != style:
            continue
        if expected is None or number == expected:
            kept.append(paragraph)
            expected, nested = number + 1, None
        elif nested is not None and number == nested:
            nested += 1
        elif number == 1 and expected > 2 and following == 2:
            nested = 2
        elif number == expected - 1 or following != expected:
            kept.append(paragraph)  # a real gap or repeat: paragraph-numbering reports it
            expected, nested = number + 1, None
    return tuple(kept)


@per_cable
def cable_portions(cable: Cable) -> tuple[Portion, ...]:
    """Subject, then paragraphs each followed by its sub-paragraphs, in text order."""
    found: list[Portion] = []
    if cable.subject is not None:
        found.append(Portion("subject", "subject", cable.subject.marking, cable.subject.span))
    for paragraph in cable.paragraphs:
        numbered = paragraph.number is not None
        found.append(Portion(paragraph_ref(paragraph), "paragraph", paragraph.marking, paragraph.span, numbered))
        if paragraph.subparagraphs:  # most have none: no walk, no second reference
            found.extend(Portion(ref, "subparagraph", sub.marking, sub.span) for sub, ref in subparagraph_refs(paragraph))
    return tuple(found)


@per_cable
def highest_portion_level(cable: Cable) -> Level | None:
    """The highest level a portion mark states, ``None`` when no mark states one."""
    return max((p.marking.level for p in cable_portions(cable) if p.marking and p.marking.level is not None), default=None)


def _single_letter(portion: Portion) -> bool:
    return bool(portion.marking and len(portion.marking.raw.strip()) == 1)


def raising_portions(cable: Cable) -> tuple[Portion, ...]:
    """The portions whose mark may raise the level the banner needs.

    A bare one-letter mark is left out when it may be a list label: when it opens an
    unnumbered paragraph (``(C) SAO PAULO 623`` in a REF block, the third item of
    ``(A) ... (B) ... (C) ...``), or when the cable letters items elsewhere with letters
    that are no level (``¶39. (b) ...``, ``¶40. (c) Yes, ...``).  Every other marked portion
    counts, wherever it stands: classified text after a run of transmission garbage, even
    another cable's text spliced into the record, is in the document as it stands, and a
    banner below it is a spill however it came about.
    """
    portions = cable_portions(cable)
    lettering = any(_single_letter(p) and p.level is None for p in portions)
    return tuple(
        p
        for p in portions
        if p.level is not None
        and not (_single_letter(p) and (lettering or not p.numbered))
    )


def marking_text(marking: Marking) -> str:
    """A marking as shown in messages: its normal form, else as written."""
    return marking.canonical or marking.raw


def describe(portions: Iterable[Portion], shown: int = 3) -> str:
    """``¶3 (S), ¶5 (S//NF)``: the portions that force a roll-up, for a message; past
    ``shown`` of them, ``and 12 more`` keeps a message one short line."""
    named = [f"{p.ref} ({marking_text(p.marking)})" if p.marking else p.ref for p in portions]
    if len(named) > shown + 1:
        return f"{', '.join(named[:shown])} and {len(named) - shown} more"
    return ", ".join(named)


def front_matter_cut(cable: Cable) -> bool:
    """Whether the publication cut the front matter short (a ``truncated`` marker before the
    first paragraph): what is missing there, such as the authority line, is unknown."""
    return front_matter_cut_at(cable) is not None


def body_start(cable: Cable) -> tuple[int, int]:
    """(line, column) where the body begins, so where the front matter ends: the first
    paragraph, or past the last line of a text without one."""
    opening = cable.paragraphs[0].span if cable.paragraphs else None
    return (opening.line, opening.column) if opening else (cable.line_count + 1, 1)


def front_matter_cut_at(cable: Cable) -> int | None:
    """The line of the first publication cut in the front matter, if any (see
    :func:`front_matter_cut`); a field that stands before it was not lost to the cut."""
    first = body_start(cable)
    return next(
        (m.span.line for m in cable.markers if m.kind == "truncated" and (m.span.line, m.span.column) < first), None
    )


@per_cable
def blanket_statement(cable: Cable) -> Paragraph | None:
    """The paragraph that states a level for the whole text (``¶1. SECRET - ENTIRE TEXT.``,
    State's 1990s practice, E-4) instead of marking each portion, if any."""
    return next(
        (
            p
            for p in cable.paragraphs
            if p.marking is not None and p.marking.unknown  # most marks have no unknown word
            and {"ENTIRE", "TEXT"} <= {token.upper() for token in p.marking.unknown}
        ),
        None,
    )


def authority_place_shown(cable: Cable) -> bool:
    """Whether the published text still shows where the classification-authority line stands.

    The line follows SUBJECT and REF and precedes the first paragraph.  A publication cut in
    the front matter (:func:`front_matter_cut`) hides that place; so does a rendering that
    dropped the SUBJECT line and the REF lines with it, since every cable has a SUBJECT.  In
    the corpus, classified cables that show a SUBJECT carry the authority line in 98.8 % of
    cases, those showing neither SUBJECT nor REF in only 57 %: the renderings that lose the
    one lose the other, so its absence there is no evidence about the cable.
    """
    return not front_matter_cut(cable) and (cable.subject is not None or bool(cable.references))


def authority_judgeable(cable: Cable) -> bool:
    """Whether the classification-authority line can be judged for a name and reasons.

    Not when the source cut it short (``Classified By: Ambass...``: the corpus copies
    truncate some lines) nor when it states a derivative classification (``Derived from
    DSCG 05-01``, ``Classified By: MULTIPLE SOURCES``), which cites its sources instead of a
    reason (M-DER-1, M-DER-2).
    """
    authority = cable.authority
    if authority is None:
        return True
    raw = authority.raw.rstrip()
    derivative = authority.derived_from is not None or any(
        words in raw.upper() for words in ("DERIVED FROM", "MULTIPLE SOURCES")  # M-DER-1, M-DER-2
    )
    return not raw.endswith("...") and not derivative


def banner_level(cable: Cable) -> Level | None:
    """The level the top classification line states (a damaged ``E C R E T`` is read as
    SECRET by the parser only when that is unambiguous, else the level is ``None``)."""
    return cable.level


def is_classified(cable: Cable) -> bool:
    """Whether the top banner says CONFIDENTIAL or above."""
    level = banner_level(cable)
    return level is not None and level >= Level.CONFIDENTIAL
