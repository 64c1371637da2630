"""Loading ``grammar/cable.lark``: two LALR parsers over one grammar file, built lazily.

The skeleton parser (start symbol ``cable``) is fed by the line-classifying lexer; the
field parser (start symbol ``marking``) uses Lark's contextual lexer on the terminals the
grammar defines.  Each is built on first use and then kept for the life of the process
(``functools.cache``), so ``import checker.parse`` stays cheap and the CLI pays the build
only when it parses.  No on-disk cache: see architecture-and-style.md section 9.7.
"""

from __future__ import annotations

import functools
from importlib import resources

from lark import Lark


@functools.cache
def grammar_text() -> str:
    """The text of ``cable.lark`` as shipped in the ``checker.grammar`` package."""
    return (resources.files("checker.grammar") / "cable.lark").read_text(encoding="utf-8")


@functools.cache
def cable_parser() -> Lark:
    """The LALR parser of the document skeleton, fed by :class:`LineLexer`."""
    from checker.parse.build import ToModel
    from checker.parse.lexer import LineLexer

    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=LineLexer,
        start="cable",
        transformer=ToModel(),
        maybe_placeholders=True,
    )


@functools.cache
def marking_parser() -> Lark:
    """The LALR parser of the marking mini-language (contextual lexer)."""
    return Lark(grammar_text(), parser="lalr", start="marking", maybe_placeholders=True)


def build_strict(start: str) -> Lark:
    """Build a parser with ``strict=True`` (needs ``interegular``): for the grammar tests."""
    from checker.parse.lexer import LineLexer

    lexer = LineLexer if start == "cable" else "contextual"
    return Lark(grammar_text(), parser="lalr", lexer=lexer, start=start, strict=True)
