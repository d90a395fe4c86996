"""Lines that are not the article: scraping junk, and photo captions.

The segmenter classifies every paragraph; this kind only reports the ones of a given kind, so
an editor sees what to delete. Its findings lie outside prose, on no sentence, so they never
flag a sentence of the article itself.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from garblecheck.analyser import Context
from garblecheck.model import Finding
from garblecheck.rules.base import Option, RuleKind, register


@register
class BoilerplateBlock(RuleKind):
    """One finding per block of the configured kind (``boilerplate`` or ``caption``); the
    rule's message may name the segmenter's reason with ``{reason}``. Blocks whose reason is
    in ``ignore_reasons`` (a draft's front matter and code) are not prose but not junk either."""

    kind = "boilerplate-block"
    placeholders: ClassVar[frozenset[str] | None] = frozenset({"reason"})
    options: ClassVar[dict[str, Option]] = {
        "block_kind": Option(str, default="boilerplate"),
        "ignore_reasons": Option(list, default=[]),
    }

    def check(self, ctx: Context) -> list[Finding]:
        wanted = self.spec.options.get("block_kind", "boilerplate")
        ignored = set(self.spec.options.get("ignore_reasons") or ())
        found = []
        for block in ctx.doc.seg.blocks:
            if block.kind != wanted or block.reason in ignored:
                continue
            reason = block.reason or block.kind
            finding = self.finding(
                ctx,
                block.start,
                block.end,
                self.spec.message.format(reason=reason),
                suggestion="",
                evidence=ctx.doc.text[block.start : block.end][:80],
            )
            found.append(dataclasses.replace(finding, sentence=None))
        return found
