"""control-conflict (CT002): NODIS/EXDIS, SIPDIS with either, NOFORN, SBU on classified."""

from conftest import findings_of

RULE = "CT002"


def test_nodis_with_exdis(cable, check):
    built = cable(captions=("NOFORN", "NODIS", "EXDIS"))
    assert check(built.text, RULE) == [(RULE, built.line["caption2"], 1, "NODIS and EXDIS must not be used together")]


def test_sipdis_with_exdis_from_december_2005(cable, check):
    built = cable(captions=("NOFORN", "EXDIS", "SIPDIS"))
    assert check(built.text, RULE) == [(RULE, built.line["caption2"], 1, "SIPDIS must not be used with EXDIS")]
    assert [f.severity.label for f in findings_of(built.text, RULE)] == ["error"]
    before = cable(de=None, dtg="O 151200Z JUN 05", captions=("NOFORN", "EXDIS", "SIPDIS"))
    assert check(before.text, RULE) == []


def test_exdis_without_noforn(cable, check):
    built = cable(captions=("EXDIS",))
    assert check(built.text, RULE) == [(RULE, built.line["caption0"], 1, "EXDIS without NOFORN")]
    assert [(f.severity.label, f.suggestion) for f in findings_of(built.text, RULE)] == [("warning", "NOFORN")]


def test_the_noforn_requirement_can_be_switched_off(cable):
    from checker.engine import EngineSettings, check_cable
    from checker.parse import parse_cable

    settings = EngineSettings(enabled=frozenset({RULE}), options={RULE: {"require-noforn": False}})
    assert check_cable(parse_cable(cable(captions=("EXDIS",)).text), settings) == []


def test_sbu_on_a_classified_portion(cable, check):
    built = cable(paragraphs=["1. (C/SBU) Text."])
    assert check(built.text, RULE) == [(RULE, built.para[0], 5, "¶1 (C//SBU) combines SBU with CONFIDENTIAL")]


def test_plain_captions_pass(cable, check):
    assert check(cable(captions=("NOFORN", "SIPDIS"), paragraphs=["1. (C/NF) Text."]).text, RULE) == []


def test_the_sbu_caption_on_a_classified_cable_is_a_warning(cable, check):
    built = cable(captions=("SENSITIVE", "SIPDIS"))
    assert check(built.text, RULE) == [(RULE, built.line["caption0"], 1, "SENSITIVE caption (SBU) on a CONFIDENTIAL cable")]
    assert [f.severity.label for f in findings_of(built.text, RULE)] == ["warning"]


def test_the_sbu_caption_on_an_unclassified_cable_is_its_place(cable, check):
    built = cable(banner="UNCLAS STATE 126440", security="ZNR UUUUU ZZH", captions=("SIPDIS", "SENSITIVE"),
                  eo="E.O. 12958: N/A", authority=None, paragraphs=["1. (SBU) Text."])
    assert check(built.text, RULE) == []
