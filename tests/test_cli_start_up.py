"""What the ``cablelint`` script does for a fast start, pinned without timing anything.

Each case runs the script's entry point in a fresh interpreter, as the installed command does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parent / "fixtures" / "08STATE126440.txt"

_AFTER_MAIN = """
import gc, sys
from checker.start_up import main
try:
    main()
except SystemExit as done:
    print(done.code, gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)
"""


def _main(*args: str) -> tuple[str, str]:
    """Run the script's entry point (``checker.start_up.main``) with ``args``; its standard output, and the exit code and
    collector state it leaves (last line of standard error)."""
    proc = subprocess.run([sys.executable, "-c", _AFTER_MAIN, *args], capture_output=True, text=True)
    return proc.stdout, proc.stderr.splitlines()[-1]


def test_the_collector_is_back_on_once_the_first_file_is_checked():
    out, state = _main("check", str(SEED), str(SEED))
    assert out.count("PM003") == 2
    assert state == "0 True True"  # exit 0, collecting again, start-up objects frozen


def test_a_command_that_checks_no_file_keeps_the_collector_paused_to_exit():
    out, state = _main("rules")
    assert "PM001" in out
    assert state == "0 False True"


_LOADED = """
import sys
from checker.start_up import main
try:
    main()
except SystemExit:
    heavy = ("multiprocessing", "concurrent", "jsonschema", "tomllib", "tomli", "regex", "interegular", "zipfile")
    print(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m.startswith("checker.formatters.")
                 or m.startswith("importlib.resources")), file=sys.stderr)
"""


def test_checking_one_cable_loads_no_pool_no_jsonschema_no_other_format_no_resource_machinery():
    proc = subprocess.run([sys.executable, "-c", _LOADED, "check", str(SEED)], capture_output=True, text=True)
    assert proc.stderr.splitlines()[-1] == "['checker.formatters.text']"
    json_run = subprocess.run([sys.executable, "-c", _LOADED, "check", "--format", "json", str(SEED)],
                              capture_output=True, text=True)
    assert json_run.stderr.splitlines()[-1] == "['checker.formatters.json']"
