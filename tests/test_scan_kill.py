"""A scan killed with SIGKILL in the middle of writing, then resumed, reports every article
exactly once, in valid JSON lines."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import CLEAN_A, CLEAN_B, CLEAN_C, ROOT, SOURCE, SPUN

STORIES, VERSIONS, SENTENCES = 40, 5, 3


def _sentences() -> list[str]:
    found = []
    for seed in (CLEAN_A, CLEAN_B, CLEAN_C, SOURCE, SPUN):
        for para in seed.read_text(encoding="utf-8").split("\n\n"):
            if para.count(" ") > 12 and para.rstrip().endswith((".", "”", '"')):
                found.append(" ".join(para.split()))
    return found


def _crawl(folder: Path) -> int:
    """Stories of a few seed paragraphs each, in several lightly edited versions."""
    rng = random.Random(11)
    pool = _sentences()
    n = 0
    for story in range(STORIES):
        paragraphs = rng.sample(pool, SENTENCES)
        for version in range(VERSIONS):
            words = "\n\n".join(paragraphs).split(" ")
            text = " ".join(w for w in words if rng.random() > 0.03)
            (folder / f"s{story:03d}-v{version}.txt").write_text(text + "\n", encoding="utf-8")
            n += 1
    return n


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_kill_and_resume_writes_each_article_once(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    articles = _crawl(crawl)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "garblecheck", "scan", str(crawl), "-o", str(out), "-j", "2"]
    proc = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while len(_lines(out)) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the scan and its workers, as a crash would
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the scan ended before it could be killed"
    before = len(_lines(out))
    assert 0 < before < articles
    resumed = subprocess.run(
        [*command[:-1], "1", "--resume", "--format", "json"], cwd=ROOT, capture_output=True,
        text=True,
        timeout=300,
    )
    assert resumed.returncode in (0, 1), resumed.stderr
    ids = [json.loads(line)["id"] for line in _lines(out)]
    assert len(ids) == len(set(ids)) == articles
    assert json.loads(resumed.stdout)["resumed"] >= before - 1
