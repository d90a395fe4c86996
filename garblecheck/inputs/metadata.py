"""Metadata values as pages and records give them, turned into the model's types."""

from __future__ import annotations

import datetime as dt

from garblecheck.dates import parse_date_line


def metadata_date(value: object) -> dt.date | None:
    """A date from ISO 8601 (``2022-01-17``, ``2022-01-17T18:42:00Z``) or a written-out date
    line ("17 January 2022"); None for anything else, so the text's own date is used."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        found = parse_date_line(value)
        return found.date if found else None


def metadata_text(value: object) -> str | None:
    """A string field, stripped; None when absent, empty or not a scalar."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        text = str(value).strip()
        return text or None
    return None
