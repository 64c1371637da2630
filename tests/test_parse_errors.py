"""Text the grammar cannot place: a ParseError with a human label at the line, never a traceback."""

from __future__ import annotations

from checker.model import Span
from checker.parse import parse_cable
from checker.parse.errors import EXAMPLES

CABLE = "UNCLAS STATE 000001\n\nSUBJECT: X\n\n1. (U) Text.\n"


def test_unreadable_characters_are_reported_at_their_line_and_the_rest_is_modelled():
    cable = parse_cable(CABLE + "\x00\x01binary\x02\n\n2. (U) More.\n")
    assert [(e.message, e.span) for e in cable.parse_errors] == [
        ("unreadable characters (binary data?) in the text", Span(6, 1, 6, 10)),
    ]
    assert [p.number for p in cable.paragraphs] == [1, 2]


def test_a_lone_routing_line_after_the_text_started():
    cable = parse_cable(CABLE + "VZCZCXYZ0006\n")
    assert [(e.message, e.span.line) for e in cable.parse_errors] == [
        ("routing header line after the cable text has started (two cables in one file?)", 6),
    ]
    assert cable.banner is not None and len(cable.paragraphs) == 1


def test_empty_text():
    cable = parse_cable("  \n\n")
    assert [(e.message, e.span) for e in cable.parse_errors] == [("empty text: no cable to parse", Span(1, 1, 1, 1))]
    assert cable.line_count == 2


def test_every_label_has_examples_that_fail_with_it():
    for label, examples in EXAMPLES.items():
        for example in examples:
            assert label in [e.message for e in parse_cable(example).parse_errors], example
