"""Builders of the shipped knowledge files, from the development data (never run at run time).

Each module here has ``build(data: Path, out: Path) -> str``: it reads the data folder, writes
its files into ``out`` reproducibly, and returns a one-line summary.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

BUILDERS: tuple[str, ...] = ("offices", "lexicon", "fingerprints", "spelling", "phrases")


def builder(name: str) -> Callable[[Path, Path], str]:
    """The ``build`` function of one builder module, imported only when asked for."""
    if name not in BUILDERS:
        raise KeyError(name)
    module = importlib.import_module(f"garblecheck.build.{name}")
    return cast(Callable[[Path, Path], str], module.build)
