"""From command-line paths to the files to check, lazily and in a stable order.

Files named on the command line are always checked (``--force-exclude`` lets ``exclude``
apply to them too, which pre-commit needs); directories are searched recursively, in sorted
order, for files matching ``include`` and not matching ``exclude``, skipping version-control
and virtual-environment directories and whatever ``.gitignore`` ignores inside a Git
repository.  Symbolic links to directories are not followed, so a link loop cannot trap the
search.  Problems (a missing path, an unreadable directory) become targets carrying an error,
so the run reports them and goes on.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import stat
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from checker.dataclass_code import frozen_dataclass
from checker.source import SourceError, read_path

#: Directory names never searched (they can still be named explicitly).
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
                          ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".hypothesis"})

#: Largest ``.gitignore`` read; a bigger one is ignored rather than slowing every run.
_IGNORE_FILE_BYTES = 1024 * 1024

#: The path that stands for standard input.
STDIN = "-"


@frozen_dataclass
class Target:
    """One input to check: where to read it, how to name it, and its configuration."""

    path: str  # what to open, or STDIN
    display: str  # how findings name it
    config: Any  # checker.config.Config; typed loosely to keep this module import-light
    error: str | None = None  # set when the input was unusable before it was even read


def path_matches(pattern: str, rel: str) -> bool:
    """Whether a user glob matches a ``/``-separated relative path.

    A pattern without ``/`` matches the last component (``*.txt``, ``drafts``); one with ``/``
    matches the whole path, ``*`` crossing directories, and a leading ``**/`` may match none.
    """
    if "/" not in pattern.rstrip("/"):
        return fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], pattern.rstrip("/"))
    pattern = pattern.strip("/")
    return fnmatch.fnmatchcase(rel, pattern) or (
        pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:]))


def iter_targets(paths: Iterable[str], config_for: Callable[[str], Any],
                 stdin_filename: str | None = None, force_exclude: bool = False) -> Iterator[Target]:
    """Yield a target per file to check, in command-line order then sorted directory order.

    ``config_for(path)`` returns the configuration for a file or directory, or a one-line
    error (a string) when that configuration is invalid: the file, or the whole directory,
    then becomes one error target and the run goes on with the rest.  It is asked once per
    directory, for named files as for searched ones (pre-commit names every changed file).
    """
    named_in: dict[str, Any] = {}  # directory of a named file -> its configuration
    for path in paths:
        if path == STDIN:
            name = stdin_filename or STDIN
            config = config_for(stdin_filename or ".")
            yield Target(STDIN, name, None, config) if isinstance(config, str) else Target(STDIN, name, config)
            continue
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            yield Target(path, path, None, _missing_reason(path, error))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, config_for, GitIgnore.for_directory(path))
            continue
        directory = os.path.dirname(path)
        config = named_in.get(directory)
        if config is None:
            config = named_in[directory] = config_for(path)
        if isinstance(config, str):
            yield Target(path, path, None, config)
        elif not (force_exclude and config.is_excluded(path)):
            yield Target(path, path, config)


def _missing_reason(path: str, error: OSError) -> str:
    """A one-line reason for a command-line path that cannot even be looked at."""
    if isinstance(error, FileNotFoundError):
        return "dangling symbolic link" if os.path.islink(path) else "no such file or directory"
    return (error.strerror or type(error).__name__).lower()


def _walk(top: str, config_for: Callable[[str], Any], ignore: "GitIgnore") -> Iterator[Target]:
    """Search a directory tree depth-first in sorted order, with an explicit stack.

    No recursion: a tree deeper than Python's recursion limit (a hostile repository can hold
    one) is searched like any other.
    """
    stack = [_listing(top, config_for, ignore)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, Target):
            yield item
        else:
            path, inner = item
            stack.append(_listing(path, config_for, inner))


def _listing(directory: str, config_for: Callable[[str], Any],
             ignore: "GitIgnore") -> Iterator["Target | tuple[str, GitIgnore]"]:
    """One directory in sorted order: its files as targets, its subdirectories as
    ``(path, ignore)`` for :func:`_walk` to enter; see the module docstring for what is skipped."""
    try:
        with os.scandir(directory) as scan:
            # names only (and the few subdirectories apart): DirEntry objects are several times
            # larger, and a flat directory of 100,000 cables must cost little more than one of ten
            names, subdirs = [], set()
            for entry in scan:
                names.append(entry.name)
                if _is_dir(entry):
                    subdirs.add(entry.name)
            names.sort()
    except OSError as error:
        yield Target(directory, directory, None, f"cannot list directory: {(error.strerror or '').lower()}")
        return
    ignore = ignore.entering(directory)
    config = config_for(directory)
    if isinstance(config, str):
        yield Target(directory, directory, None, config)
        return
    here = config.relative(directory)
    for name in names:
        path = name if directory == os.curdir else os.path.join(directory, name)  # `check .` shows a.txt
        relative = config.child_relative(here, name) or config.relative(path)
        if name in subdirs:
            if name in SKIPPED_DIRS or ignore.ignores(path, True) or config.excludes(relative):
                continue
            yield path, ignore
        elif not ignore.ignores(path, False) and config.includes(relative) and not config.excludes(relative):
            yield Target(path, path, config)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """A real directory (a symbolic link to one is not followed, so a loop cannot trap us)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


