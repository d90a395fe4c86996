"""Shared test helpers: paths to the fixtures and a runner for the real CLI."""

from __future__ import annotations

import json
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


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m garblecheck`` as a user would, capturing output."""
    return subprocess.run(
        [sys.executable, "-m", "garblecheck", *args],
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=300,
    )


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
