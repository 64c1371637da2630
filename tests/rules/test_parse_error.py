"""parse-error (SY001): text the grammar could not place becomes a finding at its line."""

RULE = "SY001"


def test_a_second_routing_header_after_the_text_is_reported_where_it_stands(cable, check):
    built = cable(paragraphs=["1. (U) Text.", "2. (C) Text.\nVZCZCXYZ0006"])
    assert check(built.text, RULE) == [
        (RULE, built.para[1] + 1, 1, "routing header line after the cable text has started (two cables in one file?)")
    ]


def test_empty_text_is_a_parse_error(check):
    assert check("", RULE) == [(RULE, 1, 1, "empty text: no cable to parse")]


def test_a_well_formed_cable_has_none(cable, check):
    assert check(cable().text, RULE) == []
