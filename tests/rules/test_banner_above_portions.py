"""banner-above-portions (BN004): over-classification, only when every paragraph is marked."""

RULE = "BN004"


def test_banner_above_every_portion(cable, check):
    built = cable(banner="S E C R E T STATE 126440", security="ZNY SSSSS ZZH")
    assert check(built.text, RULE) == [
        (RULE, built.line["banner"], 1, "banner SECRET is above every portion (highest CONFIDENTIAL)")
    ]


def test_an_unmarked_paragraph_may_carry_the_level(cable, check):
    built = cable(banner="S E C R E T STATE 126440", paragraphs=["1. (U) Text.", "2. Text."])
    assert check(built.text, RULE) == []


def test_a_subparagraph_at_the_banner_level_is_enough(cable, check):
    built = cable(banner="S E C R E T STATE 126440", paragraphs=["1. (C) Text.\n\nA. (S) Sub."])
    assert check(built.text, RULE) == []


def test_a_cable_without_paragraphs_is_not_judged(cable, check):
    assert check(cable(banner="S E C R E T STATE 126440", paragraphs=[]).text, RULE) == []
