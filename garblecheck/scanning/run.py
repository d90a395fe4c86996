"""The scan, from paths to the output file: read and profile every article (pass 1, in
parallel), group the versions of each story and choose their sources (in this process),
compare or check every article (pass 2, in parallel), writing each line as it is done."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from garblecheck.config import Config
from garblecheck.errors import ConfigError, InputError
from garblecheck.inputs import InputOptions, iter_documents
from garblecheck.scanning.articles import Article, SpillStore, article_id
from garblecheck.scanning.corpus_hooks import CorpusHooks, default_corpus
from garblecheck.scanning.execute import Backend, backend
from garblecheck.scanning.grouping import GroupingOptions, Sketch, group
from garblecheck.scanning.output import RowWriter, read_rows
from garblecheck.scanning.progress import Progress
from garblecheck.scanning.sources import Candidate, choose
from garblecheck.scanning.summary import ScanSummary
from garblecheck.scanning.work import (
    Failure,
    Profile,
    Row,
    Shared,
    Task,
    lost,
    pass_one,
    pass_two,
    summary_info,
)

T = TypeVar("T")
_REPORT = "report:"  # store key prefix of an article's reference-free report


@dataclass(frozen=True)
class ScanOptions:
    """How to scan. ``output`` None writes the lines to stdout; ``jobs`` None uses every core;
    ``dask`` is ``local`` or a scheduler address; ``corpus`` None runs without consensus."""

    output: str | Path | None = None
    resume: bool = False
    jobs: int | None = None
    dask: str | None = None
    source_dir: str | None = None
    config: Config = field(default_factory=Config)
    inputs: InputOptions = field(default_factory=InputOptions)
    grouping: GroupingOptions = field(default_factory=GroupingOptions)
    corpus: CorpusHooks | None = field(default_factory=default_corpus)
    progress: bool = False
    batch_size: int = 8


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


@dataclass
class _Run:
    """The state of one scan between its passes (ids, paths and scores; texts are spilled)."""

    options: ScanOptions
    writer: RowWriter
    summary: ScanSummary
    store: SpillStore = field(default_factory=SpillStore)
    known: dict[str, float] = field(default_factory=dict)  # check scores of rows kept
    paths: dict[str, str | None] = field(default_factory=dict)
    named: set[str] = field(default_factory=set)
    own: dict[str, str] = field(default_factory=dict)
    sketches: dict[str, Sketch] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    facts: list[tuple[str, Any]] = field(default_factory=list)

    def error(self, row_id: str, path: str | None, problem: str) -> None:
        if self.writer.write_error(row_id, path, problem):
            self.summary.add({"error": problem})

    def articles(self, paths: Iterable[str]) -> Iterator[Article]:
        """Every article to profile (sources of ``--source-dir`` first), each stored for pass 2;
        errors become rows as they are met."""
        given = [(self.options.source_dir, True)] if self.options.source_dir else []
        for folder_or_path, named in [*given, *((p, False) for p in paths)]:
            for item in iter_documents([str(folder_or_path)], self.options.inputs):
                if isinstance(item, InputError):
                    self.error(item.path or "<input>", item.path, item.problem)
                    continue
                doc, own_source = item
                aid = article_id(doc)
                if aid in self.paths:
                    if self.paths[aid] != doc.path:
                        used = f"id {aid!r} is already used by {self.paths[aid]}"
                        self.error(doc.path or aid, doc.path, used)
                    continue
                self.paths[aid] = doc.path
                if aid in self.writer.written and aid not in self.known:
                    continue  # an error row of the earlier run
                own = None
                if own_source is not None:
                    own = f"{aid}#source"
                    self.own[aid], self.paths[own] = own, own_source.path
                    self.store.put(
                        own, Article(own, own_source.path, own_source.text, own_source.meta)
                    )
                article = Article(aid, doc.path, doc.text, doc.meta, named, own)
                if named:
                    self.named.add(aid)
                self.store.put(aid, article)
                yield article

    def profiled(self, result: Profile | Failure) -> None:
        if isinstance(result, Failure):
            self.error(result.id, result.path, result.error)
            return
        self.sketches[result.id] = result.sketch
        self.scores[result.id] = result.score
        self.seconds[result.id] = result.seconds
        if result.report is not None:
            self.store.put(_REPORT + result.id, result.report)
        if self.options.corpus is not None:
            self.facts.append((result.id, result.facts))

    def tasks(self, groups: dict[str, list[str]]) -> Iterator[Task]:
        """Pass 2's work: every article not written yet, with its source."""
        for gid, members in sorted(groups.items()):
            candidates = [
                Candidate(m, self.paths[m], self.scores[m], self.sketches[m].words, m in self.named)
                for m in members
            ]
            for m, choice in choose(candidates, self.own).items():
                if m in self.writer.written:
                    continue
                article = self.store.get(m)
                source = self.store.get(choice.source) if choice.source is not None else None
                report = self.store.get(_REPORT + m)
                assert isinstance(article, Article) and isinstance(report, str | None)
                assert isinstance(source, Article | None)
                fields: dict[str, object] = {
                    "group": gid,
                    "source_choice": {
                        "id": choice.source,
                        "path": self.paths.get(choice.source) if choice.source else None,
                        "reason": choice.reason,
                    },
                    "check_score": self.scores[m],
                    "seconds": round(self.seconds[m], 4),
                }
                yield Task(article, source, report, fields)

    def finished(self, result: Row | Failure) -> None:
        if isinstance(result, Failure):
            self.error(result.id, result.path, result.error)
        elif self.writer.write(result.id, result.line):
            self.summary.add(result.info)


