"""Where the CPU time of a serial ``cablelint check`` goes, stage by stage, without a profiler.

Usage: python bench/cpu_shares.py PATH [--repeat N]

PATH is a corpus directory holding ``cables/*.txt`` (or a directory of ``.txt`` files).
Each stage of the command line's work is timed on its own over the whole set, in CPU
seconds (``time.process_time``, so a busy machine inflates the figures less than wall
time), the median of N runs: finding the files, reading them, the line lexer, the parse
as a whole (lexer, LALR feeding, model building), the whole-cable model step
(``ToModel.cable``, re-run on the children the parser handed it), the rules, the json
report.  Profilers mislead here: the work is spread over many small calls, whose cost a
tracing profiler inflates 2-3x and a sampling one attributes loosely, so a lever is
chosen by these shares.  Prints to standard output only.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any
from pathlib import Path

from checker.api import Extras, check_targets
from checker.config import Resolver
from checker.discovery import iter_targets
from checker.engine import check_cable
from checker.formatters import FormatOptions, Summary, get
from checker.parse import build, parse_cable
from checker.parse.grammar import cable_parser
from checker.parse.lexer import tokenize
from checker.source import read_path
from timing import cable_folder  # bench/, on sys.path when a script runs


def median_cpu(work: Callable[[], object], repeat: int) -> float:
    """The median CPU time of ``repeat`` runs of ``work``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def each(work: Callable[[Any], object], items: list) -> Callable[[], None]:
    """A stage: ``work`` on every item, results dropped as the command line drops them."""

    def run() -> None:
        for item in items:
            work(item)

    return run


def json_report(results: list) -> None:
    """The json formatter over the results, written to memory."""
    out = io.StringIO()
    formatter = get("json")(out, FormatOptions(color=False, show_source=False, statistics=False, quiet=False))
    summary = Summary()
    formatter.start()
    for result in results:
        summary.add(result)
        formatter.file(result)
    formatter.finish(summary)


def cable_children(texts: list[str]) -> list[list]:
    """What the parser hands ``ToModel.cable`` for each text, captured during one parse of
    each.  The parser binds the method when it is built, so a parser is built for the
    capture (and the cached one dropped before and after)."""
    captured: list[list] = []
    original = build.ToModel.cable

    def capture(self: build.ToModel, children: list) -> object:
        captured.append(list(children))
        return original(self, children)

    cable_parser.cache_clear()
    build.ToModel.cable = capture  # type: ignore[method-assign]
    try:
        for text in texts:
            parse_cable(text)
    finally:
        build.ToModel.cable = original  # type: ignore[method-assign]
        cable_parser.cache_clear()
    return captured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="corpus directory (with cables/) or a directory of .txt cables")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the median is reported (default 3)")
    args = parser.parse_args(argv)
    root = cable_folder(args.path)
    resolver = Resolver()
    targets = [t for t in iter_targets((str(root),), resolver.for_path_or_error, None, False) if t.error is None]
    if not targets:
        print(f"no .txt cables under {args.path}", file=sys.stderr)
        return 2
    texts = [read_path(t.path).text for t in targets]
    seconds: dict[str, float] = {}
    parse_cable(texts[0])  # builds the parser, outside the timing
    # The order matters: once a process has held the whole corpus's models or parse trees, even
    # freed, parsing and the model step run up to twice as slowly (memory locality), a state the
    # command line (one cable at a time) never reaches; so the parse stages come first, and
    # what a stage alone needs is dropped after it.
    seconds["find the files"] = median_cpu(
        lambda: sum(1 for _ in iter_targets((str(root),), Resolver().for_path_or_error, None, False)), args.repeat
    )
    seconds["read them"] = median_cpu(each(lambda t: read_path(t.path), targets), args.repeat)
    seconds["parse (all of it)"] = median_cpu(each(parse_cable, texts), args.repeat)
    seconds["- line lexer"] = median_cpu(each(tokenize, texts), args.repeat)
    children = cable_children(texts)
    seconds["- ToModel.cable"] = median_cpu(each(build.ToModel().cable, children), args.repeat)
    del children
    checks = [(parse_cable(text), t.config.settings_for(t.display)) for text, t in zip(texts, targets)]
    seconds["rules"] = median_cpu(each(lambda pair: check_cable(*pair), checks), args.repeat)
    del checks
    results = list(check_targets(targets, Extras(fingerprints=False, source_lines=False, verbose=False)))
    seconds["json report"] = median_cpu(lambda: json_report(results), args.repeat)
    seconds["- LALR feeding + rest of model"] = (
        seconds["parse (all of it)"] - seconds["- line lexer"] - seconds["- ToModel.cable"]
    )
    total = sum(v for k, v in seconds.items() if not k.startswith("-"))
    print(f"{len(texts)} cables, CPU seconds, median of {args.repeat}; share of the {total:.2f} s sum")
    order = ("find the files", "read them", "parse (all of it)", "- line lexer", "- ToModel.cable",
             "- LALR feeding + rest of model", "rules", "json report")
    for label in order:
        print(f"{label:32} {seconds[label]:8.4f} s  {100 * seconds[label] / total:5.1f} %")
    print(f"{'cables per CPU-second':32} {len(texts) / total:7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
