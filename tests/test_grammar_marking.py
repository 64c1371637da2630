"""The marking mini-language (start symbol ``marking``): levels, controls, separators, normal form."""

from __future__ import annotations

import pytest

from checker.model import Level, Span
from checker.parse import parse_marking

U, C, S, TS = Level.UNCLASSIFIED, Level.CONFIDENTIAL, Level.SECRET, Level.TOP_SECRET


@pytest.mark.parametrize(
    ("raw", "level", "controls", "canonical"),
    [
        ("U", U, (), "U"),
        ("SBU", U, ("SBU",), "SBU"),
        ("C", C, (), "C"),
        ("S", S, (), "S"),
        ("TS", TS, (), "TS"),
        ("CONFIDENTIAL", C, (), "C"),
        ("TOP SECRET", TS, (), "TS"),
        ("C O N F I D E N T I A L", C, (), "C"),
        ("S E C R E T", S, (), "S"),
        ("UNCLASSIFIED", U, (), "U"),
        ("UNCLAS", U, (), "U"),
        ("S//NF", S, ("NOFORN",), "S//NF"),
        ("S/NF", S, ("NOFORN",), "S//NF"),
        ("C NF", C, ("NOFORN",), "C//NF"),
        ("S-NF", S, ("NOFORN",), "S//NF"),
        ("S/NOFORN", S, ("NOFORN",), "S//NF"),
        ("S/Noforn", S, ("NOFORN",), "S//NF"),
        ("SBU/NF", U, ("SBU", "NOFORN"), "SBU//NF"),
        ("SBU-N", U, ("SBU", "NOFORN"), "SBU//NF"),
        ("U//FOUO", U, ("FOUO",), "U//FOUO"),
        ("FOUO", U, ("FOUO",), "U//FOUO"),
        ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", U, ("FOUO",), "U//FOUO"),
        ("LIMITED OFFICIAL USE", U, ("LOU",), "U//LOU"),
        ("UNCLAS E F T O", U, ("EFTO",), "U//EFTO"),
        ("S//FGI//NF", S, ("FGI", "NOFORN"), "S//FGI//NF"),
        ("S//ORCON//NF", S, ("ORCON", "NOFORN"), "S//ORCON//NF"),
        ("c", C, (), "C"),
        ("sbu", U, ("SBU",), "SBU"),
        ("C//REL TO USA, GBR", C, ("REL TO USA, GBR",), "C//REL TO USA, GBR"),
        ("C//REL TO USA, KEN, GBR//", C, ("REL TO USA, KEN, GBR",), "C//REL TO USA, KEN, GBR"),
        ("S/REL NATO", S, ("REL TO NATO",), "S//REL TO NATO"),
        ("S//Rel NATO, ISAF", S, ("REL TO NATO, ISAF",), "S//REL TO NATO, ISAF"),
        ("C/Releasable to Italy", C, ("REL TO ITALY",), "C//REL TO ITALY"),
        ("C//REL TO FIVE EYES", C, ("REL TO FIVE EYES",), "C//REL TO FIVE EYES"),
        ("S/REL BULGARIA, CZECH REPUBLIC", S, ("REL TO BULGARIA, CZECH REPUBLIC",), "S//REL TO BULGARIA, CZECH REPUBLIC"),
        ("NC", C, ("FGI",), "C//FGI"),  # NATO CONFIDENTIAL: the U.S. level it equals, as foreign information
        ("NS", S, ("FGI",), "S//FGI"),
        ("CTS", TS, ("FGI",), "TS//FGI"),
    ],
)
def test_markings_normalise(raw, level, controls, canonical):
    marking = parse_marking(raw)
    assert (marking.level, marking.controls, marking.unknown, marking.canonical) == (level, controls, (), canonical)
    assert marking.raw == raw


@pytest.mark.parametrize(
    ("raw", "level", "unknown"),
    [
        ("SE", None, ("SE",)),  # a typo: recorded, never guessed
        ("CUBA IS", None, ("CUBA", "IS")),
        ("C/F", C, ("F",)),
        ("TS//SI", TS, ("SI",)),
        ("S/REL TO NATO/AUS", S, ("AUS",)),
        ("", None, ()),
        ("//", None, ("//",)),
        ("/Rel UK", None, ()),  # a control without a level: no canonical form
    ],
)
def test_unknown_tokens_are_kept_and_leave_no_canonical_form(raw, level, unknown):
    marking = parse_marking(raw)
    assert (marking.level, marking.unknown, marking.canonical) == (level, unknown, None)


def test_separators_are_recorded_as_written():
    assert parse_marking("C NF").separators == (" ",)
    assert parse_marking("S//FGI/NF").separators == ("//", "/")
    assert parse_marking("S-NF").separators == ("-",)


def test_the_span_is_where_the_marking_was_written():
    assert parse_marking("S//NF", line=7, column=5).span == Span(7, 5, 7, 10)


def test_an_overlong_string_is_not_a_marking():
    marking = parse_marking("C " * 300)
    assert marking.level is None and marking.canonical is None
