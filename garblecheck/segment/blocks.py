"""Paragraph spans: one per non-empty line, re-joined where a paragraph was broken apart.

Scraped articles come with blank lines between paragraphs, with one paragraph per line, or
hard-wrapped; some break a sentence over two paragraphs ("…more\\n\\nthan two years ago.").
Every non-empty line starts as its own span; a line is joined to the one before when it plainly
continues it: the one before has no closing punctuation and this one opens in lower case or with
punctuation, or the text is hard-wrapped and the line before was full. Markdown drafts keep
their front matter and fenced code blocks as one span each, whatever their lines look like.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# every line break Python's str.splitlines knows, CRLF counted once
_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# whitespace plus the invisible characters scraped text is littered with
_PAD = "\\s\u200b\u200c\u200d\u2060\ufeff"
_CONTENT = re.compile(rf"[^{_PAD}](?:.*[^{_PAD}])?")
_LIST_ITEM = re.compile(r"(?:[-*+•·▪–—>]|\d{1,3}[.)]|#{1,6})\s")
_CARRIES_ON = re.compile(r"[a-z][a-z'’-]*\b|[.,;:!?)]")  # a lower-case word or punctuation
_OPEN_ENDING = re.compile(r"[\w,\-–—]$")  # a line that stops mid-sentence ends like this
# "---" front matter at the very top, and ``` or ~~~ fenced blocks
_FRONT_MATTER = re.compile(
    r"\A[\s\ufeff]*(---|\+\+\+)[ \t]*\r?\n.{0,4000}?\n\1[ \t]*$", re.S | re.M
)
_FENCE = re.compile(r"```|~~~")
_WRAP_WIDTHS = range(45, 101)  # the widths text is hard-wrapped at
_WRAP_MIN_GLUED = 3  # lines that follow another line directly
_WRAP_FULL_SHARE = 0.3


@dataclass(frozen=True)
class Line:
    """A non-empty line, its padding stripped; ``gap`` counts blank lines before it."""

    start: int
    end: int
    gap: int


def lines(text: str) -> list[Line]:
    """The non-empty lines of ``text``, with exact offsets."""
    found: list[Line] = []
    prev_end = 0
    for m in _LINE.finditer(text):
        content = _CONTENT.search(m.group())
        if content is None:
            continue
        start, end = m.start() + content.start(), m.start() + content.end()
        breaks = len(_BREAK.findall(text, prev_end, start))
        found.append(Line(start, end, max(0, breaks - 1) if found else 0))
        prev_end = end
    return found


def _wrap_width(text: str, found: list[Line]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when it is not hard-wrapped."""
    glued = [ln for ln in found if ln.gap == 0][1:]
    if len(glued) < _WRAP_MIN_GLUED:
        return None
    width = max(ln.end - ln.start for ln in found)
    if width not in _WRAP_WIDTHS:
        return None
    full = sum(1 for ln in found if ln.end - ln.start >= 0.75 * width)
    return width if full >= _WRAP_FULL_SHARE * len(found) else None


def _first_word(text: str, line: Line) -> int:
    word = text[line.start : line.end].split(maxsplit=1)
    return len(word[0]) if word else 0


def _continues(text: str, prev: Line, line: Line, width: int | None) -> bool:
    """Whether ``line`` carries on the paragraph that ``prev`` ends."""
    head = text[line.start : line.end]
    if _LIST_ITEM.match(head) or text.startswith("#", prev.start):
        return False
    if width is not None and line.gap == 0:
        return prev.end - prev.start + 1 + _first_word(text, line) > width
    return bool(_OPEN_ENDING.search(text, prev.end - 1, prev.end)) and bool(_CARRIES_ON.match(head))


def _fences(text: str, found: list[Line]) -> list[tuple[int, int]]:
    """Spans of fenced code: a line opening with ``` or ~~~ up to the line that is that fence
    alone; a fence never closed is no fence."""
    spans: list[tuple[int, int]] = []
    opened: tuple[str, int] | None = None
    for line in found:
        fence = _FENCE.match(text, line.start, line.end)
        if fence is None:
            continue
        if opened is None:
            opened = (fence.group(), line.start)
        elif fence.group() == opened[0] and line.end - line.start == len(opened[0]):
            spans.append((opened[1], line.end))
            opened = None
    return spans


def _verbatim(text: str, found: list[Line]) -> list[tuple[int, int]]:
    """Spans of front matter and fenced code, which are kept whole."""
    spans = [(m.start(1), m.end()) for m in _FRONT_MATTER.finditer(text)]
    if "```" in text or "~~~" in text:
        spans.extend(_fences(text, found))
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(spans, (offset, offset)) - 1
    return i >= 0 and spans[i][0] < offset < spans[i][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, padding excluded, in order."""
    found = lines(text)
    width = _wrap_width(text, found)
    verbatim = _verbatim(text, found)
    spans: list[tuple[int, int]] = []
    prev: Line | None = None
    for line in found:
        inside = bool(verbatim) and _inside(verbatim, line.start)
        if inside or (prev is not None and _continues(text, prev, line, width)):
            spans[-1] = (spans[-1][0], line.end)
        else:
            spans.append((line.start, line.end))
        prev = line
    return spans
