"""From the skeleton's parse to the typed model: the explicit Lark transformer.

One method per grammar rule (or named alternative: ``-> first_paragraph``).  The methods that
need no context build their model part at once (an E.O. line is an E.O. line wherever it
stands); :meth:`ToModel.cable` then does the
work that needs the whole cable: which banner is the top one, the paragraph numbers as
interpreted (``17.`` after ``¶6.`` is 7), the signature.  The transformer records and
normalises; it never judges.  It is stateless, so one instance serves every parse.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from lark import Token, Transformer

from checker.model import (
    Address,
    Marking,
    Authority,
    Banner,
    Cable,
    Caption,
    EoLine,
    Header,
    Marker,
    PageMark,
    Paragraph,
    Reference,
    Span,
    SubParagraph,
    Subject,
    Tags,
)
from checker.parse import fields as F
from checker.parse import patterns as P
from checker.parse.markings import make_marking, marking_parts

# one to four words, each capitalised or a name particle:  RICE   MILES   van Voorst   Anne W. Patterson
_PARTICLE = r"(?:van|von|de|da|del|der|di|la|le|al|bin|el)"
_SIGNATURE_LINE = re.compile(
    r"(?:" + _PARTICLE + r"[ ])?[A-Z][A-Za-z.'\-]*(?:[ ](?:" + _PARTICLE + r"|[A-Z][A-Za-z.'\-]*)){0,3}"
)
_SIGNATURE_FUSED = re.compile(r"[.!?\"”)][ \t]+(?P<name>[A-Z][A-Z'\-]{2,})[ \t]*$")


class RoutingItems(list):
    """The routing-header items of one text version, in order."""


class FrontItems(list):
    """The front-matter items of one text version, in order."""


class Body(list):
    """The paragraph drafts of one text version, in order."""


class RecordDump:
    """An embedded database record: the cable text that follows it repeats the one before."""


_RANGE_END = re.compile(r"\d-(\d{1,3})")


@dataclass(slots=True)
class ParagraphDraft:
    """A paragraph before its number is interpreted in the sequence of the cable."""

    start: Token
    items: list
    mark_from: Token | None = None  # the portion-marked line that carries a title's mark


_DASH_RULE = re.compile(r"-{3,}")
_TITLE_WORDS = 8  # a paragraph title is a short line: "¶2. Afghanistan"


def _titles_take_their_marks(drafts: list[ParagraphDraft]) -> list[ParagraphDraft]:
    """``¶2. Afghanistan`` / ``-----`` / ``(C) The SYG expressed ...``: the numbered title line,
    unmarked, and the marked text under it are one paragraph, marked by that text's mark."""
    out: list[ParagraphDraft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and draft.start.type == "PORTION_PARAGRAPH"
            and prev.start.type == "PARAGRAPH"
            and prev.mark_from is None
            and len(str(prev.start).split()) <= _TITLE_WORDS
            and all(isinstance(i, Token) and i.type == "TEXT" and _DASH_RULE.fullmatch(i.strip()) for i in prev.items)
        ):
            m = P.PARAGRAPH.match(prev.start)
            if m and not (m.group("mark") or m.group("premark")):
                out[-1] = ParagraphDraft(prev.start, prev.items + [draft.start] + draft.items, draft.start)
                continue
        out.append(draft)
    return out


