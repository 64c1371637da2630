"""``checker.regex_code``: a stored program must build exactly the pattern ``re`` compiles.

The command line installs the stored programs for its start-up only; every stored pattern is
built both ways here and compared (``re.Pattern`` equality compares the pattern text, the
flags and the engine's program), and a fresh interpreter shows the file covers what a check
compiles at start-up.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker import regex_code

SEED = Path(__file__).parent / "fixtures" / "08STATE126440.txt"
_shipped = regex_code.read()
needs_file = pytest.mark.skipif(_shipped is None, reason="the file is for another Python release")


@needs_file
def test_every_stored_program_builds_the_pattern_re_compiles():
    import _sre

    assert len(_shipped) > 100  # ours, click's, Lark's: not an empty comparison
    for (pattern, flags), (final, code, groups, names, numbers) in _shipped.items():
        built = _sre.compile(pattern, final, code, groups, dict(names), numbers)
        compiled = regex_code._compile(pattern, flags)  # re's compiler itself, not its cache
        assert (built, built.groups, built.groupindex) == (compiled, compiled.groups, compiled.groupindex), pattern


@needs_file
def test_the_shipped_file_is_current():
    # stale means a pattern changed since the file was written; regenerate with:
    #   python -m checker.regex_code
    script = ("import sys\nfrom checker import regex_code\n"
              "sys.stdout.write(repr(sorted(map(repr, regex_code.recorded_programs()))))")
    current = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert repr(sorted(map(repr, _shipped))) == current, (
        "checker/data/regex_code.bin is stale: run python -m checker.regex_code")


_MISSES = """
import sys
from checker import regex_code
compiled = []
compile_as_re_does = regex_code._compile
def compile_and_tell(pattern, flags=0):
    compiled.append(repr(pattern)[:60])
    return compile_as_re_does(pattern, flags)
regex_code._compile = compile_and_tell
from checker.start_up import main
try:
    main()
except SystemExit:
    print(compiled, file=sys.stderr)
"""


@needs_file
def test_a_check_compiles_no_pattern_at_start_up():
    proc = subprocess.run([sys.executable, "-c", _MISSES, "check", "--format", "json", str(SEED)],
                          capture_output=True, text=True)
    assert '"PM003"' in proc.stdout
    assert proc.stderr.splitlines()[-1] == "[]"


def test_installed_patterns_are_built_from_the_file_and_uninstall_gives_re_its_compiler_back():
    pattern = r"(?P<word>[A-Z]+)-(\d+)"  # not in the file
    recorded = {(pattern, 0): regex_code.program(pattern, 0)}
    regex_code._programs.update(recorded)
    try:
        re.purge()
        regex_code._compiler.compile = regex_code._precompiled
        built = re.compile(pattern)
        assert built.match("NOFORN-12").group("word", 2) == ("NOFORN", "12")
        assert built == regex_code._compile(pattern, 0)
    finally:
        regex_code.uninstall()
        re.purge()
    assert regex_code._compiler.compile is regex_code._compile
    assert regex_code._programs == {}


def test_a_file_for_another_python_or_a_damaged_one_is_not_used(tmp_path, monkeypatch):
    path = tmp_path / "regex_code.bin"
    for content in (b"\0\0\0\0 1 4\n", regex_code.HEADER + b"\xff garbage", b""):
        path.write_bytes(content)
        monkeypatch.setattr(regex_code, "PATH", path)
        regex_code.install()
        assert regex_code._compiler.compile is regex_code._compile
    monkeypatch.setattr(regex_code, "PATH", tmp_path / "missing.bin")
    regex_code.install()
    assert regex_code._compiler.compile is regex_code._compile
