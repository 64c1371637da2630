"""The classification line in all its forms, and what is not one."""

from __future__ import annotations

import pytest

from checker.model import Level
from checker.parse import parse_cable

HEAD = "VZCZCXYZ0001\nRR RUEHWEB\nFM AMEMBASSY X\nTO SECSTATE WASHDC\n\n"


def banner_of(line: str):
    cable = parse_cable(HEAD + line + "\n\nSUBJECT: X\n\n1. (U) Text.\n")
    assert cable.parse_errors == ()
    return cable.banner


@pytest.mark.parametrize(
    ("line", "level", "controls", "spaced", "originator", "serial"),
    [
        ("C O N F I D E N T I A L STATE 126440", Level.CONFIDENTIAL, (), True, "STATE", "126440"),
        ("S E C R E T CAIRO 000326", Level.SECRET, (), True, "CAIRO", "000326"),
        ("CONFIDENTIAL     PTQ2529", Level.CONFIDENTIAL, (), False, None, "PTQ2529"),
        ("SECRET TEL AVIV 04032", Level.SECRET, (), False, "TEL AVIV", "04032"),
        ("C o n f i d e n t i a l section 01 of 04 ankara 000348", Level.CONFIDENTIAL, (), True, "ankara", "000348"),
        ("UNCLAS THE HAGUE 001695", Level.UNCLASSIFIED, (), False, "THE HAGUE", "001695"),
        ("UNCLAS E F T O LONDON 002883", Level.UNCLASSIFIED, ("EFTO",), False, "LONDON", "002883"),
        ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", Level.UNCLASSIFIED, ("FOUO",), False, None, None),
        ("C O N F I D E N T I A L BUENOS AIRES 001305 SENSITIVE", Level.CONFIDENTIAL, (), True, "BUENOS AIRES", "001305"),
        ("S E C R E T//NOFORN STATE 000001", Level.SECRET, ("NOFORN",), True, "STATE", "000001"),
        ("SECRET NOFORN STATE   00100153", Level.SECRET, ("NOFORN",), False, "STATE", "00100153"),
        ("LIMITED OFFICIAL USE STATE 000001", Level.UNCLASSIFIED, ("LOU",), False, "STATE", "000001"),
    ],
)
def test_banner_forms(line, level, controls, spaced, originator, serial):
    banner = banner_of(line)
    assert banner.kind == "top"
    assert (banner.marking.level, banner.marking.controls) == (level, controls)
    assert (banner.spaced, banner.originator, banner.serial) == (spaced, originator, serial)


def test_section_numbers():
    banner = banner_of("C O N F I D E N T I A L SECTION 01 OF 03 TASHKENT 004223")
    assert (banner.section, banner.section_count, banner.originator) == (1, 3, "TASHKENT")


def test_banner_fused_with_captions_and_the_eo_line():
    cable = parse_cable(HEAD + "S E C R E T CAIRO 000326FOR NEA AND HE.O. 12958: DECL: 02/23/2019\n\n1. (S) Text.\n")
    assert cable.parse_errors == ()
    assert (cable.banner.serial, cable.banner.span.end_column) == ("000326", 25)
    assert [c.raw for c in cable.captions] == ["FOR NEA AND H"]
    assert cable.eo.declassify.date.isoformat() == "2019-02-23"
    assert cable.eo.span.column == 38


def test_cable_dated_prefix_and_fused_tags():
    cable = parse_cable(
        "Cable dated:2002-11-15T12:40:00S E C R E T SECTION 01 OF 05 ANKARA 008305S/CT FOR REAP"
        "E.O. 12958: DECL: 11/14/2012 TAGS: PTER TU\n\n¶1. (U) Text.\n"
    )
    assert cable.banner.marking.level is Level.SECRET
    assert cable.banner.span.column == 32
    assert cable.eo.order == "12958"
    assert cable.tags.values == ("PTER", "TU")


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("E C R E T SANAA 000473", None),  # a letter lost: unreadable
        ("CO N F I D E N T I A L STATE 000001", Level.CONFIDENTIAL),  # every letter there, in order
        ("SS E C R E T SECTION 01 OF 02 PARIS 000381", Level.SECRET),  # first letter doubled
        ("NCLAS SECTION 01 OF 02 BRASILIA 001017", None),
        ("UUNCLAS MANAGUA 001002", Level.UNCLASSIFIED),
        ("C ONFIDENTIAL SECTION 01 of 03 BAKU 000744", Level.CONFIDENTIAL),
        ("CSE C R E T SECTION 01 OF 02 SHENYANG 000004", None),  # not unambiguous: no level
    ],
)
def test_damaged_level_words_keep_their_raw_text(line, level):
    banner = banner_of(line)
    assert banner.marking.level is level
    assert banner.marking.canonical is None and banner.marking.unknown == (banner.marking.raw,)


def test_secret_service_in_the_body_is_not_a_banner():
    cable = parse_cable(HEAD + "UNCLAS STATE 000001\n\n1. (U) Text.\nSECRET SERVICE AGENTS ARRIVED.\n")
    assert [b.kind for b in cable.banners] == ["top"]


def test_a_bare_classification_line_in_the_body_is_a_footer_page_mark():
    cable = parse_cable(HEAD + "C O N F I D E N T I A L STATE 000001\n\n1. (C) Text.\n\nCONFIDENTIAL\n")
    assert [(m.kind, m.level, m.span.line) for m in cable.page_marks] == [("footer", Level.CONFIDENTIAL, 10)]
    assert [b.kind for b in cable.banners] == ["top", "footer"]
    assert cable.paragraphs[0].span.end_line == 8


def test_a_later_section_banner():
    cable = parse_cable(
        HEAD + "C O N F I D E N T I A L SECTION 01 OF 02 STATE 000001\n\n1. (C) Text.\n\n"
        "C O N F I D E N T I A L SECTION 02 OF 02 STATE 000001\n\n2. (C) More.\n"
    )
    assert [(b.kind, b.section) for b in cable.banners] == [("top", 1), ("section", 2)]
    assert [p.number for p in cable.paragraphs] == [1, 2]


def test_a_bare_classification_field_before_more_routing_lines_is_not_the_banner():
    cable = parse_cable(
        "57344\n2006-03-20 22:14:00\n06MEXICO1509\nEmbassy Mexico\nCONFIDENTIAL\n\n"
        "VZCZCXRO5916\nRR RUEHCD\n\nC O N F I D E N T I A L MEXICO 001509\n\nSUBJECT: X\n"
    )
    assert cable.parse_errors == ()
    assert cable.banner.span.line == 10


def test_a_record_rows_bare_level_field_before_the_cable_banner_is_not_the_banner():
    cable = parse_cable(
        "R 121038Z JAN 10\nFM AMEMBASSY KABUL\nTO RUEHC/SECSTATE WASHDC 4669\n\n"
        "243245\n2010-01-12\n10KABUL102\nEmbassy Kabul\nUNCLASSIFIED//FOR OFFICIAL USE ONLY\n10KABUL1345\n"
        "UNCLAS SECTION 01 OF 04 KABUL 000102\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PGOV\nSUBJECT: X\n\n1. (SBU) Text.\n"
    )
    assert [(b.kind, b.span.line, b.marking.controls) for b in cable.banners] == [("top", 11, ())]


def test_a_bare_level_line_alone_is_still_the_banner():
    cable = parse_cable("R 121038Z JAN 10\nFM AMEMBASSY KABUL\n\nCONFIDENTIAL\n\nE.O. 12958: DECL: 01/12/2020\n\n1. (C) Text.\n")
    assert [(b.kind, b.span.line) for b in cable.banners] == [("top", 4)]
