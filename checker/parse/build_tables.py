"""Write ``grammar/cable.tables``, the prebuilt parsers shipped with the package.

Run after every change to ``grammar/cable.lark`` (a test fails until you do):

    python -m checker.parse.build_tables
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from checker.parse.grammar import TABLES_NAME, tables_bytes


def main() -> int:
    target = Path(str(resources.files("checker.grammar"))) / TABLES_NAME
    target.write_bytes(tables_bytes())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
