"""reason-missing (CA002): classification reasons, from E.O. 12958 on."""

RULE = "CA002"


def test_no_authority_line_is_reported_on_the_banner(cable, check):
    built = cable(authority=None, banner="S E C R E T STATE 126440", security="ZNY SSSSS ZZH")
    assert check(built.text, RULE) == [(RULE, built.line["banner"], 1, "SECRET cable has no classification reason")]


def test_a_classifier_without_a_reason(cable, check):
    built = cable(authority="Classified By: Ambassador A. Officer.")
    assert check(built.text, RULE) == [(RULE, built.line["authority"], 1, "Classified By line gives no reason")]


def test_not_required_before_1995_10_14(cable, check):
    built = cable(de=None, dtg="O 151200Z MAR 88", eo="E.O. 12356: DECL: OADR", authority=None)
    assert check(built.text, RULE) == []


def test_truncated_and_derivative_lines_are_not_judged(cable, check):
    assert check(cable(authority="Classified By: Ambass...").text, RULE) == []
    assert check(cable(authority="Classified By: Derived from DSCG 05-01, b and d").text, RULE) == []
    assert check(cable(authority="Classified By: MULTIPLE SOURCES").text, RULE) == []
