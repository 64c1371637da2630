"""Which Executive Order governs a cable, and what that order allows.

The facts (dates, reason sections and letters, declassification forms, maximum durations,
grace windows) are data in ``checker/data/eras.json``; this module turns them into typed
:class:`Era` values and answers the questions the rules ask.  The governing order is
derived from the cable's own date (its DTG), never from the order the cable cites: a cable
citing the wrong order is exactly what ``eo-mismatch`` looks for.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from checker.model import Cable, Declassification, EoLine
from checker.vocabulary import bundled, optional_date


@dataclass(frozen=True, slots=True)
class FormRule:
    """How an era allows one declassification form (``date``, ``x-code``, ``25x``…)."""

    until: dt.date | None = None  # allowed only up to this cable date (a grace window)
    needs_date: bool = False  # the exemption must carry a date or event
    forbids_date: bool = False  # no date or event may accompany it
    replacement: str | None = None  # what replaced the form once it lapsed


@dataclass(frozen=True, slots=True)
class Era:
    """One period of classification rules (marking-rules.md §0.1)."""

    id: str
    order: str  # the number cited on the E.O. line: "12958"
    label: str  # "E.O. 12958 as amended"
    start: dt.date
    end: dt.date | None
    signed: dt.date
    portion_marking: str  # "optional", "warning" (required, graded down) or "error"
    authority_required: bool
    reason_section: str | None
    reason_letters: str
    max_years: int | None
    forms: Mapping[str, FormRule]
    predecessor_grace_days: int
    reason_section_grace_until: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls in this era."""
        return self.start <= day and (self.end is None or day <= self.end)


def _era(raw: Mapping) -> Era:
    reason = raw["reason"] or {}
    grace = raw.get("grace", {})
    return Era(
        id=raw["id"],
        order=raw["order"],
        label=raw["label"],
        start=dt.date.fromisoformat(raw["from"]),
        end=optional_date(raw["to"]),
        signed=dt.date.fromisoformat(raw["signed"]),
        portion_marking=raw["portion_marking"],
        authority_required=raw["authority_required"],
        reason_section=reason.get("section"),
        reason_letters=reason.get("letters", ""),
        max_years=raw["max_years"],
        forms={
            name: FormRule(
                until=optional_date(rule.get("until")),
                needs_date=rule.get("needs_date", False),
                forbids_date=rule.get("forbids_date", False),
                replacement=rule.get("replacement"),
            )
            for name, rule in raw["forms"].items()
        },
        predecessor_grace_days=grace.get("predecessor_days", 0),
        reason_section_grace_until=optional_date(grace.get("reason_section_until")),
    )


@functools.cache
def all_eras() -> tuple[Era, ...]:
    """Every era, oldest first."""
    return tuple(_era(raw) for raw in bundled("eras")["eras"])


@functools.cache
def _exemption_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (item["form"], re.compile(item["pattern"], re.IGNORECASE))
        for item in bundled("eras")["exemption_forms"]
    )


def era_for_date(day: dt.date) -> Era | None:
    """The era governing a cable dated ``day``; ``None`` before E.O. 11652 (1972-06-01)."""
    for era in all_eras():
        if era.covers(day):
            return era
    return None


def eras_citing(order: str) -> tuple[Era, ...]:
    """The eras whose cables cite E.O. ``order`` (two for 12958: original and amended)."""
    return tuple(era for era in all_eras() if era.order == order)


def era_for_cable(cable: Cable) -> Era | None:
    """The governing era: from the DTG date; without one, from the order cited if that
    order names a single era (``13526`` does, ``12958`` does not); otherwise ``None``,
    and the date-dependent rules stay silent."""
    day = cable.date
    if day is not None:
        return era_for_date(day)
    if cable.eo is not None and cable.eo.order:
        candidates = eras_citing(cable.eo.order)
        if len(candidates) == 1:
            return candidates[0]
    return None


def is_release_stamp(eo: EoLine) -> bool:
    """``E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006``: a stamp added when an old
    cable was released; it cites the order and date of the release, not of the cable."""
    return "DECLASSIFIED" in eo.raw.upper()


def predecessor(era: Era) -> Era | None:
    """The era before ``era``, if any."""
    eras = all_eras()
    index = eras.index(era)
    return eras[index - 1] if index else None


def exemption_form(code: str) -> str | None:
    """``X5`` -> ``x-code``, ``25X1-HUMAN`` -> ``25x-human``; ``None`` if unknown."""
    return next((form for form, pattern in _exemption_patterns() if pattern.match(code)), None)


def instruction_forms(decl: Declassification) -> tuple[tuple[str, str], ...]:
    """The forms a declassification instruction uses, each with the token that shows it:
    ``(("OADR", "oadr"),)``, ``(("X1", "x-code"), ("X5", "x-code"))``, ``(("a date", "date"),)``.
    Unknown exemption codes are left out."""
    vocab = bundled("eras")
    found: list[tuple[str, str]] = []
    kind_form = vocab["kind_forms"].get(decl.kind)
    if kind_form:
        found.append((vocab["form_labels"][kind_form], kind_form))
    for code in decl.exemptions:
        form = exemption_form(code)
        if form:
            found.append((code, form))
    return tuple(found)


def allowed_form(era: Era, form: str, day: dt.date | None) -> FormRule | None:
    """The era's rule for ``form`` if a cable dated ``day`` may use it, else ``None``."""
    rule = era.forms.get(form)
    if rule is None:
        return None
    if rule.until is not None and day is not None and day > rule.until:
        return None
    return rule


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole calendar years (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def latest_declassification(era: Era, origin: dt.date) -> dt.date | None:
    """The latest declassification date the era allows without an exemption."""
    return add_years(origin, era.max_years) if era.max_years else None
