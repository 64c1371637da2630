"""What counts as a crash of cablelint, for the fuzzers and the regression tests.

cablelint promises never to raise on any input and never to point outside the file, so the
oracle runs the whole ``bytes -> text -> model -> findings -> every output format`` path and reports a
violation when an exception escapes, the parser or a rule hit an internal error (they are
caught and turned into an ``internal parser error`` parse error or an ``IN001`` finding, which
hides a bug from the user), a finding or parse error points outside the text, or a format
fails or writes invalid JSON/XML.  A caught error is reported with its traceback's innermost
frame of the project (the engine hands rule exceptions over; a parser error is re-run without
its safety net), so a crash report names the file and line of the bug.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import traceback
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from checker.engine import EngineSettings, check_cable, default_settings
from checker.model import Cable, Span
from checker.parse import parse_cable
from checker.parse.lexer import split_lines
from checker.source import SourceError, decode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: A fixed "today", so date rules behave the same on every run.
AS_OF = dt.date(2026, 11, 27)
SETTINGS = EngineSettings(enabled=default_settings().enabled, as_of=AS_OF)
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
    """Every promise of the parse-check-format path broken by ``text``."""
    failed_rules: list[tuple[str, Exception]] = []
    try:
        cable = parse_cable(text)
        findings = check_cable(cable, SETTINGS, on_internal_error=lambda rule, error: failed_rules.append(
            (rule.code, error)))
    except Exception as error:  # noqa: BLE001 - the point is to catch what escapes
        return [_from_exception("lint", error)]
    if not isinstance(cable, Cable):
        return [Violation("parse_cable returned " + type(cable).__name__, "")]
    violations = [_from_exception(f"rule {code}", error) for code, error in failed_rules]
    if any(error.message.startswith(INTERNAL_PARSER_ERROR) for error in cable.parse_errors):
        violations.append(_parser_traceback(text))
    lines = split_lines(text) if text else [""]
    spans = [(f"{f.code} finding", f.span) for f in findings]
    spans += [("parse error", e.span) for e in cable.parse_errors]
    for what, span in spans:
        problem = span_problem(span, lines)
        if problem:
            violations.append(Violation(f"{what} {problem[0]}", f"{what} at {span}: {problem[1]}"))
    return violations + render_problems(cable, findings, lines)


def render_problems(cable: Cable, findings: list, lines: list[str]) -> list[Violation]:
    """Feed the findings to every output format, as the command line does; each must finish,
    and json and sarif must be valid JSON, junit valid XML."""
    from checker.api import FileResult
    from checker.formatters import FORMATS, FormatOptions, Summary, get
    from checker.formatters.sarif import fingerprints

    shown = {f.span.line: lines[f.span.line - 1] for f in findings if 0 < f.span.line <= len(lines)}
    violations = []
    for name in FORMATS:
        out = io.StringIO()
        try:
            result = FileResult("fuzz.txt", tuple(findings), fingerprints=fingerprints(cable, findings),
                                source_lines=shown)
            summary = Summary()
            summary.add(result)
            formatter = get(name)(out, FormatOptions(show_source=name == "text", statistics=name == "text"))
            formatter.start()
            formatter.file(result)
            formatter.finish(summary)
            if name in ("json", "sarif"):
                json.loads(out.getvalue())
            elif name == "junit":
                ElementTree.fromstring(out.getvalue())
        except Exception as error:  # noqa: BLE001
            violations.append(_from_exception(f"format {name}", error))
    return violations


#: Linting costs well under a millisecond per kilobyte; this budget is a hundred times that,
#: plus a fixed allowance for a loaded machine, so only super-linear work trips it.
SLOW_SECONDS_FIXED = 1.0
SLOW_SECONDS_PER_KB = 0.05


def slowness(size: int, seconds: float) -> list[Violation]:
    """A violation when one input took far longer (in CPU seconds) than linear work on its size could."""
    budget = SLOW_SECONDS_FIXED + SLOW_SECONDS_PER_KB * size / 1024
    if seconds <= budget:
        return []
    return [Violation("slow input", f"{seconds:.1f} CPU s for {size} bytes (budget {budget:.1f} s)")]


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
    """A violation named after the exception type and the innermost frame of the project
    (not of lark or the standard library, and not of this oracle)."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if f.filename.startswith(str(ROOT)) and not f.filename.startswith(str(HERE))]
    last = (ours or frames)[-1] if frames else None
    where = f"{_short(last.filename)}:{last.lineno}" if last else "?"
    detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return Violation(f"{step}: {type(error).__name__} at {where}", detail)


def _short(filename: str) -> str:
    return str(Path(filename).relative_to(ROOT)) if filename.startswith(str(ROOT)) else filename


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
