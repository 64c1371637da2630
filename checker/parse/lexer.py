"""The line-classifying lexer: physical lines in, line tokens for the LALR skeleton out.

A cable is line-oriented, so the lexer classifies each physical line once with
precompiled regular expressions instead of letting Lark scan it character by character.
It keeps a little state (routing header, front matter, body; which field a wrapped line
continues) because the same words mean different things in different places: ``TO`` opens
an address only in the header, ``SECRET`` opens a banner only where a banner can stand.

Two publication artefacts are undone here, token by token, so that positions stay true
to the text: parts fused onto one line without a line break (a banner followed by its
captions and E.O. line, a ``Classified By`` line glued to SUBJECT or to a page-break line)
are cut into separate tokens at the column where each part starts; and page-break lines
or classification footers inside paragraph text become their own tokens, so they never
split a paragraph.  Consecutive plain text lines are merged into one TEXT token.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

from lark import Token
from lark.lexer import Lexer

from checker.parse import patterns as P
from checker.parse.grammar import terminal_regexp
from checker.parse.markings import damaged_level, marking_parts

HEADER, FRONT, BODY = 0, 1, 2
# first letters of lines that may open something in the body: banners (C S T U L), captions
# (S N E L C F), authority (C D), VZCZC (V); any other letter opens plain text, and so does a
# small letter (body_line reads such a line as text or as a marked item ``a. (S)``, never as
# a banner, caption or authority line)
_STRUCTURAL_FIRST = frozenset("CSTULNEFDV")
# a line can end with a classification footer only if it ends with one of these words
_FOOTER_ENDS = ("CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "UNCLAS", "NOFORN", " L", " T", " D")
_DEEP_INDENT = 200  # blanks; real cables indent by a few dozen at most
_LEVEL_FIRST = frozenset("CSTUcstu")  # the first letters of the level words
_LOOK_AHEAD = 400  # lines: how far the next numbered line is looked for
_NUMBER_FIRST = frozenset("0123456789¶[( \t")  # what a numbered line can start with
_RUNNING_LINE = 50  # characters: a line of running text, longer than a heading
_FUSED_GAP = 10  # how far a fused, marked paragraph number may jump ahead of the last one
# the first letters of caption lines (SIPDIS, SENSITIVE, NOFORN, EXDIS, LIMDIS, CORRECTED COPY,
# NOT FOR INTERNET ..., EFTO, FOR OFFICIAL USE ONLY, - - C O R R E C T E D ...), any case
_CAPTION_FIRST = frozenset("SNELCFsnelcf-")
# the first letters of the caption words (P.CAPTION_TOKEN) in any case, as re.I reads them (ſ is an s)
_CAPTION_WORD_FIRST = frozenset("SNELCFsnelcfſ")
# the first letters of the level words and of ``Cable dated:``/``ID:`` in any case, as re.I reads them
_BANNER_FIRST = frozenset("TSCULItsculiſıİ")
_AWAITS_TAIL = 10  # characters: the longest P.AWAITS_NUMBER match ("paragraphs")
# the front-matter field lines a text cut inside its header may end with (not a continuation
# line nor REF, which may have swallowed unmarked body text)
_FRONT_FIELDS = frozenset({"BANNER", "CAPTION", "ADDRESS", "EO", "TAGS", "SUBJECT"})
_MARKER_WORDS = ("SUMMARY", "COMMENT", "NOTE", "TEXT")  # every marker holds one of them
_MARKER_BYTES = tuple(word.encode() for word in _MARKER_WORDS)


_new_str = str.__new__


def _token(
    kind: str, value: str, start_pos: int, line: int, column: int, end_line: int, end_column: int, end_pos: int
) -> Token:
    """``Token(kind, value, start_pos, line, column, end_line, end_column, end_pos)``, built as
    the ``str`` subclass instance it is with its eight documented attributes set, without
    ``Token.__new__``: its ``*args``/``**kwargs`` hand-over to ``_future_new`` and the
    ``super()`` look-up there cost twice what the object itself does (a test checks that both
    give the same token, attribute for attribute)."""
    token = _new_str(Token, value)
    token.type = kind
    token.value = value
    token.start_pos = start_pos
    token.line = line
    token.column = column
    token.end_line = end_line
    token.end_column = end_column
    token.end_pos = end_pos
    return token


def unify_breaks(text: str) -> str:
    """``text`` with each ``\\r\\n`` and ``\\r`` made a ``\\n`` (the other Unicode breaks stay)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def split_lines(text: str) -> list[str]:
    """Split on ``\\r\\n``, ``\\r`` and ``\\n`` only (not on the other Unicode breaks)."""
    return unify_breaks(text).split("\n")


def interpret_number(digits: str, previous: int, written: str) -> int:
    """The paragraph number as meant: ``17.`` right after 6 is 7 (the leading 1 is the
    rendering residue of the ``¶`` anchor), otherwise the number as written."""
    number = int(digits)
    expected = previous + 1
    if (
        number != expected
        and len(digits) > 1
        and digits[0] == "1"
        and int(digits[1:]) == expected
        and not written.lstrip().startswith("¶")
    ):
        return expected
    return number


def _fused_points(piece: str, state: "_Lexer") -> list[tuple[int, str, int]]:
    """Where further front-matter parts start inside ``piece`` (offset, token type, end of keyword).

    Each pattern (a look-ahead tried at every position) is searched only where ``piece`` holds a
    word every match of it holds, in any case: a cheap ``in`` on one upper-cased copy."""
    found: list[tuple[int, str, int]] = []
    upper = piece.upper()
    if state.eo_count == 0 and ("E." in upper or "EO" in upper):
        m = P.EO_FUSED.search(piece)
        if m:
            found.append((m.start(), "EO", m.end()))
    if not state.seen_tags and "TAGS" in piece:
        m = P.TAGS_FUSED.search(piece)
        if m:
            found.append((m.start(), "TAGS", m.end()))
    if not state.seen_subject:
        m = P.SUBJECT.search(piece) if "SUBJ" in upper else None
        if m:
            found.append((m.start(), "SUBJECT", m.end()))
    elif not state.seen_ref and "REF" in upper:
        m = P.REF_FUSED.search(piece)
        if m:
            found.append((m.start(), "REF", m.end()))
    if not state.seen_authority:
        m = ("BY" in upper and P.CLASSIFIED_BY.search(piece)) or ("FROM" in upper and P.DERIVED_FROM.search(piece))
        if m:
            found.append((m.start(), "CLASSIFIED_BY", m.end()))
    found.sort()
    return found


def _holds_any(text: str, chars: str) -> bool:
    """Whether ``text`` holds one of ``chars`` (one ``in`` a character: memchr speed)."""
    for char in chars:
        if char in text:
            return True
    return False


