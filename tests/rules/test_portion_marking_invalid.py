"""portion-marking-invalid (PM002): unknown tokens, no level, wrong separators."""

from conftest import findings_of

RULE = "PM002"


def test_unknown_token_with_did_you_mean(cable, check):
    built = cable(paragraphs=["1. (U) Text.", "2. (SE) Text."])
    assert check(built.text, RULE) == [(RULE, built.para[1], 5, "¶2 marking (SE) is invalid: unknown SE")]
    assert [f.suggestion for f in findings_of(built.text, RULE)] == ["S"]


def test_tokens_separated_by_a_space(cable, check):
    built = cable(paragraphs=["1. (C NF) Text."])
    assert check(built.text, RULE) == [(RULE, built.para[0], 5, "¶1 marking (C NF) is invalid: tokens separated by a space")]
    assert [f.suggestion for f in findings_of(built.text, RULE)] == ["C//NF"]


def test_a_control_without_a_level(cable, check):
    built = cable(paragraphs=["1. (NF) Text."])
    assert check(built.text, RULE) == [(RULE, built.para[0], 5, "¶1 marking (NF) is invalid: no classification level")]


def test_state_forms_are_valid(cable, check):
    built = cable(paragraphs=["1. (U) a", "2. (SBU) b", "3. (C/NF) c", "4. (S//NF) d", "5. (SBU-N) e", "6. (C) f"],
                  subject="SUBJECT: (C) TEST")
    assert check(built.text, RULE) == []


def test_parentheses_with_nothing_marking_like_are_not_marks(cable, check):
    built = cable(paragraphs=["1. (U) a", "2. (Afghanistan) b", "3. (b) c", "4. (highly clean) d"])
    assert check(built.text, RULE) == []


def test_rel_to_lists_are_not_judged_token_by_token(cable, check):
    built = cable(paragraphs=["1. (S/REL TO NATO/AUS) a", "2. (C//REL AUSTRALIA GROUP) b"],
                  banner="S E C R E T STATE 126440", security="ZNY SSSSS ZZH")
    assert check(built.text, RULE) == []


def test_a_mark_without_its_opening_parenthesis_is_a_warning(cable, check):
    built = cable(paragraphs=["1. (U) a", "2. C) b"])
    assert check(built.text, RULE) == [(RULE, built.para[1], 4, "¶2 marking C) is invalid: no opening parenthesis")]
    assert [(f.suggestion, f.severity.label) for f in findings_of(built.text, RULE)] == [("(C)", "warning")]


def test_a_rel_to_mark_without_a_level(model):
    from dataclasses import replace

    from checker.engine import EngineSettings, check_cable
    from checker.model import Marking, Span

    cable = model()
    rel = Marking("/Rel UK", None, ("REL TO UK",), (), ("/",), None, Span(7, 5, 7, 12))
    para = replace(cable.paragraphs[1], marking=rel)
    found = check_cable(replace(cable, paragraphs=(cable.paragraphs[0], para)), EngineSettings(enabled=frozenset({RULE})))
    assert [f.message for f in found] == ["¶2 marking (/Rel UK) is invalid: no classification level"]
