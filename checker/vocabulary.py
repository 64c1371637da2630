"""Loading the versioned vocabulary files in ``checker/data`` (eras, controls).

The regulations change with each Executive Order, so the words a rule accepts live in JSON
data files next to a JSON Schema, not in literals scattered over the rules.  A data file is
validated with jsonschema when it is loaded, unless it is byte for byte the file that was
validated when it was committed: ``checker/data/validated.json`` records the digest of each
validated file (data and schema), and the test suite fails if a record is stale.  So a
normal run neither imports jsonschema (start-up stays fast) nor writes anything anywhere,
and an edited data file is validated in memory on every load until it is validated and
recorded again with ``python -m checker.vocabulary``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).with_name("data")
NAMES = ("eras", "controls")


class VocabularyError(ValueError):
    """A vocabulary file is unreadable or does not match its schema."""


def _read(name: str, directory: Path) -> tuple[bytes, bytes]:
    try:
        return (directory / f"{name}.json").read_bytes(), (directory / f"{name}.schema.json").read_bytes()
    except OSError as exc:
        raise VocabularyError(f"{name}.json: cannot be read: {exc}") from None


def digest(name: str, directory: Path = DATA_DIR) -> str:
    """The digest of a vocabulary file together with its schema."""
    raw, raw_schema = _read(name, directory)
    return hashlib.sha256(raw + b"\0" + raw_schema).hexdigest()


def validate(name: str, data: Any, schema: Any) -> None:
    """Raise :class:`VocabularyError` naming the JSON path of the first schema violation."""
    import jsonschema  # deferred: ~50 ms, paid only for a file not recorded as validated

    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        raise VocabularyError(f"{name}.json: {first.json_path}: {first.message}")


def _recorded(directory: Path) -> dict[str, str]:
    try:
        return json.loads((directory / "validated.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def load_vocabulary(name: str, directory: Path = DATA_DIR) -> Any:
    """Read ``<directory>/<name>.json``, validated against ``<name>.schema.json`` unless the
    pair is recorded as validated.  Raises :class:`VocabularyError` on a bad file."""
    raw, raw_schema = _read(name, directory)
    try:
        data = json.loads(raw)
        schema = json.loads(raw_schema)
    except ValueError as exc:
        raise VocabularyError(f"{name}.json: cannot be read: {exc}") from None
    if _recorded(directory).get(name) != hashlib.sha256(raw + b"\0" + raw_schema).hexdigest():
        validate(name, data, schema)
    return data


def optional_date(text: str | None) -> dt.date | None:
    """An ISO date from a data file, or ``None`` for an open end (``null``)."""
    return dt.date.fromisoformat(text) if text else None


@functools.cache
def bundled(name: str) -> Any:
    """The vocabulary file ``name`` shipped with cablelint, loaded once per process."""
    return load_vocabulary(name)


def record(directory: Path = DATA_DIR) -> dict[str, str]:
    """Validate every vocabulary file and record their digests in ``validated.json``."""
    digests = {}
    for name in NAMES:
        raw, raw_schema = _read(name, directory)
        validate(name, json.loads(raw), json.loads(raw_schema))
        digests[name] = digest(name, directory)
    (directory / "validated.json").write_text(json.dumps(digests, indent=2) + "\n", encoding="utf-8")
    return digests


if __name__ == "__main__":
    try:
        print(json.dumps(record(), indent=2))
    except VocabularyError as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
