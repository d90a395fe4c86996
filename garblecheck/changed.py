"""``--changed-since REV``: report only findings on lines changed since a git revision.

A file's changed lines are the lines ``git diff -U0 REV -- FILE`` adds (the working tree against
REV, so uncommitted edits count); a file git does not track is new, every line of it changed.
A finding is kept when any line of its span changed. An HTML page's text is extracted, so its
lines are not the file's: its findings are kept when the page changed at all. A text without a
file (stdin, a JSONL record) is kept whole.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from garblecheck.errors import ConfigError
from garblecheck.inputs.html import EXTRACTED
from garblecheck.model import Document, Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
_TIMEOUT = 60.0
OPTION = "--changed-since"

Lines = set[int] | None  # None: every line (a file new since the revision)


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True, text=True, timeout=_TIMEOUT, check=False,
        )
    except FileNotFoundError:
        raise ConfigError(OPTION, "git is not installed") from None
    except subprocess.TimeoutExpired:
        raise ConfigError(OPTION, f"git did not answer within {_TIMEOUT:.0f} s") from None


def added_lines(diff: str) -> set[int]:
    """The line numbers (in the new file) that a ``-U0`` diff adds or rewrites."""
    lines: set[int] = set()
    for m in _HUNK.finditer(diff):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


class ChangedLines:
    """The lines changed since ``rev`` in each file asked about (asked once per file)."""

    def __init__(self, rev: str, folder: str | Path = ".") -> None:
        self.rev = rev
        self._files: dict[Path, Lines] = {}
        self._verified: set[str] = set()
        self._verify(Path(folder).absolute())

    def _verify(self, folder: Path) -> str:
        """The top of the repository holding ``folder``, once ``rev`` is known to exist there."""
        top = _git(folder, "rev-parse", "--show-toplevel")
        if top.returncode != 0:
            raise ConfigError(OPTION, f"{folder} is not inside a git repository")
        root = top.stdout.strip()
        if root not in self._verified:
            known = _git(folder, "rev-parse", "--verify", "--quiet", f"{self.rev}^{{commit}}")
            if known.returncode != 0:
                raise ConfigError(OPTION, f"unknown revision {self.rev!r} in {root}")
            self._verified.add(root)
        return root

    def lines(self, path: str) -> Lines:
        """The changed lines of a file; None when all of it is new."""
        file = Path(path).absolute()
        if file not in self._files:
            self._verify(file.parent)
            diff = _git(file.parent, "diff", "-U0", "--no-color", "--no-ext-diff", self.rev,
                        "--", file.name)
            if diff.returncode != 0:
                raise ConfigError(path, f"git diff failed: {diff.stderr.strip()}")
            changed: Lines = added_lines(diff.stdout)
            if not changed:
                tracked = _git(file.parent, "ls-files", "--error-unmatch", "--", file.name)
                changed = changed if tracked.returncode == 0 else None
            self._files[file] = changed
        return self._files[file]

    def keep(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """The findings on changed lines."""
        if doc.path is None or not os.path.isfile(doc.path) or not findings:
            return findings
        changed = self.lines(doc.path)
        if changed is None:
            return findings
        if doc.meta.extra.get("extracted_from") == EXTRACTED:
            return findings if changed else []
        kept = []
        for f in findings:
            first = doc.line_col(f.start)[0]
            last = doc.line_col(max(f.start, f.end - 1))[0]
            if any(n in changed for n in range(first, last + 1)):
                kept.append(f)
        return kept
