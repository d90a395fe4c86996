"""Configuration files: found by walking up, validated strictly, layered, and explained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import CLEAN_B, SPUN, run_cli, run_json
from garblecheck.cli import FailOnName
from garblecheck.config import FailOn, Verdict, fails
from garblecheck.errors import ConfigError
from garblecheck.model import Severity
from garblecheck.settings import Settings, cli_values
from garblecheck.settings.keys import FAIL_ON

PYPROJECT = """\
[project]
name = "newsroom"

[tool.garblecheck]
select = ["GC1", "GC3"]
ignore = [
  "GC302",
]
fail-on = "error"
date = 2022-01-17
severity = { GC102 = "info" }

[tool.garblecheck.overrides."drafts/*"]
fail-on = "never"
locale = "en-US"

[tool.garblecheck.overrides."wire/*"]
fail-on = "garbled"
"""


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    for folder in ("drafts", "sub", "wire"):
        (tmp_path / folder).mkdir()
    (tmp_path / "sub" / "garblecheck.toml").write_text('select = ["GC6"]\n', encoding="utf-8")
    for name in ("story.txt", "drafts/draft.txt", "sub/other.txt"):
        (tmp_path / name).write_text(SPUN.read_text(encoding="utf-8"), encoding="utf-8")
    # wire copy with one rule finding (a repeated word, GC3): a suspect document, not garbled
    wire = CLEAN_B.read_text(encoding="utf-8") + "\nThe council backed the the plan on Monday.\n"
    (tmp_path / "wire" / "copy.txt").write_text(wire, encoding="utf-8")
    return tmp_path


def test_walks_up_and_layers_overrides(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    settings = Settings()
    story = settings.resolve(str(root / "story.txt"))
    assert story.config.select == ["GC1", "GC3"] and story.config.ignore == ["GC302"]
    assert story.config.fail_on is Severity.ERROR
    assert story.config.date == dt.date(2022, 1, 17)
    assert story.config.severity == {"GC102": Severity.INFO}
    assert story.values["ignore"][1].endswith("pyproject.toml:6")
    draft = settings.resolve(str(root / "drafts" / "draft.txt"))
    assert draft.config.fail_on is None and draft.config.locale == "en-US"
    assert draft.config.select == ["GC1", "GC3"], "an override changes only what it sets"
    assert draft.values["locale"][1].endswith("pyproject.toml:15")
    wire = settings.resolve(str(root / "wire" / "copy.txt"))
    assert wire.config.fail_on is Verdict.GARBLED and wire.values["fail-on"][1].endswith(":18")
    other = settings.resolve(str(root / "sub" / "other.txt"))
    assert other.config.select == ["GC6"] and other.config.ignore == []
    assert other.values["ignore"][1] == "default"


def test_command_line_wins_and_names_the_option(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    settings = Settings(cli=cli_values({"select": ["GC101"], "fail-on": "warning"}))
    resolved = settings.resolve(str(root / "drafts" / "draft.txt"))
    assert resolved.config.select == ["GC101"] and resolved.config.fail_on is Severity.WARNING
    assert resolved.values["select"][1] == "--select"
    verdict = Settings(cli=cli_values({"fail-on": "suspect"})).config_for(str(root / "story.txt"))
    assert verdict.fail_on is Verdict.SUSPECT, "a verdict on the command line beats a severity"


def test_fail_on_names_match_the_command_line_choices() -> None:
    assert set(FAIL_ON) == {name.value for name in FailOnName}


@pytest.mark.parametrize(
    ("bar", "worst", "verdict", "expected"),
    [
        (Severity.WARNING, Severity.WARNING, Verdict.SUSPECT, True),
        (Severity.ERROR, Severity.WARNING, Verdict.GARBLED, False),  # severities ignore verdicts
        (Severity.INFO, None, Verdict.CLEAN, False),
        (Verdict.GARBLED, Severity.ERROR, Verdict.SUSPECT, False),  # verdicts ignore findings
        (Verdict.GARBLED, None, Verdict.GARBLED, True),
        (Verdict.SUSPECT, Severity.WARNING, Verdict.GARBLED, True),
        (Verdict.SUSPECT, Severity.INFO, Verdict.CLEAN, False),
        (None, Severity.ERROR, Verdict.GARBLED, False),
    ],
)
def test_fails_compares_severities_with_findings_and_verdicts_with_documents(
    bar: FailOn, worst: Severity | None, verdict: Verdict, expected: bool
) -> None:
    assert fails(bar, worst, verdict) is expected


def test_explicit_config_file(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    settings = Settings(config_file=root / "sub" / "garblecheck.toml")
    assert settings.config_for(str(root / "story.txt")).select == ["GC6"]
    with pytest.raises(ConfigError, match="no such configuration file"):
        Settings(config_file=root / "missing.toml")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('fail_on = "error"', "pyproject.toml:2: key 'fail_on': unknown key (did you mean"),
        ('select = "GC1"', "key 'select': expected a list of rule codes"),
        ('select = ["banana"]', "key 'select': 'BANANA' is not a rule code"),
        ('locale = "fr-FR"', "key 'locale': 'fr-FR' is not one of en-GB, en-US"),
        ("date = 17", "key 'date': 17 is not a date"),
        ("grammar = 1", "key 'grammar': expected true or false"),
        ('severity = { GC101 = "fatal" }', "key 'severity.GC101': 'fatal' is not one of"),
        ("thresholds = { garbled = 0.4 }", "key 'thresholds.garbled': unknown key"),
        ("thresholds = { garbled-score = 4 }", "key 'thresholds.garbled-score': 4 is out of range"),
        ('[tool.garblecheck.overrides."a/*"]\ninclude = []', "key 'overrides.\"a/*\".include'"),
        ("select = [", "not valid TOML"),
    ],
)
def test_bad_keys_and_values_name_file_line_and_key(
    tmp_path: Path, body: str, message: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.garblecheck]\n{body}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        Settings().resolve(str(tmp_path / "a.txt"))
    assert message in str(caught.value)


def test_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.garblecheck]\nselect = ["GC3"]\n', "utf-8")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert Settings().config_for(str(tmp_path / "pkg" / "a.txt")).select == ["GC3"]


def test_cli_uses_the_found_configuration(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    code, report = run_json("check", "story.txt", cwd=root)
    rules = {f["rule"] for f in report["documents"][0]["findings"]}
    assert rules and all(r.startswith(("GC1", "GC3")) for r in rules) and "GC302" not in rules
    assert code == 1  # GC101 is an error
    code, _ = run_json("check", "drafts/draft.txt", cwd=root)
    assert code == 0  # fail-on = "never" for drafts
    code, report = run_json("check", "wire/copy.txt", cwd=root)
    assert report["documents"][0]["verdict"] == "suspect"
    assert code == 0  # fail-on = "garbled" for wire copy: a flagged sentence does not fail it
    code, _ = run_json("check", "wire/copy.txt", "--fail-on", "suspect", cwd=root)
    assert code == 1


def test_cli_bad_configuration_exits_2_naming_it(tmp_path: Path) -> None:
    (tmp_path / "garblecheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "garblecheck: garblecheck.toml:1: key 'fail-on': 'sometimes' is not one of "
        "error, warning, info, garbled, suspect, never"
    ]


def test_config_command_shows_origins(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    proc = run_cli("config", "drafts/draft.txt", "--ignore", "GC8", cwd=root)
    assert proc.returncode == 0, proc.stderr
    lines = {line.split(" = ")[0]: line for line in proc.stdout.splitlines() if " = " in line}
    assert lines["select"].endswith("# pyproject.toml:5")
    assert lines["ignore"].startswith('ignore = ["GC8"]') and lines["ignore"].endswith("# --ignore")
    assert lines["fail-on"].startswith('fail-on = "never"')
    assert lines["grammar"].endswith("# default")
    assert "GC102 = \"info\"" in proc.stdout
    wire = run_cli("config", "wire/copy.txt", cwd=root).stdout
    assert 'fail-on = "garbled"' in wire and "# pyproject.toml:18" in wire


def test_size_limit_from_the_configuration_beside_a_file(tmp_path: Path) -> None:
    limited = tmp_path / "limited"
    limited.mkdir()
    (limited / "garblecheck.toml").write_text("max-bytes = 1000\n", encoding="utf-8")
    big = limited / "story.txt"
    big.write_text("The minister said the plan would go ahead on Monday. " * 40, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(big.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run_cli("check", str(big), str(other), "--format", "json", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"garblecheck: {big}: file is {big.stat().st_size:,} bytes, over the 1,000-byte limit"
    )
    assert "other.txt" in proc.stdout  # the file outside that folder is still checked
