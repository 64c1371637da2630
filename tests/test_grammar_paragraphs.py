"""Body: numbered and unnumbered paragraphs, sub-paragraphs, bullets, page marks, markers, signature."""

from __future__ import annotations

import pytest

from checker.model import Level
from checker.parse import parse_cable

TOP = "C O N F I D E N T I A L STATE 000001\n\nSUBJECT: X\n\n"


def body(lines: str):
    cable = parse_cable(TOP + lines + "\n")
    assert cable.parse_errors == ()
    return cable


def numbers_and_marks(cable):
    return [(p.number, p.marking.canonical if p.marking else None) for p in cable.paragraphs]


@pytest.mark.parametrize(
    ("line", "raw", "canonical", "mark_column"),
    [
        ("1. (C) Text.", "1.", "C", 5),
        ("¶1. (C) Text.", "¶1.", "C", 6),
        ("¶1.  (S//NF) Text.", "¶1.", "S//NF", 7),
        ("[1](#)1. (U) Text.", "[1](#)1.", "U", 11),
        ("1) (U) Summary.", "1)", "U", 5),
        ("1.(C) SUMMARY.", "1.", "C", 4),
        ("1)(C) Text.", "1)", "C", 4),
        ("(C) 1. In a visit to The Hague.", "(C) 1.", "C", 2),
        ("1 .   (C)   Summary.", "1 .", "C", 8),
        ("6 (C) COMMENT: text.", "6", "C", 4),
        ("1. Text without a mark.", "1.", None, None),
        ("7.While many ...", "7.", None, None),
        ("3.. (SBU) All elections.", "3..", "SBU", 6),
        ("¶1. Summary.  (S/NF) On April 1.", "¶1.", "S//NF", 16),
        ("¶11.  ( C ) Energy.", "¶11.", "C", 9),
    ],
)
def test_numbered_paragraph_forms(line, raw, canonical, mark_column):
    paragraph = body(line).paragraphs[0]
    assert paragraph.number_raw == raw
    assert (paragraph.marking.canonical if paragraph.marking else None) == canonical
    assert (paragraph.marking.span.column if paragraph.marking else None) == mark_column
    assert (paragraph.span.line, paragraph.span.column) == (5, 1)


def test_anchor_residue_17_after_6_is_paragraph_7_and_a_blank_line_does_not_end_a_paragraph():
    cable = body(
        "[1](#)5. (C) Five.\n\n[1](#)6. (SBU) Six.\n\n17. (SBU) Seven.\n\n18. (SBU) Eight.\n\n"
        "19. (SBU) Heading that wraps\n\nafter a blank line.\n\n¶10. (SBU) Ten.\n\n¶11. (U) Eleven.\n"
    )
    assert [p.number for p in cable.paragraphs] == [5, 6, 7, 8, 9, 10, 11]
    assert [p.number_raw for p in cable.paragraphs][2:4] == ["17.", "18."]
    ninth = cable.paragraphs[4]
    assert (ninth.span.line, ninth.span.end_line) == (13, 15)


def test_false_friends_are_text():
    cable = body("1. (C) Text in\n¶2003. Continuity was the year's theme.\n2.5 million people came.")
    assert numbers_and_marks(cable) == [(1, "C")]
    assert cable.paragraphs[0].span.end_line == 7


def test_a_wrapped_number_after_a_text_line_is_text():
    cable = body("3. (C) His visit to Colombia the week of September\n¶11.  His visit.\n\n4. (C) Next.")
    assert [p.number for p in cable.paragraphs] == [3, 4]


def test_unnumbered_paragraphs_opening_with_a_portion_mark():
    cable = body("(C/NF) Ambassador presented reftel points.\n\n(U) Second one.")
    assert numbers_and_marks(cable) == [(None, "C//NF"), (None, "U")]


def test_list_labels_are_not_portion_marks():
    cable = body("1. (U) Lists.\n(A) first item\n(B) second item\n(C) third item\n\n2. (a) Yes.\n3. (b) No.\n4. (c) Yes.")
    assert numbers_and_marks(cable) == [(1, "U"), (2, None), (3, None), (4, None)]


def test_paragraph_fused_behind_the_authority_line():
    cable = parse_cable(TOP + "Classified By: Ambassador Kurt Volker for reasons 1.4 (b) and (d) 1. (C) Summary. Text.\n")
    assert cable.authority.reasons.letters == ("b", "d")
    paragraph = cable.paragraphs[0]
    assert (paragraph.number, paragraph.marking.canonical, paragraph.span.column) == (1, "C", 67)


