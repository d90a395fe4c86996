"""Corpus consensus (GC151-GC153) over the small corpus in fixtures/corpus/: five clean
articles of one story, four of another, and one spun copy that disagrees with them.

The corpus rules' own examples cannot run through ``garblecheck.check`` (one document has no
consensus): each is scanned here as one more article of the fixture corpus instead.
"""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

import garblecheck.rules.kinds.corpus  # noqa: F401  (registers the kind for the loader)
from garblecheck.corpus import Consensus, DocFacts, collect_facts
from garblecheck.corpus.quotes import relate, tokens_of
from garblecheck.errors import RuleError
from garblecheck.model import Document, Finding, Metadata, Severity
from garblecheck.rules.base import Example, RuleSpec
from garblecheck.rules.loader import build_kinds, load_rules, parse_rule
from garblecheck.segment import segment

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus"
SPECS = load_rules([ROOT / "rules" / "corpus"], packs=False)
SPUN = "wallace-spun-copy.txt"


def _doc(text: str, date: str | None = None, path: str | None = None) -> Document:
    meta = Metadata(date=dt.date.fromisoformat(date) if date else None)
    return Document(text, path, meta, segment(text))


def _corpus() -> dict[str, Document]:
    return {p.name: _doc(p.read_text(encoding="utf-8"), path=str(p))
            for p in sorted(CORPUS.glob("*.txt"))}


DOCS = _corpus()
FACTS = {name: collect_facts(doc) for name, doc in DOCS.items()}


def _scan(extra: dict[str, Document], specs: list[RuleSpec] = SPECS) -> dict[str, list[Finding]]:
    """Findings per article of the fixture corpus plus ``extra``."""
    facts = dict(FACTS)
    facts.update((name, collect_facts(doc)) for name, doc in extra.items())
    consensus = Consensus.from_facts(facts.items(), specs)
    docs = {**DOCS, **extra}
    return {name: consensus.findings(name, docs[name]) for name in facts}


def _example_codes(example: Example) -> list[str]:
    found = _scan({"example": _doc(example.text, example.date)})
    return [f.rule for f in found["example"]]


def _cases(which: str) -> list[tuple[RuleSpec, Example]]:
    return [(s, ex) for s in SPECS for ex in getattr(s, which)]


def test_corpus_rules_have_examples() -> None:
    assert {s.code for s in SPECS} == {"GC151", "GC152", "GC153"}
    assert all(len(s.trigger) >= 3 and len(s.quiet) >= 3 for s in SPECS)


@pytest.mark.parametrize(("spec", "example"), _cases("trigger"),
                         ids=[f"{s.code}-{e.text[:40]}" for s, e in _cases("trigger")])
def test_trigger_example_fires(spec: RuleSpec, example: Example) -> None:
    assert spec.code in _example_codes(example), f"{spec.path}: trigger example did not fire"


@pytest.mark.parametrize(("spec", "example"), _cases("quiet"),
                         ids=[f"{s.code}-{e.text[:40]}" for s, e in _cases("quiet")])
def test_quiet_example_stays_quiet(spec: RuleSpec, example: Example) -> None:
    assert spec.code not in _example_codes(example), f"{spec.path}: quiet example fired"


def test_spun_copy_disagrees_and_clean_articles_do_not() -> None:
    found = _scan({})
    assert all(not f for name, f in found.items() if name != SPUN)
    spun = found[SPUN]
    text = DOCS[SPUN].text
    by_rule = {f.rule: f for f in spun}
    assert set(by_rule) == {"GC151", "GC152", "GC153"}
    title = by_rule["GC151"]
    assert text[title.start : title.end] == "Defence Minister Vladimir Putin"
    assert "“President” in 5 of the 5 other articles" in title.message
    assert title.suggestion == "President Vladimir Putin"
    assert title.severity is Severity.WARNING and title.origin == "corpus"
    names = [text[f.start : f.end] for f in spun if f.rule == "GC152"]
    assert names == ["Tobias Elwood", "Elwood"]
    quote = by_rule["GC153"]
    assert "“in bad faith”" in quote.message and "“in good faith”" in quote.message
    assert quote.suggestion is not None and "good faith constructively" in quote.suggestion
    assert quote.severity is Severity.INFO  # four others carry it: below strong_others
    assert all(f.sentence is not None for f in spun)


def test_one_other_article_is_no_consensus() -> None:
    """The seed pair: the spun copy writes "Tobias Elwood", the source "Tobias Ellwood"."""
    pair = {p: _doc((ROOT / "fixtures" / p).read_text(encoding="utf-8"))
            for p in ("wallace-2022-spun.txt", "wallace-2022-source.txt")}
    consensus = Consensus.from_facts(((k, collect_facts(d)) for k, d in pair.items()), SPECS)
    assert not any(consensus.findings(k, d) for k, d in pair.items())


