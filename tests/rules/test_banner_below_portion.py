"""banner-below-portion (BN003): a portion above the banner, reported on the banner."""

from conftest import findings_of

RULE = "BN003"


def test_names_every_portion_at_the_required_level(cable, check):
    built = cable(paragraphs=["1. (U) Text.", "2. (S) Text.", "3. (C) Text.", "4. (S/NF) Text."])
    assert check(built.text, RULE) == [
        (RULE, built.line["banner"], 1, "banner CONFIDENTIAL is below SECRET required by ¶2 (S), ¶4 (S//NF)")
    ]


def test_suggests_the_required_banner(cable):
    built = cable(paragraphs=["1. (S) Text."])
    assert [f.suggestion for f in findings_of(built.text, RULE)] == ["SECRET"]


def test_a_classified_paragraph_in_an_unclas_cable(cable, check):
    built = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", paragraphs=["1. (U) Text.", "2. (C) Text."])
    assert check(built.text, RULE) == [
        (RULE, built.line["banner"], 1, "banner UNCLASSIFIED is below CONFIDENTIAL required by ¶2 (C)")
    ]


def test_a_subject_or_subparagraph_can_force_the_level(cable, check):
    built = cable(subject="SUBJECT: (S) TEST", paragraphs=["1. (C) Text.\n\nA. (S) Sub."])
    assert check(built.text, RULE) == [
        (RULE, built.line["banner"], 1, "banner CONFIDENTIAL is below SECRET required by subject (S), ¶1.A (S)")
    ]


def test_portions_at_or_below_the_banner_pass(cable, check):
    assert check(cable(paragraphs=["1. (U) Text.", "2. (SBU) Text.", "3. (C) Text."]).text, RULE) == []


def test_a_bare_letter_opening_an_unnumbered_paragraph_may_be_a_list_label(cable, check):
    built = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH",
                  paragraphs=["1. (U) Options:", "(A) first option", "(B) second option", "(C) third option"])
    assert check(built.text, RULE) == []
    marked = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", paragraphs=["1. (U) a", "(C//NF) text"])
    assert check(marked.text, RULE) == [
        (RULE, marked.line["banner"], 1, f"banner UNCLASSIFIED is below CONFIDENTIAL required by ¶ at line {marked.para[1]} (C//NF)")
    ]


def test_a_letter_among_other_letter_labels_is_a_list_label(cable, check):
    built = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH",
                  paragraphs=["1. (a) Yes.", "2. (b) No.", "3. (c) Yes."])
    assert check(built.text, RULE) == []


def test_classified_text_after_transmission_garbage_still_raises_the_banner(cable, check):
    # even when the numbering falls back after the garbage (another cable's text spliced into
    # the record), the document as it stands carries (C) text under an UNCLAS banner
    unclas = dict(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", eo="E.O. 12958: N/A", authority=None)
    splice = "RHTQwsQfjQQQocuments to the camp, Dubini explained."
    spliced = cable(**unclas, paragraphs=["15. (SBU) Text.", "16. (U) Text.\n" + splice, "6. (C) Text.", "7. (C) Text."])
    fallback = cable(**unclas, paragraphs=["15. (U) Text.", "16. (U) Text.", "6. (C) Text."])
    message = "banner UNCLASSIFIED is below CONFIDENTIAL required by ¶{}"
    assert check(spliced.text, RULE) == [(RULE, spliced.line["banner"], 1, message.format("6 (C), ¶7 (C)"))]
    assert check(fallback.text, RULE) == [(RULE, fallback.line["banner"], 1, message.format("6 (C)"))]
