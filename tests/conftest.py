"""Shared fixtures: minimal synthetic cables and a one-call check.

``cable(...)`` renders a minimal, valid CONFIDENTIAL cable of 1 December 2008 whose parts can
be replaced or dropped (``None``), and returns its text together with the line number of
each part, so tests never hard-code positions.  ``check(text, "BN003")`` parses the text and
runs one rule (or all) and returns ``(code, line, column, message)`` tuples.  ``model(...)``
builds a model directly, for engine tests that must not depend on the parser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import pytest

from checker.engine import EngineSettings, check_cable
from checker.registry import all_rules
from checker.findings import Finding
from checker.model import Banner, Cable, Dtg, Header, Level, Marking, Paragraph, Span

#: "Today" for every test run, so date rules give the same result on any day.
AS_OF = dt.date(2026, 11, 27)



@dataclass
class BuiltCable:
    """A rendered synthetic cable and where its parts landed (1-based line numbers)."""

    text: str
    line: dict[str, int] = field(default_factory=dict)
    para: list[int] = field(default_factory=list)


def build_cable(
    *,
    header: bool = True,
    de: str | None = "DE RUEHC #6440 3361951",
    security: str | None = "ZNY CCCCC ZZH",
    dtg: str | None = "O 011943Z DEC 08",
    banner: str | None = "C O N F I D E N T I A L STATE 126440",
    captions: Sequence[str] = ("SIPDIS",),
    eo: str | None = "E.O. 12958: DECL: 11/24/2018",
    tags: str | None = "TAGS: PREL",
    subject: str | None = "SUBJECT: (U) TEST",
    authority: str | None = "Classified By: PM DAS A. Officer for Reasons: 1.4 (b) and (d)",
    paragraphs: Sequence[str] = ("1. (U) Text.", "2. (C) Text."),
    footer: str | None = None,
) -> BuiltCable:
    """Render a cable; a part set to ``None`` is left out, ``header=False`` drops the
    routing header.  Each part is one line; a paragraph may hold several."""
    lines: list[str] = []
    built = BuiltCable(text="")

    def block(name: str, text: str | None, blank_before: bool = True) -> None:
        if text is None:
            return
        if blank_before and lines:
            lines.append("")
        built.line[name] = len(lines) + 1
        lines.extend(text.split("\n"))

    if header:
        block("transmission", "VZCZCXYZ0005", blank_before=False)
        block("prosign", "OO RUEHWEB", blank_before=False)
        block("de", de, blank_before=False)
        block("security", security, blank_before=False)
        block("dtg", dtg, blank_before=False)
        block("from", "FM SECSTATE WASHDC", blank_before=False)
        block("to", "TO RUEHVB/AMEMBASSY ZAGREB IMMEDIATE 0000", blank_before=False)
    block("banner", banner)
    for index, caption in enumerate(captions):
        block(f"caption{index}", caption, blank_before=index == 0)
    block("eo", eo)
    block("tags", tags, blank_before=eo is None)
    block("subject", subject, blank_before=eo is None and tags is None)
    block("authority", authority)
    for paragraph in paragraphs:
        block("_para", paragraph)
        built.para.append(built.line.pop("_para"))
    block("footer", footer)
    built.text = "\n".join(lines) + "\n"
    return built


def run_check(text: str, rule: str | None = None, as_of: dt.date = AS_OF) -> list[tuple[str, int, int, str]]:
    """Parse ``text``, run one rule (by code) or all, return (code, line, column, message)."""
    return [(f.code, f.span.line, f.span.column, f.message) for f in findings_of(text, rule, as_of)]


def findings_of(text: str, rule: str | None = None, as_of: dt.date = AS_OF) -> list[Finding]:
    """The full findings for ``text`` with one rule (by code) or every registered rule
    enabled (rules off by default included: their tests must run too)."""
    from checker.parse import parse_cable

    enabled = frozenset({rule}) if rule else frozenset(r.code for r in all_rules())
    return check_cable(parse_cable(text), EngineSettings(enabled=enabled, as_of=as_of))


@pytest.fixture
def cable() -> Callable[..., BuiltCable]:
    """``cable(banner="S E C R E T STATE 1", paragraphs=[...])`` -> BuiltCable."""
    return build_cable


@pytest.fixture
def check() -> Callable[..., list[tuple[str, int, int, str]]]:
    """``check(text, "BN003")`` -> [(code, line, column, message), ...]."""
    return run_check


def span(line: int, column: int = 1, end_column: int | None = None) -> Span:
    """A one-line span, for hand-built models."""
    return Span(line, column, line, end_column or column + 1)


def marking(raw: str, level: Level | None, controls: tuple[str, ...] = (), line: int = 1) -> Marking:
    """A portion or banner marking, for hand-built models."""
    separators = ("/",) * len(controls)
    return Marking(raw, level, controls, (), separators, raw, span(line))


def make_cable(**overrides) -> Cable:
    """A hand-built CONFIDENTIAL cable of 2008-12-01 with two marked paragraphs."""
    header = Header(
        transmission_id=None,
        prosign=None,
        routing_indicators=(),
        de=None,
        security=None,
        dtg=Dtg("O 011943Z DEC 08", "O", dt.datetime(2008, 12, 1, 19, 43, tzinfo=dt.timezone.utc), span(1)),
        addresses=(),
        partial_extract=False,
        span=span(1),
    )
    banner = Banner(
        raw="C O N F I D E N T I A L",
        kind="top",
        marking=marking("CONFIDENTIAL", Level.CONFIDENTIAL, line=3),
        spaced=True,
        section=None,
        section_count=None,
        originator="STATE",
        serial="126440",
        span=span(3),
    )
    paragraphs = (
        Paragraph(1, "1.", marking("U", Level.UNCLASSIFIED, line=5), (), span(5)),
        Paragraph(2, "2.", marking("C", Level.CONFIDENTIAL, line=7), (), span(7)),
    )
    base = Cable(
        header=header,
        banners=(banner,),
        captions=(),
        eo=None,
        tags=None,
        subject=None,
        references=(),
        authority=None,
        paragraphs=paragraphs,
        page_marks=(),
        markers=(),
        signature=None,
        parse_errors=(),
        line_count=8,
    )
    return replace(base, **overrides)


@pytest.fixture
def model() -> Callable[..., Cable]:
    """``model(paragraphs=...)`` -> a hand-built Cable, independent of the parser."""
    return make_cable
