"""Composes the stages: segment, work out date and locale, align, run analysers, decide.

Analysers are independent and side-effect free; the pipeline times and counts them once, and
turns an analyser's crash into an error for that one document, so a batch goes on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from garblecheck.analyser import Analyser, Context
from garblecheck.classify.analyser import ClassifierAnalyser
from garblecheck.comparison.align import align
from garblecheck.comparison.differences import CompareAnalyser
from garblecheck.config import Config
from garblecheck.dates import find_date
from garblecheck.decide import decide
from garblecheck.errors import GarblecheckError
from garblecheck.grammar import GrammarAnalyser, build_engines
from garblecheck.knowledge.spelling import infer_locale
from garblecheck.metrics import measure
from garblecheck.model import Document, Finding
from garblecheck.result import DocumentReport
from garblecheck.rules.engine import RuleAnalyser
from garblecheck.rules.loader import build_kinds, load_rules
from garblecheck.segment import segment


@dataclass
class StageStats:
    """Time spent and findings produced by one analyser over a run."""

    seconds: float = 0.0
    documents: int = 0
    findings: int = 0


@dataclass
class Pipeline:
    """A configured set of analysers, built once and reused for every document of a run."""

    config: Config = field(default_factory=Config)
    analysers: list[Analyser] = field(default_factory=list)
    stats: dict[str, StageStats] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: Config | None = None, *, classifier: bool = True) -> Pipeline:
        """Load the shipped rule packs (plus the configured ones) and build every analyser
        (the classifier left out with ``classifier=False``: training computes its features
        from the findings of the others)."""
        config = config or Config()
        specs = load_rules([*config.rule_paths] if config.rule_paths else None)
        compare_specs = {s.code: s for s in specs if s.kind == "compare"}
        kinds = build_kinds(specs)
        analysers: list[Analyser] = [RuleAnalyser(kinds, config), CompareAnalyser(compare_specs)]
        engines = build_engines(
            harper=config.grammar,
            languagetool_url=config.languagetool_url,
            timeout=config.languagetool_timeout,
        )
        if engines:
            analysers.append(GrammarAnalyser(kinds, engines, config))
        if classifier:
            classifier_specs = {s.code: s for s in specs if s.kind == "classifier"}
            analysers.append(ClassifierAnalyser(classifier_specs, config))
        return cls(config=config, analysers=analysers)

    def prepare(self, doc: Document) -> Document:
        """Segment a document and find the date it states, if it states one (once: a source
        shared by many copies is prepared the first time only)."""
        if doc.seg.blocks:
            return doc
        doc.seg = segment(doc.text)
        if doc.meta.date is None:
            found = find_date(doc.text, doc.seg)
            if found is not None:
                doc.meta.date, doc.meta.date_origin = found, "text"
        elif doc.meta.date_origin is None:
            doc.meta.date_origin = "metadata"
        return doc

    def context(self, doc: Document, source: Document | None) -> Context:
        """The facts every analyser shares: date, locale and, with a source, the alignment."""
        date = doc.meta.date or self.config.date
        if doc.meta.date is None and date is not None:
            doc.meta.date_origin = "option"
        locale = self.config.locale or doc.meta.locale or infer_locale(doc.text)
        alignment = align(doc, source) if source is not None else []
        return Context(
            doc=doc, config=self.config, source=source, date=date, locale=locale,
            alignment=alignment,
        )

    def run(self, doc: Document, source: Document | None = None) -> DocumentReport:
        """Check one document, against a source when one is given."""
        self.prepare(doc)
        if source is not None:
            self.prepare(source)
        ctx = self.context(doc, source)
        findings: list[Finding] = []
        # analysers that read the others' findings run after all of them
        for analyser in sorted(self.analysers, key=lambda a: a.needs_findings):
            if analyser.needs_source and source is None:
                continue
            if analyser.needs_findings:
                ctx.earlier = list(findings)
            findings.extend(self._run_one(analyser, ctx))
        decision = decide(doc, findings, ctx.alignment, self.config, ctx.probabilities)
        readability = measure(doc) if self.config.metrics else None
        return DocumentReport(
            doc=doc, decision=decision, source=source, date=ctx.date, locale=ctx.locale,
            metrics=readability.document if readability else {},
            sentence_metrics=readability.sentences if readability else [],
        )

    def _run_one(self, analyser: Analyser, ctx: Context) -> list[Finding]:
        stats = self.stats.setdefault(analyser.name, StageStats())
        began = time.perf_counter()
        try:
            found = analyser.analyse(ctx)
        except GarblecheckError:
            raise
        except Exception as exc:  # an analyser bug must not take down a whole batch
            raise GarblecheckError(
                ctx.doc.path, f"internal error in the {analyser.name} analyser: {exc!r}"
            ) from exc
        finally:
            stats.seconds += time.perf_counter() - began
            stats.documents += 1
        stats.findings += len(found)
        return found
