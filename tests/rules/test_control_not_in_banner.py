"""control-not-in-banner (CT001): portion controls roll up to the banner and captions."""

from conftest import findings_of

RULE = "CT001"


def test_noforn_paragraphs_without_a_noforn_caption(cable, check):
    built = cable(paragraphs=["1. (C/NF) Text.", "2. (U) Text.", "3. (C//NF) Text."])
    assert check(built.text, RULE) == [
        (RULE, built.line["banner"], 1, "NOFORN in ¶1 (C//NF), ¶3 (C//NF) is missing from the banner and captions")
    ]
    assert [(f.suggestion, f.severity.label) for f in findings_of(built.text, RULE)] == [("NOFORN", "error")]


def test_a_missing_noforn_caption_before_2006_is_a_warning(cable):
    built = cable(de=None, dtg="O 151200Z JUN 05", paragraphs=["1. (C/NF) Text."])
    assert [(f.message, f.severity.label) for f in findings_of(built.text, RULE)] == [
        ("NOFORN in ¶1 (C//NF) is missing from the banner and captions", "warning")
    ]


def test_a_noforn_caption_or_banner_declares_it(cable, check):
    assert check(cable(captions=("NOFORN", "SIPDIS"), paragraphs=["1. (C/NF) Text."]).text, RULE) == []
    assert check(cable(banner="C O N F I D E N T I A L NOFORN", paragraphs=["1. (C/NF) Text."]).text, RULE) == []


def test_sbu_portions_in_an_unclas_cable_call_for_sensitive(cable, check):
    built = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", eo="E.O. 12958: N/A", authority=None,
                  subject="SUBJECT: TEST", paragraphs=["1. (U) Text.", "2. (SBU) Text."])
    assert check(built.text, RULE) == [
        (RULE, built.line["banner"], 1, "unclassified cable with ¶2 (SBU) lacks the SENSITIVE caption")
    ]
    fixed = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", captions=("SENSITIVE", "SIPDIS"),
                  eo="E.O. 12958: N/A", authority=None, paragraphs=["1. (U) Text.", "2. (SBU) Text."])
    assert check(fixed.text, RULE) == []


def test_sbu_does_not_roll_up_in_a_classified_cable(cable, check):
    assert check(cable(paragraphs=["1. (SBU) Text.", "2. (C) Text."]).text, RULE) == []


def test_caption_words_run_together_with_addressee_instructions_count(cable, check):
    built = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", eo="E.O. 12958: N/A", authority=None,
                  captions=("TREASURY FOR OASIA:FPARODI SENSITIVE SIPDIS",), paragraphs=["1. (SBU) Text."])
    assert check(built.text, RULE) == []


def test_a_repeated_classification_line_may_declare_noforn(cable, check):
    built = cable(banner="S E C R E T STATE 126440", security="ZNY SSSSS ZZH", captions=("SECRET NOFORN", "SIPDIS"),
                  paragraphs=["1. (S/NF) Text."])
    assert check(built.text, RULE) == []


def test_an_undated_cable_gets_the_milder_severity(cable):
    built = cable(header=False, paragraphs=["1. (C/NF) Text."])
    assert [f.severity.label for f in findings_of(built.text, RULE)] == ["warning"]
