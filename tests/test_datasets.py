"""Datasets are split by document, labelled as documented; metrics give known values."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED_DATA
from garblecheck.training import datasets
from garblecheck.training.datasets import Example, split_of
from garblecheck.training.metrics import (
    at_threshold,
    auroc,
    baseline_aurocs,
    calibration_error,
    chrf,
    length_score,
    reliability,
)


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _mqm_row(
    doc: str, sys: str, hyp: str, errors: list[dict[str, Any]], major: bool
) -> dict[str, Any]:
    return {"doc": doc, "sys": sys, "seg_id": 1, "hyp": hyp, "ref": "The reference.",
            "errors": errors, "score": 5.0 if major else 0.0, "has_major_accuracy": major,
            "is_human_translation": sys.startswith("Human")}


MAJOR = {"severity": "Major", "category": "Accuracy/Mistranslation", "start": 4, "end": 9}
MINOR = {"severity": "Minor", "category": "Fluency/Grammar", "start": 0, "end": 3}


def _splits(examples: list[Example]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for e in examples:
        found.setdefault(e.doc, set()).add(e.split)
    return found


def test_split_is_by_document_and_stable() -> None:
    docs = [f"doc-{i}" for i in range(2000)]
    splits = [split_of(d) for d in docs]
    assert splits == [split_of(d) for d in docs]
    share = splits.count(datasets.VALIDATION) / len(docs)
    assert 0.17 < share < 0.23
    assert [split_of(d, seed=1) for d in docs] != splits


def test_mqm_labels_and_split(tmp_path: Path) -> None:
    rows = []
    for d in range(40):
        doc = f"news-{d}"
        rows += [
            _mqm_row(doc, "SysA", "A garbled hypothesis.", [MAJOR], True),
            _mqm_row(doc, "SysB", "A clean hypothesis.", [], False),
            _mqm_row(doc, "SysC", "A slightly off hypothesis.", [MINOR], False),
            _mqm_row(doc, "Human-B.0", "A human translation.", [MAJOR], True),
        ]
    path = _jsonl(tmp_path / "mqm.jsonl", rows)
    examples = list(datasets.mqm(path))
    assert len(examples) == 120  # minor-only rows skipped
    by_sys = {e.extra["sys"]: e.label for e in examples}
    assert by_sys == {"SysA": 1, "SysB": 0, "Human-B.0": 0}
    assert all(e.source == "The reference." for e in examples)
    assert examples[0].extra["major_accuracy_spans"] == [(4, 9)]
    assert all(len(s) == 1 for s in _splits(examples).values())
    assert len(list(datasets.mqm(path, minor="clean"))) == 160


def test_bbc_skips_duplicates_and_spun_keeps_documents(tmp_path: Path) -> None:
    text = ("Title of the story\n\nThe government delivered the weapons on Monday. "
            "Defence Secretary Ben Wallace said the organisation was ready.\n\n"
            "Tobias Ellwood said 25% of the budget was spent.")
    rows = [{"id": f"politics_{i:03d}", "topic": "politics", "title": "t", "text": text}
            for i in range(30)]
    rows.append({**rows[0], "id": "politics_999", "duplicate_of": "politics_000"})
    bbc = list(datasets.bbc(_jsonl(tmp_path / "bbc.jsonl", rows)))
    assert {e.doc for e in bbc} == {f"politics_{i:03d}" for i in range(30)}
    assert all(e.label == 0 for e in bbc)
    spun = list(datasets.spun(bbc, random.Random(3)))
    again = list(datasets.spun(bbc, random.Random(3)))
    assert spun == again
    assert len(spun) == len(bbc)
    for original, copy in zip(bbc, spun, strict=True):
        assert (copy.doc, copy.split, copy.source) == (original.doc, original.split, original.text)
        assert copy.label == bool(copy.extra["edits"])
        assert copy.label == (copy.text != original.text)
    assert {0, 1} == {e.label for e in spun}


def test_jfleg_pairs_share_a_document(tmp_path: Path) -> None:
    rows = [{"id": i, "src": "He go to school .", "refs": ["He goes to school ."] * 4}
            for i in range(10)]
    examples = list(datasets.jfleg(_jsonl(tmp_path / "jfleg.jsonl", rows)))
    assert [e.label for e in examples[:2]] == [1, 0]
    assert examples[0].source == examples[1].text
    assert all(len(s) == 1 for s in _splits(examples).values())


def test_metrics_known_values() -> None:
    labels = [0, 0, 1, 1]
    scores = [0.1, 0.4, 0.35, 0.8]
    assert auroc(labels, scores) == pytest.approx(0.75)
    t = at_threshold(labels, scores, 0.35)
    assert t.precision == pytest.approx(2 / 3)
    assert (t.recall, t.flagged) == (1.0, 3)
    assert t.f1 == pytest.approx(0.8)
    table = reliability(labels, scores, bins=2)
    assert [(b.count, b.observed) for b in table] == [(3, pytest.approx(1 / 3)), (1, 1.0)]
    assert calibration_error(table) == pytest.approx((3 * abs(0.85 / 3 - 1 / 3) + 0.2) / 4)
    assert length_score("three little words") == 3.0


def test_chrf_baseline() -> None:
    pytest.importorskip("sacrebleu")
    assert chrf("The cat sat on the mat.", "The cat sat on the mat.") == pytest.approx(100.0)
    assert chrf("A dog ran.", "The cat sat on the mat.") < 30
    aurocs = baseline_aurocs([0, 1], ["The cat sat on the mat.", "A dog sat."],
                             ["The cat sat on the mat.", "The cat sat on the mat."])
    assert aurocs == {"length": 0.0, "chrF": 1.0}


@pytest.mark.slow
def test_mqm_baselines_on_real_data() -> None:
    path = SHARED_DATA / "mqm" / "newstest2020-zhen.jsonl"
    if not path.exists():
        pytest.skip("../shared/data is absent")
    pytest.importorskip("sacrebleu")
    examples = [e for e in datasets.mqm(path, minor="clean") if e.origin == "mqm-hyp"]
    assert all(len(s) == 1 for s in _splits(examples).values())
    labels = [int(e.extra["has_major_accuracy"]) for e in examples]
    aurocs = baseline_aurocs(labels, [e.text for e in examples], [e.source for e in examples])
    assert aurocs["length"] == pytest.approx(0.69, abs=0.02)
    assert aurocs["chrF"] == pytest.approx(0.66, abs=0.02)
