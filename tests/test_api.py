"""The library API: ``checker.lint_text`` and ``checker.lint_path``, and a light ``import checker``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import checker

FAILING = Path(__file__).parent / "fixtures" / "cli" / "failing.txt"


def positions(findings: list[checker.Finding]) -> list[tuple[str, int, int, str | None]]:
    return [(f.code, f.span.line, f.span.column, f.path) for f in findings]


def test_import_checker_loads_neither_lark_nor_jsonschema_nor_click() -> None:
    code = "import sys, checker; print(sorted(m for m in ('lark', 'jsonschema', 'click') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout == "[]\n"


def test_lint_text_with_defaults() -> None:
    findings = checker.lint_text(FAILING.read_text())
    assert positions(findings) == [("BN003", 9, 1, None), ("PM001", 21, 1, None)]
    assert findings[1].message == "¶2 has no portion marking"
    assert findings[1].severity is checker.Severity.ERROR


def test_lint_text_with_a_configuration_table_and_a_path() -> None:
    config = {"ignore": ["BN"], "rules": {"PM001": "warning"}, "per-file-ignores": {"*.draft": ["PM"]}}
    findings = checker.lint_text(FAILING.read_text(), config=config, path="cables/a.txt")
    assert positions(findings) == [("PM001", 21, 1, "cables/a.txt")]
    assert findings[0].severity is checker.Severity.WARNING
    assert checker.lint_text(FAILING.read_text(), config=config, path="cables/a.draft") == []


def test_lint_text_rejects_an_invalid_configuration() -> None:
    with pytest.raises(checker.ConfigError, match=r"^<mapping>: colour: unknown key"):
        checker.lint_text("", config={"colour": "red"})


def test_lint_path_finds_the_configuration_like_the_cli(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.cablelint]\nignore = ["PM001"]\n')
    cable = tmp_path / "a.txt"
    cable.write_bytes(FAILING.read_bytes())
    assert positions(checker.lint_path(cable)) == [("BN003", 9, 1, str(cable))]
    assert len(checker.lint_path(cable, config={})) == 2  # an explicit configuration: no search


def test_lint_path_raises_source_error_for_unusable_input(tmp_path: Path) -> None:
    with pytest.raises(checker.SourceError, match="^no such file$"):
        checker.lint_path(tmp_path / "missing.txt")
    (tmp_path / "b.txt").write_bytes(b"\x00")
    with pytest.raises(checker.SourceError, match="^binary data"):
        checker.lint_path(tmp_path / "b.txt")


def test_public_names() -> None:
    assert checker.__version__ == "0.1.0"
    assert set(checker.__all__) >= {"lint_text", "lint_path", "Config", "ConfigError", "Finding", "Severity"}
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        checker.nope  # noqa: B018
