"""The HTML report for review: one self-contained file (styles, script and data inlined, no
network), the documents with their verdicts, each text with its findings highlighted and, beside
each paragraph, its flagged sentences' sources, messages and suggestions.

The page is built by its script from the JSON data block, so no text of a document is ever
parsed as HTML; the template lives in ``html_template/`` as package data.
"""

from __future__ import annotations

import html
import json
import re
from importlib.resources import files

from garblecheck._version import __version__
from garblecheck.model import CATEGORIES, Finding
from garblecheck.report.html_layout import Span, layout, row_bounds, row_of
from garblecheck.result import DocumentReport, RunReport

Json = dict[str, object]
_SLOT = re.compile(r"@@(TITLE|CSS|JS|DATA)@@")


def _template(name: str) -> str:
    return files("garblecheck.report").joinpath("html_template", name).read_text("utf-8")


def _finding(doc: DocumentReport, f: Finding, ident: int) -> Json:
    line, column = doc.doc.line_col(f.start)
    return {
        "id": ident,
        "rule": f.rule,
        "name": f.name,
        "category": f.category,
        "severity": f.severity.value,
        "message": f.message,
        "suggestion": f.suggestion,
        "line": line,
        "column": column,
    }


def _notes(doc: DocumentReport, rows: list[tuple[int, int]], first: int) -> list[list[Json]]:
    """Per row, a note for each sentence with findings (its source, score and findings) and
    one for the findings outside sentences, placed in the row where they begin."""
    notes: list[list[Json]] = [[] for _ in rows]
    ids: dict[tuple[int, int | None], list[int]] = {}
    decided = {d.sentence.index: d for d in doc.sentences}
    for offset, f in enumerate(doc.findings):
        d = decided.get(f.sentence) if f.sentence is not None else None
        row = row_of(rows, d.sentence.start if d is not None else f.start)
        key = (row, d.sentence.index if d is not None else None)
        if key not in ids:
            ids[key] = []
            note: Json = {"sentence": key[1], "findings": ids[key]}
            if d is not None:
                note.update(flagged=d.flagged, score=d.score, source=_source(doc, d.sentence.index))
            notes[row].append(note)
        ids[key].append(first + offset)
    return notes


def _source(doc: DocumentReport, index: int) -> Json | None:
    aligned = doc.sentences[index].source
    if aligned is None or doc.source is None:
        return None
    text = doc.source.text[aligned.start : aligned.end]
    return {"text": text, "similarity": round(aligned.similarity, 2)}


def _document(doc: DocumentReport, first: int) -> Json:
    """One document's data; its findings are numbered from ``first`` (ids are page-wide)."""
    rows = row_bounds(len(doc.doc.text), [b.start for b in doc.doc.seg.blocks])
    kinds = {b.start: b.kind for b in doc.doc.seg.blocks}
    spans = [Span("s", d.sentence.index, d.sentence.start, d.sentence.end) for d in doc.sentences]
    spans += [Span("f", first + i, f.start, f.end) for i, f in enumerate(doc.findings)]
    laid = layout(doc.doc.text, rows, spans)
    notes = _notes(doc, rows, first)
    return {
        "path": doc.doc.path or "<stdin>",
        "source_path": (doc.source.path or "<source>") if doc.source is not None else None,
        "verdict": doc.verdict,
        "score": doc.score,
        "sentences": len(doc.sentences),
        "flagged": sorted(d.sentence.index for d in doc.flagged),
        "findings": [_finding(doc, f, first + i) for i, f in enumerate(doc.findings)],
        "rows": [
            {"kind": kinds.get(r.start, "prose"), "ops": r.ops, "notes": n}
            for r, n in zip(laid, notes, strict=True)
        ],
    }


def report_data(report: RunReport) -> Json:
    """Everything the page shows, as JSON-ready data."""
    documents = []
    first = 0
    for doc in report.documents:
        documents.append(_document(doc, first))
        first += len(doc.findings)
    return {
        "garblecheck": __version__,
        "categories": list(CATEGORIES),
        "documents": documents,
        "errors": [{"path": e.path, "error": e.error} for e in report.errors],
        "summary": report.summary(),
    }


def script_json(data: object) -> str:
    """JSON safe inside a <script> element: no ``</script>`` or ``<!--`` can appear in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(report: RunReport, show_info: bool = False) -> str:
    """The page; every finding is in it whatever its severity (the page filters)."""
    names = [d.doc.path or "<stdin>" for d in report.documents]
    title = "garblecheck: " + (names[0] if len(names) == 1 else f"{len(names)} documents")
    slots = {
        "TITLE": html.escape(title),
        "CSS": _template("report.css"),
        "JS": _template("report.js"),
        "DATA": script_json(report_data(report)),
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], _template("report.html"))
