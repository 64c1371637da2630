"""Properties of the parser on generated cable-like text: it never raises, and every span it
reports points inside the text (formatters print them and carets rely on them)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.parse import parse_cable
from checker.parse.lexer import split_lines

FRAGMENTS = [
    "VZCZCXYZ0001", "OO RUEHWEB", "DE RUEHC #0001/01 0011200", "ZNY CCCCC ZZH", "O 011943Z DEC 08",
    "FM SECSTATE WASHDC", "TO RUEHXX/AMEMBASSY X IMMEDIATE 0001", "C O N F I D E N T I A L STATE 000001",
    "S E C R E T SECTION 01 OF 02 CAIRO 000326", "UNCLAS E F T O LONDON 002883", "SIPDIS", "NOFORN",
    "E.O. 12958: DECL: 11/24/2018", "EO 12958 DECL: 13/45/2018", "TAGS: PREL PGOV", "SUBJECT: (C) A TEST",
    "REF: A. STATE 1 B. CAIRO 2", "Classified By: A. Officer for Reasons: 1.4 (b) and (d)", "¶1. (C) Text.",
    "[1](#)2. (S//NF) Text.", "17. (SBU) Text.", "(C) Unnumbered.", "A. (C) Sub.", "-- (S/NF) Bullet.",
    "CAIRO 00000757 002.2 OF 002", "PAGE 02 HARARE 05461 01 OF 02 271458Z", "CONFIDENTIAL", "END SUMMARY.",
    "id: 1", "date: 1/1/2006", "header:", "", "   ", "\t", "(", "((", "¶", "1.", "\x00", "\u2028",
]

lines = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=40
)
endings = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=300, deadline=None)
@given(lines, endings, st.booleans())
def test_spans_point_inside_the_text_and_nothing_raises(parts, ending, glue):
    text = (" " if glue else ending).join(parts)
    cable = parse_cable(text)
    rows = split_lines(text)
    spans = [e.span for e in cable.parse_errors] + [p.span for p in cable.paragraphs]
    spans += [b.span for b in cable.banners] + [m.span for m in cable.page_marks]
    spans += [p.marking.span for p in cable.paragraphs if p.marking]
    for part in (cable.eo, cable.tags, cable.subject, cable.authority):
        if part is not None:
            spans.append(part.span)
    for span in spans:
        assert 1 <= span.line <= max(len(rows), 1)
        assert 1 <= span.end_line <= max(len(rows), 1)
        assert (span.line, span.column) <= (span.end_line, span.end_column)
        if rows and span.line <= len(rows):
            assert 1 <= span.column <= len(rows[span.line - 1]) + 1
    assert all(not e.message.startswith("internal") for e in cable.parse_errors)