def _restarted_lists(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A numbered run restarting at 1, unmarked, right after a marked paragraph is that
    paragraph's list (``¶3. (U) A list follows:`` / ``¶1. More credit ...`` ... ``¶21. ...`` /
    ``¶4. (U) ...``): its items become sub-paragraphs labelled "1", "2", ... of the host."""
    out: list[Paragraph] = []
    host: int | None = None
    expected = 0
    for p in paragraphs:
        if host is not None and p.number == expected and p.marking is None:
            out[host] = _fold_into(out[host], p)
            expected += 1
            continue
        host = None
        prev = out[-1] if out else None
        if (
            p.number == 1 and p.marking is None and prev is not None
            and prev.number is not None and prev.number > 1 and prev.marking is not None
        ):
            host = len(out) - 1
            out[host] = _fold_into(out[host], p)
            expected = 2
            continue
        out.append(p)
    return out


def _fold_into(host: Paragraph, item: Paragraph) -> Paragraph:
    """``host`` with the numbered paragraph ``item`` (and its sub-paragraphs) as sub-paragraph
    labelled by its number, the host's span running on to the item's end."""
    sub = SubParagraph(str(item.number), None, item.span, item.redacted_start)
    end = max((host.span.end_line, host.span.end_column), (item.span.end_line, item.span.end_column))
    return dataclasses.replace(
        host, subparagraphs=host.subparagraphs + (sub,) + item.subparagraphs,
        span=Span(host.span.line, host.span.column, end[0], end[1]),
    )


def _quoted_texts(paragraphs: list[Paragraph], markers: list[Marker]) -> list[Paragraph]:
    """A document quoted with its own numbering inside a marked paragraph (``¶13. (S) Begin text
    of the report, paragraphs 42-47:`` / ``¶42. ...`` ... ``¶47. ...``): its unmarked numbered
    paragraphs, up to ``End text`` (or, without one, until the main sequence resumes with ¶14),
    and until a marked paragraph comes, are the host's sub-paragraphs, labelled by their numbers."""
    begins = sorted(m.span.line for m in markers if m.kind == "begin-text")
    if not begins:
        return paragraphs
    ends = sorted(m.span.line for m in markers if m.kind == "end-text")

    def first_after(lines: list[int], line: int) -> int | None:  # the first of the sorted lines after line
        at = bisect.bisect_right(lines, line)
        return lines[at] if at < len(lines) else None

    out: list[Paragraph] = []
    host: int | None = None
    until: int | None = None  # the line of the End text that closes the quotation
    for p in paragraphs:
        h = out[host] if host is not None else None
        if (
            h is not None and p.number is not None and p.marking is None
            and (p.span.line < until if until is not None else p.number != h.number + 1)
        ):
            out[host] = _fold_into(h, p)
            continue
        host = None
        begin = first_after(begins, p.span.line - 1)
        if p.number is not None and p.marking is not None and begin is not None and begin <= p.span.end_line:
            host = len(out)
            until = first_after(ends, p.span.line)
            later = first_after(begins, p.span.end_line)
            if until is not None and later is not None and later < until:
                until = None  # that End text closes a later quotation
        out.append(p)
    return out


def _marks_on_their_own_line(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """``(SBU)`` alone on its line, then ``¶4. Issue 1: ...`` unmarked: the mark placed right
    before the paragraph is its mark (M-POR-1 puts it "immediately before" the portion)."""
    out: list[Paragraph] = []
    for p in paragraphs:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.number is None and prev.marking is not None and not prev.subparagraphs
            and prev.span.end_line == prev.marking.span.end_line
            and prev.span.end_column == prev.marking.span.end_column + 1  # nothing after the ")"
            and p.number is not None and p.marking is None and not p.redacted_start
            and p.span.line - prev.span.end_line <= _MARK_GAP
        ):
            out[-1] = dataclasses.replace(p, marking=prev.marking)
            continue
        out.append(p)
    return out


_MARK_GAP = 2  # lines: a mark on its own line stands right before its paragraph (a blank between)


def _plausible(raw: str) -> bool:
    """A parenthesised group that reads as a marking: a level or a control, or a short
    upper-case token (a typo such as ``SE`` that a rule should judge); not ``(see below)``."""
    parts = marking_parts(raw)
    if parts.level is not None or parts.controls:
        return True
    return (len(raw) <= 5 and raw.isupper()) or (len(raw) == 1 and raw.islower())


