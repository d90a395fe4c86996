"""A baseline records today's findings; later runs report only new ones, even if lines move."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SPUN, run_cli, run_json
from garblecheck.baseline import Baseline
from garblecheck.errors import ConfigError

NEW = "\n\nThe Interior Ministry of Britain said the the border would stay open.\n"


def test_baseline_then_only_new_findings(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    shutil.copy(SPUN, story)
    code, today = run_json("check", "story.txt", "--baseline", "gc-baseline.json", cwd=tmp_path)
    assert code == 1 and today["summary"]["findings"] > 0, "the first run reports everything"
    recorded = json.loads((tmp_path / "gc-baseline.json").read_text(encoding="utf-8"))
    assert recorded["garblecheck-baseline"] == 1
    assert len(recorded["findings"]) == today["summary"]["findings"]
    assert {e["path"] for e in recorded["findings"]} == {"story.txt"}

    # tomorrow: lines added above move every finding, which is still known
    story.write_text("\n\n\n" + SPUN.read_text(encoding="utf-8"), "utf-8")
    code, tomorrow = run_json("check", "story.txt", "--baseline", "gc-baseline.json", cwd=tmp_path)
    assert code == 0 and tomorrow["documents"][0]["findings"] == []
    assert tomorrow["summary"]["baseline"] == today["summary"]["findings"]

    story.write_text(story.read_text(encoding="utf-8") + NEW, encoding="utf-8")
    code, later = run_json("check", "story.txt", "--baseline", "gc-baseline.json", cwd=tmp_path)
    assert code == 1
    texts = {f["rule"] for f in later["documents"][0]["findings"]}
    assert "GC301" in texts


def test_a_second_copy_of_a_known_finding_is_new(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text("Officials said the the talks would resume.\n", encoding="utf-8")
    run_cli("check", "a.txt", "--baseline", "b.json", cwd=tmp_path)
    story.write_text("Officials said the the talks would resume.\n" * 2, encoding="utf-8")
    _, report = run_json("check", "a.txt", "--baseline", "b.json", "--select", "GC301",
                         cwd=tmp_path)
    assert len(report["documents"][0]["findings"]) == 1


def test_broken_baseline_is_a_configuration_error(tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_text('{"findings": []}', encoding="utf-8")
    with pytest.raises(ConfigError, match="not a baseline file"):
        Baseline(bad)
    proc = run_cli("check", str(SPUN), "--baseline", str(bad))
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
