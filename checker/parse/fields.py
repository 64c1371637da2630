"""Readers for the small field languages of a cable: DTG, DE line, E.O. instruction, reasons...

Each reader takes the text of a line token (or of a token and its continuation lines) and
its position, and returns the model part: values normalised, the text kept in ``raw``.
Nothing here judges or raises; a value that cannot be read is ``None``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Sequence

from lark import Token
from lark.exceptions import LarkError

from checker.model import (
    Address,
    Authority,
    Banner,
    Caption,
    Declassification,
    DeLine,
    Dtg,
    EoLine,
    Level,
    Marker,
    PageMark,
    Reasons,
    Reference,
    SecurityLine,
    Span,
    Subject,
    Tags,
)
from checker.parse import patterns as P
from checker.parse.grammar import marking_parser, terminal_regexp
from checker.parse.markings import damaged_marking, make_marking, marking_parts

_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}
_MONTH_NAMES = {
    "JANUARY": 1, "FEBRUARY": 2, "MARCH": 3, "APRIL": 4, "MAY": 5, "JUNE": 6, "JULY": 7,
    "AUGUST": 8, "SEPTEMBER": 9, "OCTOBER": 10, "NOVEMBER": 11, "DECEMBER": 12,
}
_SECURITY_LEVELS = {
    "C": Level.CONFIDENTIAL, "S": Level.SECRET, "T": Level.TOP_SECRET,
    "U": Level.UNCLASSIFIED, "E": Level.UNCLASSIFIED,
}


def span_of(first: Token, last: Token | None = None) -> Span:
    """The span from the start of ``first`` to the end of ``last`` (or of ``first``)."""
    last = last or first
    return Span(first.line, first.column, last.end_line, last.end_column)


def joined(tokens: Sequence[Token]) -> str:
    """The text of a token and its continuation lines, joined with single spaces."""
    if len(tokens) == 1:  # most fields: one line, no generator
        return " ".join(tokens[0].split())
    return " ".join(" ".join(t.split()) for t in tokens)


def full_year(year: int) -> int:
    """Two-digit years: 00-69 are 20xx, 70-99 are 19xx."""
    if year >= 100:
        return year
    return 2000 + year if year < 70 else 1900 + year


# --------------------------------------------------------------------------- header
def dtg(tok: Token) -> Dtg:
    """``O 011943Z DEC 08`` -> precedence "O", 2008-12-01 19:43 UTC."""
    m = P.DTG.match(tok)
    value = None
    precedence = None
    if m:
        precedence = " ".join(m.group("prec").split()) if m.group("prec") else None
        month = _MONTHS.get(m.group("month").upper())
        try:
            if month:
                value = _dt.datetime(
                    full_year(int(m.group("year"))), month, int(m.group("day")),
                    int(m.group("hour")), int(m.group("minute")), tzinfo=_dt.timezone.utc,
                )
        except ValueError:
            value = None
    return Dtg(str(tok), precedence, value, span_of(tok))


def de_line(tok: Token) -> DeLine:
    """``DE RUEHC #6440/01 3361951`` -> station, serial, section, Julian day, filing time."""
    m = P.DE_LINE.match(tok)
    if not m:
        return DeLine(str(tok), None, None, None, None, None, span_of(tok))
    jday = int(m.group("jday")) if m.group("jday") else None
    return DeLine(
        str(tok), m.group("station"), m.group("serial"), m.group("section"), jday,
        m.group("time"), span_of(tok),
    )


def security_line(tok: Token) -> SecurityLine:
    """``ZNY CCCCC ZZH`` -> signal ZNY, code CCCCC, level CONFIDENTIAL (from the code letter)."""
    text = str(tok)
    return SecurityLine(text, *_security_parts(text), span_of(tok))


