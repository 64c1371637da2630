"""The grammar file itself: it builds in strict mode, lazily, and the parser never raises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checker.parse import parse_cable
from checker.parse.grammar import build_strict, grammar_text
from checker.parse.lexer import split_lines, tokenize

FIXTURE = Path(__file__).parent / "fixtures" / "grammar" / "minimal.txt"


@pytest.mark.parametrize("start", ["cable", "marking", "declassification"])
def test_the_grammar_builds_with_strict_checks(start):
    # strict=True: no shift/reduce conflict, no colliding terminals (needs interegular)
    assert build_strict(start) is not None


def test_every_declared_line_token_is_documented_with_an_example():
    text = grammar_text()
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("%declare"):
            assert lines[i - 1].startswith("//"), f"{line} has no example comment above it"


def test_every_token_the_lexer_produces_is_declared_in_the_grammar():
    declared = {line.split()[1] for line in grammar_text().splitlines() if line.startswith("%declare")}
    kinds = {t.type for t in tokenize(FIXTURE.read_text(encoding="utf-8"))}
    assert kinds <= declared


def test_importing_the_parser_builds_nothing_and_checker_does_not_import_lark():
    code = (
        "import sys, checker, checker.model\n"
        "assert 'lark' not in sys.modules\n"
        "import checker.parse, checker.parse.grammar as g\n"
        "assert g.cable_parser.cache_info().currsize == 0\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "\x00\x01\x02binary\xff\xfe",
        "no newline at all " * 5000,
        "(S//NF)\n",
        "a,b\n1,2\n",
        "VZCZC\n" * 50,
        "¶" * 1000,
        "1.\n" * 2000,
        "C O N F I D E N T I A L" + "\r",
        "\u2028\u2029\x0b\x0c",
    ],
)
def test_parse_cable_never_raises(text):
    cable = parse_cable(text)
    assert all(not e.message.startswith("internal") for e in cable.parse_errors)


def test_all_three_line_endings_count_as_line_breaks_and_keep_columns():
    lf = FIXTURE.read_text(encoding="utf-8")
    for ending in ("\r\n", "\r"):
        other = parse_cable(lf.replace("\n", ending))
        same = parse_cable(lf)
        assert [p.span for p in other.paragraphs] == [p.span for p in same.paragraphs]
        assert other.banner.span == same.banner.span
        assert other.line_count == same.line_count == 31


def test_only_cr_lf_and_crlf_split_lines():
    assert split_lines("a\r\nb\rc\nd\u2028e\x0bf") == ["a", "b", "c", "d\u2028e\x0bf"]


def test_the_shipped_parser_tables_match_the_grammar():
    # stale means built from another grammar text; regenerate with:  python -m checker.parse.build_tables
    # (a newer Lark release is not staleness: the tables are then simply not used, see the next test)
    from checker.parse.grammar import grammar_digest, read_tables

    tables = read_tables()
    assert tables is not None and tables["grammar"] == grammar_digest(), (
        "grammar/cable.tables is stale: run python -m checker.parse.build_tables"
    )


@pytest.mark.parametrize("field", ["grammar", "lark"])
def test_tables_from_another_grammar_or_lark_version_fall_back_to_building(monkeypatch, field):
    from checker.parse import grammar

    real = grammar.read_tables()
    monkeypatch.setattr(grammar, "read_tables", lambda: {**real, field: "something else"})
    grammar._shipped_tables.cache_clear()
    try:
        assert grammar._load("cable") is None
        assert grammar._build_marking_parser().parse("S//NF", start="marking") is not None
    finally:
        grammar._shipped_tables.cache_clear()
