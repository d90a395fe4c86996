"""Reporters: a RunReport rendered for people (text, markdown, html) or machines (json, jsonl,
sarif, github). ``stream`` writes text, json and jsonl as each document finishes."""

from __future__ import annotations

from collections.abc import Callable

from garblecheck.report.as_github import render_github
from garblecheck.report.as_html import render_html
from garblecheck.report.as_json import render_json
from garblecheck.report.as_jsonl import render_jsonl
from garblecheck.report.as_markdown import render_markdown
from garblecheck.report.as_sarif import render_sarif
from garblecheck.report.as_text import render_text
from garblecheck.result import RunReport

Renderer = Callable[[RunReport, bool], str]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "jsonl": render_jsonl,
    "sarif": render_sarif,
    "github": render_github,
    "markdown": render_markdown,
    "html": render_html,
}

FORMATS = tuple(RENDERERS)


def render(report: RunReport, fmt: str, show_info: bool = False) -> str:
    """The report in one of ``FORMATS``."""
    return RENDERERS[fmt](report, show_info)
