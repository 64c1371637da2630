"""The pipeline behind ``cablelint check`` and the library API: text -> model -> findings.

``lint_text`` and ``lint_path`` are the documented entry points for other programs.
``check_targets`` is what the command line runs: every input becomes a :class:`FileResult`
(findings, or a one-line error), in input order, either in this process or in a pool of
worker processes.  Results are streamed through a bounded window, so memory does not grow
with the number of files, and a pool run yields exactly what a serial run does.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from checker.config import Config, ConfigError, Resolver, from_mapping
from checker.dataclass_code import frozen_dataclass
from checker.discovery import STDIN, Target
from checker.engine import check_cable
from checker.findings import Finding
from checker.registry import INTERNAL_ERROR_CODE
from checker.source import Source, SourceError, read_path, read_stream

#: Below this many inputs a run stays in one process: a pool costs more than it saves.
POOL_THRESHOLD = 4
#: Inputs per task sent to a worker, and tasks in flight per worker.
CHUNK = 32
WINDOW_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class Extras:
    """What a format needs besides findings, computed where the text and model are at hand."""

    fingerprints: bool = False
    source_lines: bool = False
    verbose: bool = False


@frozen_dataclass
class FileResult:
    """The outcome for one input: findings, or an error that kept it from being checked."""

    display: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    note: str | None = None
    fingerprints: tuple[str, ...] = ()
    source_lines: dict[int, str] | None = None
    detail: str | None = None  # traceback of an internal error, kept for --verbose
    failing: bool = False  # a finding at or above the fail level of the file's configuration
    rule_failed: bool = False  # a rule raised: the engine's internal-error finding is among the findings


def _config(config: Config | Mapping[str, Any] | None) -> Config:
    """Accept a :class:`Config`, a configuration table (validated), or ``None`` for defaults."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    return from_mapping(config)


def lint_text(text: str, config: Config | Mapping[str, Any] | None = None,
              path: str | None = None) -> list[Finding]:
    """Lint one cable given as text and return its findings, ordered by position.

    ``config`` is a :class:`checker.config.Config`, a mapping shaped like the
    ``[tool.cablelint]`` table (``{"ignore": ["DC"], "rules": {"PM001": "warning"}}``), or
    ``None`` for the defaults; nothing is read from disk.  ``path`` names the cable in the
    findings and is matched against ``per-file-ignores``.  Raises
    :class:`checker.config.ConfigError` for an invalid configuration.
    """
    from checker.parse import parse_cable

    resolved = _config(config)
    return check_cable(parse_cable(text), resolved.settings_for(path), path=path)


def lint_path(path: str | os.PathLike[str], config: Config | Mapping[str, Any] | None = None) -> list[Finding]:
    """Read, decode and lint one file; with ``config=None`` its configuration file is found
    as the command line finds it.  Raises :class:`checker.source.SourceError` when the file
    cannot be read and :class:`checker.config.ConfigError` for an invalid configuration.
    """
    name = os.fspath(path)
    resolved = Resolver().for_path(name) if config is None else _config(config)
    return lint_text(read_path(name).text, resolved, path=name)


# --------------------------------------------------------------------------- command-line runs

def check_target(target: Target, extras: Extras, source: Source | None = None) -> FileResult:
    """Check one input; never raises.  ``source`` is given for standard input, read up front."""
    if target.error is not None:
        return FileResult(target.display, error=target.error)
    try:
        if source is None:
            source = read_path(target.path)
        return _lint(target, source.text, source.note, extras)
    except SourceError as error:
        return FileResult(target.display, error=str(error))
    except Exception as error:  # noqa: BLE001 - one bad input must not end the run
        import traceback

        # the type only: an exception's text may quote the cable; --verbose shows it all
        return FileResult(target.display, error=internal_error_line(error),
                          detail=traceback.format_exc() if extras.verbose else None)


