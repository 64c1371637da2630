"""Parse a cable's text into the typed model: the only package that imports Lark.

``parse_cable(text)`` never raises: whatever the grammar cannot place becomes a
:class:`~checker.model.ParseError` in ``cable.parse_errors``, and the rest of the cable is
still modelled.  The parsers are built on first use, not on import.
"""

from __future__ import annotations

import sys

from checker.model import Cable, Marking, ParseError, Span

__all__ = ["import_lark_lean", "parse_cable", "parse_marking"]

# Lark imports these when they are installed; we use neither at run time (no ``regex=True``,
# and the shipped tables are loaded without the terminal collision check)
_LARK_OPTIONAL = ("regex", "interegular")


def import_lark_lean() -> None:
    """Import Lark without its optional ``regex`` and ``interegular`` modules (~10 ms of the
    120 ms start-up budget).

    Lark records at import time that they are missing, so in the same process
    ``grammar.build_strict`` (the grammar tests' ``strict=True``) can no longer work: only the
    command-line process calls this, before anything imports Lark; elsewhere it does nothing.
    """
    if "lark" in sys.modules:
        return
    hidden = [name for name in _LARK_OPTIONAL if name not in sys.modules]
    sys.modules.update(dict.fromkeys(hidden))  # a None entry makes ``import`` raise ImportError
    try:
        import lark.lexer  # noqa: F401 - imports lark and its lexer, which look for them
    finally:
        for name in hidden:
            sys.modules.pop(name, None)


def _empty_cable(errors: tuple[ParseError, ...], line_count: int) -> Cable:
    return Cable(None, (), (), None, None, None, (), None, (), (), (), None, errors, line_count)


def _line_count(text: str) -> int:
    """The number of lines as :func:`checker.parse.lexer.split_lines` cuts them (``\r\n``,
    ``\r`` and ``\n`` breaks; a final break ends the last line), counted without cutting."""
    if not text:
        return 0
    if "\r" in text:
        breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    else:  # the common case: one scan for the breaks, not three
        breaks = text.count("\n")
    return breaks if text.endswith(("\n", "\r")) else breaks + 1


def parse_cable(text: str) -> Cable:
    """The model of ``text``; parse errors are recorded in the model, never raised."""
    line_count = _line_count(text)
    if not text or text.isspace():  # what strip() would leave empty, without copying the text
        return _empty_cable((ParseError("empty text: no cable to parse", Span(1, 1, 1, 1)),), line_count)
    try:
        from lark.exceptions import UnexpectedToken

        from checker.parse.errors import parse_error
        from checker.parse.grammar import cable_parser
        from checker.parse.lexer import tokenize

        parser = cable_parser().parse_interactive(None)
        state = parser.parser_state
        errors: list[ParseError] = []
        tokens = tokenize(text)
        for token in tokens:
            try:
                state.feed_token(token)
            except UnexpectedToken as error:  # a line the grammar has no place for: skip it
                errors.append(parse_error(error))
        finish = parser.feed_eof(tokens[-1] if tokens else None)  # ToModel.cable: the Cable but for these two
        return finish(parse_errors=tuple(errors), line_count=line_count)
    except RecursionError:
        return _empty_cable((ParseError("text too deeply nested to parse", Span(1, 1, 1, 1)),), line_count)
    except Exception as exc:  # noqa: BLE001 - the contract: a model with a finding, never a traceback
        return _empty_cable(
            (ParseError(f"internal parser error ({type(exc).__name__}); please report", Span(1, 1, 1, 1)),),
            line_count,
        )


def parse_marking(raw: str, line: int = 1, column: int = 1) -> Marking:
    """Read a marking such as ``S//NF`` or ``C O N F I D E N T I A L`` written at line/column."""
    from checker.parse.markings import make_marking

    return make_marking(raw, line, column)
