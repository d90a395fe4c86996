"""What several benchmarks read: the development data and the seed pair's gold labels."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path

import yaml

from garblecheck.training.datasets import bbc

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"


def jsonl(path: Path) -> Iterator[dict[str, object]]:
    """The rows of a JSONL file, one at a time."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def bbc_sentences(data: Path, limit: int | None) -> list[str]:
    """Prose sentences of the BBC dev articles (duplicates skipped), the first ``limit``."""
    return [e.text for e in islice(bbc(data / "news" / "bbc-2005-dev.jsonl"), limit)]


@lru_cache(maxsize=1)
def _seed_gold() -> tuple[tuple[str, str], ...]:
    gold = yaml.safe_load((ROOT.parent / "shared" / "gold" / "wallace-2022.yaml").read_text())
    return tuple((item["anchor"], item["label"]) for item in gold["items"])


def seed_label(sentence: str) -> str:
    """The gold label of a sentence of the spun seed ("unlabelled" when no anchor is in it)."""
    return next((label for anchor, label in _seed_gold() if anchor in sentence), "unlabelled")
