"""Precompiled regular expressions for the line classes of a cable.

One place for the patterns shared by the line-classifying lexer (which decides what a
line *is*) and the field parsers (which read the values out of it).  Every pattern is
anchored or bounded and free of nested quantifiers, so that a pathological line (a whole
cable flattened onto one line, binary junk) costs linear time.
"""

from __future__ import annotations

import re


def led_by(first: str, pattern: str) -> str:
    """``pattern`` behind a look-ahead on ``first``, the letter (or class) every one of its
    alternatives starts with.

    A pattern searched anywhere in a line that opens with a look-behind or ``\\b`` makes the
    engine try that at every position; the one-letter look-ahead fails first at nearly all of
    them (searches over front-matter lines 1.3-4x faster, same matches).
    """
    return f"(?={first})(?:{pattern})"

# --------------------------------------------------------------------------- levels
# The classification level as it opens a banner line: spaced, unspaced, any case.
#   C O N F I D E N T I A L     SECRET     UNCLAS     Unclassified     LIMITED OFFICIAL USE
LEVEL_WORD = (
    # letter-spaced: distinctive enough to be found even when the next word is glued on
    #   C O N F I D E N T I A LCAIRO 000079
    r"(?:T[ ]O[ ]P[ ]{1,2}S[ ]E[ ]C[ ]R[ ]E[ ]T|S[ ]E[ ]C[ ]R[ ]E[ ]T"
    r"|C[ ]O[ ]N[ ]F[ ]I[ ]D[ ]E[ ]N[ ]T[ ]I[ ]A[ ]L|U[ ]N[ ]C[ ]L[ ]A[ ]S[ ]S[ ]I[ ]F[ ]I[ ]E[ ]D"
    # unspaced: never a word prefix (SECRETARY, CONFIDENTIALITY)
    r"|(?:TOP[ ]{1,2}SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED[ ]OFFICIAL[ ]USE)(?![A-Za-z]))"
)

# Controls that may follow the level on a banner line.
#   //NOFORN   NOFORN   //FOR OFFICIAL USE ONLY   E F T O   SENSITIVE   //SBU
BANNER_CONTROL = (
    r"(?:NO[ ]?FORN|NF|FOR[ ]OFFICIAL[ ]USE[ ]ONLY|FOUO|E[ ]?F[ ]?T[ ]?O"
    r"|SENSITIVE[ ]BUT[ ]UNCLASSIFIED|SENSITIVE|SBU|ORCON|NODIS|EXDIS|LIMDIS|STADIS"
    r"|REL(?:EASABLE)?[ ]TO[ ][A-Z]{2,}(?:,[ ]?[A-Z]{2,})*)(?![A-Za-z])"
)

BANNER_HEAD = re.compile(
    r"(?P<lead>[ \t\"',.\]]*(?:(?:ID:[ ]?\d+[ \t]+)?Cable[ ]dated:[ ]?[0-9T:\-]+\]?[ \t\"',.\]]*)?)"
    r"(?P<marking>" + LEVEL_WORD + r"(?:(?:[ \t]*(?://?|-)[ \t]*|[ \t]+)" + BANNER_CONTROL + r")*)"
    r"(?P<slashes>[ \t]*//?)?",
    re.IGNORECASE,
)
# Unicode blanks (U+2028 line separator, no-break space ...) read as a space; same length,
# so columns stay true
BLANK_CHARS = "\u00a0\u2028\u2029" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u3000\x0b\x0c"
BLANKS = re.compile(f"[{BLANK_CHARS}]")
# a banner whose level word is damaged (letters lost or doubled), still shaped like a banner
# by what follows it:  O N F I D E N T I A L SECTION 01 OF 04 PARIS 004247   NCLAS SECTION 01 OF 02
#   UUNCLAS MANAGUA 001002   CC O N F I D E N T I A L SECTION 01 OF 02 SAO PAULO 000104
DAMAGED_BANNER = re.compile(
    r"(?P<lead>[ \t\"',.]*)(?P<marking>(?:[A-Z]{1,3}[ ])?(?:[A-Z][ ]){3,12}[A-Z]|U{0,2}N?CLAS(?:SIFIED)?|[A-Z][ ][A-Z]{5,11})"
    r"(?=[ \t]+(?:SECTION[ \t]+\d|[A-Z][A-Z .'\-]{0,30}?[ \t]+\d{3,8}(?!\d)))"
)
# a banner glued behind the last address line by a TAB or a csv quote:
#   RUEHTV/AMEMBASSY TEL AVIV PRIORITY 1136<TAB>C O N F I D E N T I A L SECTION 01 OF 03 ...
#   RUEABND/DEA HQS WASHINGTON DC","UNCLAS SECTION 01 OF 03 MEXICO 000023
BANNER_AFTER_ADDRESS = re.compile(r"\t|\"(?:,\"?)?")
# the serial number closing a banner:  ... MOSCOW 002426
BANNER_SERIAL = re.compile(r"(\d{3,8})$")
SECTION_ANYWHERE = re.compile(r"\bSECTION[ \t]+\d{1,3}[ \t]+OF[ \t]+\d{1,3}", re.I)
SECTION = re.compile(r"[ \t]*SECTION[ \t]+(?P<n>\d{1,3})[ \t]+OF[ \t]+(?P<of>\d{1,3})", re.I)
# ANKARA 008305   THE HAGUE 001695   STATE   00100153   PTQ2529
ORIGIN_SERIAL = re.compile(
    r"[ \t]+(?:(?P<origin>[A-Za-z][A-Za-z.'&\-]*(?:[ ][A-Za-z][A-Za-z.'&\-]*){0,3})[ \t]+)?"
    r"(?P<serial>[A-Z]{0,4}\d{2,8})(?!\d)",
    re.I,
)

