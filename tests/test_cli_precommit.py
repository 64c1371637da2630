"""The pre-commit hook, run by the real ``pre-commit try-repo`` in a scratch Git repository.

pre-commit installs this repository into its own virtual environment (pip, from PyPI for
the dependencies), so this test is slow the first time; its cache lives in a temporary
directory.  It is skipped only when pre-commit itself is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "cli"

pre_commit = shutil.which("pre-commit")
pytestmark = pytest.mark.skipif(pre_commit is None, reason="pre-commit is not installed")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_hook_passes_a_clean_cable_and_fails_a_bad_one(tmp_path_factory: pytest.TempPathFactory) -> None:
    repo = tmp_path_factory.mktemp("project")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.invalid")
    git(repo, "config", "user.name", "test")
    shutil.copy(FIXTURES / "clean.txt", repo / "clean.txt")
    shutil.copy(FIXTURES / "failing.txt", repo / "failing.txt")
    (repo / "notes.md").write_text("not a cable, not matched by the hook's files pattern\n")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
           "PRE_COMMIT_COLOR": "never"}
    env.pop("GITHUB_ACTIONS", None)

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([pre_commit, "try-repo", str(ROOT), "cablelint", "--files", *files],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    passing = try_repo("clean.txt", "notes.md")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "cablelint (classification markings)" in passing.stdout
    assert "Passed" in passing.stdout

    failing = try_repo("clean.txt", "failing.txt")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout
    assert "failing.txt:21:1: PM001 [error] ¶2 has no portion marking (portion-marking-missing)" in failing.stdout
    assert "clean.txt:" not in failing.stdout.replace("clean.txt failing.txt", "")
