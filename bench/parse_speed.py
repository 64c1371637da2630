"""Parse-and-model throughput on a corpus, in one process.

Usage:  python bench/parse_speed.py PATH [--repeat N] [--profile]

PATH is a directory of cables (``PATH/cables/*.txt`` or ``PATH/*.txt``).  The files are
read into memory first, so the figures are for parsing and modelling only: cables/s and
MB/s (median of ``--repeat`` runs, wall clock and CPU time), the one-off cost of building
the parsers, the lexer's share, and the process's peak resident memory (``ru_maxrss``).
``--profile`` prints the 25 most expensive functions of one run (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.parse import parse_cable  # noqa: E402
from checker.parse.grammar import cable_parser, marking_parser  # noqa: E402
from checker.parse.lexer import tokenize  # noqa: E402
from timing import cable_files  # noqa: E402  (bench/, on sys.path when a script runs)



def timed(texts: list[str], work) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``work`` applied to every text."""
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        work(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    files = cable_files(args.path)
    if not files:
        print(f"error: no cables under {args.path}", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    start = time.perf_counter()
    cable_parser()
    marking_parser()
    build = time.perf_counter() - start

    runs = [timed(texts, parse_cable) for _ in range(args.repeat)]
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    lex_wall, lex_cpu = timed(texts, tokenize)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {len(texts)} cables, {megabytes:.1f} MB")
    print(f"parser build (once per process): {build * 1000:.0f} ms")
    print(f"parse+model, median of {args.repeat}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"  throughput: {len(texts) / wall:.0f} cables/s, {megabytes / wall:.1f} MB/s (wall); "
          f"{len(texts) / cpu:.0f} cables/s (CPU)")
    print(f"  of which the line lexer: {lex_cpu:.2f} s CPU ({100 * lex_cpu / cpu:.0f}%)")
    print(f"peak resident memory: {peak_mb:.0f} MB (texts held in memory: {megabytes:.0f} MB)")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for text in texts:
            parse_cable(text)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
