"""Check time against input size, and a hunt for regular expressions that backtrack.

Usage:
    nice -n 19 python bench/linear_growth.py [--max-mb 10] [--skip-regex-scan]

Three parts, each printing a table:

1. Realistic growth: the seed cable's front matter followed by its paragraphs repeated to
   10 KB, 100 KB, 1 MB and 10 MB; CPU time of ``parse_cable`` + ``check_cable`` (every rule), best
   of a few runs, and microseconds per KB.  Linear means the last column stays flat; the
   growth exponent (slope of log time over log size, 10 KB to the largest) should be near 1.
2. Adversarial lines: inputs built to make a backtracking regular expression explode (a long
   run of ``(((``, ``1.4 (b) and (`` repeated, spaced letters ``C O N F`` repeated, a
   100k-character token, ``(S//`` repeated, blanks before a banner letter, ...), each as a
   paragraph line, the authority, TAGS and SUBJECT lines, inside an address line and as a whole file, at 10 KB,
   100 KB and 1 MB (best of two).  A tenfold input must cost about tenfold time; a ratio
   above 30 (with 1 MB over 0.2 s), or a size that took over 2 s (the row then stops), is flagged,
   and so is a 1 MB input costing over 20 times a realistic megabyte (linear, but a pathological
   constant: the 16 MiB input limit would then mean minutes).
3. Regex scan: every compiled pattern in the ``checker`` package and its rules, and every
   terminal of the marking grammar, is run (``match`` or ``search``, as the code calls it) on
   strings made of its own characters (single characters and pairs repeated, with a failing
   end) of 125 to 8,000 characters.  A linear pattern costs 4x for 4x the input; above 10x
   (and over 20 ms at 8,000 characters) is flagged.

Timings are CPU seconds of this process (best of a few runs), so other work on a shared
machine does not inflate them; still, read ratios rather than absolute numbers.  The exit
status is 1 when something is flagged.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import math
import pkgutil
import re
import sre_constants
import sre_parse
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from checker.engine import EngineSettings, check_cable, default_settings
from checker.parse import parse_cable

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "tests" / "fixtures" / "08STATE126440.txt").read_text(encoding="utf-8")
SETTINGS = EngineSettings(enabled=default_settings().enabled)
KB = 1024
FLAG_GROWTH = 30.0  # for 10x the input
FLAG_REGEX = 10.0  # for 4x the input
#: ... and only when 8,000 characters take this long: below it the ratio is timer noise, and a
#: quadratic pattern this cheap needs a line of megabytes to hurt.
FLAG_REGEX_SECONDS = 0.02


def lint_seconds(text: str, repeat: int = 3) -> float:
    """Best CPU time of parse + check over ``repeat`` runs (CPU time: other work on a shared
    machine does not inflate it, as it does wall time)."""
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        check_cable(parse_cable(text), SETTINGS)
        best = min(best, time.process_time() - start)
    return best


# --------------------------------------------------------------------------- 1. realistic growth

def realistic(size: int) -> str:
    """The seed's front matter, then its paragraphs (renumbered) until ``size`` characters."""
    start = SEED.index("[1](#)1. (U)")
    head, body = SEED[:start], SEED[start:]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    out, number, length = [head], 1, len(head)
    while length < size:
        for paragraph in paragraphs:
            text = re.sub(r"^(\[1\]\(#\))?\d+\.", f"{number}.", paragraph, count=1) + "\n\n"
            number += 1
            out.append(text)
            length += len(text)
            if length >= size:
                break
    return "".join(out)[:size]


#: Part 2 flags a 1 MB input costing over this many times a realistic megabyte (part 1).
SLOW_FACTOR = 20


def growth(max_mb: float) -> tuple[bool, float]:
    """Print part 1; return whether growth is superlinear, and the seconds per realistic MB."""
    sizes = [10 * KB, 100 * KB, KB * KB] + ([10 * KB * KB] if max_mb >= 10 else [])
    print("1. Realistic cables (seed paragraphs repeated)")
    print(f"{'size':>10} {'seconds':>9} {'us/KB':>8}")
    times = []
    for size in sizes:
        seconds = lint_seconds(realistic(size), repeat=3 if size <= KB * KB else 1)
        times.append(seconds)
        print(f"{size // KB:>8}KB {seconds:>9.3f} {seconds / (size / KB) * 1e6:>8.1f}")
    exponent = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])
    print(f"growth exponent 10 KB -> {sizes[-1] // KB} KB: {exponent:.2f} (1.00 = linear)\n")
    return exponent > 1.2, times[2] / (sizes[2] / (KB * KB))


# --------------------------------------------------------------------------- 2. adversarial lines

