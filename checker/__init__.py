"""cablelint: lint the classification markings of State Department cables.

The library API, for programs that want findings rather than a command line::

    import checker

    findings = checker.lint_text(text, config={"ignore": ["DC"]}, path="cables/a.txt")
    findings = checker.lint_path("cables/a.txt")  # finds cablelint.toml / pyproject.toml
    for f in findings:
        print(f.path, f.span.line, f.span.column, f.code, f.severity.label, f.message)

``import checker`` is cheap: the pipeline (and lark, jsonschema) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from checker.api import lint_path, lint_text
    from checker.config import Config, ConfigError
    from checker.findings import Finding, Severity
    from checker.source import SourceError

_LAZY = {
    "lint_text": "checker.api",
    "lint_path": "checker.api",
    "Config": "checker.config",
    "ConfigError": "checker.config",
    "Finding": "checker.findings",
    "Severity": "checker.findings",
    "SourceError": "checker.source",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    """Import the public names on first access (PEP 562), keeping ``import checker`` light."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
