"""The rule loader: the shipped packs load, and every kind of mistake in a rule file is one
RuleError naming the file and the line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from garblecheck.errors import RuleError
from garblecheck.rules.docs import format_explain, format_rule_list
from garblecheck.rules.loader import build_kinds, load_rules

GOOD = """\
code: GC299
name: test-phrase
kind: existence
category: tortured
severity: warning
message: "Odd phrase '{match}'"
explain:
  what: Flags a phrase.
  why: It is odd.
  example: a melee weapon
  instead: a short-range weapon
examples:
  trigger: ["a melee weapon"]
  quiet: [{text: "a short-range weapon", date: 2022-01-17, locale: en-GB}]
tokens: ["melee"]
"""


def _write(tmp_path: Path, text: str, name: str = "rule.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _load_error(paths: list[Path]) -> str:
    with pytest.raises(RuleError) as info:
        build_kinds(load_rules(paths, packs=False))
    return str(info.value)


def test_good_rule_loads_with_defaults(tmp_path: Path) -> None:
    (spec,) = load_rules([_write(tmp_path, GOOD)], packs=False)
    assert (spec.code, spec.name, spec.kind, spec.confidence) == (
        "GC299",
        "test-phrase",
        "existence",
        0.8,
    )
    assert spec.options == {"tokens": ["melee"], "ignorecase": False, "scope": "prose"}
    assert spec.quiet[0].date == "2022-01-17" and spec.quiet[0].locale == "en-GB"
    assert len(build_kinds([spec])) == 1


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("name: test-phrase", "name: test: phrase", 2, "invalid YAML"),
        ("severity: warning", "severity: warning\ncolour: red", 6, "key 'colour': unknown key"),
        (
            "severity: warning",
            "severity: warning\nseverity: error",
            6,
            "key 'severity': already set",
        ),
        ('tokens: ["melee"]', "tokens: melee", 15, "key 'tokens': must be a list"),
        ('tokens: ["melee"]', 'tokens: ["mel(ee"]', 15, "key 'tokens.0': bad pattern"),
        ("kind: existence", "kind: existance", 3, "key 'kind': unknown kind 'existance'"),
        ('tokens: ["melee"]', "", 1, "missing key 'tokens'"),
        ("code: GC299", "code: gc299", 1, "key 'code'"),
        ("name: test-phrase", "name: Test_Phrase", 2, "not kebab-case"),
        ("severity: warning", "severity: fatal", 5, "key 'severity'"),
        ("category: tortured", "category: style", 4, "key 'category'"),
        ("  instead: a short-range weapon\n", "", 7, "key 'explain.instead'"),
        (
            '  trigger: ["a melee weapon"]',
            "  trigger: [{txt: x}]",
            13,
            "key 'examples.trigger.0.txt'",
        ),
        ("date: 2022-01-17", "date: 17/01/2022", 14, "key 'examples.quiet.0.date'"),
        ("message: \"Odd phrase '{match}'\"", 'message: "Odd {phrase}"', 6, "key 'message'"),
        ("severity: warning", "severity: warning\nconfidence: yes", 6, "key 'confidence'"),
    ],
)
def test_broken_rule_is_one_line_error_with_file_and_line(
    tmp_path: Path, old: str, new: str, line: int, words: str
) -> None:
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new))
    message = _load_error([path])
    assert message.startswith(f"{path}: line {line}: "), message
    assert words in message
    assert "\n" not in message


def test_duplicate_code_names_both_files(tmp_path: Path) -> None:
    first = _write(tmp_path, GOOD, "a.yaml")
    second = _write(tmp_path, GOOD.replace("test-phrase", "other-phrase"), "b.yaml")
    message = _load_error([tmp_path])
    assert message.startswith(f"{second}: line 1: key 'code'")
    assert str(first) in message


def test_rule_that_is_not_a_mapping(tmp_path: Path) -> None:
    assert "one mapping" in _load_error([_write(tmp_path, "- just\n- a list\n")])


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    assert "no such rule file" in _load_error([tmp_path / "nope.yaml"])


def test_folders_skip_knowledge_files(tmp_path: Path) -> None:
    (tmp_path / "knowledge").mkdir()
    _write(tmp_path / "knowledge", "not: a rule\n", "data.yaml")
    _write(tmp_path, GOOD)
    assert [s.code for s in load_rules([tmp_path], packs=False)] == ["GC299"]


INSTITUTIONS = """\
countries:
  Atlantis:
    names: [Atlantis, Atlantean]
    mistakes:
      - pattern: "Atlantean Senate"
        intended: the Council of Elders
        why: Atlantis has no senate
        unless: '{unless}'
"""


@pytest.mark.parametrize(
    ("unless", "words"),
    [
        ("(?:Elders?\\s*)+ Council", "repeats a repetition"),
        ("Council (of", "bad pattern"),
    ],
)
def test_a_bad_unless_pattern_names_the_knowledge_file(
    tmp_path: Path, unless: str, words: str
) -> None:
    """An ``unless`` pattern is checked like a rule's tokens: invalid, or nested repeats that
    could backtrack for ever on one long line, stop the load with one line."""
    knowledge = _write(tmp_path, INSTITUTIONS.format(unless=unless), "institutions.yaml")
    rule = GOOD.replace("kind: existence", "kind: institutions").replace(
        'tokens: ["melee"]', f"country: Atlantis\nknowledge: {knowledge}"
    )
    message = _load_error([_write(tmp_path, rule.replace("'{match}'", "here"))])
    assert message.startswith(f"{knowledge}: key 'countries.Atlantis.mistakes.0.unless': ")
    assert words in message
    assert "\n" not in message


def test_shipped_packs_load_and_build() -> None:
    specs = load_rules()
    codes = [s.code for s in specs]
    assert len(codes) == len(set(codes))
    assert {"GC111", "GC112", "GC113", "GC114", "GC401"} <= set(codes)
    assert len(build_kinds(specs)) == len(specs)


def test_rule_list_and_explain() -> None:
    specs = {s.code: s for s in load_rules()}
    table = format_rule_list(specs.values())
    assert re.search(
        r"^GC111\s+institution-uk\s+institution\s+warning\s+institutions$", table, re.M
    )
    page = format_explain(specs["GC401"])
    assert page.startswith("# GC401 dialect-mix\n")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in page
    assert "GC401-dialect-mix.yaml" in page