# --------------------------------------------------------------------------- .gitignore

@dataclass(frozen=True, slots=True)
class _IgnoreRule:
    base: str  # absolute directory of the .gitignore the rule came from
    segments: tuple[str, ...]  # the pattern split at "/", each an fnmatch glob or "**"
    negated: bool
    dir_only: bool
    anchored: bool  # matched against the path from ``base``, not just the name

    def matches(self, rel: str) -> bool:
        """Whether the rule matches a ``/``-separated path relative to ``base``."""
        if not self.anchored:
            return fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], self.segments[0])
        return _match_segments(self.segments, tuple(rel.split("/")))


def _match_segments(patterns: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Segment-wise glob match; ``**`` spans any number of segments (at the end, at least one).

    Each segment is matched by ``fnmatch``, which runs in linear time whatever the pattern
    (``*a*a*a*b``), so a hostile ``.gitignore`` cannot make the search backtrack for ever;
    ``**`` segments are few, and the memo keeps their combinations polynomial.
    """
    if "**" not in patterns:  # the common case: one glob per segment
        return len(patterns) == len(parts) and all(map(fnmatch.fnmatchcase, parts, patterns))

    @functools.cache
    def match(i: int, j: int) -> bool:
        if i == len(patterns):
            return j == len(parts)
        if patterns[i] == "**":
            first = j + 1 if i == len(patterns) - 1 else j
            return any(match(i + 1, k) for k in range(first, len(parts) + 1))
        return j < len(parts) and fnmatch.fnmatchcase(parts[j], patterns[i]) and match(i + 1, j + 1)

    return match(0, 0)


class GitIgnore:
    """The ``.gitignore`` rules in force in one directory of a Git repository.

    Rules are read from the repository root down to the searched directory, then from each
    directory entered; the last matching rule wins, as in Git.  Outside a repository it
    ignores nothing.
    """

    def __init__(self, rules: tuple[_IgnoreRule, ...], active: bool, loaded: frozenset[str]) -> None:
        self._rules = rules
        self._active = active
        self._loaded = loaded

    @classmethod
    def for_directory(cls, directory: str) -> "GitIgnore":
        """Rules of every ``.gitignore`` from the repository root down to ``directory``."""
        start = os.path.abspath(directory)
        chain = [start]
        while not os.path.exists(os.path.join(chain[-1], ".git")):
            parent = os.path.dirname(chain[-1])
            if parent == chain[-1]:
                return cls((), False, frozenset())
            chain.append(parent)
        root = chain[-1]
        rules = _read_rules(os.path.join(root, ".git", "info", "exclude"), root)
        ignore = cls(rules, True, frozenset())
        for folder in reversed(chain):
            ignore = ignore.entering(folder)
        return ignore

    def entering(self, directory: str) -> "GitIgnore":
        """These rules plus those of ``directory/.gitignore`` (read once per directory)."""
        folder = os.path.abspath(directory)
        if not self._active or folder in self._loaded:
            return self
        extra = _read_rules(os.path.join(folder, ".gitignore"), folder)
        return GitIgnore(self._rules + extra, True, self._loaded | {folder})

    def ignores(self, path: str, is_dir: bool) -> bool:
        """Whether Git would ignore ``path``."""
        if not self._rules:
            return False
        full = os.path.abspath(path)
        ignored = False
        for rule in self._rules:
            if rule.dir_only and not is_dir:
                continue
            prefix = rule.base.rstrip(os.sep) + os.sep  # rules only apply below their own directory
            if full.startswith(prefix) and rule.matches(full[len(prefix):].replace(os.sep, "/")):
                ignored = not rule.negated
        return ignored


def _read_rules(path: str, base: str) -> tuple[_IgnoreRule, ...]:
    """Parse one ignore file; a missing or unreadable one contributes nothing."""
    try:  # non-blocking and size-limited: a FIFO or a huge file named .gitignore cannot stall us
        lines = read_path(path, limit=_IGNORE_FILE_BYTES).text.splitlines()
    except SourceError:
        return ()
    rules = []
    for line in lines:
        rule = _parse_rule(line, base)
        if rule is not None:
            rules.append(rule)
    return tuple(rules)


def _parse_rule(line: str, base: str) -> _IgnoreRule | None:
    """One ``.gitignore`` line -> a rule, following gitignore(5)."""
    if not line.strip() or line.startswith("#"):
        return None
    if not line.endswith("\\ "):
        line = line.rstrip(" ")
    negated = line.startswith("!")
    if negated or line.startswith("\\!") or line.startswith("\\#"):
        line = line[1:]
    dir_only = line.endswith("/")
    line = line.rstrip("/")
    anchored = "/" in line
    line = line.lstrip("/")
    if not line:
        return None
    segments = tuple(_glob_segment(part) for part in line.split("/"))
    return _IgnoreRule(base, segments, negated, dir_only, anchored)


def _glob_segment(part: str) -> str:
    """A gitignore path segment as an fnmatch glob: an escaped ``\\*`` becomes ``[*]``."""
    out, i = [], 0
    while i < len(part):
        if part[i] == "\\" and i + 1 < len(part):
            char = part[i + 1]
            out.append(f"[{char}]" if char in "*?[" else char)
            i += 2
        else:
            out.append(part[i])
            i += 1
    return "".join(out)