@functools.lru_cache(maxsize=256)
def _security_parts(text: str) -> tuple[str | None, str | None, Level | None]:
    """(signal, code, level) of a security line; the lines repeat (46 texts in 3,928 cables)."""
    m = P.SECURITY.match(text)
    signal = m.group("signal") if m else None
    code = m.group("code") if m else None
    return signal, code, _SECURITY_LEVELS.get(code[0]) if code else None


_PRECEDENCES = ("IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH")
_ROUTING_PREFIX = re.compile(r"(?P<ri>R[A-Z0-9]{3,})/")


def _address(role: str, text: str, tok: Token) -> Address:
    """``RUEHVB/AMEMBASSY ZAGREB IMMEDIATE 0000`` -> RI RUEHVB, AMEMBASSY ZAGREB, IMMEDIATE."""
    words = text.split()
    if words and words[-1].isdigit() and len(words[-1]) == 4:
        words.pop()  # the message serial number for this addressee
    precedence = None
    if words and words[-1] in _PRECEDENCES:
        precedence = words.pop()
        if precedence == "IMMEDIATE" and words and words[-1] == "NIACT":
            precedence = "NIACT " + words.pop()
    plad = " ".join(words)
    m = _ROUTING_PREFIX.match(plad)
    ri = m.group("ri") if m else None
    return Address(role, ri, plad[m.end():] if m else plad, precedence, span_of(tok))


def addresses(head: Token, conts: Sequence[Token]) -> list[Address]:
    """One :class:`Address` per line of an FM / TO / INFO / XMT group."""
    m = P.ADDRESS.match(head)
    role = m.group("role") if m else "TO"
    first = _address(role, m.group("rest") if m else str(head), head)
    return [first] + [_address(role, str(c), c) for c in conts]


# --------------------------------------------------------------------------- banner
def banner(tok: Token, kind: str) -> Banner:
    """A classification line: level and controls, spacing, section, originator, serial."""
    head = P.BANNER_HEAD.match(tok)
    m = head or P.DAMAGED_BANNER.match(tok)
    raw_marking = m.group("marking") if m else ""
    start = m.start("marking") if m else 0
    end = m.end() if m else 0
    section = section_count = None
    originator = serial = None
    sec = P.SECTION.match(tok, end)
    if sec:
        section, section_count = int(sec.group("n")), int(sec.group("of"))
        end = sec.end()
    orig = P.ORIGIN_SERIAL.match(tok, end)
    if orig:
        originator = orig.group("origin")
        serial = orig.group("serial")
    marking = make_marking(raw_marking, tok.line, tok.column + start)
    if head is None and raw_marking:  # a damaged level word: never read letters of it as a level
        marking = damaged_marking(marking)
    spaced = " " in raw_marking.strip()[:3]
    return Banner(str(tok), kind, marking, spaced, section, section_count, originator, serial, span_of(tok))


def footer_level(tok: Token) -> Level | None:
    """The level of a bare classification footer line."""
    m = P.BANNER_HEAD.match(tok)
    return marking_parts(m.group("marking")).level if m else None


def page_mark(tok: Token) -> PageMark:
    """A page-break line or a classification footer, kept out of the paragraph text."""
    if tok.type == "FOOTER":
        return PageMark(str(tok), "footer", footer_level(tok), span_of(tok))
    return PageMark(str(tok), "page-break", None, span_of(tok))


# --------------------------------------------------------------------------- captions
_CAPTION_LINE = 300  # characters of a caption line looked at (real ones are short)


@functools.lru_cache(maxsize=1024)
def _caption_words(line: str) -> tuple[str, ...]:
    """The captions recognised in one caption line, in canonical spelling.  Caption lines
    repeat from cable to cable (``SIPDIS`` alone is half of them), hence the cache."""
    if P.CAPTION_ONLY.match(line):
        words = P.CAPTION_TOKEN.findall(line)
    else:  # an addressee line: only the caption words that open or close it
        lead = P.CAPTION_LEAD.match(line)
        tail = P.CAPTION_TAIL.search(line)
        words = P.CAPTION_TOKEN.findall(lead.group(0)) if lead else []
        words += P.CAPTION_TOKEN.findall(tail.group(0)) if tail else []
    squashed = (word.upper().replace(" ", "") for word in words)
    return tuple(P.CAPTION_WORDS.get(word, word) for word in squashed)


