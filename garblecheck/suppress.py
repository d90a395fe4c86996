"""Inline suppression: HTML comments in a Markdown, HTML or text article switch rules off.

    <!-- garblecheck: disable GC101 -->          rules (codes or prefixes) off from here on
    <!-- garblecheck: enable GC101 -->           ... and on again
    <!-- garblecheck: disable-next-line GC3 -->  off for the next non-blank line only
    <!-- garblecheck: disable -->                every rule off (``all`` says the same)

Codes are separated by spaces or commas. For a region, the last ``disable``/``enable`` before a
finding that names its rule (or names none) decides. An HTML page's text is extracted from the
markup, which drops comments: a comment there takes effect at the visible text that follows it
in the page, found again in the extracted text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

from garblecheck.errors import InputError
from garblecheck.ingest import read_text
from garblecheck.inputs.html import EXTRACTED
from garblecheck.model import Document, Finding

_COMMENT = re.compile(
    r"<!--\s*garblecheck\s*:\s*(disable-next-line|disable|enable)\b(.*?)-->", re.I | re.S
)
_TAG = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.I | re.S)
_ANCHOR_WORDS = 6
_LOOKAHEAD = 4000  # characters of markup after a comment searched for the text it precedes

Action = Literal["disable", "enable", "disable-next-line"]


@dataclass(frozen=True)
class Directive:
    """A comment's instruction: where in the document's text it takes effect, and for which
    rule codes or prefixes (empty: all rules)."""

    at: int
    action: Action
    codes: tuple[str, ...]

    def names(self, rule: str) -> bool:
        return not self.codes or any(rule.startswith(c) for c in self.codes)


def _codes(text: str) -> tuple[str, ...]:
    codes = tuple(c.upper() for c in re.split(r"[\s,]+", text.strip()) if c)
    return () if "ALL" in codes else codes


def _action(name: str) -> Action:
    lowered = name.lower()
    if lowered == "disable-next-line":
        return "disable-next-line"
    return "enable" if lowered == "enable" else "disable"


def _anchor(markup: str, text: str, start: int) -> int | None:
    """Where in ``text`` (from ``start`` on) the visible words at the head of ``markup`` are."""
    visible = html.unescape(_TAG.sub(" ", markup))
    words = visible.split()[:_ANCHOR_WORDS]
    if not words:
        return None
    found = re.compile(r"\s+".join(map(re.escape, words))).search(text, start)
    return found.start() if found else None


def directives(doc: Document, markup: str | None = None) -> list[Directive]:
    """The directives of a document in text order; ``markup`` is the page an HTML document
    was extracted from (its comments are not in the text)."""
    if markup is None:
        return [
            Directive(m.end(), _action(m.group(1)), _codes(m.group(2)))
            for m in _COMMENT.finditer(doc.text)
        ]
    found, cursor = [], 0
    for m in _COMMENT.finditer(markup):
        at = _anchor(markup[m.end() : m.end() + _LOOKAHEAD], doc.text, cursor)
        if at is None:  # nothing after the comment survived extraction
            at = len(doc.text)
        found.append(Directive(at, _action(m.group(1)), _codes(m.group(2))))
        cursor = at
    return found


def _next_line(text: str, at: int) -> tuple[int, int]:
    """The span of the first non-blank line starting at or after ``at``, or after the line
    ``at`` is on when something other than blanks precedes it there."""
    line_start = text.rfind("\n", 0, at) + 1
    start = at if not text[line_start:at].strip() else text.find("\n", at) + 1 or len(text)
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            return start, end
        start = end + 1
    return len(text), len(text)


def suppressed_by(finding: Finding, found: list[Directive], text: str) -> bool:
    """Whether the directives switch the finding's rule off where the finding starts."""
    off = False
    for d in found:
        if d.at > finding.start:
            break
        if not d.names(finding.rule):
            continue
        if d.action == "disable-next-line":
            start, end = _next_line(text, d.at)
            if start <= finding.start <= end:
                return True
        else:
            off = d.action == "disable"
    return off


def markup_of(doc: Document, max_bytes: int) -> str | None:
    """The page an HTML document's text was extracted from, read again (None for other
    documents, or when the page cannot be read: then no comment applies)."""
    if doc.path is None or doc.meta.extra.get("extracted_from") != EXTRACTED:
        return None
    try:
        return read_text(doc.path, max_bytes)[0]
    except InputError:
        return None


def unsuppressed(doc: Document, findings: list[Finding], max_bytes: int) -> list[Finding]:
    """The findings no comment of the document switches off."""
    markup = markup_of(doc, max_bytes)
    if "garblecheck" not in (doc.text if markup is None else markup):
        return findings
    found = directives(doc, markup)
    return [f for f in findings if not suppressed_by(f, found, doc.text)]
