"""The sentence classifier: the shipped model file, its predictions, its findings, and the
training code path on a tiny synthetic table."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import garblecheck
from conftest import FIXTURES, SHARED_DATA, SOURCE, SPUN, needs_shared_data, run_cli
from garblecheck.classify import features as feats
from garblecheck.classify.model import (
    FILE,
    REFERENCE_FREE,
    WITH_SOURCE,
    read,
    shipped,
)
from garblecheck.errors import RuleError
from garblecheck.packs import knowledge_path
from garblecheck.training.datasets import TRAIN, VALIDATION, Example

GARBLED = "The the minister said that the the new law law would come into force force next year."
CLEAN = "Shares in the company rose 3% on Monday after it reported higher profits."


def test_shipped_model_is_plain_json_with_both_models() -> None:
    path = knowledge_path(FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data["models"]) == {REFERENCE_FREE, WITH_SOURCE}
    assert not list(path.parent.glob("*.pkl")) and not list(path.parent.glob("*.joblib"))
    models = shipped()
    assert models[REFERENCE_FREE].features == feats.REFERENCE_FREE
    assert models[WITH_SOURCE].features == feats.WITH_SOURCE
    for model in models.values():
        assert 0.0 < model.threshold < 1.0  # 1.0 would be the top calibration step: mute
        assert np.all(np.diff(model.calibration_x) >= 0)


def test_broken_model_file_is_a_rule_error(tmp_path: Path) -> None:
    bad = tmp_path / FILE
    bad.write_text('{"version": 1, "models": {"reference_free": {}}}', encoding="utf-8")
    with pytest.raises(RuleError, match="classifier file is broken"):
        read(bad)
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(RuleError, match="not a version"):
        read(bad)


def test_features_are_named_signals_not_words() -> None:
    found = feats.values(feats.SentenceInput(CLEAN))
    assert set(feats.REFERENCE_FREE) <= set(found)
    assert not set(feats.WITH_SOURCE) - set(feats.REFERENCE_FREE) & set(found)
    with_source = feats.values(feats.SentenceInput(CLEAN, source=CLEAN))
    assert set(feats.WITH_SOURCE) <= set(with_source)
    assert with_source["chrf"] == pytest.approx(1.0)
    assert with_source["dropped"] == 0.0 and with_source["missing_words"] == 0.0
    # a topic word changes nothing but the word-pair statistics around it
    other = feats.values(feats.SentenceInput(CLEAN.replace("company", "firm")))
    assert other["words"] == found["words"] and other["capital_share"] == found["capital_share"]


def test_predictions_are_deterministic_and_in_range() -> None:
    model = shipped()[REFERENCE_FREE]
    x = np.array([feats.vector(feats.SentenceInput(t), model.features) for t in (GARBLED, CLEAN)])
    first, second = model.probability(x), model.probability(x.copy())
    assert np.array_equal(first, second)
    assert np.all((first >= 0) & (first <= 1))
    assert first[0] > first[1]


def test_finding_names_its_reasons() -> None:
    report = garblecheck.check(f"{CLEAN}\n\n{GARBLED}\n")
    own = [f for f in report.findings if f.origin == "classifier"]
    assert [f.rule for f in own] == ["GC801"]
    finding = own[0]
    assert finding.category == "fluency" and finding.severity.value == "warning"
    assert 0.0 < finding.confidence <= 1.0
    assert "probability" in finding.message and ":" in finding.message
    assert report.doc.text[finding.start : finding.end] == GARBLED
    assert finding.evidence


def test_with_source_model_only_judges_aligned_sentences() -> None:
    spun = SPUN.read_text(encoding="utf-8")
    report = garblecheck.compare(spun, SOURCE.read_text(encoding="utf-8"))
    aligned = {d.sentence.index for d in report.sentences if d.source is not None}
    own = [f for f in report.findings if f.origin == "classifier"]
    assert all(f.sentence in aligned for f in own if f.rule == "GC802")
    assert len({f.sentence for f in own}) == len(own)  # one finding per sentence at most


def test_comparing_never_hides_a_reference_free_finding() -> None:
    report = garblecheck.compare(GARBLED, GARBLED.replace("the the", "the"))
    assert [f.rule for f in report.findings if f.origin == "classifier"] in (["GC801"],
                                                                             ["GC802"])


def test_pair_features_follow_sacrebleu_chrf() -> None:
    from garblecheck.classify.pair import chrf, values

    copy = "The firm said profits fell by half in the 3rd quarter of 2020."
    source = "The company said its profit fell by half in the third quarter."
    assert chrf(copy, source) == pytest.approx(0.5426, abs=1e-4)  # sacrebleu: 54.26
    found = values(copy, source)
    assert found["numbers_changed"] == 2.0 and found["missing_words"] == 4.0
    assert values(source, source)["chrf_missing"] == 0.0


def test_classifier_can_be_switched_off() -> None:
    config = garblecheck.Config(ignore=["GC8"])
    report = garblecheck.check(GARBLED, config=config)
    assert not [f for f in report.findings if f.origin == "classifier"]


def test_probabilities_under_threshold_rank_sentences_without_flagging_them() -> None:
    text = SPUN.read_text(encoding="utf-8")
    report = garblecheck.check(text)
    quiet = [s for s in report.sentences if not s.flagged and not s.sentence.text.isspace()]
    unreported = [s for s in quiet if not any(f.sentence == s.sentence.index
                                              for f in report.findings)]  # fmt: skip
    assert unreported and all(0.0 < s.score <= 0.15 for s in unreported)
    off = garblecheck.check(text, config=garblecheck.Config(ignore=["GC8"]))
    assert [s.flagged for s in off.sentences] == [s.flagged for s in report.sentences]
    assert all(s.score == 0.0 for s in off.sentences if not any(
        f.sentence == s.sentence.index for f in off.findings))  # fmt: skip
    # a re-decision after filtering (accepted terms) keeps the channel
    accepted = garblecheck.check(
        text, config=garblecheck.Config(accepted_terms=["Tobias Elwood"])
    )
    assert accepted.dropped
    assert all(accepted.sentences[s.sentence.index].score == s.score for s in unreported)


def test_tiny_training_run_exports_what_sklearn_predicts() -> None:
    from garblecheck.classify.model import _model
    from garblecheck.training.train import Params, Table, fit_model

    rng = random.Random(1)
    examples, rows = [], []
    for i in range(400):
        label = i % 2
        doc = f"doc{i // 4}"
        split = VALIDATION if i // 4 % 5 == 0 else TRAIN
        origin = "bbc" if label == 0 else "spun"
        examples.append(Example(f"s{i}", label, doc, split, origin))
        rows.append([rng.gauss(label, 1.0) for _ in feats.WITH_SOURCE])
    table = Table(examples, np.array(rows))
    everything = np.ones(len(examples), dtype=bool)
    fitted = fit_model(table, REFERENCE_FREE, feats.REFERENCE_FREE, everything,
                       Params(trees=20, depth=2), seed=0)
    model = _model(json.loads(json.dumps(fitted.exported)))
    ours = model.probability(table.column(feats.REFERENCE_FREE))
    assert np.allclose(ours, fitted.probs)
    assert 0.0 < model.threshold <= 1.0
    drivers = model.drivers(table.column(feats.REFERENCE_FREE)[1].tolist())
    assert all(share > 0 for _, share in drivers)


def test_rule_files_document_both_codes() -> None:
    from garblecheck.rules.loader import load_rules

    codes = {s.code: s for s in load_rules() if s.kind == "classifier"}
    assert set(codes) == {"GC801", "GC802"}
    assert all(s.explain["what"] for s in codes.values())
    assert (FIXTURES / "wallace-2022-spun.txt").is_file()


@pytest.mark.slow
@needs_shared_data()
def test_evaluate_on_mqm_prints_baselines() -> None:
    from garblecheck.training.evaluate import evaluate

    text = evaluate(SHARED_DATA / "mqm" / "newstest2020-zhen.jsonl", limit=60)
    assert "classifier AUROC" in text and "length AUROC" in text and "chrF AUROC" in text


SAID = "The minister said on Monday that talks would resume next week."


def _mqm_file(tmp_path: Path, *rows: tuple[str, bool]) -> Path:
    """An MQM-style file of (hypothesis, has a Major accuracy error) rows, SAID the reference."""
    path = tmp_path / "mqm.jsonl"
    lines = [json.dumps({"hyp": hyp, "ref": SAID, "has_major_accuracy": bad}) for hyp, bad in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# the CLI with sacrebleu (the optional [train] extra) made unimportable, as in a plain install
WITHOUT_SACREBLEU = (
    "import sys; sys.modules['sacrebleu'] = None; "
    "from garblecheck.cli import main; sys.exit(main())"
)


def test_evaluate_skips_a_row_read_as_a_headline(tmp_path: Path) -> None:
    path = _mqm_file(
        tmp_path,
        (SAID.replace("resume next week", "never resume"), True),
        ("Beijing regulators enforce the law before the festival", True),  # no closing stop
        (SAID.replace("next week", "next year"), True),
    )
    result = run_cli("evaluate", str(path), "--mode", "compare")
    assert result.returncode == 0, result.stderr
    assert "2 sentences, 2 garbled" in result.stdout
    assert "1 rows skipped: read as headlines" in result.stdout


def test_evaluate_without_sacrebleu_says_so_in_one_line(tmp_path: Path) -> None:
    path = _mqm_file(tmp_path, (SAID, False), (SAID.replace("next week", "never"), True))
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_SACREBLEU, "evaluate", str(path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "needs sacrebleu: pip install 'garblecheck[train]'" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("gold.yaml", b"copy: [unclosed\n  x: 1\n", "line 2: invalid YAML"),
        ("gold.yaml", b"\xff\xfe\x00binary", "not UTF-8 text"),
        ("gold.yaml", b"copy: nowhere.txt\nsource: nowhere.txt\nitems: []\n",
         "not a gold file with readable copy, source and items"),
        ("mqm.jsonl", b"{\"hyp\": \"A sentence.\"}\n", "line 1: no ref, has_major_accuracy"),
        ("mqm.jsonl", b"\n[1, 2\n", "line 2: not a JSON object"),
    ],
)  # fmt: skip
def test_evaluate_names_a_bad_file_in_one_line(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run_cli("evaluate", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(path) in result.stderr and problem in result.stderr


def test_train_names_a_bad_data_line(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "bbc-2005-dev.jsonl").write_text(
        '{"id": "1", "topic": "business", "text": "Clean copy."}\n{"id": "2"}\n', encoding="utf-8"
    )
    result = run_cli("train", "--data", str(tmp_path), "--out", str(tmp_path / "model.json"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "bbc-2005-dev.jsonl: line 2: no topic, text" in result.stderr
    assert not (tmp_path / "model.json").exists()
