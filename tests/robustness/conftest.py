"""Prints how many generated inputs the robustness properties tried."""

from __future__ import annotations

import pytest
from fuzzing import TRIED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TRIED:
        return
    parts = ", ".join(f"{name} {n:,}" for name, n in sorted(TRIED.items()))
    terminalreporter.write_line(
        f"garblecheck robustness: {sum(TRIED.values()):,} generated inputs tried ({parts})"
    )
