"""Throughput of the full check through the real command line, serial and with ``--jobs 2``.

Usage: python bench/throughput.py PATH [--runs N] [--jobs 1,2]

PATH is a corpus directory holding ``cables/*.txt`` (or a directory of ``.txt`` files).
Each run is a fresh ``cablelint check --jobs J --format json -o FILE`` over the directory
with every rule selected (those off by default too), so the figure covers what a user pays:
start-up, discovery, reading, parsing, the model, all rules and the json output.  Each
``--jobs`` value is run N times, in interleaved rounds after one warm-up round; the median is
reported in cables/s and MB/s with the spread and the 1-minute load average, and the
median CPU time of the process tree (cables per CPU-second is steadier than wall time on a
busy machine, but is no substitute for it).  The speed-up is the serial median over the
parallel median.

Then it checks that in every round the parallel run wrote byte-for-byte the report of the
serial run, with the same standard error and exit code (the order of results must not
depend on the workers).  Exit status 1 when they differ.  Issue 6 targets: >= 1,000
cables/s serial, >= 1.8x with two workers.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import Corpus, Runs, cablelint_command, load_average, run_once  # noqa: E402

AS_OF = "2026-01-01"  # a fixed date: the same findings whatever day the benchmark runs


@dataclass
class Throughput:
    """The timings of one ``--jobs`` value, and what it wrote in each round."""

    jobs: int
    runs: Runs = field(default_factory=Runs)
    outputs: list[tuple[bytes, bytes, int]] = field(default_factory=list)  # (report, stderr, exit code)


@functools.cache
def all_rule_codes(cablelint: tuple[str, ...]) -> tuple[str, ...]:
    """Every rule code in the registry, as ``cablelint rules --format json`` lists them."""
    listing = subprocess.run([*cablelint, "rules", "--format", "json"], capture_output=True, check=True)
    return tuple(rule["code"] for rule in json.loads(listing.stdout))


def check_command(cablelint: list[str], folder: Path, jobs: int, output: Path, fmt: str = "json") -> list[str]:
    """``cablelint check`` of ``folder`` with every rule, reproducible dates, report to ``output``."""
    codes = ",".join(all_rule_codes(tuple(cablelint)))
    return [*cablelint, "check", "--jobs", str(jobs), "--format", fmt, "-o", str(output),
            "--extend-select", codes, "--as-of", AS_OF, "--exit-zero", "-q", str(folder)]


def measure(corpus: Corpus, jobs_values: list[int], runs: int) -> list[Throughput]:
    """Time each ``--jobs`` value in interleaved rounds (one warm-up round, then ``runs``).

    Interleaving gives every ``--jobs`` value the same share of a changing machine load, and
    compares outputs written within one round, a few seconds apart (a tree being edited
    while the benchmark runs must not pass for a difference between serial and parallel).
    """
    cablelint = cablelint_command()
    results = [Throughput(jobs) for jobs in jobs_values]
    with tempfile.TemporaryDirectory(prefix="cablelint-bench-") as tmp:
        output = Path(tmp) / "report.json"
        commands = [check_command(cablelint, corpus.folder, jobs, output) for jobs in jobs_values]
        for round_ in range(1 + runs):
            for result, command in zip(results, commands):
                done = run_once(command, result.runs if round_ else None, check_codes=(0, 1, 2))
                result.outputs.append((output.read_bytes(), done.stderr, done.returncode))
    return results


def differences(serial: Throughput, other: Throughput) -> list[str]:
    """What differs between the outputs of two ``--jobs`` values, round by round (empty: none)."""
    found = []
    for index, ((report, stderr, code), (other_report, other_stderr, other_code)) in enumerate(
            zip(serial.outputs, other.outputs)):
        if other_report != report:
            found.append(f"round {index}: report differs ({len(report)} vs {len(other_report)} bytes)")
        if other_stderr != stderr:
            found.append(f"round {index}: standard error differs")
        if other_code != code:
            found.append(f"round {index}: exit code {code} vs {other_code}")
    return found


def table(corpus: Corpus, results: list[Throughput]) -> list[str]:
    """The printed lines: one row per ``--jobs`` value, then the speed-up."""
    lines = [f"{len(corpus.files)} cables, {corpus.megabytes:.1f} MB in {corpus.folder}",
             f"{'--jobs':>6} {'median s':>9} {'cables/s':>9} {'MB/s':>6} {'spread s':>12} {'load':>5}"
             f" {'CPU s':>7} {'cables/CPU-s':>12}"]
    for result in results:
        seconds, cpu = result.runs.median, result.runs.cpu_median
        lines.append(f"{result.jobs:>6} {seconds:9.2f} {len(corpus.files) / seconds:9.0f} "
                     f"{corpus.megabytes / seconds:6.2f} {result.runs.spread():>12} {result.runs.load:5.2f}"
                     f" {cpu:7.2f} {len(corpus.files) / cpu:12.0f}")
    serial = results[0]
    for result in results[1:]:
        lines.append(f"speed-up --jobs {result.jobs} over --jobs {serial.jobs}: "
                     f"{serial.runs.median / result.runs.median:.2f}x")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="corpus directory (with cables/) or a directory of .txt cables")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per --jobs value; the median is reported")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values, serial first (default 1,2)")
    args = parser.parse_args(argv)
    corpus = Corpus.at(args.path)
    if not corpus.files:
        print(f"no .txt cables under {args.path}", file=sys.stderr)
        return 2
    jobs_values = [int(value) for value in args.jobs.split(",")]
    print(f"load average before: {load_average():.2f} (timings are noisy when it exceeds the core count)")
    results = measure(corpus, jobs_values, args.runs)
    print("\n".join(table(corpus, results)))
    status = 0
    for result in results[1:]:
        problems = differences(results[0], result)
        verdict = "IDENTICAL" if not problems else "DIFFERENT: " + "; ".join(problems)
        print(f"--jobs {result.jobs} output vs --jobs {results[0].jobs}: {verdict}")
        status = status or (1 if problems else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
