"""SARIF 2.1.0, the format GitHub code scanning (and other CI dashboards) import: one result a
finding, with the rule's documentation as the result's help."""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from garblecheck._version import __version__
from garblecheck.model import Finding, Severity
from garblecheck.report.locations import place
from garblecheck.result import DocumentReport, RunReport
from garblecheck.rules.base import RuleSpec
from garblecheck.rules.docs import format_explain
from garblecheck.rules.loader import load_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

Json = dict[str, object]


def artifact(path: str | None) -> Json:
    """An artifactLocation: a relative path against the checkout (%SRCROOT%), an absolute one
    as a file URI, stdin by description only."""
    if path is None:
        return {"description": {"text": "standard input"}}
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": "file://" + quote(pure.as_posix())}
    return {"uri": quote(pure.as_posix()), "uriBaseId": "%SRCROOT%"}


def _descriptor(code: str, name: str, spec: RuleSpec | None) -> Json:
    """A rule's reportingDescriptor; rules from user files outside the packs get id and name."""
    out: Json = {"id": code, "name": name}
    if spec is not None:
        what = spec.explain["what"]
        out["shortDescription"] = {"text": what.split(". ")[0].rstrip(".") + "."}
        out["fullDescription"] = {"text": what}
        out["help"] = {"text": format_explain(spec), "markdown": format_explain(spec)}
        out["defaultConfiguration"] = {"level": _LEVEL[spec.severity]}
        out["properties"] = {"category": spec.category, "tags": ["garblecheck", spec.category]}
    return out


def _result(doc: DocumentReport, f: Finding, rule_index: int) -> Json:
    where = place(doc.doc, f.start, f.end)
    text = f.message + (f" Suggestion: {f.suggestion}." if f.suggestion else "")
    if where.note:
        text += f" ({where.note})"
    physical: Json = {"artifactLocation": artifact(where.file)}
    if where.line is not None:
        region: Json = {"startLine": where.line}
        if where.column is not None and where.end_line is not None:
            empty = f.end <= f.start
            region["startColumn"] = where.column
            region["endLine"] = where.end_line
            region["endColumn"] = (where.end_column or where.column) + (0 if empty else 1)
            region["snippet"] = {"text": doc.doc.text[f.start : f.end]}
        physical["region"] = region
    properties: Json = {
        "category": f.category,
        "confidence": round(f.confidence, 3),
        "origin": f.origin,
    }
    if f.suggestion:
        properties["suggestion"] = f.suggestion
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "properties": properties,
    }


def to_sarif(report: RunReport) -> Json:
    """The SARIF log as a dict: every finding, whatever its severity (info is ``note``)."""
    specs = {s.code: s for s in load_rules()}
    rules: list[Json] = []
    index: dict[str, int] = {}
    results: list[Json] = []
    for doc in report.documents:
        for f in doc.findings:
            if f.rule not in index:
                index[f.rule] = len(rules)
                rules.append(_descriptor(f.rule, f.name, specs.get(f.rule)))
            results.append(_result(doc, f, index[f.rule]))
    notifications = [
        {
            "level": "error",
            "message": {"text": err.error},
            "locations": [{"physicalLocation": {"artifactLocation": artifact(err.path)}}],
        }
        for err in report.errors
    ]
    driver: Json = {"name": "garblecheck", "version": __version__, "rules": rules}
    run: Json = {
        "tool": {"driver": driver},
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": notifications,
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: RunReport, show_info: bool = False) -> str:
    """The SARIF log as JSON text."""
    return json.dumps(to_sarif(report), ensure_ascii=False, indent=2) + "\n"
