"""The command line as users run it: reports, exit codes, one-line errors, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import CLEAN_A, CLEAN_B, SOURCE, SPUN, run_cli, run_json


def _check_offsets(doc: dict[str, Any], text: str) -> None:
    for s in doc["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
    lines = text.split("\n")
    for f in doc["findings"]:
        assert 0 <= f["start"] <= f["end"] <= len(text)
        line = lines[f["line"] - 1]
        col = f["column"] - 1
        assert line[col : col + 5] == text[f["start"] : f["start"] + 5][: len(line) - col]


def test_compare_seed_pair_json(report_schema: dict[str, Any]) -> None:
    code, report = run_json("compare", str(SPUN), "--source", str(SOURCE))
    jsonschema.validate(report, report_schema)
    assert code == 1
    (doc,) = report["documents"]
    assert doc["verdict"] == "garbled"
    assert doc["source_path"] == str(SOURCE)
    _check_offsets(doc, SPUN.read_text(encoding="utf-8"))
    aligned = [s for s in doc["sentences"] if s["source"]]
    assert aligned, "some copy sentences align with the source"
    source_text = SOURCE.read_text(encoding="utf-8")
    for s in aligned:
        assert source_text[s["source"]["start"] : s["source"]["end"]] == s["source"]["text"]
    assert report["summary"]["documents"] == 1


def test_text_output_is_ruff_style() -> None:
    proc = run_cli("compare", str(SPUN), "--source", str(SOURCE))
    assert proc.returncode == 1
    first = proc.stdout.splitlines()[0]
    path, line, col, rest = first.split(":", 3)
    assert path == str(SPUN) and line.isdigit() and col.isdigit()
    assert rest.strip().startswith("GC")
    assert "source:" in proc.stdout


def test_fail_on_never_exits_zero() -> None:
    assert run_cli("check", str(SPUN), "--fail-on", "never").returncode == 0


REPEATED_WORD = "\nThe council said it supported the the plan, officials said on Monday.\n"


@pytest.fixture
def suspect_copy(tmp_path: Path) -> Path:
    """Clean copy with one sentence flagged by a rule (a repeated word): verdict suspect."""
    path = tmp_path / "suspect.txt"
    path.write_text(CLEAN_B.read_text(encoding="utf-8") + REPEATED_WORD, encoding="utf-8")
    return path


@pytest.mark.parametrize(("fail_on", "expected"), [("warning", 1), ("suspect", 1), ("garbled", 0)])
def test_fail_on_a_verdict_bars_documents_not_findings(
    suspect_copy: Path, fail_on: str, expected: int
) -> None:
    code, report = run_json("check", str(CLEAN_B), str(suspect_copy), "--fail-on", fail_on)
    assert [d["verdict"] for d in report["documents"]] == ["clean", "suspect"]
    assert code == expected


def test_fail_on_garbled_fails_when_one_document_is_garbled(suspect_copy: Path) -> None:
    code, report = run_json("check", str(suspect_copy), str(SPUN), "--fail-on", "garbled")
    assert [d["verdict"] for d in report["documents"]] == ["suspect", "garbled"]
    assert code == 1


@pytest.mark.parametrize(("fail_on", "expected"), [("suspect", 1), ("garbled", 0)])
def test_scan_fail_on_a_verdict(
    suspect_copy: Path, tmp_path: Path, fail_on: str, expected: int
) -> None:
    out = tmp_path / "out.jsonl"
    proc = run_cli("scan", str(suspect_copy), "-o", str(out), "--jobs", "1", "--fail-on", fail_on)
    assert proc.returncode == expected, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["verdict"] == "suspect"


def test_batch_with_broken_files_reports_the_rest(
    tmp_path: Path, report_schema: dict[str, Any]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 10)
    missing = tmp_path / "missing.txt"
    proc = run_cli("check", str(empty), str(CLEAN_A), str(binary), str(missing), "--format", "json")
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    jsonschema.validate(report, report_schema)
    assert [d["path"] for d in report["documents"]] == [str(CLEAN_A)]
    assert {e["path"] for e in report["errors"]} == {str(empty), str(binary), str(missing)}
    err_lines = proc.stderr.strip().splitlines()
    assert len(err_lines) == 3
    assert all("Traceback" not in line for line in err_lines)
    assert any(str(missing) in line and "no such file" in line for line in err_lines)


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(SPUN), "--date", "17/01/2022"],
        ["check", str(SPUN), "--locale", "fr-FR"],
        ["check", str(SPUN), "--format", "yaml"],
        ["check"],
        ["explain", "GC999"],
        ["frobnicate"],
    ],
)
def test_usage_errors_are_one_line(args: list[str]) -> None:
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith("garblecheck: ")


def test_broken_user_rule_file(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("code: XX1\nname: [unclosed\n", encoding="utf-8")
    proc = run_cli("check", str(CLEAN_A), "--rules", str(bad))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert str(bad) in proc.stderr


def test_stdin() -> None:
    proc = run_cli("check", "-", "--format", "json", stdin=CLEAN_B.read_bytes())
    report = json.loads(proc.stdout)
    assert report["documents"][0]["path"] is None
    assert report["documents"][0]["sentences"]


def test_rules_and_explain() -> None:
    listing = run_cli("rules")
    assert listing.returncode == 0
    assert "GC101" in listing.stdout and "GC705" in listing.stdout
    explained = run_cli("explain", "gc101")
    assert explained.returncode == 0
    for part in ("What it does", "Why is this bad?", "Example", "Use instead"):
        assert part in explained.stdout


def test_select_and_ignore() -> None:
    _, report = run_json("check", str(SPUN), "--select", "GC1")
    rules = {f["rule"] for f in report["documents"][0]["findings"]}
    assert rules and all(r.startswith("GC1") for r in rules)
    _, report = run_json("check", str(SPUN), "--ignore", "GC1")
    assert not any(f["rule"].startswith("GC1") for f in report["documents"][0]["findings"])


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("garblecheck ")


def test_build_knowledge_offers_every_builder() -> None:
    """Each knowledge file can be rebuilt on its own: the command's choices are the builders."""
    from garblecheck.build import BUILDERS
    from garblecheck.cli import Knowledge

    assert {k.value for k in Knowledge} == {*BUILDERS, "all"}


def test_help_keeps_the_settings_table_name() -> None:
    """Help is plain text: "[tool.garblecheck]" once vanished as if it were Rich markup."""
    proc = run_cli("check", "--help")
    assert proc.returncode == 0 and "[tool.garblecheck]" in " ".join(proc.stdout.split())
