"""Rule documentation for people: the table `garblecheck rules` prints and the page
`garblecheck explain CODE` prints, in ruff's four parts."""

from __future__ import annotations

from collections.abc import Iterable

from garblecheck.rules.base import RuleSpec

_COLUMNS = ("code", "name", "category", "severity", "kind")


def format_rule_list(specs: Iterable[RuleSpec]) -> str:
    """One row per rule, sorted by code, columns aligned; ends with a newline."""
    rows = [
        (s.code, s.name, s.category, s.severity.value, s.kind)
        for s in sorted(specs, key=lambda s: s.code)
    ]
    table = [tuple(c.upper() for c in _COLUMNS), *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(_COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in table]  # fmt: skip
    return "\n".join(lines) + "\n"


def format_explain(spec: RuleSpec) -> str:
    """The rule's documentation page, Markdown, ending with a newline."""
    parts = [
        f"# {spec.code} {spec.name}",
        f"Kind: {spec.kind}. Category: {spec.category}. Severity: {spec.severity.value}. "
        f"Defined in {spec.path}.",
        f"## What it does\n\n{spec.explain['what']}",
        f"## Why is this bad?\n\n{spec.explain['why']}",
        f"## Example\n\n{spec.explain['example']}",
        f"## Use instead\n\n{spec.explain['instead']}",
    ]
    return "\n\n".join(parts) + "\n"
