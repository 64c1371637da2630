"""portion-marking-missing (PM001): unmarked paragraphs and sub-paragraphs, by era."""

from conftest import findings_of

RULE = "PM001"


def test_an_unmarked_paragraph_of_a_classified_cable(cable, check):
    built = cable(paragraphs=["1. (U) Text.", "2. Text."])
    assert check(built.text, RULE) == [(RULE, built.para[1], 1, "¶2 has no portion marking")]


def test_unclassified_cables_need_no_marks(cable, check):
    built = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", eo="E.O. 12958: N/A",
                  authority=None, paragraphs=["1. Text.", "2. Text."])
    assert check(built.text, RULE) == []


def test_e_o_11652_cables_need_no_marks(cable, check):
    built = cable(de=None, dtg="O 151200Z MAR 76", eo="E.O. 11652: GDS", authority=None,
                  paragraphs=["1. Text.", "2. Text."])
    assert check(built.text, RULE) == []


def test_1980s_cables_are_reported_as_warnings_from_1995_as_errors(cable):
    old = cable(de=None, dtg="O 151200Z MAR 88", eo="E.O. 12356: DECL: OADR", authority=None,
                paragraphs=["1. (C) Text.", "2. Text."])
    new = cable(paragraphs=["1. (C) Text.", "2. Text."])
    assert [(f.message, f.severity.label) for f in findings_of(old.text, RULE)] == [("¶2 has no portion marking", "warning")]
    assert [f.severity.label for f in findings_of(new.text, RULE)] == ["error"]


def test_unmarked_subparagraphs_are_fine_under_a_marked_paragraph(cable, check):
    built = cable(paragraphs=["1. (C) Text.\n\nA. First.\n\nB. Second.\n\n-- a bullet"])
    assert check(built.text, RULE) == []


def test_once_a_sibling_is_marked_every_unmarked_sibling_is_reported(cable, check):
    built = cable(paragraphs=["1. (C) Text.\n\nA. (S) First.\n\nB. Second.\n\n-- a bullet"])
    assert check(built.text, RULE) == [(RULE, built.para[0] + 4, 1, "¶1.B has no portion marking")]


def test_an_unmarked_parent_is_reported_once_for_its_unmarked_children(cable, check):
    built = cable(paragraphs=["1. Text.\n\nA. First.\n\nB. Second."])
    assert check(built.text, RULE) == [(RULE, built.para[0], 1, "¶1 has no portion marking")]


def test_a_heading_paragraph_whose_subparagraphs_are_all_marked_passes(cable, check):
    built = cable(paragraphs=["1. Key points:\n\n-- (C) First.\n\n-- (U) Second."])
    assert check(built.text, RULE) == []


def test_list_items_and_stray_numbers_are_not_portions(cable, check):
    built = cable(paragraphs=["1. (C) Steps:\n1) first\n2) second", "2. (C) met on September\n11. to discuss",
                              "3. (C) The list:", "1. one", "2. two", "4. (C) end"])
    assert check(built.text, RULE) == []


def test_a_portion_opening_with_a_media_redaction_is_not_judged(model):
    from dataclasses import replace

    from checker.engine import EngineSettings, check_cable

    cable = model()
    redacted = replace(cable.paragraphs[1], marking=None, redacted_start=True)
    unmarked = replace(cable.paragraphs[1], marking=None)
    settings = EngineSettings(enabled=frozenset({RULE}))
    assert check_cable(replace(cable, paragraphs=(cable.paragraphs[0], redacted)), settings) == []
    assert [f.message for f in check_cable(replace(cable, paragraphs=(cable.paragraphs[0], unmarked)), settings)] == [
        "¶2 has no portion marking"
    ]


def test_a_redacted_opening_in_the_text_is_not_judged(cable, check):
    built = cable(paragraphs=["1. (C) Text.", "2. XXXXXXXXXXXX told us that.", "3. Text."])
    assert check(built.text, RULE) == [(RULE, built.para[2], 1, "¶3 has no portion marking")]


def test_an_entire_text_statement_is_one_finding_not_one_per_paragraph(cable):
    built = cable(de=None, dtg="O 251246Z JUL 90", eo="E.O. 12356: DECL: OADR", authority=None, subject="SUBJECT: TEST",
                  banner="S E C R E T BAGHDAD 4237", security="ZNY SSSSS ZZH",
                  paragraphs=["1. SECRET - ENTIRE TEXT.", "2. SUMMARY: TEXT.", "3. MORE TEXT."])
    found = [(f.code, f.span.line, f.message, f.severity.label) for f in findings_of(built.text)]
    assert found == [("PM001", built.para[0], "¶1 states ENTIRE TEXT instead of marking each portion", "info")]


def test_an_entire_text_statement_among_marked_portions_leaves_them_judged(cable):
    built = cable(subject="SUBJECT: (U) TEST", banner="S E C R E T STATE 126440", security="ZNY SSSSS ZZH",
                  paragraphs=["1. SECRET - ENTIRE TEXT.", "2. (S) Text.", "3. Text."])
    found = [(f.code, f.span.line, f.message, f.severity.label) for f in findings_of(built.text)]
    assert found == [
        ("PM001", built.para[0], "¶1 states ENTIRE TEXT among marked portions", "warning"),
        ("PM001", built.para[2], "¶3 has no portion marking", "error"),
    ]


