"""Start-up time of ``cablelint check`` on one cable, next to ``python -c pass``.

Usage: python bench/startup.py [CABLE] [--runs N]

Prints the median (and min/max) wall time, and the median CPU time, of N runs of each command,
each a fresh process (the commands take turns), so the figures include interpreter start-up, imports, parser
construction, the check and output.  Issue 4 asks for at most 150 ms median on the seed cable, issue 6 for 120 ms.
Also times a run where a configuration file must be validated (jsonschema is imported only
then).  Writes nothing but to standard output (the configured run uses a temporary directory).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "08STATE126440.txt"


def cablelint_command() -> list[str]:
    """The installed ``cablelint`` script next to this interpreter, else ``python -m checker``."""
    script = Path(sys.executable).with_name("cablelint")
    if script.exists():
        return [str(script)]
    found = shutil.which("cablelint")
    return [found] if found else [sys.executable, "-m", "checker"]


def timed_run(command: list[str], cwd: str | None, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) milliseconds of one run in a fresh process.

    CPU time is steadier than wall time when other work competes for the machine's cores.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env, check=False)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000


def interleaved_times(cases: list[tuple[str, list[str], str | None]], runs: int,
                      env: dict[str, str]) -> dict[str, tuple[list[float], list[float]]]:
    """Wall and CPU times per case label, the cases taking turns in each of ``runs`` rounds.

    Taking turns spreads a change in the machine's load over every case alike, so the gaps
    between them stay fair; the first (cold-cache) round is discarded.
    """
    times: dict[str, tuple[list[float], list[float]]] = {label: ([], []) for label, _, _ in cases}
    for round_number in range(runs + 1):
        for label, command, cwd in cases:
            wall, cpu = timed_run(command, cwd, env)
            if round_number:
                times[label][0].append(wall)
                times[label][1].append(cpu)
    return times


def environments(tmp: str) -> list[tuple[str, dict[str, str]]]:
    """The environment as it is and, if it forbids bytecode caches, Python's default.

    With ``PYTHONDONTWRITEBYTECODE`` set (as in some sandboxes), every module of an editable
    install without compiled bytecode (see README's ``compileall`` step) is compiled from source
    on every run; the default caches bytecode, here under a temporary ``PYTHONPYCACHEPREFIX`` so
    that the benchmark writes nothing into the tree.
    """
    as_is = dict(os.environ)
    if not as_is.get("PYTHONDONTWRITEBYTECODE"):
        return [("", as_is)]
    cached = {k: v for k, v in as_is.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = os.path.join(tmp, "pycache")
    return [(" [PYTHONDONTWRITEBYTECODE=1]", as_is), (" [bytecode cache on]", cached)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cable", nargs="?", default=str(SEED))
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    cablelint = cablelint_command()
    cable = os.path.abspath(args.cable)
    with tempfile.TemporaryDirectory() as tmp:
        configured = Path(tmp) / "cable.txt"
        shutil.copyfile(cable, configured)
        (Path(tmp) / "cablelint.toml").write_text('ignore = ["NU001"]\n')
        (Path(tmp) / ".git").mkdir()  # the configuration search stops here
        cases = [
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            ("cablelint --version", [*cablelint, "--version"], None),
            ("cablelint check CABLE", [*cablelint, "check", cable], None),
            ("cablelint check CABLE (cablelint.toml)", [*cablelint, "check", "cable.txt"], tmp),
        ]
        print(f"load average (1 min) before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs "
              "(above the CPU count, the figures are pessimistic)")
        print(f"{'command':<68} {'median':>8} {'min':>8} {'max':>8} {'CPU med':>8}   ({args.runs} runs, ms)")
        for suffix, env in environments(tmp):
            for label, (times, cpu) in interleaved_times(cases, args.runs, env).items():
                print(f"{label + suffix:<68} {statistics.median(times):8.1f} {min(times):8.1f} {max(times):8.1f}"
                      f" {statistics.median(cpu):8.1f}")
        print(f"load average (1 min) after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
