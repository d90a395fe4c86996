"""`garblecheck clean`: the article without junk and captions, its layout and prose intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CLEAN_A, CLEAN_C, FIXTURES, SOURCE, run_cli
from garblecheck.clean import clean, removable
from garblecheck.segment import segment


@pytest.mark.parametrize("path", [SOURCE, CLEAN_A, CLEAN_C], ids=lambda p: p.stem)
def test_clean_keeps_every_sentence_and_drops_all_junk(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    cleaned = clean(text)
    before, after = segment(text), segment(cleaned.text)
    assert [s.text for s in after.sentences] == [s.text for s in before.sentences]
    assert not [b for b in after.blocks if removable(b)]
    assert len(cleaned.removed) == sum(1 for b in before.blocks if removable(b)) > 0


def test_layout_is_kept() -> None:
    text = "First paragraph here.\r\nREAD MORE: Other story\r\nSecond paragraph here.\r\n"
    assert clean(text).text == "First paragraph here.\r\nSecond paragraph here.\r\n"
    glued = CLEAN_C.read_text(encoding="utf-8")  # an appeal glued to the story's first sentence
    assert "influence on Moscow.\nChina is providing Russia" in clean(glued).text


def test_markdown_front_matter_and_code_stay() -> None:
    draft = "---\ntitle: X\n---\n\nThe vote was close.\n\n```\ncode here\n```\n\nShare article\n"
    assert clean(draft).text == "---\ntitle: X\n---\n\nThe vote was close.\n\n```\ncode here\n```\n"


def test_cli_clean_to_stdout_and_file(tmp_path: Path) -> None:
    proc = run_cli("clean", str(SOURCE))
    assert proc.returncode == 0 and proc.stdout == clean(SOURCE.read_text(encoding="utf-8")).text
    assert "(Image: Getty)" not in proc.stdout and "READ MORE" not in proc.stdout
    out = tmp_path / "page.txt"
    proc = run_cli("clean", str(FIXTURES / "html" / "wallace-2022-source.html"), "-o", str(out))
    assert proc.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("Tensions between Moscow and Kiev")


def test_cli_in_place_keeps_a_backup_in_the_original_encoding(tmp_path: Path) -> None:
    original = "The story starts here.\n\nShare article\n\nThe story ends here.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(original.encode("utf-16"))
    proc = run_cli("clean", str(path), "--in-place")
    assert proc.returncode == 0, proc.stderr
    assert path.read_bytes() == "The story starts here.\n\nThe story ends here.\n".encode("utf-16")
    assert (tmp_path / "a.txt.bak").read_bytes() == original.encode("utf-16")
    again = run_cli("clean", str(path), "--in-place")
    assert again.returncode == 2 and "exists already" in again.stderr
    assert (tmp_path / "a.txt.bak").read_bytes() == original.encode("utf-16")


@pytest.mark.parametrize(
    "args",
    [
        ["clean", str(SOURCE), "--in-place", "-o", "x.txt"],
        ["clean", "-", "--in-place"],
        ["clean", str(FIXTURES / "html" / "wallace-2022-source.html"), "--in-place"],
        ["clean", "missing.txt"],
    ],
)
def test_cli_clean_refusals_are_one_line(args: list[str]) -> None:
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("garblecheck: ")