FRONT = SEED[:SEED.index("[1](#)1. (U)")]
#: name -> (unit repeated to the size, tail after the run)
PAYLOADS: dict[str, tuple[str, str]] = {
    "(((": ("(", ""),
    "1.4 (b) and (": ("1.4 (b) and (", ""),
    "C O N F": ("C O N F ", ""),
    "(S//": ("(S//", ""),
    "S//NF/": ("S//NF/", ""),
    "////": ("/", ""),
    "1. 2. 3.": ("1. ", ""),
    "E.O. 12958:": ("E.O. 12958: ", ""),
    "REL TO USA, ": ("REL TO USA, ", ""),
    "DECL: 1/1/": ("DECL: 1/1/", ""),
    "A-Z token": ("A", ""),
    "a-z token": ("a", ""),
    "digits": ("7", ""),
    "blanks, C": (" ", "C"),
    "blanks, 1.a": (" ", "1.a"),
    "tab-quote, C": ("\t'", "C"),
    "dot-tab, x": (".\t", "x"),
    "[link](": ("[", "]("),
}
PLACES: dict[str, Callable[[str], str]] = {
    "paragraph": lambda payload: FRONT + "1. (C) " + payload + "\n",
    "authority": lambda payload: FRONT.replace("Reasons: 1.4 (b) and (d)", "Reasons: " + payload),
    "address": lambda payload: FRONT.replace("AMEMBASSY ZAGREB IMMEDIATE", "AMEMBASSY ZAGREB" + payload + "IMMEDIATE"),
    "tags": lambda payload: FRONT.replace("TAGS: ", "TAGS: " + payload),
    "subject": lambda payload: FRONT.replace("SUBJECT: ", "SUBJECT: " + payload),
    "whole file": lambda payload: payload + "\n",
}
#: A row stops growing once one size took this long (a quadratic 1 MB line would take hours).
STOP_SECONDS = 2.0


