"""Hostile inputs through the real command line: each one gets a clear one-line error (or an
error row in the report) and the rest of the run goes on; nothing hangs, nothing crashes.

What the tool did with each input is collected into docs/hostile-inputs.md: the last test
checks that the page is current, and rewrites it when GARBLECHECK_WRITE_DOCS=1.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from fuzzing import VALIDATOR

from conftest import ROOT, run_cli
from garblecheck.api import iter_reports
from garblecheck.result import DocumentReport, RunError

DOCS = ROOT / "docs" / "hostile-inputs.md"
TIMEOUT = 60
GOOD = "The minister said the weapons were delivered on Monday.\n"
RULE = """code: GC299
name: hostile-rule
kind: existence
category: tortured
severity: warning
message: "found {match}"
explain: {what: a, why: b, example: c, instead: d}
"""


@dataclass(frozen=True)
class Case:
    """A hostile input: what it is, how to make it in a folder, and the CLI arguments after
    ``check`` (the good file ``good.txt`` is always there, to show the run goes on)."""

    what: str
    make: Callable[[Path], list[str]]
    codes: tuple[int, ...]  # exit codes that are right for it


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def _big(d: Path) -> list[str]:
    with open(d / "big.txt", "wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: the limit is checked before reading
    return ["big.txt", "good.txt"]


def _limited(d: Path) -> list[str]:
    _write(d / "limited" / "garblecheck.toml", "max-bytes = 1000\n")
    _write(d / "limited" / "story.txt", GOOD * 40)
    return ["limited/story.txt", "good.txt", "--config", "limited/garblecheck.toml"]


def _loop(d: Path) -> list[str]:
    _write(d / "tree" / "sub" / "a.txt", GOOD)
    (d / "tree" / "sub" / "up").symlink_to("..")
    return ["tree", "good.txt"]


def _dangling(d: Path) -> list[str]:
    _write(d / "tree" / "a.txt", GOOD)
    (d / "tree" / "gone.txt").symlink_to("nowhere.txt")
    return ["tree", "good.txt"]


def _rule(d: Path, body: str, text: str = GOOD) -> list[str]:
    _write(d / "rule.yaml", body)
    _write(d / "story.txt", text)
    return ["story.txt", "--rules", "rule.yaml"]


CASES = [
    Case("a file over the size limit (21 MB; default limit 20 MB)", _big, (2,)),
    Case("a file over a configured limit (`--config` with `max-bytes = 1000`)", _limited, (2,)),
    Case(
        "a sentence of 100,000 characters",
        lambda d: [_write(d / "long.txt", "word " * 20_000 + "end.\n").name, "good.txt"],
        (0, 1),
    ),
    Case(
        "an HTML page nested 10,000 elements deep",
        lambda d: [
            _write(d / "deep.html", "<html><body>" + "<div>" * 10_000 + f"<p>{GOOD}</p>"
                   + "</div>" * 10_000 + "</body></html>").name,
            "good.txt",
        ],
        (0, 1, 2),
    ),
    Case(
        "a JSONL file whose second line is not JSON",
        lambda d: [_write(d / "a.jsonl", json.dumps({"text": GOOD}) + "\nnot json\n"
                          + json.dumps({"text": GOOD}) + "\n").name],
        (2,),
    ),
    Case("a folder with a symbolic-link loop", _loop, (0, 1)),
    Case("a folder with a dangling symbolic link", _dangling, (2,)),
    Case(
        "a binary file (NUL bytes)",
        lambda d: [_write(d / "bin.txt", b"\x00\x01\x02" * 100).name, "good.txt"],
        (2,),
    ),
    Case("an empty file", lambda d: [_write(d / "empty.txt", "").name, "good.txt"], (2,)),
    Case(
        "lone surrogates encoded in the bytes (`\\xed\\xa0\\x80`)",
        lambda d: [_write(d / "sur.txt", GOOD.encode() + b"He said \xed\xa0\x80 no.\n").name],
        (0, 1),
    ),
    Case(
        "UTF-16 with a BOM and an odd number of bytes",
        lambda d: [_write(d / "odd.txt", GOOD.encode("utf-16") + b"\x00").name, "good.txt"],
        (2,),
    ),
    Case(
        "CR and CRLF line ends, a 1 MB line, controls, RTL text and emoji",
        lambda d: [_write(d / "mixed.txt", GOOD.replace("\n", "\r") + GOOD.replace("\n", "\r\n")
                          + "x" * 1_000_000 + "\n\u202eمرحبا\x07 👨‍👩‍👧 e\u0301.\n").name],
        (0, 1),
    ),
    Case(
        "a rule file that is not valid YAML",
        lambda d: _rule(d, RULE + "tokens: [unclosed\n"),
        (2,),
    ),
    Case(
        "a rule file with an unknown key",
        lambda d: _rule(d, RULE + "tokens: [delivered]\ncolour: red\n"),
        (2,),
    ),
    Case(
        "a rule file with a wrong type (`ignorecase: maybe`)",
        lambda d: _rule(d, RULE + "tokens: [delivered]\nignorecase: maybe\n"),
        (2,),
    ),
    Case(
        "a rule with a catastrophic pattern `(a+)+$` and a line of 40 a's",
        lambda d: _rule(d, RULE + 'tokens: ["(a+)+$"]\n', "a" * 40 + "b\n"),
        (2,),
    ),
]
ROWS: dict[str, str] = {}


def _outcome(proc: subprocess.CompletedProcess[str], d: Path, seconds: float) -> str:
    """What the tool did, in words, without the temporary folder's name."""
    report = json.loads(proc.stdout) if proc.stdout.strip() else None
    parts = [f"exit {proc.returncode}"]
    lines = [line.replace(f"{d}{os.sep}", "") for line in proc.stderr.splitlines()]
    parts += [f"stderr: `{line}`" for line in lines]
    if report is not None:
        paths = [doc["path"] for doc in report["documents"]]
        parts.append(f"checked: {', '.join(paths) or 'nothing'}")
    parts.append("under 10 s" if seconds < 10 else "under a minute")
    return "; ".join(parts)


