"""The engine: stamping, ordering, severities, options, failure isolation, rule context.

These tests build models by hand (``model`` fixture) and rule modules on the fly, so they
pin the engine's behaviour independently of the parser and of any real rule.
"""

from __future__ import annotations

import datetime as dt
import types

import pytest

from checker import engine
from checker.engine import EngineSettings, RuleContext, check_cable, default_settings
from checker.findings import Problem, Severity
from checker.model import ParseError, Span
from checker.registry import all_rules, rule_info



def span(line: int, column: int = 1) -> Span:
    return Span(line, column, line, column + 1)


NO_OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def fake_rule(code: str, name: str, check, severity: str = "error", options=NO_OPTIONS):
    """A rule module built on the fly: the same contract the registry checks."""
    module = types.ModuleType(f"fake_{name.replace('-', '_')}")
    module.__doc__ = f"Fake rule {name}.\n\nWhat it checks:\n    test only."
    module.CODE, module.NAME, module.SEVERITY, module.OPTIONS = code, name, severity, options
    module.SCOPE = ("banners",)
    module.check = check
    return rule_info(module)


@pytest.fixture
def rules(monkeypatch):
    """Replace the rulebook the engine runs with the given fake rules."""

    def install(*infos):
        monkeypatch.setattr(engine, "all_rules", lambda: infos)
        return EngineSettings(enabled=frozenset(info.code for info in infos))

    return install


def test_findings_are_stamped_and_ordered_by_line_column_code(model, rules):
    def late(cable, ctx):
        yield Problem(span(9, 4), "late")
        yield Problem(span(2, 7), "early, right")

    def early(cable, ctx):
        yield Problem(span(2, 7), "same place, lower code", "FIX")
        yield Problem(span(2, 1), "early, left")

    settings = rules(fake_rule("ZZ002", "late-rule", late, "warning"), fake_rule("ZZ001", "early-rule", early))
    found = check_cable(model(), settings, path="a.txt")
    assert [(f.span.line, f.span.column, f.code, f.message) for f in found] == [
        (2, 1, "ZZ001", "early, left"),
        (2, 7, "ZZ001", "same place, lower code"),
        (2, 7, "ZZ002", "early, right"),
        (9, 4, "ZZ002", "late"),
    ]
    assert found[1].rule == "early-rule" and found[1].suggestion == "FIX" and found[1].path == "a.txt"
    assert found[1].severity is Severity.ERROR and found[2].severity is Severity.WARNING


def test_a_failing_rule_gives_one_internal_error_and_the_others_still_run(model, rules):
    def boom(cable, ctx):
        yield Problem(span(1), "never seen")
        raise ZeroDivisionError("text of a paragraph must not leak")

    def fine(cable, ctx):
        yield Problem(span(4), "still here")

    settings = rules(fake_rule("ZZ001", "boom-rule", boom), fake_rule("ZZ002", "fine-rule", fine))
    found = check_cable(model(), settings)
    assert [(f.code, f.rule, f.severity, f.message) for f in found] == [
        ("IN001", "internal-error", Severity.ERROR, "rule ZZ001 (boom-rule) failed with ZeroDivisionError"),
        ("ZZ002", "fine-rule", Severity.ERROR, "still here"),
    ]


def test_the_caller_may_receive_the_exception_of_a_failing_rule(model, rules):
    def boom(cable, ctx):
        raise KeyError("where")

    settings = rules(fake_rule("ZZ001", "boom-rule", boom))
    seen: list[tuple[str, str]] = []
    check_cable(model(), settings, on_internal_error=lambda rule, exc: seen.append((rule.code, repr(exc))))
    assert seen == [("ZZ001", "KeyError('where')")]


def test_disabled_rules_do_not_run(model, rules):
    def boom(cable, ctx):
        raise AssertionError("must not run")

    settings = rules(fake_rule("ZZ001", "boom-rule", boom))
    assert check_cable(model(), EngineSettings(enabled=frozenset())) == []
    assert settings.enabled == frozenset({"ZZ001"})


def test_configured_severity_overrides_the_default(model, rules):
    settings = rules(fake_rule("ZZ001", "any-rule", lambda cable, ctx: [Problem(span(1), "x")]))
    settings = EngineSettings(enabled=settings.enabled, severities={"ZZ001": Severity.INFO})
    assert [f.severity for f in check_cable(model(), settings)] == [Severity.INFO]


def test_options_are_merged_over_the_defaults(model, rules):
    options = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "limit": {"type": "integer", "default": 3, "description": "a limit"},
            "flag": {"type": "boolean", "default": False, "description": "a flag"},
        },
    }
    seen: list[dict] = []

    def spy(cable, ctx: RuleContext):
        seen.append(dict(ctx.options))
        return []

    settings = rules(fake_rule("ZZ001", "spy-rule", spy, options=options))
    check_cable(model(), EngineSettings(enabled=settings.enabled, options={"ZZ001": {"flag": True}}))
    assert seen == [{"limit": 3, "flag": True}]


def test_context_carries_the_era_of_the_cable_date_and_a_fixed_today(model, rules):
    contexts: list[RuleContext] = []
    settings = rules(fake_rule("ZZ001", "spy-rule", lambda cable, ctx: contexts.append(ctx) or []))
    as_of = dt.date(2020, 1, 2)
    check_cable(model(), EngineSettings(enabled=settings.enabled, as_of=as_of))
    assert contexts[0].era.id == "EO12958A" and contexts[0].as_of == as_of


def test_without_as_of_today_is_the_real_date(model, rules):
    contexts: list[RuleContext] = []
    settings = rules(fake_rule("ZZ001", "spy-rule", lambda cable, ctx: contexts.append(ctx) or []))
    check_cable(model(), settings)
    assert contexts[0].as_of == dt.date.today()


def test_parse_errors_become_parse_error_findings(model):
    cable = model(parse_errors=(ParseError("unexpected text after the E.O. line", span(12, 3)),))
    found = check_cable(cable, EngineSettings(enabled=frozenset({"SY001"})))
    assert [(f.code, f.rule, f.span.line, f.span.column, f.message) for f in found] == [
        ("SY001", "parse-error", 12, 3, "unexpected text after the E.O. line")
    ]


def test_default_settings_enable_the_rules_enabled_by_default():
    assert default_settings().enabled == frozenset(rule.code for rule in all_rules() if rule.enabled_by_default)
    assert default_settings().as_of is None


def test_a_hand_built_clean_cable_gives_no_error(model):
    errors = [f for f in check_cable(model(), default_settings()) if f.severity is Severity.ERROR]
    assert [(f.code, f.message) for f in errors] == [
        ("DC001", "CONFIDENTIAL cable has no E.O. line"),
    ]


def test_a_problem_may_grade_itself_unless_the_user_configured_the_rule(model, rules):
    graded = [
        Problem(span(1), "graded", severity=Severity.WARNING),
        Problem(span(2), "default"),
        Problem(span(3), "info", severity=Severity.INFO),
    ]
    settings = rules(fake_rule("ZZ001", "graded-rule", lambda cable, ctx: graded))
    assert [f.severity for f in check_cable(model(), settings)] == [Severity.WARNING, Severity.ERROR, Severity.INFO]
    configured = EngineSettings(enabled=settings.enabled, severities={"ZZ001": Severity.INFO})
    assert [f.severity for f in check_cable(model(), configured)] == [Severity.INFO] * 3
