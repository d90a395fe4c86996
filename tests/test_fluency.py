"""The phrase table, the fluency features and GC202 odd-collocation, on the shipped table."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT
from garblecheck.analyser import Context
from garblecheck.build.phrases import CORPORA, build
from garblecheck.config import Config
from garblecheck.fluency import FEATURES, sentence_features, surprising_pairs
from garblecheck.knowledge.phrases import (
    _pairs_of,
    document_pairs,
    line_tokens,
    odd_pairs,
    phrase_table,
    token_key,
    token_spans,
)
from garblecheck.model import Document, Finding
from garblecheck.rules.base import Example
from garblecheck.rules.kinds.collocation import OddCollocation
from garblecheck.rules.loader import load_rules
from garblecheck.segment import segment

RULE_FILE = ROOT / "rules" / "tortured" / "GC202-odd-collocation.yaml"


def test_tokens_keep_offsets_and_fold_case_quotes_numbers() -> None:
    text = "Putin’s “new” £1.7bn anti-tank plan"
    spans = token_spans(text)
    assert [k for k, _, _ in spans] == [
        "putin", "'s", '"', "new", '"', "£", "0", "bn", "anti", "tank", "plan",
    ]  # fmt: skip
    assert [text[s:e] for _, s, e in spans][:2] == ["Putin", "’s"]


def test_build_and_run_time_cut_text_alike() -> None:
    text = "The U.S. army's 3,000 short-range missiles “arrived” on 12 May."
    assert [token_key(t) for t in line_tokens(text)] == [k for k, _, _ in token_spans(text)]


def test_a_document_at_once_gives_each_sentence_what_it_gives_alone() -> None:
    text = (ROOT / "fixtures" / "wallace-2022-spun.txt").read_text(encoding="utf-8")
    # and two sentences without a full stop between them, whose words could pair across
    sentences = [s.text for s in segment(text).sentences] + ["", "It met the government"]
    sentences += ["People said so", "Yes."]
    together = document_pairs(sentences)
    for sentence, sp in zip(sentences, together, strict=True):
        (alone,) = _pairs_of([sentence])  # computed on its own, outside the cache
        for name in ("ids", "adj_first", "adj_seen", "adj_logp", "win_first", "win_seen"):
            assert np.array_equal(getattr(sp, name), getattr(alone, name)), (name, sentence)
        assert sp.spans == alone.spans
        assert odd_pairs(sp) == odd_pairs(alone)
    assert any(odd_pairs(sp) for sp in together)  # the spun copy has odd pairs to compare


def test_table_loads_and_knows_common_pairs() -> None:
    phrase_table.cache_clear()
    table = phrase_table()
    ids = table.id_array(["prime", "minister", "short", "range", "missiles"])
    counts = table.bigrams.lookup(ids[[0, 3]], ids[[1, 4]])
    assert counts[0] > 1000 and counts[1] >= 2
    assert table.conditional(ids[:1], ids[1:2])[0] > 100 * table.probability(ids[1:2])[0]


def test_features_are_deterministic_and_complete() -> None:
    sentence = "The satellite imagery showed troops massing near the border."
    first, second = sentence_features(sentence), sentence_features(sentence)
    assert first == second and tuple(first) == FEATURES
    assert all(np.isfinite(v) for v in first.values())
    assert sentence_features("") == dict.fromkeys(FEATURES, 0.0)


def test_garbled_sentence_scores_worse_than_its_source() -> None:
    clean = sentence_features("Officials said the raw materials came from China.")
    spun = sentence_features("Officials said the raw clothes came from China.")
    assert spun["synonym_max"] > clean["synonym_max"]
    assert spun["assoc_mean"] < clean["assoc_mean"]
    assert all(type(v) is float for v in spun.values())


def test_surprising_pairs_point_at_the_words() -> None:
    text = "Last year the singer joined the rock circle."
    pairs = surprising_pairs(text)
    assert pairs, "the spun pair should be reported"
    start, end, score, why = pairs[0]
    assert text[start:end] == "rock circle" and score > 0
    assert "'circle'" in why and "'band'" in why


def test_unseen_pair_of_uncommon_words_is_not_odd() -> None:
    assert not surprising_pairs("The curate admired the marquetry.")


def _rule() -> OddCollocation:
    spec = next(s for s in load_rules([RULE_FILE], packs=False) if s.code == "GC202")
    return OddCollocation(spec)


def _check(rule: OddCollocation, text: str) -> list[Finding]:
    doc = Document(text=text, seg=segment(text))
    return rule.check(Context(doc=doc, config=Config()))


RULE = _rule()


@pytest.mark.parametrize("example", RULE.spec.trigger, ids=lambda e: e.text[:40])
def test_rule_trigger_examples(example: Example) -> None:
    assert _check(RULE, example.text)


@pytest.mark.parametrize("example", RULE.spec.quiet, ids=lambda e: e.text[:40])
def test_rule_quiet_examples(example: Example) -> None:
    assert not _check(RULE, example.text)


def test_rule_finding_explains_and_suggests() -> None:
    text = "Prices rose. Officials said the raw clothes came from China."
    (finding,) = _check(RULE, text)
    assert text[finding.start : finding.end] == "raw clothes" and finding.sentence == 1
    assert finding.suggestion == "raw materials" and "'materials'" in finding.message
    assert 0.5 < finding.confidence <= 0.95


def test_rule_skips_names() -> None:
    assert not _check(RULE, "He met officials of Raw Clothes Ltd in China.")


def test_build_is_reproducible(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "corpus").mkdir(parents=True)
    lines = "The prime minister said on Monday.\nShort-range missiles were seen.\n\n"
    for name in CORPORA:
        with gzip.open(data / "corpus" / f"{name}.sent.txt.gz", "wt", encoding="utf-8") as fh:
            fh.write(lines * 3)
    build(data, tmp_path / "a")
    build(data, tmp_path / "b")
    for name in ("phrases.npz", "PHRASES-README.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
