"""Peak resident memory of ``cablelint check`` as the number of files grows (to 100,000).

Usage: python bench/memory.py PATH [--counts 10000,100000] [--formats json,text] [--jobs N] [--per-dir N]
       python bench/memory.py --peak -- COMMAND...     (measure one command; prints JSON)

For each count, a temporary directory (made with :mod:`tempfile`, removed afterwards) is
filled with that many cables by repeating the corpus as hard links (symbolic links when the
file system refuses, copies as a last resort), in one flat directory, the hardest case for
discovery (it must hold and sort every name), or with ``--per-dir N`` in sub-folders of N.
``cablelint check --format F -o /dev/null`` (every rule, ``--jobs`` as given or the default
of one worker per CPU) then checks it while a fresh measuring process watches:

- ``parent``: the peak (``VmHWM``) of the main cablelint process,
- ``worker``: the largest peak of any worker process,
- ``tree``: the largest sum of the resident sizes of all of them at one moment (polled every
  20 ms); this counts the pages forked workers share with the parent once per process, so
  it is an upper bound, and it is the figure held against the limit,
- ``tree PSS``: the same sum of proportional set sizes (shared pages divided among their
  users): what the machine actually holds,
- ``rusage``: ``ru_maxrss`` of ``getrusage(RUSAGE_CHILDREN)``, the kernel's figure for the
  largest single process of the tree (a cross-check of the polled peaks).

Flat memory means the figures at 100,000 files are close to those at 10,000.  Issue 6
target: at most 150 MB for 100,000 cables.  Exit status 1 when a ``tree`` figure exceeds
``--limit`` (default 150 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import check_command  # noqa: E402
from timing import Corpus, cablelint_command, cpu_count, load_average  # noqa: E402

LIMIT_MB = 150.0
POLL_SECONDS = 0.02


@dataclass(frozen=True)
class Peak:
    """Peak resident memory of one run, in MB (see the module docstring)."""

    parent: float
    worker: float
    tree: float
    tree_pss: float
    rusage: float
    seconds: float
    code: int


# --------------------------------------------------------------------------- the measuring process

def _status_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a live process in kB; (0, 0) once it has gone."""
    rss = hwm = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss, hwm


