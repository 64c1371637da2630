"""Property tests: whatever damage a cable suffers, linting it never raises, always yields a
model, and every finding points inside the file.

Inputs are random edits of the seed cable and the synthetic fixtures (lines dropped,
duplicated or swapped, the file cut short, stray bytes, grammar tokens, other line ends),
drawn by ``fuzz/mutations.py``; ``fuzz/oracle.py`` says what "inside the file" means.  Both
are shared with the long-running fuzzer ``fuzz/run.py``, whose every crash is kept in
``tests/fixtures/fuzz_regressions/`` and replayed here.  The budget is small so the suite
stays quick; ``fuzz/run.py --engine hypothesis --minutes N`` runs the same edits for longer.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine import check_cable
from checker.model import Cable
from checker.parse import parse_cable
from checker.parse.lexer import split_lines
from checker.source import SourceError, decode

ROOT = Path(__file__).resolve().parents[1]
REGRESSIONS = sorted((ROOT / "tests" / "fixtures" / "fuzz_regressions").glob("*.input"))


def _load(name: str) -> ModuleType:
    """Import ``fuzz/<name>.py`` by path: fuzz/ is a tool directory, not an installed package."""
    spec = importlib.util.spec_from_file_location(f"cablelint_fuzz_{name}", ROOT / "fuzz" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


oracle = _load("oracle")
mutations = _load("mutations")
SETTINGS = oracle.SETTINGS
BUDGET = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _text(data: bytes) -> str | None:
    """``data`` decoded as the command line decodes it; ``None`` when it is refused as binary."""
    try:
        return decode(data).text
    except SourceError:
        return None


def _assert_sound(text: str) -> None:
    """The model exists, counts the lines, and every finding and parse error lies inside them."""
    cable = parse_cable(text)
    findings = check_cable(cable, SETTINGS)
    assert isinstance(cable, Cable)
    lines = split_lines(text) if text else [""]
    assert cable.line_count == (len(lines) - 1 if lines[-1] == "" else len(lines))
    for what, span in [(f.code, f.span) for f in findings] + [("parse error", e.span) for e in cable.parse_errors]:
        assert oracle.span_problem(span, lines) is None, (what, span, oracle.span_problem(span, lines))


@BUDGET
@given(mutations.damaged_cables())
def test_a_damaged_cable_never_raises_and_findings_point_inside_it(data: bytes) -> None:
    text = _text(data)
    if text is not None:
        _assert_sound(text)


@BUDGET
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_at_all_never_raises_and_findings_point_inside_it(text: str) -> None:
    _assert_sound(text)


@BUDGET
@given(st.lists(st.sampled_from(mutations.TOKENS), max_size=30))
def test_cable_tokens_in_any_order_never_raise_and_findings_point_inside_them(tokens: list[bytes]) -> None:
    text = _text(b"".join(tokens))
    if text is not None:
        _assert_sound(text)


@BUDGET
@given(mutations.damaged_cables())
def test_a_damaged_cable_never_causes_an_internal_error(data: bytes) -> None:
    """An internal error is caught (a parse error or IN001 finding), but it hides a bug."""
    assert [v.signature for v in oracle.check_bytes(data)] == []


#: Values a TOML table can hold, nested; keys drawn from the real configuration keys, rule
#: codes and names, and junk, so that validation is reached at every depth.
_KEYS = st.sampled_from(["select", "ignore", "extend-select", "per-file-ignores", "rules", "include", "exclude",
                         "fail-level", "as-of", "severity", "PM001", "banner-missing", "BN", "", "x" * 300])
_SCALARS = st.one_of(st.text(max_size=20), st.integers(), st.floats(allow_nan=True), st.booleans(),
                     st.dates(), st.datetimes(), st.sampled_from(["error", "warning", "PM", "2020-02-30", "**/*"]))
_TOML_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner,
                                                                                                    max_size=4),
                            max_leaves=20)


@BUDGET
@given(st.dictionaries(_KEYS, _TOML_VALUES, max_size=6))
def test_any_configuration_table_is_accepted_or_refused_with_one_line(table: dict) -> None:
    """A configuration either builds settings or raises ConfigError with a one-line message."""
    from checker.config import Config, ConfigError, from_mapping

    try:
        config = from_mapping(table, source="fuzz.toml")
    except ConfigError as error:
        assert str(error).startswith("fuzz.toml: ") and "\n" not in str(error)
        return
    assert isinstance(config, Config)
    config.settings_for("a/b.txt")


def test_the_oracle_catches_a_finding_past_the_end_of_the_file() -> None:
    """The property above can fail: a span on line 3 of a 2-line file is reported."""
    from checker.model import Span

    assert oracle.span_problem(Span(3, 1, 3, 1), ["a", "b", ""]) == ("starts outside the file",
                                                                      "starts on line 3 of 2")
    assert oracle.span_problem(Span(2, 3, 2, 3), ["a", "b", ""]) == ("starts outside its line",
                                                                      "starts at column 3 of a 1-character line")
    assert oracle.span_problem(Span(2, 2, 2, 2), ["a", "b", ""]) is None


def test_the_oracle_catches_a_rule_that_raises_and_a_format_that_writes_broken_json(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    import checker.engine
    from checker.formatters import json as json_format

    real = checker.engine.all_rules()

    def broken(cable, ctx):  # type: ignore[no-untyped-def]
        raise IndexError("no paragraph")

    rule = dataclasses.replace(real[0], check=broken)
    monkeypatch.setattr(checker.engine, "all_rules", lambda: (rule, *real[1:]))
    monkeypatch.setattr(json_format.FORMATTER, "finish", lambda self, summary: self.out.write("{"))
    signatures = [v.signature for v in oracle.check_text("UNCLAS STATE 000001\n\n1. (U) Text.\n")]
    assert signatures == [f"rule {rule.code}: IndexError at tests/test_fuzz_properties.py:{broken.__code__.co_firstlineno + 1}",
                          "format json: JSONDecodeError at " + signatures[1].rsplit(" at ", 1)[1]]


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.stem for p in REGRESSIONS])
def test_every_crash_the_fuzzer_found_stays_fixed(path: Path) -> None:
    assert [v.signature for v in oracle.check_bytes(path.read_bytes())] == []
