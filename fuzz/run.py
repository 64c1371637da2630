"""Fuzz cablelint's whole ``bytes -> text -> model -> findings`` path for a bounded time.

    nice -n 19 python fuzz/run.py --minutes 10            # atheris (coverage-guided) if installed
    nice -n 19 python fuzz/run.py --minutes 10 --engine hypothesis

The default engine is atheris (libFuzzer for Python): it instruments the loaded code and
breeds inputs from the seed and synthetic cables towards new coverage, with the tokens of
``fuzz/cable.dict``.  Without atheris, ``--engine hypothesis`` draws random edits of the same
cables (``fuzz/mutations.py``) until the time is up.  Either way ``fuzz/oracle.py`` judges
each input; every distinct violation is written once to ``fuzz/crashes/<signature>.input``
(the smallest input seen for it) with a ``.txt`` beside it holding the traceback, and the run
goes on.  An input that hangs or exhausts memory is caught by libFuzzer's ``-timeout`` and
``-rss_limit_mb``: it lands in ``fuzz/crashes/`` as ``timeout-*`` / ``oom-*`` and the run is
restarted for the remaining time.  A crash, once fixed by its owner, is copied to
``tests/fixtures/fuzz_regressions/`` where ``tests/test_fuzz_properties.py`` replays it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CRASHES = HERE / "crashes"
WORK_CORPUS = HERE / "work" / "corpus"
SEED_DIRS = [ROOT / "tests" / "fixtures", ROOT / "tests" / "fixtures" / "cli",
             ROOT / "tests" / "fixtures" / "fuzz_regressions", HERE / "seeds"]
#: Per-input limits: far beyond what any real cable needs, so hitting one is a bug.  The
#: timeout is wall-clock time (libFuzzer's), generous because the fuzzer runs at nice 19 on a
#: shared machine; slowness proper is judged on CPU time by the oracle (see ``judge``).
TIMEOUT_SECONDS = 120
RSS_LIMIT_MB = 1536
MAX_LEN = 32768
#: Inputs per hypothesis run; the time limit is checked between runs.
HYPOTHESIS_BATCH = 200

sys.path.insert(0, str(HERE))


def record(data: bytes, violations: list) -> None:
    """Keep the smallest input per violation signature, with its traceback beside it."""
    for violation in violations:
        slug = re.sub(r"[^A-Za-z0-9]+", "-", violation.signature).strip("-")[:100]
        target = CRASHES / f"{slug}.input"
        if target.exists() and len(target.read_bytes()) <= len(data):
            continue
        new = not target.exists()
        target.write_bytes(data)
        (CRASHES / f"{slug}.txt").write_text(f"{violation.signature}\n\n{violation.detail}\n", encoding="utf-8")
        if new:
            print(f"fuzz: NEW violation: {violation.signature} -> {target.relative_to(ROOT)}",
                  file=sys.stderr, flush=True)


def warm_up(oracle: ModuleType) -> None:
    """Import the lazily loaded modules and build the parsers before any input is timed."""
    oracle.check_text((ROOT / "tests" / "fixtures" / "08STATE126440.txt").read_text(encoding="utf-8"))


def judge(oracle: ModuleType, data: bytes) -> list:
    """The oracle's violations for ``data``.  Slowness is judged on CPU time, which a busy
    machine does not inflate, and only if a second run is slow too (a garbage collection or
    a page fault storm is a pause, not a finding)."""
    started = time.process_time()
    violations = oracle.check_bytes(data)
    if oracle.slowness(len(data), time.process_time() - started):
        started = time.process_time()
        oracle.check_bytes(data)
        violations += oracle.slowness(len(data), time.process_time() - started)
    return violations


# --------------------------------------------------------------------------- atheris

def atheris_child(libfuzzer_args: list[str]) -> None:
    """Inside the libFuzzer process: load and warm the pipeline, instrument it, fuzz."""
    import atheris

    # Only cablelint's own code is instrumented (lark's is not ours to fix, and instrumenting
    # it slows every run); the warm-up parse imports the lazily loaded modules and rules.
    with atheris.instrument_imports(include=["checker"]):
        import oracle

        warm_up(oracle)

    def one_input(data: bytes) -> None:
        violations = judge(oracle, data)
        if violations:
            record(data, violations)

    atheris.Setup([sys.argv[0], *libfuzzer_args], one_input)
    atheris.Fuzz()


def run_atheris(seconds: float) -> int:
    """Run libFuzzer children until the time is up; return the number of executions."""
    WORK_CORPUS.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + seconds
    executions = 0
    while (left := deadline - time.monotonic()) > 5:
        args = [f"-max_total_time={int(left)}", f"-timeout={TIMEOUT_SECONDS}", f"-rss_limit_mb={RSS_LIMIT_MB}",
                f"-max_len={MAX_LEN}", f"-dict={HERE / 'cable.dict'}", f"-artifact_prefix={CRASHES}/",
                "-print_final_stats=1", str(WORK_CORPUS), *[str(d) for d in SEED_DIRS if d.is_dir()]]
        child = subprocess.Popen([sys.executable, __file__, "--atheris-child", "--", *args],
                                 stderr=subprocess.PIPE, text=True, errors="replace")
        last = 0
        assert child.stderr is not None
        for line in child.stderr:
            if line.startswith("fuzz:") or "ERROR" in line or "Done" in line or "stat::" in line:
                sys.stderr.write(line)
            match = re.match(r"#(\d+)\s", line) or re.match(r"stat::number_of_executed_units:\s*(\d+)", line)
            if match:
                last = max(last, int(match.group(1)))
        child.wait()
        executions += last
        if child.returncode != 0:
            print(f"fuzz: libFuzzer stopped (exit {child.returncode}); artifact in {CRASHES}; restarting",
                  file=sys.stderr)
    return executions


# --------------------------------------------------------------------------- hypothesis

def run_hypothesis(seconds: float) -> int:
    """Draw damaged cables in batches until the time is up; return the number of executions."""
    from hypothesis import HealthCheck, given, settings

    import mutations
    import oracle

    warm_up(oracle)
    count = 0

    @settings(max_examples=HYPOTHESIS_BATCH, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(mutations.damaged_cables(max_edits=16))
    def one_input(data: bytes) -> None:
        nonlocal count
        count += 1
        violations = judge(oracle, data)
        if violations:
            record(data, violations)

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        one_input()  # never fails: violations are recorded, not raised, so nothing is replayed
    return count


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--atheris-child":
        atheris_child(sys.argv[3:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="How long to fuzz (default 10).")
    parser.add_argument("--engine", choices=["atheris", "hypothesis"], help="Default: atheris when installed.")
    options = parser.parse_args()
    engine = options.engine
    if engine is None:
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    CRASHES.mkdir(exist_ok=True)
    before = {p.name: p.stat().st_mtime for p in CRASHES.iterdir()}
    started = time.monotonic()
    runner = run_atheris if engine == "atheris" else run_hypothesis
    executions = runner(options.minutes * 60)
    elapsed = time.monotonic() - started
    changed = sorted(p.name for p in CRASHES.iterdir() if before.get(p.name) != p.stat().st_mtime
                     and not p.name.endswith(".txt"))
    print(f"fuzz: engine={engine} executions={executions} seconds={elapsed:.0f} "
          f"violations_new_or_smaller={len(changed)}")
    for name in changed:
        print(f"  fuzz/crashes/{name}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
