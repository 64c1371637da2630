"""Controls that exclude each other, or a control on a level it cannot apply to.

What it checks:
    On the banner and caption lines: NODIS together with EXDIS; SIPDIS together with NODIS
    or EXDIS (cables from December 2005, when SIPDIS was created); NODIS or EXDIS without
    NOFORN (a warning, see the ``require-noforn`` option); an SBU caption (``SENSITIVE``,
    ``SENSITIVE BUT UNCLASSIFIED``, ``FOR OFFICIAL USE ONLY``) on a CONFIDENTIAL or higher
    cable (a warning).  On the banner and every portion mark: SBU or FOUO with a classified
    level, ``(C/SBU)``; NOFORN with a REL TO list.

Why it matters:
    Conflicting controls leave the reader with two opposite handling instructions.  SIPDIS
    publishes a cable to every SIPRNet reader, which defeats NODIS or EXDIS; SBU and FOUO
    mark unclassified information and must never label classified information.  The
    SENSITIVE caption is how a telegram says it is SBU (T-CL-6, M-DIS-4): it belongs on
    UNCLASSIFIED traffic, and SBU never appears at the top of a classified document
    (M-DIS-3, EO-01), so on a classified cable it states two handling regimes at once.  It
    is a warning, not an error: §4.1 does not list it among the hard errors, and genuine
    cables carry it (a drafted SBU telegram classified before sending keeps its caption).

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    NODIS
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
    NODIS

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (C/NF) Text.

Options:
    require-noforn (boolean, default true): report NODIS or EXDIS without NOFORN.

References:
    T-CAP-1, T-CAP-2, T-CAP-3 (05 STATE 226504; 06 STATE 89712; IC Markings Manual §H.9),
    M-DIS-1, M-DIS-2, M-DIS-3, M-DIS-4, T-CL-6, EO-01 (32 CFR 2001.23(a)) in marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.controls import ControlVocabulary, captions_controls, declared_controls, vocabulary
from checker.engine import RuleContext
from checker.findings import Problem, Severity
from checker.model import Cable, Level, Marking, Span
from checker.portions import banner_level, body_start, cable_portions, is_classified, marking_text

CODE = "CT002"
NAME = "control-conflict"
SEVERITY = "error"
SCOPE = ("header", "banners", "captions", "subject", "paragraphs")
OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "require-noforn": {
            "type": "boolean",
            "default": True,
            "description": "report NODIS or EXDIS on a cable without NOFORN (a warning)",
        }
    },
}


def _declared_at(cable: Cable) -> dict[str, Span]:
    """Where each cable-wide control is first declared: a classification or caption line.
    Asked only when there is a conflict to place."""
    where: dict[str, Span] = {}
    for banner in cable.banners:
        for control in banner.marking.controls:
            where.setdefault(control, banner.span)
    for caption, controls in captions_controls(cable):
        for token in controls:
            where.setdefault(token, caption.span)
    return where


def _cable_conflicts(cable: Cable, ctx: RuleContext, vocab: ControlVocabulary) -> Iterator[Problem]:
    declared = declared_controls(cable)
    for exclusion in vocab.exclusions:
        if exclusion.controls <= declared:
            where = _declared_at(cable)
            names = sorted(exclusion.controls, key=lambda c: where[c])
            yield Problem(where[names[-1]], f"{' and '.join(names)} must not be used together")
    if vocab.distribution in declared and (cable.date is None or cable.date >= vocab.distribution_since):
        for control in sorted(vocab.distribution_conflicts & declared):
            yield Problem(_declared_at(cable)[vocab.distribution], f"{vocab.distribution} must not be used with {control}")
    if is_classified(cable) and not vocab.sensitive_captions.isdisjoint(declared):
        # the cable's own front matter: a caption after the first paragraph may head another
        # cable's text glued on (an SBU telegram appended to a SECRET one)
        first = body_start(cable)[0]
        captioned = {c for caption, controls in captions_controls(cable) if caption.span.line < first for c in controls}
        where = _declared_at(cable)
        for control in sorted(captioned & vocab.sensitive_captions, key=lambda c: where[c]):
            yield Problem(
                where[control], f"{control} caption (SBU) on a {banner_level(cable).label} cable", severity=Severity.WARNING
            )
    if ctx.options["require-noforn"] and "NOFORN" not in declared:
        for control in sorted(vocab.needs_noforn & declared):
            yield Problem(_declared_at(cable)[control], f"{control} without NOFORN", "NOFORN", Severity.WARNING)


def _marking_conflict(marking: Marking, vocab: ControlVocabulary) -> str | None:
    if not marking.controls:  # both conflicts need a control
        return None
    if marking.level is not None and marking.level >= Level.CONFIDENTIAL:
        for control in marking.controls:
            if control in vocab.unclassified_only:
                return f"{control} with {marking.level.label}"
    if "NOFORN" in marking.controls and any(c.startswith(vocab.rel_to_prefix) for c in marking.controls):
        return "NOFORN with REL TO"
    return None


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    vocab = vocabulary()
    yield from _cable_conflicts(cable, ctx, vocab)
    if cable.banner is not None:
        conflict = _marking_conflict(cable.banner.marking, vocab)
        if conflict:
            yield Problem(cable.banner.span, f"banner combines {conflict}")
    for portion in cable_portions(cable):
        conflict = _marking_conflict(portion.marking, vocab) if portion.marking else None
        if conflict:
            yield Problem(
                portion.marking.span,
                f"{portion.ref} ({marking_text(portion.marking)}) combines {conflict}",
            )
