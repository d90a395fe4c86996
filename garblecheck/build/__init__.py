"""Builders of the shipped knowledge files, from the development data (never run at run time).

Each module here has ``build(data: Path, out: Path) -> str``: it reads the data folder, writes
its files into ``out`` reproducibly, and returns a one-line summary.
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

BUILDERS: tuple[str, ...] = (
    "offices", "lexicon", "fingerprints", "spelling", "phrases", "preferences", "inflections",
    "harper_rules",
)


def builder(name: str) -> Callable[[Path, Path], str]:
    """The ``build`` function of one builder module, imported only when asked for."""
    if name not in BUILDERS:
        raise KeyError(name)
    module = importlib.import_module(f"garblecheck.build.{name}")
    return cast(Callable[[Path, Path], str], module.build)


def parser(name: str) -> argparse.ArgumentParser:
    """The options every ``python -m garblecheck.build.NAME`` shares: where the development
    data is and where the knowledge files go."""
    ap = argparse.ArgumentParser(prog=f"python -m garblecheck.build.{name}")
    ap.add_argument("--data", type=Path, default=Path("../shared/data"), help="data folder")
    ap.add_argument("--out", type=Path, default=Path("rules/knowledge"), help="output folder")
    return ap


def run(name: str, argv: list[str] | None = None) -> None:
    """Entry point of a builder module with no options of its own: build and report."""
    args = parser(name).parse_args(argv)
    started = time.monotonic()
    summary = builder(name)(args.data, args.out)
    print(f"{summary} ({time.monotonic() - started:.0f} s)")
