"""The document model every stage shares: text, its segmentation, and findings.

This is the bottom layer of the package: it imports nothing else from garblecheck, so every
analyser and reporter can depend on it without cycles. All offsets are code-point offsets into
``Document.text`` exactly as decoded, so ``text[start:end]`` is always the span.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Category = Literal[
    "title",
    "institution",
    "name",
    "tortured",
    "meaning",
    "number",
    "quote",
    "omission",
    "grammar",
    "repetition",
    "locale",
    "boilerplate",
    "fluency",
    "other",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

Origin = Literal["rules", "grammar", "metrics", "compare", "classifier", "corpus"]

BlockKind = Literal["prose", "heading", "caption", "boilerplate"]


class Severity(StrEnum):
    """How bad a finding is; ordered so that thresholds (``--fail-on``) compare with ``>=``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Block:
    """A paragraph or a single line, classified so that non-prose stays out of sentence checks."""

    start: int
    end: int
    kind: BlockKind
    reason: str = ""


@dataclass(frozen=True)
class Sentence:
    """A sentence of prose; ``block`` is the index of the paragraph that holds it."""

    index: int
    start: int
    end: int
    block: int
    text: str


@dataclass(frozen=True)
class Quote:
    """A quotation, marks included. ``closed`` is False for a news-style paragraph that opens a
    quotation which continues in the next paragraph."""

    start: int
    end: int
    closed: bool = True


@dataclass
class Segmentation:
    """Where the paragraphs, sentences and quotations of a text are."""

    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    _starts: list[int] | None = field(default=None, repr=False, compare=False)

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence that holds ``offset``, or None outside prose. (A segmentation
        is complete once made, so the sentence starts are indexed on first use.)"""
        if self._starts is None or len(self._starts) != len(self.sentences):
            self._starts = [s.start for s in self.sentences]
        starts = self._starts
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return i
        return None

    def quoted(self, start: int, end: int) -> bool:
        """True when the span lies inside a quotation (marks included)."""
        return any(q.start <= start and end <= q.end for q in self.quotes)

    def quoted_share(self, start: int, end: int) -> float:
        """Share of the span's characters that are inside quotations."""
        if end <= start:
            return 0.0
        covered = sum(max(0, min(end, q.end) - max(start, q.start)) for q in self.quotes)
        return min(1.0, covered / (end - start))


@dataclass
class Metadata:
    """What is known about a document besides its text."""

    title: str | None = None
    date: dt.date | None = None
    date_origin: str | None = None  # "text", "metadata", "option": where the date came from
    locale: str | None = None  # "en-GB" or "en-US" when known
    url: str | None = None
    author: str | None = None
    encoding: str = "utf-8"
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Document:
    """A text as read, with its path, metadata and (once segmented) its layout."""

    text: str
    path: str | None = None
    meta: Metadata = field(default_factory=Metadata)
    seg: Segmentation = field(default_factory=Segmentation)
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        if self._line_starts is None:
            starts = [0]
            starts.extend(i + 1 for i, ch in enumerate(self.text) if ch == "\n")
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1


@dataclass
class Finding:
    """One thing an analyser found: what, where, why, and what the text probably should say.

    ``confidence`` is the analyser's own estimate (0..1) that the span is garbled; the decision
    stage combines them into sentence scores.
    """

    rule: str
    name: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    origin: Origin
    confidence: float = 0.8
    suggestion: str | None = None
    evidence: str | None = None
    sentence: int | None = None

    def to_dict(self, doc: Document) -> dict[str, object]:
        """The finding as DESIGN.md §4 prints it."""
        line, column = doc.line_col(self.start)
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": line,
            "column": column,
            "sentence": self.sentence,
            "suggestion": self.suggestion,
            "evidence": self.evidence,
            "origin": self.origin,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class AlignedSource:
    """The source text a copy sentence was aligned with (one or several source sentences)."""

    sentences: tuple[int, ...]  # indices into the source's sentences
    start: int
    end: int
    similarity: float  # 0..1, calibrated so unrelated sentences score low
