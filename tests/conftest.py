"""Shared test helpers: paths to the fixtures, a runner for the real CLI and a crawl of
article folders for the scan tests."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"

SPUN = FIXTURES / "wallace-2022-spun.txt"
SOURCE = FIXTURES / "wallace-2022-source.txt"
CLEAN_A = FIXTURES / "shapps-2024-outlet-a.txt"
CLEAN_B = FIXTURES / "shapps-2024-outlet-b.txt"
CLEAN_C = FIXTURES / "shapps-2024-outlet-c.txt"
SEEDS = (CLEAN_A, CLEAN_B, CLEAN_C, SOURCE, SPUN)


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m garblecheck`` as a user would, capturing output."""
    return subprocess.run(
        [sys.executable, "-m", "garblecheck", *args],
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=timeout,
    )


def write_crawl(folder: Path, stories: int, versions: int, seed: int) -> set[str]:
    """A new folder of stories of three seed paragraphs each, in several lightly edited
    versions (a few words dropped), as a crawl holds them; their ids (paths)."""
    folder.mkdir()
    rng = random.Random(seed)
    pool = [
        " ".join(para.split())
        for path in SEEDS
        for para in path.read_text(encoding="utf-8").split("\n\n")
        if para.count(" ") > 12 and para.rstrip().endswith((".", "”", '"'))
    ]
    for story in range(stories):
        words = "\n\n".join(rng.sample(pool, 3)).split(" ")
        for version in range(versions):
            text = " ".join(w for w in words if rng.random() > 0.03)
            (folder / f"s{story:03d}-v{version}.txt").write_text(text + "\n", encoding="utf-8")
    return {str(p) for p in folder.iterdir()}


def lines_of(path: Path) -> list[str]:
    """The lines a scan has written so far (none before the file exists)."""
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def run_json(*args: str, cwd: Path | None = None) -> tuple[int, dict[str, Any]]:
    """Run the CLI with ``--format json`` and parse the report."""
    proc = run_cli(*args, "--format", "json", cwd=cwd)
    assert proc.stdout, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


@pytest.fixture(scope="session")
def report_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (FIXTURES / "report-v1.schema.json").read_text(encoding="utf-8")
    )
    return schema


def needs_shared_data() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not present")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many generated inputs the robustness properties tried (tests/robustness)."""
    fuzzing = sys.modules.get("fuzzing")  # imported only when the robustness tests ran
    tried = getattr(fuzzing, "TRIED", None)
    if not tried:
        return
    parts = ", ".join(f"{name} {n:,}" for name, n in sorted(tried.items()))
    terminalreporter.write_line(
        f"garblecheck robustness: {sum(tried.values()):,} generated inputs tried ({parts})"
    )
