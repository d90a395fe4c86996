"""Inline comments switch rules off in Markdown, HTML and text; offsets stay as they were."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

import garblecheck
from conftest import run_cli, run_json

DOUBLED = "Officials said the the talks would resume on Monday."
TRIPLED = "Ministers are reviewing, reviewing the rules again."


def _rules(report: garblecheck.DocumentReport) -> list[str]:
    return [f.rule for f in report.findings if f.rule.startswith("GC3")]


def test_disable_and_enable_region() -> None:
    text = (
        f"{DOUBLED}\n\n<!-- garblecheck: disable GC301 -->\n\n{DOUBLED}\n\n"
        f"<!-- garblecheck: enable GC301 -->\n\n{TRIPLED}\n"
    )
    report = garblecheck.check(text, path="story.md")
    starts = [f.start for f in report.findings if f.rule == "GC301"]
    assert len(starts) == 2
    assert text[starts[0] : starts[0] + 7] == "the the" and starts[0] < text.index("<!--")
    assert starts[1] > text.rindex("-->")
    assert report.dropped["suppressed"] == 1


def test_disable_next_line_only_covers_that_line() -> None:
    text = f"<!-- garblecheck: disable-next-line GC3 -->\n{DOUBLED}\n\n{DOUBLED}\n"
    (kept,) = [f for f in garblecheck.check(text).findings if f.rule.startswith("GC3")]
    assert kept.start > text.index(DOUBLED) + len(DOUBLED)


def test_disable_all_and_other_codes_untouched() -> None:
    text = f"<!-- garblecheck: disable -->\n{DOUBLED}\n"
    assert _rules(garblecheck.check(text)) == []
    other = f"<!-- garblecheck: disable GC101, GC111 -->\n{DOUBLED}\n"
    assert _rules(garblecheck.check(other)) == ["GC301"]


def test_html_comment_applies_to_the_text_after_it(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>Talks</title></head><body><article>"
        "<h1>Talks to resume</h1>"
        f"<p>{DOUBLED}</p>"
        "<!-- garblecheck: disable-next-line GC301 -->"
        f"<p>Diplomats said the the venue was not yet agreed, officials added on Monday.</p>"
        f"<p>{TRIPLED}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    _, report = run_json("check", str(page), "--select", "GC3")
    doc = report["documents"][0]
    texts = [doc["text"][f["start"] : f["end"]] for f in doc["findings"]]
    assert texts == ["the the", "reviewing, reviewing"]
    assert report["summary"]["suppressed"] == 1


def test_summary_counts_suppressed(tmp_path: Path, report_schema: dict[str, Any]) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(f"# Talks\n\n<!-- garblecheck: disable GC301 -->\n{DOUBLED}\n", "utf-8")
    code, report = run_json("check", str(draft), "--select", "GC301")
    jsonschema.validate(report, report_schema)
    assert code == 0 and report["documents"][0]["findings"] == []
    assert report["summary"]["suppressed"] == 1 and report["summary"]["findings"] == 0
    assert json.dumps(report["documents"][0]).count('"flagged": true') == 0
    text = run_cli("check", str(draft), "--select", "GC301")
    assert "0 findings, 1 suppressed, 0 error(s)" in text.stdout


def test_accepted_terms_are_not_reported(tmp_path: Path) -> None:
    (tmp_path / "garblecheck.toml").write_text('accepted-terms = ["the  THE"]\n', "utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED + "\n", encoding="utf-8")
    _, report = run_json("check", "a.txt", "--select", "GC301", cwd=tmp_path)
    assert report["documents"][0]["findings"] == []
    assert report["summary"]["suppressed"] == 1
