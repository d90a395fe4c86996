"""Where the shipped rule packs and knowledge files live.

In a wheel, the top-level ``rules/`` folder is installed as ``garblecheck/packs``; in a source
checkout (or an editable install) it is read in place, so there is one copy of the data.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def packs_dir() -> Path:
    """The folder that holds the rule packs (``*.yaml``) and ``knowledge/``."""
    installed = _PACKAGE_DIR / "packs"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "rules"


def knowledge_path(name: str) -> Path:
    """A file of the knowledge packs, such as ``officeholders.json``."""
    return packs_dir() / "knowledge" / name
