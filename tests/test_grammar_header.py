"""Routing header: VZCZC, prosigns, DE line, security line, DTG, addresses, short forms."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.model import Level
from checker.parse import parse_cable

UTC = dt.timezone.utc
BODY = "\nC O N F I D E N T I A L STATE 000001\n\nSUBJECT: TEST\n\n1. (C) Text.\n"


def header_of(lines: str):
    cable = parse_cable(lines + BODY)
    assert cable.parse_errors == ()
    return cable.header


def test_full_acp127_header():
    header = header_of(
        "VZCZCXYZ0005\nOO RUEHWEB\n\nDE RUEHC #6440/01 3361951\nZNY CCCCC ZZH\nO 011943Z DEC 08\n"
        "FM SECSTATE WASHDC\nTO RUEHVB/AMEMBASSY ZAGREB IMMEDIATE 0000\n"
        "INFO RHMFISS/JOINT STAFF WASHINGTON DC IMMEDIATE\nRUEKJCS/SECDEF WASHINGTON DC PRIORITY\n"
    )
    assert header.transmission_id == "VZCZCXYZ0005"
    assert header.prosign == "OO" and header.routing_indicators == ("RUEHWEB",)
    de = header.de
    assert (de.station, de.serial, de.section, de.julian_day, de.filing_time) == ("RUEHC", "6440", "01", 336, "1951")
    assert (header.security.signal, header.security.code, header.security.level) == ("ZNY", "CCCCC", Level.CONFIDENTIAL)
    assert header.dtg.value == dt.datetime(2008, 12, 1, 19, 43, tzinfo=UTC)
    assert [(a.role, a.routing_indicator, a.plad, a.precedence) for a in header.addresses] == [
        ("FM", None, "SECSTATE WASHDC", None),
        ("TO", "RUEHVB", "AMEMBASSY ZAGREB", "IMMEDIATE"),
        ("INFO", "RHMFISS", "JOINT STAFF WASHINGTON DC", "IMMEDIATE"),
        ("INFO", "RUEKJCS", "SECDEF WASHINGTON DC", "PRIORITY"),
    ]
    assert header.origin == "SECSTATE WASHDC"
    assert (header.span.line, header.span.end_line) == (1, 10)


def test_routing_indicators_continue_on_the_next_line():
    header = header_of("VZCZCADI319\nOO RUEHC RUEHAM\nRUEAIIA RHEFDIA\nDE RUEHAD #2641 1541250\n")
    assert header.routing_indicators == ("RUEHC", "RUEHAM", "RUEAIIA", "RHEFDIA")


@pytest.mark.parametrize(
    ("line", "code", "level"),
    [
        ("ZNY CCCCC ZZH", "CCCCC", Level.CONFIDENTIAL),
        ("ZNY SSSSS ZZH", "SSSSS", Level.SECRET),
        ("ZNR UUUUU ZZH", "UUUUU", Level.UNCLASSIFIED),
        ("ZNY EEEEE ZZH", "EEEEE", Level.UNCLASSIFIED),
        ("ZNY SSSAA ZZH", "SSSAA", Level.SECRET),
        ("ZNR UUUUU", "UUUUU", Level.UNCLASSIFIED),
    ],
)
def test_security_line_forms(line, code, level):
    security = header_of(f"VZCZCXYZ0001\n{line}\n").security
    assert (security.code, security.level) == (code, level)


@pytest.mark.parametrize(
    ("line", "precedence", "value"),
    [
        ("O 011943Z DEC 08", "O", dt.datetime(2008, 12, 1, 19, 43, tzinfo=UTC)),
        ("O R 141538Z MAR 06", "O R", dt.datetime(2006, 3, 14, 15, 38, tzinfo=UTC)),
        ("P 291513Z MAY 08 ZUI SVC RUEHAD9405 1630957", "P", dt.datetime(2008, 5, 29, 15, 13, tzinfo=UTC)),
        ("R 061344Z APR 06 ZDK", "R", dt.datetime(2006, 4, 6, 13, 44, tzinfo=UTC)),
        ("252008Z Nov 05", None, dt.datetime(2005, 11, 25, 20, 8, tzinfo=UTC)),
        ("R 021155Z NOV 72", "R", dt.datetime(1972, 11, 2, 11, 55, tzinfo=UTC)),
        ("O 321199Z DEC 08", "O", None),  # impossible day and hour: recorded, value None
    ],
)
def test_dtg_forms(line, precedence, value):
    dtg = header_of(f"{line}\nFM AMEMBASSY X\n").dtg
    assert (dtg.raw, dtg.precedence, dtg.value) == (line, precedence, value)


def test_short_header_without_vzczc():
    header = header_of("O 021155Z NOV 00\nFM AMEMBASSY TASHKENT\nTO SECSTATE WASHDC IMMEDIATE 1234\n")
    assert header.transmission_id is None and header.security is None
    assert header.dtg.value == dt.datetime(2000, 11, 2, 11, 55, tzinfo=UTC)
    assert [a.plad for a in header.addresses] == ["AMEMBASSY TASHKENT", "SECSTATE WASHDC"]


def test_partial_extract_preamble_then_bare_dtg():
    cable = parse_cable(
        "This record is a partial extract of the original cable. The full text of the original "
        "cable is not available.\n\n252008Z Nov 05\n\nUNCLAS SAN JOSE 002727\n\nSUBJECT: X\n"
    )
    assert cable.parse_errors == ()
    assert cable.header.partial_extract
    assert cable.header.dtg.value.date() == dt.date(2005, 11, 25)
    assert cable.banner.originator == "SAN JOSE"


def test_distribution_print_lines_are_not_addresses():
    header = header_of("INFO  LOG-00   EEB-00   AF-00\nFM AMEMBASSY HARARE\n")
    assert [a.role for a in header.addresses] == ["FM"]


def test_an_embedded_database_record_repeats_the_text_and_the_last_copy_counts():
    cable = parse_cable(
        "VZCZCXYZ0001\nPP RUEHWEB\n\nUNCLAS LIMA 000001\n\nSUBJECT: X\n\n1...\n\n"
        "id: 59852\ndate: 4/7/2006 22:43\nrefid: 06LIMA1\nheader:\nVZCZCXYZ0001\nPP RUEHWEB\n\n"
        "----------------- header ends ----------------\n\nUNCLAS LIMA 000001\n\nSUBJECT: X\n\n"
        "1. (U) Full text.\n\n2. (U) More.\n"
    )
    assert cable.parse_errors == ()
    assert [(p.number, p.marking.canonical, p.span.line) for p in cable.paragraphs] == [(1, "U", 23), (2, "U", 25)]


def test_a_second_routing_header_after_the_text_starts_a_new_copy():
    cable = parse_cable(
        "Subject: TRIPOLI 00000126 R UN 18-FEB-08 PRINT COVER\n\nUNCLAS\n\n"
        "VZCZCXRO0782\nRR RUEHTRO\nDE RUEHTRO #0126 0491942\n\nUNCLAS TRIPOLI 000126\n\n"
        "SUBJECT: THE REAL SUBJECT\n\n1. (U) Text.\n"
    )
    assert cable.parse_errors == ()
    assert cable.subject.text == "THE REAL SUBJECT"
    assert cable.header.de.serial == "0126"


def test_the_classification_field_of_a_media_metadata_block_is_recorded():
    cable = parse_cable(
        "VZCZCXRO9839\nFM AMEMBASSY BEIJING\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 7785\n\n"
        "ID: 245489\nORIGIN: XXXXXXXXXXXX\nCLASSIFICATION: SECRET//NOFORN\nMISC: XXXXXXXXXXXX\n\n"
        "SIPDIS\n\nE.O. 12958: DECL: 01/26/2030\nTAGS: ECON\nSUBJECT: X\n\n1. (S) Text.\n"
    )
    marking = cable.metadata_classification
    assert (marking.level, marking.controls, marking.span.line, marking.span.column) == (
        Level.SECRET, ("NOFORN",), 7, 17
    )
    assert cable.banners == ()


def test_a_cable_without_a_metadata_block_has_no_metadata_classification():
    assert parse_cable("C O N F I D E N T I A L STATE 000001\n\n1. (C) Text.\n").metadata_classification is None
