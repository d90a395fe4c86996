"""Shared by the robustness tests: how many generated inputs each property gets, a tally of
those tried (printed at the end of the run), and the checks every report must pass."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema

TRIED: Counter[str] = Counter()
DEFAULT_TOTAL = 10_000
SCHEMA = Path(__file__).resolve().parents[2] / "fixtures" / "report-v1.schema.json"
VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def examples(share: float) -> int:
    """This property's share of the run's total of generated inputs (GARBLECHECK_FUZZ_EXAMPLES,
    default 10,000, raised for nightly runs)."""
    total = int(os.environ.get("GARBLECHECK_FUZZ_EXAMPLES", DEFAULT_TOTAL))
    return max(1, round(total * share))


def check_document(doc: dict[str, Any], text: str, source: str | None = None) -> None:
    """Every offset slices the text it claims; sentences are in order and do not overlap."""
    end = 0
    for i, s in enumerate(doc["sentences"]):
        assert s["index"] == i
        assert end <= s["start"] < s["end"] <= len(text), (s, end)
        assert text[s["start"] : s["end"]] == s["text"]
        end = s["end"]
        if s["source"] is not None:
            assert source is not None
            src = s["source"]
            assert source[src["start"] : src["end"]] == src["text"]
    for f in doc["findings"]:
        assert 0 <= f["start"] <= f["end"] <= len(text), f
        if f["sentence"] is not None:
            sentence = doc["sentences"][f["sentence"]]
            assert sentence["start"] <= f["start"] <= sentence["end"], (f, sentence)
        before = text[: f["start"]]
        assert f["line"] == before.count("\n") + 1, f
        assert f["column"] == f["start"] - (before.rfind("\n") + 1) + 1, f