@pytest.mark.parametrize(
    ("line", "label", "canonical"),
    [
        ("A. (C) Lettered.", "A", "C"),
        ("A) (S/NF) Current location of material.", "A", "S//NF"),
        ("27.A. (SBU) Decimal.", "27.A", "SBU"),
        ("-- (C) The GOI, like the USG.", "--", "C"),
        ("--Confirm that host government.", "--", None),
        ("B. Unmarked lettered.", "B", None),
    ],
)
def test_subparagraphs_belong_to_the_enclosing_paragraph(line, label, canonical):
    cable = body("27. (S) Enclosing.\n\n" + line)
    assert len(cable.paragraphs) == 1
    (sub,) = cable.paragraphs[0].subparagraphs
    assert (sub.label, sub.marking.canonical if sub.marking else None, sub.span.line) == (label, canonical, 7)


def test_a_marked_bullet_on_the_heading_line():
    (sub,) = body("1.KEY POINTS -- (C) On May 18, ...").paragraphs[0].subparagraphs
    assert (sub.label, sub.marking.level, sub.span.column) == ("--", Level.CONFIDENTIAL, 14)


def test_page_breaks_and_footers_never_split_a_paragraph():
    cable = body(
        "1. (C) Text that runs on  CONFIDENTIAL\n"
        "PAGE 02 HARARE 05461 01 OF 02 271458Z THE TEXT GOES ON\n"
        "and on civil and CAIRO 00001013 002 OF 002 tribal society.\n\n"
        "2. (C) Next."
    )
    assert [p.number for p in cable.paragraphs] == [1, 2]
    assert (cable.paragraphs[0].span.line, cable.paragraphs[0].span.end_line) == (5, 7)
    assert [(m.kind, m.raw, m.span.line, m.span.column) for m in cable.page_marks] == [
        ("footer", "CONFIDENTIAL", 5, 27),
        ("page-break", "PAGE 02 HARARE 05461 01 OF 02 271458Z", 6, 1),
        ("page-break", "CAIRO 00001013 002 OF 002", 7, 18),
    ]


def test_a_page_break_line_of_its_own():
    cable = body("1. (C) Text\nASHGABAT 00000757 001.2 OF 002\ngoes on.")
    assert [m.raw for m in cable.page_marks] == ["ASHGABAT 00000757 001.2 OF 002"]
    assert cable.paragraphs[0].span.end_line == 7


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("1. (C) Summary: things. End Summary.", ["summary", "end-summary"]),
        ("SUMMARY\n-------\n\n1. (C) Text.\nEND SUMMARY", ["summary", "end-summary"]),
        ("1. (C) Comment: we think. END COMMENT.", ["comment", "end-comment"]),
        ("1. (C) Text (Note: aside. End note.)", ["note", "end-note"]),
        ("1. (U) BEGIN TEXT: words END TEXT.", ["begin-text", "end-text"]),
    ],
)
def test_summary_comment_and_note_markers(text, kinds):
    assert [m.kind for m in body(text).markers] == kinds


@pytest.mark.parametrize(
    ("text", "signature"),
    [
        ("1. (U) Text.\nRICE", "RICE"),
        ("1. (U) Text.\n\nvan Voorst", "van Voorst"),
        ("1. (U) Text. END COMMENT. MILES", "MILES"),
        ("1. (U) Text ends with a lower-case sentence.", None),
    ],
)
def test_signature(text, signature):
    assert body(text).signature == signature


@pytest.mark.parametrize(
    ("line", "raw", "level", "unknown"),
    [
        ("9. C) Berlusconi and Letta.", "C)", Level.CONFIDENTIAL, (")",)),  # opening parenthesis missing
        ("6. (C XXXXXXXXXXXX, too, said.", "C", Level.CONFIDENTIAL, ()),  # a redaction ate the closing one
        ("1. Summary and comment. (C) The Conservatives.", "C", Level.CONFIDENTIAL, ()),  # after lead-in words
    ],
)
def test_misplaced_and_malformed_marks_are_recorded_as_written(line, raw, level, unknown):
    marking = body(line).paragraphs[0].marking
    assert (marking.raw, marking.level, marking.unknown) == (raw, level, unknown)
    assert marking.canonical == (None if unknown else "C")