def internal_error_line(error: BaseException) -> str:
    """``internal error: KeyError (run with --verbose for details)``, never the exception's text."""
    return f"internal error: {type(error).__name__} (run with --verbose for details)"


def _lint(target: Target, text: str, note: str | None, extras: Extras) -> FileResult:
    """Parse and check ``text`` with the target's configuration, adding what the format needs."""
    from checker.parse import parse_cable  # lark: not before the command line's import_lark_lean

    details: list[str] = []
    on_internal_error = None
    if extras.verbose:
        def keep_traceback(rule: Any, error: Exception) -> None:
            import traceback

            details.append(f"rule {rule.code} ({rule.name}) failed:\n" + "".join(traceback.format_exception(error)))

        on_internal_error = keep_traceback

    cable = parse_cable(text)
    findings = check_cable(cable, target.config.settings_for(target.display), path=target.display,
                           on_internal_error=on_internal_error)
    rule_failed = any(f.code == INTERNAL_ERROR_CODE for f in findings)
    prints: tuple[str, ...] = ()
    if extras.fingerprints:
        from checker.formatters.sarif import fingerprints

        prints = fingerprints(cable, findings)
    lines = None
    if extras.source_lines and findings:
        all_lines = text.splitlines()
        lines = {n: all_lines[n - 1] for n in {f.span.line for f in findings} if 0 < n <= len(all_lines)}
    failing = any(f.severity >= target.config.fail_level for f in findings)
    return FileResult(target.display, tuple(findings), note=note, fingerprints=prints, source_lines=lines,
                      failing=failing, rule_failed=rule_failed, detail="\n".join(details) or None)


def _check_chunk(chunk: list[Target], extras: Extras) -> list[FileResult]:
    """Worker-side: check a few inputs (stdin never reaches a worker)."""
    return [check_target(target, extras) for target in chunk]


def check_targets(targets: Iterable[Target], extras: Extras, jobs: int = 1) -> Iterator[FileResult]:
    """Check every target, yielding results in input order; ``jobs > 1`` uses worker processes."""
    iterator = iter(targets)
    head = list(islice(iterator, POOL_THRESHOLD))
    if jobs <= 1 or len(head) < POOL_THRESHOLD:
        for target in head:
            yield _check_here(target, extras)
        for target in iterator:
            yield _check_here(target, extras)
        return
    yield from _check_in_pool(head, iterator, extras, jobs)


def _check_here(target: Target, extras: Extras) -> FileResult:
    """Check in this process, reading standard input if the target is ``-``."""
    if target.path == STDIN and target.error is None:
        try:
            source = read_stream(sys.stdin.buffer)
        except SourceError as error:
            return FileResult(target.display, error=str(error))
        return check_target(target, extras, source)
    return check_target(target, extras)


def _start_worker() -> None:
    """A worker inherits the parent's objects, which live as long as it does: freeze them so its
    collections skip them (and leave those pages shared with the parent), and collect even if the
    parent had paused its collector (the command line does, for its start-up)."""
    gc.freeze()
    gc.enable()


def _check_in_pool(head: list[Target], rest: Iterator[Target], extras: Extras, jobs: int) -> Iterator[FileResult]:
    """Chunks go to ``jobs`` processes; at most a few chunks per worker are in flight."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    pending: deque[Any] = deque()
    chained = chain(head, rest)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker) as pool:
        while True:
            while len(pending) < jobs * WINDOW_PER_WORKER:
                chunk = list(islice(chained, CHUNK))
                if not chunk:
                    break
                if any(t.path == STDIN for t in chunk):
                    pending.append([_check_here(t, extras) for t in chunk])
                else:
                    pending.append(pool.submit(_check_chunk, chunk, extras))
            if not pending:
                return
            done = pending.popleft()
            yield from done if isinstance(done, list) else done.result()


__all__ = ["Config", "ConfigError", "FileResult", "Extras", "lint_text", "lint_path", "check_targets"]
