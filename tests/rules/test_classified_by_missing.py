"""classified-by-missing (CA001): the classification authority, from E.O. 12958 on."""

RULE = "CA001"


def test_no_classified_by_line_is_reported_on_the_banner(cable, check):
    built = cable(authority=None)
    assert check(built.text, RULE) == [(RULE, built.line["banner"], 1, "CONFIDENTIAL cable has no Classified By line")]


def test_a_line_without_a_name(cable, check):
    built = cable(authority="Classified By: Reasons 1.4 (b) and (d)")
    assert check(built.text, RULE) == [(RULE, built.line["authority"], 1, "Classified By line names no classifier")]


def test_not_required_before_1995_10_14(cable, check):
    built = cable(de=None, dtg="O 151200Z MAR 88", eo="E.O. 12356: DECL: OADR", authority=None)
    assert check(built.text, RULE) == []


def test_not_required_on_unclassified_cables(cable, check):
    built = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", eo="E.O. 12958: N/A", authority=None,
                  paragraphs=["1. Text."])
    assert check(built.text, RULE) == []


def test_a_derivative_classification_is_an_authority(model):
    from checker.engine import EngineSettings, check_cable
    from checker.model import Authority, Span

    line = Authority("DERIVED FROM: DSCG 05-1 B, D", None, None, Span(4, 1, 4, 29), derived_from="DSCG 05-1 B, D")
    found = check_cable(model(authority=line), EngineSettings(enabled=frozenset({RULE, "CA002"})))
    assert found == []


def test_front_matter_cut_by_the_publication_is_not_judged(model):
    from checker.engine import EngineSettings, check_cable
    from checker.model import Marker, Span, Subject

    cut = model(markers=(Marker("truncated", Span(4, 1, 4, 4)),))
    assert check_cable(cut, EngineSettings(enabled=frozenset({RULE, "CA002"}))) == []
    whole = model(subject=Subject("SUBJECT: TEST", "TEST", None, Span(4, 1, 4, 14)))
    assert [f.code for f in check_cable(whole, EngineSettings(enabled=frozenset({RULE, "CA002"})))] == ["CA001", "CA002"]


# The publication cut the front matter short: the authority line's absence is no evidence.
FLATTENED = "C O N F I D E N T I A L SECTION 01 OF 03 STATE 126440 SIPDIS E.O. 12958: DECL: 11/24/2018 TAGS: PREL"


def test_a_cut_whose_dots_open_the_next_line_is_a_cut(cable, check):
    # SUBJECT cut short; the "..." opens the flattened copy of the header on the next line
    built = cable(subject="SUBJECT: (U) A STORY OF\n..." + FLATTENED, authority=None)
    assert check(built.text, RULE) == []
    assert check(built.text, "CA002") == []


def test_a_text_ending_inside_its_front_matter_is_a_cut(cable, check):
    built = cable(subject=None, authority=None, paragraphs=())  # the file ends with TAGS
    assert check(built.text, RULE) == []
    assert check(built.text, "CA002") == []


def test_a_text_that_lost_subject_and_ref_is_not_judged(cable, check):
    # renderings that drop the SUBJECT line drop the authority line beside it
    built = cable(subject=None, authority=None, paragraphs=("Text of the cable, unnumbered.",))
    assert check(built.text, RULE) == []
    assert check(built.text, "CA002") == []


def test_a_text_showing_ref_without_subject_is_judged(cable, check):
    built = cable(subject="REF: STATE 12345", authority=None)
    assert check(built.text, RULE) == [(RULE, built.line["banner"], 1, "CONFIDENTIAL cable has no Classified By line")]
    assert check(built.text, "CA002") == [("CA002", built.line["banner"], 1, "CONFIDENTIAL cable has no classification reason")]


def test_an_authority_keyword_split_by_a_page_break_and_a_blank_line_is_read(cable, check):
    built = cable(
        subject="SUBJECT: (U) TEST STATE 00126440 001.2 OF 003 CLASSIFIED",
        authority="BY: A. Officer, Ambassador. REASON: 1.4 (b), (d)",
    )
    assert check(built.text, RULE) == []
    assert check(built.text, "CA002") == []


def test_a_garbled_authority_keyword_ending_in_a_reason_is_read(cable, check):
    built = cable(authority="Classiires A. Officer for` (D).")
    assert check(built.text, RULE) == []
    assert check(built.text, "CA002") == []


def test_a_body_opening_mid_sentence_right_after_tags_is_a_cut(cable, check):
    # SUBJECT, the authority line and the start of the body were lost to the publication
    built = cable(subject=None, authority=None, paragraphs=("non-proliferation and the rest of a lost paragraph.", "2. (C) Text."))
    assert check(built.text, RULE) == []
    assert check(built.text, "CA002") == []


def test_an_authority_in_a_csv_field_after_a_quote_is_read(cable, check):
    built = cable(subject='SUBJECT: (U) TEST REF: A. STATE 66324 "Classified By: DCM A. Officer; Reasons 1.4(b),(d) "',
                  authority=None)
    assert check(built.text, RULE) == []
    assert check(built.text, "CA002") == []


def test_a_flattened_header_copy_or_a_cancel_notice_before_the_first_paragraph_is_a_cut(cable, check):
    for lost in ("STATE 126440 SIPDIS E.O. 12958: DECL: 11/24/2018 TAGS: PREL", "ZFR ZFR ZFR CANCEL TELEGRAM"):
        built = cable(subject="SUBJECT: (U) TEST\n\n" + lost, authority=None)
        assert check(built.text, RULE) == []
        assert check(built.text, "CA002") == []