def caption(tokens: Sequence[Token]) -> Caption:
    """A caption line; ``tokens`` holds the captions recognised in it (canonical spelling)."""
    found = [word for tok in tokens for word in _caption_words(tok[:_CAPTION_LINE])]
    return Caption(joined(tokens), tuple(dict.fromkeys(found)), span_of(tokens[0], tokens[-1]))


# --------------------------------------------------------------------------- E.O. line
_DATE_NUMERIC = re.compile(r"(?<![\d/])(\d{1,4})[/\-.](\d{1,3})[/\-.](\d{2,4})(?![\d/])")
_DATE_WORDS = re.compile(
    r"(?:(?P<d1>\d{1,2})[ ]+(?P<m1>[A-Z]{3,9})[ ,]+(?P<y1>\d{4})"
    r"|(?P<m2>[A-Z]{3,9})[ ]+(?P<d2>\d{1,2}),?[ ]+(?P<y2>\d{4}))"
)


def _date_of(text: str) -> tuple[str | None, _dt.date | None]:
    """The first date written in ``text``: (as written, calendar date or None if impossible)."""
    m = _DATE_NUMERIC.search(text)
    if m:
        a, b, c = m.groups()
        try:
            if len(a) == 4:  # yyyy/mm/dd, yyyy-mm-dd
                return m.group(0), _dt.date(int(a), int(b), int(c))
            return m.group(0), _dt.date(full_year(int(c)), int(a), int(b))
        except ValueError:
            return m.group(0), None
    m = _DATE_WORDS.search(text.upper())
    if m:
        month_word = m.group("m1") or m.group("m2")
        month = _MONTH_NAMES.get(month_word) or _MONTHS.get(month_word[:3])
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y1") or m.group("y2"))
        raw = text[m.start():m.end()]
        if month is None:
            return None, None
        try:
            return raw, _dt.date(year, month, day)
        except ValueError:
            return raw, None
    return None, None


@functools.cache
def _dated_instruction() -> re.Pattern[str]:
    """``DECL: 11/24/2018`` (97 % of the corpus's instructions): an optional keyword, blanks and a
    numeric date, written with the grammar's own ``DECL_KW`` and ``NUMERIC_DATE`` terminals.
    Such a text is read by a full match of this pattern instead of a parse (a Lark parse of a few
    tokens costs ~25 us, mostly its set-up).  Lark's lexer cuts such a text the same way: it
    tries the keyword first at the start, and at the digits NUMERIC_DATE before DECL_SECTION
    (longer terminals first); WORDED_DATE and EXEMPTION cannot match a numeric date."""
    keyword, date = terminal_regexp("DECL_KW"), terminal_regexp("NUMERIC_DATE")
    return re.compile(f"(?:{keyword})?[ \t]*(?P<date>{date})")