@pytest.mark.parametrize(
    ("line", "redacted"),
    [
        ("7. XXXXXXXXXXXX said the minister would come.", True),
        ("¶2.  xxxxxxxxxxxx should be told.", True),
        ("3. (C) XXXXXXXXXXXX said so.", True),
        ("4. The minister said XXXXXXXXXXXX would come.", False),
    ],
)
def test_a_paragraph_opening_with_a_media_redaction_is_flagged(line, redacted):
    assert body(line).paragraphs[0].redacted_start is redacted


def test_a_bullet_opening_with_a_media_redaction_is_flagged():
    (sub,) = body("1. (S) Text.\n-- XXXXXXXXXXXX told us.").paragraphs[0].subparagraphs
    assert sub.redacted_start


def test_a_title_line_takes_the_mark_of_the_text_under_its_rule():
    cable = body("1. (C) First.\n\n2. Afghanistan\n--------------\n(C) The SYG expressed concern.\n\n3. (C) Next.")
    assert numbers_and_marks(cable) == [(1, "C"), (2, "C"), (3, "C")]
    assert cable.paragraphs[1].marking.span.line == 9


def test_a_list_restarting_at_1_inside_a_marked_paragraph_is_its_sub_paragraphs():
    cable = body(
        "2. (C) Two.\n\n3. (U) A list follows:\n\nMeasures\n1. More credit lines;\n2. Encouraging renovation;\n"
        "3. A new framework;\n\n4. (U) Four."
    )
    assert numbers_and_marks(cable) == [(2, "C"), (3, "U"), (4, "U")]
    assert [(s.label, s.marking, s.span.line) for s in cable.paragraphs[1].subparagraphs] == [
        ("1", None, 10), ("2", None, 11), ("3", None, 12),
    ]


def test_a_number_after_a_word_that_awaits_it_is_text():
    cable = body("7. (C) As outlined in para\n\n6. The biggest obstacle.\n\n8. (C) Next.")
    assert [p.number for p in cable.paragraphs] == [7, 8]


def test_a_range_of_paragraph_numbers():
    cable = body("3. (U) Three.\n\n4-12. (U) Official data.\n\n13. (U) Thirteen.")
    assert [(p.number, p.number_raw) for p in cable.paragraphs] == [(3, "3."), (4, "4-12."), (13, "13.")]


def test_a_blanket_entire_text_statement_is_recorded_as_the_mark():
    marking = body("1.  CONFIDENTIAL - ENTIRE TEXT.").paragraphs[0].marking
    assert (marking.raw, marking.level, marking.unknown) == ("CONFIDENTIAL - ENTIRE TEXT", Level.CONFIDENTIAL, ("ENTIRE", "TEXT"))


def test_a_redaction_right_after_the_opening_parenthesis():
    paragraph = body("7. (XXXXXXXXXXXX said so.").paragraphs[0]
    assert (paragraph.marking, paragraph.redacted_start) == (None, True)


def test_a_mark_whose_close_a_redaction_ate_flags_the_paragraph():
    assert body("6. (C XXXXXXXXXXXX, too, said.").paragraphs[0].redacted_start


def test_marked_inline_items_on_a_flattened_paragraph_line():
    (item,) = body("3.(U) INDIGENOUS TERRORISM I. (S/NF) ANTI-AMERICAN GROUPS U.S. (C) text").paragraphs[0].subparagraphs
    assert (item.label, item.marking.canonical) == ("I", "S//NF")


def test_fused_marked_paragraphs_after_a_gap_and_after_a_page_break():
    cable = body("1. (C) One. help.  3. (C) Three ------ 4. (C) Four\nTALLINN 00000325 002 OF 003 5. (SBU) Five")
    assert numbers_and_marks(cable) == [(1, "C"), (3, "C"), (4, "C"), (5, "SBU")]


def test_lettered_items_after_a_roman_item_stand_under_it():
    cable = body("2. (U) VIOLENCE I. (SBU) DEMONSTRATIONS: text\n\nB. Violent?\n\nII. (SBU) CONFLICT:\n\nA. Any?\n\n"
                 "H. Eight?\n\nI. Nine?")
    assert [(s.label, s.parent) for s in cable.paragraphs[0].subparagraphs] == [
        ("I", None), ("B", "I"), ("II", None), ("A", "II"), ("H", "II"), ("I", "II"),
    ]


