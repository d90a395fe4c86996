"""Reporters: a RunReport rendered for people (text) or machines (json)."""

from __future__ import annotations

from collections.abc import Callable

from garblecheck.report.as_json import render_json
from garblecheck.report.as_text import render_text
from garblecheck.result import RunReport

Renderer = Callable[[RunReport, bool], str]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
}

FORMATS = tuple(RENDERERS)


def render(report: RunReport, fmt: str, show_info: bool = False) -> str:
    """The report in one of ``FORMATS``."""
    return RENDERERS[fmt](report, show_info)
