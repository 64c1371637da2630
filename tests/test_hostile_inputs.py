"""Hostile and broken input: every input gives findings or one line naming the file and the
problem, with the documented exit code, and the other files on the command line are still checked.

Each case is run as ``cablelint check CASE failing.txt``: ``failing.txt`` (two findings, the
companion) always comes second, so every test also shows that the run went on after the case.
Inputs are generated in a temporary directory (nothing binary or big is committed).  Most
cases go through click's CliRunner, in process; the cases where a hang or a traceback would
show only in a real process (a FIFO, the whole matrix at once) run ``cablelint`` as a subprocess.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
FAILING_TEXT = (FIXTURES / "cli" / "failing.txt").read_text(encoding="utf-8")
CLEAN_TEXT = (FIXTURES / "cli" / "clean.txt").read_text(encoding="utf-8")
AS_OF = ["--isolated", "--as-of", "2026-11-27"]

#: What the companion failing.txt reports, always after the case's own lines.
COMPANION = [
    "failing.txt:9:1: BN003 [error] banner CONFIDENTIAL is below SECRET required by ¶1 (S) (banner-below-portion)",
    "failing.txt:21:1: PM001 [error] ¶2 has no portion marking (portion-marking-missing)",
]
#: The shape of every finding line of the text format.
FINDING = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): [A-Z]{2}\d{3} \[(error|warning|info)\] .+ \([a-z-]+\)$")



@dataclass
class Run:
    code: int
    out: list[str]
    err: list[str]


def check(*args: str, isolated: bool = True) -> Run:
    """``cablelint check [--isolated] --as-of … ARGS`` in process, one worker, split into lines."""
    options = AS_OF if isolated else AS_OF[1:]
    result = CliRunner().invoke(cli, ["check", "-j", "1", *options, *args], catch_exceptions=False)
    return Run(result.exit_code, result.stdout.splitlines(), result.stderr.splitlines())


@pytest.fixture(autouse=True)
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test runs in an empty temporary directory holding the companion failing.txt."""
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "failing.txt").write_text(FAILING_TEXT, encoding="utf-8")
    return tmp_path


def write(name: str, data: bytes | str) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return name


# --------------------------------------------------------------------------- refused inputs

def _sparse(size: int) -> Callable[[], str]:
    """A file of ``size`` bytes that takes no disk space (the 100 MB case)."""
    def make() -> str:
        with open("big.txt", "wb") as handle:
            handle.truncate(size)
        return "big.txt"
    return make


def _symlink(target: str, name: str) -> Callable[[], str]:
    def make() -> str:
        os.symlink(target, name)
        return name
    return make


def _loop() -> str:
    os.symlink("loop-b.txt", "loop-a.txt")
    os.symlink("loop-a.txt", "loop-b.txt")
    return "loop-a.txt"


def _directory_named_like_a_cable() -> str:
    os.mkdir("folder.txt")
    return "folder.txt/"


@pytest.mark.parametrize(
    ("make", "error"),
    [
        pytest.param(lambda: write("zip.txt", b"PK\x03\x04\x14\x00\x00\x00binary"),
                     "zip.txt: error: binary data (NUL bytes), not a text cable", id="nul-bytes"),
        pytest.param(lambda: write("noise.txt", bytes(range(1, 32)) * 40),
                     "noise.txt: error: binary data (control characters), not a text cable", id="control-bytes"),
        pytest.param(lambda: write("half.txt", codecs.BOM_UTF16_LE + b"A\x00B"),
                     "half.txt: error: invalid UTF-16 data after a UTF-16 byte-order mark", id="odd-utf16"),
        pytest.param(_sparse(100 * 1024 * 1024), "big.txt: error: larger than the 16 MiB limit", id="100-MB"),
        pytest.param(lambda: "missing.txt", "missing.txt: error: no such file or directory", id="missing"),
        pytest.param(_symlink("nowhere.txt", "dangling.txt"), "dangling.txt: error: dangling symbolic link",
                     id="dangling-symlink"),
        pytest.param(_loop, "loop-a.txt: error: too many levels of symbolic links", id="symlink-loop"),
    ],
)
def test_an_input_that_cannot_be_checked_is_one_line_and_exit_2_and_the_run_goes_on(
        make: Callable[[], str], error: str) -> None:
    run = check(make(), "failing.txt")
    assert run.code == 2
    assert run.err == [error]
    assert run.out == COMPANION + ["Found 2 findings (2 errors) in 1 of 1 file; 1 file could not be read."]


