"""A quick JSON Schema check that can only say "surely valid", so jsonschema runs only on doubt.

Importing jsonschema costs about 40 ms, a third of the start-up budget of ``cablelint check``,
for a configuration file of a few lines that is almost always valid.  :func:`surely_valid`
walks the instance against the schema for the keywords the configuration schema uses
(Draft 2020-12 semantics, as jsonschema applies them) and answers True only when every
keyword it met is one it knows and every one of them holds.  Anything else, whether an
error or something it does not know (another keyword, a float where an integer is asked, a
non-local ``$ref``), answers False, and the caller validates with jsonschema, which gives the
verdict and the error messages.  So a True never lets through what jsonschema would refuse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["surely_valid"]

# keywords that only describe; jsonschema does not validate with them either
_ANNOTATIONS = frozenset({"$defs", "title", "description", "default", "x-rules"})
# keywords that identify the root schema (elsewhere an ``$id`` would move what ``$ref``s point at)
_ROOT_ONLY = frozenset({"$schema", "$id"})


def surely_valid(instance: Any, schema: Mapping[str, Any]) -> bool:
    """True only when ``instance`` is valid against ``schema`` (local ``$ref``s resolved in it)."""
    return _holds(instance, schema, schema)


def _holds(instance: Any, schema: Any, root: Mapping[str, Any]) -> bool:
    if schema is True:
        return True
    if not isinstance(schema, Mapping):
        return False  # ``false`` or something that is no schema: let jsonschema decide
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS or (keyword in _ROOT_ONLY and schema is root):
            continue
        check = _KEYWORDS.get(keyword)
        if check is None or not check(instance, value, schema, root):
            return False
    return True


def _type(instance: Any, expected: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    names = [expected] if isinstance(expected, str) else expected
    return isinstance(names, list) and any(_is_type(instance, name) for name in names)


def _is_type(instance: Any, name: Any) -> bool:
    """The JSON types as jsonschema tells them; an integral float counts as unsure (False)."""
    if name == "string":
        return isinstance(instance, str)
    if name == "boolean":
        return isinstance(instance, bool)
    if name == "integer":
        return isinstance(instance, int) and not isinstance(instance, bool)
    if name == "number":
        return isinstance(instance, (int, float)) and not isinstance(instance, bool)
    if name == "array":
        return isinstance(instance, list)
    if name == "object":
        return isinstance(instance, dict)
    return False


def _enum(instance: Any, values: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    # strings only: jsonschema's equality of numbers and booleans has its own rules
    return isinstance(instance, str) and isinstance(values, list) and any(
        isinstance(value, str) and value == instance for value in values)


def _ref(instance: Any, ref: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    target = _resolve(ref, root)
    return target is not None and _holds(instance, target, root)


def _resolve(ref: Any, root: Mapping[str, Any]) -> Any:
    """The schema a local ``#/a/b`` pointer names, or None (then: unsure)."""
    if not isinstance(ref, str) or not ref.startswith("#/") or "%" in ref:
        return None
    node: Any = root
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _properties(instance: Any, properties: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    if not isinstance(properties, Mapping):
        return False
    if not isinstance(instance, dict):
        return True  # applies to objects only
    return all(_holds(value, properties[key], root) for key, value in instance.items() if key in properties)


def _additional_properties(instance: Any, extra: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    if not isinstance(instance, dict):
        return True
    if "patternProperties" in schema:
        return False  # not known here (and refused by _holds anyway)
    known = schema.get("properties", {})
    extras = [value for key, value in instance.items() if key not in known]
    if extra is False:
        return not extras
    return all(_holds(value, extra, root) for value in extras)


def _items(instance: Any, items: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    if not isinstance(instance, list):
        return True
    return all(_holds(item, items, root) for item in instance)


def _min_length(instance: Any, least: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    if not isinstance(least, int) or isinstance(least, bool):
        return False
    return not isinstance(instance, str) or len(instance) >= least


def _minimum(instance: Any, least: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    if not _is_type(least, "number"):
        return False
    if instance is None or isinstance(instance, (bool, str, list, dict)):
        return True  # applies to numbers only
    # another numeric type (Decimal, Fraction ...) is a number to jsonschema: unsure
    return _is_type(instance, "number") and instance >= least


def _pattern(instance: Any, pattern: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    if not isinstance(pattern, str):
        return False
    return not isinstance(instance, str) or re.search(pattern, instance) is not None


_KEYWORDS = {
    "type": _type,
    "enum": _enum,
    "$ref": _ref,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "items": _items,
    "minLength": _min_length,
    "minimum": _minimum,
    "pattern": _pattern,
}
