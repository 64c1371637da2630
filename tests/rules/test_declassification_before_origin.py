"""declassification-before-origin (DC004): declassified on or before the cable's own date."""

RULE = "DC004"


def test_a_date_before_the_cable(cable, check):
    built = cable(eo="E.O. 12958: DECL: 11/24/2007")
    assert check(built.text, RULE) == [
        (RULE, built.line["eo"], 13, "declassification date 11/24/2007 is on or before the cable date 2008-12-01")
    ]


def test_the_cable_date_itself(cable, check):
    built = cable(eo="E.O. 12958: DECL: 12/01/2008")
    assert check(built.text, RULE) == [
        (RULE, built.line["eo"], 13, "declassification date 12/01/2008 is on or before the cable date 2008-12-01")
    ]


def test_the_next_day_passes(cable, check):
    assert check(cable(eo="E.O. 12958: DECL: 12/02/2008").text, RULE) == []


def test_without_a_dtg_nothing_is_judged(cable, check):
    assert check(cable(header=False, eo="E.O. 12958: DECL: 11/24/1990").text, RULE) == []
