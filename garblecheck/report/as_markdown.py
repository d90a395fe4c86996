"""A Markdown summary for a pull-request comment: a table of documents and verdicts, then each
document's findings and flagged sentences (beside their source) folded in ``<details>``.
GitHub refuses comments over 65,536 characters, so detail stops before that."""

from __future__ import annotations

import html
import re

from garblecheck.model import Severity
from garblecheck.report.as_text import summary_line
from garblecheck.result import DocumentReport, RunReport

_LIMIT = 60_000
_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
_ICON = {"garbled": "🔴", "suspect": "🟡", "clean": "🟢"}


def md(text: str | None) -> str:
    """Text that Markdown shows as written, on one line (it may go in a table cell)."""
    if not text:
        return ""
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def _name(doc: DocumentReport) -> str:
    return md(doc.doc.path or "<stdin>")


def _details(doc: DocumentReport, show_info: bool) -> list[str]:
    shown = [f for f in doc.findings if show_info or f.severity >= Severity.WARNING]
    if not shown:
        return []
    lines = [
        f"<details><summary>{_name(doc)}: {len(shown)} finding(s)</summary>",
        "",
        "| Line | Rule | Severity | Message | Suggestion |",
        "| ---: | --- | --- | --- | --- |",
    ]
    for f in shown:
        line, col = doc.doc.line_col(f.start)
        lines.append(
            f"| {line}:{col} | {f.rule} {md(f.name)} | {f.severity.value} "
            f"| {md(f.message)} | {md(f.suggestion)} |"
        )
    flagged = [d for d in doc.sentences if d.flagged]
    if flagged:
        lines += ["", "**Flagged sentences**", ""]
    for d in flagged:
        lines.append(f"- {md(d.sentence.text)}")
        if d.source is not None and doc.source is not None:
            source = doc.source.text[d.source.start : d.source.end]
            lines.append(f"  - source: {md(source)}")
    return [*lines, "", "</details>", ""]


def render_markdown(report: RunReport, show_info: bool = False) -> str:
    """The summary table, the details while the comment stays under GitHub's limit, the
    files that could not be checked, and the summary line."""
    counts = {v: sum(d.verdict == v for d in report.documents) for v in _ICON}
    head = ", ".join(f"{n} {v}" for v, n in counts.items() if n) or "no documents"
    lines = [
        f"## garblecheck: {head}",
        "",
        "| Document | Verdict | Score | Flagged | Findings | Source |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for doc in report.documents:
        source = md(doc.source.path or "<source>") if doc.source is not None else ""
        lines.append(
            f"| {_name(doc)} | {_ICON[doc.verdict]} {doc.verdict} | {doc.score:.2f} "
            f"| {len(doc.flagged)} / {len(doc.sentences)} | {len(doc.findings)} | {source} |"
        )
    lines.append("")
    size = sum(len(line) + 1 for line in lines)
    left_out = 0
    for doc in report.documents:
        details = _details(doc, show_info)
        cost = sum(len(line) + 1 for line in details)
        if size + cost > _LIMIT:
            left_out += bool(details)
            continue
        lines += details
        size += cost
    if left_out:
        lines += [f"_Details of {left_out} more document(s) left out to fit a comment._", ""]
    if report.errors:
        lines += ["**Not checked**", ""]
        lines += [f"- {md(e.path or '<stdin>')}: {md(e.error)}" for e in report.errors]
        lines.append("")
    lines.append(summary_line(report.summary(), len(report.errors)))
    return "\n".join(lines) + "\n"
