"""What the workers do, batch by batch, in a local process or on a Dask worker.

Pass 1 reads nothing itself: it segments each article, sketches it for grouping, scores it
with the reference-free check (kept as its report, so a source or a lone article is not
checked twice) and collects its corpus facts. Pass 2 compares each article with its source,
adds the corpus consensus's findings, and returns the finished output line. Each worker builds
its pipeline once per configuration; an article that fails is a failure row, never the end of
the batch.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar, NamedTuple

from garblecheck.analyser import Analyser, Context
from garblecheck.api import pipeline_for
from garblecheck.config import Config
from garblecheck.errors import EngineError, GarblecheckError
from garblecheck.model import Finding
from garblecheck.pipeline import Pipeline
from garblecheck.scanning.articles import Article
from garblecheck.scanning.corpus_hooks import Consensus, CorpusHooks
from garblecheck.scanning.grouping import Sketch, sketch


@dataclass(frozen=True)
class Shared:
    """What every task of a pass needs, sent to each worker once."""

    config: Config
    corpus: CorpusHooks | None = None
    consensus: Consensus | None = None


class Failure(NamedTuple):
    """An article that could not be read or checked: an error row."""

    id: str
    path: str | None
    error: str


class Profile(NamedTuple):
    """Pass 1's result for one article. ``report`` is its reference-free report (JSON) when it
    was checked in this run (not for articles a resumed run already wrote)."""

    id: str
    sketch: Sketch
    score: float
    report: str | None
    facts: Any
    seconds: float


class Task(NamedTuple):
    """Pass 2's work for one article: its source (None: checked on its own), the cached
    reference-free report, and the fields the output line adds."""

    article: Article
    source: Article | None
    report: str | None
    fields: dict[str, object]


class Row(NamedTuple):
    """A finished output line and what the summary needs of it."""

    id: str
    line: str
    info: dict[str, Any]


_PIPELINES: dict[str, Pipeline] = {}


def _pipeline(config: Config) -> Pipeline:
    """This worker's pipeline for the configuration, built on first use (user rule files are
    read once per run here, not once per batch)."""
    key = repr(config)
    if key not in _PIPELINES:
        _PIPELINES.clear()
        _PIPELINES[key] = pipeline_for(config)
    return _PIPELINES[key]


class _Consensus(Analyser):
    """The corpus consensus's findings for one document, worked out before the run."""

    name: ClassVar[str] = "corpus"
    origin = "corpus"

    def __init__(self, found: list[Finding]) -> None:
        self.found = found

    def analyse(self, ctx: Context) -> list[Finding]:
        return self.found


def _profile(pipeline: Pipeline, shared: Shared, article: Article, known: float | None) -> Profile:
    began = time.perf_counter()
    doc = pipeline.prepare(article.document())
    report = None
    if known is None:
        result = pipeline.run(doc)
        report, known = json.dumps(result.to_dict(), ensure_ascii=False), result.score
    facts = shared.corpus.collect_facts(doc) if shared.corpus is not None else None
    return Profile(article.id, sketch(doc), known, report, facts, time.perf_counter() - began)


def pass_one(shared: Shared, batch: list[tuple[Article, float | None]]) -> list[Profile | Failure]:
    """Sketch, score and collect facts; ``known`` is the score of an article already written
    (a resumed run), which is then not checked again."""
    pipeline = _pipeline(shared.config)
    out: list[Profile | Failure] = []
    for article, known in batch:
        try:
            out.append(_profile(pipeline, shared, article, known))
        except EngineError:
            raise
        except GarblecheckError as exc:
            out.append(Failure(article.id, article.path, exc.problem))
    return out


def _report(pipeline: Pipeline, shared: Shared, task: Task) -> dict[str, Any]:
    doc = task.article.document()
    found: list[Finding] = []
    if shared.consensus is not None:
        found = shared.consensus.findings(task.article.id, pipeline.prepare(doc))
    if task.source is None and not found and task.report is not None:
        cached: dict[str, Any] = json.loads(task.report)
        return cached
    if found:
        pipeline = replace(pipeline, analysers=[*pipeline.analysers, _Consensus(found)])
    source = task.source.document() if task.source is not None else None
    return pipeline.run(doc, source).to_dict()


def summary_info(row: dict[str, Any]) -> dict[str, Any]:
    """The few fields of an output line the run's summary counts."""
    findings = row.get("findings") or []
    return {
        "path": row.get("path"),
        "group": row.get("group"),
        "verdict": row.get("verdict"),
        "seconds": row.get("seconds", 0.0),
        "error": row.get("error"),
        "rules": [(f["rule"], f["severity"]) for f in findings],
    }


def pass_two(shared: Shared, batch: list[Task]) -> list[Row | Failure]:
    """The output line of each article: compared with its source or checked on its own."""
    pipeline = _pipeline(shared.config)
    out: list[Row | Failure] = []
    for task in batch:
        began = time.perf_counter()
        try:
            row = _report(pipeline, shared, task)
        except EngineError:
            raise
        except GarblecheckError as exc:
            out.append(Failure(task.article.id, task.article.path, exc.problem))
            continue
        row.update(task.fields)
        row["id"] = task.article.id
        row["seconds"] = round(float(row.get("seconds", 0.0)) + time.perf_counter() - began, 4)
        out.append(Row(task.article.id, json.dumps(row, ensure_ascii=False), summary_info(row)))
    return out


def lost(batch: Sequence[tuple[Article, *tuple[Any, ...]]], why: str) -> list[Failure]:
    """Error rows for the articles of a batch no worker could finish, in either pass (an item
    of each holds its article first)."""
    return [Failure(item[0].id, item[0].path, why) for item in batch]
