"""The contract between the pipeline and every analyser.

An analyser is one method from a context to findings, in the spirit of DataTrove's filters:
timing, counting and error isolation are done once, by the pipeline, not by each analyser.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from garblecheck.config import Config
from garblecheck.model import AlignedSource, Document, Finding, Origin


@dataclass
class Context:
    """What an analyser may read: the document, its source (compare mode), the configuration,
    and facts worked out once per run (article date, locale, alignment with the source)."""

    doc: Document
    config: Config
    source: Document | None = None
    date: dt.date | None = None
    locale: str | None = None
    # per copy sentence: the aligned source text, or None (compare mode only)
    alignment: list[AlignedSource | None] = field(default_factory=list)
    # findings of the analysers that ran before, filled by the pipeline only for analysers
    # that set ``needs_findings`` (they run last); empty for every other analyser
    earlier: list[Finding] = field(default_factory=list)
    # the score channel, written by analysers that judge every sentence (the classifier): a
    # sentence's probability of being garbled when it stayed under their reporting threshold.
    # It ranks sentences (their score) without flagging them; findings still decide flags.
    probabilities: dict[int, float] = field(default_factory=dict)


class Analyser:
    """Base class: subclasses set ``name`` and ``origin`` and implement ``analyse``."""

    name: ClassVar[str] = "analyser"
    origin: ClassVar[Origin] = "rules"
    needs_source: ClassVar[bool] = False
    # True for analysers that read the other analysers' findings (``Context.earlier``)
    needs_findings: ClassVar[bool] = False

    def analyse(self, ctx: Context) -> list[Finding]:
        raise NotImplementedError