def _banner_head(line: str) -> re.Match | None:
    """``P.BANNER_HEAD.match(line)``, tried only where the first character after the lead's
    blanks, quotes and brackets can open a level word or a ``Cable dated:``/``ID:`` preamble."""
    if line.lstrip(" \t\"',.]")[:1] not in _BANNER_FIRST:
        return None
    return P.BANNER_HEAD.match(line)


def _caption_only(line: str) -> re.Match | None:
    """``P.CAPTION_ONLY.match(line)``, tried only where a caption word opens the line after its
    blanks and dashes, the one place one can start (on a line of dashes the pattern backtracks
    through every split of them: ~50k instructions)."""
    if line.lstrip(" \t-")[:1] not in _CAPTION_WORD_FIRST:
        return None
    return P.CAPTION_ONLY.match(line)


def _page_numbers(line: str, pos: int, end: int) -> re.Match | None:
    """``P.PAGE_NUMBERS.search(line, pos, end)``, tried only where its ``OF nnn`` is found."""
    if P.PAGE_OF.search(line, pos, end) is None:
        return None
    return P.PAGE_NUMBERS.search(line, pos, end)


def _fused_start(line: str, paren: int, pos: int) -> int | None:
    """The one place at or after ``pos`` where a ``P.FUSED_PARAGRAPH`` match whose mark opens at
    ``paren`` can start, or None: walked back over the fixed shape between them (blanks, ``.``
    or ``)``, a blank, one to three digits, ``¶``, blanks, after one of ``).-:``)."""
    at = paren
    while at > pos and line[at - 1] in " \t":
        at -= 1
    if at <= pos or line[at - 1] not in ".)":
        return None
    at -= 1
    if line[at - 1] in " \t":
        at -= 1
    digits = at
    while at > 0 and at > digits - 4 and line[at - 1].isdecimal():
        at -= 1
    if at == digits:
        return None
    if line[at - 1] == "¶":
        at -= 1
    blanks = at
    while at > 0 and line[at - 1] in " \t":
        at -= 1
    if at < blanks and at >= pos and at > 0 and line[at - 1] in ").-:":
        return at
    return None


def _fused_paragraphs(line: str, start: int, end: int) -> Iterator[re.Match]:
    """The matches of ``P.FUSED_PARAGRAPH.finditer(line, start, end)``, found without its scan.

    Every match ends in a portion mark, and what lies between its first character and the
    mark's ``(`` is fixed in shape, so each ``(`` has at most one place where a match can start
    (``_fused_start``), tried with ``FUSED_PARAGRAPH.match``; the regular expression's own scan
    tries a match at every blank of the (long) line.
    """
    pos = start
    paren = line.find("(", start, end)
    while paren >= 0:
        at = _fused_start(line, paren, pos)
        if at is not None:
            m = P.FUSED_PARAGRAPH.match(line, at, end)
            if m is not None:
                yield m
                pos = m.end()
        paren = line.find("(", max(paren + 1, pos), end)