# --------------------------------------------------------------------------- header
# VZCZCXYZ0005   VZCZCXRO3425   VZCZCBSO876
VZCZC = re.compile(r"[ \t]*VZCZC[A-Z0-9]*[ \t]*$")
# OO RUEHWEB    PP RUEHBC RUEHDE    RR RUEHC    (precedence prosign + routing indicators)
PROSIGN = re.compile(r"[ \t]*(?P<prec>[A-Z]{1,2})(?P<ris>(?:[ \t]+R[A-Z]{3,6}[A-Z0-9]*)+)[ \t]*$")
# RUEAIIA RHEFDIA RUCJACC   (more routing indicators on their own line)
ROUTING_INDICATORS = re.compile(r"[ \t]*R[A-Z]{3,6}[A-Z0-9]*(?:[ \t]+R[A-Z]{3,6}[A-Z0-9]*)*[ \t]*$")
# DE RUEHC #6440 3361951     DE RUEHEG #1013/01 1541211
DE_LINE = re.compile(
    r"[ \t]*DE[ \t]+(?:(?P<station>[A-Z0-9]+)[ \t]*)?(?:#(?P<serial>\d+)(?:/(?P<section>\d+))?)?"
    r"(?:[ \t]+(?P<jday>\d{3})(?P<time>\d{4})\b)?"
)
DE_LINE_STRICT = re.compile(r"[ \t]*DE[ \t]+[A-Z]{4,}[A-Z0-9]*[ \t]+#?\d")
# ZNY CCCCC ZZH    ZNR UUUUU ZZH    ZNY SSSAA ZZH    ZNR UUUUU
SECURITY = re.compile(r"[ \t]*(?P<signal>ZN[YR])\b[ \t]*(?P<code>[A-Z]{5})?")
# O 011943Z DEC 08    O R 141538Z MAR 06    252008Z Nov 05    P 291513Z MAY 08 ZUI SVC ...
DTG = re.compile(
    r"[ \t]*(?:(?P<prec>[A-Z](?:[ \t]+[A-Z])?)[ \t]+)?"
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})Z[ \t]+(?P<month>[A-Za-z]{3})[ \t]+"
    r"(?P<year>\d{4}|\d{2})(?!\d)"
)
# FM SECSTATE WASHDC    TO RUEHVB/AMEMBASSY ZAGREB IMMEDIATE 0000    INFO ...    XMT ...
ADDRESS = re.compile(r"[ \t]*(?P<role>FM|TO|INFO|XMT)[ \t]+(?P<rest>\S.*)$")
# INFO  LOG-00   NP-00   (State distribution print, not an address)
DISTRIBUTION = re.compile(r"[ \t]*(?:INFO|ACTION)[ \t]+[A-Z]+-\d\d")
# an embedded database record:  id: 59852 / date: ... / refid: ... / header: / ---- header ends ----
RECORD_START = re.compile(r"id:[ \t]*\d+[ \t]*$")
RECORD_FIELD = re.compile(r"(?:date|refid|origin|classification|destination|header):")
RECORD_END = re.compile(r"-+[ \t]*header ends[ \t]*-+[ \t]*$")
PARTIAL_NOTE = re.compile(r"[ \t]*This record is a partial extract", re.I)

