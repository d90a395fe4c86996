"""``--fix``: apply the fixes that are safe without a reader, and say which were not applied.

A fix is applied when its rule is one whose suggestion is the text itself, not a guess about
meaning (FIXABLE: scraping junk deleted, a repeated word said once, an institution that does not
exist replaced by the one meant), the finding has exactly one suggestion, and its span overlaps
no other fix. The original file is kept as FILE.bak (which must not exist yet); the caller
checks the file again, so the report describes what is on disk.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from garblecheck.clean import write_in_place
from garblecheck.errors import InputError
from garblecheck.inputs.html import EXTRACTED
from garblecheck.model import Document, Finding

FIXABLE = frozenset({"GC601", "GC301", "GC111", "GC112", "GC113", "GC114"})
DELETE = "GC601"  # its suggestion is empty: the line goes, with its line break
_SEVERAL = re.compile(r" / |;| or |\|")

Say = Callable[[str], None]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``, for ``finding``."""

    start: int
    end: int
    replacement: str
    finding: Finding


@dataclass
class Plan:
    """The edits to make and the findings left alone, with the reason."""

    edits: list[Edit] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)


def _line_deletion(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The lines ``start:end`` covers, with the blank run on both sides, and what to leave in
    their place: the wider separator (none at the top, the final line break at the end).
    None when the span shares a line with other text."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return None
    head, tail = text[:line_start], text[line_end:]
    lo = len(head.rstrip())
    hi = len(text) - len(tail.lstrip())
    if lo == 0:
        return 0, hi, ""
    if hi == len(text):
        return lo, hi, text[line_end:hi]
    gaps = (text[lo:line_start], text[line_end:hi])
    return lo, hi, max(gaps, key=lambda g: g.count("\n"))


def _edit(text: str, f: Finding) -> Edit | str:
    """The edit for a finding, or why there is none."""
    if f.rule not in FIXABLE:
        return "no safe automatic fix for this rule"
    if f.suggestion is None:
        return "no suggestion"
    if f.rule == DELETE:
        lines = _line_deletion(text, f.start, f.end)
        if lines is None:
            return "shares its line with other text"
        return Edit(*lines, f)
    if not f.suggestion.strip() or _SEVERAL.search(f.suggestion):
        return "not exactly one suggestion"
    if f.suggestion == text[f.start : f.end]:
        return "the suggestion is the text already"
    return Edit(f.start, f.end, f.suggestion, f)


def plan(text: str, findings: list[Finding]) -> Plan:
    """The non-overlapping edits the findings allow; overlapping ones are all left alone."""
    result = Plan()
    candidates: list[Edit] = []
    for f in findings:
        if f.suggestion is None and f.rule not in FIXABLE:
            continue  # nothing was suggested, so nothing was skipped
        made = _edit(text, f)
        if isinstance(made, str):
            result.skipped.append((f, made))
        else:
            candidates.append(made)
    candidates.sort(key=lambda e: (e.start, e.end))
    for e in candidates:
        clash = next(
            (o for o in candidates if o is not e and o.start < e.end and e.start < o.end), None
        )
        if clash is None:
            result.edits.append(e)
        else:
            result.skipped.append((e.finding, f"overlaps the fix of {clash.finding.rule}"))
    return result


def apply(text: str, edits: list[Edit]) -> str:
    """``text`` with non-overlapping edits made."""
    out, at = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out += [text[at : e.start], e.replacement]
        at = e.end
    out.append(text[at:])
    return "".join(out)


def _refusal(doc: Document) -> str | None:
    """Why a document's file cannot be rewritten from its text, if it cannot."""
    if doc.path is None:
        return "stdin has no file to fix"
    if not os.path.isfile(doc.path):
        return "not a file of its own (a JSONL record?)"
    if doc.meta.extra.get("extracted_from") == EXTRACTED:
        return "an HTML page: its text was extracted from the markup"
    return None


def fix_document(doc: Document, findings: list[Finding], say: Say) -> int:
    """Apply the safe fixes to the document's file, telling ``say`` what was applied and what
    was skipped and why; returns the number applied (0 leaves the file untouched)."""
    name = doc.path or "-"

    def where(f: Finding) -> str:
        line, col = doc.line_col(f.start)
        return f"{name}:{line}:{col}: {f.rule}"

    chosen = plan(doc.text, findings)
    refusal = _refusal(doc)
    if refusal is not None and chosen.edits:
        say(f"{name}: not fixed: {refusal}")
        return 0
    for f, why in chosen.skipped:
        say(f"{where(f)}: fix skipped: {why}")
    if not chosen.edits:
        return 0
    try:
        write_in_place(name, apply(doc.text, chosen.edits), doc.meta.encoding)
    except (InputError, OSError) as exc:
        say(f"{name}: not fixed: {getattr(exc, 'problem', None) or exc}")
        return 0
    for e in chosen.edits:
        old = " ".join(doc.text[e.finding.start : e.finding.end].split())
        new = f"'{e.replacement}'" if e.finding.rule != DELETE else "(deleted)"
        say(f"{where(e.finding)}: fixed: '{old}' -> {new}")
    say(f"{name}: {len(chosen.edits)} fix(es) applied, original kept as {name}.bak")
    return len(chosen.edits)