@functools.lru_cache(maxsize=1024)
def _declassification(raw: str) -> tuple[str, str | None, _dt.date | None, tuple[str, ...], str | None]:
    """(kind, date_raw, date, exemptions, event) of the instruction after the E.O. number.

    The grammar (start symbol ``declassification``) reads the parts in order; the kind is the
    first of: nothing but the keyword -> "empty"; N/A or OADR first -> "na" / "oadr"; GDS first
    -> "gds"; a date -> "date"; exemption codes -> "exemption"; words -> "event".
    """
    text = raw.strip(" \t:;.,")
    dated = _dated_instruction().fullmatch(text)
    if dated:  # the grammar would read the optional keyword and one date: no parse needed
        date_raw, date = _date_of(dated.group("date"))
        if date_raw is not None:
            return "date", date_raw, date, (), None
    try:
        tree = marking_parser().parse(text, start="declassification")
    except LarkError:  # the grammar reads any text; this is only a safety net
        return "unknown", None, None, (), None
    parts = [child for child in tree.children[1:] if child is not None]
    if not parts:
        return "empty", None, None, (), None
    first = parts[0].data
    if first in ("not_applicable", "oadr"):
        return ("na" if first == "not_applicable" else "oadr"), None, None, (), None
    date_raw = date = None
    words: list[Token] = []
    for part in parts:
        tok = part.children[0]
        if part.data == "date" and date_raw is None:
            date_raw, date = _date_of(str(tok))
            if date_raw is None:  # "AFTER 5, 2019": not a month, so words
                words.append(tok)
        elif part.data == "event_word":
            words.append(tok)
    exemptions = tuple(dict.fromkeys(str(p.children[0]).upper() for p in parts if p.data == "exemption"))
    if first == "gds":
        return "gds", date_raw, date, exemptions, None
    if date_raw is not None:
        return "date", date_raw, date, exemptions, None
    if exemptions:
        return "exemption", None, None, exemptions, None
    if any(char.isalpha() for word in words for char in word):  # "08..." or "(##)" is no event
        return "event", None, None, (), text[words[0].start_pos:].strip() or None
    return "unknown", None, None, (), None


def eo_line(tokens: Sequence[Token]) -> EoLine:
    """``E.O. 12958: DECL: 11/24/2018`` -> order "12958", a dated declassification.

    The instruction may wrap onto continuation lines (``E.O. 12958:`` / ``DECL: 08/11/2015``).
    """
    tok, last = tokens[0], tokens[-1]
    text = str(tok) if len(tokens) == 1 else joined(tokens)
    m = P.EO.search(text)
    order = m.group("order") if m else None
    rest_at = m.end() if m else 0
    rest = text[rest_at:]
    kind, date_raw, date, exemptions, event = _declassification(rest)
    lead = len(rest) - len(rest.lstrip(" \t:"))
    start = rest_at + lead
    if len(tokens) == 1:
        decl_span = Span(tok.line, tok.column + start, tok.end_line, tok.end_column)
    else:
        decl_span = span_of(tok, last)
    decl = Declassification(rest.strip(" \t:"), kind, date_raw, date, exemptions, event, decl_span)
    return EoLine(text, order, decl, span_of(tok, last))


# --------------------------------------------------------------------------- TAGS, SUBJECT, REF
_LINK = re.compile(r"\[([^\[\]\n]{0,60})\]\([^()\n]{0,60}\)")
_TAG_SPLIT = re.compile(r"[\s,;]+")


def tags(tokens: Sequence[Token]) -> Tags:
    """``TAGS: PARM NATO`` / ``TAGS PGOV, PINS`` -> ("PARM", "NATO") / ("PGOV", "PINS")."""
    text = joined(tokens)
    m = P.TAGS_AT_START.match(text)
    body = text[m.end():] if m else text
    if "](" in body:  # every _LINK match holds it: no substitution pass on the other lines
        body = _LINK.sub(r"\1", body)
    body = body.lstrip(" :")
    values = tuple(v for v in _TAG_SPLIT.split(body) if v)
    return Tags(text, values, span_of(tokens[0], tokens[-1]))


def _portion_at(text: str, match: re.Match | None) -> bool:
    """Whether a parenthesised group is a real marking (level or control, nothing unknown)."""
    if not match:
        return False
    parts = marking_parts(match.group("mark"))
    return (parts.level is not None or bool(parts.controls)) and not parts.unknown


