"""The output formats beside text and json: SARIF validated against the SARIF 2.1.0 schema,
GitHub workflow commands in their documented syntax and escaping, Markdown, JSON Lines, the
HTML page's packaging, and colour only on a terminal."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import CLEAN_A, FIXTURES, ROOT, SOURCE, SPUN, run_cli
from garblecheck.api import compare, iter_reports
from garblecheck.model import Document, Metadata, Severity
from garblecheck.report import FORMATS, render
from garblecheck.report.as_github import escape_data, escape_property
from garblecheck.report.as_html import script_json
from garblecheck.report.as_markdown import md
from garblecheck.report.as_text import document_lines, wants_color
from garblecheck.report.html_layout import Span, layout, row_bounds
from garblecheck.report.locations import place
from garblecheck.report.stream import stream
from garblecheck.result import DocumentReport, RunError, RunReport


@pytest.fixture(scope="module")
def seed() -> DocumentReport:
    return compare(
        SPUN.read_text(encoding="utf-8"),
        SOURCE.read_text(encoding="utf-8"),
        copy_path="fixtures/wallace-2022-spun.txt",
        source_path="fixtures/wallace-2022-source.txt",
    )


@pytest.fixture(scope="module")
def run(seed: DocumentReport) -> RunReport:
    return RunReport(documents=[seed], errors=[RunError("broken, 1:2.bin", "not text\n50% zeros")])


# --- SARIF --------------------------------------------------------------------------------


def test_sarif_validates_against_the_schema(run: RunReport, seed: DocumentReport) -> None:
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(render(run, "sarif"))
    jsonschema.Draft4Validator(schema).validate(log)
    (sarif_run,) = log["runs"]
    results = sarif_run["results"]
    assert len(results) == len(seed.findings)
    rules = sarif_run["tool"]["driver"]["rules"]
    for result, f in zip(results, seed.findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == f.rule
        assert (
            result["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[f.severity.value]
        )
        (location,) = result["locations"]
        region = location["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == seed.doc.line_col(f.start)
        assert region["snippet"]["text"] == seed.doc.text[f.start : f.end]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "fixtures/wallace-2022-spun.txt"
    gc101 = next(r for r in rules if r["id"] == "GC101")
    assert "What it does" in gc101["help"]["markdown"]
    (invocation,) = sarif_run["invocations"]
    assert invocation["executionSuccessful"] is False
    assert len(invocation["toolExecutionNotifications"]) == 1


# --- GitHub annotations ---------------------------------------------------------------------

_COMMAND = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,:\r\n]+),line=\d+,col=\d+,"
    r"endLine=\d+,endColumn=\d+,title=(?P<title>[^,:\r\n]+)::(?P<message>[^\r\n]*)$"
)


def _unescape(text: str) -> str:
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a: b, 50%\n") == "a%3A b%2C 50%25%0A"


def test_github_annotations(run: RunReport, seed: DocumentReport) -> None:
    lines = render(run, "github").splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    shown = [f for f in seed.findings if f.severity >= Severity.WARNING]
    matched = [_COMMAND.match(line) for line in annotations[: len(shown)]]
    assert all(matched), annotations
    for m, f in zip(matched, shown, strict=True):
        assert m is not None
        assert m["level"] == f.severity.value
        assert m["file"] == "fixtures/wallace-2022-spun.txt"
        assert _unescape(m["title"]) == f"{f.rule} {f.name}"
        assert _unescape(m["message"]).startswith(f.message)
    assert annotations[-1] == (
        "::error file=broken%2C 1%3A2.bin,title=garblecheck::not text%0A50%25 zeros"
    )
    with_info = render(run, "github", show_info=True)
    assert with_info.count("\n::") + 1 == len(seed.findings) + 1
    assert "::notice " in with_info


def test_github_points_at_the_record_of_a_jsonl_file() -> None:
    doc = Document("One.\nTwo words here.", path="crawl/a.jsonl#L7")
    where = place(doc, 9, 14)
    assert (where.file, where.line, where.column) == ("crawl/a.jsonl", 7, None)
    assert where.note == "record text line 2, column 5"
    page = Document("Text.", path="page.html", meta=Metadata(extra={"extracted_from": "html"}))
    assert place(page, 0, 4).line is None


# --- Markdown, JSON Lines, text colour -----------------------------------------------------


def test_markdown_summary(run: RunReport, seed: DocumentReport) -> None:
    out = render(run, "markdown")
    assert out.startswith("## garblecheck: 1 garbled")
    assert "| fixtures/wallace-2022-spun.txt | 🔴 garbled |" in out
    assert out.count("<details>") == out.count("</details>") == 1
    assert "broken, 1:2.bin: not text 50% zeros" in out
    assert md("a|b *c* <x> [l](u)") == r"a\|b \*c\* &lt;x&gt; \[l\](u)"


def test_jsonl_streams_the_json_documents(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    paths = [str(CLEAN_A), missing]
    out = io.StringIO()
    tally = stream(iter_reports(paths), "jsonl", out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line.get("path") for line in lines] == [str(CLEAN_A), missing]
    assert lines[0]["sentences"] and "error" in lines[1]
    assert tally.documents == 1 and len(tally.errors) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_output_is_the_rendered_report(seed: DocumentReport, fmt: str) -> None:
    out = io.StringIO()
    stream(iter([seed]), fmt, out)
    whole = render(RunReport(documents=[seed]), fmt)
    timing = re.compile(r'in [0-9.]+s\.|"seconds": ?[0-9.]+')
    assert timing.sub("", out.getvalue()) == timing.sub("", whole)


def test_colour_only_on_a_terminal(seed: DocumentReport, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_color(Terminal()) and not wants_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_color(Terminal())
    coloured = document_lines(seed, False, color=True)
    plain = document_lines(seed, False)
    assert "\x1b[1;33mGC103 [warning]\x1b[0m" in coloured[0] and "\x1b" not in "".join(plain)
    assert re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(coloured)) == "\n".join(plain)


# --- HTML ------------------------------------------------------------------------------------


def _heads(ops: list[list[Any]]) -> list[int]:
    return [op[1] for op in ops if (op[0] == "f" and op[2]) or op[0] == "p"]


def test_layout_gives_each_span_one_head() -> None:
    text = "Alpha beta gamma.\n\nDelta epsilon.\n\n"
    rows = row_bounds(len(text), [0, 19])
    spans = [
        Span("s", 0, 0, 17), Span("s", 1, 19, 33),
        Span("f", 0, 0, 10), Span("f", 1, 6, 16),  # crossing
        Span("f", 2, 6, 10),  # nested in both
        Span("f", 3, 12, 25),  # crosses a sentence and a paragraph end
        Span("f", 4, 11, 11), Span("f", 5, 35, 35),  # empty: markers
    ]  # fmt: skip
    laid = layout(text, rows, spans)
    ops = [op for row in laid for op in row.ops]
    assert sorted(_heads(ops)) == [0, 1, 2, 3, 4, 5]
    assert "".join(str(op[1]) for op in ops if op[0] == "t") == text  # spans keep blank lines
    depth = 0
    for op in ops:
        depth += 1 if op[0] in ("s", "f") else -1 if op[0] == "/" else 0
        assert depth >= 0
    assert depth == 0
    assert laid[-1].ops[-1] == ["p", 5]


def test_html_is_one_offline_file(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    proc = run_cli("check", str(SPUN), "--format", "html", "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    data = re.search(r'<script type="application/json" id="gc-data">(.*?)</script>', page, re.S)
    assert data is not None
    assert json.loads(data.group(1))["documents"][0]["path"] == str(SPUN)


def test_script_json_cannot_close_its_element() -> None:
    text = script_json({"text": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text
    assert json.loads(text) == {"text": "</script><!-- & -->"}


def test_template_ships_in_the_package() -> None:
    folder = ROOT / "garblecheck" / "report" / "html_template"
    assert {p.name for p in folder.iterdir()} >= {"report.html", "report.css", "report.js"}
