"""The typed, frozen model of a cable.

Every later stage reads this model and nothing else: the builder (``checker.build``) fills
it from the parse tree, the rules judge it.  The model *records and normalises*; it never
judges.  Absence is ``None`` (or an empty tuple), an odd form is kept in ``raw`` next to
its normalised value, and nothing here raises on strange input.

Positions are 1-based lines and columns (columns counted in code points), with an
exclusive end, the convention of Lark, yamllint and SARIF.
"""

from __future__ import annotations

import datetime as _dt
from enum import IntEnum

from checker.dataclass_code import frozen_dataclass


@frozen_dataclass(order=True)
class Span:
    """Where a part of the cable stands: 1-based line/column, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


class Level(IntEnum):
    """Classification levels in increasing order; SBU and FOUO are controls, not levels."""

    UNCLASSIFIED = 0
    CONFIDENTIAL = 1
    SECRET = 2
    TOP_SECRET = 3

    @property
    def label(self) -> str:
        """The level as written in a banner and in messages: ``TOP SECRET``."""
        return self.name.replace("_", " ")

    @property
    def abbreviation(self) -> str:
        """The portion-marking form: U, C, S, TS."""
        return {0: "U", 1: "C", 2: "S", 3: "TS"}[self.value]


@frozen_dataclass
class Marking:
    """A classification marking: a portion mark such as ``(S//NF)`` or a banner's words.

    ``raw`` is the text as written, without the parentheses.  ``level`` is ``None`` when
    no level word was recognised.  ``controls`` holds the recognised dissemination and
    handling controls in canonical spelling (``NOFORN``, ``SBU``, ``FOUO``, ``REL TO USA, GBR``,
    ``ORCON``, ``FGI``, ``NODIS``, ``EXDIS``…), in written order, without duplicates.
    ``unknown`` holds the tokens that are neither a level nor a known control, as written.
    ``separators`` holds the separators between tokens as written (``"/"``, ``"//"``,
    ``" "``, ``"-"``), so that a rule can judge ``(C NF)`` without re-reading the text.
    ``canonical`` is the normal form (``S//NF``, ``SBU``, ``U//FOUO``) or ``None`` when the
    marking has unknown tokens.
    """

    raw: str
    level: Level | None
    controls: tuple[str, ...]
    unknown: tuple[str, ...]
    separators: tuple[str, ...]
    canonical: str | None
    span: Span


@frozen_dataclass
class Dtg:
    """A date-time group such as ``O 011943Z DEC 08``."""

    raw: str
    precedence: str | None
    value: _dt.datetime | None  # timezone-aware (UTC); None when malformed or impossible
    span: Span


@frozen_dataclass
class DeLine:
    """The ``DE RUEHC #6440/01 3361951`` line: station, serial, section, Julian day, time."""

    raw: str
    station: str | None
    serial: str | None
    section: str | None
    julian_day: int | None
    filing_time: str | None  # HHMM as written
    span: Span


@frozen_dataclass
class SecurityLine:
    """The ``ZNY CCCCC ZZH`` security-warning line."""

    raw: str
    signal: str | None  # ZNY or ZNR
    code: str | None  # CCCCC, SSSSS, UUUUU, EEEEE, TTTTT, SSSAA...
    level: Level | None  # what the code letter stands for (E and U -> UNCLASSIFIED)
    span: Span


@frozen_dataclass
class Address:
    """One FM/TO/INFO/XMT address: routing indicator, plain-language address, precedence."""

    role: str  # FM, TO, INFO, XMT
    routing_indicator: str | None
    plad: str
    precedence: str | None
    span: Span


@frozen_dataclass
class Header:
    """The routing header (ACP-127 format lines, or the short and partial-extract forms)."""

    transmission_id: str | None  # VZCZCXYZ0005
    prosign: str | None  # OO, RR ...
    routing_indicators: tuple[str, ...]
    de: DeLine | None
    security: SecurityLine | None
    dtg: Dtg | None
    addresses: tuple[Address, ...]
    partial_extract: bool  # the WikiLeaks "This record is a partial extract" preamble
    span: Span | None

    @property
    def origin(self) -> str | None:
        """The FM address, as written."""
        return next((a.plad for a in self.addresses if a.role == "FM"), None)


@frozen_dataclass
class Banner:
    """A classification line: the top one, a section banner, or a repeated footer.

    ``kind`` is ``"top"`` for the first classification line of the text, ``"section"`` for
    a later ``SECTION nn OF nn`` banner, ``"footer"`` for a bare repeated classification line.
    """

    raw: str
    kind: str
    marking: Marking  # level and controls (NOFORN, SBU, FOUO, EFTO written on the line)
    spaced: bool  # letter-spaced form ``C O N F I D E N T I A L``
    section: int | None
    section_count: int | None
    originator: str | None
    serial: str | None
    span: Span


@frozen_dataclass
class Caption:
    """A caption / handling line (SIPDIS, NOFORN, SENSITIVE, EXDIS, DEPT FOR ...)."""

    raw: str
    tokens: tuple[str, ...]  # recognised captions in canonical spelling, e.g. ("NOFORN", "SIPDIS")
    span: Span


@frozen_dataclass
class Declassification:
    """The declassification instruction after the E.O. number, parsed.

    ``kind`` is one of ``"date"``, ``"event"``, ``"exemption"``, ``"na"``, ``"oadr"``,
    ``"gds"`` (E.O. 11652/12065 schedules), ``"empty"`` or ``"unknown"``.  For a date,
    ``date_raw`` holds it as written and ``date`` the calendar date, or ``None`` when the
    text is not a real date (``13/45/2018``).  ``exemptions`` holds exemption codes in
    upper case (``X1``, ``25X1``, ``25X1-HUMAN``, ``50X1-HUM``, ``MR``, ``XGDS-2``).
    """

    raw: str
    kind: str
    date_raw: str | None
    date: _dt.date | None
    exemptions: tuple[str, ...]
    event: str | None
    span: Span


@frozen_dataclass
class EoLine:
    """The ``E.O. 12958: DECL: 11/24/2018`` line."""

    raw: str
    order: str | None  # the number as written: "12958"
    declassify: Declassification | None
    span: Span


@frozen_dataclass
class Tags:
    """The TAGS line (possibly wrapped)."""

    raw: str
    values: tuple[str, ...]
    span: Span


@frozen_dataclass
class Subject:
    """The SUBJECT line, joined across wraps, with its portion marking if any."""

    raw: str
    text: str  # whitespace-normalised, without keyword and marking
    marking: Marking | None
    span: Span


@frozen_dataclass
class Reference:
    """One REF item (``A. STATE 12345``) or a whole unlettered REF line."""

    letter: str | None
    text: str
    span: Span


@frozen_dataclass
class Reasons:
    """Classification reasons: ``1.4 (b) and (d)`` -> section "1.4", letters ("b", "d")."""

    raw: str
    section: str | None
    letters: tuple[str, ...]  # lower case, written order, no duplicates
    span: Span


@frozen_dataclass
class Authority:
    """The ``Classified By: ... Reasons: 1.4 (b) and (d)`` line."""

    raw: str
    by: str | None
    reasons: Reasons | None
    span: Span
    derived_from: str | None = None  # "DERIVED FROM: DSCG 05-1 B, D" (derivative classification)


@frozen_dataclass
class SubParagraph:
    """A lettered sub-paragraph (``A. (C)``, ``27.A.``, a roman ``II. (SBU)``) or a ``--`` bullet.

    ``parent`` is the label of the sub-paragraph this one stands under, the nearest before it
    with that label and no parent of its own: the lettered questions ``A.``, ``B.`` after a
    roman item ``I. (SBU)`` stand under "I"; the items ``D 1.``, ``D 2.`` under a heading
    ``¶D. Mental health`` stand under "D" (with labels "1", "2").  ``None``: directly under
    the paragraph.
    """

    label: str  # "A", "27.A", "II", "--"
    marking: Marking | None
    span: Span
    redacted_start: bool = False  # opens with a media redaction run (XXXXXXXXXXXX)
    parent: str | None = None


@frozen_dataclass
class Paragraph:
    """A paragraph of the body: numbered, or unnumbered but opening with a portion mark.

    ``number`` is the paragraph number as interpreted (``17.`` after ¶6 is 7, a rendering
    artefact of the ``¶`` anchor); ``number_raw`` is what was written (``[1](#)1.``, ``¶10.``).
    The span runs from the paragraph's first character to the end of its last text line.
    """

    number: int | None
    number_raw: str | None
    marking: Marking | None
    subparagraphs: tuple[SubParagraph, ...]
    span: Span
    # Opens with a media redaction run (``¶7. XXXXXXXXXXXX ...``) or other text the publication
    # removed (``¶7. [DETAILS REMOVED]``, a cut ``¶1. ...``): a missing mark may have been removed
    # with it, so its absence says nothing.
    redacted_start: bool = False
    # A classification authority block written as a numbered paragraph (``¶1. Classified by ...
    # Reason: 1.4 (d)``), the first such block or a repeat of the one above: not a portion.
    authority_block: bool = False


@frozen_dataclass
class PageMark:
    """A page-break line (``PAGE 02 HARARE 05461 01 OF 02 271458Z``,
    ``CAIRO 00000757 002.2 OF 002``) or a classification footer, kept out of the text."""

    raw: str
    kind: str  # "page-break" or "footer"
    level: Level | None  # for a classification footer
    span: Span


@frozen_dataclass
class Marker:
    """SUMMARY / END SUMMARY / COMMENT / END COMMENT and similar markers."""

    # "summary", "end-summary", "comment", "end-comment", "note", "end-note", "truncated"
    # (a front-matter line the publication cut short: its field cannot be judged), or "corrupt"
    # (a run of transmission garbage such as ``RHTQwsQfjQQQocuments``: text was lost there)
    kind: str
    span: Span


@frozen_dataclass
class ParseError:
    """Text the grammar could not place; judged by the ``parse-error`` rule."""

    message: str
    span: Span


@frozen_dataclass
class Cable:
    """A whole cable as the grammar saw it."""

    header: Header | None
    banners: tuple[Banner, ...]  # in text order; banners[0].kind == "top" when there is one
    captions: tuple[Caption, ...]
    eo: EoLine | None
    tags: Tags | None
    subject: Subject | None
    references: tuple[Reference, ...]
    authority: Authority | None
    paragraphs: tuple[Paragraph, ...]
    page_marks: tuple[PageMark, ...]
    markers: tuple[Marker, ...]
    signature: str | None
    parse_errors: tuple[ParseError, ...]
    line_count: int
    # The CLASSIFICATION field of a media partner's metadata block (``ID: 245489`` /
    # ``ORIGIN: XXXXXXXXXXXX`` / ``CLASSIFICATION: SECRET`` ...) printed before the cable's text,
    # sometimes in place of its classification line: the publication's statement of the level.
    metadata_classification: Marking | None = None

    @property
    def banner(self) -> Banner | None:
        """The top classification line, if any."""
        return self.banners[0] if self.banners and self.banners[0].kind == "top" else None

    @property
    def date(self) -> _dt.date | None:
        """The cable's date, from its date-time group."""
        if self.header and self.header.dtg and self.header.dtg.value:
            return self.header.dtg.value.date()
        return None

    @property
    def level(self) -> Level | None:
        """The overall classification level from the top banner."""
        banner = self.banner
        return banner.marking.level if banner else None
