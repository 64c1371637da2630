"""declassification-exceeds-limit (DC003): a date past the order's maximum duration."""

from conftest import findings_of

RULE = "DC003"


def test_beyond_25_years_under_the_amended_order(cable, check):
    built = cable(eo="E.O. 12958: DECL: 11/24/2048")
    assert check(built.text, RULE) == [
        (RULE, built.line["eo"], 13,
         "declassification date 11/24/2048 is after 12/01/2033, the 25-year limit of E.O. 12958 as amended")
    ]
    assert [(f.suggestion, f.severity.label) for f in findings_of(built.text, RULE)] == [("12/01/2033", "warning")]


def test_beyond_10_years_under_the_original_order_keeps_the_written_format(cable, check):
    built = cable(de=None, dtg="O 151200Z JUN 01", eo="E.O. 12958: DECL: 2012/06/16",
                  authority="Classified By: A. Officer, Reason 1.5 (d)")
    assert check(built.text, RULE) == [
        (RULE, built.line["eo"], 13,
         "declassification date 2012/06/16 is after 2011/06/15, the 10-year limit of E.O. 12958")
    ]


def test_the_last_allowed_day_passes(cable, check):
    assert check(cable(eo="E.O. 12958: DECL: 12/01/2033").text, RULE) == []


def test_an_exemption_lifts_the_limit(cable, check):
    built = cable(de=None, dtg="O 151200Z JUN 01", eo="E.O. 12958: DECL: X1",
                  authority="Classified By: A. Officer, Reason 1.5 (d)")
    assert check(built.text, RULE) == []


def test_no_limit_under_e_o_12356(cable, check):
    built = cable(de=None, dtg="O 151200Z MAR 88", eo="E.O. 12356: DECL: 03/15/2020", authority=None)
    assert check(built.text, RULE) == []


def test_a_day_of_grace_for_local_dates_and_none_for_release_stamps(cable, check):
    assert check(cable(eo="E.O. 12958: DECL: 12/02/2033").text, RULE) == []
    assert check(cable(eo="E.O. 12958: DECL: 12/03/2033").text, RULE) != []
    stamp = cable(de=None, dtg="R 101200Z AUG 72", banner="UNCLAS TEHRAN 4789",
                  eo="E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006", authority=None, paragraphs=["1. Text."])
    assert check(stamp.text, RULE) == []
