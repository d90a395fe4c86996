"""Crash safety of a scan on a real Dask cluster of worker processes: a worker killed with
SIGKILL mid-scan loses no article, an article that kills every worker that checks it becomes an
error row, and a scan killed with SIGKILL then resumed writes every article exactly once, in
valid JSON lines."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import cloudpickle
import dask
import pytest

from conftest import ROOT, lines_of, write_crawl
from garblecheck.model import Document, Finding
from garblecheck.scanning import CorpusHooks, ScanOptions, ScanSummary, scan

distributed = pytest.importorskip("distributed")

STORIES, VERSIONS = 40, 3
TIMEOUT = 60.0  # seconds any one wait may take before the test fails
POISON = "poison-pill"


def _crawl(folder: Path) -> set[str]:
    return write_crawl(folder, STORIES, VERSIONS, seed=7)


def _rows(path: Path) -> dict[str, dict[str, Any]]:
    """Every line by id, each checked to be a JSON object written once."""
    found: dict[str, dict[str, Any]] = {}
    for line in lines_of(path):
        row = json.loads(line)
        assert isinstance(row, dict) and row["id"] not in found, line[:200]
        found[row["id"]] = row
    return found


def _whole(row: dict[str, Any]) -> bool:
    return row.get("error") is None and "findings" in row and "verdict" in row


def _wait_for(ready: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not ready():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


@contextmanager
def _cluster() -> Iterator[Any]:
    """Two single-threaded worker processes and a scheduler, on loopback only."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        host="127.0.0.1",
    )
    try:
        yield cluster
    finally:
        cluster.close()


class _Background(threading.Thread):
    """The scan in a daemon thread (a hung scan cannot hold up the test run's exit)."""

    def __init__(self, crawl: Path, options: ScanOptions) -> None:
        super().__init__(daemon=True)
        self.crawl, self.options = crawl, options
        self.summary: ScanSummary | None = None
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            self.summary = scan([str(self.crawl)], options=self.options)
        except BaseException as exc:  # handed to the test thread
            self.failure = exc


def test_scan_survives_a_killed_worker(tmp_path: Path) -> None:
    articles = _crawl(tmp_path / "crawl")
    out = tmp_path / "out.jsonl"
    with _cluster() as cluster, distributed.Client(cluster) as client:
        options = ScanOptions(output=out, dask=cluster.scheduler_address, batch_size=4)
        scanning = _Background(tmp_path / "crawl", options)
        scanning.start()

        def busy() -> list[str]:
            return [w for w, keys in client.processing().items() if keys]

        _wait_for(lambda: not scanning.is_alive() or bool(lines_of(out) and busy()),
                  "the first output lines")
        assert scanning.is_alive(), scanning.failure or "the scan ended before a worker died"
        victim = busy()[0]
        os.kill(client.run(os.getpid, workers=[victim])[victim], signal.SIGKILL)
        written = len(lines_of(out))
        scanning.join(TIMEOUT)
        assert not scanning.is_alive(), "the scan did not finish after a worker died"
    assert scanning.failure is None, repr(scanning.failure)
    assert scanning.summary is not None and scanning.summary.articles == len(articles)
    assert written < len(articles)
    rows = _rows(out)
    assert set(rows) == articles and all(map(_whole, rows.values()))


def _facts_or_die(doc: Document) -> int:
    """Kills its worker on the poison article, as a segfault or the OOM killer would."""
    if POISON in doc.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return len(doc.text)


class _NoFindings:
    def findings(self, doc_id: str, doc: Document) -> list[Finding]:
        return []


def _agree(facts: object) -> _NoFindings:
    return _NoFindings()


def test_an_article_that_kills_every_worker_is_an_error_row(tmp_path: Path) -> None:
    articles = _crawl(tmp_path / "crawl")
    poison = tmp_path / "crawl" / "poison.txt"
    poison.write_text(f"The minister swallowed a {POISON} on Monday, police said.\n", "utf-8")
    articles.add(str(poison))
    out = tmp_path / "out.jsonl"
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests
    hooks = CorpusHooks(_facts_or_die, _agree)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), _cluster() as cluster:
        options = ScanOptions(output=out, dask=cluster.scheduler_address, corpus=hooks)
        summary = scan([str(tmp_path / "crawl")], options=options)
    rows = _rows(out)
    assert set(rows) == articles
    assert "worker died" in rows.pop(str(poison))["error"]
    # With no failures allowed, an article waiting on the worker the poison one kills can die
    # with it (seen on a loaded machine): it is reported as an error row, never lost.
    collateral = [row for row in rows.values() if not _whole(row)]
    assert all("worker died" in row["error"] for row in collateral)
    assert len(collateral) <= len(articles) // 20
    assert summary.errors == 1 + len(collateral)


def test_kill_and_resume_on_dask(tmp_path: Path) -> None:
    articles = _crawl(tmp_path / "crawl")
    out = tmp_path / "out.jsonl"
    with _cluster() as cluster:
        command = [
            sys.executable, "-m", "garblecheck", "scan", str(tmp_path / "crawl"), "-o", str(out),
            "--dask", cluster.scheduler_address,
        ]
        proc = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            _wait_for(lambda: len(lines_of(out)) >= 5 or proc.poll() is not None,
                      "the first output lines")
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.kill()
            _, err = proc.communicate(timeout=TIMEOUT)
        assert proc.returncode == -signal.SIGKILL, f"the scan ended before it was killed: {err!r}"
        before = len(lines_of(out))
        assert before < len(articles)
        resumed = subprocess.run(
            [*command, "--resume", "--format", "json"], cwd=ROOT, capture_output=True,
            text=True, timeout=TIMEOUT,
        )
    assert resumed.returncode in (0, 1), resumed.stderr
    rows = _rows(out)
    assert set(rows) == articles and all(map(_whole, rows.values()))
    summary = json.loads(resumed.stdout)
    assert summary["articles"] == len(articles) and summary["resumed"] >= before - 1
