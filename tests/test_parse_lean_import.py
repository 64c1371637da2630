"""``import_lark_lean``: the command line's Lark import without ``regex``/``interegular``.

It must change nothing but the import: the seed cable (and a cable with a parse error, which
goes through the error labels) are modelled exactly as with a normal import.  Each side
runs in a fresh interpreter, because the lean import cannot be undone within a process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parent / "fixtures" / "08STATE126440.txt"
BROKEN = "UNCLAS STATE 000001\n\n1. (U) Text.\nVZCZCXYZ0001\n"

_SCRIPT = """
import json, sys
import checker.parse as parse
if sys.argv[1] == "lean":
    parse.import_lark_lean()
from checker.inspect import cable_to_dict
texts = [open(sys.argv[2], encoding="utf-8").read(), sys.argv[3]]
print(json.dumps({
    "optional": sorted(name for name in ("regex", "interegular") if name in sys.modules),
    "models": [cable_to_dict(parse.parse_cable(text)) for text in texts],
}))
"""


def _run(mode: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, mode, str(SEED), BROKEN], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_the_lean_import_leaves_out_the_optional_modules_and_models_the_same():
    lean, normal = _run("lean"), _run("normal")
    assert lean["optional"] == []
    assert lean["models"] == normal["models"]
    assert lean["models"][1]["parse_errors"][0]["message"].startswith("routing header line after")


def test_the_lean_import_does_nothing_once_lark_is_imported():
    import lark  # noqa: F401 - the test process has Lark already

    from checker.parse import import_lark_lean

    modules = dict(sys.modules)
    import_lark_lean()
    assert dict(sys.modules) == modules
