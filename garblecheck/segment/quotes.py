"""Quotation spans, marks included, told apart from apostrophes.

Curly marks say which way they face; straight ones are read from their neighbours. A single
closing mark inside a word (don’t, Beijing’s) or after a plural possessive with no quotation
open (Shapps’) is an apostrophe. News style runs a long quotation over several paragraphs,
opening each and closing only the last: a paragraph whose double quotation is still open at its
end yields an open quote (``closed=False``) that reaches the paragraph's end. Where such
paragraphs were run together into one, a quotation opened again after a sentence end, while one
is open, ends the first there, unclosed; opened elsewhere inside one, it is nested.
"""

from __future__ import annotations

from collections.abc import Iterable

from garblecheck.model import Quote

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPEN_SINGLE = "‘‚"
_CLOSE_SINGLE = "’"
_MARKS = frozenset(_OPEN_DOUBLE + _CLOSE_DOUBLE + _OPEN_SINGLE + _CLOSE_SINGLE + "\"'")
_NOT_BEFORE_OPENING = ".,;:!?%)]”’"
_SENTENCE_END = ".!?…"


def _opens(before: str, after: str) -> bool:
    """Whether a straight mark between these characters opens a quotation."""
    return not (before.isalnum() or before in _NOT_BEFORE_OPENING or after.isspace())


def _trimmed(text: str, start: int, end: int) -> int:
    """``end`` moved back over whitespace, but not before ``start + 1``."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _after_sentence_end(text: str, start: int, i: int) -> bool:
    j = i
    while j > start and text[j - 1].isspace():
        j -= 1
    return j > start and text[j - 1] in _SENTENCE_END


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    found: list[Quote] = []
    double: int | None = None
    nested: int | None = None
    single: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in _MARKS:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch in _OPEN_DOUBLE or (ch == '"' and _opens(before, after)):
            if double is None:
                double = i
            elif _after_sentence_end(text, start, i):
                found.append(Quote(double, _trimmed(text, double, i), closed=False))
                double, nested = i, None
            else:
                nested = i
        elif ch in _CLOSE_DOUBLE or ch == '"':
            if nested is not None:
                found.append(Quote(nested, i + 1))
                nested = None
            elif double is not None:
                found.append(Quote(double, i + 1))
                double = None
        elif before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        elif ch in _OPEN_SINGLE or (ch == "'" and single is None):
            if single is None and _opens(before, after):
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
