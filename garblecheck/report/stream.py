"""Writing a report while the run goes on, one document at a time, so memory stays flat however
many documents there are (text, json, jsonl). The output is the same as the whole-run
renderers' (``render``); formats that need the whole run (sarif, github, markdown, html) are
rendered once it ends.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from garblecheck._version import __version__
from garblecheck.model import Severity
from garblecheck.report import RENDERERS
from garblecheck.report.as_jsonl import document_line, error_line
from garblecheck.report.as_text import document_lines as text_lines
from garblecheck.report.as_text import summary_line, wants_color
from garblecheck.result import (
    SCHEMA_VERSION,
    DocumentReport,
    RunError,
    RunReport,
    dropped_summary,
)


@dataclass
class Tally:
    """What a streamed run adds up to: the summary, the errors, the worst severity found."""

    documents: int = 0
    sentences: int = 0
    flagged: int = 0
    findings: int = 0
    worst: Severity | None = None
    errors: list[RunError] = field(default_factory=list)
    began: float = field(default_factory=time.perf_counter)
    dropped: Counter[str] = field(default_factory=Counter)

    def add(self, doc: DocumentReport) -> None:
        self.documents += 1
        self.sentences += len(doc.sentences)
        self.flagged += len(doc.flagged)
        self.findings += len(doc.findings)
        self.dropped.update(doc.dropped)
        for f in doc.findings:
            if self.worst is None or f.severity > self.worst:
                self.worst = f.severity

    def summary(self) -> dict[str, float | int]:
        return {
            "documents": self.documents,
            "sentences": self.sentences,
            "flagged": self.flagged,
            "findings": self.findings,
            **dropped_summary([self.dropped]),
            "seconds": round(time.perf_counter() - self.began, 3),
        }


def _member(key: str, value: object) -> str:
    """``"key": value`` as a member of the top-level object at indent 2."""
    return f'  "{key}": ' + json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _json(results: Iterable[DocumentReport | RunError], out: TextIO, tally: Tally) -> None:
    out.write("{\n" + _member("schema", SCHEMA_VERSION) + ",\n")
    out.write(_member("garblecheck", __version__) + ",\n" + '  "documents": [')
    for result in results:
        if isinstance(result, RunError):
            continue
        body = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
        out.write(("\n    " if tally.documents == 0 else ",\n    ") + body.replace("\n", "\n    "))
        tally.add(result)
    out.write("\n  ],\n" if tally.documents else "],\n")
    errors = [{"path": e.path, "error": e.error} for e in tally.errors]
    out.write(_member("errors", errors) + ",\n" + _member("summary", tally.summary()) + "\n}\n")


def _text(
    results: Iterable[DocumentReport | RunError], out: TextIO, tally: Tally, show_info: bool
) -> None:
    color = wants_color(out)
    for result in results:
        if isinstance(result, DocumentReport):
            lines = text_lines(result, show_info, color)
            out.write("".join(line + "\n" for line in lines))
            tally.add(result)
    for err in tally.errors:
        out.write(f"{err.path}: error: {err.error}\n")
    out.write(summary_line(tally.summary(), len(tally.errors)) + "\n")


def _jsonl(results: Iterable[DocumentReport | RunError], out: TextIO, tally: Tally) -> None:
    for result in results:
        if isinstance(result, DocumentReport):
            out.write(document_line(result))
            out.flush()
            tally.add(result)
    out.write("".join(map(error_line, tally.errors)))


def _whole(
    results: Iterable[DocumentReport | RunError],
    fmt: str,
    out: TextIO,
    tally: Tally,
    show_info: bool,
) -> None:
    """Formats that need every document first: collect the run, then render it."""
    report = RunReport(errors=tally.errors)
    for result in results:
        if isinstance(result, DocumentReport):
            report.documents.append(result)
            tally.add(result)
    report.seconds = time.perf_counter() - tally.began
    out.write(RENDERERS[fmt](report, show_info))


def stream(
    results: Iterable[DocumentReport | RunError],
    fmt: str,
    out: TextIO,
    *,
    show_info: bool = False,
    on_error: Callable[[RunError], None] | None = None,
    began: float | None = None,
) -> Tally:
    """Write the report in ``fmt`` (one of ``FORMATS``), each result as it comes where the
    format allows; errors are passed to ``on_error`` when they happen and listed at the end.
    Text is coloured when ``out`` is a terminal and NO_COLOR is not set. ``began`` is when the
    run started (``time.perf_counter()``), if that was before the results were first asked for."""

    def noting_errors() -> Iterable[DocumentReport | RunError]:
        for result in results:
            if isinstance(result, RunError):
                tally.errors.append(result)
                if on_error is not None:
                    on_error(result)
            yield result

    tally = Tally() if began is None else Tally(began=began)
    if fmt == "json":
        _json(noting_errors(), out, tally)
    elif fmt == "text":
        _text(noting_errors(), out, tally, show_info)
    elif fmt == "jsonl":
        _jsonl(noting_errors(), out, tally)
    elif fmt in RENDERERS:
        _whole(noting_errors(), fmt, out, tally, show_info)
    else:
        raise ValueError(f"no {fmt} report")
    return tally