def test_a_numbered_classification_authority_line_is_not_a_portion(cable, check):
    built = cable(authority=None, paragraphs=["1. Classified by A. Officer, Pol Chief. Reason: 1.4 (d)", "2. (C) Text."])
    assert check(built.text, RULE) == []


def test_lettered_questions_stand_under_the_marked_roman_item_before_them(cable, check):
    built = cable(paragraphs=[
        "1. (C) Responses follow.",
        "2. (U) POLITICAL VIOLENCE I. (SBU) DEMONSTRATIONS: A. ARE THERE ANY?\n\nYes.\n\n"
        "B. ARE THEY VIOLENT?\n\nNo.\n\nII. (SBU) MACRO CONFLICT:\n\nA. IS THERE A CONFLICT?\n\nNo.",
    ])
    assert check(built.text, RULE) == []


def test_an_unmarked_question_beside_a_marked_one_under_a_roman_item_is_reported(cable, check):
    built = cable(paragraphs=["1. (C) Responses follow.", "2. (U) Outline:\n\nI. (SBU) DEMONSTRATIONS\n\nA. (U) One?\n\nB. Two?"])
    assert check(built.text, RULE) == [(RULE, built.para[1] + 6, 1, "¶2.I.B has no portion marking")]


def test_a_lettered_heading_whose_outline_items_are_all_marked_passes(cable, check):
    built = cable(paragraphs=["1. (S) Health:\n\nA. (C) Overall\n\nA 1. (S) Diagnoses.\n\nB. Mental health\n\n"
                              "B 1. (S) Alert?\n\nB 2. (C) Notes?\n\nC. Travel\n\nC 1. Trips."])
    assert check(built.text, RULE) == [(RULE, built.para[0] + 12, 1, "¶1.C has no portion marking")]


def test_a_heading_with_single_dash_marked_bullets_on_their_own_lines_passes(cable, check):
    built = cable(paragraphs=["1. Key Points:\n- (S/NF) First.\n- (C) Second.", "2. (C) Text."])
    assert check(built.text, RULE) == []


def test_a_number_wrapped_off_a_sentence_cut_mid_way_is_not_a_paragraph(cable, check):
    built = cable(paragraphs=[
        "1. (C) The fishermen retook the ships Samarah Ahmed and the trawler Momtaz",
        "1. He will convey the request.",
        "2. (C) Text.",
        "3. (C) The law prohibits the employment of children under the age of",
        "16. Juveniles may obtain work permits.",
        "4. (C) Text.",
    ])
    assert check(built.text, RULE) == []


def test_a_quoted_document_with_its_own_numbers_is_part_of_the_marked_paragraph(cable, check):
    built = cable(paragraphs=[
        "12. (C) Text.", "13. (S) Begin text of the report, paragraphs 42-43:", "42. Following enquiries.",
        "43. The Agency concluded.", "End text.", "14. Comment.",
    ])
    assert check(built.text, RULE) == [(RULE, built.para[5], 1, "¶14 has no portion marking")]


def test_a_paragraph_cut_or_removed_by_the_publication_is_not_judged(cable, check):
    built = cable(paragraphs=["1. ...", "2. (C) Text.", "3. [DETAILS REMOVED]", "4. )  At a ceremony.", "5. Text."])
    assert check(built.text, RULE) == [(RULE, built.para[4], 1, "¶5 has no portion marking")]


def test_a_paragraph_marked_in_words_is_not_unmarked(cable, check):
    built = cable(paragraphs=["13. (C) Text.", "14.  (CONFIDENTIAL -- ENTIRE PARAGRAPH)  That said."])
    assert check(built.text, RULE) == []


def test_a_mark_on_its_own_line_right_before_the_paragraph_is_its_mark(cable, check):
    built = cable(paragraphs=["3. (C) Text.", "Background\n\n(SBU)\n\n4. Issue 1: the partnership.", "5. Text."])
    assert check(built.text, RULE) == [(RULE, built.para[2], 1, "¶5 has no portion marking")]


def test_a_numbered_repeat_of_the_authority_block_is_not_a_portion(cable, check):
    built = cable(authority="Classified By: U/S A. Officer. Reason: 1.4 (b) and (d)",
                  paragraphs=["1. Classified by U/S A. Officer. Reason: 1.4 (b) and\n(d)", "2. (U) Text.", "3. (C) Text."])
    assert check(built.text, RULE) == []


def test_a_heading_over_a_marked_lower_case_item_passes(cable, check):
    built = cable(paragraphs=["1. (S) Summary.", "2. Details of the incident follow:\n\nDETAILS\n\na. (S) A call came in.",
                              "3. Text."])
    assert check(built.text, RULE) == [(RULE, built.para[2], 1, "¶3 has no portion marking")]