# --------------------------------------------------------------------------- front matter
# E.O. 12958: DECL: 11/24/2018    EO 12958 DECL:    E. O. 11652: GDS    E.O.12958: N/A
EO = re.compile(r"(?:E\.[ ]?[O0]\.?|(?<![A-Za-z])EO)[ \t]*(?::[ \t]*)?(?P<order>\d{4,5})?(?![\d])", re.I)
EO_AT_START = re.compile(r"[ \t]*(?:E\.[ ]?[O0]\.?|EO)(?![A-Za-z])", re.I)
# the E.O. number where it may be fused behind other text:  ...FOR REAPE.O. 12958: DECL: ...
EO_FUSED = re.compile(led_by(
    "E", r"E\.[ ]?[O0]\.[ \t]*(?::[ \t]*)?\d{4,5}(?!\d)|(?<![A-Za-z])EO[ \t]*(?::[ \t]*)?\d{4,5}(?!\d)"
), re.I)
# an E.O. line without its number:  E.O.: N/A    EO: DECL: 01/01/2019
EO_KEYWORD = re.compile(r"[ \t]*(?:E\.[ ]?[O0]\.?|EO)[ \t]*(?::[ \t]*)?(?:\d|DECL|N/?A\b|OADR|GDS)", re.I)
# TAGS: PARM NATO     TAGS PGOV, PINS
TAG_LIST = re.compile(r"[A-Z][A-Z0-9_\-]{1,8}(?:[ \t,;]+[A-Z][A-Z0-9_\-]{1,8})*[ \t,;]*")
TAGS_AT_START = re.compile(r"[ \t]*TAGS\b", re.I)
TAGS_FUSED = re.compile(led_by("T", r"(?<![A-Za-z])TAGS(?:[ \t]*:|[ \t]+(?=[A-Z]{2,}))"))
# SUBJECT: ...   SUBJ: ...   Subject: ...
SUBJECT = re.compile(led_by("S", r"(?<![A-Za-z])SUBJ(?:ECT)?[ \t]*:"), re.I)
SUBJECT_AT_START = re.compile(r"[ \t]*SUBJ(?:ECT)?\b[ \t]*:?", re.I)
# REF: A. CAIRO 550     REFS: A) ...    REFTEL: (A) ...    ¶REF ...
REF_AT_START = re.compile(r"[ \t]*(?:¶[ \t]*)?(?:REFTELS?|REFS?|REFERENCES?)\b[ \t]*:?", re.I)
REF_FUSED = re.compile(led_by("R", r"(?<![A-Za-z])(?:REFTELS?|REFS?)[ \t]*:"), re.I)
# Classified By: ...   CLASSIFIED BY ...   Classfied By: ...   (U) CLASSIFIED BY: ...
# (also glued to the word before it: ...TO BAHRAINClassified By: ...; not in quotes: ADD "CLASSIFIED BY" LINE)
# (misspelt within a letter: Classfied By, Classjfied By, Classiied By)
# (after a quote only with its colon: a csv field ``... STATE 66324 "Classified By: DCM ...``,
# not prose such as ``"classified by the ministry``)
CLASSIFIED_BY = re.compile(led_by(
    "C",
    r"(?:(?<![A-Za-z\"'])CLAS{1,2}[A-Z]{0,2}F?I?ED[ \t]+BY\b|(?<=[A-Z])Classified[ \t]+By\b"
    r"|(?<=\")CLAS{1,2}[A-Z]{0,2}F?I?ED[ \t]+BY(?=[ \t]*:))[ \t]*:?",
), re.I)
# a reason citation: the section number (1.4, 1.5, 1.6) or the word REASON
REASON_SECTION = re.compile(r"(?<![\d.])1[ ]?\.[ ]?[4-6](?!\d)|\bREASONS?\b", re.I)
# an authority line whose keyword the publication garbled (letters lost or changed), known by
# the reason it ends with:   Classiires Richard M. Eason for` (D).
GARBLED_AUTHORITY = re.compile(
    r"[ \t]*(?P<keyword>CLAS[A-Z]{3,8})[ \t]+(?!BY\b)"
    r"(?=.*(?:(?<![\d.])1[ ]?\.[ ]?[4-6](?!\d)|\bREASONS?\b|\bFOR\W{0,3}"
    r"\([ \t]*[A-H](?:[ \t]*[,/&][ \t]*[A-H])*[ \t]*\)[ \t.]*$))",
    re.I,
)
# the reason letters alone at the end of such a line, after FOR:   for` (D).
TRAILING_REASON = re.compile(r"\bFOR\W{0,3}(?P<letters>\([ \t]*[A-H](?:[ \t]*[,/&][ \t]*[A-H])*[ \t]*\))[ \t.]*$", re.I)
# the classification field of a media partner's metadata block, in the routing header:
#   ID: 245489 / ORIGIN: XXXXXXXXXXXX / DATE: ... / SOURCE: Embassy Beijing / CLASSIFICATION: SECRET
METADATA_CLASSIFICATION = re.compile(r"CLASSIFICATION:[ \t]*(?P<marking>[A-Z][A-Z /]*?)[ \t]*$")
# the authority keyword split after its first word:  ... 001.2 OF 003 CLASSIFIED / (blank) / BY: ...
SPLIT_KEYWORD = re.compile(r"[ \t]*CLASSIFIED[ \t]*", re.I)
SPLIT_BY = re.compile(r"[ \t]*BY\b[ \t]*:", re.I)
# derivative classification:  DERIVED FROM: DSCG 05-1 B, D    Derived from: ...
# The keyword is capitalised; prose's "derived from drugs or drug proceeds" is no authority line.
_DERIVED = r"(?-i:D)ERIVED[ \t]+FROM"
DERIVED_FROM = re.compile(led_by("D", rf"(?<![A-Za-z]){_DERIVED}\b[ \t]*:?"), re.I)
CLASSIFIED_AT_START = re.compile(
    rf"[ \t]*(?:\([A-Za-z/ ]{{1,10}}\)[ \t]*)?(?:CLAS{{1,2}}[A-Z]{{0,2}}F?I?ED[ \t]+BY|{_DERIVED})\b", re.I
)
# one reference letter opening a REF item:  A.   ¶B.   (A)   A)
REF_ITEM = re.compile(r"(?:^|(?<=[\s,;]))(?:¶[ \t]*)?\(?(?P<letter>[A-Z])[.)](?=[ \t]|$)")

