"""The marking mini-language: ``S//NF``, ``C/REL TO USA, GBR``, ``SBU-N``, spaced banners.

The grammar (start symbol ``marking`` in ``cable.lark``) tokenises and structures the
marking; this module normalises what it found to the canonical spellings of
:class:`checker.model.Marking`.  Markings repeat a great deal (every paragraph of a cable
carries one), so the positionless reading of a string is memoised and only the span is
made anew for each occurrence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from lark import Token, Tree
from lark.exceptions import LarkError

from checker.model import Level, Marking, Span
from checker.parse.grammar import marking_parser

_LEVELS = {
    "U": Level.UNCLASSIFIED,
    "UNCLAS": Level.UNCLASSIFIED,
    "UNCLASSIFIED": Level.UNCLASSIFIED,
    "LIMITEDOFFICIALUSE": Level.UNCLASSIFIED,
    "C": Level.CONFIDENTIAL,
    "CONFIDENTIAL": Level.CONFIDENTIAL,
    "S": Level.SECRET,
    "SECRET": Level.SECRET,
    "TS": Level.TOP_SECRET,
    "TOPSECRET": Level.TOP_SECRET,
}

# control as written (upper case, spaces removed) -> canonical controls
_CONTROLS = {
    "NF": ("NOFORN",),
    "NOFORN": ("NOFORN",),
    "FOUO": ("FOUO",),
    "FOROFFICIALUSEONLY": ("FOUO",),
    "SBU": ("SBU",),
    "SENSITIVE": ("SBU",),
    "SENSITIVEBUTUNCLASSIFIED": ("SBU",),
    "SBU-N": ("SBU", "NOFORN"),
    "SBU-NF": ("SBU", "NOFORN"),
    "ORCON": ("ORCON",),
    "FGI": ("FGI",),
    "PROPIN": ("PROPIN",),
    "NODIS": ("NODIS",),
    "EXDIS": ("EXDIS",),
    "LIMDIS": ("LIMDIS",),
    "STADIS": ("STADIS",),
    "LOU": ("LOU",),
    "EFTO": ("EFTO",),
    "SIPDIS": ("SIPDIS",),
}

# NATO levels -> the U.S. level they equal for roll-up (NR and NU have none above U)
_NATO_LEVELS = {
    "NU": Level.UNCLASSIFIED, "NR": Level.UNCLASSIFIED, "NC": Level.CONFIDENTIAL,
    "NS": Level.SECRET, "CTS": Level.TOP_SECRET,
}

# controls that stand on UNCLASSIFIED when no level is written: (SBU), (FOUO)
_UNCLASSIFIED_CONTROLS = frozenset({"SBU", "FOUO", "LOU", "EFTO"})
_ABBREVIATIONS = {"NOFORN": "NF"}
_LONGEST = 200  # characters; the longest real marking (a long REL TO list) is about 100


@dataclass(frozen=True, slots=True)
class MarkingParts:
    """A marking read without its position: what :class:`Marking` holds besides ``span``."""

    raw: str
    level: Level | None
    controls: tuple[str, ...]
    unknown: tuple[str, ...]
    separators: tuple[str, ...]
    canonical: str | None


def _squash(word: str) -> str:
    return word.upper().replace(" ", "")


def _canonical(level: Level | None, controls: tuple[str, ...], unknown: tuple[str, ...]) -> str | None:
    """``S//NF``, ``SBU``, ``SBU//NF``, ``U//FOUO``, ``C//REL TO USA, GBR``; None if unknown tokens."""
    if unknown or level is None:
        return None
    rest = list(controls)
    if level is Level.UNCLASSIFIED and "SBU" in rest:
        head = "SBU"
        rest.remove("SBU")
    else:
        head = level.abbreviation
    return "//".join([head] + [_ABBREVIATIONS.get(c, c) for c in rest])


def _read(tree: Tree, raw: str) -> MarkingParts:
    level: Level | None = None
    controls: list[str] = []
    unknown: list[str] = []
    separators: list[str] = []
    for child in tree.children:
        if child is None:
            continue
        if isinstance(child, Token):  # SEP
            separators.append(child.strip(" ") or " ")
            continue
        kind = child.data
        if kind == "level":
            word = _squash(child.children[0])
            found = _LEVELS.get(word)
            if level is None:
                level = found
            elif found is not None and found != level:
                unknown.append(str(child.children[0]))
            if word == "LIMITEDOFFICIALUSE":
                controls.append("LOU")
        elif kind == "control":
            controls.extend(_CONTROLS.get(_squash(child.children[0]), ()))
        elif kind == "foreign_level":  # NC -> CONFIDENTIAL with the FGI control (NATO material)
            found = _NATO_LEVELS[_squash(child.children[0])]
            if level is None:
                level = found
            controls.append("FGI")
        elif kind == "releasable":
            countries = [" ".join(str(t).upper().split()) for t in child.children if t.type == "COUNTRY"]
            controls.append("REL TO " + ", ".join(countries))
        else:  # unknown
            unknown.append(str(child.children[0]))
    unique = tuple(dict.fromkeys(controls))
    if level is None and _UNCLASSIFIED_CONTROLS.intersection(unique):
        level = Level.UNCLASSIFIED
    return MarkingParts(
        raw, level, unique, tuple(unknown), tuple(separators), _canonical(level, unique, tuple(unknown))
    )


@functools.lru_cache(maxsize=8192)
def marking_parts(raw: str) -> MarkingParts:
    """Read a marking (without parentheses).  Never raises: unreadable text is ``unknown``."""
    text = raw.strip(" \t")
    if not text:
        return MarkingParts(raw, None, (), (), (), None)
    if len(text) > _LONGEST:  # no marking is this long: do not spend the parser on it
        return MarkingParts(raw, None, (), (text,), (), None)
    try:
        tree = marking_parser().parse(text, start="marking")
    except LarkError:
        return MarkingParts(raw, None, (), (text,), (), None)
    return _read(tree, raw)


_LEVEL_WORDS = (
    ("TOPSECRET", Level.TOP_SECRET), ("SECRET", Level.SECRET), ("CONFIDENTIAL", Level.CONFIDENTIAL),
    ("UNCLASSIFIED", Level.UNCLASSIFIED), ("UNCLAS", Level.UNCLASSIFIED),
)


def damaged_level(raw: str) -> Level | None:
    """The level of a banner word whose letters are all there, in order: its first letter
    doubled (``SS E C R E T``, ``UUNCLAS``, ``C C O N F ...``) or its spacing disturbed
    (``C ONFIDENTIAL``, ``CO N F I D E N T I A L``).  A word with a letter lost (``E C R E T``,
    ``NCLAS``) or anything else (``CSE C R E T``) stays unreadable: None."""
    squashed = raw.upper().replace(" ", "")
    for word, level in _LEVEL_WORDS:
        if squashed in (word, word[0] + word):
            return level
    return None


def damaged_marking(marking: Marking) -> Marking:
    """A banner marking whose level word is damaged: the level recovered when unambiguous,
    the word kept as ``unknown`` and no canonical form, so that a rule can still judge it."""
    return Marking(
        marking.raw, damaged_level(marking.raw), (), (marking.raw,), (), None, marking.span
    )


def make_marking(raw: str, line: int, column: int) -> Marking:
    """A :class:`Marking` for ``raw`` written at ``line``/``column`` (1-based)."""
    p = marking_parts(raw)
    return Marking(
        p.raw, p.level, p.controls, p.unknown, p.separators, p.canonical,
        Span(line, column, line, column + len(raw)),
    )
