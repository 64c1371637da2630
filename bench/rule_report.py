"""Findings per rule over a corpus of cables, and samples of one rule's findings to review.

Usage:
    python bench/rule_report.py PATH [--as-of YYYY-MM-DD]
    python bench/rule_report.py PATH --sample RULE N [--seed S] [--context K]

PATH is a corpus directory holding ``cables/*.txt`` (or a directory of ``.txt`` files).
The report prints, per rule, the number of findings and of cables with a finding, then the
sanity checks issue 3 asks for: no crash, no internal-error finding, no
portion-marking-missing on unclassified cables nor on 1970s cables.  ``--sample`` prints N
findings of one rule (code, prefix or name), drawn at random with a fixed seed, each with
its file, line and the cable lines around it, so that a reviewer can judge whether it is
true.  Every rule runs, including those not enabled by default.  The exit status is 1
when a sanity check fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.engine import EngineSettings, check_cable
from checker.findings import Finding
from checker.model import Cable, Level
from checker.parse import parse_cable
from checker.registry import INTERNAL_ERROR_CODE, all_rules, resolve
from timing import cable_files  # bench/, on sys.path when a script runs


@dataclass(frozen=True)
class Checked:
    """One cable of the corpus with its model and findings."""

    path: Path
    text: str
    cable: Cable
    findings: list[Finding]



def check_corpus(files: list[Path], settings: EngineSettings, crashes: list[str]) -> Iterator[Checked]:
    """Parse and check each file; a crash is recorded, never raised."""
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            cable = parse_cable(text)
            yield Checked(path, text, cable, check_cable(cable, settings, str(path)))
        except Exception as exc:  # noqa: BLE001 - the report must survive any cable
            crashes.append(f"{path.name}: {type(exc).__name__}")


def report(files: list[Path], settings: EngineSettings) -> int:
    """Print findings per rule and the sanity checks; return the exit status."""
    crashes: list[str] = []
    findings: Counter[str] = Counter()
    cables: Counter[str] = Counter()
    unclassified_pm = seventies_pm = checked = 0
    for item in check_corpus(files, settings, crashes):
        checked += 1
        codes = [f.code for f in item.findings]
        findings.update(codes)
        cables.update(set(codes))
        if "PM001" in codes:
            unclassified_pm += item.cable.level in (None, Level.UNCLASSIFIED)
            seventies_pm += item.cable.date is not None and item.cable.date.year < 1980
    print(f"{checked} cables checked, {len(crashes)} crashed\n")
    print(f"{'code':6} {'rule':32} {'severity':8} {'default':7} {'findings':>8} {'cables':>7}")
    for rule in all_rules():
        default = "on" if rule.enabled_by_default else "off"
        print(f"{rule.code:6} {rule.name:32} {rule.severity.label:8} {default:7} {findings[rule.code]:8} {cables[rule.code]:7}")
    internal = findings[INTERNAL_ERROR_CODE]
    print(f"{INTERNAL_ERROR_CODE:6} {'internal-error':32} {'error':8} {'on':7} {internal:8} {cables[INTERNAL_ERROR_CODE]:7}\n")
    checks = [
        ("no crash", not crashes),
        ("no internal-error finding", internal == 0),
        ("no portion-marking-missing on unclassified cables", unclassified_pm == 0),
        ("no portion-marking-missing on 1970s cables", seventies_pm == 0),
    ]
    for label, ok in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {label}")
    for crash in crashes[:20]:
        print(f"  crashed: {crash}")
    return 0 if all(ok for _, ok in checks) else 1


def sample(files: list[Path], settings: EngineSettings, selector: str, count: int, seed: int, context: int) -> int:
    """Print ``count`` random findings of the selected rule(s) with their surroundings."""
    codes = resolve(selector)
    pool = [
        (item, finding)
        for item in check_corpus(files, settings, [])
        for finding in item.findings
        if finding.code in codes
    ]
    print(f"{len(pool)} findings of {', '.join(sorted(codes))}; showing {min(count, len(pool))} (seed {seed})\n")
    for number, (item, finding) in enumerate(random.Random(seed).sample(pool, min(count, len(pool))), 1):
        lines = item.text.split("\n")  # the parser counts \n only, not \f or \u2028
        first = max(1, finding.span.line - context)
        last = min(len(lines), max(finding.span.end_line, finding.span.line) + context)
        where = f"{item.path.name}:{finding.span.line}:{finding.span.column}"
        print(f"#{number} {where} {finding.code} [{finding.severity.label}] {finding.message}")
        if finding.suggestion:
            print(f"   suggestion: {finding.suggestion}")
        date = item.cable.date.isoformat() if item.cable.date else "no date"
        level = item.cable.level.label if item.cable.level is not None else "no level"
        print(f"   cable: {level}, {date}")
        for index in range(first, last + 1):
            marker = ">" if finding.span.line <= index <= finding.span.end_line else " "
            print(f"   {marker}{index:5} | {lines[index - 1][:160]}")
        print()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="corpus directory (with cables/) or a directory of .txt cables")
    parser.add_argument("--sample", nargs=2, metavar=("RULE", "N"), help="print N findings of RULE with context")
    parser.add_argument("--seed", type=int, default=1, help="random seed for --sample (default 1)")
    parser.add_argument("--context", type=int, default=3, help="cable lines shown around a sampled finding")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None, help="fixed 'today' for date rules")
    args = parser.parse_args(argv)
    files = cable_files(args.path)
    if not files:
        print(f"no .txt cables under {args.path}", file=sys.stderr)
        return 2
    every_rule = frozenset(rule.code for rule in all_rules())  # off-by-default rules too
    settings = EngineSettings(enabled=every_rule, as_of=args.as_of)
    if args.sample:
        selector, count = args.sample
        try:
            return sample(files, settings, selector, int(count), args.seed, args.context)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
    return report(files, settings)


if __name__ == "__main__":
    sys.exit(main())
