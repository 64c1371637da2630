"""A portion marking that is not a valid level and control combination.

What it checks:
    Each portion mark (SUBJECT, paragraphs, sub-paragraphs): every token must be a level
    (U, C, S, TS) or a known control (NF, SBU, FOUO, ORCON, REL TO...), a mark must state a
    level unless it is an unclassified control such as (SBU), and tokens are joined by
    ``/`` or ``//`` (a hyphen only in State's ``SBU-N``), not by a space as in ``(C NF)``.
    Unknown tokens get a did-you-mean suggestion.  SBU or FOUO combined with a classified
    level is judged by ``control-conflict``.  A parenthesis with nothing marking-like in it
    (``(Afghanistan)``, ``(b)``) is a heading or list label, not a mark, and the countries
    and groups of a ``REL TO`` list are not judged.  A mark without its opening
    parenthesis, ``1. C) text``, is common in genuine cables and reported as a warning.

Why it matters:
    A mark a reader cannot interpret protects nothing: ``(SE)`` might be SECRET or a typo
    for ``(S)``, and distribution systems that parse marks drop or misroute the portion.

Fails:
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO AMEMBASSY ZAGREB IMMEDIATE

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL
    SUBJECT: (U) TEST

    1. (U) Text.

    2. (CN) Text.

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
    M-POR-1, M-POR-7 (32 CFR 2001.21(c); 5 FAH-1 H-246.2c), T-PM-1 and T-PM-6, EO-01
    (32 CFR 2001.23(a): no other words with the level) in marking-rules.md.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from checker.controls import ControlVocabulary, vocabulary
from checker.engine import RuleContext
from checker.findings import Problem, Severity
from checker.model import Cable, Marking
from checker.portions import blanket_statement, cable_portions

CODE = "PM002"
NAME = "portion-marking-invalid"
SEVERITY = "error"
SCOPE = ("subject", "paragraphs")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


_CLOSE_ONLY = "no opening parenthesis"


def _did_you_mean(token: str) -> str | None:
    close = difflib.get_close_matches(token.upper(), vocabulary().marking_vocabulary, n=1, cutoff=0.6)
    return close[0] if close else None


def _could_be_a_token(token: str) -> bool:
    """``SE`` or ``SNF`` may be a mistyped marking token; ``b``, ``Iran``, ``(UN)`` are not."""
    return token.isupper() and len(token) <= 4 and token not in vocabulary().not_markings


def _fault(marking: Marking, vocab: ControlVocabulary) -> tuple[str, str | None] | None:
    """What is wrong with a marking, and the corrected mark when it can be computed."""
    if marking.unknown == (")",):  # ``1. C) text``: the opening parenthesis is missing
        return _CLOSE_ONLY, f"({marking.raw.rstrip(')').strip()})"
    known = marking.level is not None or bool(marking.controls)
    if not known and not all(map(_could_be_a_token, marking.unknown)):
        return None  # a heading, list label or aside in parentheses: (Afghanistan), (b)
    controls = marking.controls  # most marks carry none: no generator for them
    rel_to = any(control.startswith(vocab.rel_to_prefix) for control in controls) if controls else False
    if marking.unknown and not rel_to:  # REL TO lists name countries and groups freely
        guesses = {token: _did_you_mean(token) for token in marking.unknown}
        suggestion = None
        if all(guesses.values()):
            suggestion = marking.raw
            for token, guess in guesses.items():
                suggestion = suggestion.replace(token, guess, 1)
        return f"unknown {', '.join(marking.unknown)}", suggestion
    if marking.level is None and not vocab.unclassified_only.intersection(marking.controls):
        return "no classification level", None
    if rel_to:
        return None  # and write them with spaces
    if " " in marking.separators:
        return "tokens separated by a space", marking.canonical
    if "-" in marking.separators and not marking.raw.upper().startswith("SBU"):
        return "tokens separated by a hyphen", marking.canonical
    return None


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    blanket = blanket_statement(cable)
    vocab = vocabulary()
    for portion in cable_portions(cable):
        if portion.marking is None or (blanket is not None and portion.marking is blanket.marking):
            continue  # an ENTIRE TEXT statement is judged by portion-marking-missing
        fault = _fault(portion.marking, vocab)
        if fault:
            what, suggestion = fault
            shown = portion.marking.raw if what == _CLOSE_ONLY else f"({portion.marking.raw})"
            yield Problem(
                portion.marking.span,
                f"{portion.ref} marking {shown} is invalid: {what}",
                suggestion,
                Severity.WARNING if what == _CLOSE_ONLY else None,
            )
