"""Compare mode: alignment, every difference family (through the GC7xx rule examples), the
seed pair, and quiet on independent wording by other outlets."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import garblecheck.rules.kinds.compare  # noqa: F401  (registers the compare kind)
from garblecheck.analyser import Context
from garblecheck.comparison.align import align, similarity
from garblecheck.comparison.differences import CompareAnalyser
from garblecheck.comparison.tokens import tokenize
from garblecheck.config import Config
from garblecheck.knowledge.lexicon import lexicon
from garblecheck.model import Document, Finding, Severity
from garblecheck.rules.base import Example, RuleSpec
from garblecheck.rules.loader import load_rules
from garblecheck.segment import segment

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SPECS = {s.code: s for s in load_rules([ROOT / "rules" / "compare"], packs=False)}
ANALYSER = CompareAnalyser(SPECS)


def _doc(text: str) -> Document:
    doc = Document(text)
    doc.seg = segment(text)
    return doc


def _fixture(name: str) -> Document:
    return _doc((FIXTURES / name).read_text(encoding="utf-8"))


def _compare(copy: Document, source: Document) -> list[Finding]:
    ctx = Context(doc=copy, config=Config(), source=source, alignment=align(copy, source))
    return ANALYSER.analyse(ctx)


def _flagged(findings: list[Finding]) -> set[int]:
    return {
        f.sentence for f in findings if f.severity >= Severity.WARNING and f.sentence is not None
    }


def _sentence(doc: Document, anchor: str) -> int:
    (index,) = [s.index for s in doc.seg.sentences if anchor in s.text]
    return index


# --- alignment ---------------------------------------------------------------------------


def test_similarity_is_calibrated() -> None:
    paraphrase = similarity(
        "The first systems were shipped domestically today, he said.",
        "The first systems were delivered today in country.",
    )
    unrelated = similarity(
        "The first systems were shipped domestically today, he said.",
        "Russia has assembled more than 100,000 troops on the Ukrainian border.",
    )
    assert paraphrase > 0.4 > 0.3 > unrelated


def test_align_one_to_one_and_none() -> None:
    copy, source = _fixture("wallace-2022-spun.txt"), _fixture("wallace-2022-source.txt")
    alignment = align(copy, source)
    assert len(alignment) == len(copy.seg.sentences)
    melee = alignment[_sentence(copy, "melee and clear")]
    assert melee is not None and len(melee.sentences) == 1
    assert "short-range" in source.text[melee.start : melee.end]
    assert alignment[_sentence(copy, "Ministry of Labor")] is None  # no counterpart


def test_align_one_copy_sentence_to_several_source_sentences() -> None:
    copy, source = _fixture("wallace-2022-spun.txt"), _fixture("wallace-2022-source.txt")
    merged = align(copy, source)[_sentence(copy, "light armored defense")]
    assert merged is not None and len(merged.sentences) >= 2
    text = source.text[merged.start : merged.end]
    assert "anti-armour" in text and "small number of UK personnel" in text


def test_align_uses_candidates_not_all_pairs() -> None:
    source = _doc(" ".join(f"Item {i} concerns topic{i} and detail{i}." for i in range(400)))
    copy = _doc("Item 7 concerns topic7 and detail7.")
    (found,) = align(copy, source)
    assert found is not None and found.sentences == (7,)


# --- every family, through the rule files' own examples ----------------------------------


def _examples() -> list[tuple[str, bool, Example]]:
    return [
        (code, trigger, ex)
        for code, spec in sorted(SPECS.items())
        for trigger, examples in ((True, spec.trigger), (False, spec.quiet))
        for ex in examples
    ]


@pytest.mark.parametrize(("code", "trigger", "example"), _examples())
def test_rule_examples(code: str, trigger: bool, example: Example) -> None:
    assert example.source is not None
    found = [f.rule for f in _compare(_doc(example.text), _doc(example.source))]
    assert (code in found) == trigger, found


def test_every_family_has_a_rule_file() -> None:
    assert sorted(SPECS) == [f"GC70{i}" for i in range(1, 10)]
    for spec in SPECS.values():
        assert len(spec.trigger) >= 3 and len(spec.quiet) >= 3
        assert all(ex.source for ex in spec.trigger + spec.quiet)


def test_findings_quote_the_source() -> None:
    findings = _compare(
        _doc("To be clear, this support is for melee and clear defensive weapon capabilities."),
        _doc(
            "Let me be clear: this support is for short-range and clearly defensive"
            " weapon capabilities."
        ),
    )
    (odd,) = [f for f in findings if f.rule == "GC706"]
    assert "short-range" in odd.message and odd.suggestion == "short-range"
    assert odd.evidence is not None and "short-range" in odd.evidence
    assert odd.origin == "compare"


@pytest.mark.parametrize(
    ("source_word", "copy_word", "severity"),
    [
        ("acid", "corrosive", Severity.WARNING),  # a paraphrasing tool's known swap
        ("image", "picture", Severity.WARNING),  # dictionary synonyms, but a known swap too
        ("big", "large", Severity.INFO),  # an editor's choice of synonym
    ],
)
def test_known_tool_swaps_are_sure_even_between_synonyms(
    source_word: str, copy_word: str, severity: Severity
) -> None:
    sentence = "Officials said the {} one was on the table a week earlier, not today."
    findings = _compare(_doc(sentence.format(copy_word)), _doc(sentence.format(source_word)))
    (odd,) = [f for f in findings if f.rule == "GC706"]
    assert odd.severity is severity


def test_reported_speech_is_quiet() -> None:
    findings = _compare(
        _doc("Wallace told MPs the UK had decided to send defensive weapons to Ukraine."),
        _doc(
            "Mr Wallace told MPs: “We have taken the decision to supply Ukraine with light"
            " defensive weapons systems.”"
        ),
    )
    assert not _flagged(findings)


def test_bad_message_template_is_a_rule_error(tmp_path: Path) -> None:
    spec = SPECS["GC701"]
    broken = RuleSpec(**{**spec.__dict__, "message": "{nope}"})
    with pytest.raises(Exception, match="message"):
        CompareAnalyser({"GC701": broken})


# --- the seed pairs ----------------------------------------------------------------------

GARBLED_WITH_SOURCE = (
    "new light tank weapons",
    "light armored defense weapon system",
    "melee and clear defensive",
    "mutual security issues",
    "Tobias Elwood",
    "preparing and preparing",
    "shipped domestically today",
)


def test_seed_garbled_sentences_with_a_source_are_flagged() -> None:
    copy, source = _fixture("wallace-2022-spun.txt"), _fixture("wallace-2022-source.txt")
    flagged = _flagged(_compare(copy, source))
    missed = [a for a in GARBLED_WITH_SOURCE if _sentence(copy, a) not in flagged]
    assert not missed


def test_seed_clean_sentences_stay_quiet() -> None:
    copy, source = _fixture("wallace-2022-spun.txt"), _fixture("wallace-2022-source.txt")
    gold = yaml.safe_load((FIXTURES / "wallace-2022.yaml").read_text(encoding="utf-8"))
    clean = [_sentence(copy, item["anchor"]) for item in gold["items"] if item["label"] == "clean"]
    assert not _flagged(_compare(copy, source)) & set(clean)


@pytest.mark.parametrize("outlet", ["a", "c"])
def test_independent_outlets_stay_quiet(outlet: str) -> None:
    copy = _fixture(f"shapps-2024-outlet-{outlet}.txt")
    source = _fixture("shapps-2024-outlet-b.txt")
    assert len(_flagged(_compare(copy, source))) <= 2


# --- tokens and lexicon ------------------------------------------------------------------


def test_tokens_compare_numbers_by_value_and_spelling_free() -> None:
    (pounds,) = tokenize("£1.7bn")
    plain = tokenize("1.7 billion")
    assert len(plain) == 1
    assert pounds.value == 1.7e9 and pounds.unit == "£"
    assert plain[0].value == 1.7e9 and plain[0].unit == ""
    assert [t.key for t in tokenize("defence armoured")] == [
        t.key for t in tokenize("defense armored")
    ]
    assert [t.key for t in tokenize("We're")] == ["we", "are"]


def test_lexicon_answers() -> None:
    lex = lexicon()
    assert lex.antonyms("increase", "decrease")
    assert lex.synonyms("ready", "prepared")
    assert not lex.synonyms("melee", "short-range")
    assert lex.zipf("the") > lex.zipf("melee") > 0
