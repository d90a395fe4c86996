"""What a run reports of its findings, decided once, after the analysers and the decision:
accepted terms and inline comments (``suppressed``), lines unchanged since a revision
(``unchanged``), findings a baseline already lists (``baseline``), and, with ``--fix``, the file
fixed and checked again. The CLI and the Python API both go through ``Filters``.

Dropping findings changes what is flagged, so the sentences and the verdict are decided again
from the findings that remain; offsets and everything else stay as the analysers left them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from garblecheck.baseline import Baseline
from garblecheck.changed import ChangedLines
from garblecheck.config import Config
from garblecheck.decide import decide
from garblecheck.fix import Say, fix_document
from garblecheck.inputs import read_file
from garblecheck.model import Document, Finding
from garblecheck.pipeline import Pipeline
from garblecheck.result import DocumentReport
from garblecheck.suppress import unsuppressed

Step = Callable[[Document, list[Finding]], list[Finding]]


def accepted(terms: list[str]) -> Step:
    """Drop findings whose text is one of the accepted terms (case and spacing aside)."""
    wanted = {t.casefold() for t in terms}

    def keep(doc: Document, findings: list[Finding]) -> list[Finding]:
        return [
            f for f in findings
            if " ".join(doc.text[f.start : f.end].split()).casefold() not in wanted
        ]

    return keep


def narrowed(
    report: DocumentReport, config: Config, steps: list[tuple[str, Step]]
) -> DocumentReport:
    """The report without the findings the steps drop, counted under each step's name, and
    with its sentences and verdict decided again when anything was dropped."""
    findings = report.findings
    dropped = dict(report.dropped)
    for name, step in steps:
        kept = step(report.doc, findings)
        if len(kept) != len(findings):
            dropped[name] = dropped.get(name, 0) + len(findings) - len(kept)
            findings = kept
    if findings is report.findings:
        return report if dropped == report.dropped else replace(report, dropped=dropped)
    alignment = [d.source for d in report.sentences]
    decision = decide(report.doc, findings, alignment, config, report.decision.probabilities)
    return replace(report, decision=decision, dropped=dropped)


@dataclass
class Filters:
    """The filters of a run. Comments and accepted terms always apply; the others when set."""

    changed: ChangedLines | None = None
    baseline: Baseline | None = None
    fix: Say | None = None  # with --fix: where to say what was applied and skipped

    def _steps(self, config: Config) -> list[tuple[str, Step]]:
        steps: list[tuple[str, Step]] = [
            ("suppressed", accepted(config.accepted_terms)),
            ("suppressed", lambda doc, found: unsuppressed(doc, found, config.max_bytes)),
        ]
        if self.changed is not None:
            steps.append(("unchanged", self.changed.keep))
        return steps

    def _baselined(self, report: DocumentReport, config: Config) -> DocumentReport:
        if self.baseline is None:
            return report
        return narrowed(report, config, [("baseline", self.baseline.new)])

    def apply(self, report: DocumentReport, config: Config) -> DocumentReport:
        """Suppression, changed lines, then the baseline (which so records, or absorbs, only
        findings that would otherwise be reported)."""
        return self._baselined(narrowed(report, config, self._steps(config)), config)

    def run(self, pipeline: Pipeline, doc: Document, source: Document | None) -> DocumentReport:
        """Check a document and filter its report; with ``fix``, fix the file first and report
        on the fixed file, checked again."""
        config = pipeline.config
        report = narrowed(pipeline.run(doc, source), config, self._steps(config))
        if self.fix is not None and (fixed := fix_document(doc, report.findings, self.fix)):
            assert doc.path is not None  # a document without a file is never fixed
            report = pipeline.run(read_file(doc.path, config.max_bytes), source)
            report = narrowed(report, config, self._steps(config))
            report = replace(report, dropped={**report.dropped, "fixed": fixed})
        return self._baselined(report, config)
