"""The highlighted text of the HTML report, as a flat list of operations the page's script
turns into elements.

Findings may overlap each other and cross sentence or paragraph ends, but an element can only
nest. The text is cut at every span boundary and the spans covering each piece are kept open as
a stack (sentences outside findings, longer spans outside shorter ones), so nested spans stay
one element each; a span that has to be closed early continues in a second element. The first
element of a span is its *head*: the one element that stands for it (``data-finding``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import pairwise

# Operations: ["t", text] text; [kind, key, head] opens a span of kind "s" (sentence) or "f"
# (finding), head 1 for its first element; ["/"] closes the innermost; ["p", key] is an empty
# finding's marker.
Op = list[str | int]


@dataclass(frozen=True)
class Span:
    kind: str  # "s" or "f"
    key: int
    start: int
    end: int

    def order(self) -> tuple[int, int, int, int]:
        """Outer before inner: sentences first, then earlier starts, then longer spans."""
        return (0 if self.kind == "s" else 1, self.start, -self.end, self.key)


@dataclass
class Row:
    """One paragraph (a block of the segmentation and the blank text after it)."""

    start: int
    end: int
    ops: list[Op] = field(default_factory=list)


def row_bounds(length: int, block_starts: list[int]) -> list[tuple[int, int]]:
    """Rows that tile the whole text, one starting at each block."""
    starts = sorted({0, *(s for s in block_starts if 0 < s < length)})
    return list(zip(starts, [*starts[1:], length], strict=True))


def row_of(rows: list[tuple[int, int]], offset: int) -> int:
    """The row holding ``offset`` (the last row for the end of the text)."""
    return max(0, bisect.bisect_right([r[0] for r in rows], offset) - 1)


def layout(text: str, rows: list[tuple[int, int]], spans: list[Span]) -> list[Row]:
    """Each row's operations; every finding span gets exactly one head, its marker if empty."""
    heads: set[tuple[str, int]] = set()
    points = sorted((s for s in spans if s.kind == "f" and s.end <= s.start), key=Span.order)
    solid = sorted((s for s in spans if s.end > s.start), key=Span.order)
    out = []
    for index, (start, end) in enumerate(rows):
        last = index == len(rows) - 1
        mine = [p for p in points if start <= p.start < end or (last and p.start >= end)]
        out.append(_row(text, start, end, mine, solid, heads))
    return out


def _row(
    text: str,
    start: int,
    end: int,
    points: list[Span],
    solid: list[Span],
    heads: set[tuple[str, int]],
) -> Row:
    inside = [s for s in solid if s.start < end and s.end > start]
    shown = start + len(text[start:end].rstrip())  # trailing blank lines only space rows
    shown = max([shown, *(min(s.end, end) for s in inside if s.kind == "f")])
    shown = max([shown, *(p.start for p in points)])
    cuts = {start, shown, *(p.start for p in points)}
    cuts.update(min(max(x, start), shown) for s in inside for x in (s.start, s.end))
    bounds = sorted(cuts)
    row = Row(start, shown)
    stack: list[Span] = []
    for a, b in pairwise(bounds):
        cover = [s for s in inside if s.start <= a and b <= s.end]
        keep = 0
        while keep < min(len(stack), len(cover)) and stack[keep] == cover[keep]:
            keep += 1
        row.ops += [["/"]] * (len(stack) - keep)
        del stack[keep:]
        row.ops += [["p", p.key] for p in points if p.start == a]
        for s in cover[keep:]:
            row.ops.append([s.kind, s.key, int((s.kind, s.key) not in heads)])
            heads.add((s.kind, s.key))
            stack.append(s)
        row.ops.append(["t", text[a:b]])
    row.ops += [["/"]] * len(stack)
    row.ops += [["p", p.key] for p in points if p.start >= shown]
    return row
