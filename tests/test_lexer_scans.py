"""The lexer's cheap scans give what the regular expressions they stand for give.

The line lexer finds markers, fused paragraph starts and odd characters without scanning
every character with a regular expression (bench/instructions.py counts the difference), and
builds its tokens without ``Token.__new__``.  Each shortcut must agree exactly with the slow
form it replaces; these properties check that on generated lines, stretches and tokens.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Token

from checker.parse import patterns as P
from checker.parse.lexer import (
    _AWAITS_TAIL,
    _banner_head,
    _caption_only,
    _fused_paragraphs,
    _holds_any,
    _marker_spans,
    _portion_start,
    _token,
    tokenize,
    valid_portion,
)
from checker.parse.markings import marking_parts

MARKER_PARTS = [
    "END", "end", "BEGIN", "Begin", "OF", "of", " ", "  ", "\t", "SUMMARY", "Summary", "COMMENT",
    "comment", "NOTE", "Note", "TEXT", "text", ":", ".", "AND", "x", "A", "İ", "ſ", "ß", "¶", "BEGİN",
    "NOTED", "SEND", "(", "1", "BEGIN   OF   TEXT", "end of\t\t\tcomment:", "Begin Of   Note", "SUMMARY AND COMMENT",
]
FUSED_PARTS = [
    " ", "  ", "\t", ")", ".", "-", ":", "1", "12", "123", "1234", "¶", "(C)", "( S/NF )", "(", "x",
    ") 1. (C)", ": 12.(S/NF)", "- ¶3) ( U )", " 1 . (C)", "x 1. (S)", "٣", " (", "1.(", ". (",
    ") 123. (C)", ":  ¶123) (S)", "-\t٣٤. (U)",
]

CAPTION_PARTS = [
    "-", "--", " ", "\t", "SIPDIS", "ſipdis", "Noforn", "E F T O", "C O R R E C T E D  C O P Y", "x", "(",
    "ADDED", "NOT FOR INTERNET DISTRIBUTION", ",", ".", "SECRET", "for official use only", "LIMDIS",
]
FIELD_PARTS = [
    "E.O. 12958", "e. 0.12958", "EO 13526", "eo: 1234", "TAGS:", "TAGS PREL", "tags:", "SUBJ:", "ſubject :",
    "REFTEL:", "refs :", "Classified By:", "CLASSFIED BY", "xClassified By", '"CLASSIFIED BY:', "DERIVED FROM:",
    "Derived from", " ", "x", "12345", ":",
]
# each field pattern the lexer searches a front-matter piece with, and the words its gate asks for
FIELD_GATES = [(P.EO_FUSED, ("E.", "EO")), (P.TAGS_FUSED, ("TAGS",)), (P.SUBJECT, ("SUBJ",)),
               (P.REF_FUSED, ("REF",)), (P.CLASSIFIED_BY, ("BY",)), (P.DERIVED_FROM, ("FROM",))]
BANNER_PARTS = [
    " ", "\t", '"', "'", ",", ".", "]", "ID: 245489 ", "Cable dated:2009-01-01T10:00", "SECRET", "ſecret",
    "C O N F I D E N T I A L", "UNCLAS", "Limited Official Use", "TOP  SECRET", "//NOFORN", " SIPDIS", "x", "İD:1 ",
]
# each keyword pattern front_line tries and the first characters (upper-cased) it is tried on
LEAD_GATES = [(P.EO_AT_START, ("E",)), (P.TAGS_AT_START, ("T",)), (P.SUBJECT_AT_START, ("S",)),
              (P.CLASSIFIED_AT_START, ("(", "C", "D")), (P.GARBLED_AUTHORITY, ("(", "C", "D")),
              (P.REF_AT_START, ("¶", "R"))]
TAIL_PARTS = ["para", "Paragraphs", "refs", "REFTEL", "1-", " ", "x", "s", "ſ", "-", "9", "_"]


def stretches(parts: list[str]) -> st.SearchStrategy[tuple[str, int, int]]:
    """A line joined from ``parts`` and a stretch ``[start, end)`` of it."""
    return st.lists(st.sampled_from(parts), min_size=1, max_size=16).map("".join).flatmap(
        lambda line: st.tuples(st.just(line), st.integers(0, len(line)), st.integers(0, len(line)))
    ).map(lambda t: (t[0], min(t[1], t[2]), max(t[1], t[2])))


@settings(max_examples=400, deadline=None)
@given(stretches(MARKER_PARTS))
def test_marker_spans_are_those_of_the_marker_pattern(stretch):
    line, start, end = stretch
    piece = line[start:end]
    expected = [m.span() for m in P.MARKER.finditer(line, start, end)]
    assert _marker_spans(line, start, end, piece, piece.upper()) == expected


@settings(max_examples=400, deadline=None)
@given(stretches(FUSED_PARTS))
def test_fused_paragraphs_are_those_of_the_fused_pattern(stretch):
    line, start, end = stretch
    expected = [(m.span(), m.groupdict()) for m in P.FUSED_PARAGRAPH.finditer(line, start, end)]
    assert [(m.span(), m.groupdict()) for m in _fused_paragraphs(line, start, end)] == expected


def test_rewritten_patterns_match_as_their_look_behind_forms():
    mark = P.mark()
    old = {
        P.FUSED_PARAGRAPH: r"(?<=[).\-:])[ \t]+(?P<start>¶?(?P<digits>\d{1,3})[ \t]?[.)][ \t]*" + mark + ")",
        P.FUSED_FIRST_PARAGRAPH: r"(?<![ \t])[ \t]+(?P<start>¶?(?P<digits>1)[ \t]?[.)][ \t]*" + mark + ")",
        P.PAGE_NUMBERS: r"(?=\d)(?:(?<!\d)\d{8}[ \t]+\d{3}(?:\.\d{1,2})?[ \t]+OF[ \t]+\d{3}(?!\d))",
    }
    lines = [
        ") 1. (C) x", "x) ¶12.(S/NF)", "a  1 . (C)", "x 1. (S)", " 1. (C)", "-\t3) ( U )", ": 1234. (C)",
        "CAIRO 00000757 002.2 OF 002", "123456789 001 OF 002", "x12345678 001 OF 0021", "12345678 001 OF 002",
    ]
    for new, pattern in old.items():
        slow = re.compile(pattern)
        for line in lines:
            for start in range(len(line) + 1):
                assert [(m.span(), m.groupdict()) for m in new.finditer(line, start)] == [
                    (m.span(), m.groupdict()) for m in slow.finditer(line, start)
                ]


def test_odd_characters_are_the_blank_and_binary_classes():
    odd = re.compile("[\u00a0\u2028\u2029\u2000-\u200a\u202f\u3000\x0b\x0c\x00-\x08\x0e-\x1f\x7f]")
    found = "".join(chr(c) for c in range(0x110000) if odd.match(chr(c)))
    assert sorted(P.ODD_CHARS) == sorted(found)
    assert _holds_any("plain text\nline ¶", P.ODD_CHARS) is False
    assert _holds_any("a\u00a0b", P.ODD_CHARS) and _holds_any("a\x00b", P.ODD_CHARS)


def test_tokens_are_built_as_lark_builds_them():
    fast = _token("TEXT", "two\nlines", 10, 2, 3, 3, 7, 19)
    slow = Token("TEXT", "two\nlines", 10, 2, 3, 3, 7, 19)
    assert type(fast) is Token and fast == slow
    assert all(getattr(fast, name) == getattr(slow, name) for name in Token.__slots__)


def test_markers_are_found_on_their_rows_whatever_the_line_breaks_and_characters():
    lines = ["SECRET SECTION 01 OF 02 CAIRO 000001", "", "¶1. (C) Summary: a.", *["b"] * 30, "END SUMMARY.",
             "x QQ y", "Note: b.", *["b"] * 30, "and Comment: c", "qqA RHTQwsQfjQQQocuments"]
    for wide in ("", " \u2019"):  # a Latin-1 text (rows found in one pass) and a wider one
        rows = [[(t.type, str(t), t.line, t.column, t.start_pos) for t in tokenize(ending.join(lines) + wide)]
                for ending in ("\n", "\r\n", "\r")]
        assert rows[0] == rows[1] == rows[2]
        assert [value for kind, value, *_ in rows[0] if kind == "MARKER"] == [
            "Summary:", "END SUMMARY", "Note:", "Comment:", "RHTQwsQfjQQQocuments"]


@pytest.mark.parametrize(
    ("gated", "pattern", "parts"),
    [(_caption_only, P.CAPTION_ONLY, CAPTION_PARTS), (_banner_head, P.BANNER_HEAD, BANNER_PARTS)],
)
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_gated_matches_are_the_patterns_matches(gated, pattern, parts, data):
    line = data.draw(st.lists(st.sampled_from(parts), max_size=10).map("".join))
    fast, slow = gated(line), pattern.match(line)
    assert (fast and fast.span()) == (slow and slow.span())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TAIL_PARTS), max_size=12).map("".join))
def test_awaits_number_is_found_in_the_tail(line):
    tail = P.AWAITS_NUMBER.search(line, max(0, len(line) - _AWAITS_TAIL))
    whole = P.AWAITS_NUMBER.search(line)
    assert (tail and tail.span()) == (whole and whole.span())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FIELD_PARTS), max_size=8).map("".join))
def test_field_patterns_match_only_where_their_gate_words_are(piece):
    upper = piece.upper()
    for pattern, words in FIELD_GATES:
        assert not pattern.search(piece) or any(word in upper for word in words)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "¶", "(U) ", *FIELD_PARTS, "Classiires Richard for (D).", "REF A"]),
                min_size=1, max_size=6).map("".join))
def test_front_keywords_match_only_after_their_first_characters(line):
    lead = line.lstrip(" \t")[:1].upper()
    for pattern, firsts in LEAD_GATES:
        assert not pattern.match(line) or lead in firsts


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "¶", "A", "D", "I", "V", "X", "é", "Ω", "1", "27", ".", ")", "(C)"]),
                min_size=1, max_size=8).map("".join))
def test_sub_labels_open_with_a_letter_only_before_their_marks(line):
    head = line.lstrip()
    first, second = head[:1], head[1:2]
    if first.isalpha():  # body_line's gates for a line opening with a letter
        assert not P.DECIMAL_SUB.match(line)
        assert not P.LETTERED_SUB.match(line) or second in (".", ")") or first in "IVX"
        assert not P.OUTLINE_SUB.match(line) or second == " "


PORTION_PARTS = [
    " ", "\t", "/", "//", "-", "--", "C", "S", "U", "TS", "NF", "SBU", "sbu-n", "NOFORN", "No Forn",
    "REL TO", "rel", "USA", "GBR", ", ", "NC", "CTS", "E F T O", "S E C R E T", "ſ", "İ", "x", "OF",
    "COMPOSED", "LARGELY", "TAJIKS", "LIMITED OFFICIAL USE", "FOR OFFICIAL USE ONLY", "1", "(",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PORTION_PARTS), max_size=7).map("".join))
def test_a_refused_portion_start_is_never_a_valid_marking(raw):
    marking = marking_parts(raw)
    valid = (marking.level is not None or bool(marking.controls)) and not marking.unknown
    assert valid_portion(raw) == valid
    if valid:
        assert _portion_start().match(raw)
