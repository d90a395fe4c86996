"""Benchmark: GC203 odd-argument and the argument features on clean, spun and MT text.

Prints, from ../shared/data: the share of BBC sentences GC203 flags (and examples), the share of
spun BBC sentences it flags (one or more thesaurus swaps by garblecheck.training.spinner), the
AUROC of the strongest odd argument's evidence for spun vs clean BBC and for MQM hypotheses
with a major accuracy error vs clean ones, the seed sentences it flags with their gold labels,
and the speed.

    python tests/benchmarks/bench_preferences.py [--data ../shared/data] [--limit N]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from common import DATA, ROOT, bbc_sentences, jsonl, seed_label
from sklearn.metrics import roc_auc_score

from garblecheck.analyser import Context
from garblecheck.config import Config
from garblecheck.knowledge.preferences import argument_features, odd_arguments, preferences
from garblecheck.model import Document
from garblecheck.rules.kinds.preference import OddArgumentKind
from garblecheck.rules.loader import parse_rule
from garblecheck.segment import segment
from garblecheck.training.spinner import spin

FEATURE = "argument_odd_max"






def spun(bbc: list[str], seed: int = 0) -> tuple[list[str], list[str]]:
    """Spun copies (thesaurus swaps only) of the sentences that have a swappable word."""
    garbled, clean = [], []
    for i, sentence in enumerate(bbc):
        copy = spin(sentence, random.Random(seed + i), kinds=("synonym",), at_least_one=True)
        if copy.edits:
            garbled.append(copy.text)
            clean.append(sentence)
    return garbled, clean


def mqm(data: Path) -> tuple[list[str], list[str]]:
    garbled, clean = [], set()
    for row in jsonl(data / "mqm" / "newstest2020-zhen.jsonl"):
        if row["has_major_accuracy"]:
            garbled.append(str(row["hyp"]))
        elif not row["errors"]:
            clean.add(str(row["hyp"]))
    return garbled, sorted(clean)


def auroc(garbled: list[str], clean: list[str]) -> float:
    scores = [argument_features(s)[FEATURE] for s in garbled + clean]
    return float(roc_auc_score([1] * len(garbled) + [0] * len(clean), scores))


def rule() -> OddArgumentKind:
    return OddArgumentKind(parse_rule(ROOT / "rules" / "tortured" / "GC203-odd-argument.yaml"))


def flagged(kind: OddArgumentKind, text: str) -> list[tuple[str, str]]:
    """(sentence, message) of each GC203 finding in ``text``."""
    doc = Document(text=text, seg=segment(text))
    out = []
    for f in kind.check(Context(doc=doc, config=Config())):
        sentence = doc.seg.sentences[f.sentence].text if f.sentence is not None else ""
        out.append((sentence, f.message))
    return out


def seed_report(kind: OddArgumentKind) -> None:
    text = (ROOT / "fixtures" / "wallace-2022-spun.txt").read_text(encoding="utf-8")
    for sentence, message in flagged(kind, text):
        print(f"  seed flagged [{seed_label(sentence)}]: {message}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=None, help="BBC sentences to use")
    args = ap.parse_args()
    started = time.perf_counter()
    preferences()
    print(f"preference table loaded in {(time.perf_counter() - started) * 1e3:.0f} ms")
    kind = rule()
    bbc = bbc_sentences(args.data, args.limit)
    started = time.perf_counter()
    for s in bbc:
        odd_arguments(s)
    per = (time.perf_counter() - started) / len(bbc) * 1e3
    bbc_hits = [h for s in bbc for h in flagged(kind, s)]
    print(f"GC203 flags {len(bbc_hits) / len(bbc):.2%} of {len(bbc)} BBC sentences")
    for _, message in bbc_hits[:25]:
        print(f"  BBC: {message}")
    garbled, clean = spun(bbc)
    spun_hits = [h for s in garbled for h in flagged(kind, s)]
    print(f"GC203 flags {len(spun_hits) / len(garbled):.2%} of {len(garbled)} spun BBC sentences")
    for _, message in spun_hits[:15]:
        print(f"  spun: {message}")
    print(f"AUROC {FEATURE}: spun vs clean BBC {auroc(garbled, clean):.3f}; "
          f"MQM major accuracy vs clean {auroc(*mqm(args.data)):.3f}")  # fmt: skip
    seed_report(kind)
    print(f"odd_arguments: {per:.3f} ms per sentence (uncached)")


if __name__ == "__main__":
    main()