def _pss_kb(pid: int) -> int:
    """Proportional set size in kB: shared pages (forked workers share the parent's) counted once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    """The processes started by ``pid``, and theirs, from ``/proc/PID/task/*/children``."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    kids = [int(kid) for kid in children.read().split()]
            except (OSError, ValueError):
                continue
            found.extend(kids)
            queue.extend(kids)
    return found


def watch(command: list[str]) -> Peak:
    """Run ``command`` and poll the memory of it and its workers until it ends.

    Call this in a fresh process: ``RUSAGE_CHILDREN`` covers every child a process has
    ever waited for.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = worker = tree = pss = 0
    while process.poll() is None:
        rss, hwm = _status_kb(process.pid)
        parent = max(parent, hwm)
        total, total_pss = rss, _pss_kb(process.pid)
        for pid in _descendants(process.pid):
            kid_rss, kid_hwm = _status_kb(pid)
            worker = max(worker, kid_hwm)
            total += kid_rss
            total_pss += _pss_kb(pid)
        tree, pss = max(tree, total), max(pss, total_pss)
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - start
    rusage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kB on Linux
    return Peak(parent / 1024, worker / 1024, max(tree, parent) / 1024, pss / 1024, rusage / 1024, seconds,
                process.returncode)


def measure(command: list[str]) -> Peak:
    """:func:`watch` ``command`` from a fresh Python process (clean ``RUSAGE_CHILDREN``)."""
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--peak", "--", *command],
                          capture_output=True, text=True, check=True)
    return Peak(**json.loads(done.stdout))


# --------------------------------------------------------------------------- the large set

def fill(folder: Path, sources: tuple[Path, ...], count: int, per_dir: int = 0) -> str:
    """Put ``count`` cables into ``folder``, repeating ``sources``; returns how (hard links, ...).

    ``per_dir`` > 0 spreads them over sub-folders of that many files (an archive by year or
    post) instead of one flat directory.
    """
    how = "hard links"
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"{index // len(sources):03d}-{source.name}"
        if per_dir:
            target = folder / f"d{index // per_dir:05d}" / target.name
            target.parent.mkdir(exist_ok=True)
        if how == "hard links":
            try:
                os.link(source, target)
                continue
            except OSError:
                how = "symbolic links"
        if how == "symbolic links":
            try:
                os.symlink(source.resolve(), target)
                continue
            except OSError:
                how = "copies"
        shutil.copyfile(source, target)
    return how


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, help="corpus directory (with cables/) or a folder of .txt")
    parser.add_argument("--counts", default="10000,100000", help="numbers of cables to check (default 10000,100000)")
    parser.add_argument("--formats", default="json,text", help="output formats to measure (default json,text)")
    parser.add_argument("--jobs", type=int, help="--jobs for cablelint (default: cablelint's, one per CPU)")
    parser.add_argument("--limit", type=float, default=LIMIT_MB, help="MB the tree may use (default 150)")
    parser.add_argument("--per-dir", type=int, default=0,
                        help="files per sub-folder (default 0: one flat directory, the hardest case)")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:2] == ["--peak", "--"]:  # the measuring process: everything after -- is the command
        print(json.dumps(watch(argv[2:]).__dict__))
        return 0
    args = parser.parse_args(argv)
    if args.path is None:
        parser.error("give a corpus PATH")
    corpus = Corpus.at(args.path)
    if not corpus.files:
        print(f"no .txt cables under {args.path}", file=sys.stderr)
        return 2
    rows = run_sizes(corpus, [int(c) for c in args.counts.split(",")], args.formats.split(","), args.jobs,
                     args.per_dir)
    print(f"{'cables':>7} {'format':>6} {'jobs':>4} {'parent MB':>9} {'worker MB':>9} {'tree MB':>8} "
          f"{'tree PSS':>8} {'rusage MB':>9} {'time s':>7} {'load':>5}")
    over = False
    for count, fmt, jobs, peak, load in rows:
        print(f"{count:>7} {fmt:>6} {jobs:>4} {peak.parent:9.1f} {peak.worker:9.1f} {peak.tree:8.1f} "
              f"{peak.tree_pss:8.1f} {peak.rusage:9.1f} {peak.seconds:7.1f} {load:5.2f}")
        over = over or peak.tree > args.limit
    print(f"limit {args.limit:.0f} MB for the whole tree: {'EXCEEDED' if over else 'met'}")
    return 1 if over else 0


def run_sizes(corpus: Corpus, counts: list[int], formats: list[str], jobs: int | None,
              per_dir: int = 0) -> list[tuple[int, str, int, Peak, float]]:
    """(count, format, jobs, Peak, load average) for each count and format."""
    cablelint = cablelint_command()
    workers = jobs or cpu_count()
    rows = []
    for count in counts:
        with tempfile.TemporaryDirectory(prefix="cablelint-memory-") as tmp:
            folder = Path(tmp) / "cables"
            folder.mkdir()
            how = fill(folder, corpus.files, count, per_dir)
            layout = f", {per_dir} per sub-folder" if per_dir else ""
            print(f"{count} cables as {how} in {folder}{layout}", flush=True)
            for fmt in formats:
                command = check_command(cablelint, folder, workers, Path(os.devnull), fmt)
                peak = measure(command)
                if peak.code not in (0, 1):
                    raise SystemExit(f"cablelint exited {peak.code} on the {count}-cable set ({fmt})")
                rows.append((count, fmt, workers, peak, load_average()))
    return rows


if __name__ == "__main__":
    sys.exit(main())
