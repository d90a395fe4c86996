"""``--baseline FILE``: adopt garblecheck on existing copy by recording today's findings, so that
later runs report only findings that are new.

When FILE does not exist, the run reports everything as usual and writes FILE with every
finding it reported. When it exists, findings it lists are left out of the report (and counted
in the summary as ``baseline``). To refresh it, delete it and run again.

The file is JSON, meant to be committed and read in a diff::

    {
      "garblecheck-baseline": 1,
      "findings": [
        {"fingerprint": "5be1c0a6e2e59a1d", "path": "news/story.md", "rule": "GC101",
         "line": 11, "text": "Defense Minister Vladimir Putin"}
      ]
    }

A fingerprint hashes the file's path (relative to the baseline's folder), the rule code, the
sentence holding the finding and the finding's own text, each with its whitespace collapsed. It
holds no line number or offset, so a finding keeps its fingerprint when text above it is added,
removed or rewrapped; ``line`` and ``text`` are there for readers only. A fingerprint listed
n times absorbs n findings: a second copy of a known garbled sentence is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from garblecheck.errors import ConfigError
from garblecheck.model import Document, Finding
from garblecheck.settings.resolve import file_part

FORMAT = 1
_KEY = "garblecheck-baseline"


@dataclass(frozen=True)
class Entry:
    """One recorded finding, as the file lists it."""

    fingerprint: str
    path: str
    rule: str
    line: int
    text: str


def _squash(text: str) -> str:
    return " ".join(text.split())


def _context(doc: Document, finding: Finding) -> str:
    """The sentence holding the finding, or the lines of its span outside prose."""
    if finding.sentence is not None and finding.sentence < len(doc.seg.sentences):
        return doc.seg.sentences[finding.sentence].text
    start = doc.text.rfind("\n", 0, finding.start) + 1
    end = doc.text.find("\n", finding.end)
    return doc.text[start : end if end >= 0 else len(doc.text)]


class Baseline:
    """A baseline file: the fingerprints it lists, or, while it does not exist yet, the
    findings the run is recording into it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.folder = self.path.absolute().parent
        self.known: Counter[str] | None = self._load() if self.path.exists() else None
        self.entries: list[Entry] = []

    @property
    def recording(self) -> bool:
        return self.known is None

    def _fail(self, problem: str) -> ConfigError:
        return ConfigError(str(self.path), f"baseline: {problem}")

    def _load(self) -> Counter[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise self._fail(f"cannot read: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise self._fail(f"not valid JSON: {exc}") from None
        if not isinstance(data, dict) or data.get(_KEY) != FORMAT:
            raise self._fail(f'not a baseline file (expected "{_KEY}": {FORMAT})')
        entries = data.get("findings")
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
        ):
            raise self._fail('"findings" must be a list of objects with a "fingerprint"')
        return Counter(str(e["fingerprint"]) for e in entries)

    def relative(self, doc: Document) -> str:
        """The document's path as the baseline records it."""
        if doc.path is None:
            return "-"
        return os.path.relpath(Path(file_part(doc.path)).absolute(), self.folder).replace(
            os.sep, "/"
        )

    def fingerprint(self, doc: Document, finding: Finding) -> str:
        parts = (
            self.relative(doc),
            finding.rule,
            _squash(_context(doc, finding)),
            _squash(doc.text[finding.start : finding.end]),
        )
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

    def new(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """The findings the baseline does not list; while recording, all of them (noted)."""
        if self.known is None:
            for f in findings:
                self.entries.append(Entry(
                    fingerprint=self.fingerprint(doc, f),
                    path=self.relative(doc),
                    rule=f.rule,
                    line=doc.line_col(f.start)[0],
                    text=_squash(doc.text[f.start : f.end])[:200],
                ))
            return findings
        fresh = []
        for f in findings:
            key = self.fingerprint(doc, f)
            if self.known[key] > 0:
                self.known[key] -= 1
            else:
                fresh.append(f)
        return fresh

    def save(self) -> int:
        """Write the recorded findings to the baseline file; returns how many."""
        entries = sorted(self.entries, key=lambda e: (e.path, e.line, e.rule))
        listed = [asdict(e) for e in entries]
        body = json.dumps({_KEY: FORMAT, "findings": listed}, ensure_ascii=False, indent=2)
        tmp = self.path.with_name(self.path.name + ".garblecheck-tmp")
        try:
            tmp.write_text(body + "\n", encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            raise self._fail(f"cannot write: {exc.strerror or exc}") from None
        return len(entries)