def subject(tokens: Sequence[Token]) -> Subject:
    """The SUBJECT line joined across wraps; a portion mark at its start or end is split off."""
    first = tokens[0]
    text = joined(tokens)
    m = P.SUBJECT_AT_START.match(text)
    body = text[m.end():].strip() if m else text.strip()
    marking = None
    head = P.PORTION_START.match(body)
    if _portion_at(body, head):
        raw_line = str(first)
        at = raw_line.find("(" + head.group("mark") + ")")
        if at >= 0:
            marking = make_marking(head.group("mark"), first.line, first.column + at + 1)
        body = body[head.end():].strip()
    else:
        tail = P.PORTION_END.search(body)
        if _portion_at(body, tail):
            last = tokens[-1]
            at = str(last).rfind("(" + tail.group("mark") + ")")
            if at >= 0:
                marking = make_marking(tail.group("mark"), last.line, last.column + at + 1)
            body = body[: tail.start()].strip()
    return Subject(text, " ".join(body.split()), marking, span_of(first, tokens[-1]))


def references(tokens: Sequence[Token]) -> tuple[Reference, ...]:
    """``REF: A. STATE 123 B. CAIRO 45`` -> one :class:`Reference` per letter (or one unlettered)."""
    out: list[Reference] = []
    for i, tok in enumerate(tokens):
        text = str(tok)
        if i == 0:
            m = P.REF_AT_START.match(text)
            text_start = m.end() if m else 0
        else:
            text_start = 0
        items = list(P.REF_ITEM.finditer(text, text_start))
        if not items:
            body = " ".join(text[text_start:].split())
            if out and i > 0:
                prev = out[-1]
                out[-1] = Reference(prev.letter, f"{prev.text} {body}".strip(),
                                    Span(prev.span.line, prev.span.column, tok.end_line, tok.end_column))
            elif body:
                out.append(Reference(None, body, span_of(tok)))
            continue
        lead = " ".join(text[text_start:items[0].start()].split())
        if lead:
            if out and i > 0:
                prev = out[-1]
                out[-1] = Reference(prev.letter, f"{prev.text} {lead}", prev.span)
            else:
                out.append(Reference(None, lead, span_of(tok)))
        for j, item in enumerate(items):
            end = items[j + 1].start() if j + 1 < len(items) else len(text)
            body = " ".join(text[item.end():end].split())
            out.append(Reference(
                item.group("letter"), body,
                Span(tok.line, tok.column + item.start(), tok.line, tok.column + len(text[:end].rstrip())),
            ))
    return tuple(out)


# --------------------------------------------------------------------------- authority
_SECTION = re.compile(r"(?<![\d.])1[ ]?\.[ ]?([4-6])(?!\d)")
# the letters after the section: (b) and (d)   (b,d)   B AND D   b/d   (B), (D)
# inside parentheses any letter is recorded (the rules judge (k)); bare letters a-h only,
# so that a following word such as "I" or "A" is not taken for a reason
_LETTERS = re.compile(
    r"[ \t,/&.]*(?:(?:and|AND)[ \t]+)?"
    r"(?:(?:\([ \t]*[a-zA-Z](?:(?:[ \t]*(?:[,/&+]|(?:and|AND|or|OR)(?![A-Za-z])))+[ \t]*[a-zA-Z])*[ \t.]*\)"
    r"|[a-hA-H](?![A-Za-z]))"
    r"[ \t,/&+.]*(?:(?:and|AND|And|or|OR)(?![A-Za-z])[ \t,/&]*)?)*"
)
# a group that is a portion mark opening the next paragraph, not a reason: ... (b), (d) (S)
_MARK_GROUP = re.compile(r"\([ \t]*([A-Za-z])[ \t]*\)")
_LETTER = re.compile(r"(?<![A-Za-z])[a-zA-Z](?![A-Za-z])")
_REASON_WORD = re.compile(
    r"\b(?:(?:for|per)[ \t]+)?r[ ]?e[ ]?a[ ]?s[ ]?o[ ]?n[ ]?s?\b[ \t]*:?|\b(?:for|per|under)[ \t]+(?=(?:E\.?O\.?[ \t]*\d+[ \t,]*)?(?:section[ \t]+)?1[ ]?\.[ ]?[4-6])",
    re.I,
)