def _marking_in(tok: Token, match: re.Match, group: str):
    """The :class:`Marking` of a named group of a match on a token's text, positioned."""
    raw = match.group(group)
    if raw is None or not _plausible(raw):
        return None
    return make_marking(raw, tok.line, tok.column + match.start(group))


def _late_marking(tok: Token, at: int):
    """A mark standing after lead-in words (``¶1. Summary. (S/NF) ...``, ``¶5. BEGIN NON-PAPER
    S//REL CHINA:``), or missing a parenthesis (``¶9. C) ...``; ``¶6. (C XXXXXXXXXXXX`` where a
    redaction ate it), the latter recorded as written with the lone bracket as unknown, so that
    a rule can judge it."""
    m = P.ENTIRE_TEXT.match(tok, at)
    if m:  # a blanket statement: the raw keeps "ENTIRE TEXT" for the rules to recognise
        return _marking_in(tok, m, "mark")
    m = P.LEAD_IN_MARK.match(tok, at)
    if m:
        parts = marking_parts(m.group("mark"))
        if (parts.level is not None or parts.controls) and not parts.unknown:
            return _marking_in(tok, m, "mark")
    m = P.LEAD_IN_BARE_MARK.match(tok, at)
    if m:  # the classification of a quoted text, in words: a mark, if misplaced (as PM002 may judge)
        parts = marking_parts(m.group("mark"))
        if parts.level is not None and not parts.unknown:
            return _marking_in(tok, m, "mark")
    m = P.OPEN_ONLY_MARK.match(tok, at)
    if m:  # the closing parenthesis went with the redaction: publication damage, not a malformed mark
        return _marking_in(tok, m, "mark")
    m = P.CLOSE_ONLY_MARK.match(tok, at)
    if m:
        raw = m.group("mark")
        parts = marking_parts(raw[:-1])
        if (parts.level is not None or parts.controls) and not parts.unknown:
            column = tok.column + m.start("mark")
            return Marking(raw, parts.level, parts.controls, (")",), parts.separators, None,
                           Span(tok.line, column, tok.line, column + len(raw)))
    return None


def _redacted_at(tok: Token, match: re.Match | None) -> bool:
    """Whether the text right after a paragraph's number (and mark) is text the publication
    removed: a media redaction run (``¶7. XXXXXXXXXXXX ...``), a placeholder (``[DETAILS
    REMOVED]``), a cut (``¶1. ...``) or the remains of a mark (``¶8. )``): a mark may have
    gone with it."""
    return match is not None and P.REDACTION_START.match(tok, match.end()) is not None


def _subparagraph(tok: Token) -> SubParagraph:
    """A sub-paragraph line (``A. (C) ...``, ``-- (S) ...``): its label, mark and span."""
    if tok.type == "BULLET":
        m = P.BULLET.match(tok)
        return SubParagraph("--", _marking_in(tok, m, "mark") if m else None, F.span_of(tok), _redacted_at(tok, m))
    m = P.DECIMAL_SUB.match(tok) or P.LETTERED_SUB.match(tok) or P.MARKED_LOWER_SUB.match(tok)
    outline = None if m else P.OUTLINE_SUB.match(tok)
    if outline:  # D 1. (S/NF): item 1 under the heading D
        return SubParagraph(
            outline.group("label"), _marking_in(tok, outline, "mark"), F.span_of(tok), parent=outline.group("parent")
        )
    if not m:
        return SubParagraph(str(tok).split()[0], None, F.span_of(tok))
    return SubParagraph(m.group("label").upper(), _marking_in(tok, m, "mark"), F.span_of(tok), _redacted_at(tok, m))


def _grown(children: list, kind: type[list]) -> list:
    """A left-recursive list rule (``rule: ITEM | rule ITEM``): ``[item]`` opens a list of
    ``kind``, ``[items, item]`` appends to the list already built (no copy per item)."""
    if len(children) == 1:
        return kind(children)
    items, item = children
    items.append(item)
    return items


