"""The results of a run, as objects and as the JSON report of DESIGN.md §4 (binding)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from garblecheck._version import __version__
from garblecheck.config import Verdict
from garblecheck.decide import Decision, SentenceDecision
from garblecheck.model import Document, Finding

SCHEMA_VERSION = 1


@dataclass
class DocumentReport:
    """What garblecheck concluded about one document (and its source, in compare mode)."""

    doc: Document
    decision: Decision
    source: Document | None = None
    date: dt.date | None = None
    locale: str | None = None
    metrics: dict[str, float] = field(default_factory=dict)
    sentence_metrics: list[dict[str, float]] = field(default_factory=list)  # per sentence
    group: str | int | None = None
    # findings left out of the report after decisions, by why: "suppressed" (inline comments,
    # accepted terms), "unchanged" (--changed-since), "baseline", "fixed" (--fix)
    dropped: dict[str, int] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return self.decision.findings

    @property
    def sentences(self) -> list[SentenceDecision]:
        return self.decision.sentences

    @property
    def verdict(self) -> Verdict:
        return self.decision.verdict

    @property
    def score(self) -> float:
        return self.decision.score

    @property
    def flagged(self) -> list[SentenceDecision]:
        return [s for s in self.decision.sentences if s.flagged]

    def _sentence_dict(self, d: SentenceDecision) -> dict[str, object]:
        source: dict[str, object] | None = None
        if d.source is not None and self.source is not None:
            source = {
                "start": d.source.start,
                "end": d.source.end,
                "text": self.source.text[d.source.start : d.source.end],
                "similarity": round(d.source.similarity, 4),
            }
        out: dict[str, object] = {
            "index": d.sentence.index,
            "start": d.sentence.start,
            "end": d.sentence.end,
            "text": d.sentence.text,
            "score": d.score,
            "flagged": d.flagged,
            "source": source,
        }
        if self.sentence_metrics:
            out["metrics"] = self.sentence_metrics[d.sentence.index]
        return out

    def to_dict(self) -> dict[str, object]:
        """One document object of the JSON report."""
        out: dict[str, object] = {
            "path": self.doc.path,
            "source_path": self.source.path if self.source is not None else None,
            "score": self.score,
            "verdict": self.verdict,
            "date": self.date.isoformat() if self.date else None,
            "date_origin": self.doc.meta.date_origin if self.date else None,
            "locale": self.locale,
            "encoding": self.doc.meta.encoding,
            "metrics": self.metrics,
            "sentences": [self._sentence_dict(d) for d in self.decision.sentences],
            "findings": [f.to_dict(self.doc) for f in self.decision.findings],
        }
        if self.group is not None:
            out["group"] = self.group
        out.update(self._metadata())
        return out

    def _metadata(self) -> dict[str, str]:
        """What the input said about the document (a page's title, a record's id), and the text
        itself when it was extracted from a page, since offsets point into it, not the file."""
        meta = self.doc.meta
        found = {"id": meta.extra.get("id"), "title": meta.title, "url": meta.url}
        found["author"] = meta.author
        if "extracted_from" in meta.extra:
            found["extracted_from"] = meta.extra["extracted_from"]
            found["text"] = self.doc.text
        return {key: value for key, value in found.items() if value is not None}


def dropped_summary(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    """The summary's counts of findings left out: ``suppressed`` always, the others (baseline,
    unchanged, fixed) when the run left any out that way."""
    total: Counter[str] = Counter(suppressed=0)
    for c in counts:
        total.update(c)
    return dict(total)


@dataclass
class RunError:
    """A document that could not be checked, and why."""

    path: str | None
    error: str


@dataclass
class RunReport:
    """All documents of one run, the failures, and a summary."""

    documents: list[DocumentReport] = field(default_factory=list)
    errors: list[RunError] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, float | int]:
        return {
            "documents": len(self.documents),
            "sentences": sum(len(d.sentences) for d in self.documents),
            "flagged": sum(len(d.flagged) for d in self.documents),
            "findings": sum(len(d.findings) for d in self.documents),
            **dropped_summary(d.dropped for d in self.documents),
            "seconds": round(self.seconds, 3),
        }

    def to_dict(self) -> dict[str, object]:
        """The whole JSON report."""
        return {
            "schema": SCHEMA_VERSION,
            "garblecheck": __version__,
            "documents": [d.to_dict() for d in self.documents],
            "errors": [{"path": e.path, "error": e.error} for e in self.errors],
            "summary": self.summary(),
        }
