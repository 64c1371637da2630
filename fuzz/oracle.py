"""What counts as a crash of cablelint, for the fuzzers and the regression tests.

cablelint promises never to raise on any input and never to point outside the file, so the
oracle runs the whole ``bytes -> text -> model -> findings`` path and reports a violation
when an exception escapes, the parser or a rule hit an internal error (they are caught and
turned into an ``internal parser error`` parse error or an ``IN001`` finding, which hides a
bug from the user), or a finding or parse error points outside the text.  For a caught
internal error it re-runs the failing step without the safety net to get the traceback's
last frame, so a crash report names the file and line of the bug, not just "internal error".
"""

from __future__ import annotations

import datetime as dt
import traceback
from dataclasses import dataclass

from checker.engine import EngineSettings, check_cable, default_settings
from checker.model import Cable, Span
from checker.parse import parse_cable
from checker.parse.lexer import split_lines
from checker.registry import INTERNAL_ERROR_CODE, all_rules
from checker.source import SourceError, decode

#: A fixed "today", so date rules behave the same on every run.
AS_OF = dt.date(2026, 11, 27)
INTERNAL_PARSER_ERROR = "internal parser error"


@dataclass(frozen=True)
class Violation:
    """A broken promise: ``signature`` groups crashes with one cause, ``detail`` explains it."""

    signature: str
    detail: str


def check_bytes(data: bytes) -> list[Violation]:
    """Decode ``data`` as the command line does; refused input (binary, bad BOM) is fine."""
    try:
        text = decode(data).text
    except SourceError:
        return []
    except Exception as error:  # noqa: BLE001 - decoding must only ever raise SourceError
        return [_from_exception("decode", error)]
    return check_text(text)


def check_text(text: str) -> list[Violation]:
    """Every promise of the parse-and-check path broken by ``text``."""
    settings = EngineSettings(enabled=default_settings().enabled, as_of=AS_OF)
    try:
        cable = parse_cable(text)
        findings = check_cable(cable, settings)
    except Exception as error:  # noqa: BLE001 - the point is to catch what escapes
        return [_from_exception("lint", error)]
    if not isinstance(cable, Cable):
        return [Violation("parse_cable returned " + type(cable).__name__, "")]
    violations: list[Violation] = []
    if any(error.message.startswith(INTERNAL_PARSER_ERROR) for error in cable.parse_errors):
        violations.append(_parser_traceback(text))
    for finding in findings:
        if finding.code == INTERNAL_ERROR_CODE:
            violations.append(_rule_traceback(cable, finding.message))
    lines = split_lines(text) if text else [""]
    spans = [(f"{f.code} finding", f.span) for f in findings]
    spans += [("parse error", e.span) for e in cable.parse_errors]
    for what, span in spans:
        problem = span_problem(span, lines)
        if problem:
            violations.append(Violation(f"{what} {problem[0]}", f"{what} at {span}: {problem[1]}"))
    return violations


#: Linting costs well under a millisecond per kilobyte; this budget is a hundred times that,
#: plus a fixed allowance for a loaded machine, so only super-linear work trips it.
SLOW_SECONDS_FIXED = 1.0
SLOW_SECONDS_PER_KB = 0.05


def slowness(size: int, seconds: float) -> list[Violation]:
    """A violation when one input took far longer than linear work on its size could."""
    budget = SLOW_SECONDS_FIXED + SLOW_SECONDS_PER_KB * size / 1024
    if seconds <= budget:
        return []
    return [Violation("slow input", f"{seconds:.1f} s for {size} bytes (budget {budget:.1f} s)")]


def span_problem(span: Span, lines: list[str]) -> tuple[str, str] | None:
    """Why ``span`` does not point inside ``lines``: (kind, detail), or ``None`` when it does.

    A span may end one column past the last character of its line (an end is exclusive)
    and a file's only position may be 1:1 even when the file is empty.  The kind carries no
    numbers, so one bug found in many inputs is reported once.
    """
    last = max(1, len(lines) - 1 if len(lines) > 1 and lines[-1] == "" else len(lines))
    if not 1 <= span.line <= last:
        return "starts outside the file", f"starts on line {span.line} of {last}"
    if not span.line <= span.end_line <= last:
        return "ends outside the file", f"ends on line {span.end_line} (starts {span.line}, file has {last})"
    width, end_width = len(lines[span.line - 1]), len(lines[span.end_line - 1])
    if not 1 <= span.column <= width + 1:
        return "starts outside its line", f"starts at column {span.column} of a {width}-character line"
    if not 1 <= span.end_column <= end_width + 1:
        return "ends outside its line", f"ends at column {span.end_column} of a {end_width}-character line"
    if span.end_line == span.line and span.end_column < span.column:
        return "ends before it starts", f"columns {span.column}-{span.end_column}"
    return None


def _from_exception(step: str, error: BaseException) -> Violation:
    """A violation named after the exception type and the innermost frame of the project."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/checker/" in f.filename or "/rules/" in f.filename] or frames
    where = f"{_short(ours[-1].filename)}:{ours[-1].lineno}" if ours else "?"
    detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return Violation(f"{step}: {type(error).__name__} at {where}", detail)


def _short(filename: str) -> str:
    for marker in ("/checker/", "/rules/"):
        if marker in filename:
            return marker.strip("/") + "/" + filename.split(marker, 1)[1]
    return filename


def _parser_traceback(text: str) -> Violation:
    """Re-run the grammar, recovering as ``parse_cable`` does but without its safety net."""
    from checker.parse.errors import parse_error
    from checker.parse.grammar import cable_parser

    def recover(error: Exception) -> bool:
        parse_error(error)
        return True

    try:
        cable_parser().parse(text, on_error=recover)
    except Exception as error:  # noqa: BLE001
        return _from_exception("parser", error)
    return Violation("parser: internal parser error (not reproduced raw)", text[:200])


def _rule_traceback(cable: Cable, message: str) -> Violation:
    """Re-run the rule named in an ``IN001`` finding to locate the bug."""
    from checker.engine import RuleContext
    from checker import eras
    from types import MappingProxyType

    for rule in all_rules():
        if f"rule {rule.code} " not in message:
            continue
        context = RuleContext(MappingProxyType(dict(rule.defaults)), eras.era_for_cable(cable), AS_OF)
        try:
            list(rule.check(cable, context))
        except Exception as error:  # noqa: BLE001
            return _from_exception(f"rule {rule.code}", error)
    return Violation(f"IN001: {message}", message)
