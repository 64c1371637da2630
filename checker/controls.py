"""Dissemination controls: which roll up to the banner, which exclude each other.

The vocabulary is data (``checker/data/controls.json``, M-DIS-1..4, T-CAP-1..3, T-PM-4);
this module types it and answers the one question several rules share: which controls
does the cable as a whole declare, in its banner line and its caption lines.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from checker.model import Cable, Caption
from checker.portions import per_cable
from checker.vocabulary import bundled, optional_date


@dataclass(frozen=True, slots=True)
class Rollup:
    """A portion control that must be declared for the whole cable."""

    caption: str  # what to add: "NOFORN"
    error_from: dt.date | None  # before this cable date a missing caption is only a warning


@dataclass(frozen=True, slots=True)
class Exclusion:
    """Controls that must never apply together (NODIS with EXDIS)."""

    controls: frozenset[str]
    since: dt.date | None
    reference: str


@dataclass(frozen=True, slots=True)
class ControlVocabulary:
    """The typed contents of ``controls.json``."""

    rollup: Mapping[str, Rollup]
    unclassified_only: frozenset[str]
    sensitive_captions: frozenset[str]
    exclusions: tuple[Exclusion, ...]
    distribution: str  # SIPDIS
    distribution_conflicts: frozenset[str]
    distribution_since: dt.date
    distribution_reference: str
    needs_noforn: frozenset[str]
    rel_to_prefix: str
    not_markings: frozenset[str]  # abbreviations written in parentheses that are no marks: (UN)
    marking_vocabulary: tuple[str, ...]


@functools.cache
def vocabulary() -> ControlVocabulary:
    """The bundled control vocabulary, loaded and validated once."""
    raw = bundled("controls")
    dist = raw["distribution"]
    return ControlVocabulary(
        rollup={
            name: Rollup(caption=spec["caption"], error_from=optional_date(spec["error_from"]))
            for name, spec in raw["rollup"].items()
        },
        unclassified_only=frozenset(raw["unclassified_only"]),
        sensitive_captions=frozenset(raw["sensitive_captions"]),
        exclusions=tuple(
            Exclusion(frozenset(item["controls"]), optional_date(item["from"]), item["reference"])
            for item in raw["exclusive"]
        ),
        distribution=dist["control"],
        distribution_conflicts=frozenset(dist["conflicts_with"]),
        distribution_since=dt.date.fromisoformat(dist["from"]),
        distribution_reference=dist["reference"],
        needs_noforn=frozenset(raw["needs_noforn"]),
        rel_to_prefix=raw["rel_to_prefix"],
        not_markings=frozenset(raw["not_markings"]),
        marking_vocabulary=tuple(raw["marking_vocabulary"]),
    )


@functools.cache
def _caption_words() -> re.Pattern[str]:
    vocab = vocabulary()
    words = {*vocab.rollup, *vocab.sensitive_captions, vocab.distribution, *vocab.distribution_conflicts}
    # longest first, so a word is not cut short by its prefix; then alphabetical, so the
    # pattern is the same text in every process (``checker.regex_code`` stores it by its text)
    alternatives = "|".join(sorted(map(re.escape, words), key=lambda word: (-len(word), word)))
    return re.compile(rf"(?<![A-Z/])(?:{alternatives})(?![A-Z/])")


def caption_controls(caption: Caption) -> frozenset[str]:
    """The handling words of a caption line: its recognised tokens, and the control words
    run together with addressee instructions on the same line
    (``TREASURY FOR OASIA:FPARODI SENSITIVE SIPDIS``)."""
    return frozenset(caption.tokens) | frozenset(_caption_words().findall(caption.raw.upper()))


@per_cable
def captions_controls(cable: Cable) -> tuple[tuple[Caption, frozenset[str]], ...]:
    """Each caption line of the cable with its :func:`caption_controls`, in text order."""
    return tuple((caption, caption_controls(caption)) for caption in cable.captions)


@per_cable
def declared_controls(cable: Cable) -> frozenset[str]:
    """Controls the cable declares as a whole: on its classification lines (top, section
    banners, repeated lines such as ``SECRET NOFORN``) and its captions."""
    declared: set[str] = set()
    for banner in cable.banners:
        declared.update(banner.marking.controls)
    for _, controls in captions_controls(cable):
        declared.update(controls)
    return frozenset(declared)
