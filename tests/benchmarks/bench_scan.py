"""Benchmark: `garblecheck scan` on the BBC dev articles grown into a crawl of copies.

Each original gets nine copies: careless ones (words dropped or swapped), scraped ones
(boilerplate lines added, the end cut off) and, for a third of them, spun ones made by the
classifier's generator (garblecheck/training/spinner.py). A crawl of N articles holds N/10
originals with all their copies, so every size has the same make-up. Prints articles per second
with --jobs 1 and --jobs 2, the time ratio of the largest to the smallest crawl (near-linear
cost means about size ratio, at most 6 for 10,000 against 2,000), the peak RSS of any one
process, and the pairwise precision and recall of the grouping against the known copies.

    python tests/benchmarks/bench_scan.py [--data ../shared/data] [--sizes 2000 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from garblecheck.training.spinner import spin

ROOT = Path(__file__).resolve().parents[2]
COPIES = 9
_JUNK = ("READ MORE: {title}", "(Image: Getty)", "Follow us on Twitter for the latest news.",
         "Sign up to our newsletter", "Advertisement")


def originals(data: Path) -> list[dict[str, str]]:
    """The dev articles, each story once: besides the rows marked ``duplicate_of``, the set
    repeats some stories under another id (same title, or same body under a new title)."""
    seen: set[str] = set()
    found = []
    with open(data / "news" / "bbc-2005-dev.jsonl", encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            body = " ".join(row["text"].split("\n", 1)[-1].split())
            if row.get("duplicate_of") or row["title"] in seen or body in seen:
                continue
            seen.update((row["title"], body))
            found.append(row)
    return found


def careless(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for i in range(len(words) - 1):
        r = rng.random()
        if r < 0.02:
            words[i] = ""
        elif r < 0.03:
            words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(w for w in words if w)


def scraped(text: str, title: str, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    keep = max(2, round(len(paragraphs) * rng.uniform(0.7, 1.0)))
    kept = paragraphs[:keep]
    for _ in range(rng.randint(1, 3)):
        kept.insert(rng.randrange(1, len(kept) + 1), rng.choice(_JUNK).format(title=title))
    return "\n\n".join(kept)


def spun(text: str, rng: random.Random) -> str:
    return "\n\n".join(spin(p, rng).text for p in text.split("\n\n"))


def copies(row: dict[str, str], rng: random.Random) -> list[str]:
    text, made = row["text"].strip(), []
    for k in range(COPIES):
        if k % 3 == 0:
            made.append(spun(careless(text, rng), rng))
        elif k % 3 == 1:
            made.append(scraped(careless(text, rng), row["title"], rng))
        else:
            made.append(careless(text, rng))
    return made


def build(rows: list[dict[str, str]], size: int, path: Path) -> None:
    """A JSONL crawl of ``size`` articles: ids ``ORIGINAL~k`` (k = 0 the original)."""
    rng = random.Random(size)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows[: size // (COPIES + 1)]:
            for k, text in enumerate([row["text"], *copies(row, rng)]):
                fh.write(json.dumps({"id": f"{row['id']}~{k}", "text": text}) + "\n")


def run(crawl: Path, jobs: int) -> tuple[float, float, Path]:
    """Seconds, peak RSS (MB, largest single process so far) and the output file."""
    out = crawl.with_suffix(f".j{jobs}.out.jsonl")
    began = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "garblecheck", "scan", str(crawl), "-o", str(out),
         "--jobs", str(jobs), "--format", "json", "--fail-on", "never", "--no-progress"],
        capture_output=True, text=True, cwd=ROOT,
    )
    seconds = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, out


def pairs(counts: Counter[tuple[str, ...]]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def grouping_quality(out: Path) -> tuple[float, float]:
    """Pairwise precision and recall of the groups against the copy families."""
    by_group: Counter[tuple[str, ...]] = Counter()
    by_family: Counter[tuple[str, ...]] = Counter()
    both: Counter[tuple[str, ...]] = Counter()
    with out.open(encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            family = row["id"].rsplit("~", 1)[0]
            by_group[(row["group"],)] += 1
            by_family[(family,)] += 1
            both[(row["group"], family)] += 1
    true_pos = pairs(both)
    return true_pos / max(1, pairs(by_group)), true_pos / max(1, pairs(by_family))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    a = ap.parse_args()
    rows = originals(a.data)
    sizes = sorted(a.sizes)
    seconds: dict[tuple[int, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            crawl = Path(tmp) / f"crawl-{size}.jsonl"
            build(rows, size, crawl)
            for jobs in (1, 2) if size == sizes[0] else (2,):
                took, peak, out = run(crawl, jobs)
                seconds[(size, jobs)] = took
                precision, recall = grouping_quality(out)
                print(
                    f"{size} articles, --jobs {jobs}: {size / took:.1f} articles/s ({took:.0f} s); "
                    f"peak RSS {peak:.0f} MB; grouping precision {precision:.3f}, "
                    f"recall {recall:.3f}", flush=True,
                )
    if len(sizes) > 1:
        ratio = seconds[(sizes[-1], 2)] / seconds[(sizes[0], 2)]
        print(f"time ratio {sizes[-1]} / {sizes[0]} articles (--jobs 2): {ratio:.2f} "
              f"(size ratio {sizes[-1] / sizes[0]:.0f})")


if __name__ == "__main__":
    main()
