"""Text output in the style of ruff: ``path:line:col: CODE message``, then the sentence and,
in compare mode, the source sentence, so an editor sees the problem without opening the file."""

from __future__ import annotations

import textwrap

from garblecheck.model import Severity
from garblecheck.result import DocumentReport, RunReport

_WIDTH = 100


def _quote(label: str, text: str) -> list[str]:
    body = " ".join(text.split())
    return textwrap.wrap(
        body, _WIDTH, initial_indent=f"  {label} ", subsequent_indent=" " * (len(label) + 3)
    )


def document_lines(doc: DocumentReport, show_info: bool) -> list[str]:
    """The findings of one document and its verdict line (streamed as each document ends)."""
    name = doc.doc.path or "<text>"
    lines: list[str] = []
    sentences = {d.sentence.index: d for d in doc.sentences}
    for f in doc.findings:
        if f.severity < Severity.WARNING and not show_info:
            continue
        line, col = doc.doc.line_col(f.start)
        lines.append(f"{name}:{line}:{col}: {f.rule} [{f.severity.value}] {f.message}")
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
    lines.append(
        f"{name}{against}: {doc.verdict} (score {doc.score:.2f}), {flagged} of "
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
    s = report.summary()
    lines.append(
        f"Checked {s['documents']} document(s), {s['sentences']} sentences: "
        f"{s['flagged']} flagged, {s['findings']} findings, {len(report.errors)} error(s)"
        f" in {s['seconds']:.2f}s."
    )
    return "\n".join(lines) + "\n"
