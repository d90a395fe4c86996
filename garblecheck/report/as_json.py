"""The JSON report of DESIGN.md §4 (binding: other tools read it)."""

from __future__ import annotations

import json

from garblecheck.result import RunReport


def render_json(report: RunReport, show_info: bool = False) -> str:
    """Every finding, whatever its severity: machines filter for themselves."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
