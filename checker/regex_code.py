"""The regular expressions a check compiles at start-up, compiled ahead of time.

``re.compile`` parses a pattern and turns it into the regex engine's program in pure Python:
for the ~240 patterns a one-cable check compiles before it reads the cable (ours, and those
of click, Lark and the standard modules they import) about 25 ms of the 120 ms that
``cablelint check`` may take.  The program depends only on the pattern text, its flags and
the Python release, so the command line (and only it) calls :func:`install` at start-up:
``re`` then builds each pattern found in ``checker/data/regex_code.bin`` straight from its
stored program, and :func:`uninstall` gives ``re`` its compiler back once start-up is over.

The file maps ``(pattern, flags)`` to the arguments ``re``'s compiler hands the regex engine
(``_sre.compile``) for it; the engine checks a program before it accepts one.  A pattern not
in the file (changed since the file was written, or new in another release of click or
Lark) is compiled as before, so a stale file costs time, never correctness; and the whole
file is ignored unless its header names this Python's bytecode and regex engine versions.  It
is our own package data, as trusted as our ``.pyc`` files.  A test builds every stored
pattern both ways and compares them.  Rewrite the file after changing a pattern (a test
fails until you do)::

    python -m checker.regex_code
"""

from __future__ import annotations

import _sre
import marshal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

from checker.dataclass_code import read_marshalled

try:  # the modules re compiles with: Python 3.11 and later
    from re import _compiler, _parser
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

PATH = Path(__file__).with_name("data") / "regex_code.bin"
# whose programs the file holds: this bytecode version, this regex engine and its code unit
HEADER = MAGIC_NUMBER + b"%d %d\n" % (_sre.MAGIC, _sre.CODESIZE)

Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str | bytes, int]  # a pattern's text and flags

_compile: Callable[..., Any] = _compiler.compile  # re's own compiler
_programs: dict[Key, Program] = {}


def program(pattern: str | bytes, flags: int) -> Program:
    """What ``re``'s compiler hands ``_sre.compile`` for ``pattern``: final flags, program,
    number of groups, group names to numbers and numbers to names (as ``_compiler.compile``
    computes them)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    names = parsed.state.groupdict
    numbers: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        numbers[number] = name
    return int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, dict(names), tuple(numbers)


def _precompiled(pattern: Any, flags: int = 0) -> Any:
    """``_compiler.compile`` for ``re`` while installed: a stored pattern is built from its program."""
    if isinstance(pattern, (str, bytes)):
        stored = _programs.get((pattern, int(flags)))
        if stored is not None:
            final, code, groups, names, numbers = stored
            return _sre.compile(pattern, final, code, groups, dict(names), numbers)
    return _compile(pattern, flags)


def read() -> dict[Key, Program] | None:
    """The programs stored in the file, or None when it is missing, damaged or for another
    Python or regex engine."""
    return read_marshalled(PATH, HEADER)


def install() -> None:
    """Let ``re`` build the stored patterns from their programs, if the file is for this Python."""
    programs = read()
    if programs:
        _programs.update(programs)
        _compiler.compile = _precompiled


def uninstall() -> None:
    """Give ``re`` its compiler back and drop the stored programs."""
    if _compiler.compile is _precompiled:
        _compiler.compile = _compile
    _programs.clear()


@contextmanager
def recording() -> Iterator[dict[Key, Program]]:
    """Record the program of every pattern ``re`` compiles inside the block."""
    seen: dict[Key, Program] = {}

    def record(pattern: Any, flags: int = 0) -> Any:
        compiled = _compile(pattern, flags)
        if isinstance(pattern, (str, bytes)):
            seen[(pattern, int(flags))] = program(pattern, int(flags))
        return compiled

    _compiler.compile = record
    try:
        yield seen
    finally:
        _compiler.compile = _compile


# A small cable that takes a check through the header, front matter and body: the patterns
# compiled on first use by the lexer, the field readers and the rules are recorded with it.
_SAMPLE = """\
VZCZC0001
PP RUEHC
DE RUEHC #0001 3361943
ZNY CCCCC ZZH
P 011943Z DEC 08
FM SECSTATE WASHDC
TO ALL DIPLOMATIC AND CONSULAR POSTS PRIORITY
BT
C O N F I D E N T I A L STATE 000001

SIPDIS

E.O. 12958: DECL: 11/24/2018
TAGS: PREL, PGOV
SUBJECT: (U) A SAMPLE

REF: STATE 000002

Classified By: A. Name, Director. Reasons: 1.4 (b) and (d).

1. (C) A paragraph.
2. (U) Another.
RICE
"""


def recorded_programs() -> dict[Key, Program]:
    """Every pattern a check compiles at start-up, with its program, recorded in this process:
    importing the command line and every module of the package, then checking a sample cable.
    Run it in a fresh process: a pattern compiled before is not recorded (``re`` caches)."""
    with recording() as seen:
        from checker.parse import import_lark_lean
        from checker.start_up import import_every_module

        import_lark_lean()  # as the command line imports Lark
        import_every_module()
        from checker.api import lint_text

        lint_text(_SAMPLE)
    return seen


def file_bytes(programs: dict[Key, Program]) -> bytes:
    """The content of the file: the header, then the marshalled mapping."""
    ordered = sorted(programs.items(), key=lambda item: (isinstance(item[0][0], bytes), item[0]))
    return HEADER + marshal.dumps(dict(ordered))


def main() -> int:
    PATH.write_bytes(file_bytes(recorded_programs()))
    print(f"wrote {PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
