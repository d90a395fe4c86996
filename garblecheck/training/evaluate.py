"""Figures of the sentence classifier: on validation documents after training, and of the
shipped model on a gold YAML file or an MQM-style JSONL file (``garblecheck evaluate``).

Every MQM figure is printed beside the length-only and chrF baselines of the same rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import yaml

from garblecheck.classify.analyser import ClassifierAnalyser, Scored, primary
from garblecheck.classify.model import REFERENCE_FREE, WITH_SOURCE
from garblecheck.config import Config
from garblecheck.errors import InputError, yaml_problem
from garblecheck.ingest import document_from_text
from garblecheck.model import Document
from garblecheck.pipeline import Pipeline
from garblecheck.rules.loader import load_rules
from garblecheck.training.datasets import VALIDATION, jsonl_rows
from garblecheck.training.metrics import (
    at_threshold,
    auroc,
    baseline_aurocs,
    calibration_error,
    reliability,
)

if TYPE_CHECKING:
    from garblecheck.training.train import Fitted, Table


def _reliability_lines(labels: Sequence[int], probs: Sequence[float]) -> list[str]:
    table = reliability(labels, probs)
    lines = ["  bin          n  predicted  observed"]
    lines += [f"  {b.low:.1f}-{b.high:.1f}  {b.count:6d}  {b.predicted:9.3f}  {b.observed:8.3f}"
              for b in table]
    lines.append(f"  expected calibration error {calibration_error(table):.3f}")
    return lines


def _auc(labels: npt.NDArray[Any], probs: npt.NDArray[Any], rows: npt.NDArray[Any]) -> float:
    return auroc(labels[rows].tolist(), probs[rows].tolist())


def validation_report(table: Table, fitted: Sequence[Fitted], mqm_only: Fitted) -> str:
    """The figures of a training run, all on validation documents."""
    ex = table.examples
    val = np.array([e.split == VALIDATION for e in ex])
    y = np.array([e.label for e in ex])
    origin = np.array([e.origin for e in ex])
    models = {f.name: f for f in fitted}
    free, src = models[REFERENCE_FREE], models[WITH_SOURCE]
    hyp = val & (origin == "mqm-hyp")
    rows = [ex[i] for i in np.flatnonzero(hyp)]
    base = baseline_aurocs([e.label for e in rows], [e.text for e in rows],
                           [e.source for e in rows])
    lines = [
        f"MQM newstest2020 validation hypotheses: {hyp.sum()} ({y[hyp].sum()} with a Major "
        "accuracy error)",
        f"  reference-free AUROC {_auc(y, free.probs, hyp):.3f}   with source AUROC "
        f"{_auc(y, src.probs, hyp):.3f}",
        f"  baselines: length {base['length']:.3f}   chrF {base['chrF']:.3f}",
    ]
    for f in fitted:
        threshold = float(f.exported["threshold"])
        lines.append(f"{f.name}: threshold {threshold:.3f}")
        for name in ("bbc", "spun", "jfleg-src", "mqm-ref", "spun-untouched"):
            sel = val & (origin == name) & f.rows
            if sel.any():
                share = float((f.probs[sel] >= threshold).mean())
                lines.append(f"  {name:15s} flagged {100 * share:5.1f}% of {sel.sum()}")
        at = at_threshold(y[hyp].tolist(), f.probs[hyp].tolist(), threshold)
        lines.append(f"  MQM hypotheses: precision {at.precision:.3f} recall {at.recall:.3f} "
                     f"F1 {at.f1:.3f}")
        sel = val & f.fitted_on
        lines.append(f"  reliability on {sel.sum()} validation rows of the kinds it learns from:")
        lines += _reliability_lines(y[sel].tolist(), f.probs[sel].tolist())
    spun_vs_bbc = val & np.isin(origin, ("spun", "bbc"))
    jfleg = val & np.isin(origin, ("jfleg-src", "jfleg-ref"))
    for label, f in (("full reference-free model", free), ("model trained on MQM only", mqm_only)):
        lines.append(
            f"{label}: spun vs BBC AUROC {_auc(y, f.probs, spun_vs_bbc):.3f}, "
            f"JFLEG AUROC {_auc(y, f.probs, jfleg):.3f}"
        )
    return "\n".join(lines)


# ------------------------------------------------------------- the shipped model on new files


@dataclass(frozen=True)
class Judged:
    """One labelled sentence: its probability and whether the whole tool flags it."""

    label: int
    probability: float
    threshold: float
    flagged: bool
    text: str
    reference: str | None = None  # an MQM row's reference, for the chrF baseline


def scorer(pipeline: Pipeline | None = None, *, meaning: bool = False
           ) -> tuple[Pipeline, ClassifierAnalyser]:
    """The pipeline without the classifier, and the classifier with the shipped rules (and,
    with ``meaning``, the meaning model for sentences with a source)."""
    specs = {s.code: s for s in load_rules() if s.kind == "classifier"}
    return (pipeline or Pipeline.from_config(Config(), classifier=False),
            ClassifierAnalyser(specs, Config(meaning=meaning)))


def judge(doc: Document, source: Document | None,
          parts: tuple[Pipeline, ClassifierAnalyser]) -> tuple[list[Scored], set[int]]:
    """Classifier scores of every sentence of ``doc``, and the sentences the whole tool flags
    (rules, compare and classifier together)."""
    pipeline, classifier = parts
    report = pipeline.run(doc, source)
    ctx = pipeline.context(doc, source)
    ctx.earlier = list(report.findings)
    scored = classifier.score(ctx)
    flagged = {d.sentence.index for d in report.flagged}
    flagged |= {s.sentence.index for s in scored if s.probability >= s.model.threshold}
    return scored, flagged


def _gold_items(path: Path) -> tuple[str, str, list[dict[str, Any]]]:
    """The copy's text, the source's text and the labelled items of a gold YAML file (paths in
    it are relative to the folder above the file's, as in ``../shared/gold``)."""
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise InputError(str(path), yaml_problem(exc)) from None
    root = path.resolve().parent.parent
    try:
        copy_text = (root / gold["copy"]).read_text(encoding="utf-8")
        source_text = (root / gold["source"]).read_text(encoding="utf-8")
        items = [i for i in gold["items"] if isinstance(i["anchor"], str) and i["label"]]
    except (KeyError, TypeError, OSError, UnicodeDecodeError) as exc:
        raise InputError(
            str(path), f"not a gold file with readable copy, source and items ({exc})"
        ) from None
    return copy_text, source_text, items


def _gold(path: Path, mode: str, parts: tuple[Pipeline, ClassifierAnalyser]
          ) -> Iterator[Judged]:
    copy_text, source_text, items = _gold_items(path)
    doc = document_from_text(copy_text, str(path))
    source = document_from_text(source_text) if mode == "compare" else None
    scored, flagged = judge(doc, source, parts)
    for item in items:
        if item["label"] not in ("garbled", "clean"):
            continue
        start = copy_text.find(item["anchor"])
        end = start + len(item["anchor"])
        mine = [s for s in primary(scored) if s.sentence.start < end and s.sentence.end > start]
        if start < 0 or not mine:
            raise InputError(str(path), f"anchor not found in the copy: {item['anchor']!r}")
        best = max(mine, key=lambda s: s.probability)
        yield Judged(int(item["label"] == "garbled"), best.probability, best.model.threshold,
                     any(s.sentence.index in flagged for s in mine), item["anchor"])


def _machine_rows(path: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    """The first ``limit`` machine hypotheses of an MQM-style JSONL file (human translations
    are left out)."""
    rows = jsonl_rows(path, ("hyp", "ref", "has_major_accuracy"))
    return islice((row for row in rows if not row.get("is_human_translation")), limit)


def _mqm(path: Path, mode: str, limit: int | None, parts: tuple[Pipeline, ClassifierAnalyser]
         ) -> Iterator[Judged | None]:
    """Each machine hypothesis judged; None for one read as a headline rather than a sentence
    (no closing stop, few words): the classifier scores prose sentences only."""
    for row in _machine_rows(path, limit):
        source = document_from_text(row["ref"]) if mode == "compare" else None
        scored, flagged = judge(document_from_text(row["hyp"]), source, parts)
        if not scored:
            yield None
            continue
        best = max(primary(scored), key=lambda s: s.probability)
        yield Judged(int(bool(row["has_major_accuracy"])), best.probability,
                     best.model.threshold, bool(flagged), row["hyp"], row["ref"])


def evaluate(path: Path, *, mode: str = "check", limit: int | None = None,
             meaning: bool = False) -> str:
    """Precision, recall, F1 and AUROC of the shipped classifier on a gold YAML file (every
    garbled or clean item) or an MQM-style JSONL file (machine hypotheses; garbled = a Major
    accuracy error; in compare mode the reference is the source), with the baselines; with
    ``meaning``, the meaning model judges the sentences that have a source."""
    is_gold = path.suffix in (".yaml", ".yml")
    parts = scorer(meaning=meaning)
    rows = list(_gold(path, mode, parts) if is_gold else _mqm(path, mode, limit, parts))
    judged = [j for j in rows if j is not None]
    if not judged:
        raise InputError(str(path), "no labelled sentences")
    labels = [j.label for j in judged]
    probs = [j.probability for j in judged]
    own = [j.probability >= j.threshold for j in judged]
    lines = [f"{path.name} ({mode}): {len(judged)} sentences, {sum(labels)} garbled"]
    if skipped := len(rows) - len(judged):
        lines.append(f"  {skipped} rows skipped: read as headlines, no sentence to score")
    if 0 < sum(labels) < len(labels):
        lines.append(f"  classifier AUROC {auroc(labels, probs):.3f}")
    for name, flags in (("classifier", own), ("whole tool", [j.flagged for j in judged])):
        tp = sum(f and y for f, y in zip(flags, labels, strict=True))
        fp = sum(f and not y for f, y in zip(flags, labels, strict=True))
        precision, recall = tp / max(tp + fp, 1), tp / max(sum(labels), 1)
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        lines.append(f"  {name:10s}: recall {tp}/{sum(labels)} = {recall:.3f}, false "
                     f"positives {fp}, precision {precision:.3f}, F1 {f1:.3f}")
    if not is_gold and 0 < sum(labels) < len(labels):
        base = baseline_aurocs(labels, [j.text for j in judged], [j.reference for j in judged])
        lines.append(f"  baselines: length AUROC {base['length']:.3f}, chrF AUROC "
                     f"{base['chrF']:.3f}")
    return "\n".join(lines)