def test_a_100_mb_file_is_refused_after_reading_only_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The size limit holds without loading the whole file: reads stop one byte past 16 MiB."""
    import checker.source as source

    read: list[int] = []
    real = source.os.read

    def spy(fd: int, n: int) -> bytes:
        data = real(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(source.os, "read", spy)
    _sparse(100 * 1024 * 1024)()
    assert check("big.txt").err == ["big.txt: error: larger than the 16 MiB limit"]
    assert sum(read) == 16 * 1024 * 1024 + 1


# --------------------------------------------------------------------------- unreadable paths

def _deny(monkeypatch: pytest.MonkeyPatch, function: str, denied: str) -> None:
    """Make ``os.<function>`` fail with EACCES for one path, as for a user without permission.

    Root reads everything whatever the mode, so under root (these tests run as root in CI)
    the permission check is simulated at the system-call boundary instead of with chmod.
    """
    real = getattr(os, function)

    def guarded(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.path.basename(os.fspath(path).rstrip("/")) == denied:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, function, guarded)


def test_a_directory_without_read_permission_is_reported_and_the_run_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    write("locked/inside.txt", FAILING_TEXT)
    if os.geteuid() == 0:
        _deny(monkeypatch, "scandir", "locked")
    else:
        os.chmod("locked", 0)
    try:
        run = check("locked", "failing.txt")
    finally:
        os.chmod("locked", 0o755)
    assert run.code == 2
    assert run.err == ["locked: error: cannot list directory: permission denied"]
    assert run.out == COMPANION + ["Found 2 findings (2 errors) in 1 of 1 file; 1 file could not be read."]


def test_a_file_without_read_permission_is_reported_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    write("secret.txt", FAILING_TEXT)
    if os.geteuid() == 0:
        _deny(monkeypatch, "open", "secret.txt")
    else:
        os.chmod("secret.txt", 0)
    run = check("secret.txt", "failing.txt")
    assert run.code == 2
    assert run.err == ["secret.txt: error: permission denied"]
    assert run.out == COMPANION + ["Found 2 findings (2 errors) in 1 of 1 file; 1 file could not be read."]


@pytest.mark.skipif(os.geteuid() != 0, reason="the real-permission variant runs only as non-root (see above)")
def test_as_root_chmod_000_does_not_block_reading_so_the_file_is_checked() -> None:
    """Documents why the tests above simulate EACCES under root."""
    write("locked.txt", FAILING_TEXT)
    os.chmod("locked.txt", 0)
    assert check("locked.txt").code == 1


def test_a_directory_named_on_the_command_line_as_a_file_is_searched(workdir: Path) -> None:
    """``folder.txt/`` is a directory: it is searched (empty here), not opened as a cable."""
    run = check(_directory_named_like_a_cable(), "failing.txt")
    assert (run.code, run.err) == (1, [])
    assert run.out == COMPANION + ["Found 2 findings (2 errors) in 1 of 1 file."]


DEPTH = 1100


@pytest.fixture
def deep_tree(workdir: Path) -> Iterator[str]:
    """``deep/d/d/…/d/x.txt``, 1,100 levels (a 2,200-character path, under PATH_MAX): deeper
    than Python's recursion limit.  Made and removed level by level, since recursive tools
    (pytest's own clean-up with shutil.rmtree among them) fail on it."""
    os.mkdir("deep")
    os.chdir("deep")
    for _ in range(DEPTH):
        os.mkdir("d")
        os.chdir("d")
    shutil.copy(workdir / "failing.txt", "x.txt")
    path = os.getcwd()[len(str(workdir)) + 1:] + "/x.txt"
    os.chdir(workdir)
    yield path
    os.chdir(os.path.dirname(path))
    os.remove("x.txt")
    for _ in range(DEPTH):
        os.chdir("..")
        os.rmdir("d")
    os.chdir(workdir)
    os.rmdir("deep")


def test_a_very_deep_directory_tree_is_searched(deep_tree: str) -> None:
    run = check("deep", "failing.txt")
    assert run.code == 1
    assert run.err == []
    assert run.out == [line.replace("failing.txt", deep_tree) for line in COMPANION] + COMPANION + [
        "Found 4 findings (4 errors) in 2 of 2 files."]


def test_a_file_name_with_a_newline_cannot_inject_lines_into_the_output() -> None:
    """A name carrying a newline and a GitHub workflow command stays inside its own line:
    escaped in github annotations (a forged ``::warning`` would reach the pull request) and text."""
    name = write("evil\n::warning file=x.txt::forged.txt", FAILING_TEXT)
    github = check("--format", "github", name)
    assert github.code == 1
    assert len(github.out) == 2 and all(line.startswith("::error file=evil%0A%3A%3Awarning") for line in github.out)
    text = check(name)
    assert text.out[:2] == [line.replace("failing.txt", "evil\\x0a::warning file=x.txt::forged.txt")
                            for line in COMPANION]


# --------------------------------------------------------------------------- FIFOs: never hang

@pytest.fixture
def fifo(workdir: Path) -> str:
    os.mkfifo("pipe.txt")
    return "pipe.txt"


def test_a_fifo_named_on_the_command_line_is_refused_without_hanging(fifo: str) -> None:
    """Nobody writes to the FIFO: a blocking open would wait forever; the timeout only guards the suite."""
    result = subprocess.run([sys.executable, "-m", "checker", "check", *AS_OF, fifo, "failing.txt"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["pipe.txt: error: not a regular file"]
    assert result.stdout.splitlines() == COMPANION + [
        "Found 2 findings (2 errors) in 1 of 1 file; 1 file could not be read."]


def test_a_fifo_found_in_a_directory_is_refused_without_hanging(workdir: Path) -> None:
    os.mkdir("tree")
    os.mkfifo("tree/pipe.txt")
    shutil.copy("failing.txt", "tree/z.txt")
    result = subprocess.run([sys.executable, "-m", "checker", "check", *AS_OF, "tree"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["tree/pipe.txt: error: not a regular file"]
    assert result.stdout.splitlines() == [line.replace("failing.txt", "tree/z.txt") for line in COMPANION] + [
        "Found 2 findings (2 errors) in 1 of 1 file; 1 file could not be read."]


def test_a_fifo_as_gitignore_does_not_hang(workdir: Path) -> None:
    write("repo/.git/HEAD", "ref: refs/heads/main\n")
    os.mkfifo("repo/.gitignore")
    shutil.copy("failing.txt", "repo/failing.txt")
    try:
        result = subprocess.run([sys.executable, "-m", "checker", "check", *AS_OF, "repo"],
                                capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("cablelint check waited on a FIFO named .gitignore (killed after 10 s)")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [line.replace("failing.txt", "repo/failing.txt") for line in COMPANION] + [
        "Found 2 findings (2 errors) in 1 of 1 file."]


def test_a_fifo_as_configuration_file_is_skipped_without_hanging(workdir: Path) -> None:
    """Discovery only reads regular files: a FIFO named cablelint.toml is passed over."""
    os.mkdir("sub")
    os.mkfifo("sub/cablelint.toml")
    shutil.copy("failing.txt", "sub/failing.txt")
    result = subprocess.run([sys.executable, "-m", "checker", "check", "--as-of", "2026-11-27", "sub/failing.txt"],
                            capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [line.replace("failing.txt", "sub/failing.txt") for line in COMPANION] + [
        "Found 2 findings (2 errors) in 1 of 1 file."]


def test_standard_input_is_held_to_the_same_rules(workdir: Path) -> None:
    """Binary, oversized and UTF-16 data on standard input, as for files."""
    def stdin(data: bytes) -> Run:
        result = CliRunner().invoke(cli, ["check", *AS_OF, "--stdin-filename", "in.txt", "-"], input=data)
        return Run(result.exit_code, result.stdout.splitlines(), result.stderr.splitlines())

    assert stdin(b"PK\x03\x04\x00").err == ["in.txt: error: binary data (NUL bytes), not a text cable"]
    big = stdin(b"x" * (16 * 1024 * 1024 + 1))
    assert (big.code, big.err) == (2, ["in.txt: error: larger than the 16 MiB limit"])
    utf16 = stdin(FAILING_TEXT.encode("utf-16"))
    assert (utf16.code, utf16.err) == (1, [])
    assert utf16.out == [line.replace("failing.txt", "in.txt") for line in COMPANION] + [
        "Found 2 findings (2 errors) in 1 of 1 file."]


# --------------------------------------------------------------------------- encodings and line ends

def _failing_as(transform: Callable[[str], bytes]) -> Callable[[], str]:
    return lambda: write("variant.txt", transform(FAILING_TEXT))


@pytest.mark.parametrize(
    ("make", "note"),
    [
        pytest.param(_failing_as(lambda t: codecs.BOM_UTF8 + t.encode("utf-8")), None, id="utf8-bom"),
        pytest.param(_failing_as(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")), None, id="utf16le-bom"),
        pytest.param(_failing_as(lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")), None, id="utf16be-bom"),
        pytest.param(_failing_as(lambda t: t.replace("\n", "\r\n").encode()), None, id="crlf"),
        pytest.param(_failing_as(lambda t: t.replace("\n", "\r").encode()), None, id="lone-cr"),
        pytest.param(_failing_as(lambda t: t.replace(". (", ".\t(").replace("\n\n", "\n\t\n").encode()), None,
                     id="tabs"),
        pytest.param(_failing_as(lambda t: t.replace("\n", " \t \n").encode()), None, id="trailing-spaces"),
        pytest.param(_failing_as(lambda t: t.rstrip("\n").encode()), None, id="no-final-newline"),
        pytest.param(_failing_as(lambda t: t.replace("Synthetic", "\u201cSynthetic\u2019s\u201d").encode("cp1252")),
                     "variant.txt: note: not valid UTF-8, decoded as cp1252", id="cp1252-smart-quotes"),
        pytest.param(_failing_as(lambda t: t.replace("Synthetic", "Synth\u00e9tic \x81").encode("latin-1")),
                     "variant.txt: note: not valid UTF-8, decoded as latin-1", id="latin1"),
        pytest.param(_failing_as(lambda t: t.replace("Synthetic", "Synth\xff\xfetic").encode("latin-1")),
                     "variant.txt: note: not valid UTF-8, decoded as cp1252", id="invalid-utf8"),
        pytest.param(_failing_as(lambda t: codecs.BOM_UTF8 + t.replace("Synthetic", "S\udcffx").encode(
            "utf-8", "surrogateescape")),
                     "variant.txt: note: invalid UTF-8 after a UTF-8 byte-order mark, replaced", id="bom-then-bad-utf8"),
    ],
)
def test_encodings_and_line_ends_give_the_same_findings_at_the_same_positions(
        make: Callable[[], str], note: str | None) -> None:
    run = check(make(), "failing.txt")
    assert run.code == 1
    assert run.out == [line.replace("failing.txt", "variant.txt") for line in COMPANION] + COMPANION + [
        "Found 4 findings (4 errors) in 2 of 2 files."]
    assert run.err == ([note] if note else [])


# --------------------------------------------------------------------------- odd and broken cables

def _cut_after(marker: str, extra: int = 0, append: str = "") -> Callable[[], str]:
    """The clean cable cut just after ``marker`` (+ ``extra`` characters), then ``append``."""
    return lambda: write("cut.txt", CLEAN_TEXT[:CLEAN_TEXT.index(marker) + len(marker) + extra] + append)


def _paragraphs(count: int, unmarked: int) -> str:
    """The clean cable with ``count`` paragraphs, every one marked except number ``unmarked``."""
    head = CLEAN_TEXT[:CLEAN_TEXT.index("1. (U)")]
    body = [f"{n}. {'' if n == unmarked else '(C) '}Paragraph {n}." for n in range(1, count + 1)]
    return head + "\n\n".join(body) + "\n"


@pytest.mark.parametrize(
    ("make", "own", "code"),
    [
        pytest.param(lambda: write("empty.txt", b""), [
            "empty.txt:1:1: BN001 [error] no classification line (banner-missing)",
            "empty.txt:1:1: SY001 [error] empty text: no cable to parse (parse-error)"], 1, id="empty"),
        pytest.param(lambda: write("blank.txt", " \n\t\n\r\n   "), [
            "blank.txt:1:1: BN001 [error] no classification line (banner-missing)",
            "blank.txt:1:1: SY001 [error] empty text: no cable to parse (parse-error)"], 1, id="whitespace-only"),
        pytest.param(_cut_after("ZNY C"), ["cut.txt:4:1: BN001 [error] no classification line (banner-missing)"],
                     1, id="cut-mid-header"),
        pytest.param(_cut_after("2. (C) Synthetic"), [], 1, id="cut-mid-paragraph"),
        pytest.param(_cut_after("2. ", append="(S//"),
                     ["cut.txt:21:1: PM001 [error] ¶2 has no portion marking (portion-marking-missing)"], 1,
                     id="cut-mid-marking"),
        pytest.param(_cut_after("IMMEDIATE 0000\n\n"),
                     ["cut.txt:8:1: BN001 [error] no classification line (banner-missing)"], 1,
                     id="header-only-with-blank-line"),
        pytest.param(_cut_after("IMMEDIATE 0000\n"),
                     ["cut.txt:7:1: BN001 [error] no classification line (banner-missing)"], 1,
                     id="header-only"),
        pytest.param(lambda: write("many.txt", _paragraphs(500, unmarked=250)),
                     ["many.txt:517:1: PM001 [error] ¶250 has no portion marking (portion-marking-missing)"], 1,
                     id="500-paragraphs"),
        pytest.param(lambda: write("wide.txt", CLEAN_TEXT + "\n3. (U) " + "word " * (1024 * 1024) + "\n"), [], 1,
                     id="5-MB-paragraph-line"),
        pytest.param(lambda: write("path with spaces/caf\u00e9 \u00b6 \u6587.txt", FAILING_TEXT), [
            "path with spaces/caf\u00e9 \u00b6 \u6587.txt:9:1: BN003 [error] banner CONFIDENTIAL is below SECRET "
            "required by ¶1 (S) (banner-below-portion)",
            "path with spaces/caf\u00e9 \u00b6 \u6587.txt:21:1: PM001 [error] ¶2 has no portion marking "
            "(portion-marking-missing)"], 1, id="spaces-and-non-ascii-path"),
    ],
)
def test_odd_cables_give_exact_findings_and_the_run_goes_on(make: Callable[[], str], own: list[str], code: int) -> None:
    run = check(make(), "failing.txt")
    assert run.code == code
    assert run.err == []
    count = len(own) + 2
    assert run.out == own + COMPANION + [
        f"Found {count} findings ({count} errors) in {2 if own else 1} of 2 files."]


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: write("README.md", "# cablelint\n\nRun `cablelint check`.\n\n- (U) a list item\n"),
                     id="readme"),
        pytest.param(lambda: write("data.csv", "id,level,text\n1,S,\"(S//NF) x\"\n2,C,y\n"), id="csv"),
        pytest.param(lambda: write("tool.py", "import os\n\n\ndef f(x):\n    return (x // 2)  # (S//\n"),
                     id="source-code"),
        pytest.param(lambda: write("line.txt", "x" * (5 * 1024 * 1024) + "\n"), id="single-5-MB-line"),
    ],
)
def test_a_file_that_is_not_a_cable_gets_plain_findings_not_an_internal_error(make: Callable[[], str]) -> None:
    """Not a cable: no banner (BN001), perhaps parse errors, never an internal error."""
    name = make()
    run = check(name, "failing.txt")
    assert run.code == 1
    assert run.err == []
    own = run.out[:-3]
    assert [line.split(":", 3)[3] for line in own if "BN001" in line] == [
        " BN001 [error] no classification line (banner-missing)"]
    assert all(FINDING.match(line) and line.startswith(f"{name}:") for line in own), own
    assert not any("internal" in line for line in run.out)
    assert run.out[-3:] == COMPANION + [f"Found {len(own) + 2} findings ({len(own) + 2} errors) in 2 of 2 files."]


# --------------------------------------------------------------------------- configuration files

@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param('select = "PM001"\n', "select: 'PM001' is not of type 'array'", id="wrong-type"),
        pytest.param("fail-level = 3\n", "fail-level: 3 is not allowed (allowed: error, warning, info)",
                     id="wrong-type-number"),
        pytest.param("colour = true\n", "colour: unknown key (allowed: as-of, exclude, extend-select, fail-level, "
                     "ignore, include, per-file-ignores, rules, select)", id="unknown-key"),
        pytest.param("[rules.PM001.x.y.z]\nq = 1\n", "rules.PM001.x: unknown key (allowed: severity)",
                     id="nested-rule-table"),
        pytest.param("[" + ".".join(["t"] * 3000) + "]\nx = 1\n", "t: unknown key (allowed: as-of, exclude, "
                     "extend-select, fail-level, ignore, include, per-file-ignores, rules, select)",
                     id="3000-nested-tables"),
        pytest.param("a = " + "[" * 5000 + "]" * 5000 + "\n", "invalid TOML: nested too deeply", id="nested-arrays"),
        pytest.param("a = " + "{b = " * 2000 + "1" + "}" * 2000 + "\n", "invalid TOML: nested too deeply",
                     id="nested-inline-tables"),
        pytest.param("# " + "x" * (2 * 1024 * 1024) + "\n", "configuration file larger than 1024 KiB", id="huge"),
        pytest.param("select = [\n", "invalid TOML: Invalid value (at end of document)", id="invalid-toml"),
        pytest.param(b'select = ["\xff"]\n', "configuration is not valid UTF-8", id="not-utf8"),
        pytest.param(b"\x00\x01\x02", "invalid TOML: Invalid statement (at line 1, column 1)", id="binary"),
    ],
)
def test_a_hostile_config_file_is_one_line_naming_file_and_key_and_exit_2(content: str | bytes, message: str) -> None:
    """``--config`` applies to every input, so a bad one ends the run before any output."""
    write("bad.toml", content)
    result = CliRunner().invoke(cli, ["check", "--as-of", "2026-11-27", "--config", "bad.toml", "failing.txt"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"cablelint: error: bad.toml: {message}"]


def test_a_hostile_config_deep_in_a_tree_fails_its_directory_and_the_rest_is_checked(workdir: Path) -> None:
    write("tree/a/cablelint.toml", "[" + ".".join(["t"] * 3000) + "]\n")
    write("tree/a/x.txt", FAILING_TEXT)
    write("tree/b.txt", FAILING_TEXT)
    run = check("tree", "failing.txt", isolated=False)
    assert run.code == 2
    assert run.err == [f"tree/a: error: {workdir}/tree/a/cablelint.toml: t: unknown key (allowed: as-of, exclude, "
                       "extend-select, fail-level, ignore, include, per-file-ignores, rules, select)"]
    assert run.out == [line.replace("failing.txt", "tree/b.txt") for line in COMPANION] + COMPANION + [
        "Found 4 findings (4 errors) in 2 of 2 files; 1 file could not be read."]


def test_a_hostile_config_for_one_named_file_fails_that_file_and_the_rest_is_checked(workdir: Path) -> None:
    write("sub/cablelint.toml", "colour = 1\n")
    write("sub/a.txt", FAILING_TEXT)
    run = check("sub/a.txt", "failing.txt", isolated=False)
    assert run.code == 2
    assert run.err == [f"sub/a.txt: error: {workdir}/sub/cablelint.toml: colour: unknown key (allowed: as-of, "
                       "exclude, extend-select, fail-level, ignore, include, per-file-ignores, rules, select)"]
    assert run.out == COMPANION + ["Found 2 findings (2 errors) in 1 of 1 file; 1 file could not be read."]


def test_a_hostile_gitignore_pattern_does_not_hang_the_search(workdir: Path) -> None:
    """``*a*a…*b`` against a long name backtracks exponentially in a naive glob-to-regex."""
    write("repo/.git/HEAD", "ref: refs/heads/main\n")
    write("repo/.gitignore", "*a" * 12 + "*b\n")
    write("repo/" + "a" * 200 + ".txt", FAILING_TEXT)
    try:
        result = subprocess.run([sys.executable, "-m", "checker", "check", *AS_OF, "-q", "repo"],
                                capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("cablelint check did not finish within 20 s on a 1-file repository")
    assert result.returncode == 1


def test_a_megabyte_of_blanks_before_a_word_does_not_hang(workdir: Path) -> None:
    """Three files, each one 1 MB line: linear work takes seconds; backtracking regexes take
    hours.  The generous timeout only tells a hang from a result; speed is bench/linear_growth.py's."""
    lines = {"blanks-c.txt": " " * 1_000_000 + "C", "blanks-1a.txt": " " * 1_000_000 + "1.a",
             "tab-quote-c.txt": "\t'" * 500_000 + "C"}
    for name, line in lines.items():
        write(name, line + "\n")
    try:
        result = subprocess.run([sys.executable, "-m", "checker", "check", *AS_OF, "-j", "1", *lines],
                                capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("cablelint check did not finish within 120 s on three 1 MB lines")
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines() if "BN001" in line] == list(lines)


# --------------------------------------------------------------------------- the whole matrix at once

def test_no_traceback_reaches_the_user_for_the_whole_matrix_in_one_real_run(workdir: Path) -> None:
    """Every hostile input on one command line, in a real process with the default worker pool:
    stderr holds only one-line errors and notes, and every readable cable is reported."""
    write("empty.txt", b"")
    write("zip.txt", b"PK\x03\x04\x00\x00")
    write("cp.txt", FAILING_TEXT.replace("Synthetic", "\u201cSynthetic\u201d").encode("cp1252"))
    write("u16.txt", FAILING_TEXT.encode("utf-16"))
    write("README.md", "# not a cable\n")
    _symlink("nowhere.txt", "dangling.txt")()
    _loop()
    os.mkfifo("pipe.txt")
    _sparse(20 * 1024 * 1024)()
    args = ["empty.txt", "zip.txt", "cp.txt", "u16.txt", "README.md", "dangling.txt", "loop-a.txt", "pipe.txt",
            "big.txt", "missing.txt", "failing.txt"]
    result = subprocess.run([sys.executable, "-m", "checker", "check", *AS_OF, *args],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.splitlines() == [
        "zip.txt: error: binary data (NUL bytes), not a text cable",
        "cp.txt: note: not valid UTF-8, decoded as cp1252",
        "dangling.txt: error: dangling symbolic link",
        "loop-a.txt: error: too many levels of symbolic links",
        "pipe.txt: error: not a regular file",
        "big.txt: error: larger than the 16 MiB limit",
        "missing.txt: error: no such file or directory",
    ]
    reported = {FINDING.match(line)["path"] for line in result.stdout.splitlines()[:-1]}
    assert reported == {"empty.txt", "cp.txt", "u16.txt", "README.md", "failing.txt"}
    assert result.stdout.splitlines()[-1].endswith("in 5 of 5 files; 6 files could not be read.")


@pytest.mark.skipif(not os.path.exists("/proc/self/syscall"), reason="needs Linux /proc/PID/syscall to see the read")
def test_ctrl_c_while_waiting_for_standard_input_is_one_line_and_exit_2() -> None:
    """Ctrl-C (SIGINT to the process group) once cablelint blocks reading standard input."""
    import signal
    import time

    process = subprocess.Popen([sys.executable, "-m", "checker", "check", *AS_OF, "-"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        for _ in range(1200):  # until it sits in read(0, ...): syscall 0 on fd 0 (x86-64 numbering)
            if Path(f"/proc/{process.pid}/syscall").read_text().startswith("0 0x0 "):
                break
            time.sleep(0.05)
        else:
            pytest.skip("never saw cablelint block on read(0) (not x86-64?)")
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 2
    assert "Traceback" not in err
    assert err.strip() == "cablelint: interrupted"