def test_outline_items_under_a_lettered_heading_and_single_dash_bullets():
    cable = body("1. (S) Health:\n\nD. Mental health\n\nD 1. (s/nf) Alert?\nQ7. (C) Not an outline item.\n"
                 "- (S/NF) A bullet.\n- not a bullet")
    assert [(s.label, s.parent, s.marking.canonical if s.marking else None, s.span.line)
            for s in cable.paragraphs[0].subparagraphs] == [
        ("D", None, None, 7), ("1", "D", "S//NF", 9), ("--", None, "S//NF", 11),
    ]


def test_a_quoted_document_numbered_on_its_own_folds_into_its_host():
    cable = body("13. (S) Begin text of the report:\n\n42. Text.\n\n43. Text.\n\n14. (C) Next.")
    assert numbers_and_marks(cable) == [(13, "S"), (14, "C")]
    assert [(s.label, s.span.line) for s in cable.paragraphs[0].subparagraphs] == [("42", 7), ("43", 9)]


def test_text_removed_by_the_publication_after_the_number():
    flags = [p.redacted_start for p in body("1. ...\n\n2. [DETAILS REMOVED]\n\n3. )  At a.\n\n4.) Post.\n\n5. Thus... so.").paragraphs]
    assert flags == [True, True, True, False, False]


def test_a_mark_written_in_words_and_a_mark_on_its_own_line():
    cable = body("14.  (CONFIDENTIAL -- ENTIRE PARAGRAPH)  That said.\n\n(SBU)\n\n15. Issue 1.")
    first, second = cable.paragraphs
    assert (first.marking.level, first.marking.unknown, first.marking.separators) == (
        Level.CONFIDENTIAL, ("ENTIRE", "PARAGRAPH"), ("--", " "),
    )
    assert (second.number, second.marking.canonical, second.marking.span.line) == (15, "SBU", 7)


def test_a_number_wrapped_off_a_sentence_cut_mid_way_continues_the_paragraph():
    cable = body("3. (C) The law prohibits the employment of children under the age of\n\n16. Juveniles may work.\n\n"
                 "4. (C) Press items follow, one per paragraph, each from its source\n\n"
                 "21. Item one, Source - The Times\n\n22. Item two.")
    assert [p.number for p in cable.paragraphs] == [3, 4, 21, 22]


def test_a_marked_lower_case_item_is_a_sub_paragraph_but_a_lower_case_roman_one_is_not():
    subs = body("2. Details follow:\n\na. (S) A call.\n\ni. (U) Yes.\n\nb. the rest").paragraphs[0].subparagraphs
    assert [(s.label, s.marking.canonical, s.span.line) for s in subs] == [("A", "S", 7)]


def test_numbered_authority_blocks_first_or_repeated():
    first = body("1. Classified by A. Officer. Reason: 1.4 (d)\n\n2. (C) Text.")
    repeated = body("Classified By: A. Officer. Reason: 1.4 (d)\n\n1. Classified by A. Officer. Reason: 1.4 (d)\n\n2. (C) Text.")
    assert [p.authority_block for p in first.paragraphs] == [True, False]
    assert [p.authority_block for p in repeated.paragraphs] == [True, False]
    assert repeated.authority.span.line == 5


def test_a_run_of_transmission_garbage_is_a_corrupt_marker():
    cable = body("1. (C) Text of the first\nRHTQwsQfjQQQocuments to al-Hol, SUMMARY: more.\n\n2. (C) IRAQQS text.")
    assert [(m.kind, m.span.line, m.span.column) for m in cable.markers] == [("corrupt", 6, 1), ("summary", 6, 33)]
    assert [p.number for p in cable.paragraphs] == [1, 2]


def test_a_wrapped_number_in_sequence_is_text_when_the_real_paragraph_repeats_it():
    cable = body("1. (S) Libya asked for time to destroy its stockpile and convert Rabta 1 and\n\n"
                 "2. Except for the movement, the argument seemed plausible.\n\n2. (S) During a meeting.\n\n"
                 "3. (S) Text ending in the middle of a long sentence, so that the next line\n\n4. continues.")
    assert [(p.number, p.span.line) for p in cable.paragraphs] == [(1, 5), (2, 9), (3, 11), (4, 13)]


def test_a_level_with_controls_written_without_parentheses_after_lead_in_words():
    marks = [p.marking and (p.marking.raw, p.marking.canonical, p.marking.span.column)
             for p in body("5. BEGIN NON-PAPER S//REL CHINA:\n\n6. Begin text S: none.\n\n7. Dear Sir//Madam:").paragraphs]
    assert marks == [("S//REL CHINA", "S//REL TO CHINA", 20), None, None]
