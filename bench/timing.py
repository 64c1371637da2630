"""What the issue-6 benchmarks share: the corpus listing, timed subprocess runs, load average.

The machine these figures come from may be shared, so every figure is a median of several
fresh-process runs and is printed next to the 1-minute load average seen during those runs:
a load above the number of cores means the timings are pessimistic.  Nothing here imports
``checker``: the benchmarks time the installed ``cablelint`` command as a user runs it.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import cablelint_command  # noqa: E402  (H3's helper: the script next to this python)

__all__ = ["Corpus", "Runs", "cable_files", "cable_folder", "cablelint_command", "load_average", "run_once", "run_timed", "cpu_count"]


def cable_folder(path: str | os.PathLike[str]) -> Path:
    """Where a corpus keeps its cables: ``PATH/cables`` (the shared corpus's layout) or ``PATH``."""
    root = Path(path)
    return root / "cables" if (root / "cables").is_dir() else root


def cable_files(path: str | os.PathLike[str]) -> list[Path]:
    """The ``.txt`` cables of a corpus (see :func:`cable_folder`), sorted."""
    return sorted(cable_folder(path).glob("*.txt"))


@dataclass(frozen=True)
class Corpus:
    """The cables of a corpus directory: ``PATH/cables/*.txt`` or ``PATH/*.txt``."""

    folder: Path
    files: tuple[Path, ...]
    size: int  # bytes

    @classmethod
    def at(cls, path: str | os.PathLike[str]) -> "Corpus":
        files = tuple(cable_files(path))
        return cls(cable_folder(path), files, sum(f.stat().st_size for f in files))

    @property
    def megabytes(self) -> float:
        return self.size / 1e6


@dataclass
class Runs:
    """Wall times (seconds) of repeated runs of one command, with the load seen meanwhile."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process tree
    loads: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        """Median CPU seconds: less sensitive than wall time to other work on a busy machine."""
        return statistics.median(self.cpu)

    @property
    def load(self) -> float:
        """The median 1-minute load average sampled after each run."""
        return statistics.median(self.loads)

    def spread(self) -> str:
        """``min-max`` of the runs, for judging the noise."""
        return f"{min(self.seconds):.2f}-{max(self.seconds):.2f}"


def load_average() -> float:
    """The 1-minute load average (0.0 where the platform has none)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


def children_cpu() -> float:
    """User + system CPU seconds of every finished child process (and their children) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_count() -> int:
    """CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_once(command: list[str], into: Runs | None, *, check_codes: tuple[int, ...] = (0, 1),
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``command`` once in a fresh process (output captured); add its timing to ``into``.

    ``into=None`` is a warm-up run: it fills the page cache and the bytecode cache, so the
    timed runs measure the program, not the disk.  An exit code outside ``check_codes``
    stops the benchmark: a crashed run is no timing.
    """
    before = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    cpu = children_cpu() - before
    if done.returncode not in check_codes:
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        raise SystemExit(f"benchmark command failed (exit {done.returncode}): {' '.join(command)}: {tail[0]}")
    if into is not None:
        into.seconds.append(elapsed)
        into.cpu.append(cpu)
        into.loads.append(load_average())
    return done


def run_timed(command: list[str], runs: int, *, warmup: int = 1, check_codes: tuple[int, ...] = (0, 1),
              env: dict[str, str] | None = None) -> Runs:
    """Run ``command`` ``warmup + runs`` times (see :func:`run_once`); time the last ``runs``."""
    result = Runs()
    for index in range(warmup + runs):
        run_once(command, result if index >= warmup else None, check_codes=check_codes, env=env)
    return result
