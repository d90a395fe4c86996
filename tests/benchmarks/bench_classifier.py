"""Benchmark: the sentence classifier on what it was never trained on.

Prints, from ../shared/data:
  tortured  held-out tortured phrases (rules/knowledge/tortured-phrases-heldout.tsv, fold 0,
            unknown to GC201) put into clean Wikipedia sentences that use the expected phrase:
            compare mode (source = the clean sentence) and reference-free, copy and clean twin;
  bbc       share of BBC dev sentences flagged by the whole tool and by the classifier alone,
            and the classifier's cost per sentence.

    python tests/benchmarks/bench_classifier.py [--data ../shared/data] [--pairs N] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

from garblecheck.ingest import document_from_text
from garblecheck.pipeline import Pipeline
from garblecheck.training.evaluate import judge, scorer

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "rules" / "knowledge" / "tortured-phrases-heldout.tsv"


def heldout_pairs() -> list[tuple[str, str]]:
    rows = []
    for line in HELDOUT.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#") and "\t" in line:
            tortured, expected = line.split("\t")[:2]
            if tortured != "tortured":
                rows.append((tortured, expected))
    return rows


def twins(data: Path, pairs: list[tuple[str, str]], max_lines: int) -> list[tuple[str, str]]:
    """(clean sentence, copy with the tortured phrase) for each pair whose expected phrase a
    Wikipedia sentence of 8-40 words uses (first such sentence)."""
    wanted = {expected.lower(): tortured for tortured, expected in pairs}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(wanted, key=len,
                                                                   reverse=True))) + r")\b")
    found: dict[str, tuple[str, str]] = {}
    with gzip.open(data / "corpus" / "wiki_en2015.sent.txt.gz", "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= max_lines or len(found) == len(wanted):
                break
            m = pattern.search(line)
            if m is None or m.group(1) in found or not 8 <= len(line.split()) <= 40:
                continue
            clean = line.strip()
            copy = clean[: m.start()] + wanted[m.group(1)] + clean[m.end() :]
            found[m.group(1)] = (clean, copy)
    return list(found.values())


def tortured(data: Path, n_pairs: int, max_lines: int) -> None:
    parts = scorer()
    pairs = twins(data, heldout_pairs()[:n_pairs], max_lines)
    tally = {k: 0 for k in ("cmp_tool", "cmp_clf", "free_tool", "free_clf", "twin_tool",
                            "twin_clf")}
    for clean, copy in pairs:
        for key, doc, source in (("cmp", copy, clean), ("free", copy, None),
                                 ("twin", clean, None)):
            scored, flagged = judge(document_from_text(doc),
                                    document_from_text(source) if source else None, parts)
            tally[f"{key}_tool"] += bool(flagged)
            tally[f"{key}_clf"] += any(s.probability >= s.model.threshold for s in scored)
    n = max(len(pairs), 1)
    print(f"held-out tortured phrases in Wikipedia sentences: {len(pairs)} pairs")
    for key, what in (("cmp", "compare mode, copy"), ("free", "reference-free, copy"),
                      ("twin", "reference-free, clean twin")):
        print(f"  {what:28s} flagged: whole tool {100 * tally[key + '_tool'] / n:5.1f}%  "
              f"classifier {100 * tally[key + '_clf'] / n:5.1f}%")


def bbc(data: Path, limit: int | None) -> None:
    pipeline = Pipeline.from_config()
    with open(data / "news" / "bbc-2005-dev.jsonl", encoding="utf-8") as fh:
        rows = [r for r in map(json.loads, fh) if not r.get("duplicate_of")][:limit]
    for row in rows[:10]:  # warm up: load the packs and the model
        pipeline.run(document_from_text(row["text"]))
    pipeline.stats.clear()
    sentences = tool = clf = 0
    for row in rows:
        report = pipeline.run(document_from_text(row["text"]))
        sentences += len(report.sentences)
        tool += len(report.flagged)
        clf += len({f.sentence for f in report.findings if f.origin == "classifier"})
    seconds = pipeline.stats["classifier"].seconds
    print(f"BBC dev: {len(rows)} articles, {sentences} sentences: whole tool flags "
          f"{100 * tool / sentences:.2f}%, classifier alone {100 * clf / sentences:.2f}%")
    print(f"  classifier: {1000 * seconds / sentences:.3f} ms per sentence")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--pairs", type=int, default=800, help="held-out pairs to try")
    ap.add_argument("--lines", type=int, default=3_000_000, help="Wikipedia lines to scan")
    ap.add_argument("--limit", type=int, default=None, help="only the first N BBC articles")
    a = ap.parse_args()
    tortured(a.data, a.pairs, a.lines)
    bbc(a.data, a.limit)


if __name__ == "__main__":
    main()
