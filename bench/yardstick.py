"""A regular-expression-only scan of the corpus, as a yardstick for cablelint's full check.

Usage: python bench/yardstick.py PATH [--runs N]
       python bench/yardstick.py --scan FOLDER     (the scan itself, one process)

Absolute speeds mean little across machines; the ratio of two programs run on the same
machine, in the same way, means more.  The yardstick is the least a cable linter must do:
start Python, list the ``*.txt`` files of the folder, read and decode each one, and run two
regular expressions over every line (numbered paragraphs such as ``3. (C)`` and portion
marks such as ``(S//NF)``).  Both it and ``cablelint check --jobs 1`` (every rule, json
report) run as fresh processes, N times after a warm-up; the medians and their ratio are
printed with the 1-minute load average.  A ratio of 10 means the full check costs ten
regex passes over the same text.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

NUMBERED = re.compile(r"^\s*(?:¶\s*)?\d{1,3}\s*\.\s")
PORTION = re.compile(r"\((?:U|C|S|TS|SBU|CONFIDENTIAL|SECRET|UNCLASSIFIED)(?://?[A-Z ,/-]+)?\)")


def scan(folder: str) -> tuple[int, int, int]:
    """(files, numbered-paragraph lines, portion marks) of the ``*.txt`` files in ``folder``."""
    files = numbered = portions = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), "rb") as handle:
            text = handle.read().decode("utf-8", errors="replace")
        files += 1
        for line in text.splitlines():
            if NUMBERED.match(line):
                numbered += 1
            portions += len(PORTION.findall(line))
    return files, numbered, portions


def scan_command(folder: Path) -> list[str]:
    """The yardstick as a fresh process, like the cablelint run it is compared with."""
    return [sys.executable, str(Path(__file__).resolve()), "--scan", str(folder)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, help="corpus directory (with cables/) or a folder of .txt")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each program; medians are compared")
    parser.add_argument("--scan", metavar="FOLDER", help="run the scan itself and print its counts")
    args = parser.parse_args(argv)
    if args.scan:
        files, numbered, portions = scan(args.scan)
        print(f"{files} files, {numbered} numbered-paragraph lines, {portions} portion marks")
        return 0
    if args.path is None:
        parser.error("give a corpus PATH (or --scan FOLDER)")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from throughput import check_command
    from timing import Corpus, cablelint_command, run_timed

    corpus = Corpus.at(args.path)
    if not corpus.files:
        print(f"no .txt cables under {args.path}", file=sys.stderr)
        return 2
    print(subprocess.run(scan_command(corpus.folder), capture_output=True, text=True, check=True).stdout.strip())
    yardstick = run_timed(scan_command(corpus.folder), args.runs)
    with tempfile.TemporaryDirectory(prefix="cablelint-bench-") as tmp:
        full = run_timed(check_command(cablelint_command(), corpus.folder, 1, Path(tmp) / "report.json"), args.runs)
    print(f"{'program':<34} {'median s':>9} {'cables/s':>9} {'spread s':>12} {'load':>5}")
    for label, runs in (("regex scan (yardstick)", yardstick), ("cablelint check --jobs 1 (full)", full)):
        print(f"{label:<34} {runs.median:9.2f} {len(corpus.files) / runs.median:9.0f} {runs.spread():>12} "
              f"{runs.load:5.2f}")
    print(f"full check / yardstick: {full.median / yardstick.median:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
