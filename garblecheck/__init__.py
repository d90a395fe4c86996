"""garblecheck: find garbled English news copy (spun, machine-translated, carelessly rewritten).

    >>> import garblecheck
    >>> report = garblecheck.compare(copy_text, source_text)
    >>> report.verdict, [f.message for f in report.findings]

The API is imported on first use, so ``import garblecheck.model`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from garblecheck._version import __version__

if TYPE_CHECKING:
    from garblecheck.api import check, check_paths, compare
    from garblecheck.config import Config
    from garblecheck.model import Finding, Severity
    from garblecheck.result import DocumentReport, RunReport
    from garblecheck.scanning import scan

_EXPORTS = {
    "check": "garblecheck.api",
    "check_paths": "garblecheck.api",
    "compare": "garblecheck.api",
    "Config": "garblecheck.config",
    "Finding": "garblecheck.model",
    "Severity": "garblecheck.model",
    "DocumentReport": "garblecheck.result",
    "RunReport": "garblecheck.result",
    "scan": "garblecheck.scanning",
}

__all__ = [
    "Config",
    "DocumentReport",
    "Finding",
    "RunReport",
    "Severity",
    "__version__",
    "check",
    "check_paths",
    "compare",
    "scan",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'garblecheck' has no attribute {name!r}")
