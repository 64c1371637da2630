"""Human labels for the text the skeleton grammar cannot place.

The lexer classifies every line, so a parse error is always an unexpected *line token*:
a line of a known kind where the grammar has no room for it.  The label is found the way
Lark's ``match_examples`` does it (the parser state and token type of small example
cables, matched against the failing one); the table of examples is part of the
user-facing contract and each label has its own test.
"""

from __future__ import annotations

import functools

from lark.exceptions import UnexpectedInput, UnexpectedToken

from checker.model import ParseError, Span

#: label -> example cables that fail the same way
EXAMPLES: dict[str, list[str]] = {
    "unreadable characters (binary data?) in the text": [
        "UNCLAS STATE 000001\n\n1. (U) Text.\n\x00\x01\x02\n",
        "\x00\x01\x02\n",
        "UNCLAS STATE 000001\n\x00\x01\x02\n",
    ],
    "routing header line after the cable text has started (two cables in one file?)": [
        "UNCLAS STATE 000001\n\n1. (U) Text.\nVZCZCXYZ0001\n",
        "UNCLAS STATE 000001\nSUBJECT: X\nVZCZCXYZ0001\n",
    ],
}

_NAMES = {
    "JUNK": "a line with unreadable characters",
    "VZCZC": "a VZCZC routing line",
}


def _position(error: UnexpectedToken) -> int:
    """The LALR state the parser was in when it met the unexpected token."""
    state = error.state
    return getattr(state, "position", state)


@functools.cache
def _example_states() -> dict[tuple[int, str], str]:
    """Parser state and token type of each example's failure -> its label."""
    from checker.parse.grammar import cable_parser

    parser = cable_parser()
    found: dict[tuple[int, str], str] = {}
    for label, examples in EXAMPLES.items():
        for example in examples:
            try:
                parser.parse(example)
            except UnexpectedToken as u:
                found.setdefault((_position(u), u.token.type), label)
            except UnexpectedInput:
                continue
    return found


def label_for(error: UnexpectedToken) -> str:
    """The human label of an unexpected line token."""
    label = _example_states().get((_position(error), error.token.type))
    if label:
        return label
    for (_state, kind), text in _example_states().items():
        if kind == error.token.type:
            return text
    name = _NAMES.get(error.token.type, f"a {error.token.type.lower().replace('_', ' ')} line")
    return f"{name} where the cable structure has no place for it"


def parse_error(error: UnexpectedToken) -> ParseError:
    """A :class:`ParseError` at the unexpected token, labelled."""
    tok = error.token
    line = tok.line if tok.line is not None else 1
    column = tok.column if tok.column is not None else 1
    end_line = tok.end_line if tok.end_line is not None else line
    end_column = tok.end_column if tok.end_column is not None else column
    return ParseError(label_for(error), Span(line, column, end_line, end_column))