def test_copies_of_one_text_count_once() -> None:
    """Five more copies of the spun text do not outvote the clean articles."""
    copies = {f"copy-{i}": _doc(DOCS[SPUN].text + "\n" * i) for i in range(5)}
    found = _scan(copies)
    assert {f.rule for f in found[SPUN]} == {"GC151", "GC152", "GC153"}
    assert found["copy-0"] and not found["wallace-outlet-a.txt"]


def test_the_majority_article_is_never_flagged() -> None:
    """Four versions of the spun text against five clean articles: neither side is flagged
    for its own form when it is not outvoted by a clear majority."""
    variants = {f"spun-{i}": _doc(DOCS[SPUN].text.replace("Monday", f"day {i}") + f" ({i})")
                for i in range(3)}
    found = _scan(variants)
    assert not any(f.rule == "GC152" for f in found[SPUN])  # 5 against 3: 62%
    assert not any(found[n] for n in DOCS if n != SPUN)


def test_titles_are_compared_only_near_in_date() -> None:
    late = _doc("Defence Minister Vladimir Putin spoke to reporters.", "2024-06-01")
    near = _doc("Defence Minister Vladimir Putin spoke to journalists.", "2022-01-19")
    found = _scan({"late": late, "near": near})
    assert not found["late"] and [f.rule for f in found["near"]] == ["GC151"]


def test_spelling_variants_that_are_house_style_agree() -> None:
    """Diacritics and transliteration habits are not misspellings."""
    texts = ["President Recep Tayyip Erdoğan said Turkey would mediate.",
             "President Recep Tayyip Erdogan said Turkey would mediate."]
    people = [f"Volodymyr {s}, the Ukrainian president, said talks were possible."
              for s in ("Zelensky", "Zelenskiy", "Zelenskyy", "Zelensky")]
    docs = {str(i): _doc(t) for i, t in enumerate(texts * 2 + people)}
    consensus = Consensus.from_facts(((k, collect_facts(d)) for k, d in docs.items()), SPECS)
    assert not any(consensus.findings(k, d) for k, d in docs.items())


def test_unknown_person_titles_are_notes() -> None:
    spokes = _doc("Acme Robotics spokesperson Laura Brennan said the Derby plant would close.",
                  "2022-01-18")
    found = _scan({"spokes": spokes})["spokes"]
    assert [(f.rule, f.severity) for f in found] == [("GC151", Severity.INFO)]


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("we are prepared to discuss issues related to mutual security",
     "we are prepared to discuss issues related to mutual security and to engage", "same"),
    ("we are prepared to discuss issues … and to engage in good faith",
     "we are prepared to discuss issues related to mutual security and to engage in good faith",
     "same"),
    ("we are prepared to discuss issues related to mutual security",
     "we are ready to discuss issues related to mutual security", "variant"),
    ("this support is for short-range and clearly defensive weapon capabilities",
     "this support is for melee and clear defensive weapon capabilities", "variant"),
    ("we will talk about our mutual security and do it in good faith",
     "we are prepared to discuss issues related to mutual security and to engage in good faith",
     None),
])
def test_quotation_wordings(a: str, b: str, expected: str | None) -> None:
    found = relate(tokens_of(a)[0], tokens_of(b)[0])
    assert (found[0] if found else None) == expected


def test_facts_and_consensus_pickle_small() -> None:
    facts = pickle.loads(pickle.dumps(FACTS[SPUN]))
    assert isinstance(facts, DocFacts) and facts == FACTS[SPUN]
    consensus = Consensus.from_facts(FACTS.items(), SPECS)
    data = pickle.dumps(consensus)
    assert len(data) < 20_000
    again = pickle.loads(data)
    assert again.findings(SPUN, DOCS[SPUN]) == consensus.findings(SPUN, DOCS[SPUN])


def test_disabled_rule_is_not_checked() -> None:
    only_names = [s for s in SPECS if s.code == "GC152"]
    found = _scan({}, only_names)
    assert {f.rule for f in found[SPUN]} == {"GC152"}


def test_rule_file_errors_name_the_key(tmp_path: Path) -> None:
    text = (ROOT / "rules" / "corpus" / "GC151-corpus-title.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "GC151.yaml"
    for old, new, key in [("check: title", "check: titles", "check"),
                          ("message: \"{person}", "message: \"{people}", "message"),
                          ("kind: corpus", "kind: corpus\nmin_share: 0.4", "min_share")]:
        bad.write_text(text.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(RuleError, match=key):
            build_kinds([parse_rule(bad)])