def _joined(children: list, read: Callable[[Token], object] | None) -> "Body":
    """``body: body LINE``: the line joins the paragraph being built, as it is (a text,
    banner, caption or authority line) or as ``read`` models it (a marker, page mark or
    sub-paragraph line)."""
    drafts, item = children
    drafts[-1].items.append(item if read is None else read(item))
    return drafts


def _field_lines(children: list) -> list[Token]:
    """A field's line token and its continuation lines (``field: HEAD continuation?``)."""
    return children if len(children) == 1 else [children[0], *children[1]]


class ToModel(Transformer):
    """The explicit transformer: grammar rules of ``cable.lark`` -> :mod:`checker.model`."""

    # ------------------------------------------------------------------ routing header
    def partial_extract(self, children):
        return "partial-extract"

    def routing(self, children) -> RoutingItems:
        return _grown(children, RoutingItems)

    def record_dump(self, children) -> RecordDump:
        return RecordDump()

    def repeated_header(self, children) -> RecordDump:
        return RecordDump()

    def address(self, children) -> list[Address]:
        return F.addresses(children[0], children[1] if len(children) > 1 else ())

    def continuation(self, children) -> list[Token]:
        return _grown(children, list)

    # ------------------------------------------------------------------ front matter
    def front(self, children) -> FrontItems:
        return _grown(children, FrontItems)

    def caption(self, children) -> Caption:
        return F.caption(_field_lines(children))

    def eo_line(self, children) -> EoLine:
        return F.eo_line(_field_lines(children))

    def tags(self, children) -> Tags:
        return F.tags(_field_lines(children))

    def subject(self, children) -> Subject:
        return F.subject(_field_lines(children))

    def references(self, children) -> tuple[Reference, ...]:
        return F.references(_field_lines(children))

    def authority(self, children) -> Authority:
        return F.authority(_field_lines(children))

    # ------------------------------------------------------------------ body
    def first_paragraph(self, children) -> Body:
        return Body([ParagraphDraft(children[0], [])])

    def next_paragraph(self, children) -> Body:
        drafts, start = children
        drafts.append(ParagraphDraft(start, []))
        return drafts

    def paragraph_line(self, children) -> Body:
        return _joined(children, None)

    def paragraph_marker(self, children) -> Body:
        return _joined(children, F.marker)

    def paragraph_page_mark(self, children) -> Body:
        return _joined(children, F.page_mark)

    def paragraph_subparagraph(self, children) -> Body:
        return _joined(children, _subparagraph)

    def subparagraph(self, children) -> SubParagraph:
        return _subparagraph(children[0])

    def page_mark(self, children) -> PageMark:
        return F.page_mark(children[0])

    def marker(self, children) -> Marker:
        return F.marker(children[0])

    # ------------------------------------------------------------------ the whole cable
    def cable(self, children) -> Callable[..., Cable]:
        """The :class:`Cable` but for what only the parse loop knows: called with its
        ``parse_errors`` and ``line_count`` (so the frozen model is built once, not replaced)."""
        # children: the partial-extract note, then the (routing, front, body) of each text
        # version, the versions separated by a record dump; Lark's placeholders keep every
        # slot (None where the part is missing).
        partial = children[0]
        versions = [children[at:at + 3] for at in range(1, len(children), 4)]
        # The text repeated after a record dump or a second routing header is the complete
        # one (the first copy is cut short, or a print's cover sheet): model the last version
        # that has a banner, front matter or paragraphs, with the first routing header found.
        main = next((v for v in reversed(versions) if v[1] is not None or v[2] is not None), versions[0])
        routing = main[0] or next((v[0] for v in versions if v[0] is not None), None) or RoutingItems()
        front = main[1] or FrontItems()
        drafts = main[2] or []
        items = [*routing, *front]
        header = _header(routing, items, partial is not None)
        banners: list[Banner] = []
        captions: list[Caption] = []
        eo = tags = subject = authority = None
        references: list[Reference] = []
        page_marks: list[PageMark] = []
        markers: list[Marker] = []

        def take(item) -> None:
            nonlocal eo, tags, subject, authority
            if isinstance(item, Token):
                if item.type == "BANNER":
                    kind = "top" if not banners else "section" if P.SECTION_ANYWHERE.search(item) else "footer"
                    banners.append(F.banner(item, kind))
            elif isinstance(item, Caption):
                captions.append(item)
            elif isinstance(item, EoLine):
                eo = _complete(eo, item)
            elif isinstance(item, Tags):
                tags = _complete(tags, item)
            elif isinstance(item, Subject):
                subject = _complete(subject, item)
            elif isinstance(item, tuple):
                references.extend(item)
            elif isinstance(item, Authority):
                authority = authority or item
            elif isinstance(item, PageMark):
                page_marks.append(item)
                if item.kind == "footer" and banners:
                    banners.append(_footer_banner(item))
            elif isinstance(item, Marker):
                markers.append(item)

        for item in items:
            take(item)
        paragraphs = []
        previous: int | None = None
        drafts = _titles_take_their_marks(drafts)
        for draft in drafts:
            for item in draft.items:
                if not isinstance(item, Token) or item.type == "BANNER":  # a text line holds nothing to take
                    take(item)
            paragraph = _paragraph(draft, previous)
            if paragraph.number is not None:
                # a range "4-12." is followed by 13
                span_end = _RANGE_END.search(paragraph.number_raw) if "-" in paragraph.number_raw else None
                previous = int(span_end.group(1)) if span_end else paragraph.number
            paragraphs.append(paragraph)
        paragraphs = _quoted_texts(_restarted_lists(_drop_letter_labels(_marks_on_their_own_line(paragraphs))), markers)
        last_items = drafts[-1].items if drafts else list(front)
        last_start = drafts[-1].start if drafts else None
        return functools.partial(
            Cable,
            header=header,
            banners=tuple(banners),
            captions=tuple(captions),
            eo=eo,
            tags=tags,
            subject=subject,
            references=tuple(references),
            authority=authority,
            paragraphs=tuple(paragraphs),
            page_marks=tuple(page_marks),
            markers=tuple(markers),
            signature=_signature(last_items, last_start),
            metadata_classification=_metadata_classification(routing),
        )