def _resume(output: Path, summary: ScanSummary, known: dict[str, float]) -> set[str]:
    written: set[str] = set()
    for row in read_rows(output):
        written.add(row["id"])
        if isinstance(row.get("check_score"), int | float):
            known[row["id"]] = float(row["check_score"])
        summary.add(summary_info(row), resumed=True)
    return written


def _passes(run: _Run, execution: Backend, paths: Iterable[str], progress: Progress) -> None:
    options = run.options
    shared = Shared(options.config, options.corpus)
    progress.phase("reading and profiling", None)
    feed = ((a, run.known.get(a.id)) for a in run.articles(paths))
    for results in execution.map(pass_one, shared, _batches(feed, options.batch_size), lost):
        for result in results:
            run.profiled(result)
        progress.advance(len(results))
    groups: dict[str, list[str]] = defaultdict(list)
    for aid, gid in group(run.sketches, options.grouping).items():
        groups[gid].append(aid)
    consensus = options.corpus.from_facts(run.facts) if options.corpus is not None else None
    todo = sum(1 for aid in run.sketches if aid not in run.writer.written)
    progress.phase("comparing and checking", todo)
    shared = Shared(options.config, None, consensus)
    tasks = _batches(run.tasks(groups), options.batch_size)
    for rows in execution.map(pass_two, shared, tasks, lost):
        for row in rows:
            run.finished(row)
        progress.advance(len(rows))


def scan(paths: Iterable[str], *, options: ScanOptions | None = None) -> ScanSummary:
    """Scan articles in bulk: group the versions of each story, choose the cleanest as the
    source, compare the others with it, and write one JSON line per article to
    ``options.output`` as each is done. With ``resume``, articles already in the output are
    not done again."""
    options = options or ScanOptions()
    began = time.perf_counter()
    output = Path(options.output) if options.output is not None else None
    if options.resume and output is None:
        raise ConfigError("--resume", "needs the output file to resume (-o FILE)")
    summary = ScanSummary()
    known: dict[str, float] = {}
    written = _resume(output, summary, known) if options.resume and output else set()
    try:
        writer = RowWriter(output, append=options.resume, written=written)
    except OSError as exc:
        raise ConfigError(str(output), f"cannot write the output: {exc.strerror or exc}") from None
    execution = backend(options.jobs, options.dask)
    run = _Run(options, writer, summary, known=known)
    try:
        with Progress(options.progress) as progress:
            _passes(run, execution, paths, progress)
    finally:
        writer.close()
        run.store.close()
        execution.close()
    summary.seconds = time.perf_counter() - began
    return summary
