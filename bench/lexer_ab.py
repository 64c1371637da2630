"""Paired A/B of the line lexer's CPU time: another version of ``checker/parse/lexer.py``
against the installed one, in one process, on a corpus.

Usage:  python bench/lexer_ab.py OLD_LEXER PATH [--rounds N]

    git show main:checker/parse/lexer.py > /tmp/old_lexer.py
    python bench/lexer_ab.py /tmp/old_lexer.py /work/shared/corpus --rounds 6

On a busy machine separate runs of ``parse_speed.py`` drift by +-5 %, more than a lexer change
usually gains.  Here both lexers tokenize the same texts already in memory, in alternating
passes (old-new, new-old, ...), so load changes hit both alike; the figure to quote is the
median of the per-round ratios.  The old file is loaded as a module of its own and uses the
installed ``checker.parse.patterns`` and ``markings``: it compares lexer files only.  Before
timing, every text's tokens (type, value, positions) are compared; a difference is reported and
ends the run with exit code 1, so a speed-up that changes the output is never quoted.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.parse import lexer as new_lexer  # noqa: E402
from timing import cable_files  # noqa: E402


def load_lexer(path: Path) -> ModuleType:
    """The lexer file at ``path`` as a module apart from the installed one."""
    spec = importlib.util.spec_from_file_location("old_lexer", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"error: cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def token_rows(lexer: ModuleType, text: str) -> list[tuple]:
    """What the parser sees of each token: type, value and positions."""
    return [(t.type, str(t), t.start_pos, t.line, t.column, t.end_line, t.end_column, t.end_pos)
            for t in lexer.tokenize(text)]


def cpu_pass(lexer: ModuleType, texts: list[str]) -> float:
    """CPU seconds for one pass of ``lexer`` over every text."""
    start = time.process_time()
    for text in texts:
        lexer.tokenize(text)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old_lexer", type=Path)
    parser.add_argument("path", type=Path)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    files = cable_files(args.path)
    if not files or not args.old_lexer.is_file():
        print(f"error: no cables under {args.path} or no file {args.old_lexer}", file=sys.stderr)
        return 2
    old_lexer = load_lexer(args.old_lexer)
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    try:
        differ = [f.name for f, text in zip(files, texts) if token_rows(old_lexer, text) != token_rows(new_lexer, text)]
    except (AttributeError, ImportError, TypeError) as err:  # it needs patterns this tree lacks
        print(f"error: {args.old_lexer} does not run with the installed patterns: {err}", file=sys.stderr)
        return 2
    if differ:
        print(f"tokens differ in {len(differ)} cables, e.g. {', '.join(differ[:5])}")
        return 1
    old, new = [], []
    for round_ in range(args.rounds):
        order = [(old_lexer, old), (new_lexer, new)]
        for lexer, times in order if round_ % 2 == 0 else order[::-1]:
            times.append(cpu_pass(lexer, texts))
    ratios = [n / o for o, n in zip(old, new)]
    print(f"{len(texts)} cables, tokens identical, {args.rounds} alternating rounds (CPU s)")
    print("old   " + " ".join(f"{t:.3f}" for t in old))
    print("new   " + " ".join(f"{t:.3f}" for t in new))
    print(f"median old {statistics.median(old):.3f}  new {statistics.median(new):.3f}  "
          f"new/old per round, median {statistics.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
