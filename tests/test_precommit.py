"""The pre-commit hook on a real repository: garbled copy fails, clean copy passes (even an
article where the classifier flags a sentence: the hook's gate is the document's verdict), and a
baseline made today lets tomorrow's commit through until new garbling is added.

The hook is the one ``.pre-commit-hooks.yaml`` publishes, run as a ``repo: local`` hook with
``language: system`` so that it uses the garblecheck installed here and fetches nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import CLEAN_A, CLEAN_B, CLEAN_C, ROOT, SOURCE, SPUN, run_cli

pytest.importorskip("pre_commit")
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# a flagged sentence (a repeated word): the article becomes suspect, not garbled
FLAGGED = "\nThe council said it supported the the plan, officials said on Monday.\n"
# a wrong title for a known officeholder, an error: the article becomes garbled
GARBLED = "\nDefence Minister Vladimir Putin said NATO members were selling weapons to Ukraine.\n"


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home))
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo, capture_output=True, text=True, check=False,
    )


def _pre_commit(repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo, capture_output=True, text=True, env=_env(repo.parent / "pre-commit-home"),
        timeout=300, check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the clean seeds committed and the published hook configured."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "garblecheck" and hook["entry"] == "garblecheck check"
    assert hook["args"] == ["--fail-on", "garbled"]
    local = {k: hook[k] for k in ("id", "name", "entry", "args", "types_or", "require_serial")}
    config = {"repos": [{"repo": "local", "hooks": [{**local, "language": "system"}]}]}
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for seed in (CLEAN_A, CLEAN_B, CLEAN_C, SOURCE):
        shutil.copy(seed, repo / seed.name)
    _git(repo, "add", ".")
    assert _git(repo, "commit", "-q", "-m", "clean copy").returncode == 0
    return repo


def _set_args(repo: Path, args: list[str]) -> None:
    path = repo / ".pre-commit-config.yaml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["repos"][0]["hooks"][0]["args"] = args
    path.write_text(yaml.safe_dump(config), encoding="utf-8")


def _append(repo: Path, name: str, text: str) -> None:
    with (repo / name).open("a", encoding="utf-8") as fh:
        fh.write(text)
    _git(repo, "add", name)


def test_clean_seeds_pass_and_the_garbled_seed_fails(repo: Path) -> None:
    clean = _pre_commit(repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    shutil.copy(SPUN, repo / SPUN.name)
    _git(repo, "add", SPUN.name)
    garbled = _pre_commit(repo)
    assert garbled.returncode == 1
    assert "GC101" in garbled.stdout and SPUN.name in garbled.stdout


def test_a_flagged_sentence_passes_the_default_gate_and_fails_a_sentence_gate(repo: Path) -> None:
    _append(repo, CLEAN_B.name, FLAGGED)
    suspect = _pre_commit(repo)
    assert suspect.returncode == 0, suspect.stdout + suspect.stderr
    _set_args(repo, ["--fail-on", "warning"])
    strict = _pre_commit(repo)
    assert strict.returncode == 1
    assert f"{CLEAN_B.name}:" in strict.stdout and "GC301" in strict.stdout


@pytest.mark.parametrize(("gate", "new"), [("garbled", GARBLED), ("warning", FLAGGED)])
def test_a_baseline_made_today_passes_tomorrow_until_new_garbling(
    repo: Path, gate: str, new: str
) -> None:
    shutil.copy(SPUN, repo / SPUN.name)
    today = run_cli("check", ".", "--baseline", "garblecheck-baseline.json", cwd=repo)
    assert today.returncode == 1, "today's run reports everything and records it"
    _set_args(repo, ["--fail-on", gate, "--baseline", "garblecheck-baseline.json"])
    _git(repo, "add", ".")
    assert _git(repo, "commit", "-q", "-m", "adopt garblecheck").returncode == 0
    tomorrow = _pre_commit(repo)
    assert tomorrow.returncode == 0, tomorrow.stdout + tomorrow.stderr
    _append(repo, CLEAN_B.name, new)
    later = _pre_commit(repo)
    assert later.returncode == 1
    reported = [line.split(":")[0] for line in later.stdout.splitlines() if ": GC" in line]
    assert reported and set(reported) == {CLEAN_B.name}, "only the new garbled sentence"
