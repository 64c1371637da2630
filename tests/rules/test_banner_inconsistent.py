"""banner-inconsistent (BN002): security line, section banners and footers against the banner."""

RULE = "BN002"


def test_security_line_of_another_level(cable, check):
    built = cable(security="ZNY SSSSS ZZH")
    assert check(built.text, RULE) == [
        (RULE, built.line["security"], 1, "security line SSSSS says SECRET, classification line says CONFIDENTIAL")
    ]


def test_unclassified_security_line_on_a_classified_cable(cable, check):
    built = cable(security="ZNR UUUUU ZZH")
    assert check(built.text, RULE) == [
        (RULE, built.line["security"], 1, "security line UUUUU says UNCLASSIFIED, classification line says CONFIDENTIAL")
    ]


def test_a_footer_of_another_level(cable, check):
    built = cable(footer="S E C R E T")
    assert check(built.text, RULE) == [
        (RULE, built.line["footer"], 1, "classification footer says SECRET, classification line says CONFIDENTIAL")
    ]


def test_matching_security_line_and_footer_pass(cable, check):
    assert check(cable(footer="C O N F I D E N T I A L").text, RULE) == []


def test_efto_security_line_matches_unclas(cable, check):
    built = cable(
        security="ZNY EEEEE ZZH", banner="UNCLAS E F T O STATE 126440", eo="E.O. 12958: N/A", authority=None,
        paragraphs=["1. Text."],
    )
    assert check(built.text, RULE) == []


def test_a_header_of_another_message_is_not_compared(cable, check):
    built = cable(de="DE RUEHFR #2725/01 3361951", banner="S E C R E T SECTION 01 OF 04 MOSCOW 005154",
                  paragraphs=["1. (S) Text."])
    assert check(built.text, RULE) == []
