"""The whole issue-6 benchmark suite in one command, ending with a summary table.

Usage: python bench/run_all.py PATH [--quick] [--runs N] [--startup-runs N] [--memory-count N]

PATH is a corpus directory (``PATH/cables/*.txt``, or ``PATH/*.txt``), for example
``/work/shared/corpus``.  In order:

1. start-up: ``cablelint check`` of one cable (the seed) next to ``python -c pass``
   (bench/startup.py's measurement), median of fresh processes;
2. throughput: ``cablelint check`` of the corpus, every rule, json report, ``--jobs 1`` and
   ``--jobs 2``; cables/s, MB/s and the speed-up (bench/throughput.py);
3. identity: the ``--jobs 2`` report, standard error and exit code equal the serial ones;
4. yardstick: a regex-only scan of the same files in a fresh process, and the full serial
   check's time divided by its time (bench/yardstick.py);
5. memory: peak resident memory of the process tree for 100,000 cables made by repeating the
   corpus as hard links in a temporary directory, json and text formats (bench/memory.py).

Every timing is the median of N fresh-process runs (default 5; start-up, cheap to time, 21)
after a warm-up, printed next to the 1-minute load average: on a machine busy with other
work (load above the number of cores) the figures are pessimistic, so compare ratios, or
rerun on a quiet machine.  CPU times (user + system of the process tree) are shown beside
some figures: steadier than wall time under load, but no substitute for it.  ``--quick`` (a
few minutes) uses 3 runs (11 for start-up), a 10,000-cable memory set and the json format
only.  The full suite takes 2-3 minutes on 2 cores (01:09 UTC 2026-11-28).  Do not edit the checkout while
it runs: with an editable install, a commit between the serial and the parallel run of a
round shows up as a difference in their outputs.

The exit status is 1 when the parallel output differs from the serial one or a step failed
(its row says why; the other steps still run), 0 otherwise; missed targets are marked in the
table but do not fail the run.  Results and their history: bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import memory  # noqa: E402
import startup  # noqa: E402
import throughput  # noqa: E402
import yardstick  # noqa: E402
from timing import Corpus, Runs, cablelint_command, cpu_count, load_average, run_timed  # noqa: E402


@dataclass(frozen=True)
class Row:
    """One line of the summary: what was measured, the figure, the target and the load."""

    measure: str
    figure: str
    target: str
    met: bool | None  # None: no target
    load: float


def startup_rows(runs: int) -> list[Row]:
    """Median start-up of ``cablelint check SEED`` next to ``python -c pass``, in ms.

    Where the environment forbids bytecode caches, it is also timed with them, as a user's
    installation would run (bench/startup.py's ``environments``).
    """
    rows = []
    with tempfile.TemporaryDirectory(prefix="cablelint-bench-") as tmp:
        for suffix, env in startup.environments(tmp):
            python = run_timed([sys.executable, "-c", "pass"], runs, env=env)
            check = run_timed([*cablelint_command(), "check", str(startup.SEED)], runs, env=env)
            ms, base = check.median * 1000, python.median * 1000
            rows += [
                Row(f"start-up: python -c pass{suffix}", f"{base:.0f} ms ({python.cpu_median * 1000:.0f} ms CPU)", "",
                    None, python.load),
                Row(f"start-up: cablelint check, one cable{suffix}",
                    f"{ms:.0f} ms ({ms - base:.0f} ms over python; {check.cpu_median * 1000:.0f} ms CPU)",
                    "<= 120 ms", ms <= 120, check.load),
            ]
    return rows


def throughput_rows(corpus: Corpus, runs: int) -> tuple[list[Row], Runs, bool]:
    """Serial and ``--jobs 2`` rows, the serial runs (for the yardstick) and whether outputs match."""
    serial, parallel = throughput.measure(corpus, [1, 2], runs)
    count = len(corpus.files)
    rate = count / serial.runs.median
    speedup = serial.runs.median / parallel.runs.median
    problems = throughput.differences(serial, parallel)
    identical = not problems
    rounds = sorted({problem.split(":")[0] for problem in problems})
    verdict = "identical" if identical else f"DIFFERENT in {', '.join(rounds)} (0-{len(serial.outputs) - 1}, 0 warm-up)"
    rows = [
        Row("throughput --jobs 1", f"{rate:.0f} cables/s, {corpus.megabytes / serial.runs.median:.2f} MB/s",
            ">= 1000 cables/s", rate >= 1000, serial.runs.load),
        Row("  CPU time --jobs 1", f"{count / serial.runs.cpu_median:.0f} cables per CPU-second", "", None,
            serial.runs.load),
        Row("throughput --jobs 2", f"{count / parallel.runs.median:.0f} cables/s, "
            f"{corpus.megabytes / parallel.runs.median:.2f} MB/s", "", None, parallel.runs.load),
        Row("speed-up --jobs 2 / --jobs 1", f"{speedup:.2f}x", ">= 1.8x", speedup >= 1.8, parallel.runs.load),
        # a difference in one round only may be the tree edited during the run: rerun to tell
        Row("--jobs 2 output == serial (full set)", verdict, "identical", identical, parallel.runs.load),
    ]
    return rows, serial.runs, identical


def yardstick_row(corpus: Corpus, serial: Runs, runs: int) -> Row:
    """The regex scan's median and the full check's multiple of it."""
    scan = run_timed(yardstick.scan_command(corpus.folder), runs)
    ratio = serial.median / scan.median
    return Row("full check / regex yardstick", f"{ratio:.1f}x (scan {scan.median:.2f} s, check {serial.median:.2f} s)",
               "", None, scan.load)


def memory_rows(corpus: Corpus, count: int, formats: list[str]) -> list[Row]:
    """Peak memory of the process tree per format on a ``count``-cable set."""
    rows = []
    for size, fmt, jobs, peak, load in memory.run_sizes(corpus, [count], formats, None):
        rows.append(Row(f"peak memory {size:,} cables, {fmt}, --jobs {jobs}",
                        f"{peak.tree:.0f} MB tree RSS ({peak.tree_pss:.0f} MB PSS; parent {peak.parent:.0f}, "
                        f"worker {peak.worker:.0f})", "<= 150 MB", peak.tree <= memory.LIMIT_MB, load))
    return rows


def describe_machine() -> str:
    """What the figures were measured on."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parent, check=False).stdout.strip() or "unknown"
    return (f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}, Python {platform.python_version()}, "
            f"{cpu_count()} CPUs, {platform.machine()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="corpus directory (with cables/) or a directory of .txt cables")
    parser.add_argument("--quick", action="store_true", help="3 runs, 10,000-cable memory set, json only")
    parser.add_argument("--runs", type=int, help="runs per timing (default 5, or 3 with --quick)")
    parser.add_argument("--startup-runs", type=int, help="runs per start-up timing (default 21, or 11 with --quick)")
    parser.add_argument("--memory-count", type=int, help="cables in the memory set (default 100,000; 10,000 quick)")
    args = parser.parse_args(argv)
    corpus = Corpus.at(args.path)
    if not corpus.files:
        print(f"no .txt cables under {args.path}", file=sys.stderr)
        return 2
    runs = args.runs or (3 if args.quick else 5)
    count = args.memory_count or (10_000 if args.quick else 100_000)
    formats = ["json"] if args.quick else ["json", "text"]
    print(f"cablelint benchmarks: {describe_machine()}")
    print(f"corpus: {len(corpus.files)} cables, {corpus.megabytes:.1f} MB in {corpus.folder}; "
          f"median of {runs} runs; load average now {load_average():.2f}", flush=True)
    rows: list[Row] = []
    serial: list[Runs] = []  # the serial throughput runs, reused by the yardstick
    identical = [True]

    def run_throughput() -> None:
        found, serial_runs, same = throughput_rows(corpus, runs)
        rows.extend(found)
        serial.append(serial_runs)
        identical[0] = same

    def run_yardstick() -> None:
        if not serial:
            raise RuntimeError("needs the serial timings of the throughput step")
        rows.append(yardstick_row(corpus, serial[0], runs))

    steps = [("start-up", lambda: rows.extend(startup_rows(args.startup_runs or (11 if args.quick else 21)))),
             ("throughput", run_throughput),
             ("yardstick", run_yardstick),
             (f"memory ({count:,} cables)", lambda: rows.extend(memory_rows(corpus, count, formats)))]
    failed = False
    for name, step in steps:
        print(f"... {name} ({datetime.now(timezone.utc):%H:%M:%S} UTC)", flush=True)
        try:
            step()
        except (Exception, SystemExit) as error:  # noqa: BLE001 - one broken step must not lose the others' figures
            failed = True
            rows.append(Row(name, f"FAILED: {' '.join(str(error).split()) or type(error).__name__}", "", False,
                            load_average()))
    print()
    print(summary_table(rows))
    print("\nload: the 1-minute load average during the runs; above the CPU count, timings are inflated.")
    return 0 if identical[0] and not failed else 1


def summary_table(rows: list[Row]) -> str:
    """The rows as an aligned table with a verdict column."""
    verdicts = {True: "met", False: "MISSED", None: ""}
    width = max(len(row.measure) for row in rows)
    figure_width = max(len(row.figure) for row in rows)
    lines = [f"{'measure':<{width}}  {'figure':<{figure_width}}  {'target':<16}  {'verdict':<7}  load",
             "-" * (width + figure_width + 38)]
    for row in rows:
        lines.append(f"{row.measure:<{width}}  {row.figure:<{figure_width}}  {row.target:<16}  "
                     f"{verdicts[row.met]:<7}  {row.load:.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
