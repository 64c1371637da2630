"""banner-missing (BN001): a cable with no classification line."""

RULE = "BN001"


def test_no_banner_after_the_header_is_reported_on_the_line_after_the_header(cable, check):
    built = cable(banner=None)
    assert check(built.text, RULE) == [(RULE, built.line["to"] + 1, 1, "no classification line")]


def test_the_suggestion_is_the_level_the_portions_require(cable):
    from conftest import findings_of

    built = cable(banner=None, paragraphs=["1. (U) Text.", "2. (S) Text."])
    assert [f.suggestion for f in findings_of(built.text, RULE)] == ["SECRET"]


def test_unclas_banner_is_a_banner(cable, check):
    built = cable(banner="UNCLAS STATE 126440", eo="E.O. 12958: N/A", authority=None, paragraphs=["1. Text."])
    assert check(built.text, RULE) == []


def test_a_header_only_text_is_reported_on_its_last_line(cable, check):
    built = cable(banner=None, captions=(), eo=None, tags=None, subject=None, authority=None, paragraphs=())
    assert check(built.text, RULE) == [(RULE, built.line["to"], 1, "no classification line")]


def test_a_classification_line_without_a_level_word(model):
    from dataclasses import replace

    from checker.engine import EngineSettings, check_cable

    cable = model()
    damaged = replace(cable.banners[0], marking=replace(cable.banners[0].marking, level=None, raw="O N F I D E N T I A L"))
    found = check_cable(replace(cable, banners=(damaged,)), EngineSettings(enabled=frozenset({RULE})))
    assert [(f.span.line, f.message, f.suggestion) for f in found] == [
        (damaged.span.line, "classification line is garbled: no level word could be read", "CONFIDENTIAL")
    ]


def test_a_damaged_level_word_is_garbled(cable, check):
    readable = cable(banner="SS E C R E T STATE 126440", security="ZNY SSSSS ZZH")
    unreadable = cable(banner="CSE C R E T STATE 126440", security="ZNY SSSSS ZZH")
    assert check(readable.text, RULE) == [(RULE, readable.line["banner"], 1, "classification line is garbled: read as SECRET")]
    assert check(unreadable.text, RULE) == [
        (RULE, unreadable.line["banner"], 1, "classification line is garbled: no level word could be read")
    ]


def test_a_partial_extract_without_a_banner_is_not_judged(model):
    from dataclasses import replace

    from checker.engine import EngineSettings, check_cable

    cable = model()
    extract = replace(cable, banners=(), header=replace(cable.header, partial_extract=True))
    assert check_cable(extract, EngineSettings(enabled=frozenset({RULE}))) == []


def test_a_readable_glitch_is_a_warning_an_unreadable_line_an_error(cable):
    from conftest import findings_of

    readable = cable(banner="SS E C R E T STATE 126440", security="ZNY SSSSS ZZH")
    unreadable = cable(banner="CSE C R E T STATE 126440", security="ZNY SSSSS ZZH")
    assert [f.severity.name for f in findings_of(readable.text, RULE)] == ["WARNING"]
    assert [f.severity.name for f in findings_of(unreadable.text, RULE)] == ["ERROR"]
    assert [f.severity.name for f in findings_of(cable(banner=None).text, RULE)] == ["ERROR"]


def test_a_media_metadata_block_in_place_of_the_line_is_not_judged(cable, check):
    block = "ID: 245489\nORIGIN: XXXXXXXXXXXX\nSOURCE: Embassy Zagreb\nCLASSIFICATION: SECRET\nDESTINATION: XXXXXXXXXXXX"
    built = cable(banner=block, security="ZNY SSSSS ZZH")
    assert check(built.text, RULE) == []
