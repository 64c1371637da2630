"""The rulebook as data: one :class:`RuleInfo` per rule module listed in ``checker.rules``.

The registry is what the command line, the configuration schema and the documentation read.
It imports the rule modules (cheap: they import neither lark nor jsonschema) and checks
the contract each module must keep: a well-formed unique ``CODE``, a unique kebab-case
``NAME``, a known ``SEVERITY``, the ``SCOPE`` it reads (parts of the cable model), an
``OPTIONS`` object schema whose every property has a
default and a description, a docstring, and a ``check`` function.  A module may set
``ENABLED_BY_DEFAULT = False``: such a rule runs only when selected (issue 3: a rule whose
findings on the corpus are not yet 95 % true is not enabled by default).  A broken rule module
fails loudly at first use instead of misbehaving quietly in a run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType, ModuleType
from typing import Any

from checker.findings import Problem, Severity

CODE_PATTERN = re.compile(r"^[A-Z]{2}[0-9]{3}$")
#: The parts of the cable model a rule may declare it reads (``SCOPE``): fields of ``Cable``.
SCOPES = frozenset(
    {"header", "banners", "captions", "eo", "tags", "subject", "references", "authority",
     "paragraphs", "page_marks", "markers", "signature", "parse_errors"}
)
NAME_PATTERN = re.compile(r"^[a-z]+(?:-[a-z]+)*$")

#: The engine's own finding for a rule that raised; not a rule module, never selectable.
INTERNAL_ERROR_CODE = "IN001"
INTERNAL_ERROR_NAME = "internal-error"


class RuleDefinitionError(Exception):
    """A rule module breaks the rule contract (a programming error, not a user error)."""


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """Everything known about one rule, read from its module."""

    code: str
    name: str
    severity: Severity
    options_schema: Mapping[str, Any]
    scope: tuple[str, ...]  # the parts of the cable model the rule reads
    doc: str
    summary: str  # first line of the docstring
    check: Callable[..., Iterable[Problem]]
    module: str
    defaults: Mapping[str, Any]  # the option values used when the configuration sets none
    enabled_by_default: bool = True  # off until its corpus sample is >= 95% true


def _options_problem(schema: Any) -> str | None:
    if not isinstance(schema, dict) or schema.get("type") != "object":
        return "OPTIONS must be a JSON Schema object fragment"
    if schema.get("additionalProperties") is not False:
        return "OPTIONS must set additionalProperties to false"
    for key, spec in schema.get("properties", {}).items():
        if not NAME_PATTERN.match(key):
            return f"option {key!r} is not kebab-case"
        if "default" not in spec or not spec.get("description"):
            return f"option {key!r} needs a default and a description"
    return None


def rule_info(module: ModuleType) -> RuleInfo:
    """Read and check one rule module; raises :class:`RuleDefinitionError` if it is broken."""
    where = module.__name__
    code = getattr(module, "CODE", None)
    name = getattr(module, "NAME", None)
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        raise RuleDefinitionError(f"{where}: CODE {code!r} is not two capitals and three digits")
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise RuleDefinitionError(f"{where}: NAME {name!r} is not kebab-case")
    try:
        severity = Severity.parse(getattr(module, "SEVERITY", ""))
    except ValueError as exc:
        raise RuleDefinitionError(f"{where}: {exc}") from None
    scope = getattr(module, "SCOPE", None)
    if not isinstance(scope, tuple) or not scope or not SCOPES.issuperset(scope):
        raise RuleDefinitionError(f"{where}: SCOPE must be a tuple of cable parts among {', '.join(sorted(SCOPES))}")
    options = getattr(module, "OPTIONS", None)
    problem = _options_problem(options)
    if problem:
        raise RuleDefinitionError(f"{where}: {problem}")
    doc = (module.__doc__ or "").strip()
    check = getattr(module, "check", None)
    enabled = getattr(module, "ENABLED_BY_DEFAULT", True)
    if not isinstance(enabled, bool):
        raise RuleDefinitionError(f"{where}: ENABLED_BY_DEFAULT must be true or false")
    if not doc or not callable(check):
        raise RuleDefinitionError(f"{where}: a rule needs a docstring and a check() function")
    return RuleInfo(
        code=code,
        name=name,
        severity=severity,
        options_schema=MappingProxyType(options),
        scope=scope,
        doc=doc,
        summary=doc.splitlines()[0].strip(),
        check=check,
        module=where,
        defaults=MappingProxyType({key: spec["default"] for key, spec in options["properties"].items()}),
        enabled_by_default=enabled,
    )


def build_rules(modules: Iterable[ModuleType]) -> tuple[RuleInfo, ...]:
    """RuleInfo for each module, sorted by code; duplicate codes or names are an error."""
    rules = sorted((rule_info(module) for module in modules), key=lambda info: info.code)
    for attribute in ("code", "name"):
        seen: dict[str, str] = {}
        for info in rules:
            key = getattr(info, attribute)
            if key in seen:
                raise RuleDefinitionError(f"{attribute} {key!r} used by {seen[key]} and {info.module}")
            seen[key] = info.module
    return tuple(rules)


@functools.cache
def all_rules() -> tuple[RuleInfo, ...]:
    """Every registered rule, sorted by code."""
    from checker.rules import RULE_MODULES

    return build_rules(RULE_MODULES)


@functools.cache
def _index() -> tuple[dict[str, RuleInfo], dict[str, RuleInfo]]:
    rules = all_rules()
    return {r.code: r for r in rules}, {r.name: r for r in rules}


def by_code(code: str) -> RuleInfo:
    """The rule with this code; ``KeyError`` naming the known codes otherwise."""
    try:
        return _index()[0][code.upper()]
    except KeyError:
        raise KeyError(f"unknown rule code {code!r}; known codes: {', '.join(_index()[0])}") from None


def by_name(name: str) -> RuleInfo:
    """The rule with this kebab-case name; ``KeyError`` naming the known names otherwise."""
    try:
        return _index()[1][name]
    except KeyError:
        raise KeyError(f"unknown rule name {name!r}; known names: {', '.join(_index()[1])}") from None


def resolve(selector: str) -> set[str]:
    """The codes a selector means: ``ALL``, an exact code (``BN003``), a code prefix
    (``BN``, ``PM0``) or a rule name (``banner-below-portion``).

    Raises ``ValueError`` listing the allowed values when nothing matches.
    """
    codes, names = _index()
    text = selector.strip()
    if text in names:
        return {names[text].code}
    upper = text.upper()
    if upper == "ALL":
        return set(codes)
    matched = {code for code in codes if upper and code.startswith(upper)}
    if matched:
        return matched
    families = sorted({code[:2] for code in codes})
    raise ValueError(
        f"unknown rule selector {selector!r}; use ALL, a code ({', '.join(codes)}), "
        f"a code prefix ({', '.join(families)}) or a rule name ({', '.join(names)})"
    )


def default_options(code: str) -> dict[str, Any]:
    """The default option values of rule ``code``."""
    return dict(by_code(code).defaults)
