"""Benchmark: how well the fluency features and GC202 separate garbled from clean sentences.

Prints, from ../shared/data, the AUROC of every feature of ``garblecheck.fluency`` (oriented so
that 1.0 means "higher on the garbled side") on four tests, with sentence length as a baseline:
  mqm      WMT 2020 zh-en hypotheses with a major accuracy error vs error-free ones and references
  jfleg    learner sentences vs their first correction
  tortured held-out tortured phrases vs the phrases they replaced (scored alone)
  spun     BBC sentences vs the same with one content word swapped for a WordNet synonym
then the share of sentences GC202 flags on BBC, spun BBC and the seed, and the speed.

    python tests/benchmarks/bench_fluency.py [--data ../shared/data] [--limit N]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

from common import DATA, ROOT, bbc_sentences, jsonl, seed_label
from sklearn.metrics import roc_auc_score

from garblecheck.analyser import Context
from garblecheck.config import Config
from garblecheck.fluency import FEATURES, sentence_features
from garblecheck.knowledge.phrases import phrase_table, token_spans
from garblecheck.model import Document
from garblecheck.rules.kinds.collocation import OddCollocation
from garblecheck.rules.loader import load_rules
from garblecheck.segment import segment

# features where a lower value means a worse sentence
LOWER_IS_WORSE = {"logprob_mean", "logprob_min", "assoc_mean", "assoc_min", "window_pmi_min"}
Pairs = tuple[list[str], list[str]]  # garbled, clean




def mqm(data: Path) -> Pairs:
    garbled, clean = [], set()
    for row in jsonl(data / "mqm" / "newstest2020-zhen.jsonl"):
        if row["has_major_accuracy"]:
            garbled.append(str(row["hyp"]))
        elif not row["errors"]:
            clean.add(str(row["hyp"]))
        clean.add(str(row["ref"]))
    return garbled, sorted(clean)


def jfleg(data: Path) -> Pairs:
    rows = list(jsonl(data / "jfleg" / "jfleg-dev.jsonl"))
    return [str(r["src"]) for r in rows], [str(r["refs"][0]) for r in rows]  # type: ignore[index]


def tortured() -> Pairs:
    path = ROOT / "rules" / "knowledge" / "tortured-phrases-heldout.tsv"
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if len(r) >= 2 and not r[0].startswith("#") and r[0] != "tortured"]
    return [r[0] for r in rows], [r[1].split(" / ")[0] for r in rows]




def spin(sentence: str, rng: random.Random) -> str | None:
    """The sentence with one lower-case content word swapped for a random WordNet synonym
    (the phrase table's synonym lists come from garblecheck.knowledge.lexicon), or None."""
    table = phrase_table()
    spans = [
        (start, end, table.ids.get(key, 0))
        for key, start, end in token_spans(sentence)
        if sentence[start].islower()
    ]
    candidates = [
        (s, e, i) for s, e, i in spans if i and table.content[i] and len(table.synonyms(i))
    ]
    if not candidates:
        return None
    start, end, word = rng.choice(candidates)
    synonym = table.words[int(rng.choice(table.synonyms(word).tolist()))]
    return sentence[:start] + synonym + sentence[end:]


def spun_pairs(bbc: list[str], seed: int = 0) -> Pairs:
    rng = random.Random(seed)
    garbled, clean = [], []
    for sentence in bbc:
        changed = spin(sentence, rng)
        if changed is not None:
            garbled.append(changed)
            clean.append(sentence)
    return garbled, clean


def auroc(garbled: list[float], clean: list[float]) -> float:
    return float(roc_auc_score([1] * len(garbled) + [0] * len(clean), garbled + clean))


def feature_table(tests: dict[str, Pairs]) -> None:
    scores: dict[str, dict[str, float]] = {}
    for name, (garbled, clean) in tests.items():
        fg = [sentence_features(s) for s in garbled]
        fc = [sentence_features(s) for s in clean]
        row = {"length": auroc([len(token_spans(s)) for s in garbled],
                               [len(token_spans(s)) for s in clean])}  # fmt: skip
        for f in FEATURES:
            sign = -1.0 if f in LOWER_IS_WORSE else 1.0
            row[f] = auroc([sign * x[f] for x in fg], [sign * x[f] for x in fc])
        scores[name] = row
        print(f"{name}: {len(garbled)} garbled, {len(clean)} clean")
    names = list(tests)
    print(f"\n{'AUROC':16}" + "".join(f"{n:>10}" for n in names))
    for f in ("length", *FEATURES):
        print(f"{f:16}" + "".join(f"{scores[n][f]:10.3f}" for n in names))


def collocation_rule() -> OddCollocation:
    spec = next(r for r in load_rules() if r.code == "GC202")
    return OddCollocation(spec)


def flagged(rule: OddCollocation, text: str) -> list[str]:
    """The sentences of ``text`` that GC202 flags."""
    doc = Document(text=text, seg=segment(text))
    found = rule.check(Context(doc=doc, config=Config()))
    hit = sorted({f.sentence for f in found if f.sentence is not None})
    return [doc.seg.sentences[i].text for i in hit]


def rate(rule: OddCollocation, sentences: list[str]) -> tuple[float, list[str]]:
    hits = [s for s in sentences if flagged(rule, s)]
    return len(hits) / max(len(sentences), 1), hits


def seed_report(rule: OddCollocation) -> None:
    spun = (ROOT / "fixtures" / "wallace-2022-spun.txt").read_text(encoding="utf-8")
    for sentence in flagged(rule, spun):
        print(f"  seed flagged [{seed_label(sentence)}]: {sentence[:110]}")


def timed(fn: Callable[[str], object], sentences: list[str]) -> float:
    fn(sentences[0])
    started = time.perf_counter()
    for s in sentences:
        fn(s)
    return (time.perf_counter() - started) / len(sentences) * 1e3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=None, help="BBC sentences to use")
    args = ap.parse_args()
    started = time.perf_counter()
    phrase_table()
    print(f"phrase table loaded in {(time.perf_counter() - started) * 1e3:.0f} ms")
    bbc = bbc_sentences(args.data, args.limit)
    spun = spun_pairs(bbc)
    tests = {"mqm": mqm(args.data), "jfleg": jfleg(args.data), "tortured": tortured(),
             "spun": spun}  # fmt: skip
    feature_table(tests)

    rule = collocation_rule()
    bbc_rate, bbc_hits = rate(rule, bbc)
    spun_rate, _ = rate(rule, spun[0])
    print(f"\nGC202 flags {bbc_rate:.2%} of {len(bbc)} BBC sentences, "
          f"{spun_rate:.2%} of {len(spun[0])} spun ones")  # fmt: skip
    for sentence in bbc_hits[:15]:
        print(f"  BBC flagged: {sentence[:110]}")
    seed_report(rule)
    print(f"\nsentence_features: {timed(sentence_features, bbc[:3000]):.3f} ms per sentence; "
          f"GC202: {timed(lambda s: flagged(rule, s), bbc[:3000]):.3f} ms per sentence "
          "(segmentation included)")  # fmt: skip


if __name__ == "__main__":
    main()
