"""Benchmark: `garblecheck check` streams a JSONL file, so its memory does not grow with the
file. Builds a ~1 MB and a ~10 MB JSONL from the BBC dev articles (repeated, ids made unique)
in a temporary folder, runs the real CLI on each as a subprocess, and prints peak RSS and
articles per second.

    python tests/benchmarks/bench_stream.py [--data ../shared/data] [--sizes 1 10]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build(articles: list[dict[str, str]], path: Path, megabytes: float) -> int:
    """Write records until the file reaches the size; returns how many were written."""
    target, written = int(megabytes * 1024 * 1024), 0
    with path.open("w", encoding="utf-8") as fh:
        for n, row in enumerate(cycle(articles)):
            if fh.tell() >= target:
                break
            fh.write(json.dumps({"id": f"{row['id']}-{n}", "text": row["text"]}) + "\n")
            written += 1
    return written


def run(path: Path) -> tuple[float, float, int]:
    """Seconds, peak RSS (MB) of the child, and documents reported."""
    began = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "garblecheck", "check", str(path), "--format", "json",
         "--fail-on", "never", "-o", str(path.with_suffix(".report.json"))],
        capture_output=True, text=True, cwd=ROOT,
    )
    seconds = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    # ru_maxrss of the children waited for so far: runs go smallest first, so it is this one's
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report = json.loads(path.with_suffix(".report.json").read_text(encoding="utf-8"))
    return seconds, peak, report["summary"]["documents"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 10], help="MB, ascending")
    a = ap.parse_args()
    with open(a.data / "news" / "bbc-2005-dev.jsonl", encoding="utf-8") as fh:
        articles = [r for r in map(json.loads, fh) if not r.get("duplicate_of")]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sorted(a.sizes):
            path = Path(tmp) / f"bbc-{size:g}mb.jsonl"
            records = build(articles, path, size)
            seconds, peak, docs = run(path)
            print(
                f"{size:g} MB JSONL: {records} articles, {path.stat().st_size / 1e6:.1f} MB; "
                f"peak RSS {peak:.0f} MB; {docs / seconds:.1f} articles/s ({seconds:.0f} s)"
            )


if __name__ == "__main__":
    main()