@pytest.mark.parametrize("case", CASES, ids=[c.what for c in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    _write(tmp_path / "good.txt", GOOD)
    args = case.make(tmp_path)
    began = time.perf_counter()
    proc = run_cli("check", *args, "--format", "json", cwd=tmp_path, timeout=TIMEOUT)
    seconds = time.perf_counter() - began
    assert "Traceback" not in proc.stderr, proc.stderr
    assert all(line.startswith("garblecheck: ") for line in proc.stderr.splitlines())
    assert proc.returncode in case.codes, proc.stderr
    if proc.returncode != 2 or proc.stdout.strip():
        report = json.loads(proc.stdout)
        VALIDATOR.validate(report)
        reported = {e["path"] for e in report["errors"]}
        errors = [line for line in proc.stderr.splitlines() if ": note: " not in line]
        assert len(errors) == len(report["errors"]), proc.stderr  # one line each
        if "good.txt" in args:
            assert "good.txt" in [doc["path"] for doc in report["documents"]], reported
    else:
        assert len(proc.stderr.splitlines()) == 1, proc.stderr  # the run could not start
    ROWS[case.what] = _outcome(proc, tmp_path, seconds)


def table() -> str:
    lines = [
        "# Hostile inputs",
        "",
        "Generated by `GARBLECHECK_WRITE_DOCS=1 pytest tests/robustness`: each input is run",
        "through `garblecheck check … --format json` (a good file beside it where the run can go",
        "on) and this is what the tool did. Do not edit by hand.",
        "",
        "| Input | What garblecheck does |",
        "| --- | --- |",
    ]
    lines += ["| {} | {} |".format(what, ROWS[what].replace("|", "\\|")) for what in ROWS]
    return "\n".join(lines) + "\n"


def test_file_that_disappears_mid_run(tmp_path: Path) -> None:
    """A file listed by the folder walk and deleted before it is read is an error row; the
    files after it are still checked (through the API, which the CLI streams)."""
    for name in ("a.txt", "b.txt", "c.txt"):
        _write(tmp_path / name, GOOD)
    results = iter_reports([str(tmp_path)])
    first = next(results)
    (tmp_path / "b.txt").unlink()
    rest = list(results)
    assert isinstance(first, DocumentReport)
    assert [type(r).__name__ for r in rest] == ["RunError", "DocumentReport"]
    error = rest[0]
    assert isinstance(error, RunError)
    where = error.path.replace(f"{tmp_path}{os.sep}", "") if error.path else None
    ROWS["a file that disappears during the run (API)"] = (
        f"error row `{where}: {error.error}`; the next file is still checked"
    )


def test_docs_table_is_current() -> None:
    """docs/hostile-inputs.md is what this run found (rewritten with GARBLECHECK_WRITE_DOCS=1)."""
    if len(ROWS) < len(CASES) + 1:
        pytest.skip("only part of the hostile inputs ran")
    if os.environ.get("GARBLECHECK_WRITE_DOCS") == "1":
        DOCS.write_text(table(), encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == table(), "run GARBLECHECK_WRITE_DOCS=1 pytest"
