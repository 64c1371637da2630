"""Loading ``grammar/cable.lark``: two LALR parsers over one grammar file, built lazily.

The skeleton parser (start symbol ``cable``) is fed by the line-classifying lexer; the
field parser (start symbols ``marking`` and ``declassification``) uses Lark's contextual
lexer on the terminals the grammar defines.  Each is made on first use and then kept for the life of the process
(``functools.cache``), so ``import checker.parse`` stays cheap.

Building the LALR tables takes about 0.4 s, too slow for a command that checks one cable.
So the built parsers ship with the package as ``grammar/cable.tables`` (written by
``python -m checker.parse.build_tables``, committed next to the grammar): loading them takes
a few milliseconds and writes nothing anywhere at run time.  The file records the SHA-256 of
the grammar text and the Lark version it was built with; when either differs (a stale file,
or a newer Lark release installed), or the file is missing or unreadable, the parsers are
built from ``cable.lark`` instead.  The file is our
own package data, never a cache in a shared or user-writable place, so unpickling it is as
trusted as importing our modules.
"""

from __future__ import annotations

import functools
import hashlib
import io
import pickle
import pkgutil
from typing import Any

import lark
from lark import Lark

TABLES_NAME = "cable.tables"
_FORMAT = 1  # bump when the layout of the tables file changes


def _package_file(name: str) -> bytes:
    """A file shipped in the ``checker.grammar`` package.

    ``pkgutil`` (which Lark imports anyway) asks the package's loader, as ``importlib.resources``
    does, without importing that machinery and ``zipfile`` at start-up (~3 ms).
    """
    data = pkgutil.get_data("checker.grammar", name)
    if data is None:
        raise FileNotFoundError(f"checker.grammar/{name}")
    return data


@functools.cache
def grammar_text() -> str:
    """The text of ``cable.lark`` as shipped in the ``checker.grammar`` package (newlines as ``\\n``)."""
    return _package_file("cable.lark").decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def grammar_digest() -> str:
    """What the shipped tables must have been built from: the grammar text (and file layout)."""
    digest = hashlib.sha256(grammar_text().encode("utf-8"))
    digest.update(f"\0format {_FORMAT}".encode())
    return digest.hexdigest()


def read_tables() -> dict[str, Any] | None:
    """The content of the shipped tables file, or None when it is missing or unreadable."""
    try:
        data = _package_file(TABLES_NAME)
        tables = pickle.loads(data)  # our own package data, see the module docstring
    except Exception:  # noqa: BLE001 - missing, unreadable or from another version: build instead
        return None
    return tables if isinstance(tables, dict) else None


@functools.cache
def _shipped_tables() -> dict[str, Any] | None:
    """The shipped parser tables when they match the grammar, else None (then we build)."""
    tables = read_tables()
    if tables is None or tables.get("grammar") != grammar_digest() or tables.get("lark") != lark.__version__:
        return None
    return tables


def _load(name: str, **options: Any) -> Lark | None:
    tables = _shipped_tables()
    if tables is None:
        return None
    try:
        return Lark.__new__(Lark)._load(io.BytesIO(tables[name]), **options)
    except Exception:  # noqa: BLE001 - a damaged file must not stop parsing
        return None


def _build_cable_parser(**options: Any) -> Lark:
    from checker.parse.lexer import LineLexer

    return Lark(
        grammar_text(), parser="lalr", lexer=LineLexer, start="cable", maybe_placeholders=True, **options
    )


def _build_marking_parser(**options: Any) -> Lark:
    return Lark(
        grammar_text(), parser="lalr", start=["marking", "declassification"], maybe_placeholders=True, **options
    )


@functools.cache
def cable_parser() -> Lark:
    """The LALR parser of the document skeleton, fed by :class:`LineLexer`."""
    from checker.parse.build import ToModel

    return _load("cable", transformer=ToModel()) or _build_cable_parser(transformer=ToModel())


@functools.cache
def marking_parser() -> Lark:
    """The LALR parser of the field mini-languages (contextual lexer): start symbols
    ``marking`` (portion marks and banners) and ``declassification`` (the E.O. instruction)."""
    return _load("marking") or _build_marking_parser()


def terminal_regexp(name: str) -> str:
    """The regular expression of one of the field grammar's terminals (``LEVEL``, ``DECL_KW``
    ...): a shortcut that spares a parse is written with it, so it reads what the grammar reads."""
    return marking_parser().get_terminal(name).pattern.to_regexp()


def tables_bytes() -> bytes:
    """The content of ``cable.tables`` for the current grammar (freshly built parsers)."""
    cable = io.BytesIO()
    _build_cable_parser().save(cable, {"transformer"})
    marking = io.BytesIO()
    _build_marking_parser().save(marking)
    tables = {
        "grammar": grammar_digest(),
        "lark": lark.__version__,
        "cable": cable.getvalue(),
        "marking": marking.getvalue(),
    }
    return pickle.dumps(tables, protocol=4)


def build_strict(start: str) -> Lark:
    """Build a parser with ``strict=True`` (needs ``interegular``): for the grammar tests."""
    from checker.parse.lexer import LineLexer

    lexer = LineLexer if start == "cable" else "contextual"
    return Lark(grammar_text(), parser="lalr", lexer=lexer, start=start, strict=True)
