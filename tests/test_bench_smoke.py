"""The issue-6 benchmark scripts run end to end on a tiny corpus made from tests/fixtures.

The figures they print are what the closing note quotes, so the scripts must not rot.  These
tests assert the shape of the output (rows, columns, verdicts that do not depend on speed,
the temporary set removed afterwards), never a time: the machine may be busy.
"""

from __future__ import annotations

import re
import shutil
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
FIXTURES = Path(__file__).parent / "fixtures"
CABLES = [FIXTURES / "08STATE126440.txt", FIXTURES / "cli" / "clean.txt", FIXTURES / "cli" / "failing.txt",
          FIXTURES / "grammar" / "minimal.txt"]
NUMBER = r"\d+(?:\.\d+)?"

sys.path.insert(0, str(BENCH))
from startup import environments as startup_environments  # noqa: E402
from timing import cpu_count  # noqa: E402


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus directory shaped like ../shared/corpus: ``cables/*.txt``, eight cables."""
    folder = tmp_path / "corpus" / "cables"
    folder.mkdir(parents=True)
    for index in range(8):
        source = CABLES[index % len(CABLES)]
        shutil.copy(source, folder / f"{index}-{source.name}")
    return folder.parent


def run(script: str, *args: str, tmpdir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a bench script; ``tmpdir`` becomes its TMPDIR, so what it leaves there is its own."""
    env = None if tmpdir is None else {**os.environ, "TMPDIR": str(tmpdir)}
    return subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True,
                          check=False, timeout=600, env=env)


def test_throughput_prints_a_row_per_jobs_value_the_speed_up_and_the_identity_verdict(corpus: Path) -> None:
    out = run("throughput.py", str(corpus), "--runs", "1")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert re.fullmatch(rf"load average before: {NUMBER} .*", lines[0])
    assert re.fullmatch(rf"8 cables, {NUMBER} MB in .*cables", lines[1])
    assert lines[2].split() == ["--jobs", "median", "s", "cables/s", "MB/s", "spread", "s", "load", "CPU", "s",
                                "cables/CPU-s"]
    assert [row.split()[0] for row in lines[3:5]] == ["1", "2"]
    assert all(len(row.split()) == 8 for row in lines[3:5])
    assert re.fullmatch(rf"speed-up --jobs 2 over --jobs 1: {NUMBER}x", lines[5])
    assert lines[6] == "--jobs 2 output vs --jobs 1: IDENTICAL"


def test_throughput_compares_reports_byte_for_byte() -> None:
    import throughput
    from timing import Runs

    serial = throughput.Throughput(1, Runs(), [(b'{"findings": [1, 2]}', b"", 1)] * 2)
    reordered = throughput.Throughput(2, Runs(), [(b'{"findings": [1, 2]}', b"", 1), (b'{"findings": [2, 1]}', b"", 1)])
    assert throughput.differences(serial, serial) == []
    assert throughput.differences(serial, reordered) == ["round 1: report differs (20 vs 20 bytes)"]


def test_cpu_shares_prints_every_stage_and_the_model_step_it_captured(corpus: Path) -> None:
    out = run("cpu_shares.py", str(corpus), "--repeat", "1")
    lines = out.stdout.splitlines()
    assert out.returncode == 0, out.stderr
    assert re.fullmatch(rf"8 cables, CPU seconds, median of 1; share of the {NUMBER} s sum", lines[0])
    stages = [re.fullmatch(rf"(.+?) +({NUMBER}) s +-?{NUMBER} %", line) for line in lines[1:9]]
    assert [m[1] for m in stages if m] == ["find the files", "read them", "parse (all of it)", "- line lexer",
                                           "- ToModel.cable", "- LALR feeding + rest of model", "rules",
                                           "json report"]
    assert float(stages[4][2]) > 0  # the capture saw the parser hand its children to ToModel.cable
    assert re.fullmatch(rf"cables per CPU-second +{NUMBER}", lines[9])


def test_yardstick_scan_counts_numbered_paragraphs_and_portion_marks(corpus: Path) -> None:
    out = run("yardstick.py", "--scan", str(corpus / "cables"))
    counts = re.fullmatch(r"8 files, (\d+) numbered-paragraph lines, (\d+) portion marks\n", out.stdout)
    assert counts and int(counts[1]) > 0 and int(counts[2]) > 0


def test_yardstick_reports_both_programs_and_their_ratio(corpus: Path) -> None:
    out = run("yardstick.py", str(corpus), "--runs", "1")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert [line[:34].strip() for line in lines[2:4]] == ["regex scan (yardstick)", "cablelint check --jobs 1 (full)"]
    assert re.fullmatch(rf"full check / yardstick: {NUMBER}x", lines[4])


def test_memory_measures_each_size_and_format_and_removes_its_set(corpus: Path, tmp_path: Path) -> None:
    # a private TMPDIR: other runs on the machine may hold benchmark sets in the shared one
    private = tmp_path / "tmp"
    private.mkdir()
    out = run("memory.py", str(corpus), "--counts", "4,8", "--formats", "json,text", "--jobs", "2", tmpdir=private)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert re.fullmatch(r"4 cables as (hard links|symbolic links|copies) in .*", lines[0])
    rows = [line.split() for line in lines if re.match(r"\s*\d+\s+(json|text)\s", line)]
    assert [row[:3] for row in rows] == [["4", "json", "2"], ["4", "text", "2"], ["8", "json", "2"],
                                         ["8", "text", "2"]]
    for row in rows:
        parent, worker, tree, pss, rusage = (float(value) for value in row[3:8])
        assert 0 < parent <= tree and 0 < worker <= tree and 0 < pss <= tree and rusage > 0
    assert lines[-1] == "limit 150 MB for the whole tree: met"
    assert list(private.iterdir()) == []


def test_memory_spreads_the_set_over_sub_folders_on_request(corpus: Path) -> None:
    sys.path.insert(0, str(BENCH))
    import memory
    from timing import Corpus

    with tempfile.TemporaryDirectory() as tmp:
        memory.fill(Path(tmp), Corpus.at(corpus).files, 10, per_dir=4)
        assert sorted(len(list(d.iterdir())) for d in Path(tmp).iterdir()) == [2, 4, 4]


def test_memory_fails_when_the_tree_exceeds_the_limit(corpus: Path) -> None:
    out = run("memory.py", str(corpus), "--counts", "5", "--formats", "json", "--limit", "1")
    assert out.returncode == 1
    assert out.stdout.splitlines()[-1] == "limit 1 MB for the whole tree: EXCEEDED"


def test_run_all_prints_the_summary_table(corpus: Path) -> None:
    out = run("run_all.py", str(corpus), "--quick", "--runs", "1", "--startup-runs", "1", "--memory-count", "20")
    assert out.returncode == 0, out.stderr
    table = out.stdout[out.stdout.index("\nmeasure "):].strip().splitlines()
    rows = table[2:-2]
    measures = [re.split(r"\s{2,}", line.strip())[0] for line in rows]
    # without bytecode caches allowed, start-up is timed both as the environment is and with them
    suffixes = [suffix for suffix, _ in startup_environments(str(corpus))]
    startup = [f"start-up: {what}{suffix}" for suffix in suffixes
               for what in ("python -c pass", "cablelint check, one cable")]
    assert measures == [*startup, "throughput --jobs 1", "CPU time --jobs 1", "throughput --jobs 2",
                        "speed-up --jobs 2 / --jobs 1", "--jobs 2 output == serial (full set)",
                        "full check / regex yardstick", f"peak memory 20 cables, json, --jobs {cpu_count()}"]
    identity = rows[measures.index("--jobs 2 output == serial (full set)")]
    assert re.split(r"\s{2,}", identity)[1:4] == ["identical", "identical", "met"]
    assert all(re.search(rf"\s{NUMBER}$", line) for line in rows)  # every row ends with its load


def test_run_all_reports_a_failed_step_and_still_runs_the_others(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import run_all
    from timing import Runs

    def broken(runs: int) -> list[run_all.Row]:
        raise RuntimeError("benchmark command failed (exit 2)")

    monkeypatch.setattr(run_all, "startup_rows", broken)
    monkeypatch.setattr(run_all, "throughput_rows", lambda corpus, runs: ([], Runs([2.0], [2.0], [0.5]), True))
    monkeypatch.setattr(run_all, "memory_rows", lambda corpus, count, formats: [
        run_all.Row("peak memory", "75 MB", "<= 150 MB", True, 0.5)])
    assert run_all.main([str(corpus), "--quick", "--runs", "1"]) == 1
    table = capsys.readouterr().out.split("\nmeasure ")[1].splitlines()[2:-2]
    assert [re.split(r"\s{2,}", row)[:2] for row in table] == [
        ["start-up", "FAILED: benchmark command failed (exit 2)"],
        ["full check / regex yardstick", re.search(r"\S+x \(scan .*\)", table[1])[0]],
        ["peak memory", "75 MB"],
    ]


def test_run_all_names_the_rounds_whose_parallel_output_differs(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import run_all
    import throughput
    from timing import Runs

    same, other = (b'{"findings": []}', b"", 0), (b'{"findings": [1]}', b"", 1)
    serial = throughput.Throughput(1, Runs([2.0], [2.0], [0.5]), [same, same, same])
    parallel = throughput.Throughput(2, Runs([1.0], [2.0], [0.5]), [same, other, same])
    monkeypatch.setattr(throughput, "measure", lambda corpus, jobs, runs: [serial, parallel])
    rows, _, identical = run_all.throughput_rows(run_all.Corpus.at(corpus), 2)
    assert not identical
    assert (rows[-1].figure, rows[-1].met) == ("DIFFERENT in round 1 (0-2, 0 warm-up)", False)


def test_lexer_ab_times_both_lexers_in_alternating_rounds(corpus: Path) -> None:
    lexer = Path(__file__).resolve().parent.parent / "checker" / "parse" / "lexer.py"
    out = run("lexer_ab.py", str(lexer), str(corpus), "--rounds", "2")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "8 cables, tokens identical, 2 alternating rounds (CPU s)"
    assert re.fullmatch(rf"old +{NUMBER} {NUMBER}", lines[1])
    assert re.fullmatch(rf"new +{NUMBER} {NUMBER}", lines[2])
    assert re.fullmatch(rf"median old {NUMBER}  new {NUMBER}  new/old per round, median {NUMBER}", lines[3])


def test_lexer_ab_refuses_to_time_a_lexer_whose_tokens_differ(corpus: Path, tmp_path: Path) -> None:
    lexer = Path(__file__).resolve().parent.parent / "checker" / "parse" / "lexer.py"
    changed = tmp_path / "lexer.py"  # the same lexer, but it loses the last token of every cable
    changed.write_text(lexer.read_text(encoding="utf-8")
                       + "\n\ndef tokenize(text):\n    return _Lexer(text).run()[:-1]\n", encoding="utf-8")
    out = run("lexer_ab.py", str(changed), str(corpus), "--rounds", "1")
    assert out.returncode == 1
    assert re.fullmatch(r"tokens differ in 8 cables, e\.g\. .*\n", out.stdout)


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="needs valgrind")
def test_instructions_prints_start_up_and_per_cable_counts(corpus: Path) -> None:
    done = run("instructions.py", str(corpus), "--every", "4", "--label", "here")
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(rf"here: 2 cables, start-up {NUMBER} M instructions, -?{NUMBER} M instructions per cable\n",
                        done.stdout)
