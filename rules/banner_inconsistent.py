"""Classification line, security line, section banners and footers disagree.

What it checks:
    The level of the top classification line against the ``ZNY CCCCC`` security line of the
    routing header, every later ``SECTION nn OF nn`` banner and every repeated classification
    footer.  Each line that states another level is reported once.  The security line is
    not compared when the header evidently belongs to another message (a record mix-up:
    neither the DE serial nor the FM address matches the banner's serial and originator).

Why it matters:
    Relay stations protect a message by its security line, readers by its banner; when
    the two disagree, one of them under-protects the cable.

Fails:
    VZCZCXYZ0005
    OO RUEHWEB
    DE RUEHC #6440 3361951
    ZNY SSSSS ZZH
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO RUEHVB/AMEMBASSY ZAGREB IMMEDIATE 0000

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL

Passes:
    VZCZCXYZ0005
    OO RUEHWEB
    DE RUEHC #6440 3361951
    ZNY CCCCC ZZH
    O 011943Z DEC 08
    FM SECSTATE WASHDC
    TO RUEHVB/AMEMBASSY ZAGREB IMMEDIATE 0000

    C O N F I D E N T I A L STATE 126440

    E.O. 12958: DECL: 11/24/2018
    TAGS: PREL

Options:
    None.

References:
    T-H-4 and T-H-X (FL4 security warning must match the classification line; ACP 127 US
    Supp-1), T-CL-3 and T-CL-5 (section banners and repeated page banners), M-BAN-2
    (22 CFR 9.12(a)(1)-(2)) in marking-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import RuleContext
from checker.findings import Problem
from checker.model import Cable, Level, Span
from checker.portions import banner_level

CODE = "BN002"
NAME = "banner-inconsistent"
SEVERITY = "error"
SCOPE = ("header", "banners", "page_marks")
OPTIONS = {"type": "object", "additionalProperties": False, "properties": {}}


def _header_of_another_message(cable: Cable) -> bool:
    """A record that joins one message's routing header to another's text: neither the DE
    serial matches the banner's serial nor the banner's originator the FM address."""
    header, banner = cable.header, cable.banner
    if header is None or banner is None or header.de is None:
        return False
    serial, de_serial = (banner.serial or "").strip(), (header.de.serial or "").strip()
    origin, originator = (header.origin or "").upper(), (banner.originator or "").upper()
    if not (serial.isdigit() and de_serial.isdigit() and origin and originator):
        return False
    return int(serial) % 10000 != int(de_serial) % 10000 and originator not in origin


def _other_levels(cable: Cable, top: Level) -> Iterator[tuple[str, Level, Span]]:
    """The lines that state a level other than ``top``, the classification line's; what
    tells whether a line counts is asked only of a line that disagrees."""
    header = cable.header
    security = header.security if header else None
    if security and security.level is not None and security.level != top and not _header_of_another_message(cable):
        yield f"security line {security.code}", security.level, security.span
    for banner in cable.banners[1:]:
        level = banner.marking.level
        if level is not None and level != top:
            what = "section banner" if banner.kind == "section" else "classification footer"
            yield what, level, banner.span
    banner_lines: set[int] | None = None
    for mark in cable.page_marks:  # a footer fused to a text line is a page mark only
        if mark.kind == "footer" and mark.level is not None and mark.level != top:
            if banner_lines is None:
                banner_lines = {banner.span.line for banner in cable.banners}
            if mark.span.line not in banner_lines:
                yield "classification footer", mark.level, mark.span


def check(cable: Cable, ctx: RuleContext) -> Iterator[Problem]:
    top = banner_level(cable)
    if top is None:
        return
    for what, level, span in _other_levels(cable, top):
        yield Problem(span, f"{what} says {level.label}, classification line says {top.label}")
