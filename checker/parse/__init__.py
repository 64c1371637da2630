"""Parse a cable's text into the typed model: the only package that imports Lark.

``parse_cable(text)`` never raises: whatever the grammar cannot place becomes a
:class:`~checker.model.ParseError` in ``cable.parse_errors``, and the rest of the cable is
still modelled.  The parsers are built on first use, not on import.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

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


@functools.cache
def _parsing_tools() -> tuple[Callable[[], Any], type, type, Callable[[str], list[Any]]]:
    """What parsing a cable takes, imported on first use and not per cable (where a ``from``
    import costs a call of importlib's): the cable parser, Lark's parser state and token
    classes, the line lexer."""
    from lark import Token
    from lark.parsers.lalr_parser_state import ParserState

    from checker.parse.grammar import cable_parser
    from checker.parse.lexer import tokenize

    return cable_parser, ParserState, Token, tokenize


@functools.lru_cache(maxsize=1)
def _parse_tables(parser: Any) -> tuple[Any, dict[Any, dict[str, Any]]]:
    """The cable parser's LALR configuration and its actions as :func:`_feed` reads them.

    The configuration (table, the transformer's callbacks, the start symbol) lets a cable be
    parsed from a bare parser state, as ``parse_interactive`` would, without the lexer thread
    and interactive parser it wraps it in for every cable.  The actions map state -> token or
    rule name -> the state to shift to, or for a reduction the tuple (the rule's length, its
    callback, the rule name): Lark's table holds ``(Shift, state)`` / ``(Reduce, rule)`` and
    its feed looks the rule up in the callbacks (``Rule.__hash__``, in Python) and its length
    and name at every reduction; these are read once here.  Kept for the last parser only (a
    benchmark that builds a new one gets its own)."""
    from lark.parsers.lalr_analysis import Shift
    from lark.parsers.lalr_parser_state import ParseConf

    lalr = parser.parser.parser.parser  # Lark -> ParsingFrontend -> LALR_Parser -> _Parser
    conf = ParseConf(lalr.parse_table, lalr.callbacks, "cable")
    callbacks = conf.callbacks
    actions = {
        state: {
            kind: arg if action is Shift
            else (len(arg.expansion), callbacks[arg] if callbacks else None, arg.origin.name)
            for kind, (action, arg) in row.items()
        }
        for state, row in conf.states.items()
    }
    return conf, actions


def _feed(state: Any, actions: dict[Any, dict[str, Any]], tokens: list[Any]) -> list[ParseError]:
    """Feed the line tokens to Lark's LALR parser state, as its ``feed_token`` does (the same
    shifts, reductions and callbacks, on the state's own stacks) in one loop instead of a
    call per token, reading the ``actions`` of :func:`_parse_tables`; a token the grammar
    has no place for is skipped, recorded as a parse error from the ``UnexpectedToken`` that
    Lark's own ``feed_token`` raises for it."""
    callbacks = state.parse_conf.callbacks
    state_stack, value_stack = state.state_stack, state.value_stack
    errors: list[ParseError] = []
    for token in tokens:
        kind = token.type
        while True:
            step = actions[state_stack[-1]].get(kind)
            if step is None:  # a line the grammar has no place for: skip it
                errors.append(_unexpected(state, token))
                break
            if type(step) is not tuple:  # shift the token
                state_stack.append(step)
                value_stack.append(token if kind not in callbacks else callbacks[kind](token))
                break
            size, callback, origin = step  # reduce by a rule, then go to the state after it
            if size:
                children = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                children = []
            value = callback(children) if callback is not None else children
            state_stack.append(actions[state_stack[-1]][origin])
            value_stack.append(value)
    return errors


def _unexpected(state: Any, token: Any) -> ParseError:
    """The parse error of a token the parser state has no action for: Lark's ``feed_token``
    raises the ``UnexpectedToken`` that :func:`~checker.parse.errors.parse_error` labels."""
    from lark.exceptions import UnexpectedToken

    from checker.parse.errors import parse_error

    try:
        state.feed_token(token)
    except UnexpectedToken as error:
        return parse_error(error)
    raise AssertionError("the parser took a token it has no action for")


def parse_cable(text: str) -> Cable:
    """The model of ``text``; parse errors are recorded in the model, never raised."""
    line_count = _line_count(text)
    if not text or text.isspace():  # what strip() would leave empty, without copying the text
        return _empty_cable((ParseError("empty text: no cable to parse", Span(1, 1, 1, 1)),), line_count)
    try:
        cable_parser, ParserState, Token, tokenize = _parsing_tools()
        conf, actions = _parse_tables(cable_parser())
        state = ParserState(conf, None)
        tokens = tokenize(text)
        errors = _feed(state, actions, tokens)
        end = Token.new_borrow_pos("$END", "", tokens[-1]) if tokens else Token("$END", "", 0, 1, 1)
        finish = state.feed_token(end, True)  # ToModel.cable: the Cable but for these two
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
