"""cablelint leaks nothing and changes nothing: no cable text in machine output or error
messages, inputs opened read-only, nothing written but the ``-o`` file, no network.

Cable text is made recognisable by *planting*: every prose word of the subject and of the
paragraphs gets the prefix ``qzqz``, so any output containing ``qzqz`` quotes the cable.
Marking tokens (upper case, or inside parentheses) are left alone: a message may name the
marking at fault.  The planted cables are the seed, the synthetic fixtures, and random
damaged versions of them (``fuzz/mutations.py``), so messages for broken cables are covered too.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from checker.cli import cli
from test_fuzz_properties import mutations

FIXTURES = Path(__file__).parent / "fixtures"
CABLES = [FIXTURES / "08STATE126440.txt", *sorted((FIXTURES / "cli").glob("*.txt")),
          *sorted((Path(__file__).parents[1] / "fuzz" / "seeds").glob("*.txt"))]
PLANT = "qzqz"
MACHINE_FORMATS = ("json", "sarif", "github", "junit")

_PARAGRAPH_START = re.compile(r"^\s*(?:\[\d+\]\(#\))?(?:\d+|[A-Z])\.\s")
_PROSE_WORD = re.compile(r"(?<![(/\w])(?=[A-Za-z]*[a-z])([A-Za-z]{3,})\b")
_UPPER_WORD = re.compile(r"(?<![(/\w])([A-Z]{4,})\b")


def plant(text: str) -> str:
    """Prefix every prose word of the subject and the paragraphs with ``qzqz``: mixed-case
    words anywhere in them, all-capital words (old cables) on a paragraph's first line."""
    lines, in_body = [], False
    for line in text.split("\n"):
        starts_paragraph = bool(_PARAGRAPH_START.match(line))
        in_body = in_body or starts_paragraph
        if in_body or line.startswith("SUBJECT:"):
            line = _PROSE_WORD.sub(lambda m: PLANT + m.group(1), line)
        if starts_paragraph:
            line = _UPPER_WORD.sub(lambda m: PLANT.upper() + m.group(1), line)
        lines.append(line)
    return "\n".join(lines)


PLANTED = [plant(path.read_text(encoding="utf-8")).encode("utf-8") for path in CABLES]


def run(args: list[str], stdin: bytes) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--isolated", "--as-of", "2026-11-27", "-j", "1", *args,
                                      "--stdin-filename", "cable.txt", "-"], input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_planting_marks_the_prose_and_leaves_the_markings() -> None:
    assert plant("SUBJECT: (C) Talks on Oslo\n\n1. (S//NF) The talks, (see REF A) went well.\n"
                 "2. (C//REL TO USA, GBR) TEXT OF 1978.\n") == (
        "SUBJECT: (C) qzqzTalks on qzqzOslo\n\n"
        "1. (S//NF) qzqzThe qzqztalks, (see REF A) qzqzwent qzqzwell.\n"
        "2. (C//REL TO USA, GBR) QZQZTEXT OF 1978.\n")


def test_the_planted_words_do_reach_the_output_that_may_show_source() -> None:
    """The check below can fail: ``--show-source`` (text format only) does quote the cable."""
    failing = [path.name for path in CABLES].index("failing.txt")
    code, out, err = run(["--format", "text", "--show-source"], PLANTED[failing])
    assert PLANT in out


@pytest.mark.parametrize("index", range(len(PLANTED)), ids=[p.name for p in CABLES])
def test_no_cable_text_in_any_output_of_a_real_cable(index: int) -> None:
    """Each format, and the text format without ``--show-source``, quotes no planted word."""
    for fmt in (*MACHINE_FORMATS, "text"):
        code, out, err = run(["--format", fmt, "--statistics" if fmt == "text" else "-q"], PLANTED[index])
        assert code in (0, 1), (fmt, err)
        assert PLANT not in (out + err).lower(), (fmt, [line for line in (out + err).splitlines() if PLANT in line])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations.damaged_cables(seeds=PLANTED))
def test_no_cable_text_in_any_output_of_a_damaged_cable(data: bytes) -> None:
    for fmt in (*MACHINE_FORMATS, "text"):
        code, out, err = run(["--format", fmt], data)
        assert PLANT not in (out + err).lower(), (fmt, [line for line in (out + err).splitlines() if PLANT in line])


