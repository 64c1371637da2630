"""Running the rulebook on one cable model.

The engine derives what every rule needs to know once (the governing era, the reference
"today"), runs each enabled rule with its merged options, stamps each :class:`Problem`
into a :class:`Finding` with the rule's code, name and effective severity, and orders the
findings by (line, column, code).  A rule that raises does not take the run down: it
yields a single ``internal-error`` finding that names the rule and the exception type
(never a traceback, which could quote cable text), and every other rule still runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from checker import eras
from checker.dataclass_code import frozen_dataclass
from checker.eras import Era
from checker.findings import Finding, Problem, Severity
from checker.model import Cable, Span
from checker.registry import INTERNAL_ERROR_CODE, INTERNAL_ERROR_NAME, RuleInfo, all_rules

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@frozen_dataclass
class RuleContext:
    """What a rule may read besides the cable: its options, the governing era, today."""

    options: Mapping[str, Any]
    era: Era | None  # None: no date and no unambiguous order cited; date rules stay silent
    as_of: dt.date  # "today" for date rules; fixed in settings for reproducible runs


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """Which rules run, at what severity, with which options.

    ``severities`` and ``options`` are keyed by rule code; options are merged over the
    rule's defaults.  ``as_of`` fixes "today" (``None``: the real date).
    """

    enabled: frozenset[str]
    severities: Mapping[str, Severity] = field(default_factory=lambda: _EMPTY)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: _EMPTY)
    as_of: dt.date | None = None


def default_settings() -> EngineSettings:
    """The rules enabled by default, at their default severity and options."""
    return EngineSettings(enabled=frozenset(rule.code for rule in all_rules() if rule.enabled_by_default))


_Plan = tuple[tuple[RuleInfo, RuleContext], ...]

#: The plans made under the last settings, rulebook and "today" seen, by era (its ``id``; the
#: era is kept with its plan, so the match is certain).  A rule's context depends on the cable
#: only through its era, one of the few that :func:`eras.all_eras` holds, so a run makes a
#: handful of contexts instead of one per rule per cable.
_PLANS: tuple[Any, ...] = (None, None, None, {})


def _plan(settings: EngineSettings, era: Era | None, as_of: dt.date) -> _Plan:
    """The enabled rules in code order, each with its context (its options merged over its
    defaults) for a cable of ``era``."""
    global _PLANS
    rules = all_rules()
    seen_settings, seen_rules, seen_as_of, by_era = _PLANS
    if seen_settings is not settings or seen_rules is not rules or seen_as_of != as_of:
        by_era = {}
        _PLANS = (settings, rules, as_of, by_era)
    known = by_era.get(id(era))
    if known is not None and known[0] is era:
        return known[1]
    plan = tuple(
        (rule, RuleContext(MappingProxyType({**rule.defaults, **settings.options.get(rule.code, _EMPTY)}), era, as_of))
        for rule in rules
        if rule.code in settings.enabled
    )
    by_era[id(era)] = (era, plan)
    return plan


def _severity(rule: RuleInfo, problem: Problem, settings: EngineSettings) -> Severity:
    configured = settings.severities.get(rule.code)
    if configured is not None:
        return configured
    # A rule may grade one problem below its default (marking-rules.md §4: era-dependent).
    return problem.severity if problem.severity is not None else rule.severity  # INFO is 0


def _internal_error(rule: RuleInfo, exc: Exception, path: str | None) -> Finding:
    return Finding(
        span=Span(1, 1, 1, 1),
        code=INTERNAL_ERROR_CODE,
        rule=INTERNAL_ERROR_NAME,
        severity=Severity.ERROR,
        message=f"rule {rule.code} ({rule.name}) failed with {type(exc).__name__}",
        path=path,
    )


def check_cable(
    cable: Cable,
    settings: EngineSettings | None = None,
    path: str | None = None,
    on_internal_error: Callable[[RuleInfo, Exception], None] | None = None,
) -> list[Finding]:
    """Run the enabled rules on ``cable``; findings ordered by (line, column, code).

    A rule that raises gives one ``internal-error`` finding; ``on_internal_error``, if
    given, also receives the rule and the exception (``--verbose`` shows its traceback).
    """
    settings = settings or default_settings()
    era = eras.era_for_cable(cable)
    as_of = settings.as_of or dt.date.today()
    findings: list[Finding] = []
    for rule, context in _plan(settings, era, as_of):
        try:
            problems = list(rule.check(cable, context))
        except Exception as exc:  # noqa: BLE001 - isolation is the point
            findings.append(_internal_error(rule, exc, path))
            if on_internal_error is not None:
                on_internal_error(rule, exc)
            continue
        if problems:  # most rules find nothing in most cables
            findings.extend(
                Finding(
                    span=problem.span,
                    code=rule.code,
                    rule=rule.name,
                    severity=_severity(rule, problem, settings),
                    message=problem.message,
                    suggestion=problem.suggestion,
                    path=path,
                )
                for problem in problems
            )
    findings.sort(key=lambda f: (f.span.line, f.span.column, f.code))
    return findings

