"""JSON Lines: one document object of the JSON report (DESIGN.md §4) a line, then one
``{"path", "error"}`` line a file that could not be checked; easy to stream, grep and append."""

from __future__ import annotations

import json

from garblecheck.result import DocumentReport, RunError, RunReport


def document_line(doc: DocumentReport) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False) + "\n"


def error_line(err: RunError) -> str:
    return json.dumps({"path": err.path, "error": err.error}, ensure_ascii=False) + "\n"


def render_jsonl(report: RunReport, show_info: bool = False) -> str:
    """Every document, then every error; no summary line, so files concatenate."""
    return "".join(map(document_line, report.documents)) + "".join(map(error_line, report.errors))
