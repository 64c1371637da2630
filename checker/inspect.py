"""The model as plain data: what ``cablelint inspect --format json`` prints.

The keys listed in issue 2 are a contract with outside tools (``classification``,
``date``, ``eo``, ``declassify``, ``authority``, ``tags``, ``subject``, ``paragraphs``,
``parse_errors``); further keys may be added, never renamed.  No paragraph text is
included, only positions, numbers and marking tokens.
"""

from __future__ import annotations

from typing import Any

from checker.model import Cable, Marking, Span


def _span(span: Span | None) -> dict[str, int] | None:
    if span is None:
        return None
    return {"line": span.line, "column": span.column, "end_line": span.end_line, "end_column": span.end_column}


def _marking(marking: Marking | None) -> dict[str, Any] | None:
    if marking is None:
        return None
    return {
        "raw": marking.raw,
        "level": marking.level.label if marking.level is not None else None,
        "controls": list(marking.controls),
        "canonical": marking.canonical,
        "unknown": list(marking.unknown),
    }


def cable_to_dict(cable: Cable) -> dict[str, Any]:
    """The JSON-ready view of a parsed cable."""
    banner = cable.banner
    level = banner.marking.level if banner else None
    eo = cable.eo
    decl = eo.declassify if eo else None
    authority = cable.authority
    header = cable.header
    return {
        "classification": {
            "level": level.label if level is not None else None,
            "controls": list(banner.marking.controls) if banner else [],
        },
        "date": cable.header.dtg.value.isoformat() if header and header.dtg and header.dtg.value else None,
        "eo": eo.order if eo else None,
        "declassify": {
            "raw": decl.raw if decl else None,
            "kind": decl.kind if decl else None,
            "date": decl.date.isoformat() if decl and decl.date else None,
            "exemptions": list(decl.exemptions) if decl else [],
        },
        "authority": {
            "by": authority.by if authority else None,
            "derived_from": authority.derived_from if authority else None,
            "reasons": (
                {
                    "section": authority.reasons.section,
                    "letters": list(authority.reasons.letters),
                    "raw": authority.reasons.raw,
                }
                if authority and authority.reasons
                else None
            ),
        },
        "tags": list(cable.tags.values) if cable.tags else [],
        "subject": cable.subject.text if cable.subject else None,
        "subject_marking": _marking(cable.subject.marking) if cable.subject else None,
        "banners": [
            {
                "kind": b.kind,
                "line": b.span.line,
                "marking": _marking(b.marking),
                "section": b.section,
                "section_count": b.section_count,
                "originator": b.originator,
                "serial": b.serial,
            }
            for b in cable.banners
        ],
        "captions": [{"line": c.span.line, "tokens": list(c.tokens)} for c in cable.captions],
        "header": (
            {
                "transmission_id": header.transmission_id,
                "precedence": header.dtg.precedence if header.dtg else None,
                "security": header.security.code if header.security else None,
                "origin": header.origin,
                "serial": header.de.serial if header.de else None,
                "partial_extract": header.partial_extract,
            }
            if header
            else None
        ),
        "paragraphs": [
            {
                "number": p.number,
                "number_raw": p.number_raw,
                "line": p.span.line,
                "span": _span(p.span),
                "marking": _marking(p.marking),
                "redacted_start": p.redacted_start,
                "subparagraphs": [
                    {"label": s.label, "parent": s.parent, "line": s.span.line, "marking": _marking(s.marking)}
                    for s in p.subparagraphs
                ],
            }
            for p in cable.paragraphs
        ],
        "page_marks": [{"kind": m.kind, "line": m.span.line} for m in cable.page_marks],
        "markers": [{"kind": m.kind, "line": m.span.line} for m in cable.markers],
        "parse_errors": [
            {"line": e.span.line, "column": e.span.column, "message": e.message} for e in cable.parse_errors
        ],
        "line_count": cable.line_count,
        "metadata_classification": _marking(cable.metadata_classification),
    }
