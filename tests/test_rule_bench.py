"""The corpus scripts of the rule engine run end to end (on the seed, never on the corpus).

They are what the closing notes quote, so they must not rot: the report prints a row per
rule and the sanity checks, the sample mode shows a finding with its cable lines, the
speed script prints its three passes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
SEED = Path(__file__).parent / "fixtures" / "08STATE126440.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "cables").mkdir()
    shutil.copy(SEED, tmp_path / "cables" / SEED.name)
    return tmp_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False)


def test_rule_report_counts_findings_per_rule_and_passes_its_checks(corpus):
    out = run(str(BENCH / "rule_report.py"), str(corpus), "--as-of", "2026-11-27")
    assert out.returncode == 0, out.stderr
    assert "1 cables checked, 0 crashed" in out.stdout
    row = next(line for line in out.stdout.splitlines() if line.startswith("PM003"))
    assert row.split()[-2:] == ["1", "1"]
    assert "ok   no internal-error finding" in out.stdout


def test_rule_report_samples_a_rule_with_its_cable_lines(corpus):
    out = run(str(BENCH / "rule_report.py"), str(corpus), "--sample", "subject-marking-missing", "5")
    assert out.returncode == 0, out.stderr
    assert "1 findings of PM003; showing 1 (seed 1)" in out.stdout
    assert "#1 08STATE126440.txt:20:1 PM003 [warning] subject line has no portion marking" in out.stdout
    assert ">   20 | SUBJECT: DEMARCHE TO NATO AND COALITION PARTNERS ON" in out.stdout


def test_rule_report_refuses_an_unknown_rule(corpus):
    out = run(str(BENCH / "rule_report.py"), str(corpus), "--sample", "no-such-rule", "5")
    assert out.returncode == 2 and "unknown rule selector 'no-such-rule'" in out.stderr


def test_check_speed_reports_parse_full_and_rules_passes(corpus):
    out = run(str(BENCH / "check_speed.py"), str(corpus), "--repeat", "1")
    assert out.returncode == 0, out.stderr
    labels = [line.split("  ")[0] for line in out.stdout.splitlines()[2:]]
    assert labels == ["parse only", "full check", "rules only"]