def _metadata_classification(routing: list) -> Marking | None:
    """The level a media partner's metadata block states (``CLASSIFICATION: SECRET``), if the
    routing header holds one whose value reads as a classification."""
    for item in routing:
        if isinstance(item, Token) and item.type == "ROUTING_TEXT":
            m = P.METADATA_CLASSIFICATION.match(item)
            if m:
                marking = make_marking(m.group("marking"), item.line, item.column + m.start("marking"))
                return marking if marking.level is not None else None
    return None


def _complete(first, later):
    """The first field of its kind, unless the publication cut it short (``DECL: 08...``)
    and a later copy of the cable repeats it whole."""
    if first is None or first.raw.rstrip().endswith("..."):
        return later
    return first


def _footer_banner(mark: PageMark) -> Banner:
    """A bare classification line repeated in the body, as a banner of kind ``footer``."""
    tok_marking = P.BANNER_HEAD.match(mark.raw)
    raw = tok_marking.group("marking") if tok_marking else mark.raw
    start = tok_marking.start("marking") if tok_marking else 0
    marking = make_marking(raw, mark.span.line, mark.span.column + start)
    return Banner(mark.raw, "footer", marking, " " in raw.strip()[:3], None, None, None, None, mark.span)


def _header(routing: list, items: list, partial: bool) -> Header | None:
    """The routing header from the routing lines (and addresses met after a first banner)."""
    transmission_id = prosign = None
    indicators: list[str] = []
    de = security = dtg = None
    addresses: list[Address] = []
    for item in items:
        if isinstance(item, list):
            addresses.extend(item)
    first = last = None
    for item in routing:
        if not isinstance(item, Token):
            continue
        first = first or item
        last = item
        kind = item.type
        if kind == "VZCZC" and transmission_id is None:
            transmission_id = item.strip()
        elif kind == "PROSIGN":
            m = P.PROSIGN.match(item)
            if m:
                prosign = prosign or m.group("prec")
                indicators.extend(m.group("ris").split())
            else:
                indicators.extend(item.split())
        elif kind == "DE_LINE" and de is None:
            de = F.de_line(item)
        elif kind == "SECURITY" and security is None:
            security = F.security_line(item)
        elif kind == "DTG_LINE" and dtg is None:
            dtg = F.dtg(item)
    recognised = transmission_id or prosign or de or security or dtg or addresses or partial
    if not recognised:  # only unplaced text before the banner (a print's cover, a csv row)
        return None
    span = Span(first.line, first.column, last.end_line, last.end_column) if first else None
    if addresses:
        a_first, a_last = addresses[0].span, addresses[-1].span
        lo = min((span.line, span.column) if span else (a_first.line, a_first.column), (a_first.line, a_first.column))
        hi = max((span.end_line, span.end_column) if span else (a_last.end_line, a_last.end_column),
                 (a_last.end_line, a_last.end_column))
        span = Span(lo[0], lo[1], hi[0], hi[1])
    return Header(
        transmission_id, prosign, tuple(indicators), de, security, dtg, tuple(addresses), partial, span
    )


