"""Quotation spans, marks included, told apart from apostrophes.

Curly marks say which way they face; straight ones are read from their neighbours. A single
closing mark inside a word (don’t, Beijing’s) or after a plural possessive with no quotation
open (Shapps’) is an apostrophe. News style runs a long quotation over several paragraphs,
opening each and closing only the last: a paragraph whose double quotation is still open at its
end yields an open quote (``closed=False``) that reaches the paragraph's end.
"""

from __future__ import annotations

from collections.abc import Iterable

from garblecheck.model import Quote

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPEN_SINGLE = "‘‚"
_CLOSE_SINGLE = "’"
_MARKS = frozenset(_OPEN_DOUBLE + _CLOSE_DOUBLE + _OPEN_SINGLE + _CLOSE_SINGLE + "\"'")


def _word(ch: str) -> bool:
    return ch.isalnum()


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    found: list[Quote] = []
    double: int | None = None
    single: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in _MARKS:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch in _OPEN_DOUBLE or (ch == '"' and double is None):
            if double is None and not (ch == '"' and after.isspace()):
                double = i
        elif ch in _CLOSE_DOUBLE or ch == '"':
            if double is not None:
                found.append(Quote(double, i + 1))
                double = None
        elif _word(before) and _word(after):
            continue  # an apostrophe inside a word
        elif ch in _OPEN_SINGLE or (ch == "'" and single is None):
            if single is None and not _word(before) and _word(after):
                single = i
        elif single is not None and not before.isspace():
            found.append(Quote(single, i + 1))
            single = None
    if double is not None:
        found.append(Quote(double, end, closed=False))
    return found


def find_quotes(text: str, paragraphs: Iterable[tuple[int, int]]) -> list[Quote]:
    """Every quotation in the given paragraphs, ordered by start."""
    found: list[Quote] = []
    for start, end in paragraphs:
        found.extend(_paragraph_quotes(text, start, end))
    found.sort(key=lambda q: (q.start, -q.end))
    return found
