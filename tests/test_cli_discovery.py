"""From paths to files: recursion, include/exclude globs, .gitignore, stdin, bad paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.config import Config
from checker.discovery import GitIgnore, iter_targets, path_matches


def tree(root: Path, *files: str) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n")


def found(root: Path, *paths: str, config: Config | None = None, **kwargs) -> list[tuple[str, str | None]]:
    config = config or Config(root=str(root))
    old = os.getcwd()
    os.chdir(root)
    try:
        return [(t.display, t.error) for t in iter_targets(paths, lambda _: config, **kwargs)]
    finally:
        os.chdir(old)


def test_directories_are_searched_in_sorted_order_for_txt_and_cable_files(tmp_path: Path) -> None:
    tree(tmp_path, "b.txt", "a.cable", "notes.md", "sub/c.txt", "sub/deeper/d.TXT", ".venv/e.txt")
    assert found(tmp_path, ".") == [("a.cable", None), ("b.txt", None), ("sub/c.txt", None)]


def test_named_files_are_checked_whatever_their_extension(tmp_path: Path) -> None:
    tree(tmp_path, "notes.md")
    assert found(tmp_path, "notes.md") == [("notes.md", None)]


def test_include_and_exclude_globs_come_from_the_configuration(tmp_path: Path) -> None:
    tree(tmp_path, "a.txt", "drafts/b.txt", "c.msg", "keep/d.txt")
    config = Config(root=str(tmp_path), include=("*.txt", "*.msg"), exclude=("drafts", "keep/*.txt"))
    assert found(tmp_path, ".", config=config) == [("a.txt", None), ("c.msg", None)]


@pytest.mark.parametrize("root", ["/w", "/w/a", "/w/a/b", "/w/a/b/c", "/x", "/"])
@pytest.mark.parametrize("directory", ["/w/a", "/w/a/b", "/w"])
@pytest.mark.parametrize("name", ["b", "c.txt", "..x"])
def test_a_searched_entry_is_matched_by_the_path_relative_would_give(root: str, directory: str, name: str) -> None:
    # a directory search joins the directory's relative path and each name instead of resolving
    # every file again; where the root is not the directory or above it, it resolves the file
    config = Config(root=root)
    joined = config.child_relative(config.relative(directory), name)
    resolved = config.relative(os.path.join(directory, name))
    if directory == root or directory.startswith(root.rstrip("/") + "/"):
        assert joined == resolved
    else:
        assert joined is None


def test_force_exclude_applies_exclude_to_named_files(tmp_path: Path) -> None:
    tree(tmp_path, "drafts/b.txt")
    config = Config(root=str(tmp_path), exclude=("drafts/*",))
    assert found(tmp_path, "drafts/b.txt", config=config) == [("drafts/b.txt", None)]
    assert found(tmp_path, "drafts/b.txt", config=config, force_exclude=True) == []


def test_gitignore_is_respected_inside_a_repository(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    tree(tmp_path, "a.txt", "build/b.txt", "sub/c.txt", "sub/d.txt", "sub/keep.txt", "e.txt")
    (tmp_path / ".gitignore").write_text("# comment\nbuild/\n/e.txt\n")
    (tmp_path / "sub" / ".gitignore").write_text("*.txt\n!keep.txt\n")
    assert found(tmp_path, ".") == [("a.txt", None), ("sub/keep.txt", None)]
    # a subdirectory searched on its own still obeys the rules above it
    assert found(tmp_path / "sub", ".") == [("keep.txt", None)]


def test_gitignore_is_ignored_outside_a_repository(tmp_path: Path) -> None:
    tree(tmp_path, "a.txt")
    (tmp_path / ".gitignore").write_text("*.txt\n")
    assert GitIgnore.for_directory(str(tmp_path)).ignores(str(tmp_path / "a.txt"), False) is False


@pytest.mark.parametrize(
    ("pattern", "path", "ignored"),
    [
        ("*.txt", "x/y/a.txt", True),
        ("/a.txt", "x/a.txt", False),
        ("x/*.txt", "x/a.txt", True),
        ("x/*.txt", "x/y/a.txt", False),
        ("**/y/*.txt", "x/y/a.txt", True),
        ("x/**", "x/y/a.txt", True),
        ("a?.txt", "ab.txt", True),
        ("[!a]b.txt", "ab.txt", False),
        ("\\#a.txt", "#a.txt", True),
        ("a\\*.txt", "a*.txt", True),
        ("a\\*.txt", "ab.txt", False),
        ("x/**", "x", False),
        ("**/a.txt", "a.txt", True),
        ("x/**/a.txt", "x/a.txt", True),
        ("x/**/a.txt", "x/p/q/a.txt", True),
    ],
)
def test_gitignore_patterns(tmp_path: Path, pattern: str, path: str, ignored: bool) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text(pattern + "\n")
    assert GitIgnore.for_directory(str(tmp_path)).ignores(str(tmp_path / path), False) is ignored


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [("*.txt", "a/b.txt", True), ("drafts", "x/drafts", True), ("a/*.txt", "a/b/c.txt", True),
     ("**/b.txt", "b.txt", True), ("a/*.txt", "b/a/c.txt", False)],
)
def test_user_globs(pattern: str, path: str, matches: bool) -> None:
    assert path_matches(pattern, path) is matches


def test_bad_paths_become_targets_with_errors_and_the_rest_go_on(tmp_path: Path) -> None:
    tree(tmp_path, "ok.txt")
    os.symlink(tmp_path / "nowhere", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    assert found(tmp_path, "missing.txt", "dangling.txt", "loop", "ok.txt") == [
        ("missing.txt", "no such file or directory"),
        ("dangling.txt", "dangling symbolic link"),
        ("loop", "too many levels of symbolic links"),
        ("ok.txt", None),
    ]


def test_symlinked_directories_are_not_followed_when_searching(tmp_path: Path) -> None:
    tree(tmp_path, "real/a.txt")
    os.symlink(tmp_path, tmp_path / "real" / "back")  # a loop back to the top
    assert found(tmp_path, ".") == [("real/a.txt", None)]


def test_stdin_takes_its_name_from_stdin_filename(tmp_path: Path) -> None:
    assert found(tmp_path, "-") == [("-", None)]
    assert found(tmp_path, "-", stdin_filename="cables/a.txt") == [("cables/a.txt", None)]


def test_an_unlistable_directory_is_an_error_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path, "a.txt", "locked/b.txt")
    real_scandir = os.scandir

    def scandir(path):  # root can read any directory, so refuse this one by hand
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert found(tmp_path, ".") == [("a.txt", None), ("locked", "cannot list directory: permission denied")]


def test_an_invalid_configuration_turns_its_directory_into_one_error(tmp_path: Path) -> None:
    tree(tmp_path, "a.txt", "bad/b.txt", "bad/c.txt")
    good = Config(root=str(tmp_path))

    def config_for(path: str):
        return "bad/cablelint.toml: nonsense: unknown key" if "bad" in path else good

    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        targets = [(t.display, t.error) for t in iter_targets(["."], config_for)]
        named = [(t.display, t.error) for t in iter_targets(["bad/b.txt", "-"], config_for, stdin_filename="bad/x")]
    finally:
        os.chdir(old)
    assert targets == [("a.txt", None), ("bad", "bad/cablelint.toml: nonsense: unknown key")]
    assert named == [("bad/b.txt", "bad/cablelint.toml: nonsense: unknown key"),
                     ("bad/x", "bad/cablelint.toml: nonsense: unknown key")]



def test_named_files_ask_for_their_configuration_once_per_directory(tmp_path: Path) -> None:
    tree(tmp_path, "a/x.txt", "a/y.txt", "b/z.txt")
    config, asked = Config(root=str(tmp_path)), []

    def config_for(path: str) -> Config:
        asked.append(path)
        return config

    paths = [str(tmp_path / name) for name in ("a/x.txt", "a/y.txt", "b/z.txt")]
    assert [t.display for t in iter_targets(paths, config_for)] == paths
    assert asked == [paths[0], paths[2]]

def test_a_hostile_gitignore_pattern_does_not_backtrack(tmp_path: Path) -> None:
    """``*a*a*...*b`` against a long name is exponential for a naive regex; here it is linear."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*a" * 40 + "*b\n" + "x/" + "*a" * 40 + "*b\n")
    ignore = GitIgnore.for_directory(str(tmp_path))
    name = "a" * 5000 + ".txt"
    assert ignore.ignores(str(tmp_path / name), False) is False  # returns at once; no timing asserted
    assert ignore.ignores(str(tmp_path / "x" / name), False) is False
    assert ignore.ignores(str(tmp_path / ("a" * 100 + "b")), False) is True


def test_a_fifo_or_directory_named_gitignore_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".git" / "info").mkdir(parents=True)
    os.mkfifo(tmp_path / ".gitignore")  # opening it for reading would block for ever
    (tmp_path / ".git" / "info" / "exclude").mkdir()
    tree(tmp_path, "a.txt")
    assert found(tmp_path, ".") == [("a.txt", None)]