def _paragraph(draft: ParagraphDraft, previous: int | None) -> Paragraph:
    """Interpret a paragraph start: its number in the sequence, its marking, its span."""
    tok = draft.start
    number = number_raw = None
    marking = None
    numbered = tok.type == "PARAGRAPH"
    if numbered:
        m = P.PARAGRAPH.match(tok)
        after = m.end()  # the text after the number and mark
        digits = m.group("digits")
        number_raw = m.group("num").strip()
        if m.group("premark"):
            number_raw = f"({m.group('premark')}) {number_raw}"
        number = int(digits)
        expected = (previous or 0) + 1
        if (
            number != expected
            and len(digits) > 1
            and digits[0] == "1"
            and int(digits[1:]) == expected
            and not number_raw.startswith("¶")
        ):
            number = expected  # "17." after 6: the leading 1 is the residue of the ¶ anchor
        marking = _marking_in(tok, m, "mark") or _marking_in(tok, m, "premark") or _late_marking(tok, after)
        if marking is None and draft.mark_from is not None:
            carrier = P.PORTION_START.match(draft.mark_from)
            marking = _marking_in(draft.mark_from, carrier, "mark") if carrier else None
    else:
        m = P.PORTION_START.match(tok)
        marking = _marking_in(tok, m, "mark") if m else None
    end_line, end_column = tok.end_line, tok.end_column
    subparagraphs = []
    if numbered and P.INLINE_ITEM_HINT.search(tok, after):
        # ... TERRORISM I. (S/NF) ANTI-AMERICAN ...: marked inline items
        for item in P.INLINE_ITEM.finditer(tok, after):
            item_mark = _marking_in(tok, item, "mark")
            if item_mark is not None and item_mark.level is not None:
                column = tok.column + item.start()
                subparagraphs.append(
                    SubParagraph(item.group("label"), item_mark, Span(tok.line, column, tok.line, column + 2))
                )
    # every INLINE_BULLET match holds "--": a find spares the search on the other lines
    inline = P.INLINE_BULLET.search(tok, 0, 120) if numbered and tok.find("--", 0, 120) >= 0 else None
    if inline:  # 1.KEY POINTS -- (C) On May 18, ...: a marked bullet on the heading's line
        bullet_mark = _marking_in(tok, inline, "mark")
        if bullet_mark is not None:
            column = tok.column + inline.start()
            subparagraphs.append(SubParagraph("--", bullet_mark, Span(tok.line, column, tok.line, column + 2)))
    authority_here = False  # an authority block that opens on the paragraph's own line
    for item in draft.items:  # one pass: the sub-paragraphs, the end, the authority block
        if isinstance(item, Token):  # most items: a text line (the end compared without tuples)
            line, column = item.end_line, item.end_column
        elif isinstance(item, PageMark):
            continue  # a page break inside a paragraph does not extend it
        else:
            span = item.span
            if isinstance(item, SubParagraph):
                subparagraphs.append(item)
            elif isinstance(item, Authority) and span.line == tok.line:
                authority_here = True
            line, column = span.end_line, span.end_column
        if line > end_line or (line == end_line and column > end_column):
            end_line, end_column = line, column
    if numbered:
        redacted = P.REDACTION_START.match(tok, after) is not None or P.OPEN_ONLY_MARK.match(tok, after) is not None
        authority_here = authority_here or P.CLASSIFIED_AT_START.match(tok, after) is not None
    else:
        redacted = _redacted_at(tok, m)
    return Paragraph(
        number, number_raw, marking, _under_roman_items(subparagraphs) if subparagraphs else (),
        Span(tok.line, tok.column, end_line, end_column), redacted, authority_here,
    )


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def _under_roman_items(subparagraphs: list[SubParagraph]) -> tuple[SubParagraph, ...]:
    """A questionnaire's outline ``I. (SBU) DEMONSTRATIONS: A. ... B. ... II. (SBU) ... A. ...``:
    the lettered items after a roman item stand under it (``parent``), so that the roman item's
    mark covers them (M-POR-3).  ``V`` and ``X`` are roman only when they continue the roman run,
    and ``I`` (which opens one) not when it continues the letters (``H.``, ``I.``)."""
    out: list[SubParagraph] = []
    roman: str | None = None  # the roman item the letters stand under
    letter: str | None = None  # the last letter label met
    for sub in subparagraphs:
        label = sub.label
        if sub.parent is not None or label == "--" or not label.isalpha():
            out.append(sub)
            continue
        successor = _ROMAN[_ROMAN.index(roman) + 1] if roman in _ROMAN[:-1] else None
        continues_letters = letter is not None and len(label) == 1 and ord(label) == ord(letter) + 1
        if label in _ROMAN and (len(label) > 1 or label in ("I", successor)) and not continues_letters:
            roman, letter = label, None
            out.append(sub)
            continue
        letter = label
        out.append(dataclasses.replace(sub, parent=roman) if roman is not None and len(label) == 1 else sub)
    return tuple(out)


def _drop_letter_labels(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """``(c)`` is a list label, not CONFIDENTIAL, in a cable whose paragraphs also open with
    ``(a)`` / ``(b)`` labels (a questionnaire answered ``1. (a) Yes.``); likewise ``(s)``, ``(u)``."""
    labels = {
        p.marking.raw for p in paragraphs
        if p.marking and len(p.marking.raw) == 1 and p.marking.raw.islower() and p.marking.level is None
    }
    if not labels:
        return paragraphs
    return [
        dataclasses.replace(p, marking=None)
        if p.marking and len(p.marking.raw) == 1 and p.marking.raw.islower() else p
        for p in paragraphs
    ]


def _signature(items: list, start: Token | None) -> str | None:
    """The signature: a short name on the last line, or a surname fused to the last sentence."""
    # the last text line, found from the end (the last paragraph may run to many lines)
    tok = next((i for i in reversed(items) if isinstance(i, Token) and i.type == "TEXT"), start)
    if tok is None:
        return None
    last_line = str(tok).rsplit("\n", 1)[-1].strip()
    if _SIGNATURE_LINE.fullmatch(last_line) and len(last_line) <= 40:
        return last_line
    m = _SIGNATURE_FUSED.search(last_line)
    return m.group("name") if m else None
