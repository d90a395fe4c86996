"""The Python API: what the CLI does, callable from code.

``check(text)`` and ``compare(copy, source)`` return a DocumentReport whose ``to_dict()`` is one
document object of the JSON report; ``check_paths`` runs a batch in which an unreadable file
becomes an entry under ``errors`` and the other files still get their results.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from garblecheck.config import Config
from garblecheck.errors import ConfigError, GarblecheckError
from garblecheck.ingest import document_from_text, read_document
from garblecheck.pipeline import Pipeline
from garblecheck.result import DocumentReport, RunError, RunReport


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline.from_config(Config())


def parse_date(value: str | dt.date | None, what: str = "date") -> dt.date | None:
    """An article date from an ISO string (or a date), with a clear error for anything else."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(what, f"{value!r} is not a date in YYYY-MM-DD form") from None


def pipeline_for(
    config: Config | None, date: str | dt.date | None = None, locale: str | None = None
) -> Pipeline:
    """The pipeline for a configuration; the default one is built once and reused."""
    if config is None and date is None and locale is None:
        return _default_pipeline()
    config = config or Config()
    if date is not None or locale is not None:
        config = replace(
            config, date=parse_date(date) or config.date, locale=locale or config.locale
        )
    if config.rule_paths:
        return Pipeline.from_config(config)
    base = _default_pipeline()
    return Pipeline.from_config(config) if base.config != config else base


def check(
    text: str,
    *,
    path: str | None = None,
    date: str | dt.date | None = None,
    locale: str | None = None,
    config: Config | None = None,
) -> DocumentReport:
    """Check a text with no source: knowledge, patterns and the classifier."""
    pipeline = pipeline_for(config, date, locale)
    return pipeline.run(document_from_text(text, path))


def compare(
    copy_text: str,
    source_text: str,
    *,
    copy_path: str | None = None,
    source_path: str | None = None,
    date: str | dt.date | None = None,
    locale: str | None = None,
    config: Config | None = None,
) -> DocumentReport:
    """Check a copy against its source: every difference classified, plus the reference-free
    checks for sentences the source does not cover."""
    pipeline = pipeline_for(config, date, locale)
    return pipeline.run(
        document_from_text(copy_text, copy_path), document_from_text(source_text, source_path)
    )


def check_paths(
    paths: Iterable[str], *, source: str | None = None, pipeline: Pipeline | None = None
) -> RunReport:
    """Check files (``-`` is stdin), each against ``source`` when given. A file that cannot be
    read or checked is listed under ``errors``; the others still get their results."""
    pipeline = pipeline or _default_pipeline()
    began = time.perf_counter()
    report = RunReport()
    source_doc = None
    if source is not None:
        try:
            source_doc = read_document(source, pipeline.config.max_bytes)
        except GarblecheckError as exc:
            report.errors.append(RunError(exc.path, exc.problem))
            report.seconds = time.perf_counter() - began
            return report
    for path in paths:
        try:
            doc = read_document(path, pipeline.config.max_bytes)
            report.documents.append(pipeline.run(doc, source_doc))
        except GarblecheckError as exc:
            report.errors.append(RunError(exc.path or path, exc.problem))
    report.seconds = time.perf_counter() - began
    return report
