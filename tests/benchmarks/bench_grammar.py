"""Benchmark: the grammar engines as a signal, and what they cost.

Prints, from ../shared/data:
  speed  the grammar analyser's sentences per second against the whole pipeline without
         grammar, timed on the same documents in the same run (the machine's load cancels
         out of the ratio), and the whole pipeline's rate with grammar this implies unloaded;
         measured first, each round on documents not seen before (Harper keeps the chunks it
         has parsed, so a text linted twice costs a tenth of its first time)
  jfleg  AUROC of the sentence score (each text checked as a document of its own), learner
         sentences vs their first correction (both detokenised: JFLEG splits off punctuation
         and clitics, which Harper would flag on both sides), with the share of each side
         holding each code: from the grammar findings alone (Harper), and with --full from the
         whole pipeline with and without Harper. The classifier trains on JFLEG dev except the
         validation split of ``datasets.split_of``, so the whole pipeline's figure over all
         pairs is partly in-sample: the held-out pairs' AUROC is printed beside it
  bbc    share of clean BBC news sentences holding a grammar finding of each code, and at
         warning or above (a sentence is flagged at warning; the tool must stay under 1%)

    python tests/benchmarks/bench_grammar.py [--data ../shared/data] [--limit N] [--full]
                                            [--rounds N]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from common import DATA, jsonl
from sklearn.metrics import roc_auc_score

from garblecheck.build.harper_rules import detokenise
from garblecheck.config import Config
from garblecheck.grammar import GrammarAnalyser, HarperEngine
from garblecheck.model import Document
from garblecheck.packs import packs_dir
from garblecheck.pipeline import Pipeline
from garblecheck.rules.loader import build_kinds, load_rules
from garblecheck.training.datasets import VALIDATION, split_of

# the whole pipeline without grammar, unloaded, on one core (measured on a quiet machine)
BASELINE_RATE = 2800.0


def rows(path: Path, limit: int | None) -> Iterator[dict[str, object]]:
    return islice(jsonl(path), limit)


def grammar_pipeline(config: Config, *, full: bool) -> Pipeline:
    """Harper alone, or the whole pipeline as configured."""
    if full:
        return Pipeline.from_config(config)
    kinds = build_kinds(load_rules([packs_dir() / "grammar"], packs=False))
    return Pipeline(config, [GrammarAnalyser(kinds, [HarperEngine()], config)])


def sentence_score(pipeline: Pipeline, text: str) -> tuple[float, set[str]]:
    """The highest sentence score of a short text, and the codes found in it (all of them,
    or the grammar engine's alone)."""
    report = pipeline.run(Document(text))
    score = max((s.score for s in report.sentences), default=0.0)
    return score, {f.rule for f in report.findings}


def bench_jfleg(data: Path, limit: int | None, *, full: bool, grammar: bool = True) -> None:
    pipeline = grammar_pipeline(Config(grammar=grammar), full=full)
    scores: list[float] = []
    labels: list[int] = []
    held_out: list[bool] = []
    codes: dict[int, Counter[str]] = {1: Counter(), 0: Counter()}
    for row in rows(data / "jfleg" / "jfleg-dev.jsonl", limit):
        refs = row["refs"]
        assert isinstance(refs, list)
        validation = split_of(f"jfleg-{row['id']}") == VALIDATION
        for label, text in ((1, str(row["src"])), (0, str(refs[0]))):
            score, found = sentence_score(pipeline, detokenise(text))
            scores.append(score)
            labels.append(label)
            held_out.append(validation)
            codes[label].update(found)
    n = len(labels) // 2
    which = f"whole pipeline {'with' if grammar else 'without'} Harper" if full else (
        "grammar findings (Harper)")
    kept = [i for i, v in enumerate(held_out) if v]
    held = roc_auc_score([labels[i] for i in kept], [scores[i] for i in kept]) if kept else 0.0
    print(f"jfleg  {n} pairs  AUROC of the sentence score, {which}: "
          f"{roc_auc_score(labels, scores):.3f}  (classifier's held-out {len(kept) // 2} pairs: "
          f"{held:.3f})")  # fmt: skip
    for code in sorted(codes[1] | codes[0]):
        print(f"  {code}  learner {codes[1][code] / n:6.1%}  corrected {codes[0][code] / n:6.1%}")


def bench_bbc(data: Path, limit: int | None) -> None:
    pipeline = grammar_pipeline(Config(), full=False)
    sentences = 0
    per_code: Counter[str] = Counter()
    flagged = 0
    for row in rows(data / "news" / "bbc-2005-dev.jsonl", limit):
        report = pipeline.run(Document(str(row["text"])))
        sentences += len(report.sentences)
        by_sentence: dict[int, set[str]] = {}
        for f in report.findings:
            if f.sentence is not None:
                by_sentence.setdefault(f.sentence, set()).add(f.rule)
        for found in by_sentence.values():
            per_code.update(found)
        flagged += sum(s.flagged for s in report.sentences)
    print(f"bbc    {sentences} sentences  flagged by grammar findings (warning+): "
          f"{flagged / sentences:.2%}")  # fmt: skip
    for code, count in sorted(per_code.items()):
        print(f"  {code}  {count:5d} sentences  {count / sentences:6.2%}")


def bench_speed(data: Path, limit: int | None, rounds: int) -> None:
    """The grammar analyser against the whole pipeline without it, on the same BBC documents
    in the same run (alternating document by document, so both see the same machine load),
    and the rate of the whole pipeline with grammar it implies unloaded. Each round takes its
    own share of the documents: Harper would answer a text it has parsed from its cache."""
    base = Pipeline.from_config(Config(grammar=False))
    grammar = grammar_pipeline(Config(), full=False)
    texts = [str(row["text"]) for row in rows(data / "news" / "bbc-2005-dev.jsonl", limit)]
    warm, texts = texts[:1], texts[1:]
    for doc in (Document(warm[0]), Document(warm[0])):  # load every knowledge file first
        base.run(doc)
        grammar.run(doc)
    share = len(texts) // rounds
    for i in range(rounds):
        base.stats.clear()
        grammar.stats.clear()
        sentences = 0
        base_seconds = 0.0
        for text in texts[i * share : (i + 1) * share]:
            began = time.perf_counter()
            report = base.run(Document(text))
            base_seconds += time.perf_counter() - began
            sentences += len(report.sentences)
            grammar.run(Document(text))
        harper = grammar.stats["grammar"].seconds
        ratio = base_seconds / (base_seconds + harper)
        print(f"speed  round {i + 1}: {sentences} sentences  pipeline without grammar "
              f"{sentences / base_seconds:.0f}/s  grammar analyser {sentences / harper:.0f}/s  "
              f"whole pipeline with grammar {sentences / (base_seconds + harper):.0f}/s "
              f"= {ratio:.0%} of the rate without; unloaded about "
              f"{BASELINE_RATE * ratio:.0f}/s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="rows of each file")
    parser.add_argument("--full", action="store_true",
                        help="also score with the whole pipeline, with and without Harper")
    parser.add_argument("--rounds", type=int, default=3, help="repeats of the speed measure")
    args = parser.parse_args()
    began = time.perf_counter()
    bench_speed(args.data, args.limit, args.rounds)  # first: before Harper has seen the texts
    bench_jfleg(args.data, args.limit, full=False)
    if args.full:
        bench_jfleg(args.data, args.limit, full=True, grammar=True)
        bench_jfleg(args.data, args.limit, full=True, grammar=False)
    bench_bbc(args.data, args.limit)
    print(f"total {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
