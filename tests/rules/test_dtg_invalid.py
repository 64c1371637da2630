"""dtg-invalid (HD001): impossible DTG, DTG in the future, DE line Julian day."""

import datetime as dt

from conftest import run_check

RULE = "HD001"


def test_an_impossible_day(cable, check):
    built = cable(dtg="O 311943Z NOV 08")
    assert check(built.text, RULE) == [(RULE, built.line["dtg"], 1, "date-time group O 311943Z NOV 08 is not a real date and time")]


def test_a_dtg_after_today(cable):
    built = cable()
    assert run_check(built.text, RULE, as_of=dt.date(2008, 11, 30)) == [
        (RULE, built.line["dtg"], 1, "date-time group 2008-12-01 is after today (2008-11-30)")
    ]


def test_filed_more_than_a_day_before_the_dtg(cable, check):
    built = cable(de="DE RUEHC #6440 3341951")
    assert check(built.text, RULE) == [
        (RULE, built.line["de"], 1, "DE line julian day 334 is 2 days before the date-time group (2008-12-01)")
    ]


def test_filed_long_after_the_dtg_is_a_warning_unless_a_retransmission(cable, check):
    from conftest import findings_of

    built = cable(de="DE RUEHC #6440 3461951")
    assert check(built.text, RULE) == [
        (RULE, built.line["de"], 1, "DE line julian day 346 is 10 days after the date-time group (2008-12-01)")
    ]
    assert [f.severity.label for f in findings_of(built.text, RULE)] == ["warning"]
    assert check(cable(de="DE RUEHC #6440 3461951", dtg="O 011943Z DEC 08 ZDS").text, RULE) == []


def test_filing_across_the_year_end_and_a_day_late_passes(cable, check):
    assert check(cable(de="DE RUEHC #6440 0010001", dtg="O 312359Z DEC 08").text, RULE) == []
    assert check(cable(de="DE RUEHC #6440 3371951").text, RULE) == []
