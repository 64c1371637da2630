"""paragraph-numbering (NU001): gaps, repeats and steps back in paragraph numbers."""

RULE = "NU001"


def test_a_gap(cable, check):
    built = cable(paragraphs=["1. (U) a", "2. (C) b", "5. (C) c"])
    assert check(built.text, RULE) == [(RULE, built.para[2], 1, "¶5 follows ¶2; ¶3-4 missing")]


def test_a_repeat_and_a_step_back(cable, check):
    built = cable(paragraphs=["1. (U) a", "2. (C) b", "2. (C) c", "3. (C) d", "2. (C) e"])
    assert check(built.text, RULE) == [
        (RULE, built.para[2], 1, "¶2 is numbered twice"),
        (RULE, built.para[4], 1, "¶2 follows ¶3"),
    ]


def test_one_break_gives_one_finding_and_a_restart_at_1_is_a_new_run(cable, check):
    gap = cable(paragraphs=["1. (U) a", "2. (C) b", "5. (C) c", "6. (C) d", "7. (C) e"])
    assert check(gap.text, RULE) == [(RULE, gap.para[2], 1, "¶5 follows ¶2; ¶3-4 missing")]
    runs = cable(paragraphs=["1. (U) a", "2. (C) b", "3. (C) c", "1. (C) d", "2. (C) e", "3. (C) f"])
    assert check(runs.text, RULE) == []


def test_a_numbered_run_covers_its_range(cable, check):
    assert check(cable(paragraphs=["1. (U) a", "2. (C) b", "3-5. (C) c", "6. (C) d"]).text, RULE) == []


def test_numbering_must_start_at_1(cable, check):
    built = cable(paragraphs=["2. (U) a", "3. (C) b"])
    assert check(built.text, RULE) == [(RULE, built.para[0], 1, "numbering starts at ¶2")]


def test_consecutive_numbers_pass(cable, check):
    assert check(cable(paragraphs=["1. (U) a", "2. (C) b", "3. (C) c"]).text, RULE) == []


def test_lists_inside_paragraphs_are_not_paragraphs(cable, check):
    other_style = cable(paragraphs=["1. (U) a", "2. (C) b:\n1) first\n2) second", "3. (C) c"])
    restarted = cable(paragraphs=["1. (U) a", "2. (C) b:", "1. first", "2. second", "3. (C) c"])
    assert check(other_style.text, RULE) == []
    assert check(restarted.text, RULE) == []


def test_a_stray_number_between_two_paragraphs_is_not_a_paragraph(cable, check):
    built = cable(paragraphs=["1. (U) a", "2. (C) met on September\n11. to discuss", "3. (C) c"])
    assert check(built.text, RULE) == []
