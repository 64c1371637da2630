"""Front matter: captions, the E.O. line, TAGS, SUBJECT, REF and the classification authority."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.model import Level
from checker.parse import parse_cable

TOP = "C O N F I D E N T I A L STATE 000001\n\n"
BODY = "\n\n1. (C) Text.\n"


def front(lines: str):
    cable = parse_cable(TOP + lines + BODY)
    assert cable.parse_errors == ()
    return cable


# ---------------------------------------------------------------- captions
@pytest.mark.parametrize(
    ("lines", "tokens"),
    [
        ("SIPDIS", [("SIPDIS",)]),
        ("SIPDIS\n\nSIPDIS", [("SIPDIS",), ("SIPDIS",)]),
        ("SENSITIVE SIPDIS", [("SENSITIVE", "SIPDIS")]),
        ("SENSITIVE BUT UNCLASSIFIED", [("SENSITIVE BUT UNCLASSIFIED",)]),
        ("NOFORN", [("NOFORN",)]),
        ("EXDIS", [("EXDIS",)]),
        ("NODIS", [("NODIS",)]),
        ("LIMDIS", [("LIMDIS",)]),
        ("STADIS", [("STADIS",)]),
        ("C O R R E C T E D  C O P Y (ADDED INFO ADDEES)", [("CORRECTED COPY",)]),
        ("NOT FOR INTERNET DISTRIBUTION", [("NOT FOR INTERNET DISTRIBUTION",)]),
        ("DEPT FOR WHA/BSC", [()]),
        ("PASS USTR FOR ROSA WHITAKER", [()]),
        ("DEPT OF TREASURY FOR FPARODI SENSITIVE SIPDIS", [("SENSITIVE", "SIPDIS")]),
        ("SIPDIS NOFORN PGOV, ECON, UK", [("SIPDIS", "NOFORN")]),
    ],
)
def test_caption_lines(lines, tokens):
    assert [c.tokens for c in front(lines).captions] == tokens


def test_a_routing_caption_wraps_onto_the_next_line():
    captions = front("DEPT FOR AIAG (AMBASSADOR LOTFIS), DEPT PASS TO AID\n(DENNIS CARROLL)").captions
    assert [(c.span.line, c.span.end_line) for c in captions] == [(3, 4)]


# ---------------------------------------------------------------- E.O. line
@pytest.mark.parametrize(
    ("line", "order", "kind", "date", "exemptions"),
    [
        ("E.O. 12958: DECL: 11/24/2018", "12958", "date", dt.date(2018, 11, 24), ()),
        ("EO 12958 DECL: 06/15/2019", "12958", "date", dt.date(2019, 6, 15), ()),
        ("E. O. 12958: DECL: 4/4/2012", "12958", "date", dt.date(2012, 4, 4), ()),
        ("E.O.12958: N/A", "12958", "na", None, ()),
        ("E.O. 13526: DECL: 2019/12/01", "13526", "date", dt.date(2019, 12, 1), ()),
        ("E.O. 12958: DECL: 09/21/10", "12958", "date", dt.date(2010, 9, 21), ()),
        ("E.O. 12958: DECL: 2019-12-17", "12958", "date", dt.date(2019, 12, 17), ()),
        ("E.O. 12958: DECL: 12-29-13", "12958", "date", dt.date(2013, 12, 29), ()),
        ("E.O. 12958: DECL: 08 OCTOBER 2019", "12958", "date", dt.date(2019, 10, 8), ()),
        ("E.O. 12958: DECL 03/9/2017", "12958", "date", dt.date(2017, 3, 9), ()),
        ("E.O. 12958 03/24/2019", "12958", "date", dt.date(2019, 3, 24), ()),
        ("E.O. 12356: DECL: OADR", "12356", "oadr", None, ()),
        ("E. O. 11652: GDS", "11652", "gds", None, ()),
        ("E.O. 12958: DECL: X1, X5", "12958", "exemption", None, ("X1", "X5")),
        ("E.O. 12958: DECL: 25X1", "12958", "exemption", None, ("25X1",)),
        ("E.O. 12958: DECL: 25X1-HUMAN", "12958", "exemption", None, ("25X1-HUMAN",)),
        ("E.O. 12958: DECL: 1.6 X1", "12958", "exemption", None, ("X1",)),
        ("E.O. 12958: DECL: MR", "12958", "exemption", None, ("MR",)),
        ("E.O. 12958: DECL: TWENTY YEARS", "12958", "event", None, ()),
        ("E.O. 12958:", "12958", "empty", None, ()),
        ("E.o. 12958: decl: 08/06/2033", "12958", "date", dt.date(2033, 8, 6), ()),
        ("E.0. 12958: DECL: 03/05/11", "12958", "date", dt.date(2011, 3, 5), ()),
        ("E.O. 12958: DNG: CO 01/26/2021", "12958", "date", dt.date(2021, 1, 26), ()),
        ("E.O. 12958: DECL ON: 07/01/2019", "12958", "date", dt.date(2019, 7, 1), ()),
        ("E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006", "12958", "date", dt.date(2006, 6, 21), ()),
        ("E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P", "12065", "gds", dt.date(1985, 8, 12), ()),
        ("E.O. 12958: DECL: 08...", "12958", "unknown", None, ()),
    ],
)
def test_eo_line_forms(line, order, kind, date, exemptions):
    eo = front(line).eo
    assert (eo.order, eo.declassify.kind, eo.declassify.date, eo.declassify.exemptions) == (order, kind, date, exemptions)


def test_an_impossible_date_is_kept_as_written():
    decl = front("E.O. 12958: DECL: 13/45/2018").eo.declassify
    assert (decl.kind, decl.date_raw, decl.date) == ("date", "13/45/2018", None)


def test_an_event_keeps_its_words_without_the_section_number():
    decl = front("E.O. 12958: DECL: 1.6 FIVE YEARS AFTER CLOSURE OF ICTY").eo.declassify
    assert (decl.kind, decl.event) == ("event", "FIVE YEARS AFTER CLOSURE OF ICTY")


def test_eo_and_tags_on_one_line():
    cable = front("E.O. 12958:  DECL: 10/23/11 TAGS: PREL AF")
    assert cable.eo.declassify.date == dt.date(2011, 10, 23)
    assert cable.tags.values == ("PREL", "AF")
    assert cable.tags.span.column == 29


def test_eo_fused_behind_a_caption_and_wrapped_instruction():
    cable = front("DEPT FOR WHA/BSC E.O. 12958:\nDECL: 11/22/2012")
    assert [c.raw for c in cable.captions] == ["DEPT FOR WHA/BSC"]
    assert cable.eo.declassify.date == dt.date(2012, 11, 22)
    assert (cable.eo.span.line, cable.eo.span.end_line) == (3, 4)


# ---------------------------------------------------------------- TAGS
@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("TAGS: PARM NATO MOPS PREL", ("PARM", "NATO", "MOPS", "PREL")),
        ("TAGS IR, TX, PGOV, PREL, PHUM", ("IR", "TX", "PGOV", "PREL", "PHUM")),
        ("TAGS: [PARM](#) [NATO](#)", ("PARM", "NATO")),
        ("TAGS: ECON EFIN\nKTFN", ("ECON", "EFIN", "KTFN")),
    ],
)
def test_tags_forms(line, values):
    assert front(line).tags.values == values


# ---------------------------------------------------------------- SUBJECT
def test_subject_wraps_onto_several_lines():
    subject = front("SUBJECT: DEMARCHE TO NATO AND COALITION PARTNERS ON\nCONVENTION ON CLUSTER MUNITIONS").subject
    assert subject.text == "DEMARCHE TO NATO AND COALITION PARTNERS ON CONVENTION ON CLUSTER MUNITIONS"
    assert (subject.span.line, subject.span.end_line, subject.marking) == (3, 4, None)


@pytest.mark.parametrize(
    ("line", "text", "canonical", "column"),
    [
        ("SUBJECT: (C) TALKS WITH THE MINISTER", "TALKS WITH THE MINISTER", "C", 11),
        ("SUBJ: (S/NF) TALKS", "TALKS", "S//NF", 8),
        ("Subject: Demarche on Use of FYROM (U)", "Demarche on Use of FYROM", "U", 36),
        ("SUBJECT: (CUBA IS) A STATE ON THE TAKE", "(CUBA IS) A STATE ON THE TAKE", None, None),
    ],
)
def test_subject_marking_at_start_or_end_and_a_false_friend(line, text, canonical, column):
    subject = front(line).subject
    assert subject.text == text
    assert (subject.marking.canonical if subject.marking else None) == canonical
    assert (subject.marking.span.column if subject.marking else None) == column


def test_classified_by_fused_onto_the_subject():
    cable = front("SUBJECT: TALKS Classified By: Janice Fair, Econ, Reasons 1.4 (b) and (d)")
    assert cable.subject.text == "TALKS"
    assert (cable.authority.by, cable.authority.reasons.letters) == ("Janice Fair, Econ", ("b", "d"))
    assert cable.authority.span.column == 16


# ---------------------------------------------------------------- REF
def test_lettered_references_on_one_line_and_after_a_blank_line():
    refs = front("SUBJECT: X\n\nREF: A. STATE 12345 B. CAIRO 45\n\n     ¶C. 05 BRASILIA 598").references
    assert [(r.letter, r.text) for r in refs] == [("A", "STATE 12345"), ("B", "CAIRO 45"), ("C", "05 BRASILIA 598")]


@pytest.mark.parametrize(
    "line",
    ["REFS: A) THE HAGUE 588 B) THE HAGUE 980", "REFTEL: (A) THE HAGUE 588, (B) THE HAGUE 980"],
)
def test_refs_and_reftel(line):
    refs = front("SUBJECT: X\n\n" + line).references
    assert [r.letter for r in refs] == ["A", "B"]


def test_an_unlettered_ref():
    refs = front("SUBJECT: X\n\nREF: ANKARA 1561 (EXDIS)").references
    assert [(r.letter, r.text) for r in refs] == [(None, "ANKARA 1561 (EXDIS)")]


# ---------------------------------------------------------------- classification authority
@pytest.mark.parametrize(
    ("line", "by", "section", "letters"),
    [
        ("Classified By: PM DAS Stephen Ganyard for Reasons: 1.4 (b) and (d)", "PM DAS Stephen Ganyard", "1.4", ("b", "d")),
        ("CLASSIFIED BY: Richard G. Olson, Ambassador; REASON: 1.4(B), (D)", "Richard G. Olson, Ambassador", "1.4", ("b", "d")),
        ("CLASSIFIED BY DCM EARL IRVING. REASONS: 1.5 (B) AND (D).", "DCM EARL IRVING", "1.5", ("b", "d")),
        ("Classified By: A.F. Godfrey, Reasons 1.4 (b,d)", "A.F. Godfrey", "1.4", ("b", "d")),
        ("Classified By: X, reasons 1.4B AND D", "X", "1.4", ("b", "d")),
        ("Classified By: X PER 1.5 (B) AND (D)", "X", "1.5", ("b", "d")),
        ("Classfied By: Charge Richard Miles, reasons 1.4 (b) and (d).", "Charge Richard Miles", "1.4", ("b", "d")),
        ("(U) CLASSIFIED BY: CHRISTINA B. ROCCA, ASSISTANT SECRETARY", "CHRISTINA B. ROCCA, ASSISTANT SECRETARY", None, None),
        ("Classified By: X for reasons 1.4 (b) and (k)", "X", "1.4", ("b", "k")),
    ],
)
def test_authority_forms(line, by, section, letters):
    authority = front("SUBJECT: X\n\n" + line).authority
    assert authority.by == by
    assert (authority.reasons.section if authority.reasons else None) == section
    assert (authority.reasons.letters if authority.reasons else None) == letters


def test_wrapped_reasons():
    authority = front("SUBJECT: X\n\nClassified By: Ambassador E. Anthony Wayne, for reasons 1.4\n(b) and (d)").authority
    assert authority.reasons.letters == ("b", "d")
    assert (authority.span.line, authority.span.end_line) == (5, 6)


def test_a_reason_wrapped_with_a_comma_for_its_period_continues_the_authority():
    cable = parse_cable(TOP + "SUBJECT: X\n\nClassified By: Ambassador J. Doe for reasons\n1,4 (b) and (d).\n¶1. (C) Text.\n")
    assert (cable.authority.span.line, cable.authority.span.end_line) == (5, 6)
    assert [(p.number, p.span.line) for p in cable.paragraphs] == [(1, 7)]


def test_a_marked_paragraph_right_under_a_reasonless_authority_line_opens_the_body():
    cable = parse_cable(TOP + "SUBJECT: X\nClassified By: A. Officer, Charge d'Affaires, a.i.\n¶1. (S) Text.\n¶2. (S) Text.\n")
    assert cable.authority.raw == "Classified By: A. Officer, Charge d'Affaires, a.i."
    assert [(p.number, p.marking.canonical, p.span.line) for p in cable.paragraphs] == [(1, "S", 5), (2, "S", 6)]


def test_authority_after_a_page_break_line():
    cable = front("SUBJECT: X\n\nMANAMA 00001010 001.2 OF 002 Classified by: Ambassador Adam J Ereli for reason 1.4 (b) (d)")
    assert cable.authority.by == "Ambassador Adam J Ereli"
    assert [m.raw for m in cable.page_marks] == ["MANAMA 00001010 001.2 OF 002"]


@pytest.mark.parametrize(
    "text",
    [
        "SUBJECT: X\n\nSUMMARY: Seizures of assets derived from trafficking grew.\n",  # before the first paragraph
        "SUBJECT: X\n\nOf the crimes and assets\n    derived from drugs, most were local.\n",  # opening a line
    ],
)
def test_prose_saying_derived_from_is_no_authority_line(text):
    assert parse_cable("UNCLAS STATE 000001\n\n" + text).authority is None


def test_derived_from():
    authority = front("SUBJECT: X\n\nDERIVED FROM: DSCG 05-1 B, D").authority
    assert (authority.by, authority.derived_from) == (None, "DSCG 05-1 B, D")


def test_authority_inside_the_first_paragraph():
    cable = parse_cable(TOP + "SUBJECT: X\n\n¶1. (U) CLASSIFIED BY CDA JOSEPH MERANTE FOR REASONS 1.5 (D)\n\n2. (C) Text.\n")
    assert cable.authority.by == "CDA JOSEPH MERANTE"
    assert [(p.number, p.marking.level) for p in cable.paragraphs] == [(1, Level.UNCLASSIFIED), (2, Level.CONFIDENTIAL)]


def test_a_complete_copy_after_a_preview_cut_short_replaces_its_fields():
    cable = parse_cable(
        "C O N F I D E N T I A L SECTION 01 OF 03 MOSCOW 002426\n\nE.O. 12958: DECL: 08...\n\n"
        "C O N F I D E N T I A L SECTION 01 OF 03 MOSCOW 002426 SIPDIS E.O. 12958: DECL: 08/15/2018 TAGS: EPET\n\n"
        "1. (C) Text.\n"
    )
    assert cable.parse_errors == ()
    assert cable.eo.declassify.date == dt.date(2018, 8, 15)
    assert [m.kind for m in cable.markers] == ["truncated"]


def test_another_cable_glued_after_a_cut_preview_does_not_replace_its_fields():
    cable = parse_cable(
        "C O N F I D E N T I A L KHARTOUM 10657\n\nSUBJECT: GOS COUNCIL SUPPORTS\nRELIEF, USE OF ...\n\n"
        "C O N F I D E N T I A L MONTEVIDEO 000404\n\nSUBJECT: ANOTHER CABLE\n\n1. (C) Text.\n"
    )
    assert cable.subject.text == "GOS COUNCIL SUPPORTS RELIEF, USE OF ..."


def test_dots_opening_a_banner_line_mark_the_cut_of_the_line_before():
    cable = parse_cable(
        TOP + "E.O. 12958: DECL: 11/24/2018\nSUBJECT: A STORY OF\n"
        "...C O N F I D E N T I A L SECTION 01 OF 03 STATE 000001 SIPDIS TAGS: PREL\n\n1. (C) Text.\n"
    )
    assert cable.parse_errors == ()
    assert [(m.kind, m.span.line, m.span.column) for m in cable.markers] == [("truncated", 5, 1)]
    assert cable.tags.values == ("PREL",)  # the complete copy's fields are read


def test_a_text_ending_on_a_front_matter_field_is_marked_cut_at_its_end():
    cable = parse_cable(TOP + "E.O. 12958: DECL: 11/24/2018\nTAGS: ECON ENRG\n")
    assert [(m.kind, m.span.line, m.span.column) for m in cable.markers] == [("truncated", 4, 16)]


def test_a_text_ending_in_body_text_is_not_marked_cut():
    cable = parse_cable(TOP + "E.O. 12958: DECL: 11/24/2018\nTAGS: ECON ENRG\n\nUnnumbered text of the cable.\n")
    assert cable.markers == ()


def test_authority_keyword_split_by_a_page_break_and_a_blank_line():
    cable = front(
        "SUBJECT: DEADLY HABITS TRIPOLI 00000939 001.2 OF 003 CLASSIFIED\n\n"
        "BY: Gene A. Cretz, Ambassador. REASON: 1.4 (b), (d)"
    )
    assert (cable.authority.by, cable.authority.reasons.letters) == ("Gene A. Cretz, Ambassador", ("b", "d"))
    assert (cable.authority.span.line, cable.authority.span.column, cable.authority.span.end_line) == (3, 54, 5)
    assert cable.subject.text == "DEADLY HABITS"


def test_a_word_classified_after_a_page_break_without_by_is_not_an_authority():
    cable = front("SUBJECT: X TRIPOLI 00000939 001.2 OF 003 CLASSIFIED\n\nBYGONES ARE BYGONES.")
    assert cable.authority is None


def test_garbled_authority_keyword_with_its_reason():
    authority = front("SUBJECT: X\n\nClassiires Richard M. Eason for` (D).").authority
    assert (authority.by, authority.reasons.section, authority.reasons.letters) == ("Richard M. Eason", None, ("d",))


@pytest.mark.parametrize("line", ["Classified SIPRNET website.", "Classified Secret.", "CLASSIFICATION MISMATCH FOR (C)"])
def test_lines_opening_with_a_classified_word_but_no_reason_are_no_authority(line):
    assert front("SUBJECT: X\n\n" + line).authority is None


def test_an_authority_opened_by_a_csv_quote_is_read_but_not_a_quoted_phrase():
    cable = front('SUBJECT: X REF: A. STATE 66324 "Classified By: DCM Michael Fitz; Reasons 1.4(b),(d) "')
    assert (cable.authority.by, cable.authority.reasons.letters) == ("DCM Michael Fitz", ("b", "d"))
    assert front('SUBJECT: PLEASE ADD THE "CLASSIFIED BY" LINE').authority is None


def test_text_opening_mid_sentence_after_tags_marks_a_cut_before_it():
    cable = parse_cable(TOP + "E.O. 12958: DECL: 11/24/2018\nTAGS: MARR\nnon-proliferation and more. 2. (C) Text.\n")
    assert [(m.kind, m.span.line, m.span.column) for m in cable.markers] == [("truncated", 5, 1)]
    assert [p.number for p in cable.paragraphs] == [2]


def test_a_lower_cased_tags_wrap_is_no_cut():
    cable = parse_cable(TOP + "E.o. 12958: decl: 11/24/2018\nTags: prel, parm,\netra, mnuc\nSubject: x\n\n1. (C) Text.\n")
    assert cable.markers == ()


@pytest.mark.parametrize(
    "lost",
    [
        "STATE 000001 SIPDIS E.O. 12958: DECL: 11/24/2018 TAGS: PREL",  # the header flattened onto one line
        "ZFR ZFR ZFR CANCEL TELEGRAM PER DRAFTER REQUEST",  # a transmission cancel notice
    ],
)
def test_front_matter_breaking_off_before_the_authority_is_a_cut(lost):
    cable = front(f"E.O. 12958: DECL: 11/24/2018\nTAGS: PREL\nSUBJECT: X\n\n{lost}")
    assert cable.authority is None
    assert [(m.kind, m.span.line, m.span.column) for m in cable.markers] == [("truncated", 7, 1)]


def test_a_flattened_header_copy_after_the_authority_line_is_no_cut():
    lines = "E.O. 12958: DECL: 11/24/2018\nTAGS: PREL\nSUBJECT: X\nClassified By: A. Officer, reasons 1.4 (d)\n\n"
    cable = front(lines + "STATE 000001 SIPDIS E.O. 12958: DECL: 11/24/2018 TAGS: PREL")
    assert cable.markers == ()


@pytest.mark.parametrize(
    "instruction",
    ["DECL: 11/24/2018", "DECL ON: 1/2/03", "dng:4/4/2012", "DECLASSIFY ON 2019/12/17", "1.5.2019",
     "DECL: 1.4.2019", "DECL: 13/45/2018", "DECL\t12-29-13", "DECLON 1/1/11", "DECL: 1.6 X1"],
)
def test_a_dated_instruction_read_without_a_parse_is_read_as_the_grammar_reads_it(instruction, monkeypatch):
    from checker.parse import fields

    shortcut = fields._declassification.__wrapped__(instruction)

    class NoShortcut:
        def fullmatch(self, text):
            return None

    monkeypatch.setattr(fields, "_dated_instruction", NoShortcut)
    assert shortcut == fields._declassification.__wrapped__(instruction)