# --------------------------------------------------------------------------- captions
# caption as written, upper case with the spaces removed -> canonical spelling
CAPTION_WORDS = {
    "SIPDIS": "SIPDIS",
    "NOFORN": "NOFORN",
    "SENSITIVE": "SENSITIVE",
    "SENSITIVEBUTUNCLASSIFIED": "SENSITIVE BUT UNCLASSIFIED",
    "EXDIS": "EXDIS",
    "NODIS": "NODIS",
    "LIMDIS": "LIMDIS",
    "STADIS": "STADIS",
    "CORRECTEDCOPY": "CORRECTED COPY",
    "NOTFORINTERNETDISTRIBUTION": "NOT FOR INTERNET DISTRIBUTION",
    "EFTO": "EFTO",
    "FOROFFICIALUSEONLY": "FOR OFFICIAL USE ONLY",
}
# SIPDIS   SENSITIVE SIPDIS   NOFORN   C O R R E C T E D  C O P Y   NOT FOR INTERNET DISTRIBUTION
CAPTION_TOKEN = re.compile(
    r"SENSITIVE[ ]+BUT[ ]+UNCLASSIFIED|SENSITIVE|SIPDIS|NOFORN|EXDIS|NODIS|LIMDIS|STADIS"
    r"|C[ ]?O[ ]?R[ ]?R[ ]?E[ ]?C[ ]?T[ ]?E[ ]?D[ ]+C[ ]?O[ ]?P[ ]?Y|NOT[ ]FOR[ ]INTERNET[ ]DISTRIBUTION"
    r"|E[ ]?F[ ]?T[ ]?O|FOR[ ]OFFICIAL[ ]USE[ ]ONLY",
    re.I,
)
CAPTION_ONLY = re.compile(
    r"[ \t\-]*(?:(?:" + CAPTION_TOKEN.pattern + r")[ \t\-,.]*)+(?:\(.*|[A-Z][A-Z ]{0,40}ADDED.*)?$", re.I
)
# caption words opening or closing a routing caption:  NOFORN SIPDIS DEPARTMENT FOR ...   ... FOR ILAB SENSITIVE SIPDIS
CAPTION_LEAD = re.compile(r"[ \t]*(?:(?:" + CAPTION_TOKEN.pattern + r")(?:[ \t]+|$))+", re.I)
CAPTION_TAIL = re.compile(r"(?:(?<=[ \t])(?:" + CAPTION_TOKEN.pattern + r")[ \t]*)+$", re.I)
# DEPT FOR WHA/BSC   DEPARTMENT FOR NEA/ELA, AF/SPG   PASS USTR FOR ...   STATE PASS TO AID
ROUTING_CAPTION = re.compile(r"[ \t]*(?:PASS\b|[A-Z][A-Z/&.,\- ]{0,40}?[ \t](?:FOR|PASS)\b)")

