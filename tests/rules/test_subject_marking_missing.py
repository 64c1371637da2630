"""subject-marking-missing (PM003): the SUBJECT of a classified cable is a portion too."""

RULE = "PM003"


def test_unmarked_subject_of_a_classified_cable(cable, check):
    built = cable(subject="SUBJECT: TEST")
    assert check(built.text, RULE) == [(RULE, built.line["subject"], 1, "subject line has no portion marking")]


def test_unclassified_cables_need_no_subject_mark(cable, check):
    built = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", eo="E.O. 12958: N/A",
                  authority=None, subject="SUBJECT: TEST", paragraphs=["1. Text."])
    assert check(built.text, RULE) == []


def test_pre_1978_cables_need_no_subject_mark(cable, check):
    built = cable(de=None, dtg="O 151200Z MAR 76", eo="E.O. 11652: GDS", authority=None, subject="SUBJECT: TEST")
    assert check(built.text, RULE) == []


def test_a_marked_subject_passes(cable, check):
    assert check(cable(subject="SUBJECT: (C) TEST").text, RULE) == []
