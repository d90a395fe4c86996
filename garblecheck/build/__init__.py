"""Builders of the shipped knowledge files, from the development data (never run at run time).

Each builder takes the data folder and the output folder and returns a one-line summary.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Builder = Callable[[Path, Path], str]


def _offices(data: Path, out: Path) -> str:
    from garblecheck.build.offices import build

    return build(data, out)


def _lexicon(data: Path, out: Path) -> str:
    from garblecheck.build.lexicon import build

    return build(data, out)


def _fingerprints(data: Path, out: Path) -> str:
    from garblecheck.build.fingerprints import build

    return build(data, out)


BUILDERS: dict[str, Builder] = {
    "offices": _offices,
    "lexicon": _lexicon,
    "fingerprints": _fingerprints,
}
