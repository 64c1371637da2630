"""``checker.portions``: the per-cable memory of the views several rules share."""

from __future__ import annotations

from checker.model import Level
from checker.portions import cable_portions, highest_portion_level, per_cable


def test_a_view_is_computed_once_per_cable_and_again_for_the_next(model):
    calls = []

    @per_cable
    def paragraph_count(cable):
        calls.append(cable)
        return len(cable.paragraphs)

    first, second = model(), model(paragraphs=())
    assert [paragraph_count(first), paragraph_count(first), paragraph_count(second), paragraph_count(first)] == [2, 2, 0, 2]
    assert calls == [first, second, first]  # only the last cable is remembered
    assert paragraph_count.__name__ == "paragraph_count"


def test_shared_views_follow_the_cable_asked_about(model):
    first = model()
    assert ([p.ref for p in cable_portions(first)], highest_portion_level(first)) == (["¶1", "¶2"], Level.CONFIDENTIAL)
    other = model(paragraphs=first.paragraphs[:1])
    assert ([p.ref for p in cable_portions(other)], highest_portion_level(other)) == (["¶1"], Level.UNCLASSIFIED)
    assert highest_portion_level(model(paragraphs=())) is None
