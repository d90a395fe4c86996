"""--fix applies only unambiguous, non-overlapping fixes, keeps a backup and says what it did."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from garblecheck.fix import apply, plan
from garblecheck.model import Finding, Severity

STORY = (
    "Talks to resume\n\n"
    "Officials said the the talks would resume on Monday, the Prime Minister told MPs at "
    "Westminster.\n\n"
    "READ MORE: Russia warning as troops mass on the border\n\n"
    "The British Interior Ministry said the border checks would continue.\n\n"
    "Defense Minister Vladimir Putin said on 17 January 2022 that he would not back down.\n"
)
FIXED = (
    "Talks to resume\n\n"
    "Officials said the talks would resume on Monday, the Prime Minister told MPs at "
    "Westminster.\n\n"
    "The British Home Office said the border checks would continue.\n\n"
    "Defense Minister Vladimir Putin said on 17 January 2022 that he would not back down.\n"
)


def _finding(rule: str, start: int, end: int, suggestion: str | None) -> Finding:
    return Finding(rule, "x", "other", Severity.WARNING, "m", start, end, "rules",
                   suggestion=suggestion)


def test_fix_rewrites_the_file_keeps_a_backup_and_reports_the_rest(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    proc = run_cli("check", "story.txt", "--fix", "--format", "json", cwd=tmp_path)
    assert story.read_text(encoding="utf-8") == FIXED
    assert (tmp_path / "story.txt.bak").read_text(encoding="utf-8") == STORY
    said = proc.stderr.splitlines()
    assert "garblecheck: story.txt:3:16: GC301: fixed: 'the the' -> 'the'" in said
    assert any("GC601: fixed:" in line and "(deleted)" in line for line in said)
    assert "garblecheck: story.txt:7:13: GC111: fixed: 'Interior Ministry' -> 'Home Office'" in said
    assert any("GC101: fix skipped: no safe automatic fix" in line for line in said)
    text = run_cli("check", "story.txt", cwd=tmp_path)
    assert ", 1 findings, 0 error(s)" in text.stdout.splitlines()[-1]
    report = json.loads(proc.stdout)
    assert proc.returncode == 1  # the officeholder error is still there
    assert report["summary"]["fixed"] == 3
    (doc,) = report["documents"]
    assert [f["rule"] for f in doc["findings"]] == ["GC101"]
    (f,) = doc["findings"]
    assert FIXED[f["start"] : f["end"]] == "Defense Minister Vladimir Putin", "offsets: fixed file"


def test_existing_backup_is_never_overwritten(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    (tmp_path / "story.txt.bak").write_text("older original", encoding="utf-8")
    proc = run_cli("check", "story.txt", "--fix", cwd=tmp_path)
    assert story.read_text(encoding="utf-8") == STORY
    assert "not fixed: backup story.txt.bak exists already" in proc.stderr


def test_stdin_is_not_fixed() -> None:
    proc = run_cli("check", "-", "--fix", stdin=STORY.encode())
    assert "-: not fixed: stdin has no file to fix" in proc.stderr


def test_overlapping_and_ambiguous_fixes_are_skipped() -> None:
    text = "Officials said the the the talks would resume.\n"
    first = _finding("GC301", 15, 22, "the")  # "the the"
    second = _finding("GC301", 19, 26, "the")  # overlaps the first
    several = _finding("GC111", 27, 32, "Senate or House")
    chosen = plan(text, [first, second, several])
    assert chosen.edits == []
    reasons = [why for _, why in chosen.skipped]
    assert reasons.count("overlaps the fix of GC301") == 2
    assert "not exactly one suggestion" in reasons


def test_junk_line_deletion_keeps_the_layout() -> None:
    text = "First paragraph.\n\nREAD MORE: elsewhere\n\nSecond paragraph.\nShare this\n"
    junk = _finding("GC601", text.index("READ"), text.index("\n\nSecond"), "")
    share = _finding("GC601", text.index("Share"), len(text) - 1, "")
    chosen = plan(text, [junk, share])
    assert apply(text, chosen.edits) == "First paragraph.\n\nSecond paragraph.\n"
    glued = "Text. READ MORE: elsewhere\n"
    assert plan(glued, [_finding("GC601", 6, 26, "")]).skipped[0][1] == (
        "shares its line with other text"
    )