# --------------------------------------------------------------------------- body
def mark(name: str = "mark") -> str:
    """A parenthesised portion mark, the letters in group ``name``: (C)  ( C )  (S/REL A, B, C)
    (/Rel UK)."""
    return r"\([ ]?(?P<" + name + r">/?[A-Za-z][A-Za-z /,\-]{0,120}?)[ ]?\)"


PORTION = mark()
# numbered paragraph starts:  ¶1. (C)   [1](#)1.   1.(C)   1) (U)   (C) 1.   7.While   1 .  (C)
PARAGRAPH = re.compile(
    r"(?P<indent>[ \t]*)"
    r"(?:" + mark("premark") + r"[ \t]*)?"
    r"(?P<num>(?:¶[ \t]*|\[\d{1,3}\]\(#\))?(?P<digits>\d{1,3})(?:-(?P<to>\d{1,3}))?(?:[ \t]?(?:\.\.?|\))|[ \t]+(?=\([A-Za-z]))(?![\d]))"
    r"(?:[ \t]*" + mark() + r")?"
)
# text the publication removed right after a paragraph number (and mark): a media redaction run
# ``¶7. XXXXXXXXXXXX said``, a placeholder ``¶7. [DETAILS REMOVED]``, a line cut short ``¶1. ...``
# or ``¶1.  (C...``, or a mark lost but for its closing parenthesis ``¶8. )  At a ...``
REDACTION_START = re.compile(
    r"[ \t]*(?:\(?[Xx]{6}|\[[A-Z ]{0,30}REMOVED\]|\(?[A-Za-z/]{0,6}\.\.\.[ \t]*$)|[ \t]+\)(?=[ \t])"
)
# a text line that awaits a number on the next line:  ... steps outlined in para / ... July 1-
AWAITS_NUMBER = re.compile(r"(?:\b(?:paras?|paragraphs?|refs?|reftels?)|\d-)$", re.I)
# a blanket statement instead of a portion mark:  ¶1.  CONFIDENTIAL - ENTIRE TEXT.
ENTIRE_TEXT = re.compile(r"[ \t]*(?P<mark>" + LEVEL_WORD + r"[ \t]*-[ \t]*ENTIRE[ \t]+TEXT)", re.I)
# a mark whose closing parenthesis a media redaction ate:  ¶6. (C XXXXXXXXXXXX, too, ...
OPEN_ONLY_MARK = re.compile(r"(?<![ \t])[ \t]*\((?P<mark>[A-Z]{1,3}(?:/[A-Z]{1,3})?)[ \t]+(?=[Xx]{6})")
# a portion mark after one to four lead-in words:  ¶1. Summary.  (S/NF) On April 1 ...   1. Comment: (S) ...
LEAD_IN_MARK = re.compile(
    r"[ \t]*[A-Za-z]+(?:[ ][A-Za-z]+){0,3}[ \t]*[.:][ \t]*(?:-(?!-)[ \t]*)?" + mark()
)
# a level and its controls written without parentheses after lead-in words (the classification of
# a quoted text):  ¶5. BEGIN NON-PAPER S//REL CHINA:   (only with "//", so never a plain word)
LEAD_IN_BARE_MARK = re.compile(
    r"[ \t]*[A-Za-z]+(?:[ \-][A-Za-z]+){0,3}[ \t]+(?P<mark>(?:TS|S|C|U)//[A-Za-z][A-Za-z ,/]{0,60}?)[ \t]*(?::|$)"
)
# a marked bullet on a heading's line:  1.KEY POINTS -- (C) On May 18, ...
INLINE_BULLET = re.compile(led_by("-", r"(?<=[ \t])--[ \t]*" + mark()))
# the UNCLAS word with a letter lost or doubled:  NCLAS   UUNCLAS
DAMAGED_UNCLAS = re.compile(r"U{0,2}N?CLAS(?:SIFIED)?")
# a mark missing its opening parenthesis:  ¶9. C) Berlusconi ...
CLOSE_ONLY_MARK = re.compile(r"(?<![ \t])[ \t]*(?P<mark>[A-Z]{1,3}(?:/[A-Z]{1,3})?\))(?=[ \t])")
# a paragraph start fused behind a closing ")" "." or a dashed heading:  ... (b) and (d) 1. (C) Summary
# (written as ``(?<=[).\-:])[ \t]+`` with the first blank taken before the look-behind: a pattern
# that opens with a character class lets the engine skip in C to the next blank, one that opens
# with a look-behind tries it at every position; same matches)
FUSED_PARAGRAPH = re.compile(
    r"[ \t](?<=[).\-:][ \t])[ \t]*(?P<start>¶?(?P<digits>\d{1,3})[ \t]?[.)][ \t]*" + mark() + ")"
)
# the first paragraph glued behind any word (only trusted for a first paragraph that is marked);
# ``(?<![ \t])[ \t]+`` with the first blank taken first, as above
FUSED_FIRST_PARAGRAPH = re.compile(
    r"[ \t](?<![ \t][ \t])[ \t]*(?P<start>¶?(?P<digits>1)[ \t]?[.)][ \t]*" + mark() + ")"
)
# what every FUSED_FIRST_PARAGRAPH match holds (a number, its period or bracket, the mark's
# parenthesis): a cheaper scan that spares its scan on the lines without one (the lexer finds
# FUSED_PARAGRAPH matches from the marks' parentheses instead)
FUSED_HINT = re.compile(r"\d[ \t]?[.)][ \t]*\(")
# a section number of a reason citation: 1.4  1.5  1.6
SECTION_NUMBER = re.compile(r"(?<![\d.])1[ ]?\.[ ]?[4-6](?!\d)")
# a paragraph start right after a page break mark on the same line:  ... 002 OF 003 5. (SBU) ...
PARAGRAPH_AFTER_BREAK = re.compile(r"[ \t]+(?P<start>¶?(?P<digits>\d{1,3})[ \t]?[.)][ \t]*" + mark() + ")")
# an inline item with a real mark on a paragraph line:  ... TERRORISM I. (S/NF) ANTI-AMERICAN ...
INLINE_ITEM = re.compile(r"(?<=[ \t])(?P<label>[IVX]{1,4}|[A-Z])\.[ \t]*" + mark())
# what every INLINE_ITEM match holds: a cheap scan (literal first character) that spares the
# costly one (a look-behind tried at every position) on the ~97 % of paragraph lines without it
INLINE_ITEM_HINT = re.compile(r"\.[ \t]*\(")
# a list label opening a line:  (B) Sao Paulo 215;   B. ...
LIST_LABEL = re.compile(r"[ \t]*¶?\(?(?P<letter>[A-Za-z])[.)]")
# decimal sub-numbering:  27.A. (SBU)   ¶3.B.
DECIMAL_SUB = re.compile(
    r"[ \t]*(?:¶[ \t]*)?(?P<label>\d{1,3}\.[A-Za-z])[.)](?:[ \t]*" + mark() + ")?"
)
# lettered sub-paragraphs:  A. (C)   A) (S/NF)   ¶B.   and marked roman items:  II. (SBU) MACRO ...
LETTERED_SUB = re.compile(
    r"[ \t]*(?:¶[ \t]*)?(?P<label>[A-Z]|[IVX]{2,4}(?=\.[ \t]*\())[.)](?=[ \t])(?:[ \t]*" + mark() + ")?"
)
# a lower-case letter before a real mark:  a. (S) EXBS FSN received ...  (not i., v., x.: roman numbers)
MARKED_LOWER_SUB = re.compile(r"[ \t]*(?P<label>[a-hj-uwyz])[.)][ \t]+" + mark())
# marked outline items under a lettered heading:  D 1. (S/NF) ...  (not Q7., a question number)
OUTLINE_SUB = re.compile(r"[ \t]*(?:¶[ \t]*)?(?P<parent>[A-Z])[ ](?P<label>\d{1,2})\.[ \t]*" + mark())
# bullets:  -- (C) The GOI ...    --Confirm ...    and a single dash before a mark:  - (S/NF) On Gaza ...
BULLET = re.compile(r"[ \t]*(?P<dashes>--(?!-)|-(?=[ \t]*\())[ \t]*(?:" + mark() + ")?")
# unnumbered paragraph opening with a portion mark:  (C/NF) Ambassador presented ...
PORTION_START = re.compile(r"[ \t]*" + PORTION)
PORTION_END = re.compile(PORTION + r"[ \t]*$")

