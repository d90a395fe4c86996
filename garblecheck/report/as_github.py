"""GitHub Actions workflow commands: one annotation a finding (``::error``, ``::warning``,
``::notice``), which GitHub shows on the pull request's diff, escaped as GitHub documents so
that a message can hold any character without ending the command early."""

from __future__ import annotations

from garblecheck.model import Finding, Severity
from garblecheck.report.as_text import summary_line
from garblecheck.report.locations import place
from garblecheck.result import DocumentReport, RunReport

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: as the message, and ``:`` and ``,`` as well."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, properties: dict[str, str | int | None], message: str) -> str:
    """``::level key=value,…::message``; properties that are None are left out."""
    given = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    return f"::{level}{' ' + given if given else ''}::{escape_data(message)}"


def _annotation(doc: DocumentReport, f: Finding) -> str:
    where = place(doc.doc, f.start, f.end)
    message = f.message
    if f.suggestion:
        message += f"\nSuggestion: {f.suggestion}"
    if where.note:
        message += f"\n({where.note})"
    properties: dict[str, str | int | None] = {
        "file": where.file,
        "line": where.line,
        "col": where.column,
        "endLine": where.end_line,
        "endColumn": where.end_column,
        "title": f"{f.rule} {f.name}",
    }
    return command(_LEVEL[f.severity], properties, message)


def render_github(report: RunReport, show_info: bool = False) -> str:
    """Annotations for findings of warning and above (all with ``show_info``) and for files
    that could not be checked, then a plain verdict line a document and the summary."""
    lines: list[str] = []
    for doc in report.documents:
        lines += [
            _annotation(doc, f) for f in doc.findings if show_info or f.severity >= Severity.WARNING
        ]
        lines.append(
            f"{doc.doc.path or '<stdin>'}: {doc.verdict} (score {doc.score:.2f}), "
            f"{len(doc.flagged)} of {len(doc.sentences)} sentences flagged"
        )
    for err in report.errors:
        lines.append(command("error", {"file": err.path, "title": "garblecheck"}, err.error))
    lines.append(summary_line(report.summary(), len(report.errors)))
    return "\n".join(lines) + "\n"
