"""A scan killed with SIGKILL in the middle of writing, then resumed, reports every article
exactly once, in valid JSON lines."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, lines_of, write_crawl


def test_kill_and_resume_writes_each_article_once(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    articles = len(write_crawl(crawl, stories=40, versions=5, seed=11))
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "garblecheck", "scan", str(crawl), "-o", str(out), "-j", "2"]
    proc = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while len(lines_of(out)) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the scan and its workers, as a crash would
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the scan ended before it could be killed"
    before = len(lines_of(out))
    assert 0 < before < articles
    resumed = subprocess.run(
        [*command[:-1], "1", "--resume", "--format", "json"], cwd=ROOT, capture_output=True,
        text=True,
        timeout=300,
    )
    assert resumed.returncode in (0, 1), resumed.stderr
    ids = [json.loads(line)["id"] for line in lines_of(out)]
    assert len(ids) == len(set(ids)) == articles
    assert json.loads(resumed.stdout)["resumed"] >= before - 1
