"""Benchmark: how quiet and how fast `check` and `compare` are on clean news.

Prints, on the BBC dev articles of ../shared/data/news: the share of sentences `check` flags,
check sentences per second and compare sentence pairs per second (one process, one core, warm;
the Harper grammar engine on, as by default, unless --no-grammar; the meaning model with
--meaning); the cold-start time;
and the sentences flagged when the clean 2024 seed versions are compared with each other.

    python tests/benchmarks/bench_check.py [--data ../shared/data] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import garblecheck
from garblecheck.api import pipeline_for
from garblecheck.config import Config
from garblecheck.ingest import document_from_text

ROOT = Path(__file__).resolve().parents[2]


def bbc_articles(data: Path, limit: int | None) -> list[dict[str, str]]:
    rows = []
    with open(data / "news" / "bbc-2005-dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if not row.get("duplicate_of"):
                rows.append(row)
    return rows[:limit] if limit else rows


def perturb(text: str, rng: random.Random) -> str:
    """A lightly edited copy: some words dropped or swapped, as a careless rewrite would."""
    words = text.split(" ")
    for i in range(len(words)):
        r = rng.random()
        if r < 0.02:
            words[i] = ""
        elif r < 0.03 and i + 1 < len(words):
            words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(w for w in words if w)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--show", type=int, default=15, help="print this many flagged sentences")
    ap.add_argument("--no-grammar", action="store_true", help="without the Harper engine")
    ap.add_argument("--meaning", action="store_true", help="with the [meaning] extra's model")
    a = ap.parse_args()

    articles = bbc_articles(a.data, a.limit)
    began = time.perf_counter()  # the first document loads the packs, tables and models
    pipeline = pipeline_for(Config(grammar=not a.no_grammar, meaning=a.meaning))
    pipeline.run(document_from_text(articles[0]["text"]))
    print(f"cold start (first article, every table loaded): {time.perf_counter() - began:.2f} s")
    for row in articles[:20]:  # warm up: caches
        pipeline.run(document_from_text(row["text"]))

    sentences = flagged = 0
    rules: Counter[str] = Counter()
    examples: list[str] = []
    began = time.perf_counter()
    for row in articles:
        report = pipeline.run(document_from_text(row["text"], row["id"]))
        sentences += len(report.sentences)
        for d in report.flagged:
            flagged += 1
            own = {f.rule for f in report.findings if f.sentence == d.sentence.index}
            rules.update(own)
            if len(examples) < a.show:
                examples.append(f"  [{','.join(sorted(own))}] {row['id']}: {d.sentence.text[:160]}")
    check_s = time.perf_counter() - began

    rng = random.Random(0)
    pairs = 0
    began = time.perf_counter()
    for row in articles:
        copy = document_from_text(perturb(row["text"], rng))
        report = pipeline.run(copy, document_from_text(row["text"]))
        pairs += len(report.sentences)
    compare_s = time.perf_counter() - began

    print(f"BBC dev: {len(articles)} articles, {sentences} sentences")
    share = 100 * flagged / max(sentences, 1)
    print(f"check: flagged {flagged}/{sentences} sentences = {share:.2f}% (bar <= 2%)")
    print(f"check: {sentences / check_s:,.0f} sentences/s (bar >= 1,000)")
    print(f"compare: {pairs / compare_s:,.0f} sentence pairs/s (bar >= 300)")
    print("flagged by rule:", ", ".join(f"{r} {n}" for r, n in rules.most_common()))
    print("\n".join(examples))

    seeds = ROOT / "fixtures"
    source = (seeds / "shapps-2024-outlet-b.txt").read_text(encoding="utf-8")
    for name in ("shapps-2024-outlet-a.txt", "shapps-2024-outlet-c.txt"):
        report = garblecheck.compare((seeds / name).read_text(encoding="utf-8"), source,
                                     config=pipeline.config)
        print(f"clean seed {name} vs outlet-b: {len(report.flagged)} sentences flagged (bar <= 2)")
        for d in report.flagged:
            print(f"    {d.sentence.text[:160]}")
    print("per-analyser seconds:", {k: round(v.seconds, 2) for k, v in pipeline.stats.items()})


if __name__ == "__main__":
    main()
