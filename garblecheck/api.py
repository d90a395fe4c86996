"""The Python API: what the CLI does, callable from code.

``check(text)`` and ``compare(copy, source)`` return a DocumentReport whose ``to_dict()`` is one
document object of the JSON report; ``check_paths`` runs a batch in which an unreadable file
becomes an entry under ``errors`` and the other files still get their results; ``iter_reports``
yields the same results one by one, as the inputs are read, so a run of any size streams.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace

from garblecheck.config import Config
from garblecheck.errors import ConfigError, EngineError, GarblecheckError
from garblecheck.filtering import Filters
from garblecheck.ingest import document_from_text
from garblecheck.inputs import InputOptions, iter_documents, read_file
from garblecheck.pipeline import Pipeline
from garblecheck.result import DocumentReport, RunError, RunReport
from garblecheck.settings import Settings
from garblecheck.settings.resolve import file_part

_BUILT: dict[str, Pipeline] = {}
_BUILT_MAX = 8


def _built(config: Config) -> Pipeline:
    """A pipeline whose analysers fit ``config``, built once per configuration: the article
    date and locale only enter each run's context, so they never cause a rebuild."""
    shape = replace(config, date=None, locale=None)
    key = repr(shape)
    if key not in _BUILT:
        if len(_BUILT) >= _BUILT_MAX:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = Pipeline.from_config(shape)
    built = _BUILT[key]
    return built if built.config == config else replace(built, config=config, stats={})


def _default_pipeline() -> Pipeline:
    return _built(Config())


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
    """The pipeline for a configuration (and article date or locale), reused across calls;
    user rule files are read afresh each time, since they may have changed."""
    config = config or Config()
    if date is not None or locale is not None:
        config = replace(
            config, date=parse_date(date) or config.date, locale=locale or config.locale
        )
    if config.rule_paths:
        return Pipeline.from_config(config)
    return _built(config)


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
    return Filters().apply(pipeline.run(document_from_text(text, path)), pipeline.config)


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
    report = pipeline.run(
        document_from_text(copy_text, copy_path), document_from_text(source_text, source_path)
    )
    return Filters().apply(report, pipeline.config)


def _pipeline_of(config: Config, built: dict[int, Pipeline]) -> Pipeline:
    """The pipeline for a configuration that settings resolved (one object per layering), kept
    in ``built`` so that rule files a configuration names are read once a run."""
    if id(config) not in built:
        built[id(config)] = pipeline_for(config)
    return built[id(config)]


class _FileConfigs:
    """Each input file's configuration, looked up once: when the reader asks for the file's
    size limit, and kept for the documents read from it (one, or a JSONL file's records)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.file: str | None = None
        self.config: Config | None = None

    def limit(self, path: str) -> int:
        self.file, self.config = path, self.settings.config_for(path)
        return self.config.max_bytes

    def of(self, path: str | None) -> Config:
        """The configuration of a document just read (stdin's path is None)."""
        if self.config is not None and file_part(path or "-") == self.file:
            return self.config
        return self.settings.config_for(path)


def iter_reports(
    paths: Iterable[str],
    *,
    source: str | None = None,
    pipeline: Pipeline | None = None,
    options: InputOptions | None = None,
    settings: Settings | None = None,
    filters: Filters | None = None,
) -> Iterator[DocumentReport | RunError]:
    """Each document's report, or the error of a file (or JSONL line) that could not be read or
    checked, lazily. Files, folders, ``-`` (stdin), HTML, markdown and JSONL are read as
    ``garblecheck.inputs`` reads them; each document is checked against its own source (a JSONL
    record's) or else against ``source``. With ``settings``, each document is checked with the
    configuration found for its own path (``pipeline`` then serves stdin and the source);
    ``filters`` (inline comments only, by default) decide which findings are reported."""
    pipeline = pipeline or (
        _pipeline_of(settings.config_for(None), {}) if settings else _default_pipeline()
    )
    filters = filters or Filters()
    own: dict[int, Pipeline] = {}
    configs = _FileConfigs(settings) if settings else None
    options = replace(
        options or InputOptions(),
        max_bytes=pipeline.config.max_bytes,
        # a file's own configuration (found beside it) may set its size limit
        limit_for=configs.limit if configs else None,
    )
    source_doc = None
    if source is not None:
        try:
            source_doc = read_file(source, pipeline.config.max_bytes)
        except GarblecheckError as exc:
            yield RunError(exc.path, exc.problem)
            return
    for item in iter_documents(paths, options):
        if isinstance(item, GarblecheckError):
            yield RunError(item.path, item.problem)
            continue
        doc, own_source = item
        try:
            run = pipeline if configs is None else _pipeline_of(configs.of(doc.path), own)
            yield filters.run(run, doc, own_source or source_doc)
        except EngineError:
            raise  # an engine that is down fails every document: stop the run at once
        except GarblecheckError as exc:
            yield RunError(exc.path or doc.path, exc.problem)


def check_paths(
    paths: Iterable[str],
    *,
    source: str | None = None,
    pipeline: Pipeline | None = None,
    options: InputOptions | None = None,
    settings: Settings | None = None,
    filters: Filters | None = None,
) -> RunReport:
    """Check files (``-`` is stdin), each against ``source`` when given, all results in one
    report. A file that cannot be read or checked is listed under ``errors``; the others still
    get their results."""
    began = time.perf_counter()
    report = RunReport()
    results = iter_reports(
        paths, source=source, pipeline=pipeline, options=options, settings=settings,
        filters=filters,
    )
    for result in results:
        if isinstance(result, RunError):
            report.errors.append(result)
        else:
            report.documents.append(result)
    report.seconds = time.perf_counter() - began
    return report
