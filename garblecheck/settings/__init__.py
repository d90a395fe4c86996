"""Configuration from files: ``[tool.garblecheck]`` in ``pyproject.toml`` or ``garblecheck.toml``,
found by walking up from each checked file, validated strictly, layered with per-path
overrides and command-line options, and able to say where each value came from."""

from __future__ import annotations

from garblecheck.settings.files import ConfigFile, read_config
from garblecheck.settings.resolve import Resolved, Settings, cli_values
from garblecheck.settings.show import format_settings

__all__ = ["ConfigFile", "Resolved", "Settings", "cli_values", "format_settings", "read_config"]
