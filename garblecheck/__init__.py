"""garblecheck: find garbled English news copy."""

from garblecheck._version import __version__

__all__ = ["__version__"]
