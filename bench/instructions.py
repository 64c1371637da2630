"""Instructions per cable of a serial ``cablelint check``, counted by valgrind: an A/B yardstick
that a busy or slow machine cannot blur.

Usage: python bench/instructions.py PATH [--every K] [--label TEXT]

PATH is a corpus directory (``PATH/cables/*.txt`` or ``PATH/*.txt``).  Every K-th cable
(default 15: 308 of the shared corpus) is checked by one ``cablelint check --jobs 1
--format json`` process run under ``valgrind --tool=cachegrind --cache-sim=no``, which counts
the instructions the process executes; a second run on the first of them alone gives the
start-up share, and the difference divided by the number of cables less one is the cost of one
cable.  The count is the same on every run of the same code (``PYTHONHASHSEED`` is fixed), so
two versions of the checker compare exactly even on a loaded machine, where wall-clock and
even CPU-time figures drift by several per cent (bench/PARSER_SPEED.md).  Exact is not the same as
precise: a change that does nothing (an unused constant) can move the count by up to ~0.4 %,
since the objects land at other addresses and dictionaries probe differently, so a lever
smaller than that needs the mean over a few such layouts.  Instructions are not time (a
cache miss costs more than an add), so a lever found here is confirmed in CPU time
(bench/throughput.py) before it is claimed.  Takes about 20 seconds per run; needs valgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import cable_files, cablelint_command  # bench/, on sys.path when a script runs

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(files: list[Path]) -> int:
    """The instructions executed by one serial json check of ``files``."""
    with tempfile.TemporaryDirectory(prefix="cablelint-ir-") as out:
        command = [
            "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
            *cablelint_command(), "check", "--jobs", "1", "--format", "json",
            "-o", os.path.join(out, "report.json"), *map(str, files),
        ]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    found = _REFS.search(done.stderr)
    if found is None or done.returncode not in (0, 1):
        raise SystemExit(f"instructions: valgrind run failed (exit {done.returncode}): {done.stderr[-300:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="corpus directory")
    parser.add_argument("--every", type=int, default=15, help="check every K-th cable (default 15)")
    parser.add_argument("--label", default="", help="a name printed with the figures")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed", file=sys.stderr)
        return 2
    files = cable_files(args.path)[:: args.every]
    if len(files) < 2:
        print("instructions: fewer than two cables in the sample", file=sys.stderr)
        return 2
    start_up = instructions(files[:1])
    total = instructions(files)
    per_cable = (total - start_up) / (len(files) - 1)
    print(
        f"{args.label + ': ' if args.label else ''}{len(files)} cables, start-up {start_up / 1e6:.1f} M "
        f"instructions, {per_cable / 1e6:.3f} M instructions per cable"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
