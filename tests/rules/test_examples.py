"""Every rule's docstring examples run: ``Fails:`` gives the rule, ``Passes:`` does not.

The examples are what ``cablelint explain`` shows a user, so they must stay true.
"""

from __future__ import annotations

import textwrap

import pytest

from checker.registry import RuleInfo, all_rules


def example(rule: RuleInfo, section: str) -> str:
    """The cable text of one docstring section, dedented."""
    after = rule.doc.split(f"\n{section}:\n", 1)[1]
    block = _until_next_section(after)
    return textwrap.dedent(block).strip("\n") + "\n"


def _until_next_section(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        if line and not line.startswith(" "):
            break
        lines.append(line)
    return "\n".join(lines)


RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_fails_example_gives_the_rule(rule, check):
    found = check(example(rule, "Fails"))
    assert rule.code in {code for code, *_ in found}, found


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_passes_example_gives_nothing_from_the_rule(rule, check):
    found = check(example(rule, "Passes"))
    assert rule.code not in {code for code, *_ in found}, found
