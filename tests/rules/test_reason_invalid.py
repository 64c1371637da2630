"""reason-invalid (CA003): reason section and letters against the governing order."""

from conftest import findings_of

RULE = "CA003"


def test_a_letter_outside_the_section(cable, check):
    built = cable(authority="Classified By: A. Officer for Reasons: 1.4 (b) and (k)")
    assert check(built.text, RULE) == [(RULE, built.line["authority"], 1, "reason (k) is not a category of 1.4 (a-h)")]


def test_section_1_4_before_the_2003_amendment(cable, check):
    built = cable(de=None, dtg="O 151200Z JUN 01", authority="Classified By: A. Officer for Reasons: 1.4 (b) and (d)")
    assert check(built.text, RULE) == [
        (RULE, built.line["authority"], 1, "reason section 1.4 is not valid under E.O. 12958, which uses 1.5")
    ]
    assert [(f.suggestion, f.severity.label) for f in findings_of(built.text, RULE)] == [("1.5 (b), (d)", "error")]


def test_1_5_h_is_never_valid(cable, check):
    built = cable(de=None, dtg="O 151200Z JUN 01", authority="Classified By: A. Officer for Reasons: 1.5 (h)")
    assert check(built.text, RULE) == [(RULE, built.line["authority"], 1, "reason (h) is not a category of 1.5 (a-g)")]


def test_section_1_5_after_2003_is_accepted_until_the_directive_then_reported(cable, check):
    grace = cable(de=None, dtg="O 151200Z JUN 03", authority="Classified By: A. Officer for Reasons: 1.5 (b) and (d)")
    late = cable(authority="Classified By: A. Officer for Reasons: 1.5 (b) and (d)")
    assert check(grace.text, RULE) == []
    assert check(late.text, RULE) == [
        (RULE, late.line["authority"], 1, "reason section 1.5 is not valid under E.O. 12958 as amended, which uses 1.4")
    ]
    assert [(f.suggestion, f.severity.label) for f in findings_of(late.text, RULE)] == [("1.4 (b), (d)", "warning")]


def test_a_section_with_no_letter(cable, check):
    built = cable(authority="Classified By: A. Officer for Reasons: 1.4")
    assert check(built.text, RULE) == [(RULE, built.line["authority"], 1, "reason 1.4 cites no category letter")]


def test_valid_reasons_pass(cable, check):
    assert check(cable().text, RULE) == []
