"""Random edits of real-looking cables, as hypothesis strategies.

The starting points are the seed cable, the synthetic fixtures of the test suite and the
cables in ``fuzz/seeds/``; the edits are the ways documents really get damaged (lines
dropped, duplicated or swapped, a file cut short, stray bytes, another system's line ends)
plus the tokens the grammar keys on, taken from the libFuzzer dictionary ``cable.dict`` so
both fuzzers speak the same vocabulary.  Used by ``tests/test_fuzz_properties.py`` with a
small budget and by ``fuzz/run.py --engine hypothesis`` with a large one.
"""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
SEED_FILES = sorted(
    [ROOT / "tests" / "fixtures" / "08STATE126440.txt"]
    + list((ROOT / "tests" / "fixtures" / "cli").glob("*.txt"))
    + list((ROOT / "fuzz" / "seeds").glob("*.txt"))
)


def dictionary_tokens(path: Path = ROOT / "fuzz" / "cable.dict") -> list[bytes]:
    """The quoted entries of a libFuzzer dictionary, with their ``\\xNN`` escapes decoded."""
    tokens = []
    for line in path.read_text(encoding="ascii").splitlines():
        line = line.strip()
        if line.startswith('"') and line.endswith('"'):
            tokens.append(ast.literal_eval("b" + line))
    return tokens


TOKENS = dictionary_tokens()


@st.composite
def _edit(draw: st.DrawFn, lines: list[bytes]) -> None:
    """Apply one random edit to ``lines`` (each line keeps its own ending) in place."""
    if not lines:
        lines.append(draw(st.sampled_from(TOKENS)))
        return
    i = draw(st.integers(0, len(lines) - 1))
    kind = draw(st.sampled_from(["drop", "duplicate", "swap", "cut", "bytes", "token", "line-ends"]))
    if kind == "drop":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "cut":  # the file ends here, possibly mid-line
        cut = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:cut]
        del lines[i + 1:]
    elif kind in ("bytes", "token"):
        at = draw(st.integers(0, len(lines[i])))
        insert = draw(st.binary(min_size=1, max_size=8)) if kind == "bytes" else draw(st.sampled_from(TOKENS))
        lines[i] = lines[i][:at] + insert + lines[i][at:]
    else:  # another system's line ends from here on
        ending = draw(st.sampled_from([b"\r\n", b"\r", b"\n\n", b""]))
        lines[i:] = [line.rstrip(b"\r\n") + ending for line in lines[i:]]


@st.composite
def damaged_cables(draw: st.DrawFn, max_edits: int = 8, seeds: list[bytes] | None = None) -> bytes:
    """A seed or synthetic cable (or one of ``seeds``) with up to ``max_edits`` random edits, as bytes."""
    seed = draw(st.sampled_from(seeds)) if seeds else draw(st.sampled_from(SEED_FILES)).read_bytes()
    lines = seed.splitlines(keepends=True)
    for _ in range(draw(st.integers(0, max_edits))):
        draw(_edit(lines))
    return b"".join(lines)
