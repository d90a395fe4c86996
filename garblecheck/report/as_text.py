"""Text output in the style of ruff: ``path:line:col: CODE message``, then the sentence and,
in compare mode, the source sentence, so an editor sees the problem without opening the file."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Mapping
from typing import TextIO

from garblecheck.model import Severity
from garblecheck.result import DocumentReport, RunReport

_WIDTH = 100
# ANSI styles: the rule code by severity, the verdict by its gravity, names in bold.
_STYLE = {
    "error": "1;31", "warning": "1;33", "info": "1;36",
    "garbled": "1;31", "suspect": "1;33", "clean": "1;32", "bold": "1",
}  # fmt: skip


def wants_color(out: TextIO) -> bool:
    """Colour only for a person at a terminal, and never when NO_COLOR is set
    (https://no-color.org: any non-empty value)."""
    return out.isatty() and not os.environ.get("NO_COLOR")


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLE[style]}m{text}\x1b[0m" if color else text


def _quote(label: str, text: str) -> list[str]:
    body = " ".join(text.split())
    return textwrap.wrap(
        body, _WIDTH, initial_indent=f"  {label} ", subsequent_indent=" " * (len(label) + 3)
    )


def document_lines(doc: DocumentReport, show_info: bool, color: bool = False) -> list[str]:
    """The findings of one document and its verdict line (streamed as each document ends);
    ``color`` adds ANSI styles for a terminal."""
    name = doc.doc.path or "<text>"
    lines: list[str] = []
    sentences = {d.sentence.index: d for d in doc.sentences}
    for f in doc.findings:
        if f.severity < Severity.WARNING and not show_info:
            continue
        line, col = doc.doc.line_col(f.start)
        where = _paint(f"{name}:{line}:{col}:", "bold", color)
        code = _paint(f"{f.rule} [{f.severity.value}]", f.severity.value, color)
        lines.append(f"{where} {code} {f.message}")
        decided = sentences.get(f.sentence) if f.sentence is not None else None
        if decided is not None:
            lines += _quote("|", decided.sentence.text)
            if decided.source is not None and doc.source is not None:
                src = doc.source.text[decided.source.start : decided.source.end]
                lines += _quote("source:", src)
        if f.suggestion:
            lines.append(f"  = suggestion: {f.suggestion}")
    flagged = len(doc.flagged)
    against = f" against {doc.source.path or '<source>'}" if doc.source is not None else ""
    verdict = _paint(doc.verdict, doc.verdict, color)
    lines.append(
        f"{name}{against}: {verdict} (score {doc.score:.2f}), {flagged} of "
        f"{len(doc.sentences)} sentences flagged, {len(doc.findings)} findings"
        + (f", date {doc.date.isoformat()}" if doc.date else "")
    )
    return lines


def render_text(report: RunReport, show_info: bool = False) -> str:
    """Findings of warning and above (all with ``show_info``), then one verdict line a document."""
    lines: list[str] = []
    for doc in report.documents:
        lines += document_lines(doc, show_info)
    for err in report.errors:
        lines.append(f"{err.path}: error: {err.error}")
    lines.append(summary_line(report.summary(), len(report.errors)))
    return "\n".join(lines) + "\n"


def summary_line(summary: Mapping[str, float | int], errors: int) -> str:
    """The last line of a run: what was checked, what was found (and left out: suppressed,
    baseline, unchanged, fixed), how long it took."""
    s = summary
    left_out = "".join(
        f", {s[k]} {k}" for k in ("suppressed", "baseline", "unchanged", "fixed") if s.get(k)
    )
    return (
        f"Checked {s['documents']} document(s), {s['sentences']} sentences: "
        f"{s['flagged']} flagged, {s['findings']} findings{left_out}, {errors} error(s)"
        f" in {s['seconds']:.2f}s."
    )