# page breaks:  PAGE 02 HARARE 05461 01 OF 02 271458Z     CAIRO 00000757 002.2 OF 002
OLD_PAGE = re.compile(
    r"[ \t]*PAGE[ \t]+\d{2,3}[ \t]+[A-Z][A-Z .'\-]{0,40}?[ \t]+\d{3,8}[ \t]+\d{2}[ \t]+OF[ \t]+\d{2}[ \t]+\d{6}Z"
)
# (``(?<!\d)\d{8}`` with the first digit taken before the look-behind, as FUSED_PARAGRAPH)
PAGE_NUMBERS = re.compile(r"\d(?<!\d\d)\d{7}[ \t]+\d{3}(?:\.\d{1,2})?[ \t]+OF[ \t]+\d{3}(?!\d)")
# what every PAGE_NUMBERS match holds: a scan for its literal ``OF`` (a few instructions a character)
# that spares its scan (a digit class tested at every character) on the lines without one
PAGE_OF = re.compile(r"OF(?<=[ \t]OF)[ \t]+\d{3}")
PLACE_WORD = re.compile(r"[A-Z][A-Z.'\-]*[ \t]+$")

# a run of transmission garbage where text was lost (and another text may follow):
#   RHTQwsQfjQQQocuments   relationsh/MQQ7#^QQQare   (not IRAQQS, a damaged IRAQ'S: no lower case)
# a transmission cancel notice standing where text was:  ZFR ZFR ZFR CANCEL TELEGRAM PER DRAFTER REQUEST
CANCEL_NOTICE = re.compile(r"[ \t]*(?:ZFR[ \t]+)+CANCEL\b")
CORRUPT_RUN = re.compile(r"(?<!\S)(?=\S*[a-z])\S*QQ\S*")
# markers:  SUMMARY   End Summary.   END COMMENT   Comment:   (Note: ... End note.)   BEGIN TEXT
MARKER = re.compile(led_by(
    "[BCENS]",
    r"\b(?:(?P<end>END|BEGIN)[ \t]{1,3}(?:OF[ \t]{1,3})?(?P<endkind>SUMMARY|COMMENT|NOTE|TEXT)\b"
    r"|(?P<kind>SUMMARY|COMMENT|NOTE)(?:[ \t]{1,3}AND[ \t]{1,3}COMMENT)?[ \t]{0,3}(?::|\.?$))",
), re.I)
# a bare classification line at a page foot:  CONFIDENTIAL   SECRET//NOFORN
# (searched in the last 80 characters only, so a long run of blanks costs nothing)
FOOTER_TAIL = re.compile(r"[ \t]{2}(?P<footer>(?:" + LEVEL_WORD + r")(?://?NOFORN)?)$")

# control characters that mean the text is not a cable (binary data)
BINARY_CHARS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]))
BINARY = re.compile(f"[{BINARY_CHARS}]")
# either kind, each character looked for on its own (``char in text`` runs at memchr speed, ~40
# times fewer instructions than a character-class scan of the text): a cable holds none
ODD_CHARS = BINARY_CHARS + BLANK_CHARS
