"""A stable JSON dump of the full parsed model of every cable: the golden snapshot for speed work.

Usage:  python bench/model_snapshot.py PATH OUT

PATH is a corpus directory (``PATH/cables/*.txt`` or ``PATH/*.txt``).  OUT gets one JSON line
per cable, in file-name order: the file name and every field of the model (spans, markings,
dates, parse errors), with dataclass names kept, so that two runs can be compared with ``cmp``.
An optimisation of the parser must leave this file byte-identical.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import sys
from pathlib import Path
from typing import Any

from checker.parse import parse_cable
from timing import cable_files  # bench/, on sys.path when a script runs


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data: dataclasses become dicts tagged with their class name."""
    if dataclasses.is_dataclass(value):
        out: dict[str, Any] = {"__class__": type(value).__name__}
        for field in dataclasses.fields(value):
            out[field.name] = plain(getattr(value, field.name))
        return out
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (frozenset, set)):
        return sorted(plain(item) for item in value)
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value



def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python bench/model_snapshot.py PATH OUT", file=sys.stderr)
        return 2
    files = cable_files(Path(args[0]))
    if not files:
        print(f"error: no cables under {args[0]}", file=sys.stderr)
        return 2
    with open(args[1], "w", encoding="utf-8") as out:
        for path in files:
            model = parse_cable(path.read_text(encoding="utf-8", errors="replace"))
            record = {"file": path.name, "model": plain(model)}
            out.write(json.dumps(record, sort_keys=True, ensure_ascii=True) + "\n")
    print(f"{len(files)} models written to {args[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
