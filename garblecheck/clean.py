"""``garblecheck clean``: the article without its scraping junk and photo captions.

The segmenter's block kinds decide what goes: boilerplate and caption blocks, except a markdown
draft's front matter and fenced code, which belong to the draft. What stays is kept byte for
byte, and each kept block is preceded by the line break that stood before it, so the article's
layout (blank lines, one paragraph a line, CRLF) survives.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass

from garblecheck.errors import InputError
from garblecheck.model import Block
from garblecheck.segment import segment

_KEEP_REASONS = frozenset({"front matter", "code"})
_BREAK = re.compile(r"\s*[\n\r\v\f\u2028\u2029]\s*")


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text and the blocks taken out of it."""

    text: str
    removed: list[Block]


def removable(block: Block) -> bool:
    """Whether a block is junk or a caption rather than part of the article or draft."""
    return block.kind in ("boilerplate", "caption") and block.reason not in _KEEP_REASONS


def _separator(text: str, blocks: list[Block], prev: int, this: int) -> str:
    """What to put between kept blocks ``prev`` and ``this``: the line break before ``this``
    or, where junk was glued to it, the one after ``prev``; a blank line otherwise."""
    before = text[blocks[this - 1].end : blocks[this].start]
    after = text[blocks[prev].end : blocks[prev + 1].start]
    for gap in (before, after):
        if _BREAK.fullmatch(gap):
            return gap
    return "\n\n"


def clean(text: str) -> Cleaned:
    """``text`` without boilerplate and caption blocks."""
    blocks = segment(text).blocks
    kept = [i for i, b in enumerate(blocks) if not removable(b)]
    parts: list[str] = []
    for n, i in enumerate(kept):
        if n:
            parts.append(_separator(text, blocks, kept[n - 1], i))
        parts.append(text[blocks[i].start : blocks[i].end])
    if parts:
        tail = re.search(r"[\r\n]+\Z", text)
        parts.append(tail.group() if tail else "")
    return Cleaned("".join(parts), [b for b in blocks if removable(b)])


def write_in_place(path: str, cleaned: str, encoding: str) -> str:
    """Replace the file with ``cleaned`` in the encoding it was read in (``encoding`` as the
    reader names it), after copying the original to ``path + ".bak"``, which must not exist yet:
    a second run would otherwise overwrite the only copy of the original. Returns the backup."""
    backup = path + ".bak"
    if os.path.lexists(backup):
        raise InputError(path, f"backup {backup} exists already: remove it or use -o")
    data = cleaned.encode(encoding.split()[0])
    shutil.copy2(path, backup)
    tmp = f"{path}.garblecheck-tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    shutil.copymode(path, tmp)
    os.replace(tmp, path)
    return backup
