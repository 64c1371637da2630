"""Throughput of the full check (parse, model, every rule) next to parse-only, one process.

Usage: python bench/check_speed.py PATH [--repeat N]

PATH is a corpus directory holding ``cables/*.txt`` (or a directory of ``.txt`` files).
All texts are read into memory first, the parser is built once before timing, then the
corpus is (1) parsed into models, (2) parsed and checked with every rule enabled, and
(3) checked from models built beforehand (the rules alone); each pass is repeated N times
and the best run is reported, in cables/s and MB/s.  Prints to standard output only.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from checker.engine import EngineSettings, check_cable
from checker.parse import parse_cable
from checker.registry import all_rules
from timing import cable_files  # bench/, on sys.path when a script runs



def best_time(work: Callable[[], None], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``work``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="corpus directory (with cables/) or a directory of .txt cables")
    parser.add_argument("--repeat", type=int, default=3, help="runs per pass; the best is reported (default 3)")
    args = parser.parse_args(argv)
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in cable_files(args.path)]
    if not texts:
        print(f"no .txt cables under {args.path}", file=sys.stderr)
        return 2
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    settings = EngineSettings(enabled=frozenset(rule.code for rule in all_rules()))
    build = best_time(lambda: parse_cable(texts[0]), 1)  # includes building the parser once

    def parse_only() -> None:
        for text in texts:
            parse_cable(text)

    def full_check() -> None:
        for text in texts:
            check_cable(parse_cable(text), settings)

    models = [parse_cable(text) for text in texts]

    def rules_only() -> None:
        for model in models:
            check_cable(model, settings)

    parse_seconds = best_time(parse_only, args.repeat)
    check_seconds = best_time(full_check, args.repeat)
    rules_seconds = best_time(rules_only, args.repeat)
    print(f"{len(texts)} cables, {megabytes:.1f} MB, {len(settings.enabled)} rules, best of {args.repeat}")
    print(f"first parse (builds the parser): {build * 1000:.0f} ms")
    passes = (("parse only", parse_seconds), ("full check", check_seconds), ("rules only", rules_seconds))
    for label, seconds in passes:
        print(f"{label:12} {seconds:7.2f} s  {len(texts) / seconds:8.0f} cables/s  {megabytes / seconds:6.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
