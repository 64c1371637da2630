"""Loading the versioned vocabulary files in ``checker/data`` (eras, controls).

The regulations change with each Executive Order, so the words a rule accepts live in JSON
data files next to a JSON Schema, not in literals scattered over the rules.  A data file is
validated with jsonschema the first time it is needed in a process.  jsonschema is imported
only then, and a successful validation is remembered in a small marker file keyed by the
hash of data and schema, so that a command-line run on an unchanged installation does not
pay for the jsonschema import at all (start-up must stay fast).  Edit a data file and the
hash changes: it is validated again on the next load.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).with_name("data")


class VocabularyError(ValueError):
    """A vocabulary file is unreadable or does not match its schema."""


def cache_dir() -> Path:
    """Where validation markers go: ``$CABLELINT_CACHE_DIR``, else the user cache dir."""
    explicit = os.environ.get("CABLELINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cablelint"


def _validate(name: str, data: Any, schema: Any) -> None:
    import jsonschema  # deferred: ~50 ms, paid only when a file is new or changed

    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        raise VocabularyError(f"{name}.json: {first.json_path}: {first.message}")


def load_vocabulary(name: str, directory: Path = DATA_DIR, markers: Path | None = None) -> Any:
    """Read ``<directory>/<name>.json`` and validate it against ``<name>.schema.json``.

    Raises :class:`VocabularyError` with the file name and the JSON path of the first error.
    """
    try:
        raw = (directory / f"{name}.json").read_bytes()
        raw_schema = (directory / f"{name}.schema.json").read_bytes()
        data = json.loads(raw)
        schema = json.loads(raw_schema)
    except (OSError, ValueError) as exc:
        raise VocabularyError(f"{name}.json: cannot be read: {exc}") from None
    digest = hashlib.sha256(raw + b"\0" + raw_schema).hexdigest()[:20]
    marker = (markers or cache_dir()) / f"{name}-{digest}.valid"
    if not marker.exists():
        _validate(name, data, schema)
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass  # a read-only home only costs the next run a validation
    return data


@functools.cache
def bundled(name: str) -> Any:
    """The validated vocabulary file ``name`` shipped with cablelint, loaded once."""
    return load_vocabulary(name)
