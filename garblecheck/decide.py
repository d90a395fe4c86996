"""From findings to decisions: sentence scores and flags, the document score and verdict.

Decisions are made once, after every analyser ran (tag first, decide later), so thresholds and
severity overrides can change without re-running anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from garblecheck.config import Config, Verdict
from garblecheck.model import AlignedSource, Document, Finding, Sentence, Severity

# How much a finding of each severity moves the score of its sentence.
_SEVERITY_WEIGHT = {Severity.ERROR: 1.0, Severity.WARNING: 0.8, Severity.INFO: 0.15}
# How much a probability an analyser did not report (``Context.probabilities``) moves the
# score: as much as an info finding of that confidence would.
_UNREPORTED_WEIGHT = _SEVERITY_WEIGHT[Severity.INFO]
# The document score combines its worst sentences; more than this many adds no evidence.
_TOP_SENTENCES = 3


@dataclass
class SentenceDecision:
    """A sentence with its score (0..1), whether it is flagged, and its aligned source."""

    sentence: Sentence
    score: float
    flagged: bool
    source: AlignedSource | None


@dataclass
class Decision:
    """Everything decided about one document."""

    findings: list[Finding]
    sentences: list[SentenceDecision]
    score: float
    verdict: Verdict
    probabilities: Mapping[int, float]  # the score channel it was decided with


def apply_config(findings: list[Finding], doc: Document, config: Config) -> list[Finding]:
    """Drop findings of rules that are switched off, apply per-rule severities, place each
    finding in its sentence, and sort them by position."""
    kept = []
    for f in findings:
        if not config.enabled(f.rule):
            continue
        if f.rule in config.severity:
            f = replace(f, severity=config.severity[f.rule])
        if f.sentence is None:
            f = replace(f, sentence=doc.seg.sentence_at(f.start))
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def _combine(scores: list[float]) -> float:
    """Noisy-or: independent pieces of evidence that something is wrong."""
    clean = 1.0
    for s in scores:
        clean *= 1.0 - max(0.0, min(1.0, s))
    return 1.0 - clean


def decide(
    doc: Document,
    findings: list[Finding],
    alignment: list[AlignedSource | None],
    config: Config,
    probabilities: Mapping[int, float] | None = None,
) -> Decision:
    """Score and flag every sentence, then score the document and give its verdict.
    ``probabilities`` (the score channel) raise the scores of sentences, never their flags."""
    unreported = probabilities or {}
    findings = apply_config(findings, doc, config)
    by_sentence: dict[int, list[Finding]] = {}
    for f in findings:
        if f.sentence is not None:
            by_sentence.setdefault(f.sentence, []).append(f)
    sentences = []
    for s in doc.seg.sentences:
        own = by_sentence.get(s.index, [])
        evidence = [f.confidence * _SEVERITY_WEIGHT[f.severity] for f in own]
        if s.index in unreported:
            evidence.append(unreported[s.index] * _UNREPORTED_WEIGHT)
        score = _combine(evidence)
        flagged = any(f.severity >= Severity.WARNING for f in own)
        source = alignment[s.index] if s.index < len(alignment) else None
        sentences.append(SentenceDecision(s, round(score, 4), flagged, source))
    worst = sorted((d.score for d in sentences if d.flagged), reverse=True)[:_TOP_SENTENCES]
    doc_score = round(_combine(worst), 4)
    n_flagged = sum(d.flagged for d in sentences)
    has_error = any(f.severity is Severity.ERROR for f in findings if f.sentence is not None)
    if doc_score >= config.thresholds.garbled_score and (has_error or n_flagged >= 2):
        verdict = Verdict.GARBLED
    elif n_flagged:
        verdict = Verdict.SUSPECT
    else:
        verdict = Verdict.CLEAN
    return Decision(findings, sentences, doc_score, verdict, unreported)