@pytest.mark.parametrize("data", [
    pytest.param(b"qzqzword \x00 binary", id="binary"),
    pytest.param(b"qzqzword " * 10 + bytes(range(1, 32)) * 20, id="control-characters"),
    pytest.param("# qzqzReadme\n\nqzqzSome qzqzprose.\n".encode(), id="not-a-cable"),
    pytest.param("qzqzCaf\u00e9 \u201cqzqzquoted\u201d\n".encode("cp1252"), id="cp1252"),
])
def test_no_cable_text_in_error_messages_and_notes(data: bytes) -> None:
    code, out, err = run(["--format", "json"], data)
    assert PLANT not in (out + err).lower()


# --------------------------------------------------------------------------- files and network

def snapshot(root: Path) -> dict[str, tuple[int, int, str]]:
    """Every file and directory under ``root``: mode, modification time and content hash."""
    state = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and not path.is_symlink() else ""
        state[str(path.relative_to(root))] = (info.st_mode, info.st_mtime_ns, digest)
    return state


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A repository-like tree: cables, a configuration, a .gitignore, a home and a temp dir."""
    for index, path in enumerate(CABLES):
        target = tmp_path / "repo" / ("sub" if index % 2 else "") / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    (tmp_path / "repo" / "cablelint.toml").write_text('ignore = ["DC005"]\n', encoding="utf-8")
    (tmp_path / "repo" / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "repo" / ".git").mkdir()
    for name in ("home", "tmp", "out"):
        (tmp_path / name).mkdir()
    return tmp_path


def _isolated_env(tree: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CABLELINT_"))}
    return {**env, "HOME": str(tree / "home"), "TMPDIR": str(tree / "tmp")}


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_a_run_writes_nothing_but_the_output_file(tree: Path, fmt: str) -> None:
    """A real run with HOME and TMPDIR inside the snapshot: only ``-o`` appears, nothing else changes."""
    before = snapshot(tree)
    result = subprocess.run([sys.executable, "-m", "checker", "check", "--as-of", "2026-11-27", "--format", fmt,
                             "-o", str(tree / "out" / "report"), "repo"],
                            cwd=tree, env=_isolated_env(tree), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    after = snapshot(tree)
    assert "out/report" in after
    assert {k: v for k, v in after.items() if not k.startswith("out")} == {
        k: v for k, v in before.items() if not k.startswith("out")}


def test_inputs_and_configuration_are_opened_read_only(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every open of a file in the checked tree, in process, is read-only."""
    opened: list[tuple[str, str]] = []
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    real_os_open, real_open = os.open, open

    def spy_os_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append((os.fspath(path), "write" if flags & write_flags else "read"))
        return real_os_open(path, flags, *args, **kwargs)

    def spy_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(file, (str, os.PathLike)):
            opened.append((os.fspath(file), "write" if set(str(mode)) & set("wax+") else "read"))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy_os_open)
    monkeypatch.setattr("builtins.open", spy_open)
    monkeypatch.chdir(tree / "repo")
    result = CliRunner().invoke(cli, ["check", "-j", "1", "--as-of", "2026-11-27", "--format", "json",
                                      "-o", str(tree / "out" / "report.json"), "."], catch_exceptions=False)
    assert result.exit_code == 1, result.stderr
    in_tree = [(os.path.abspath(path), how) for path, how in opened if os.path.abspath(path).startswith(str(tree))]
    assert (str(tree / "out" / "report.json"), "write") in in_tree
    assert [entry for entry in in_tree if entry[1] == "write"] == [(str(tree / "out" / "report.json"), "write")]
    read = {os.path.relpath(path, tree) for path, how in in_tree if how == "read"}
    assert {"repo/cablelint.toml", "repo/.gitignore", "repo/08STATE126440.txt", "repo/sub/clean.txt"} <= read


def test_a_run_never_touches_the_network(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sockets and name lookups fail loudly in process; every format still works."""
    attempts: list[str] = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def blocked(*args, **kwargs):  # type: ignore[no-untyped-def]
            attempts.append(name)
            raise OSError(f"network use ({name}) in a test")
        return blocked

    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "bind", refuse("bind"))
    monkeypatch.chdir(tree / "repo")
    for fmt in ("text", *MACHINE_FORMATS):
        result = CliRunner().invoke(cli, ["check", "-j", "1", "--as-of", "2026-11-27", "--format", fmt, "."],
                                    catch_exceptions=False)
        assert result.exit_code == 1, (fmt, result.stderr)
    for command in (["rules", "--format", "json"], ["explain", "PM001"], ["config", "--show"], ["config", "--schema"]):
        assert CliRunner().invoke(cli, command, catch_exceptions=False).exit_code == 0, command
    assert attempts == []
