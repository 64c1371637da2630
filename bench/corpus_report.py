"""How well the parser models a real corpus, measured against the source metadata.

Usage:  python bench/corpus_report.py PATH [--list N]

PATH is a corpus directory holding ``cables/*.txt`` and ``MANIFEST.tsv`` (for example
``../shared/corpus``).  The script prints, for issue 2:

* the share of cables modelled with no parse error (target >= 99.5%);
* agreement of the banner level and the NOFORN flag with ``classification_source``
  (target >= 99%), with every disagreement listed and explained from the text where the
  text itself differs from the metadata (then the text wins);
* agreement of the DTG's date and hour with ``date_created`` (>= 99% of cables with a DTG);
* agreement of TAGS with ``tags_source`` and of SUBJECT with ``subject_source``,
  whitespace-normalised (>= 98%; the source lists the subject's first line only, so the
  subject agrees when the source is a prefix of the parsed subject);
* the share of numbered paragraphs in classified cables whose portion marking was found.

It never special-cases a cable: every figure is computed the same way for every file.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.model import Cable, Level  # noqa: E402
from checker.parse import parse_cable  # noqa: E402
from checker.parse import patterns as P  # noqa: E402

_LEVEL_WORDS = {
    "UNCLASSIFIED": Level.UNCLASSIFIED,
    "CONFIDENTIAL": Level.CONFIDENTIAL,
    "SECRET": Level.SECRET,
    "TOP SECRET": Level.TOP_SECRET,
}
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")


@dataclass
class Tally:
    """Agreement counts for one figure, with the disagreeing cables kept for the listing."""

    agree: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, label: str) -> None:
        self.total += 1
        if ok:
            self.agree += 1
        else:
            self.misses.append(label)

    def share(self) -> str:
        return f"{self.agree}/{self.total} = {100.0 * self.agree / self.total:.2f}%" if self.total else "n/a"


def normalise(text: str) -> str:
    """Upper case, every run of non-alphanumerics one space (commas and hyphens differ by source)."""
    return _NON_ALNUM.sub(" ", text.upper()).strip()


_FUSED_FIELD = re.compile(
    r"^(?:REFS?|REFTEL|REFERENCE|CLASSIFIED BY|CLASSFIED BY|DERIVED FROM|SENSITIVE|[A-Z ]*\d{8} \d{3})\b"
)


def subject_verdict(cable: Cable, source: str) -> str:
    """``agree``, or why the parsed SUBJECT differs from ``subject_source`` (read from the text).

    The source lists the subject's first line, taken from the page naively: with the portion
    mark still on it, and in flattened renderings with the REF / Classified By / page-break
    text that follows on the same line.  The parser splits those off.
    """
    ours = normalise(cable.subject.text) if cable.subject else ""
    want = normalise(source)
    if want and ours.startswith(want):
        return "agree"
    marking = cable.subject.marking if cable.subject else None
    reasons = []
    if marking is not None:
        mark = normalise(marking.raw)
        if want.startswith(mark + " "):
            want = want[len(mark) + 1:]
            reasons.append("source keeps the portion mark the parser splits off")
            if ours.startswith(want):
                return reasons[0]
    if ours and want.startswith(ours) and _FUSED_FIELD.match(want[len(ours):].strip()):
        reasons.append("source runs on into the fused REF / Classified By / page-break text")
        return "; ".join(reasons)
    return "differs"


def tags_verdict(cable: Cable, source: str) -> str:
    """``agree``, or why the parsed TAGS differ from ``tags_source``.

    The source links each tag once and shows a limited number of them, so a tag written
    twice appears once there, and a long TAGS line is cut short.
    """
    ours = normalise(" ".join(cable.tags.values)) if cable.tags else ""
    want = normalise(source)
    if ours == want:
        return "agree"
    unique = " ".join(dict.fromkeys(ours.split()))
    if unique == want:
        return "source lists a repeated tag once"
    if want and (unique + " ").startswith(want + " "):
        return "source shows only the first tags of a long line"
    return "differs"


def noforn_in_text(cable: Cable) -> bool:
    """NOFORN written on the banner or as a caption line."""
    banner = cable.banner
    if banner and "NOFORN" in banner.marking.controls:
        return True
    return any("NOFORN" in c.tokens for c in cable.captions)


def explain_level(cable: Cable, source_level: Level, text: str) -> str:
    """Why the parsed level differs from the metadata, read from the text."""
    banner = cable.banner
    if banner is None:
        return "no banner found in the text"
    says = f"banner says {banner.marking.level.label if banner.marking.level is not None else banner.raw!r}"
    marks = [p.marking.level for p in cable.paragraphs if p.marking and p.marking.level is not None]
    top = max(marks) if marks else None
    security = cable.header.security.level if cable.header and cable.header.security else None
    extra = []
    if security is not None:
        extra.append(f"security line {security.label}")
    if top is not None:
        extra.append(f"highest portion mark {top.label}")
    verdict = "text differs from metadata" if banner.marking.level is not None else "banner level unread"
    return f"{says} ({', '.join(extra)}) -> {verdict}" if extra else f"{says} -> {verdict}"


def explain_noforn(cable: Cable, source_nf: bool, text: str) -> str:
    """Why the NOFORN flag differs, read from the text."""
    marks_nf = any(p.marking and "NOFORN" in p.marking.controls for p in cable.paragraphs)
    word_anywhere = bool(re.search(r"\bNOFORN\b|//NF\b|/NF\)", text))
    if source_nf:
        if word_anywhere:
            where = "portion marks say NF" if marks_nf else "NOFORN appears only in the body text"
            return f"no NOFORN banner or caption; {where} -> text differs from metadata in the header"
        return "NOFORN written nowhere in the text -> text differs from metadata"
    return "NOFORN caption/banner in the text but metadata has none -> text differs from metadata"


def run(corpus: Path, list_limit: int) -> None:
    """Parse every cable of the manifest and print the figures."""
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    clean = Tally()
    level = Tally()
    noforn = Tally()
    dtg = Tally()
    tags = Tally()
    tags_explained = Tally()
    subject = Tally()
    subject_explained = Tally()
    numbered = Tally()
    numbered_or_bullets = Tally()
    error_kinds: Counter[str] = Counter()
    for row in rows:
        name = Path(row["file"]).stem
        text = (corpus / row["file"]).read_text(encoding="utf-8", errors="replace")
        cable = parse_cable(text)
        clean.add(not cable.parse_errors, name)
        for err in cable.parse_errors:
            error_kinds[err.message] += 1
        source = row["classification_source"].upper()
        source_level = _LEVEL_WORDS.get(source.split("//")[0].strip())
        source_nf = "NOFORN" in source
        parsed_level = cable.level
        if parsed_level == source_level:
            level.add(True, name)
        else:
            level.add(False, f"{name}: metadata {source}; {explain_level(cable, source_level, text)}")
        nf = noforn_in_text(cable)
        if nf == source_nf:
            noforn.add(True, name)
        else:
            noforn.add(False, f"{name}: metadata {source}; {explain_noforn(cable, source_nf, text)}")
        created = row["date_created"]
        if cable.header and cable.header.dtg and cable.header.dtg.value:
            value = cable.header.dtg.value
            ok = value.strftime("%Y-%m-%d %H") == created[:13]
            dtg.add(ok, f"{name}: DTG {cable.header.dtg.raw!r} vs created {created}")
        if row["tags_source"].strip():
            verdict = tags_verdict(cable, row["tags_source"])
            ours = normalise(" ".join(cable.tags.values)) if cable.tags else ""
            tags.add(verdict == "agree", f"{name}: {verdict}: {ours!r} vs {row['tags_source']!r}")
            tags_explained.add(verdict != "differs", f"{name}: {ours!r} vs {row['tags_source']!r}")
        if row["subject_source"].strip():
            verdict = subject_verdict(cable, row["subject_source"])
            ours = normalise(cable.subject.text) if cable.subject else ""
            want = normalise(row["subject_source"])
            subject.add(verdict == "agree", f"{name}: {verdict}: {ours[:70]!r} vs {want[:70]!r}")
            subject_explained.add(verdict != "differs", f"{name}: {ours[:70]!r} vs {want[:70]!r}")
        if parsed_level is not None and parsed_level > Level.UNCLASSIFIED:
            for p in cable.paragraphs:
                if p.number is not None:
                    marked = p.marking is not None and p.marking.level is not None
                    numbered.add(marked, f"{name}:{p.span.line}")
                    bullets = any(sp.marking is not None and sp.marking.level is not None for sp in p.subparagraphs)
                    numbered_or_bullets.add(marked or bullets, f"{name}:{p.span.line}")

    print(f"corpus: {corpus} ({len(rows)} cables)")
    print(f"no parse error:                 {clean.share()}   (target >= 99.5%)")
    for message, count in error_kinds.most_common():
        print(f"    {count:5d}  {message}")
    print(f"level agrees with source:       {level.share()}   (target >= 99%)")
    print(f"NOFORN flag agrees with source: {noforn.share()}   (target >= 99%)")
    print(f"DTG date+hour agree:            {dtg.share()}   (of cables with a DTG; target >= 99%)")
    print(f"TAGS agree:                     {tags.share()}   (target >= 98%)")
    print(f"TAGS agree or the source explains it: {tags_explained.share()}")
    print(f"SUBJECT agrees (source prefix): {subject.share()}   (target >= 98%)")
    print(f"SUBJECT agrees or the text explains it: {subject_explained.share()}")
    print(f"numbered paragraphs marked (classified cables): {numbered.share()}")
    print(f"  ... marked, or a heading whose sub-paragraphs are marked: {numbered_or_bullets.share()}")
    for title, tally in (
        ("level disagreements", level),
        ("NOFORN disagreements", noforn),
        ("DTG disagreements", dtg),
        ("TAGS disagreements not explained by the source", tags_explained),
        ("SUBJECT disagreements not explained by the text", subject_explained),
        ("cables with parse errors", clean),
    ):
        if tally.misses:
            print(f"\n{title} ({len(tally.misses)}):")
            for line in tally.misses[:list_limit]:
                print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="corpus directory with cables/ and MANIFEST.tsv")
    parser.add_argument("--list", type=int, default=60, help="list at most N disagreements per figure")
    args = parser.parse_args(argv)
    if not (args.path / "MANIFEST.tsv").is_file():
        print(f"error: {args.path} has no MANIFEST.tsv", file=sys.stderr)
        return 2
    run(args.path, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
