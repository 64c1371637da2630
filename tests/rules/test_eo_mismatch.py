"""eo-mismatch (DC005): the order cited against the order governing the cable's date."""

from conftest import findings_of

RULE = "DC005"


def test_a_later_order_than_the_date_allows(cable, check):
    built = cable(eo="E.O. 13526: DECL: 11/24/2018")
    assert check(built.text, RULE) == [
        (RULE, built.line["eo"], 1, "E.O. 13526 cited but E.O. 12958 governs cables dated 2008-12-01")
    ]
    assert [f.suggestion for f in findings_of(built.text, RULE)] == ["E.O. 12958"]


def test_the_predecessor_is_accepted_for_six_months_after_a_changeover(cable, check):
    early = cable(de=None, dtg="O 051200Z JAN 96", eo="E.O. 12356: DECL: OADR")
    late = cable(de=None, dtg="O 051200Z JAN 97", eo="E.O. 12356: DECL: 01/05/2007")
    assert check(early.text, RULE) == []
    assert check(late.text, RULE) == [
        (RULE, late.line["eo"], 1, "E.O. 12356 cited but E.O. 12958 governs cables dated 1997-01-05")
    ]


def test_a_number_that_is_no_classification_order(cable, check):
    built = cable(eo="E.O. 12598: DECL: 11/24/2018")
    assert check(built.text, RULE) == [
        (RULE, built.line["eo"], 1, "E.O. 12598 is not a classification order; E.O. 12958 governs cables dated 2008-12-01")
    ]


def test_12958_is_right_before_and_after_its_amendment(cable, check):
    assert check(cable().text, RULE) == []
    assert check(cable(de=None, dtg="O 151200Z JUN 01").text, RULE) == []


def test_without_a_date_the_cited_order_is_not_judged(cable, check):
    assert check(cable(header=False, eo="E.O. 13526: DECL: 2030/01/01").text, RULE) == []


def test_a_release_stamp_cites_the_order_of_the_release(cable, check):
    built = cable(de=None, dtg="R 101200Z AUG 72", banner="UNCLAS TEHRAN 4789",
                  eo="E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006", authority=None, paragraphs=["1. Text."])
    assert check(built.text, RULE) == []