def adversarial(realistic_per_mb: float) -> bool:
    sizes = [10 * KB, 100 * KB, KB * KB]
    print("2. Adversarial inputs (seconds at 10 KB / 100 KB / 1 MB; ratio = 1 MB over 100 KB, ~10 is linear;"
          f" a row stops after a size over {STOP_SECONDS:.0f} s)")
    print(f"{'payload':<16} {'place':<11} {'10KB':>7} {'100KB':>7} {'1MB':>7} {'ratio':>6}")
    flagged = False
    for name, (unit, tail) in PAYLOADS.items():
        for place, build in PLACES.items():
            row: list[float] = []
            for size in sizes:
                row.append(lint_seconds(build((unit * (size // len(unit) + 1))[:size] + tail), repeat=2))
                if row[-1] > STOP_SECONDS:
                    break
            ratio = row[2] / max(row[1], 1e-4) if len(row) == 3 else math.inf
            superlinear = (ratio > FLAG_GROWTH and row[-1] > 0.2) or len(row) < 3
            slow = len(row) == 3 and row[2] > SLOW_FACTOR * realistic_per_mb
            flagged |= superlinear or slow
            cells = "".join(f"{seconds:>8.3f}" for seconds in row) + "       -" * (3 - len(row))
            print(f"{name:<16} {place:<11}{cells} {ratio:>6.1f}" + ("  <-- superlinear" if superlinear else "")
                  + (f"  <-- over {SLOW_FACTOR}x a realistic MB" if slow else ""))
    print()
    return flagged


# --------------------------------------------------------------------------- 3. regex scan

def project_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every module-level compiled pattern of the package and rules, and the grammar's terminals."""
    import checker

    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{info.name}.{name}", value
    from checker.parse.grammar import marking_parser

    for terminal in marking_parser().terminals:
        yield f"grammar {terminal.name}", re.compile(terminal.pattern.to_regexp())


def pattern_alphabet(pattern: re.Pattern[str], limit: int = 12) -> list[str]:
    """Characters the pattern mentions (literals, class ranges, categories), most relevant first."""
    found: list[str] = []

    def walk(items: sre_parse.SubPattern | list) -> None:
        for op, arg in items:
            if op is sre_constants.LITERAL:
                found.append(chr(arg))
            elif op is sre_constants.IN:
                for kind, value in arg:
                    if kind is sre_constants.LITERAL:
                        found.append(chr(value))
                    elif kind is sre_constants.RANGE:
                        found.extend([chr(value[0]), chr(value[1])])
                    elif kind is sre_constants.CATEGORY:
                        found.extend({"CATEGORY_DIGIT": "7", "CATEGORY_SPACE": " ",
                                      "CATEGORY_WORD": "a"}.get(str(value), "x"))
            elif op is sre_constants.ANY:
                found.append("a")
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
                walk(arg[2])
            elif op is sre_constants.SUBPATTERN:
                walk(arg[-1])
            elif op is sre_constants.BRANCH:
                for branch in arg[1]:
                    walk(branch)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(arg[1])
            elif op is sre_constants.ATOMIC_GROUP:
                walk(arg)

    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    unique = list(dict.fromkeys(found))
    return unique[:limit]


def methods_used(qualified: str) -> tuple[str, ...]:
    """How the project's code calls a pattern (``match``, ``search``, ...): the attack is timed
    the same way, since ``search`` on a failing text is quadratic for any pattern that starts
    with a run, while ``match`` is what line classifiers do."""
    if qualified.startswith("grammar "):
        return ("match",)  # Lark's lexer matches a terminal at a position
    name = qualified.rsplit(".", 1)[1]
    sources = "\n".join(path.read_text(encoding="utf-8") for folder in ("checker", "rules")
                        for path in (ROOT / folder).rglob("*.py"))
    used = set(re.findall(rf"\b{re.escape(name)}\.(match|fullmatch|search|finditer|findall|sub|split)\(", sources))
    scanning = {"search", "finditer", "findall", "sub", "split"}
    return tuple(sorted({"search" if m in scanning else "match" for m in used})) or ("match", "search")


def attack_seconds(pattern: re.Pattern[str], method: str, text: str) -> float:
    """Best CPU time of three runs (two once a run is slow)."""
    run = pattern.search if method == "search" else pattern.match
    best = math.inf
    for attempt in range(3):
        start = time.process_time()
        run(text)
        best = min(best, time.process_time() - start)
        if best > 0.05 and attempt >= 1:
            break
    return best


#: Patterns whose callers bound the text they run on, so a quadratic ratio cannot hurt; each
#: with the reason, checked by reading the call site (re-check it when that code changes).
BOUNDED = {
    "checker.parse.patterns.PLACE_WORD": "lexer.py searches only the 40 characters before a number",
}

#: Attack lengths, each 4x the last; a length is not tried once the previous one took 0.2 s.
LENGTHS = (125, 500, 2000, 8000)


def regex_scan() -> bool:
    print("3. Regex scan (worst attack per pattern, timed as the code calls it; "
          "ratio = time for 4x the characters, 4 is linear, 16 quadratic)")
    flagged, rows = False, []
    for name, pattern in project_patterns():
        alphabet = pattern_alphabet(pattern)
        units = alphabet + [a + b for a in alphabet[:8] for b in alphabet[:8] if a != b]
        worst = (0.0, 0.0, 0, "", "")
        for method in methods_used(name):
            for unit in units:
                times: list[float] = []
                for length in LENGTHS:
                    times.append(attack_seconds(pattern, method, unit * (length // len(unit)) + "\n\x00"))
                    if times[-1] > 0.2:
                        break
                ratio = times[-1] / max(times[-2], 1e-6) if len(times) > 1 else math.inf
                worst = max(worst, (times[-1] * 4 ** (len(LENGTHS) - len(times)), ratio,
                                    LENGTHS[len(times) - 1], method, unit))
        projected, ratio, length, method, unit = worst
        flag = ratio > FLAG_REGEX and projected > FLAG_REGEX_SECONDS
        if flag and name in BOUNDED:
            flag, unit = False, f"{unit!r}, bounded: {BOUNDED[name]}"
        flagged |= flag
        rows.append((projected, name, ratio, length, method, unit, flag))
    rows.sort(reverse=True)
    print(f"{'pattern':<44} {'method':<6} {'chars':>5} {'s @8k*':>9} {'ratio':>6}  attack unit")
    for projected, name, ratio, length, method, unit, flag in rows[:20]:
        print(f"{name[:44]:<44} {method:<6} {length:>5} {projected:>9.3f} {ratio:>6.1f}  "
              f"{unit if name in BOUNDED else repr(unit)}"
              + ("  <-- superlinear" if flag else ""))
    print(f"... {len(rows)} patterns scanned, {sum(r[-1] for r in rows)} flagged "
          "(* s @8k: time at 8,000 characters, projected linearly when the run stopped early).\n"
          "A flagged pattern is a lead, not a verdict: check how long the text it is run on can be\n"
          "(a search over a slice of at most 40 characters cannot hurt).\n")
    return flagged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-mb", type=float, default=10, help="Largest realistic input (10 or 1).")
    parser.add_argument("--skip-regex-scan", action="store_true")
    options = parser.parse_args()
    check_cable(parse_cable(SEED), SETTINGS)  # build the parsers once, outside the timings
    flagged, realistic_per_mb = growth(options.max_mb)
    flagged |= adversarial(realistic_per_mb)
    if not options.skip_regex_scan:
        flagged |= regex_scan()
    print("FLAGGED: see the rows marked superlinear" if flagged else "No superlinear growth found.")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
