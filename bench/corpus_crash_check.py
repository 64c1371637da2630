"""Every cable of a corpus through cablelint: no crash, no internal error, no finding off the file.

Usage:
    nice -n 19 python bench/corpus_crash_check.py PATH [--cli]

PATH is a corpus directory holding ``cables/*.txt`` (or a directory of ``.txt`` files).
Each file is read and decoded as the command line does (``checker.source``), then judged by
the fuzzers' oracle (``fuzz/oracle.py``): an exception, an ``internal parser error``, an
``IN001`` finding, a finding or parse error outside the file, or a file far slower than linear
work allows is a violation.  Files refused as unreadable are counted with their reasons.
Then every finding's message and suggestion is compared with its cable: four consecutive
words of the cable in a message count as quoted cable text (issue 5: none allowed).
``--cli`` also runs the real ``cablelint check`` once over the whole directory (JSON to a
temporary file, default worker pool) and reports its exit code and any error line on stderr.
The exit status is 1 when there is a violation.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fuzz"))

import oracle  # noqa: E402  (fuzz/ is a tool directory, not a package)

from checker.registry import INTERNAL_ERROR_CODE  # noqa: E402
from checker.source import SourceError, read_path  # noqa: E402
from timing import cable_files, cable_folder  # noqa: E402  (bench/, on sys.path when a script runs)



def check_each(files: list[Path]) -> int:
    """Judge every file in process; print the totals and every violation; return their number."""
    refused: Counter[str] = Counter()
    violations: dict[str, list[str]] = defaultdict(list)
    slowest = (0.0, "")
    oracle.check_text("UNCLAS STATE 000001\n\n1. (U) Text.\n")  # build the parsers outside the timings
    started = time.perf_counter()
    for path in files:
        begun = time.process_time()  # CPU time: other work on the machine does not count
        try:
            text = read_path(path).text
        except SourceError as error:
            refused[str(error)] += 1
            continue
        found = oracle.check_text(text)
        seconds = time.process_time() - begun
        found += oracle.slowness(len(text.encode("utf-8", "surrogatepass")), seconds)
        slowest = max(slowest, (seconds, path.name))
        for violation in found:
            violations[violation.signature].append(f"{path.name}: {violation.detail.splitlines()[-1:]}")
    total = time.perf_counter() - started
    print(f"{len(files)} files in {total:.1f} s ({total / max(len(files), 1) * 1000:.1f} ms per file); "
          f"slowest {slowest[1]} {slowest[0] * 1000:.0f} CPU ms")
    print(f"refused as unreadable: {sum(refused.values())}" + "".join(f"\n  {n:>5}  {why}" for why, n in
                                                                     refused.most_common()))
    count = sum(len(files_) for files_ in violations.values())
    print(f"violations (crash, internal error, finding off the file, slow): {count}")
    for signature, where in sorted(violations.items(), key=lambda item: -len(item[1])):
        print(f"  {len(where):>5}  {signature}")
        for line in where[:3]:
            print(f"         {line}")
    return count


def quoted_prose(text: str, messages: list[str]) -> list[str]:
    """The messages that repeat four consecutive words of the cable (with a lower-case letter,
    so marking tokens such as ``S//NF`` or ``C O N F`` do not count): quoted cable text."""
    lowered = text.lower()
    quoting = []
    for message in messages:
        words = re.findall(r"[A-Za-z][A-Za-z'\-]+", message)
        grams = (" ".join(words[i:i + 4]) for i in range(len(words) - 3))
        if any(any(c.islower() for c in gram) and gram.lower() in lowered for gram in grams):
            quoting.append(message)
    return quoting


def check_messages(files: list[Path]) -> int:
    """Lint every cable and count the findings whose message or suggestion quotes it."""
    from checker.api import lint_text

    quoting: list[str] = []
    for path in files:
        try:
            text = read_path(path).text
        except SourceError:
            continue
        findings = lint_text(text, {"as-of": oracle.AS_OF.isoformat()})
        quoting += [f"{path.name}: {m}" for m in quoted_prose(text, [f"{f.message} {f.suggestion or ''}"
                                                                     for f in findings])]
    print(f"findings whose message quotes four words of the cable: {len(quoting)}")
    for line in quoting[:5]:
        print(f"  {line}")
    return len(quoting)


def check_with_cli(path: Path) -> int:
    """One real ``cablelint check`` over the corpus; the number of internal errors it reports."""
    folder = cable_folder(path)
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "checker", "check", "--isolated", "--format", "json",
                                 "-o", str(report), str(folder)], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        findings = json.loads(report.read_text(encoding="utf-8"))["findings"] if report.exists() else []
    internal = [f for f in findings if f["code"] == INTERNAL_ERROR_CODE]
    errors = [line for line in result.stderr.splitlines() if ": error: " in line or "internal error" in line]
    print(f"\ncablelint check (real CLI): exit {result.returncode} in {seconds:.1f} s, {len(findings)} findings, "
          f"{len(internal)} IN001, {len(errors)} error lines on stderr, traceback: {'Traceback' in result.stderr}")
    for line in errors[:10]:
        print(f"  {line}")
    return len(internal) + len(errors) + ("Traceback" in result.stderr) + (result.returncode == 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="corpus directory (with cables/*.txt) or a folder of .txt files")
    parser.add_argument("--cli", action="store_true", help="also run the real cablelint check over it")
    options = parser.parse_args()
    files = cable_files(options.path)
    if not files:
        print(f"no .txt files under {options.path}", file=sys.stderr)
        return 2
    problems = check_each(files)
    problems += check_messages(files)
    if options.cli:
        problems += check_with_cli(options.path)
    print("\nOK: no crash, no internal error" if problems == 0 else f"\nFAILED: {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