def _marker_rows(text: str, offsets: list[int]) -> set[int] | None:
    """The rows (0-based) of ``text`` whose line holds an upper-case ``QQ`` or a marker word in
    any case, or None for a text beyond Latin-1: no other line has a marker or a run of garbage.
    One upper-cased copy of the whole text as bytes and a ``find`` per word cost less than an
    upper-cased copy and five ``in`` tests per line; bytes upper-case ASCII letters only, which
    is exactly how ``MARKER`` (``re.I``) matches a Latin-1 text.  ``offsets`` holds where each
    line starts."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    rows = set()
    # garbage counts only as an upper-case QQ (``_Lexer.markers``), found by its rare letter: a
    # scan for one byte, a few hits a text, costs a third of a ``find`` for two
    at = data.find(b"Q")
    while at >= 0:
        if data[at + 1 : at + 2] == b"Q":
            rows.add(bisect_right(offsets, at) - 1)
        at = data.find(b"Q", at + 1)
    upper = data.upper()
    for word in _MARKER_BYTES:
        at = upper.find(word)
        while at >= 0:
            rows.add(bisect_right(offsets, at) - 1)
            at = upper.find(word, at + 1)
    return rows


def _may_hold_markers(upper: str) -> bool:
    """Whether an upper-cased stretch of text may hold a marker or a run of garbage (``QQ``)."""
    return "QQ" in upper or "SUMMARY" in upper or "COMMENT" in upper or "NOTE" in upper or "TEXT" in upper


def _marker_spans(line: str, start: int, end: int, piece: str, upper: str) -> list[tuple[int, int]]:
    """The spans of ``P.MARKER.finditer(line, start, end)``, found without its scan.

    ``piece`` is ``line[start:end]`` and ``upper`` its upper-cased copy.  Every match starts at a
    SUMMARY/COMMENT/NOTE word or at the END/BEGIN at most 13 characters before a kind word
    (``BEGIN OF   TEXT``), so ``MARKER.match`` is tried at those places only, in order and
    past the last match, as ``finditer`` would meet them; the regular expression's scan tries
    a look-ahead at every character of the (long) line.  The places are found in ``upper``
    only where it is a character-for-character copy that agrees with the pattern's case
    folding (not so for U+0130, which matches ``I`` but is its own upper case).
    """
    if len(upper) != len(piece) or "\u0130" in piece:
        return [m.span() for m in P.MARKER.finditer(line, start, end)]
    places = set()
    for word in _MARKER_WORDS:
        at = upper.find(word)
        while at >= 0:
            if word != "TEXT":  # TEXT is a marker only after END or BEGIN
                places.add(at)
            lead_from = max(0, at - 13)
            for lead in ("END", "BEGIN"):
                lead_at = upper.rfind(lead, lead_from, at)
                if lead_at >= 0:
                    places.add(lead_at)
            at = upper.find(word, at + 1)
    spans = []
    pos = start
    for at in sorted(places):
        at += start
        if at >= pos:
            m = P.MARKER.match(line, at, end)
            if m:
                spans.append(m.span())
                pos = m.end()
    return spans


@functools.cache
def _portion_start() -> re.Pattern[str]:
    """What a portion marking must start with: blanks, perhaps a separator, then a level, a
    control, a NATO level or ``REL TO``, written with the grammar's own terminals.  A marking
    with no unknown part has one of these as its first part, so a text that does not start so
    (``COMPOSED LARGELY OF TAJIKS``, most parenthesised prose) is refused without a parse."""
    sep = terminal_regexp("SEP")
    first = "|".join(terminal_regexp(name) for name in ("LEVEL", "CONTROL", "NATO_LEVEL", "REL_TO"))
    return re.compile(f"[ \t]*(?:{sep})?(?:{first})")


@functools.lru_cache(maxsize=8192)
def valid_portion(raw: str) -> bool:
    """Whether a parenthesised group reads as a portion marking (``(C)``, not ``(CUBA IS)``);
    memoised, as the same marks and the same prose recur."""
    if _portion_start().match(raw) is None:
        return False
    parts = marking_parts(raw)
    return (parts.level is not None or bool(parts.controls)) and not parts.unknown


class _Lexer:
    """One pass over the lines of one cable; holds the little state the classes need."""

    def __init__(self, text: str) -> None:
        self.text = text
        # trailing white space (including U+2028 and no-break spaces) never carries meaning
        odd = _holds_any(text, P.ODD_CHARS)
        plain = unify_breaks(P.BLANKS.sub(" ", text) if odd else text)
        self.binary = odd and P.BINARY.search(text) is not None  # control characters: JUNK lines
        raw_lines = plain.split("\n")
        self.lines = [line.rstrip() for line in raw_lines]
        self.tokens: list[Token] = []
        self.pending_text: list | None = None  # [row, start, end_row, end, parts] of TEXT lines
        self.state = HEADER
        self.cont: str | None = None  # which field a wrapped line would continue
        self.blank_before = False
        self.eo_count = 0
        self.seen_tags = False
        self.seen_subject = False
        self.seen_ref = False
        self.seen_authority = False
        self.seen_banner = False
        self.last_number = 0  # the paragraph number last seen, as interpreted
        self.last_label: str | None = None  # the list label that opened the previous line
        self.prev_text = ""  # the previous non-blank line
        self.truncated = False  # a front-matter line was cut short by the publication
        self.first_serial: int | None = None  # the serial number on the first banner
        # where each line starts in the text (line breaks counted as one character)
        self.offsets: list[int] = list(accumulate((len(line) + 1 for line in raw_lines[:-1]), initial=0))
        self.marker_rows = _marker_rows(plain, self.offsets)

    # ------------------------------------------------------------------ emitting
    def emit(self, kind: str, row: int, start: int, end: int) -> None:
        """Emit the piece ``[start, end)`` of line ``row`` (0-based) as a ``kind`` token.

        Consecutive TEXT pieces on different lines are gathered and become one token.
        """
        line = self.lines[row]
        while end > start and line[end - 1] in " \t":
            end -= 1
        while start < end and line[start] in " \t":
            start += 1
        if start >= end:
            return
        if kind == "TEXT":
            self.gather_text(row, start, end, line[start:end])
            return
        if self.pending_text is not None:
            self.flush_text()
        offset = self.offsets[row]
        self.tokens.append(
            _token(kind, line[start:end], offset + start, row + 1, start + 1, row + 1, end + 1, offset + end)
        )

    def gather_text(self, row: int, start: int, end: int, piece: str) -> None:
        """Add ``piece``, the stripped text ``[start, end)`` of line ``row``, to the TEXT token
        being gathered, or open one (a piece on the same line as the last one ends it)."""
        pending = self.pending_text
        if pending is not None and pending[2] < row:
            pending[2], pending[3] = row, end
            pending[4].append(piece)
            return
        self.flush_text()
        self.pending_text = [row, start, row, end, [piece]]

    def flush_text(self) -> None:
        """Turn the gathered TEXT lines into one token."""
        pending = self.pending_text
        if pending is None:
            return
        row, start, end_row, end, parts = pending
        self.pending_text = None
        self.tokens.append(_token(
            "TEXT", "\n".join(parts), self.offsets[row] + start, row + 1, start + 1,
            end_row + 1, end + 1, self.offsets[end_row] + end,
        ))

    def emit_fused(self, kind: str, row: int, start: int, end: int | None = None) -> None:
        """Emit a front-matter part and cut off any further parts fused onto it."""
        line = self.lines[row]
        end = len(line) if end is None else end
        self.mark_seen(kind)
        while True:
            piece = line[start:end]
            # the keyword of the current part itself is not a fusion point
            points = [p for p in _fused_points(piece, self) if p[0] > 0]
            page = _page_numbers(piece, 0, len(piece))
            if page:
                points.append((self.place_start(piece, page.start()), "PAGE_BREAK", page.end()))
            fused = self.fused_paragraph(piece, 1, len(piece))
            if fused is not None:
                points.append((fused.start("start"), "PARAGRAPH", fused.end()))
            points.sort()
            if not points:
                self.emit(kind, row, start, end)
                return
            cut, next_kind, keyword_end = points[0]
            self.emit(kind, row, start, start + cut)
            if next_kind == "PARAGRAPH":
                self.state = BODY
                self.cont = None
                self.last_number = interpret_number(fused.group("digits"), self.last_number, fused.group("start"))
                self.emit_body_line("PARAGRAPH", row, start + cut)
                return
            if next_kind == "PAGE_BREAK":
                self.emit("PAGE_BREAK", row, start + cut, start + keyword_end)
                start += keyword_end
                kind = "TEXT"  # a page break ends the field; what follows is text
                self.cont = None
                if self.split_authority(row, line[start:end]):
                    kind = "CLASSIFIED_BY"
                    self.mark_seen(kind)
                continue
            kind = next_kind
            start += cut
            self.mark_seen(kind)

    def split_authority(self, row: int, piece: str) -> bool:
        """Whether ``piece``, the rest of line ``row`` after a page-break mark, is the first word
        of an authority line whose ``BY:`` the page break pushed to the next text line
        (``... 001.2 OF 003 CLASSIFIED`` / blank / ``BY: Gene A. Cretz ... REASON: 1.4 (b)``)."""
        if self.seen_authority or not P.SPLIT_KEYWORD.fullmatch(piece):
            return False
        following = next(self.next_lines(row, 1, 3), "")
        return P.SPLIT_BY.match(following) is not None

    def authority_incomplete(self) -> bool:
        """Whether the authority line so far stops short of its reason (``... Reasons 1.`` or
        no section number yet), so that a numbered next line continues it."""
        text = " ".join(str(t) for t in self.authority_tokens())
        if not P.SECTION_NUMBER.search(text):
            return True
        return text.rstrip().endswith(("1.", "(", ",", " and", " AND", "&"))

    def continues_authority(self, para: re.Match) -> bool:
        """Whether a numbered line right under an authority line that stops short of its
        reason continues it (``... for reasons`` / ``1.4 (b) and (d)``) rather than opening
        the body: not when a portion mark follows the number (``¶1. (S) SUMMARY``), since a
        reason never carries one; an authority line without any reason is common."""
        if self.cont != "authority" or self.blank_before or not self.authority_incomplete():
            return False
        mark = para.group("mark") or para.group("premark")
        return mark is None or not valid_portion(mark)

    def authority_tokens(self) -> list[Token]:
        """The CLASSIFIED_BY token just emitted and its continuation lines."""
        out: list[Token] = []
        for tok in reversed(self.tokens):
            if tok.type not in ("CONT", "CLASSIFIED_BY"):
                return []
            out.append(tok)
            if tok.type == "CLASSIFIED_BY":
                return out[::-1]
        return []

    def authority_open(self) -> bool:
        """Whether the authority lines so far cite no reason section yet."""
        for tok in reversed(self.tokens):
            if P.REASON_SECTION.search(tok):
                return False
            if tok.type == "CLASSIFIED_BY":
                return True
            if tok.type != "CONT":
                return False
        return False

    def mark_seen(self, kind: str) -> None:
        """Remember which front-matter fields have been met (a field is fused only once)."""
        if kind == "EO":
            self.eo_count += 1
            self.cont = "eo"
        elif kind == "TAGS":
            self.seen_tags = True
            self.cont = "tags"
        elif kind == "SUBJECT":
            self.seen_subject = True
            self.cont = "subject"
        elif kind == "REF":
            self.seen_ref = True
            self.cont = "ref"
        elif kind == "CLASSIFIED_BY":
            self.seen_authority = True
            self.cont = "authority"
        elif kind == "BANNER":
            self.seen_banner = True

    @staticmethod
    def place_start(piece: str, digits_at: int) -> int:
        """Back from the 8-digit serial of a page break to the start of its place name."""
        base = max(0, digits_at - 40)  # a place name is short: look no further back
        head = piece[base:digits_at]
        m = P.PLACE_WORD.search(head)
        if not m:
            return digits_at
        start = m.start()
        # multi-word places (BUENOS AIRES, THE HAGUE, TEL AVIV): take one more word when short
        m2 = P.PLACE_WORD.search(head[:start])
        if m2 and start - m2.start() <= 7 and m2.start() == 0 and base == 0:
            start = m2.start()
        return base + start

    # ------------------------------------------------------------------ body helpers
    def emit_body_line(self, kind: str, row: int, start: int = 0) -> None:
        """Emit a body line, splitting out inline page breaks, fused paragraph starts, a footer
        tail and markers."""
        line = self.lines[row]
        end = len(line)
        tail = None
        if (
            line.endswith(_FOOTER_ENDS)
            and "  " in line
            and row + 1 < len(self.lines)
            and self.starts_page_break(self.lines[row + 1])
        ):
            m = P.FOOTER_TAIL.search(line, max(start, len(line) - 80))
            if m:
                tail = (m.start("footer"), m.end("footer"))
                end = m.start()
        pos = start
        has_of = " OF " in line
        # a fused start holds a mark's parenthesis: one scan for it spares the others on most lines
        has_fused = "(" in line and (") " in line or ".(" in line or ". (" in line or "1." in line)
        while True:
            page = _page_numbers(line, pos, end) if has_of else None
            fused = self.fused_paragraph(line, pos + 1, page.start() if page else end) if has_fused else None
            if fused is not None:
                cut = fused.start("start")
                self.emit(kind, row, pos, cut)
                self.markers(row, pos, cut)
                self.state = BODY
                self.cont = None
                self.last_number = interpret_number(fused.group("digits"), self.last_number, fused.group("start"))
                pos, kind = cut, "PARAGRAPH"
                continue
            if not page:
                break
            cut = pos + self.place_start(line[pos:end], page.start() - pos)
            self.emit(kind, row, pos, cut)
            self.markers(row, pos, cut)
            self.emit("PAGE_BREAK", row, cut, page.end())
            pos = page.end()
            kind = "TEXT"
            after = P.PARAGRAPH_AFTER_BREAK.match(line, pos, end)
            if after and self.last_number < int(after.group("digits")) <= self.last_number + _FUSED_GAP:
                if valid_portion(after.group("mark")):  # ... 002 OF 003 5. (SBU) ...
                    self.state, self.cont = BODY, None
                    self.last_number = int(after.group("digits"))
                    pos, kind = after.start("start"), "PARAGRAPH"
        self.emit(kind, row, pos, end)
        self.markers(row, pos, end)
        if tail:
            self.emit("FOOTER", row, *tail)

    def fused_paragraph(self, line: str, start: int, end: int) -> re.Match | None:
        """A marked paragraph start fused mid-line that continues the numbering, or None."""
        if end - start < 6:
            return None
        for m in _fused_paragraphs(line, start, end):
            number = interpret_number(m.group("digits"), self.last_number, m.group("start"))
            # a later number with a real mark (numbers between may be lost to fusing or the source)
            if self.last_number < number <= self.last_number + _FUSED_GAP and valid_portion(m.group("mark")):
                return m
        if self.last_number == 0 and self.state != BODY and "(" in line and P.FUSED_HINT.search(line, start, end):
            # the first paragraph glued behind a REF or authority line: ... STATE 69691 1. (SBU) ...
            for m in P.FUSED_FIRST_PARAGRAPH.finditer(line, start, end):
                if valid_portion(m.group("mark")):
                    return m
        return None

    def markers(self, row: int, start: int, end: int) -> None:
        """Emit SUMMARY / END SUMMARY / COMMENT / NOTE markers, and runs of transmission garbage
        (``RHTQwsQfjQQQocuments``), found in a stretch of text."""
        if end - start < 4 or (self.marker_rows is not None and row not in self.marker_rows):
            return
        line = self.lines[row]
        piece = line[start:end]
        upper = piece.upper()
        if not _may_hold_markers(upper):
            return
        found = []
        if "QQ" in piece:
            found = [m.span() for m in P.CORRUPT_RUN.finditer(line, start, end)]
        found += _marker_spans(line, start, end, piece, upper)
        for at, to in sorted(found):
            self.emit("MARKER", row, at, to)

    @staticmethod
    def starts_page_break(line: str) -> bool:
        """Whether a line opens with a page-break mark (old ``PAGE nn`` or ``CITY nnnnnnnn nnn OF nnn``)."""
        head = line[:80]
        if "OF" not in head:
            return False
        if P.OLD_PAGE.match(line):
            return True
        m = _page_numbers(line, 0, 60)
        return bool(m) and not line[: m.start()].strip(" \t").count(" ") > 2

    # ------------------------------------------------------------------ classification
    def run(self) -> list[Token]:
        """Classify every line; return the token list."""
        binary = self.binary
        for row, line in enumerate(self.lines):
            if not line:
                if self.cont == "authority" and not self.blank_before and self.authority_open():
                    self.cont = "authority-after-blank"  # SMART template wrapped across a blank line
                elif self.cont in ("subject", "address", "authority", "caption", "eo", "tags", "authority-after-blank"):
                    self.cont = None
                self.blank_before = True
                continue
            head = line.lstrip()
            first = head[0]
            if binary and P.BINARY.search(line):
                self.emit("JUNK", row, 0, len(line))
            elif len(head) < len(line) and line[:_DEEP_INDENT].isspace():
                # indented this deep, a line is text, whatever it says
                if self.state == HEADER:
                    self.emit("ROUTING_TEXT", row, 0, len(line))
                else:
                    self.emit_body_line("TEXT", row)
            elif (self.cont == "record" or line[0] in "i-") and self.record_line(row, line):
                pass
            elif self.state == HEADER:
                self.header_line(row, line)
            elif self.state == FRONT:
                self.front_line(row, line)
                if line.endswith("..."):
                    self.truncation(row)
            elif (
                first.isalpha()
                and first not in _STRUCTURAL_FIRST
                and self.cont != "authority"
                and "(" not in line
                and "¶" not in line
                and " OF " not in line
                and not line.endswith(_FOOTER_ENDS)
                and head[1:2] not in (".", ")")
            ):
                # the commonest line: paragraph text that can open nothing (no mark, number, page
                # break, banner, caption, authority or footer can start or hide in it), nor a list
                self.cont = None
                if len(head) < len(line):  # emit() strips the indent
                    self.emit("TEXT", row, 0, len(line))
                else:  # a stripped line: straight into the TEXT token being gathered
                    self.gather_text(row, 0, len(line), line)
                if self.marker_rows is None or row in self.marker_rows:  # markers' own first test, without the call
                    self.markers(row, 0, len(line))
                self.blank_before = False
                self.last_label = None
                self.prev_text = line
                continue
            else:
                self.body_line(row, line)
            self.blank_before = False
            label = P.LIST_LABEL.match(line) if first in "(¶" or head[1:2] in ".)" else None
            self.last_label = label.group("letter").upper() if label else None
            self.prev_text = line
        self.flush_text()
        self.text_end_in_front()
        return self.tokens

    def text_end_in_front(self) -> None:
        """Mark a text that ends inside the front matter, on a field line, with no body at all
        (``TAGS: ECON ENRG`` as the last line): the publication cut it there, without the
        ``...`` it usually leaves, so the fields that should follow are unknown.  The mark
        is an empty MARKER token at the end of the last line."""
        if self.state != FRONT or self.seen_authority or not self.tokens:
            return
        last = self.tokens[-1]
        if last.type in _FRONT_FIELDS:
            self.mark_cut(last.end_line - 1, last.end_column - 1)

    def mark_cut(self, row: int, column: int) -> None:
        """An empty MARKER token at ``column`` of line ``row`` (0-based): the publication cut the
        front matter there without leaving ``...``; the builder records it as "truncated"."""
        self.flush_text()
        at = self.offsets[row] + column
        self.tokens.append(_token("MARKER", "", at, row + 1, column + 1, row + 1, column + 1, at))

    def record_line(self, row: int, line: str) -> bool:
        """An embedded database record: its field lines, then the cable text starts again."""
        if self.cont == "record":  # the record's field lines extend its one token
            last = self.tokens[-1]
            merged = Token.new_borrow_pos("RECORD", f"{last}\n{line.rstrip()}", last)
            merged.end_line, merged.end_column = row + 1, len(line.rstrip()) + 1
            merged.end_pos = self.offsets[row] + len(line.rstrip())
            self.tokens[-1] = merged
            if line.startswith("header:"):
                self.restart()
            return True
        if P.RECORD_START.match(line) and row + 1 < len(self.lines) and P.RECORD_FIELD.match(self.lines[row + 1]):
            self.cont = "record"
            self.emit("RECORD", row, 0, len(line))
            return True
        if self.state == HEADER and P.RECORD_END.match(line):
            self.emit("ROUTING_TEXT", row, 0, len(line))
            return True
        return False

    def restart(self) -> None:
        """After a record's ``header:`` line the whole cable text follows again."""
        self.state = HEADER
        self.cont = None
        self.eo_count = 0
        self.seen_tags = self.seen_subject = self.seen_ref = self.seen_authority = False
        self.seen_banner = False

    def banner_end(self, line: str, strict: bool) -> int | None:
        """End offset of a banner at the start of ``line``, or None when it is not a banner.

        ``strict`` (in the body) demands a ``SECTION`` or originator-and-serial part, so that
        ``SECRET SERVICE AGENTS ...`` stays text.
        """
        m = _banner_head(line)
        if not m:
            return None
        end = m.end()
        spaced = " " in m.group("marking").strip()[:3]
        sec = P.SECTION.match(line, end)
        if sec:
            end = sec.end()
        orig = P.ORIGIN_SERIAL.match(line, end)
        if orig and (orig.group("origin") or orig.group("serial")[0].isdigit() or orig.group("serial")[0].isalpha()):
            end = orig.end()
        rest = line[end:].strip()
        if sec or orig:
            return end
        if not rest:
            return end
        if strict:
            return None
        if spaced or m.group("marking").upper().startswith("UNCLAS"):
            return end
        if P.EO_FUSED.match(rest) or P.TAGS_FUSED.match(rest):
            return end
        return None

    def header_line(self, row: int, line: str) -> None:
        """A line before the first banner: routing header, preamble, or the start of the front."""
        if not self.tokens and self.pending_text is None and P.PARTIAL_NOTE.match(line):
            self.emit("PARTIAL_NOTE", row, 0, len(line))
            return
        if "VZCZC" in line and P.VZCZC.match(line):
            self.cont = None
            self.emit("VZCZC", row, 0, len(line))
            return
        if "DE" in line and P.DE_LINE.match(line) and P.DE_LINE_STRICT.match(line):
            self.cont = None
            self.emit("DE_LINE", row, 0, len(line))
            return
        if "ZN" in line and P.SECURITY.match(line):
            self.cont = None
            self.emit("SECURITY", row, 0, len(line))
            return
        if "Z" in line and P.DTG.match(line):
            self.cont = None
            self.emit("DTG_LINE", row, 0, len(line))
            return
        if ((" R" in line or "\tR" in line) and P.PROSIGN.match(line)) or (
            self.cont == "prosign" and P.ROUTING_INDICATORS.match(line)
        ):
            self.cont = "prosign"
            self.emit("PROSIGN", row, 0, len(line))
            return
        if "-" in line and P.DISTRIBUTION.match(line):
            self.cont = None
            self.emit("ROUTING_TEXT", row, 0, len(line))
            return
        if P.ADDRESS.match(line):
            self.cont = "address"
            self.emit("ADDRESS", row, 0, len(line))
            return
        end = self.banner_end(line, strict=False)
        if end is None:
            end = self.damaged_banner_end(line)
        elif end == P.BANNER_HEAD.match(line).end() and (self.routing_follows(row) or self.full_banner_follows(row)):
            end = None  # a bare classification field of a record row or print header, not the banner
        if end is not None and (self.cont != "address" or self.is_strong_banner(line)):
            self.start_front(row, line, end)
            return
        fused = self.glued_banner(line)
        if fused is not None:  # ...PRIORITY","C O N F I D E N T I A L BUENOS AIRES 000526 ...
            at, end = fused
            self.emit("CONT" if self.cont == "address" else "ROUTING_TEXT", row, 0, at)
            self.start_front(row, line, end, at)
            return
        if self.cont == "address":
            self.emit("CONT", row, 0, len(line))
            return
        if P.OLD_PAGE.match(line):
            self.emit("PAGE_BREAK", row, 0, len(line))
            return
        if self.front_keyword(line) or self.is_paragraph(line):
            self.state = FRONT
            self.front_line(row, line)
            return
        self.emit("ROUTING_TEXT", row, 0, len(line))

    def glued_banner(self, line: str) -> tuple[int, int] | None:
        """(start, end) of a strong banner glued behind a TAB or a csv quote in a header line."""
        if "\t" not in line and '"' not in line:  # no glue: spare the pattern's scan
            return None
        for glue in P.BANNER_AFTER_ADDRESS.finditer(line):
            at = glue.end()
            # cheap looks first: a level word starts right there, and no copy of the rest
            if line[at:at + 1] not in _LEVEL_FIRST or not self.is_strong_banner(line[at:at + 40]):
                continue
            rest = line[at:]
            end = self.banner_end(rest, strict=True)
            if end is not None:
                return at, at + end
        return None

    def damaged_banner_end(self, line: str) -> int | None:
        """End of a banner whose level word is damaged (``NCLAS SECTION 01 OF 02 ...``):
        letter-spaced, or a level word with one letter lost or doubled."""
        m = P.DAMAGED_BANNER.match(line)
        if not m:
            return None
        word = m.group("marking")
        if word.count(" ") < 4 and damaged_level(word) is None and not P.DAMAGED_UNCLAS.fullmatch(word):
            return None
        end = m.end()
        sec = P.SECTION.match(line, end)
        if sec:
            end = sec.end()
        orig = P.ORIGIN_SERIAL.match(line, end)
        return orig.end() if orig else end

    def next_lines(self, row: int, count: int, within: int) -> Iterator[str]:
        """The next ``count`` non-blank lines after line ``row`` (0-based), looking no further
        than ``within`` lines down."""
        seen = 0
        for line in self.lines[row + 1 : row + 1 + within]:
            if line.strip():
                yield line
                seen += 1
                if seen == count:
                    return

    def routing_follows(self, row: int, lines: int = 3) -> bool:
        """Whether one of the next few non-blank lines is a routing-header line."""
        return any(
            P.VZCZC.match(line) or P.DE_LINE_STRICT.match(line) or P.SECURITY.match(line)
            or P.DTG.match(line) or P.ADDRESS.match(line) or P.OLD_PAGE.match(line)
            or P.DISTRIBUTION.match(line) or P.PROSIGN.match(line)
            for line in self.next_lines(row, lines, 39)
        )

    def full_banner_follows(self, row: int) -> bool:
        """Whether one of the next two non-blank lines is a classification line with SECTION
        or originator and serial (the cable's own, after a record row's bare level field)."""
        for line in self.next_lines(row, 2, 5):
            head = _banner_head(line)
            end = self.banner_end(line, strict=True) if head else None
            if end is not None and end > head.end():
                return True
        return False

    def vzczc_line(self, row: int, line: str) -> None:
        """A VZCZC line after the text started: a repeated routing header, or a stray line."""
        if self.routing_follows(row, lines=1):
            self.restart()
            self.emit("VZCZC_AGAIN", row, 0, len(line))
        else:
            self.emit("VZCZC", row, 0, len(line))

    @staticmethod
    def is_strong_banner(line: str) -> bool:
        """A letter-spaced or ``UNCLAS`` banner, recognisable even without a blank line before it."""
        m = _banner_head(line)
        return bool(m) and (" " in m.group("marking").strip()[:3] or m.group("marking").upper().startswith("UNCLAS"))

    def start_front(self, row: int, line: str, end: int, at: int = 0) -> None:
        """Emit the banner starting at ``at`` (and whatever is fused behind it) and enter the
        front matter."""
        serial = P.BANNER_SERIAL.search(line, at, end)
        serial_value = int(serial.group(1)) if serial else None
        if self.first_serial is None:
            self.first_serial = serial_value
        head = P.BANNER_HEAD.match(line, at) or P.DAMAGED_BANNER.match(line, at)
        lead = head.end("lead")
        cut = line.find("...", at, lead)
        if cut >= 0 and self.state == FRONT and not self.seen_authority:
            # ``...C O N F I D E N T I A L ...``: the cut that ends the previous line opens this one
            self.emit("MARKER", row, cut, cut + 3)
            self.truncated = True
        if self.state == FRONT and self.truncated and serial_value == self.first_serial:
            # a complete copy of the same cable after a preview the publication cut short:
            # its fields are read anew (another cable's text glued on is not)
            self.eo_count = 0
            self.seen_tags = self.seen_subject = self.seen_ref = self.seen_authority = False
            self.truncated = False
        self.state = FRONT
        self.cont = None
        self.mark_seen("BANNER")
        self.emit("BANNER", row, lead, end)
        if end < len(line):
            self.emit_fused("CAPTION", row, end)
            self.cont = None

    @staticmethod
    def front_keyword(line: str) -> bool:
        """Whether a line opens one of the front-matter fields."""
        return bool(
            P.EO_AT_START.match(line)
            or P.TAGS_AT_START.match(line)
            or P.SUBJECT_AT_START.match(line)
            or P.CLASSIFIED_AT_START.match(line)
        )

    def is_paragraph(self, line: str) -> bool:
        """A numbered paragraph start, not a false friend such as ``¶2003.`` or ``4 (b/d)``."""
        return self.paragraph_match(line) is not None

    def paragraph_match(self, line: str, row: int | None = None) -> re.Match | None:
        """The paragraph-start match of a line, when it really opens a paragraph.

        ``6 (C)`` without a period needs a real portion mark; an unmarked number that does not
        continue the sequence right after a text line is a wrapped number (``... on September`` /
        ``¶11. His visit``), not a paragraph.
        """
        m = P.PARAGRAPH.match(line)
        if not m or m.group("digits") is None:
            return None
        mark = m.group("mark") or m.group("premark")
        marked = mark is not None and valid_portion(mark)
        if not m.group("num").rstrip().endswith((".", ")")) and not marked:
            return None
        if m.group("to") and not marked:  # a range "4-12." opens a paragraph only with its mark
            return None
        if not marked and self.state == BODY and self.last_number:
            # "... steps outlined in para" / "¶6. ...": looked for in the line's tail only
            if P.AWAITS_NUMBER.search(self.prev_text, max(0, len(self.prev_text) - _AWAITS_TAIL)):
                return None
            number = interpret_number(m.group("digits"), self.last_number, m.group("num"))
            in_sequence = number == self.last_number + 1
            if not in_sequence and not self.blank_before and m.group("digits") != "1":
                return None  # (a list restarting at 1 is kept: the builder folds it in)
            if self.blank_before and self.ends_mid_sentence() and self.wrapped_off(row, number, in_sequence):
                return None
        return m

    def wrapped_off(self, row: int | None, number: int, in_sequence: bool) -> bool:
        """Whether an unmarked number after a sentence cut mid-way, with a blank line the
        publication put between (``... Samarah Ahmed and Momtaz`` / ``1.He will ...``), is
        that sentence's last word rather than a paragraph.  Out of sequence it is, unless a
        list restarts at 1 or the next numbered line continues from it and not from the
        paragraph before (a new run: ``¶15.``, ``¶16.`` after ``¶4.``); in sequence only when
        the next numbered line repeats it (``... convert Rabta 1 and`` / ``¶2. Except ...`` /
        ``2.(S) During ...``)."""
        following = self.next_number(row)
        if in_sequence:
            return following == number
        if number == 1 and self.last_number > 1:
            return False
        return not (following == number + 1 and following != self.last_number + 1)

    def next_number(self, row: int | None) -> int | None:
        """The number of the next numbered line after ``row``, if any near."""
        if row is None:
            return None
        for line in self.lines[row + 1 : row + _LOOK_AHEAD]:
            m = P.PARAGRAPH.match(line) if line[:1] in _NUMBER_FIRST else None
            if m and m.group("digits") and m.group("num").rstrip().endswith((".", ")")):
                return int(m.group("digits"))
        return None

    def ends_mid_sentence(self) -> bool:
        """Whether the previous text line is a long line of running text stopped mid-sentence (a
        lower-case word or a comma last), not a heading or the end of a sentence."""
        prev = self.prev_text
        return len(prev) >= _RUNNING_LINE and (prev[-1].islower() or prev[-1] == ",")

    def front_line(self, row: int, line: str) -> None:
        """A line between the banner and the first paragraph."""
        cont = self.cont
        # a second classification line in the front matter (e.g. after a routing print)
        head = _banner_head(line)
        end = self.banner_end(line, strict=True) if head else None
        damaged = None if end is not None or self.seen_banner else self.damaged_banner_end(line)
        if damaged is not None:
            self.start_front(row, line, damaged)
            return
        if end is not None:
            if end > head.end() or line[end:].strip():  # SECTION, originator and serial, or more
                self.start_front(row, line, end)
                return
            self.emit("FOOTER", row, 0, len(line))
            return
        if "VZCZC" in line and P.VZCZC.match(line):
            self.vzczc_line(row, line)
            return
        # the field keywords are tried only on a line whose first character can open them
        lead = line.lstrip(" \t")[:1].upper()
        if lead == "E" and P.EO_AT_START.match(line) and (P.EO_FUSED.match(line) or P.EO_KEYWORD.match(line)):
            self.cont = None
            self.emit_fused("EO", row, 0)
            return
        if lead == "T" and P.TAGS_AT_START.match(line):
            self.cont = None
            self.emit_fused("TAGS", row, 0)
            return
        if lead == "S" and P.SUBJECT_AT_START.match(line) and not self.seen_subject:
            self.emit_fused("SUBJECT", row, 0)
            return
        if (
            lead in ("(", "C", "D")
            and (P.CLASSIFIED_AT_START.match(line) or P.GARBLED_AUTHORITY.match(line))
            and not self.seen_authority
        ):
            self.emit_fused("CLASSIFIED_BY", row, 0)
            return
        ref = P.REF_AT_START.match(line) if lead in ("¶", "R") else None
        if ref and (self.seen_subject or ref.group(0).rstrip().endswith(":")) and not self.is_paragraph(line):
            self.emit_fused("REF", row, 0)
            return
        if self.starts_page_break(line):
            self.front_page_break(row, line)
            return
        if cont == "ref" and P.REF_ITEM.match(line, len(line) - len(line.lstrip())) and not self.is_paragraph(line):
            self.emit_fused("CONT", row, 0)
            self.cont = "ref"
            return
        if (
            cont == "authority-after-blank"
            and (P.REASON_SECTION.search(line) or P.SPLIT_BY.match(line))
            and not self.is_paragraph(line)
        ):
            self.emit_fused("CONT", row, 0)
            return
        para = self.paragraph_match(line)
        if para is not None and not self.continues_authority(para):
            self.state = BODY
            self.body_line(row, line)
            return
        if cont in ("caption", "address") and _caption_only(line):
            self.emit("CAPTION", row, 0, len(line))
            return
        if cont in ("subject", "authority", "caption", "address", "eo") and not self.blank_before:
            self.emit_fused("CONT", row, 0)
            self.cont = cont
            return
        if cont == "tags" and not self.blank_before and P.TAG_LIST.fullmatch(line.strip()) and not _caption_only(line):
            self.emit_fused("CONT", row, 0)
            return
        if cont == "ref" and not self.blank_before:
            self.emit_fused("CONT", row, 0)
            self.cont = "ref"
            return
        if _caption_only(line):
            self.emit("CAPTION", row, 0, len(line))
            return
        if not self.seen_subject and self.eo_count == 0 and P.ADDRESS.match(line) and not P.DISTRIBUTION.match(line):
            self.cont = "address"
            self.emit("ADDRESS", row, 0, len(line))
            return
        if not self.seen_subject and P.ROUTING_CAPTION.match(line) and line.upper() == line:
            self.emit_fused("CAPTION", row, 0)
            self.cont = "caption"
            return
        if not self.seen_subject and P.CAPTION_LEAD.match(line):
            # caption words opening a line followed by stray words:  SIPDIS NOFORN PGOV, ECON, UK
            self.emit_fused("CAPTION", row, 0)
            return
        portion = P.PORTION_START.match(line)
        if portion and valid_portion(portion.group("mark")) and not self.continues_list(line):
            self.state = BODY
            self.body_line(row, line)
            return
        self.cont = None
        points = _fused_points(line, self)
        if points and points[0][0] > 0:
            head = line[: points[0][0]]
            kind = "CAPTION" if _caption_only(head) or P.ROUTING_CAPTION.match(head) else "TEXT"
            self.emit_fused(kind, row, 0)
            return
        if self.front_lost(line):
            self.mark_cut(row, 0)
        self.emit_body_line("TEXT", row)

    def front_lost(self, line: str) -> bool:
        """Whether a text line in the front matter shows that the rest of it was lost, so the
        fields that should follow (the authority line above all) cannot be judged:

        - text opening mid-sentence right after the E.O. or TAGS line: SUBJECT, the authority
          and the start of the body were lost to the publication;
        - a one-line copy of the header (its E.O. and TAGS fields again) after TAGS was read:
          the rendering broke off into the flattened copy, which carries neither SUBJECT nor
          the authority line;
        - a transmission cancel notice (``ZFR ZFR ZFR CANCEL TELEGRAM``): the text it stands
          for is not in the record.
        """
        if line[:1].islower() and not self.seen_subject and self.tokens and self.tokens[-1].type in ("EO", "TAGS"):
            field = str(self.tokens[-1])
            return field[:2].isupper() and not field.endswith(",")  # not a lower-cased rendering, nor a wrap
        if self.seen_authority:
            return False  # what the rules judge was read before the loss
        if self.seen_tags and P.EO_FUSED.search(line) and P.TAGS_FUSED.search(line):
            return True
        return P.CANCEL_NOTICE.match(line) is not None

    def after_break(self, row: int, line: str, end: int) -> None:
        """What follows a page-break mark on its line: a marked paragraph start, or text."""
        after = P.PARAGRAPH_AFTER_BREAK.match(line, end)
        if (
            after
            and self.last_number < int(after.group("digits")) <= self.last_number + _FUSED_GAP
            and valid_portion(after.group("mark"))
        ):
            self.state, self.cont = BODY, None
            self.last_number = int(after.group("digits"))
            self.emit_body_line("PARAGRAPH", row, after.start("start"))
            return
        self.emit_body_line("TEXT", row, end)

    def truncation(self, row: int) -> None:
        """A front-matter line the publication cut short (``REF: S...``): mark the ``...``."""
        line = self.lines[row]
        if line.endswith("...") and self.state == FRONT and not self.seen_authority:
            self.emit("MARKER", row, len(line) - 3, len(line))
            self.cont = None  # the cut ends the field
            self.truncated = True

    def front_page_break(self, row: int, line: str) -> None:
        """A page-break line in the front matter; what follows on the line is classified anew."""
        m = P.OLD_PAGE.match(line)
        if m:
            end = m.end()
        else:
            end = P.PAGE_NUMBERS.search(line).end()
        self.emit("PAGE_BREAK", row, 0, end)
        self.cont = None
        rest = line[end:]
        if not rest.strip():
            return
        offset = end + len(rest) - len(rest.lstrip())
        sub = line[offset:]
        if P.CLASSIFIED_AT_START.match(sub) and not self.seen_authority:
            self.emit_fused("CLASSIFIED_BY", row, offset)
        else:
            self.after_break(row, line, end)

    def continues_list(self, line: str) -> bool:
        """``(C) ...`` right after a ``(B) ...`` line is a list label, not a portion mark."""
        label = P.LIST_LABEL.match(line)
        return bool(label and self.last_label and ord(label.group("letter").upper()) == ord(self.last_label) + 1)

    def body_line(self, row: int, line: str) -> None:
        """A line after the first paragraph has started (but for plain text, which ``run`` takes)."""
        head = line.lstrip()
        first = head[:1]
        if (first.isdigit() or first == "¶") and P.DECIMAL_SUB.match(line):
            self.cont = None
            self.emit_body_line("SUBPARAGRAPH", row)
            return
        if first.isdigit() or first in "¶[(":
            m = self.paragraph_match(line, row)
            if m is not None and not self.continues_authority(m):
                self.cont = None
                self.paragraph_line(row, line, m)
                return
        elif first.islower() and self.cont != "authority":
            self.cont = None
            lower = P.MARKED_LOWER_SUB.match(line)  # a. (S) ...: a marked lettered item
            self.emit_body_line("SUBPARAGRAPH" if lower and valid_portion(lower.group("mark")) else "TEXT", row)
            return
        if first.isalnum() or first == "¶":
            # a letter opens a label only with a period or bracket after it, a roman numeral, or
            # an outline's blank (D 1.); a digit or ¶ may open any: the patterns are spared otherwise
            letter = first.isalpha()
            second = head[1:2]
            sub = None if letter else P.DECIMAL_SUB.match(line)
            if not sub and (not letter or second in (".", ")") or first in "IVX"):
                sub = P.LETTERED_SUB.match(line)
            if not sub and (first.isupper() or first == "¶") and (not letter or second == " "):
                # D 1. (S/NF) under a heading ¶D.
                outline = P.OUTLINE_SUB.match(line)
                sub = outline if outline and valid_portion(outline.group("mark")) else None
            if sub:
                self.cont = None
                self.emit_body_line("SUBPARAGRAPH", row)
                return
        elif first == "-":
            bullet = P.BULLET.match(line)
            if bullet and (bullet.group("dashes") == "--" or valid_portion(bullet.group("mark") or "")):
                self.cont = None
                self.emit_body_line("BULLET", row)
                return
        elif first == "(":
            portion = P.PORTION_START.match(line)
            if portion and valid_portion(portion.group("mark")) and not self.continues_list(line):
                self.cont = None
                if not self.seen_authority and P.CLASSIFIED_BY.match(line, portion.end() + 1):
                    self.emit("PORTION_PARAGRAPH", row, 0, portion.end())
                    self.emit_fused("CLASSIFIED_BY", row, portion.end())
                    return
                self.emit_body_line("PORTION_PARAGRAPH", row)
                return
        if self.starts_page_break(line):
            m = P.OLD_PAGE.match(line)
            end = m.end() if m else P.PAGE_NUMBERS.search(line).end()
            self.emit("PAGE_BREAK", row, 0, end)
            if line[end:].strip():
                self.after_break(row, line, end)
            return
        if first in "CSTULcstul\"',]" and P.BANNER_HEAD.match(line):
            end = self.banner_end(line, strict=True)
            if end is not None:
                head = P.BANNER_HEAD.match(line)
                if P.SECTION.match(line, head.end()) or line[end:].strip() == "" and end > head.end():
                    self.emit("BANNER", row, head.end("lead"), end)
                    if line[end:].strip():
                        self.emit_body_line("TEXT", row, end)
                    return
                if line[head.end():].strip() == "":
                    self.emit("FOOTER", row, 0, len(line))
                    return
        if first == "V" and P.VZCZC.match(line):
            self.vzczc_line(row, line)
            return
        if (self.cont == "authority" and not self.blank_before) or (
            self.cont == "authority-after-blank" and P.REASON_SECTION.search(line)
        ):
            self.emit("CONT", row, 0, len(line))
            return
        if not self.seen_authority and first in "CcDd(" and P.CLASSIFIED_AT_START.match(line):
            self.emit_fused("CLASSIFIED_BY", row, 0)
            return
        if first in _CAPTION_FIRST and len(line) < 120 and _caption_only(line):
            self.emit("CAPTION", row, 0, len(line))
            return
        self.cont = None
        self.emit_body_line("TEXT", row)

    def paragraph_line(self, row: int, line: str, m) -> None:
        """A numbered paragraph start; an authority line inside it is split out."""
        self.last_number = (
            int(m.group("to")) if m.group("to") else interpret_number(m.group("digits"), self.last_number, m.group("num"))
        )
        if not self.seen_authority:
            cby = P.CLASSIFIED_BY.search(line, m.end(), m.end() + 40)
            if cby and cby.start() <= m.end() + 3:
                self.emit("PARAGRAPH", row, 0, cby.start())
                self.emit_fused("CLASSIFIED_BY", row, cby.start())
                return
        self.emit_body_line("PARAGRAPH", row)


class LineLexer(Lexer):
    """The Lark custom lexer: hands the line tokens of ``text`` to the LALR parser."""

    def __init__(self, lexer_conf) -> None:  # noqa: D107 - Lark passes its configuration
        self.lexer_conf = lexer_conf

    def lex(self, data: str) -> Iterator[Token]:  # type: ignore[override]
        return iter(_Lexer(data).run())


def tokenize(text: str) -> list[Token]:
    """The line tokens of ``text`` (for tests and the benchmark)."""
    return _Lexer(text).run()