def _reason_letters(text: str) -> tuple[str, ...]:
    """The letters of a reason list, lower case; a trailing ``(S)``/``(U)`` or a group whose
    case differs from the letters before it is the next paragraph's portion mark."""
    end = len(text)
    cases: set[bool] = set()
    for group in _MARK_GROUP.finditer(text):
        letter = group.group(1)
        if cases and (letter in "SU" or (letter.isupper() not in cases)):
            end = group.start()
            break
        cases.add(letter.isupper())
    return tuple(dict.fromkeys(c.lower() for c in _LETTER.findall(text[:end])))


def authority(tokens: Sequence[Token]) -> Authority:
    """``Classified By: X for Reasons: 1.4 (b) and (d)`` -> by "X", reasons 1.4 (b, d)."""
    first = tokens[0]
    text = joined(tokens)
    m = P.CLASSIFIED_BY.search(text)
    derived = P.DERIVED_FROM.search(text)
    derived_from = text[derived.end():].strip(" \t:;,.") or None if derived else None
    if derived and (not m or derived.start() < m.start()):
        # derivative classification: the source, not a person (a Classified By may follow)
        if not m:
            return Authority(text, None, None, span_of(first, tokens[-1]), derived_from)
        derived_from = text[derived.end():m.start()].strip(" \t:;,.") or None
    garbled = P.GARBLED_AUTHORITY.match(text) if m is None and not derived else None
    after = m.end() if m else garbled.end("keyword") if garbled else 0
    section = _SECTION.search(text, after)
    reason_word = _REASON_WORD.search(text, after)
    # a garbled line's reason may be its letters alone: ... for` (D).
    trailing = P.TRAILING_REASON.search(text, after) if garbled and not section and not reason_word else None
    by_end = len(text)
    if reason_word and (section is None or reason_word.start() <= section.start()):
        by_end = reason_word.start()
    elif section:
        by_end = section.start()
    elif trailing:
        by_end = trailing.start()
    by = text[after:by_end].strip(" \t:;,.-") or None
    reasons = None
    if trailing:
        letters = trailing.group("letters")
        reasons = Reasons(letters, None, _reason_letters(letters), span_of(first, tokens[-1]))
    elif section:
        letters_m = _LETTERS.match(text, section.end())
        letters = _reason_letters(letters_m.group(0))
        raw_start = reason_word.start() if reason_word and reason_word.start() <= section.start() else section.start()
        raw = text[raw_start:letters_m.end()].strip(" \t,;.")
        reasons = Reasons(raw, f"1.{section.group(1)}", letters, span_of(first, tokens[-1]))
    elif reason_word:
        reasons = Reasons(text[reason_word.start():].strip(" \t,;."), None, (), span_of(first, tokens[-1]))
    return Authority(text, by, reasons, span_of(first, tokens[-1]), derived_from)


# --------------------------------------------------------------------------- markers
def marker(tok: Token) -> Marker:
    """``End Summary.`` -> "end-summary"; ``Comment:`` -> "comment"; ``BEGIN TEXT`` -> "begin-text";
    ``...`` closing a cut front-matter line, or the empty mark of a text ending inside its
    front matter -> "truncated"; a run of garbage such as ``RHTQwsQfjQQQocuments`` -> "corrupt"."""
    return Marker(_marker_kind(str(tok)), span_of(tok))


@functools.lru_cache(maxsize=256)
def _marker_kind(text: str) -> str:
    """The kind of a marker line; the lines repeat (86 texts make the corpus's 13,240 markers)."""
    if text in ("...", ""):
        return "truncated"  # the publication cut the front matter short
    if "QQ" in text and P.CORRUPT_RUN.fullmatch(text):  # every CORRUPT_RUN match holds "QQ"
        return "corrupt"  # transmission garbage: text was lost there
    m = P.MARKER.match(text)
    if m and m.group("end"):
        return f"{m.group('end').lower()}-{m.group('endkind').lower()}"
    if m:
        return m.group("kind").lower()
    return text.strip().lower()
