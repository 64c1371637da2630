"""declassification-invalid (DC002): impossible dates and forms the governing order forbids."""

from conftest import findings_of

RULE = "DC002"


def test_impossible_date(cable, check):
    built = cable(eo="E.O. 12958: DECL: 02/30/2018")
    assert check(built.text, RULE) == [(RULE, built.line["eo"], 13, "declassification date 02/30/2018 is not a calendar date")]


def test_oadr_after_1995(cable, check):
    built = cable(eo="E.O. 12958: DECL: OADR")
    assert check(built.text, RULE) == [(RULE, built.line["eo"], 13, "OADR not allowed under E.O. 12958 as amended")]


def test_oadr_under_e_o_12356_is_valid(cable, check):
    built = cable(de=None, dtg="O 151200Z MAR 88", eo="E.O. 12356: DECL: OADR", authority=None)
    assert check(built.text, RULE) == []


def test_x_codes_lapse_after_the_2003_grace_window(cable, check):
    in_grace = cable(de=None, dtg="O 151200Z JUN 03", eo="E.O. 12958: DECL: X1, X5")
    late = cable(de=None, dtg="O 151200Z DEC 03", eo="E.O. 12958: DECL: X1, X5")
    original = cable(de=None, dtg="O 151200Z JUN 02", eo="E.O. 12958: DECL: X1, X5", authority="Classified By: A. Officer, Reason 1.5 (d)")
    assert check(in_grace.text, RULE) == []
    assert check(original.text, RULE) == []
    assert check(late.text, RULE) == [
        (RULE, late.line["eo"], 13, "X1 not allowed under E.O. 12958 as amended"),
        (RULE, late.line["eo"], 13, "X5 not allowed under E.O. 12958 as amended"),
    ]


def test_25x1_human_after_2012_suggests_50x1_hum(cable, check):
    built = cable(de=None, dtg="O 151200Z MAR 14", eo="E.O. 13526: DECL: 25X1-HUMAN")
    assert check(built.text, RULE) == [(RULE, built.line["eo"], 13, "25X1-HUMAN not allowed under E.O. 13526")]
    assert [f.suggestion for f in findings_of(built.text, RULE)] == ["50X1-HUM"]


def test_a_valid_date_passes(cable, check):
    assert check(cable().text, RULE) == []
