"""The quick configuration check: it may say "surely valid" only where jsonschema agrees.

``checker.config.validate`` skips jsonschema when :func:`surely_valid` is True, so a True on
a table that jsonschema refuses would let a bad configuration through.  The property test
throws tables made of the schema's own keys, rule codes, names and option values (and
strays) at both; the examples pin what the quick check must pass, so that the fast path is
really taken for ordinary files.
"""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.config import build_schema
from checker.schema_precheck import surely_valid

SCHEMA = build_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
SELECTORS = SCHEMA["$defs"]["selector"]["enum"]
RULE_KEYS = list(SCHEMA["properties"]["rules"]["properties"])
OPTION_KEYS = sorted({key for table in SCHEMA["properties"]["rules"]["properties"].values()
                      for key in table.get("properties", {})})

words = st.sampled_from(SELECTORS + ["error", "warning", "info", "2020-01-31", "2020-1-31", "", "*.txt", "PMX"])
scalars = st.one_of(words, st.integers(-3, 10), st.booleans(), st.floats(allow_nan=True), st.none())
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(RULE_KEYS + OPTION_KEYS + ["x"]), inner, max_size=3)), max_leaves=8)
keys = st.sampled_from(list(SCHEMA["properties"]) + ["selct", "tool"])
tables = st.dictionaries(keys, values, max_size=4)
rule_tables = st.dictionaries(st.sampled_from(RULE_KEYS), st.dictionaries(
    st.sampled_from(OPTION_KEYS + ["bogus"]), scalars, max_size=3), max_size=3).map(lambda rules: {"rules": rules})


def _has_float(value: object) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    return isinstance(value, list) and any(_has_float(v) for v in value)


@settings(max_examples=400, deadline=None)
@given(st.one_of(tables, rule_tables))
def test_surely_valid_only_where_jsonschema_agrees_and_agrees_without_floats(table: dict) -> None:
    valid = VALIDATOR.is_valid(table)
    if surely_valid(table, SCHEMA):
        assert valid
    elif not _has_float(table):  # an integral float is the one thing left to jsonschema on purpose
        assert not valid


@pytest.mark.parametrize("table", [
    {},
    {"ignore": ["NU001"]},
    {"select": ["ALL"], "extend-select": ["PM", "banner-missing"], "ignore": []},
    {"per-file-ignores": {"old/*.txt": ["DC", "HD001"]}, "include": ["*.txt"], "exclude": ["drafts/"]},
    {"rules": {"PM001": {"severity": "warning"}, "dtg-invalid": {"max-filing-delay-days": 3},
               "CT002": {"require-noforn": False}}},
    {"fail-level": "warning", "as-of": "2009-01-01"},
])
def test_ordinary_configurations_pass_quickly(table: dict) -> None:
    assert VALIDATOR.is_valid(table)
    assert surely_valid(table, SCHEMA)


@pytest.mark.parametrize("table", [
    {"ignore": ["NU999"]},  # not a rule
    {"ignore": "NU001"},  # not a list
    {"selct": ["PM"]},  # unknown key
    {"rules": {"PM001": {"severity": "fatal"}}},
    {"rules": {"HD001": {"max-filing-delay-days": -1}}},
    {"rules": {"HD001": {"max-filing-delay-days": True}}},
    {"rules": {"PM001": {"days": 3}}},  # an option the rule does not have
    {"include": [""]},
    {"as-of": "2009-1-1"},
    {"per-file-ignores": {"*.txt": ["XX"]}},
])
def test_errors_are_left_to_jsonschema(table: dict) -> None:
    assert not VALIDATOR.is_valid(table)
    assert not surely_valid(table, SCHEMA)


@pytest.mark.parametrize("schema", [
    {"type": "object", "maxProperties": 1},  # a keyword the quick check does not know
    {"$ref": "other.json#/a"},  # not a local reference
    {"properties": {"a": {"$id": "https://example.org/a", "$ref": "#/x"}}},  # a nested $id moves the base
    {"type": "integer"},  # 3.0 is an integer to jsonschema, but the quick check leaves floats alone
])
def test_what_it_does_not_know_is_not_surely_valid(schema: dict) -> None:
    instance = {"a": 1} if "properties" in schema else 3.0 if schema.get("type") == "integer" else {}
    assert not surely_valid(instance, schema)
