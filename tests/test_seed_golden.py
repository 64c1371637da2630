"""The seed cable 08STATE126440, parsed: the golden values issue 2 asks for, pinned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.inspect import cable_to_dict
from checker.model import Level
from checker.parse import parse_cable

SEED = Path(__file__).parent / "fixtures" / "08STATE126440.txt"


@pytest.fixture(scope="module")
def seed():
    return parse_cable(SEED.read_text(encoding="utf-8"))


def test_seed_parses_without_parse_errors(seed):
    assert seed.parse_errors == ()
    assert seed.line_count == 64


def test_seed_paragraphs_numbers_markings_and_lines(seed):
    got = [(p.number, p.marking.canonical if p.marking else None, p.span.line) for p in seed.paragraphs]
    assert got == [
        (1, "U", 25),
        (2, "C", 27),
        (3, "SBU", 29),
        (4, "U", 31),
        (5, "C", 35),
        (6, "SBU", 39),
        (7, "SBU", 51),
        (8, "SBU", 55),
        (9, "SBU", 57),
        (10, "SBU", 61),
        (11, "U", 63),
    ]


def test_seed_paragraph_numbers_as_written(seed):
    assert [p.number_raw for p in seed.paragraphs] == [
        "[1](#)1.", "[1](#)2.", "[1](#)3.", "[1](#)4.", "[1](#)5.", "[1](#)6.",
        "17.", "18.", "19.", "¶10.", "¶11.",
    ]


def test_seed_paragraph_9_heading_wraps_after_blank_line(seed):
    ninth = seed.paragraphs[8]
    assert (ninth.span.line, ninth.span.end_line) == (57, 59)


def test_seed_bullets_belong_to_their_paragraphs(seed):
    assert [(s.label, s.marking, s.span.line) for s in seed.paragraphs[4].subparagraphs] == [("--", None, 37)]
    assert [s.span.line for s in seed.paragraphs[5].subparagraphs] == [41, 43, 47, 49]


def test_seed_banner_and_header(seed):
    assert seed.banner.marking.level is Level.CONFIDENTIAL
    assert seed.banner.spaced and seed.banner.originator == "STATE" and seed.banner.serial == "126440"
    assert seed.banner.span.line == 14
    header = seed.header
    assert header.dtg.value == dt.datetime(2008, 12, 1, 19, 43, tzinfo=dt.timezone.utc)
    assert header.dtg.precedence == "O"
    assert header.security.code == "CCCCC" and header.security.level is Level.CONFIDENTIAL
    assert (header.de.station, header.de.serial, header.de.julian_day) == ("RUEHC", "6440", 336)
    assert header.origin == "SECSTATE WASHDC"
    assert header.transmission_id == "VZCZCXYZ0005"


def test_seed_eo_tags_subject_authority(seed):
    assert seed.eo.order == "12958"
    assert seed.eo.declassify.kind == "date"
    assert seed.eo.declassify.date == dt.date(2018, 11, 24)
    assert seed.tags.values == ("PARM", "NATO", "MOPS", "PREL")
    assert seed.subject.text == "DEMARCHE TO NATO AND COALITION PARTNERS ON CONVENTION ON CLUSTER MUNITIONS"
    assert seed.subject.marking is None
    assert seed.authority.by == "PM DAS Stephen Ganyard"
    assert seed.authority.reasons.section == "1.4"
    assert seed.authority.reasons.letters == ("b", "d")
    assert [c.tokens for c in seed.captions] == [("SIPDIS",)]
    assert seed.signature == "RICE"


def test_seed_inspect_json_keys(seed):
    data = cable_to_dict(seed)
    assert data["classification"] == {"level": "CONFIDENTIAL", "controls": []}
    assert data["date"] == "2008-12-01T19:43:00+00:00"
    assert data["eo"] == "12958"
    assert data["declassify"]["date"] == "2018-11-24"
    assert data["declassify"]["exemptions"] == []
    assert data["authority"]["reasons"]["letters"] == ["b", "d"]
    assert data["tags"] == ["PARM", "NATO", "MOPS", "PREL"]
    assert data["parse_errors"] == []
    assert [p["marking"]["level"] for p in data["paragraphs"]][:3] == ["UNCLASSIFIED", "CONFIDENTIAL", "UNCLASSIFIED"]
    assert data["paragraphs"][2]["marking"]["controls"] == ["SBU"]
