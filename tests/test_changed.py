"""--changed-since: only findings on lines changed since a revision, in a real git repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SPUN, run_cli, run_json
from garblecheck.changed import added_lines

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DOUBLED = "Officials said the the talks would resume on Monday."


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo, check=True, capture_output=True,
    )


def _repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    shutil.copy(SPUN, tmp_path / "story.txt")
    git(tmp_path, "add", "story.txt")
    git(tmp_path, "commit", "-q", "-m", "story")
    return tmp_path


def test_added_lines_of_a_zero_context_diff() -> None:
    diff = "@@ -3,0 +4,2 @@\n+a\n+b\n@@ -10 +12 @@\n-x\n+y\n@@ -20,2 +23,0 @@\n-z\n-w\n"
    assert added_lines(diff) == {4, 5, 12}


def test_only_changed_lines_are_reported(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    code, report = run_json("check", "story.txt", "--changed-since", "HEAD", cwd=repo)
    assert code == 0 and report["documents"][0]["findings"] == []
    assert report["summary"]["unchanged"] > 0
    with (repo / "story.txt").open("a", encoding="utf-8") as fh:
        fh.write(f"\n{DOUBLED}\n")
    _, report = run_json("check", "story.txt", "--changed-since", "HEAD", cwd=repo)
    found = report["documents"][0]["findings"]
    assert found and {f["line"] for f in found} == {len(SPUN.read_text().splitlines()) + 2}


def test_untracked_file_is_all_new(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "new.txt").write_text(DOUBLED + "\n", encoding="utf-8")
    _, report = run_json("check", "new.txt", "--changed-since", "HEAD", cwd=repo)
    assert [f["rule"] for f in report["documents"][0]["findings"]].count("GC301") == 1


@pytest.mark.parametrize(
    ("rev", "init", "message"),
    [("no-such-branch", True, "unknown revision 'no-such-branch'"),
     ("HEAD", False, "is not inside a git repository")],
)
def test_clear_one_line_errors(tmp_path: Path, rev: str, init: bool, message: str) -> None:
    if init:
        _repo(tmp_path)
    else:
        shutil.copy(SPUN, tmp_path / "story.txt")
    proc = run_cli("check", "story.txt", "--changed-since", rev, cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "--changed-since" in lines[0]
