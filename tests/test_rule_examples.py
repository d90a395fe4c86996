"""Every rule file's own examples, run through the public API (like ``vale test``): each
trigger example must produce a finding of the rule, each quiet example none."""

from __future__ import annotations

import os

import pytest

import garblecheck
from garblecheck.config import Config
from garblecheck.rules.base import Example, RuleSpec
from garblecheck.rules.loader import load_rules

# LanguageTool's rules run only against a real server (GARBLECHECK_LANGUAGETOOL_URL);
# tests/test_grammar.py checks their adapter against LanguageTool's documented answers.
LANGUAGETOOL = os.environ.get("GARBLECHECK_LANGUAGETOOL_URL")
# Corpus rules need a corpus, not one document: tests/test_corpus.py runs their examples.
SPECS = [
    s
    for s in load_rules()
    if s.kind != "corpus" and (LANGUAGETOOL or s.options.get("engine") != "languagetool")
]
CONFIG = Config(grammar=True, languagetool_url=LANGUAGETOOL)


def _cases(which: str) -> list[tuple[RuleSpec, Example]]:
    return [(s, ex) for s in SPECS for ex in getattr(s, which)]


def _ids(cases: list[tuple[RuleSpec, Example]]) -> list[str]:
    return [f"{spec.code}-{ex.text[:40]}" for spec, ex in cases]


def _codes(example: Example) -> list[str]:
    if example.source is not None:
        report = garblecheck.compare(
            example.text, example.source, date=example.date, config=CONFIG
        )
    else:
        report = garblecheck.check(
            example.text, date=example.date, locale=example.locale, config=CONFIG
        )
    return [f.rule for f in report.findings]


def test_every_rule_has_examples() -> None:
    thin = [s.code for s in SPECS if len(s.trigger) < 3 or len(s.quiet) < 3]
    assert not thin, f"rules with fewer than 3 trigger or 3 quiet examples: {thin}"


@pytest.mark.parametrize(("spec", "example"), _cases("trigger"), ids=_ids(_cases("trigger")))
def test_trigger_example_fires(spec: RuleSpec, example: Example) -> None:
    assert spec.code in _codes(example), f"{spec.path}: trigger example did not fire"


@pytest.mark.parametrize(("spec", "example"), _cases("quiet"), ids=_ids(_cases("quiet")))
def test_quiet_example_stays_quiet(spec: RuleSpec, example: Example) -> None:
    assert spec.code not in _codes(example), f"{spec.path}: quiet example fired"
