"""The spinner: deterministic for a seed, every kind makes its kind of garble, and every edit
is located exactly in both the copy and the source."""

from __future__ import annotations

import random

import pytest

from conftest import SOURCE
from garblecheck.segment import segment
from garblecheck.training.spinner import KINDS, Spun, misspellings, names_in, spin

# one sentence per kind with a site of that kind
CASES = {
    "synonym": "The government delivered the weapons to the army on Monday.",
    "title": "President Vladimir Putin met the delegation in Moscow.",
    "dialect": "The defence ministry praised the organisation of the programme.",
    "number": "The company paid £1.7bn for a 25% stake.",
    "quote": 'He said: "We will prepare the troops for the attack."',
    "negation": "The anti-tank missiles were not delivered.",
    "entity": "Tobias Ellwood and Ben Wallace spoke about Ukrainian forces.",
    "repetition": "The soldiers were preparing for an invasion.",
    "name": "Tobias Ellwood spoke to reporters.",
}


def _check_offsets(spun: Spun) -> None:
    for edit in spun.edits:
        assert spun.text[edit.start : edit.end] == edit.replacement
        assert spun.source[edit.source_start : edit.source_end] == edit.original
    if not spun.edits:
        assert spun.text == spun.source


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_edits(kind: str) -> None:
    text = CASES[kind]
    for seed in range(5):
        spun = spin(text, random.Random(seed), kinds=[kind], at_least_one=True)
        assert spun.edits, kind
        assert {e.kind for e in spun.edits} == {kind}
        assert spun.text != text
        _check_offsets(spun)


def test_same_seed_same_copy() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    first = spin(text, random.Random(42), rate=0.5)
    again = spin(text, random.Random(42), rate=0.5)
    other = spin(text, random.Random(43), rate=0.5)
    assert first == again
    assert first.text != other.text
    _check_offsets(first)


def test_every_sentence_of_an_article() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    pool = names_in(text)
    rng = random.Random(0)
    edited = 0
    for sentence in segment(text).sentences:
        spun = spin(sentence.text, rng, names=pool, at_least_one=True)
        _check_offsets(spun)
        assert len({(e.source_start, e.source_end) for e in spun.edits}) == len(spun.edits)
        edited += bool(spun.edits)
    assert edited >= len(segment(text).sentences) * 0.8


def test_title_swap_names_another_office() -> None:
    spun = spin(CASES["title"], random.Random(1), kinds=["title"], at_least_one=True)
    (edit,) = spun.edits
    assert edit.original == "President"
    assert spun.text.endswith("Vladimir Putin met the delegation in Moscow.")


def test_title_needs_a_known_officeholder() -> None:
    text = "President Zorblax Quimby met the delegation."
    assert not spin(text, random.Random(0), kinds=["title"], at_least_one=True).edits


def test_synonym_keeps_inflection() -> None:
    replacements = {
        spin(CASES["synonym"], random.Random(seed), kinds=["synonym"], rate=1.0).text
        for seed in range(10)
    }
    assert all(r != CASES["synonym"] for r in replacements)
    # "delivered" is replaced by past forms ("handed over", "rendered", "bore" ...)
    spun_words = {r.split()[2] for r in replacements}
    assert all(not w.endswith(("eded", "inged")) for w in spun_words)


def test_no_edits_inside_numbers_or_when_no_kinds() -> None:
    text = "Sales rose to 2.2 million last year."
    for seed in range(5):
        spun = spin(text, random.Random(seed), kinds=["synonym", "negation"], rate=1.0)
        assert "2.2 million" in spun.text
    assert spin(text, random.Random(0), kinds=()).text == text


def test_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown spin kinds"):
        spin("A sentence.", random.Random(0), kinds=["shuffle"])


def test_misspellings_are_one_letter_off() -> None:
    variants = misspellings("Ellwood")
    assert "Elwood" in variants
    assert "Ellwood" not in variants
    assert all(abs(len(v) - len("Ellwood")) <= 1 for v in variants)


def test_names_in_skips_function_words_and_titles() -> None:
    names = names_in("It was a good day. Defence Secretary Ben Wallace met Mr Blair in Kyiv.")
    assert "It" not in names
    assert "Ben Wallace" in names
    assert "Blair" in names
